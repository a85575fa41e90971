"""The index rules (queries/rules/NN-index-*.rq): their exact conclusions on a small dataset, where they
go (the index graph alone), and that an edited source changes them as a fresh derivation would."""

from __future__ import annotations

import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest

from kommgraph.core.vocab import DERIVED_GRAPH
from kommgraph.publish.dumps import graph_order, rebased_store
from kommgraph.publish.site import Site
from kommgraph.query.push import owned_graphs
from kommgraph.store.derive import INDEX_GRAPH, rules
from kommgraph.store.load import load
from kommgraph.store.persistent import read_journal

CONFLICT = Path(__file__).resolve().parents[1] / "temporal" / "data" / "conflict"
BUNDLED = Path(__file__).resolve().parents[2] / "data"
ID = "https://w3id.org/kommgraph/id/"
KG = "https://w3id.org/kommgraph/ontology#"
KGX = "https://w3id.org/kommgraph/index#"
RENAMING = f"{ID}event/09999000/2020-01-01-renaming-amt-fuer-digitalisierung"
ABSORPTION = f"{ID}event/09999000/2019-10-01-absorption-poststelle"
AMT_FUER_IT = f"{ID}unit/09999000/amt-fuer-it"
DIGITAL = f"{ID}unit/09999000/amt-fuer-digitalisierung"
POSTSTELLE = f"{ID}unit/09999000/poststelle"
TRUE = '"true"^^<http://www.w3.org/2001/XMLSchema#boolean>'

CONFLICT_INDEX = {
    (RENAMING, f"{KGX}severalValuesOf", f"<{KG}effectiveDate>"),
    (RENAMING, f"{KGX}severalValuesOf", f"<{KG}announcedDate>"),
    (AMT_FUER_IT, f"{KGX}severalValuesOf", f"<{KG}validUntil>"),
    (DIGITAL, f"{KGX}severalValuesOf", f"<{KG}validFrom>"),
    (ABSORPTION, f"{KGX}severalChangeTypes", TRUE),
    (AMT_FUER_IT, f"{KGX}activeAfterEnd", TRUE),
    (POSTSTELLE, f"{KGX}activeAfterEnd", TRUE),
    (INDEX_GRAPH, "http://www.w3.org/1999/02/22-rdf-syntax-ns#type", f"<{KGX}Index>"),  # the marker
}


WORD = "https://w3id.org/kommgraph/index/word/"
HAUPTAMT = f"{ID}unit/09999000/hauptamt"
WORD_INDEX = {
    (f"{WORD}amt", f"{KGX}inNameOf", f"<{DIGITAL}>"),
    (f"{WORD}f%C3%BCr", f"{KGX}inNameOf", f"<{DIGITAL}>"),
    (f"{WORD}digitalisierung", f"{KGX}inNameOf", f"<{DIGITAL}>"),
    (f"{WORD}amt", f"{KGX}inNameOf", f"<{AMT_FUER_IT}>"),
    (f"{WORD}f%C3%BCr", f"{KGX}inNameOf", f"<{AMT_FUER_IT}>"),
    (f"{WORD}it", f"{KGX}inNameOf", f"<{AMT_FUER_IT}>"),
    (f"{WORD}hauptamt", f"{KGX}inNameOf", f"<{HAUPTAMT}>"),
    (f"{WORD}poststelle", f"{KGX}inNameOf", f"<{POSTSTELLE}>"),
    (f"{WORD}amt", f"{KGX}text", '"amt"'),
    (f"{WORD}f%C3%BCr", f"{KGX}text", '"für"'),
    (f"{WORD}digitalisierung", f"{KGX}text", '"digitalisierung"'),
    (f"{WORD}it", f"{KGX}text", '"it"'),
    (f"{WORD}hauptamt", f"{KGX}text", '"hauptamt"'),
    (f"{WORD}poststelle", f"{KGX}text", '"poststelle"'),
}
WORD_TERMS = (f"{KGX}inNameOf", f"{KGX}text")
MUSTERSTADT = f"{ID}authority/09999000"
AUTHORITY_KEYS = {(MUSTERSTADT, f"{KGX}key", '"09999000"'), (MUSTERSTADT, f"{KGX}key", '"musterstadt"')}


def whole_index_of(store: ox.Store) -> set[tuple[str, str, str]]:
    """The index without the answer rows (blank nodes; tests/store/test_answer_rows.py)."""
    return {
        (q.subject.value, q.predicate.value, str(q.object))
        for q in store.quads_for_pattern(None, None, None, ox.NamedNode(INDEX_GRAPH))
        if isinstance(q.subject, ox.NamedNode)
    }


def index_of(store: ox.Store) -> set[tuple[str, str, str]]:
    """The index without the word index (91-index-name-words, tested on its own)."""
    return {t for t in whole_index_of(store) if t[1] not in (*WORD_TERMS, f"{KGX}key")}


def words_of(store: ox.Store) -> set[tuple[str, str, str]]:
    return {t for t in whole_index_of(store) if t[1] in WORD_TERMS}


def keys_of(store: ox.Store) -> set[tuple[str, str, str]]:
    return {t for t in whole_index_of(store) if t[1] == f"{KGX}key"}


@pytest.fixture
def conflict(tmp_path) -> Path:
    target = tmp_path / "conflict"
    shutil.copytree(CONFLICT, target)
    return target


def test_the_index_rules_are_named_as_such():
    assert [r.name for r in rules() if r.index] == [
        "90-index-conflicts",
        "91-index-name-words",
        "92-index-authority-keys",
        "93-index-rows-heads",
        "94-index-rows-successions",
        "95-index-rows-events",
        "96-index-rows-transfers",
        "97-index-rows-event-counts",
    ]


def test_the_conflict_index_of_two_disagreeing_sources():
    loaded = load(CONFLICT, persist=False)
    assert index_of(loaded.store) == CONFLICT_INDEX
    assert "90-index-conflicts" not in loaded.derived  # counts are of derived statements


def test_index_triples_are_neither_in_the_default_nor_in_the_derived_graph():
    store = load(CONFLICT, persist=False).store
    for graph in (ox.DefaultGraph(), ox.NamedNode(str(DERIVED_GRAPH))):
        found = [
            q for q in store.quads_for_pattern(None, None, None, graph) if q.predicate.value.startswith(KGX)
        ]
        assert found == []


def test_a_release_leaves_the_index_graph_out_and_a_push_sends_it():
    loaded = load(CONFLICT, persist=False)
    assert INDEX_GRAPH not in graph_order(loaded.store, Site())
    assert owned_graphs(loaded)[-1] == INDEX_GRAPH


def test_a_release_under_another_base_leaves_the_index_out_too():
    site = Site(base="https://example.org/id/")
    moved = rebased_store(load(CONFLICT, persist=False).store, site)
    assert [g for g in graph_order(moved, site) if g.endswith("/index")] == []
    assert [q for q in moved if q.predicate.value.startswith(KGX)] == []


def replace_in(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


AGREE = ('kg:effectiveDate "2020-04"^^xsd:gYearMonth', 'kg:effectiveDate "2020-01-01"^^xsd:date')
SAME_TYPE = (f"<{ABSORPTION}> a kg:Dissolution", f"<{ABSORPTION}> a kg:Absorption")


@pytest.mark.parametrize(
    ("edit", "gone"),
    [
        # the renaming's date also gave the old unit's end and the new one's start in source b
        (
            AGREE,
            {
                (RENAMING, f"{KGX}severalValuesOf", f"<{KG}effectiveDate>"),
                (AMT_FUER_IT, f"{KGX}severalValuesOf", f"<{KG}validUntil>"),
                (DIGITAL, f"{KGX}severalValuesOf", f"<{KG}validFrom>"),
                (AMT_FUER_IT, f"{KGX}activeAfterEnd", TRUE),
            },
        ),
        (SAME_TYPE, {(ABSORPTION, f"{KGX}severalChangeTypes", TRUE)}),
    ],
    ids=["dates agree", "types agree"],
)
def test_an_edited_source_changes_the_index_incrementally(conflict, edit, gone):
    source = conflict / "ttl" / "b_pressemitteilung.ttl"
    load(conflict).close()  # the store is built with the whole index
    replace_in(source, *edit)
    loaded = load(conflict)  # brought up to date around the edited source only
    last = read_journal(loaded.persistent.folder, loaded.persistent.view)[-1]
    assert (last["full"], last["graphs"]) == (False, [f"{ID}graph/b_pressemitteilung"])
    assert last["concluded"] is not None  # derived again around the edit, not as a whole
    assert index_of(loaded.store) == CONFLICT_INDEX - gone
    assert index_of(loaded.store) == index_of(load(conflict, persist=False).store)
    loaded.close()
    replace_in(source, edit[1], edit[0])  # and back: the disagreement, and its index triple, return
    loaded = load(conflict)
    assert index_of(loaded.store) == CONFLICT_INDEX
    loaded.close()


def test_an_empty_index_still_shows_the_store_holds_it(tmp_path):
    """Data without any disagreement: no index conclusion, but the marker, so `conflicts` takes its
    indexed form (at 1M the plain form costs seconds, the indexed one milliseconds)."""
    from kommgraph.query.engines import OxigraphEngine

    store = load(BUNDLED, persist=False).store
    assert index_of(store) == {
        (INDEX_GRAPH, "http://www.w3.org/1999/02/22-rdf-syntax-ns#type", f"<{KGX}Index>")
    }
    assert OxigraphEngine(store).holds_index()


def test_the_word_index_of_the_units_names():
    """Every unit's name, lower-cased and cut at spaces: one posting per word, one text per word."""
    assert words_of(load(CONFLICT, persist=False).store) == WORD_INDEX


def test_a_name_of_many_words_keeps_the_rest_after_the_fifth_space_as_one_segment(tmp_path):
    data = tmp_path / "long"
    shutil.copytree(CONFLICT, data)
    replace_in(data / "ttl" / "a_amtsblatt.ttl", '"Hauptamt"@de', '"Amt A B C D E F  G"@de')
    words = {t for t in words_of(load(data, persist=False).store) if t[2] == f"<{HAUPTAMT}>"}
    assert words == {
        (f"{WORD}{word}", f"{KGX}inNameOf", f"<{HAUPTAMT}>")
        for word in ("amt", "a", "b", "c", "d", "e%20f%20%20g")
    }


RENAME_HAUPTAMT = ('"Hauptamt"@de', '"Zentrales Hauptamt"@de')


def test_an_edited_name_changes_the_word_index_incrementally(conflict):
    source = conflict / "ttl" / "a_amtsblatt.ttl"
    load(conflict).close()
    replace_in(source, *RENAME_HAUPTAMT)
    loaded = load(conflict)
    last = read_journal(loaded.persistent.folder, loaded.persistent.view)[-1]
    assert (last["full"], last["concluded"] is not None) == (False, True)
    zentrales = {
        (f"{WORD}zentrales", f"{KGX}inNameOf", f"<{HAUPTAMT}>"),
        (f"{WORD}zentrales", f"{KGX}text", '"zentrales"'),
    }
    assert words_of(loaded.store) == WORD_INDEX | zentrales
    assert words_of(loaded.store) == words_of(load(conflict, persist=False).store)
    loaded.close()
    replace_in(source, RENAME_HAUPTAMT[1], RENAME_HAUPTAMT[0])
    loaded = load(conflict)
    # the posting goes, and the word it alone pointed at
    assert words_of(loaded.store) == WORD_INDEX
    loaded.close()


def test_the_keys_of_the_local_authorities():
    """Its AGS and its name, lower-cased: units-on-date's indexed form looks the authority up by them."""
    assert keys_of(load(CONFLICT, persist=False).store) == AUTHORITY_KEYS


def test_an_edited_authority_name_changes_its_keys(conflict):
    reference = conflict / "ttl" / "reference" / "authorities.ttl"
    load(conflict).close()
    replace_in(reference, '"Musterstadt"@de', '"Neustadt an der Probe"@de')
    loaded = load(conflict)
    renamed = {
        (MUSTERSTADT, f"{KGX}key", '"09999000"'),
        (MUSTERSTADT, f"{KGX}key", '"neustadt an der probe"'),
    }
    assert keys_of(loaded.store) == renamed
    loaded.close()
    assert keys_of(load(conflict, persist=False).store) == renamed
