"""The choice between a stored query's plain and indexed form (``StoredQuery.text_for``), which for a
form that finds a name through a word index depends on the value bound."""

from __future__ import annotations

import pytest

from kommgraph.query import catalogue as queries

PLAIN = (
    "#+ summary: s\n#+ defaults:\n#+   - pattern: Digital\n"
    "SELECT DISTINCT ?x WHERE { ?x ?p ?_pattern } ORDER BY ?x\n"
)
INDEXED = "#+ index-parameter: pattern\nSELECT DISTINCT ?x WHERE { ?x ?q ?_pattern } ORDER BY ?x\n"


@pytest.fixture
def stored(tmp_path) -> queries.StoredQuery:
    (tmp_path / "indexed").mkdir()
    (tmp_path / "q.rq").write_text(PLAIN)
    (tmp_path / "indexed" / "q.rq").write_text(INDEXED)
    return queries.load_query(tmp_path / "q.rq")


def test_the_indexed_file_names_its_word_parameter(stored):
    assert (stored.indexed, stored.word_parameter) == (INDEXED, "pattern")


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
def test_text_for_chooses_by_the_value(stored, holds_index, values, form):
    expected = stored.indexed if form == "indexed" else stored.text
    assert stored.text_for(holds_index, values) is expected


def test_an_indexed_form_without_a_word_parameter_serves_every_value(tmp_path):
    (tmp_path / "indexed").mkdir()
    (tmp_path / "q.rq").write_text(PLAIN)
    (tmp_path / "indexed" / "q.rq").write_text("SELECT DISTINCT ?x WHERE { ?x ?q ?_pattern } ORDER BY ?x\n")
    stored = queries.load_query(tmp_path / "q.rq")
    assert stored.text_for(True, {"pattern": "a b"}) is stored.indexed
    assert stored.text_for(True) is stored.indexed


def test_an_index_parameter_the_query_lacks_is_named(tmp_path):
    (tmp_path / "indexed").mkdir()
    (tmp_path / "q.rq").write_text("#+ summary: s\nSELECT DISTINCT ?x WHERE { ?x ?p ?_name } ORDER BY ?x\n")
    (tmp_path / "indexed" / "q.rq").write_text("#+ index-parameter: pattern\nSELECT ?x WHERE { }\n")
    with pytest.raises(queries.ParameterError, match="query 'q' has no parameter 'pattern'"):
        queries.load_query(tmp_path / "q.rq")
