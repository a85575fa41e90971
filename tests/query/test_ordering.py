"""Rows sorted in Python (query/ordering.py) come in the order Oxigraph's ORDER BY gives them."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from kommgraph.query.engines import OxigraphEngine
from kommgraph.query.ordering import order, split_order

EX = "http://example.org/"
ROWS = [
    # name (a language-tagged string, a plain one or none), a date of any precision, a tie-breaker
    ('"Amt für Ordnung"@de', '"2018-05"^^<http://www.w3.org/2001/XMLSchema#gYearMonth>', '"b"'),
    ('"Amt für Ordnung"@de', '"2018"^^<http://www.w3.org/2001/XMLSchema#gYear>', '"a"'),
    ('"Amt für Ordnung"@de', '"2017-12-31"^^<http://www.w3.org/2001/XMLSchema#date>', '"c"'),
    ('"Ämter"@de', None, '"d"'),
    ('"Zentrale"@de', '"2018-05-01"^^<http://www.w3.org/2001/XMLSchema#date>', '"e"'),
    ('"amt"@de', '"2018-05"^^<http://www.w3.org/2001/XMLSchema#gYearMonth>', '"f"'),
    ('"Amt für Ordnung"@de', '"2018-05"^^<http://www.w3.org/2001/XMLSchema#gYearMonth>', '"a"'),
    ('"Zentrale"@de', '"2018-05-01"^^<http://www.w3.org/2001/XMLSchema#date>', '"e2"'),
    ('"Zentrale"@de', '"2018-05-01"^^<http://www.w3.org/2001/XMLSchema#date>', '"e1"'),
]
QUERY = """#+ order-rows: python
SELECT ?name ?date ?other WHERE {
  ?row <http://example.org/name> ?name ; <http://example.org/other> ?other .
  OPTIONAL { ?row <http://example.org/date> ?date }
}
ORDER BY ?name ?date"""


@pytest.fixture(scope="module")
def store() -> ox.Store:
    data = ox.Store()
    lines = []
    for number, (name, date, other) in enumerate(ROWS):
        lines.append(f"<{EX}r{number}> <{EX}name> {name} ; <{EX}other> {other} .")
        if date is not None:
            lines.append(f"<{EX}r{number}> <{EX}date> {date} .")
    data.load("\n".join(lines).encode(), format=ox.RdfFormat.TURTLE)
    return data


def test_the_marker_takes_the_order_by_off():
    text, variables = split_order(QUERY)
    assert variables == ["name", "date"]
    assert "ORDER BY" not in text
    assert split_order(QUERY.replace("#+ order-rows: python\n", "")) is None


def test_python_gives_the_engines_order_with_dates_of_mixed_precision_and_ties(store):
    text, variables = split_order(QUERY)
    solutions = store.query(text)
    names = [v.value for v in solutions.variables]
    unsorted = [tuple(s) for s in solutions]
    engine_sorted = [tuple(s) for s in store.query(QUERY)]
    assert order(unsorted, [names.index(v) for v in variables]) == engine_sorted


def test_the_engine_sorts_a_marked_query_in_python_as_it_would_itself(store):
    engine = OxigraphEngine(store)
    marked = engine.select(QUERY).rows
    assert marked == engine.select(QUERY.replace("#+ order-rows: python\n", "")).rows
    assert len(marked) == len(ROWS)


def test_a_blank_node_leaves_the_sort_to_the_engine():
    rows = [(ox.BlankNode("x"),), (ox.BlankNode("y"),)]
    assert order(rows, [0]) is None
