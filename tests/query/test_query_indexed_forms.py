"""Indexed forms of stored queries (queries/indexed/NAME.rq): the same rows as the plain form, and the
choice between them (``StoredQuery.text_for``), which for a word-index form depends on the value."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kommgraph.query import catalogue as queries
from kommgraph.query.engines import OxigraphEngine, RdflibEngine
from kommgraph.query.result import display

ROOT = Path(__file__).resolve().parents[2]
CASES = ROOT / "tests" / "queries"
INDEXED = sorted(p.stem for p in (ROOT / "queries" / "indexed").glob("*.rq"))
WORD_FORMS = [name for name in INDEXED if queries.catalogue()[name].word_parameter]


def cases() -> list[Path]:
    return [
        p
        for name in INDEXED
        for p in sorted((CASES / name).glob("*.json"))
        if "data" not in json.loads(p.read_text())
    ]


def test_the_word_index_serves_the_name_pattern_queries():
    assert WORD_FORMS == ["digital-units"]
    assert queries.catalogue()["digital-units"].word_parameter == "pattern"


@pytest.mark.parametrize("path", cases(), ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_the_indexed_form_gives_the_reviewed_rows(path, bundled):
    case = json.loads(path.read_text(encoding="utf-8"))
    stored = queries.catalogue()[path.parent.name]
    engine = OxigraphEngine(bundled.store)
    assert engine.holds_index()
    text = stored.text_for(True, case["params"])
    assert text is stored.indexed
    result = engine.select(text, stored.bindings(case["params"]))
    assert [[display(t) for t in row] for row in result.rows] == case["rows"]


@pytest.mark.parametrize("pattern", ["Digital", "digitalisierung", "IT", "amt", "für", "ü", "t", "x", "ST"])
def test_the_word_index_form_gives_the_plain_rows(bundled, pattern):
    stored = queries.catalogue()["digital-units"]
    engine = OxigraphEngine(bundled.store)
    bindings = stored.bindings({"pattern": pattern})
    plain = engine.select(stored.text, bindings)
    assert stored.text_for(True, {"pattern": pattern}) is stored.indexed
    assert engine.select(stored.indexed, bindings).rows == plain.rows


def test_rdflib_reads_the_index_graph_alike(bundled):
    stored = queries.catalogue()["digital-units"]
    bindings = stored.bindings({"pattern": "amt"})
    rdflib_engine = RdflibEngine.from_store(bundled.store)
    assert rdflib_engine.holds_index()
    expected = OxigraphEngine(bundled.store).select(stored.text, bindings).rows
    assert rdflib_engine.select(stored.indexed, bindings).rows == expected


@pytest.mark.parametrize(
    ("holds_index", "values", "form"),
    [
        (True, {"pattern": "Digital"}, "indexed"),
        (True, {}, "indexed"),  # the default, "Digital"
        (True, {"pattern": "für Digital"}, "plain"),  # a space: the text may span two words
        (True, {"pattern": ""}, "plain"),  # every name
        (True, None, "plain"),  # the caller does not say what it binds
        (False, {"pattern": "Digital"}, "plain"),  # no index graph
    ],
    ids=["one word", "default", "space", "empty", "values unknown", "no index"],
)
def test_text_for_chooses_by_the_value(holds_index, values, form):
    stored = queries.catalogue()["digital-units"]
    expected = stored.indexed if form == "indexed" else stored.text
    assert stored.text_for(holds_index, values) is expected


def test_a_pattern_with_a_space_finds_its_rows_through_the_plain_form(bundled):
    """The indexed text would miss "Amt für Digitalisierung" for "für digital" (no word holds a space)."""
    stored = queries.catalogue()["digital-units"]
    engine = OxigraphEngine(bundled.store)
    values = {"pattern": "für digital"}
    rows = engine.select(stored.text_for(True, values), stored.bindings(values)).rows
    assert [str(r[1]) for r in rows] == ["Amt für Digitalisierung und IT"]
    assert engine.select(stored.indexed, stored.bindings(values)).rows == []


def test_an_index_parameter_the_query_lacks_is_named(tmp_path):
    (tmp_path / "indexed").mkdir()
    (tmp_path / "q.rq").write_text("#+ summary: s\nSELECT DISTINCT ?x WHERE { ?x ?p ?_name } ORDER BY ?x\n")
    (tmp_path / "indexed" / "q.rq").write_text("#+ index-parameter: pattern\nSELECT ?x WHERE { }\n")
    with pytest.raises(queries.ParameterError, match="query 'q' has no parameter 'pattern'"):
        queries.load_query(tmp_path / "q.rq")


def test_an_indexed_form_without_a_word_parameter_serves_every_value(tmp_path):
    (tmp_path / "indexed").mkdir()
    plain = (
        "#+ summary: s\n#+ defaults:\n#+   - pattern: Digital\n"
        "SELECT DISTINCT ?x WHERE { ?x ?p ?_pattern } ORDER BY ?x\n"
    )
    (tmp_path / "q.rq").write_text(plain)
    (tmp_path / "indexed" / "q.rq").write_text("SELECT DISTINCT ?x WHERE { ?x ?q ?_pattern } ORDER BY ?x\n")
    stored = queries.load_query(tmp_path / "q.rq")
    assert stored.text_for(True, {"pattern": "a b"}) is stored.indexed
    assert stored.text_for(True) is stored.indexed
