"""DataFrames with one dtype per column, whatever the town: every stored query, every bundled authority.

Calendar columns are datetime64[ns] (the earliest day) with a ``<name>_precision`` column; missing
values are NaT; ``.dt`` and sorting work on every column, also one that mixes years and days.
"""

from __future__ import annotations

import datetime as dt

import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import SKOS, XSD

from kommgraph.core.vocab import KG
from kommgraph.query import catalogue as queries
from kommgraph.query.engines import OxigraphEngine
from kommgraph.query.frames import declared_kinds, query_kinds, to_dataframe
from kommgraph.query.result import Result

from .params import PARAMS

pd = pytest.importorskip("pandas")

CATALOGUE = queries.catalogue()
CALENDAR = "datetime64[ns]"
# the dtypes of every stored query's frame; a calendar column X comes with X_precision (string)
EXPECTED = {
    "conflicts": dict.fromkeys(
        "kind subject label property value_a source_a quote_a value_b source_b quote_b status prevailing"
        "".split(),
        "string",
    ),
    "digital-units": {
        **dict.fromkeys("authority unit_name type placed_in reports_to".split(), "string"),
        "valid_from": CALENDAR,
        "valid_from_precision": "string",
        "valid_until": CALENDAR,
        "valid_until_precision": "string",
    },
    "events-by-type-year": {"year": "string", "change": "string", "events": "Int64"},
    "evidence": {
        "source": "string",
        "issued": CALENDAR,
        "issued_precision": "string",
        "quote": "string",
        "start": "Int64",
        "end": "Int64",
        "document": "string",
    },
    "functions-moved": {
        **dict.fromkeys("from_unit function to_unit".split(), "string"),
        "effective": CALENDAR,
        "effective_precision": "string",
        "planned": "string",
        "source": "string",
    },
    "heads-of-unit": {
        **dict.fromkeys("unit_name person role title".split(), "string"),
        "valid_from": CALENDAR,
        "valid_from_precision": "string",
        "valid_until": CALENDAR,
        "valid_until_precision": "string",
        "source": "string",
    },
    "lineage": {
        **dict.fromkeys("direction unit_name change".split(), "string"),
        "effective": CALENDAR,
        "effective_precision": "string",
        "unit": "string",
    },
    "replaced-units": {
        **dict.fromkeys("authority replaced successor change".split(), "string"),
        "effective": CALENDAR,
        "effective_precision": "string",
        "source": "string",
    },
    "strategies": {
        "authority": "string",
        "strategy": "string",
        "presented": CALENDAR,
        "presented_precision": "string",
        "projects": "Int64",
        "measure": "string",
        "measure_projects": "Int64",
        "measure_from": CALENDAR,
        "measure_from_precision": "string",
        "detail": "string",
    },
    "units-on-date": {
        **dict.fromkeys("unit_name type parent status".split(), "string"),
        "valid_from": CALENDAR,
        "valid_from_precision": "string",
        "valid_until": CALENDAR,
        "valid_until_precision": "string",
        "unit": "string",
    },
}


@pytest.fixture(scope="module")
def authorities(bundled) -> list[str]:
    rows = OxigraphEngine(bundled.store).select(
        f"SELECT ?ags WHERE {{ ?a a <{KG.LocalAuthority}> ; <{KG.ags}> ?ags }} ORDER BY ?ags"
    )
    return [str(row[0]) for row in rows.rows]


def runs(stored, authorities: list[str]) -> list[dict[str, str]]:
    """Parameters for one query: each authority where it takes one, and a run that finds nothing."""
    names = {p.name for p in stored.parameters}
    fixed = {k: v for k, v in PARAMS.get(stored.name, {}).items() if k != "authority"}
    params = [{**fixed, "authority": ags} for ags in authorities] if "authority" in names else [fixed]
    if "pattern" in names:
        params.append({"pattern": "no such unit anywhere"})
    return params


def test_every_stored_query_has_expected_dtypes():
    assert set(EXPECTED) == set(CATALOGUE)


def test_there_are_several_bundled_authorities(authorities):
    assert authorities == ["06411000", "06412000", "06413000", "08222000"]


@pytest.mark.parametrize("name", sorted(CATALOGUE))
def test_one_dtype_per_column_for_every_authority(name, bundled, authorities):
    stored = CATALOGUE[name]
    engine = OxigraphEngine(bundled.store)
    for params in runs(stored, authorities):
        frame = to_dataframe(engine.select(stored.text, stored.bindings(params)))
        assert {c: str(t) for c, t in frame.dtypes.items()} == EXPECTED[name], params


def test_units_on_date_valid_from_has_one_dtype_and_sorts(bundled, authorities):
    import kommgraph
    from kommgraph.api.session import KommGraph  # noqa: F401 - the notebook API the issue names

    kg = kommgraph.open()
    dtypes = set()
    for ags in authorities:
        frame = kg.query("units-on-date", authority=ags, date=dt.date(2018, 5, 31)).to_df()
        dtypes.add(str(frame["valid_from"].dtype))
        frame.sort_values("valid_from")  # no IncompatibleFrequency
        assert frame["valid_from"].dt.year.isna().equals(frame["valid_from"].isna())
    assert dtypes == {CALENDAR}


def test_mixed_precision_sorts_and_keeps_its_precision():
    result = Result(
        ["valid_from"],
        [
            (Literal("2018-06-01", datatype=XSD.date),),
            (Literal("2012", datatype=XSD.gYear),),
            (None,),
            (Literal("2015-03", datatype=XSD.gYearMonth),),
        ],
    )
    frame = to_dataframe(result).sort_values("valid_from")
    assert [str(d.date()) if not pd.isna(d) else None for d in frame["valid_from"]] == [
        "2012-01-01",
        "2015-03-01",
        "2018-06-01",
        None,
    ]
    assert frame["valid_from_precision"].fillna("-").tolist() == ["year", "month", "day", "-"]
    assert frame["valid_from"].dt.year.tolist()[:3] == [2012, 2015, 2018]
    assert pd.isna(frame["valid_from"].dt.year.tolist()[3])


def test_an_empty_calendar_column_is_still_a_calendar_column():
    frame = to_dataframe(Result(["valid_from", "label"], [(None, Literal("Amt"))]))
    assert str(frame["valid_from"].dtype) == CALENDAR and pd.isna(frame["valid_from"].iloc[0])
    assert frame["valid_from"].dt.year.isna().all()
    assert str(frame["valid_from_precision"].dtype) == "string"


def test_other_kinds():
    result = Result(
        ["n", "share", "flag", "label", "iri", "stamp"],
        [
            (
                Literal(3),
                Literal("0.5", datatype=XSD.decimal),
                Literal(True),
                Literal("Amt", lang="de"),
                URIRef("https://example.org/x"),
                Literal("2020-01-02T03:04:05+01:00", datatype=XSD.dateTime),
            ),
            (None, None, None, None, None, None),
        ],
    )
    frame = to_dataframe(result)
    assert {c: str(t) for c, t in frame.dtypes.items()} == {
        "n": "Int64",
        "share": "Float64",
        "flag": "boolean",
        "label": "string",
        "iri": "string",
        "stamp": CALENDAR,
    }
    assert frame["stamp"].iloc[0] == pd.Timestamp("2020-01-02 02:04:05")
    assert pd.isna(frame["n"].iloc[1]) and pd.isna(frame["stamp"].iloc[1])


def test_values_that_do_not_fit_the_declared_kind_keep_their_own():
    frame = to_dataframe(Result(["valid_from"], [(Literal("sometime"),)]))
    assert list(frame.columns) == ["valid_from"] and str(frame["valid_from"].dtype) == "string"


def test_query_kinds_reads_properties_counts_and_aliases():
    text = (
        "SELECT ?from (COUNT(DISTINCT ?e) AS ?n) (MIN(?from) AS ?first) WHERE { ?u kg:validFrom ?from ; "
        f"<{SKOS.prefLabel}> ?label . ?s kg:projectCount ?p }}"
    )
    assert query_kinds(text) == {"from": "calendar", "p": "integer", "n": "integer", "first": "calendar"}
    assert declared_kinds()["valid_from"] == "calendar"
