"""The Python API for notebooks: kommgraph.open(), results as rows, HTML and typed DataFrames."""

from __future__ import annotations

import datetime as dt

import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import XSD

import kommgraph
from kommgraph.api.session import KommGraph
from kommgraph.query.engines import OxigraphEngine
from kommgraph.query.result import Result

pd = pytest.importorskip("pandas")

UNIT = "https://w3id.org/kommgraph/id/unit/06412000/stabsstelle-e-government"


@pytest.fixture(scope="module")
def kg(bundled):
    return KommGraph(bundled)


def test_query_with_keyword_parameters(kg):
    result = kg.query("replaced-units", pattern="E-Government")
    assert [(str(r["replaced"]), str(r["successor"]), str(r["change"])) for r in result.dicts()] == [
        ("Stabsstelle E-Government", "Stabsstelle Digitalisierung", "renaming")
    ] * 2
    assert result.values()[0][4] == dt.date(2018, 6, 1)


def test_query_takes_python_dates(kg):
    on_date = kg.query("units-on-date", authority="Frankfurt am Main", date=dt.date(2018, 6, 1))
    assert "Stabsstelle Digitalisierung" in {str(row[0]) for row in on_date}


def test_open_with_endpoint_and_with_rdflib(kg, mirror):
    remote = kommgraph.open(endpoint=mirror.query_url)
    assert remote.engine.name == "remote" and remote.store is None
    assert remote.query("lineage", unit=UNIT) == kg.query("lineage", unit=UNIT)
    local = kommgraph.open(engine="rdflib")
    assert local.query("lineage", unit=UNIT) == kg.query("lineage", unit=UNIT)
    with pytest.raises(ValueError, match="unknown engine 'jena'"):
        kommgraph.open(engine="jena")


def test_queries_lists_names_summaries_parameters(kg):
    catalogue = kg.queries()
    assert catalogue["units-on-date"].summary.startswith("The units of an authority on a day")
    assert [p.name for p in catalogue["units-on-date"].parameters] == ["authority", "date"]
    assert "<td><code>units-on-date</code></td>" in catalogue._repr_html_()
    assert "    -p authority=<string>\n    -p date=<xsd:date>\n" in str(catalogue)


def test_sparql_ad_hoc(kg):
    result = kg.sparql(
        "PREFIX kg: <https://w3id.org/kommgraph/ontology#> "
        "SELECT (COUNT(DISTINCT ?u) AS ?n) WHERE { ?u a kg:AdministrativeUnit }"
    )
    assert result.variables == ["n"]
    assert int(result.rows[0][0]) >= 10


def test_evidence_frame_has_typed_columns(kg):
    df = kg.query("evidence", resource="https://w3id.org/kommgraph/id/event/06412000/2018-06-01-renaming-stabsstelle-digitalisierung").to_df()
    assert list(df.columns) == ["source", "issued", "quote", "start", "end", "document"]
    assert pd.api.types.is_datetime64_dtype(df["issued"])
    assert {c: str(t) for c, t in df.dtypes.items() if c != "issued"} == {
        "source": "string",
        "quote": "string",
        "start": "Int64",
        "end": "Int64",
        "document": "string",
    }
    assert df["issued"].iloc[0] == pd.Timestamp("2018-05-30")


def test_month_and_year_precision_is_kept():
    result = Result(
        ["month", "year", "mixed", "n", "flag", "label", "iri"],
        [
            (
                Literal("2021-03", datatype=XSD.gYearMonth),
                Literal("2012", datatype=XSD.gYear),
                Literal("2012", datatype=XSD.gYear),
                Literal(3),
                Literal(True),
                Literal("Amt", lang="de"),
                URIRef("https://example.org/x"),
            ),
            (None, None, Literal("2018-06-01", datatype=XSD.date), None, None, Literal("B"), None),
        ],
    )
    df = result.to_df()
    assert str(df["month"].dtype) == "period[M]"
    assert df["month"].iloc[0] == pd.Period("2021-03", freq="M")
    assert df["month"].iloc[0].start_time == pd.Timestamp("2021-03-01")
    assert pd.isna(df["month"].iloc[1])
    assert str(df["year"].dtype) == "period[Y-DEC]"
    assert df["mixed"].dtype == object
    assert [p.freqstr for p in df["mixed"]] == ["Y-DEC", "D"]
    assert df["mixed"].iloc[0].end_time.date() == dt.date(2012, 12, 31)
    assert str(df["n"].dtype) == "Int64" and pd.isna(df["n"].iloc[1])
    assert str(df["flag"].dtype) == "boolean"
    assert list(df["label"]) == ["Amt", "B"] and str(df["label"].dtype) == "string"
    assert df["iri"].iloc[0] == "https://example.org/x"


def test_empty_result_gives_an_empty_frame_with_the_columns(kg):
    df = kg.query("replaced-units", pattern="no such unit anywhere").to_df()
    assert list(df.columns) == ["authority", "replaced", "successor", "change", "effective", "source"]
    assert len(df) == 0


def test_html_escapes_values_and_links_iris():
    result = Result(["label", "unit"], [(Literal("<script>alert(1)</script> & co"), URIRef(UNIT))])
    html = result._repr_html_()
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; co" in html and "<script>" not in html
    assert f'<a href="{UNIT}">kgid:unit/06412000/stabsstelle-e-government</a>' in html
    assert "<caption>1 row</caption>" in html


def test_results_are_deterministic(bundled):
    engine = OxigraphEngine(bundled.store)
    first = KommGraph(bundled, engine=engine).query("heads-of-unit")
    assert first == KommGraph(bundled, engine=engine).query("heads-of-unit")
    assert str(first).endswith(f"({len(first)} rows)\n")
