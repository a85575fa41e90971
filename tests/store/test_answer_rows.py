"""The answer rows in the index graph (queries/rules/9x-index-rows-*.rq) and the indexed forms that read
them (queries/indexed/): the same rows as the plain forms, on the bundled data, on synthetic data, and
after edits that the store brings up to date incrementally (a renamed unit, a removed source)."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pyoxigraph as ox
import pytest

from kommgraph.query.catalogue import catalogue
from kommgraph.query.engines import OxigraphEngine
from kommgraph.store.derive import INDEX_GRAPH
from kommgraph.store.load import load
from kommgraph.store.persistent import read_journal
from kommgraph.synth import synthesize

BUNDLED = Path(__file__).resolve().parents[2] / "data"
CALLS = [
    ("heads-of-unit", {}),
    ("heads-of-unit", {"pattern": "amt"}),
    ("heads-of-unit", {"pattern": "Stabsstelle Gesundheit"}),
    ("replaced-units", {"pattern": ""}),
    ("replaced-units", {"pattern": "Amt"}),
    ("replaced-units", {"pattern": "für digital"}),
    ("events-by-type-year", {}),
    ("events-by-type-year", {"authority": "06411000"}),
    ("events-by-type-year", {"authority": "DARMSTADT"}),
    ("events-by-type-year", {"authority": "00000001"}),
    ("functions-moved", {"pattern": ""}),
    ("functions-moved", {"pattern": "Aufgaben"}),
    ("functions-moved", {"pattern": "amt"}),
]
ROW_QUERIES = sorted({name for name, _ in CALLS})
ROWS = "https://w3id.org/kommgraph/index#"
TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
ROW_OF = ox.NamedNode(f"{ROWS}rowOf")


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("synth") / "data"
    synthesize(out, 6, seed=5)
    return out


def plain_and_indexed(store: ox.Store, name: str, values: dict[str, str]) -> tuple[list, list]:
    stored = catalogue()[name]
    engine = OxigraphEngine(store)
    assert engine.holds_index()
    assert stored.text_for(True, values) is stored.indexed
    bindings = stored.bindings(values)
    return engine.select(stored.text, bindings).rows, engine.select(stored.indexed, bindings).rows


def answer_rows(store: ox.Store) -> Counter:
    """Every answer row of the index graph, as (class, sorted (property, value) pairs), counted."""
    rows: dict[ox.BlankNode, list] = {}
    for quad in store.quads_for_pattern(None, None, None, ox.NamedNode(INDEX_GRAPH)):
        if isinstance(quad.subject, ox.BlankNode):
            rows.setdefault(quad.subject, []).append((quad.predicate.value, str(quad.object)))
    return Counter(tuple(sorted(pairs)) for pairs in rows.values())


def every_call_agrees(store: ox.Store) -> dict[str, int]:
    found: dict[str, int] = {}
    for name, values in CALLS:
        plain, indexed = plain_and_indexed(store, name, values)
        assert indexed == plain, (name, values)
        found[name] = found.get(name, 0) + len(plain)
    return found


def test_every_row_query_has_an_indexed_form():
    assert [name for name in ROW_QUERIES if catalogue()[name].indexed is None] == []


@pytest.mark.parametrize(("name", "values"), CALLS, ids=lambda v: str(v))
def test_the_indexed_form_gives_the_plain_rows_on_the_bundled_data(bundled, name, values):
    plain, indexed = plain_and_indexed(bundled.store, name, values)
    assert indexed == plain


def test_the_bundled_data_gives_rows_to_compare(bundled):
    assert every_call_agrees(bundled.store) == {
        "events-by-type-year": 6,
        "functions-moved": 4,
        "heads-of-unit": 6,
        "replaced-units": 3,
    }


def test_the_indexed_forms_give_the_plain_rows_on_synthetic_data(synthetic):
    found = every_call_agrees(load(synthetic, persist=False).store)
    assert all(found[name] > 0 for name in ("events-by-type-year", "heads-of-unit", "replaced-units"))


def test_the_rows_are_blank_nodes_of_the_index_graph_alone(synthetic):
    store = load(synthetic, persist=False).store
    classes = Counter(
        q.object.value
        for q in store.quads_for_pattern(None, TYPE, None, None)
        if q.object.value.startswith(ROWS) and q.object.value != f"{ROWS}Index"
    )
    kinds = ("HeadRow", "SuccessionRow", "EventRow", "EventCount", "HeadAnswer")
    assert set(classes) == {f"{ROWS}{c}" for c in kinds} | (
        {f"{ROWS}TransferRow"} if f"{ROWS}TransferRow" in classes else set()
    )
    rows = [q for q in store if q.predicate.value.startswith(ROWS) and q.predicate.value != f"{ROWS}key"]
    assert rows and {q.graph_name for q in rows} == {ox.NamedNode(INDEX_GRAPH)}


def rename_the_units(path: Path) -> None:
    """Every unit's name in ``path`` gets a word more (heads, successions, transfers follow it)."""
    text = path.read_text(encoding="utf-8")
    renamed = re.sub(r'(skos:prefLabel "[^"]+)"@de', r'\1 Neu"@de', text)
    assert renamed != text
    path.write_text(renamed, encoding="utf-8")


def shift_the_dates(path: Path) -> None:
    """Every date in ``path`` a year later (the years of events, the start of memberships)."""
    text = path.read_text(encoding="utf-8")
    shifted = re.sub(r'"(\d{4})(-\d\d)?(-\d\d)?"\^\^xsd:', lambda m: f'"{int(m[1]) + 1}{m[0][5:]}', text)
    assert shifted != text
    path.write_text(shifted, encoding="utf-8")


def move_a_unit(path: Path) -> None:
    """The first unit placed under another in ``path`` is placed under a unit an event results in."""
    text = path.read_text(encoding="utf-8")
    target = re.search(r"org:resultingOrganization (<[^>]+>)", text)[1]
    moved = re.sub(r"org:subOrganizationOf <[^>]+>", f"org:subOrganizationOf {target}", text, count=1)
    assert moved != text
    path.write_text(moved, encoding="utf-8")


def drop_the_results(path: Path) -> None:
    """No event of ``path`` results in a unit any more (the successions through them end)."""
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    kept = [line for line in lines if "org:resultingOrganization" not in line]
    assert len(kept) < len(lines)
    path.write_text("".join(kept), encoding="utf-8")


def first_with(sources: list[Path], text: str) -> Path:
    return next(p for p in sources if text in p.read_text(encoding="utf-8"))


EDITS = ["rename", "date", "parent", "results", "remove", "add"]


@pytest.mark.parametrize("edit", EDITS)
def test_an_edit_redraws_the_rows_as_a_fresh_derivation(data, edit):
    sources = sorted((data / "ttl").glob("*.ttl"))
    aside = data / "aside.ttl"
    if edit == "add":
        sources[3].rename(aside)
    first = load(data)  # the store, with the rows
    before = answer_rows(first.store)
    first.close()
    if edit == "rename":
        rename_the_units(sources[0])
    elif edit == "date":
        shift_the_dates(sources[2])
    elif edit == "parent":
        move_a_unit(first_with(sources, "org:subOrganizationOf"))
    elif edit == "results":
        drop_the_results(first_with(sources, "org:resultingOrganization"))
    elif edit == "remove":
        sources[1].unlink()
    else:
        aside.rename(sources[3])
    loaded = load(data)  # brought up to date around the edit
    # a unit moved within its authority changes no row (the rows name no parent): nothing may be lost
    assert (answer_rows(loaded.store) == before) is (edit == "parent")
    last = read_journal(loaded.persistent.folder, loaded.persistent.view)[-1]
    assert last["full"] is False
    fresh = load(data, persist=False).store
    assert answer_rows(loaded.store) == answer_rows(fresh)
    every_call_agrees(loaded.store)
    loaded.close()


def test_a_row_links_the_subjects_it_was_joined_from(synthetic):
    store = load(synthetic, persist=False).store
    linked = Counter()
    for quad in store.quads_for_pattern(None, TYPE, None, ox.NamedNode(INDEX_GRAPH)):
        if isinstance(quad.subject, ox.BlankNode):
            links = list(store.quads_for_pattern(quad.subject, ROW_OF, None, ox.NamedNode(INDEX_GRAPH)))
            linked[quad.object.value.removeprefix(ROWS), len(links) > 0] += 1
    assert {(name, has) for name, has in linked} == {
        ("HeadRow", True),
        ("SuccessionRow", True),
        ("EventRow", True),
        ("EventCount", False),
        ("HeadAnswer", False),
    } | ({("TransferRow", True)} if ("TransferRow", True) in linked else set())
