"""True-precision dates: bounds as rule 40-date-bounds.rq derives them, three-valued answers."""

from __future__ import annotations

import datetime as dt

import pyoxigraph as ox
import pytest

from kommgraph.core import dates
from kommgraph.core.dates import Answer

D = dt.date


@pytest.mark.parametrize(
    ("lexical", "datatype", "approximate", "earliest", "latest"),
    [
        ("2018-06-01", dates.DATE, False, D(2018, 6, 1), D(2018, 6, 1)),
        ("2021-03", dates.YEAR_MONTH, False, D(2021, 3, 1), D(2021, 3, 31)),
        ("2020-02", dates.YEAR_MONTH, False, D(2020, 2, 1), D(2020, 2, 29)),
        ("1900-02", dates.YEAR_MONTH, False, D(1900, 2, 1), D(1900, 2, 28)),
        ("2012", dates.YEAR, False, D(2012, 1, 1), D(2012, 12, 31)),
        ("2012", dates.YEAR, True, D(2011, 1, 1), D(2013, 12, 31)),
        ("2021-03Z", dates.YEAR_MONTH, False, D(2021, 3, 1), D(2021, 3, 31)),
    ],
)
def test_bounds(lexical, datatype, approximate, earliest, latest):
    value = dates.parse(lexical, datatype, approximate)
    assert (value.earliest, value.latest) == (earliest, latest)
    assert str(value) == lexical + ("~" if approximate else "")


def test_bounds_agree_with_the_rule_on_every_date_of_the_bundled_data(bundled):
    """The Python bounds and the derived xsd:date bounds of 40-date-bounds.rq are the same, value by value."""
    query = """
    PREFIX kg: <https://w3id.org/kommgraph/ontology#>
    SELECT ?s ?p ?value ?earliest ?latest ?approx WHERE {
      VALUES (?p ?pe ?pl) { (kg:validFrom kg:validFromEarliest kg:validFromLatest)
                            (kg:validUntil kg:validUntilEarliest kg:validUntilLatest)
                            (kg:effectiveDate kg:effectiveDateEarliest kg:effectiveDateLatest) }
      ?s ?p ?value ; ?pe ?earliest ; ?pl ?latest .
      BIND(EXISTS { ?s kg:approximate ?p } AS ?approx)
    }"""
    rows = list(bundled.store.query(query))
    assert len(rows) >= 10
    for row in rows:
        value = dates.from_term(row["value"], row["approx"].value == "true")
        assert (value.earliest.isoformat(), value.latest.isoformat()) == (
            row["earliest"].value,
            row["latest"].value,
        )


def test_from_term_reads_pyoxigraph_and_rdflib_literals():
    from rdflib import Literal
    from rdflib.namespace import XSD

    ox_value = ox.Literal("2021-03", datatype=ox.NamedNode(dates.YEAR_MONTH))
    assert dates.from_term(ox_value) == dates.from_term(Literal("2021-03", datatype=XSD.gYearMonth))
    assert dates.from_term(ox_value).precision == "month"


@pytest.mark.parametrize(
    ("bad", "datatype"),
    [
        ("2021-13", dates.YEAR_MONTH),
        ("2021-02-30", dates.DATE),
        ("21", dates.YEAR),
        ("2021", "http://www.w3.org/2001/XMLSchema#string"),
    ],
)
def test_invalid_values_are_refused_with_a_reason(bad, datatype):
    with pytest.raises(dates.DateError, match=bad):
        dates.parse(bad, datatype)


@pytest.mark.parametrize(
    ("day", "start", "end", "answer"),
    [
        (D(2021, 3, 15), "2021-03", None, Answer.POSSIBLE),
        (D(2021, 4, 1), "2021-03", None, Answer.CERTAIN),
        (D(2021, 2, 28), "2021-03", None, Answer.NO),
        (D(2018, 5, 31), "2012~", "2018-06-01", Answer.CERTAIN),
        (D(2018, 6, 1), "2012~", "2018-06-01", Answer.NO),  # validUntil is the first day it no longer exists
        (D(2012, 6, 1), "2012~", "2018-06-01", Answer.POSSIBLE),
        (D(2010, 12, 31), "2012~", "2018-06-01", Answer.NO),
        (D(2019, 7, 1), None, "2019", Answer.POSSIBLE),
        (D(1990, 1, 1), None, None, Answer.CERTAIN),
    ],
)
def test_exists_on_is_three_valued(day, start, end, answer):
    start_value = dates.parse_user(start) if start else None
    end_value = dates.parse_user(end) if end else None
    assert dates.exists_on(day, start_value, end_value) is answer


def test_comparisons_and_combinations():
    march, april_first, year = (
        dates.parse_user("2021-03"),
        dates.parse_user("2021-04-01"),
        dates.parse_user("2021"),
    )
    assert march.before(april_first) is Answer.CERTAIN
    assert year.before(april_first) is Answer.POSSIBLE
    assert april_first.before(march) is Answer.NO
    assert year.compatible(march) and not march.compatible(april_first)
    both = dates.hull([march, april_first])
    assert (both.earliest, both.latest) == (D(2021, 3, 1), D(2021, 4, 1))
    assert (Answer.CERTAIN & Answer.POSSIBLE) is Answer.POSSIBLE
    assert dates.issued_by(dates.parse_user("2018-05"), D(2018, 5, 15)) is Answer.POSSIBLE


def test_user_dates_and_days():
    assert dates.parse_user("2012~").approximate
    assert dates.parse_day("2018-06-01") == D(2018, 6, 1)
    with pytest.raises(dates.DateError, match="YYYY-MM-DD"):
        dates.parse_day("1.6.2018")
