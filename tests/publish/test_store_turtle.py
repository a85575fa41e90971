"""TriG and Turtle written straight from the store are the bytes of the rdflib route they replace."""

from __future__ import annotations

import gc
import random

import pyoxigraph as ox
import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import RDF, RDFS
from tests.converter.test_turtle_fast import IRIS, PREDICATES, TRICKY

from kommgraph.core.collector import collector_paused
from kommgraph.core.turtle import Lit
from kommgraph.publish import dumps
from kommgraph.publish.store_turtle import render, store_turtles

STORABLE = [iri for iri in IRIS if "%" not in str(iri)]  # Oxigraph refuses bad percent escapes
GRAPHS = ["https://example.org/g/a", "https://example.org/g/b", "https://example.org/g/c"]


def _ox(term):
    return dumps._to_oxigraph(term)


def _store(quads) -> ox.Store:
    store = ox.Store()
    store.extend([ox.Quad(_ox(s), _ox(p), _ox(o), ox.NamedNode(g)) for s, p, o, g in quads])
    return store


def _both(
    store: ox.Store, names: list[str], data: list[str]
) -> tuple[tuple[bytes, bytes], tuple[bytes, bytes]]:
    new = store_turtles(store, names, data, "Kopf")
    old_trig = dumps.trig(dumps.named_quads(store, names), names, "Kopf")
    old_ttl = dumps.turtle(dumps.merged_triples(store, data), "Kopf")
    return new, (old_trig, old_ttl)


@pytest.mark.parametrize("literal", TRICKY, ids=lambda literal: repr(literal)[:40])
def test_each_kind_of_literal_is_written_as_rdflib_writes_it(literal: Literal) -> None:
    store = _store([(IRIS[0], RDFS.label, literal, GRAPHS[0]), (IRIS[0], RDF.type, IRIS[13], GRAPHS[0])])
    new, old = _both(store, GRAPHS[:1], GRAPHS[:1])
    assert new == old


@pytest.mark.parametrize("seed", range(30))
def test_random_datasets_give_the_bytes_of_the_rdflib_route(seed: int) -> None:
    rng = random.Random(seed)
    subjects = rng.sample(STORABLE, 6)
    quads = [
        (
            rng.choice(subjects),
            rng.choice(PREDICATES),
            rng.choice(TRICKY + STORABLE + subjects),
            rng.choice(GRAPHS),
        )
        for _ in range(rng.randint(1, 80))
    ]
    store = _store(quads)
    names = sorted({g for *_, g in quads})
    data = names[: max(1, len(names) - 1)]
    new, old = _both(store, names, data)
    assert new == old


def test_a_graph_with_blank_nodes_is_written_by_rdflib() -> None:
    store = _store([(IRIS[0], RDFS.label, Literal("x"), GRAPHS[0])])
    blank = ox.BlankNode()
    store.add(
        ox.Quad(ox.NamedNode(str(IRIS[1])), ox.NamedNode(str(RDFS.seeAlso)), blank, ox.NamedNode(GRAPHS[1]))
    )
    store.add(ox.Quad(blank, ox.NamedNode(str(RDFS.label)), ox.Literal("leer"), ox.NamedNode(GRAPHS[1])))
    trig, ttl = store_turtles(store, GRAPHS[:2], GRAPHS[:2])
    assert b"rdfs:seeAlso\n            [\n" in trig and b'rdfs:label "leer"' in ttl
    assert (trig, ttl) == (
        dumps.trig(dumps.named_quads(store, GRAPHS[:2]), GRAPHS[:2]),
        dumps.turtle(dumps.merged_triples(store, GRAPHS[:2])),
    )


def test_a_literal_keeps_its_datatype_apart_from_plain_strings() -> None:
    assert Lit("1", None, None) != Lit("1", "http://www.w3.org/2001/XMLSchema#integer", None)
    assert Lit("a", None, "de").to_rdflib() == Literal("a", lang="de")
    assert URIRef("x") != Lit("x", None, None)


def _random_store(seed: int) -> tuple[ox.Store, list, list[str]]:
    rng = random.Random(seed)
    subjects = rng.sample(STORABLE, 6)
    quads = [
        (rng.choice(subjects), rng.choice(PREDICATES), rng.choice(TRICKY + STORABLE + subjects), g)
        for g in GRAPHS
        for _ in range(rng.randint(1, 40))
    ]
    return _store(quads), quads, GRAPHS[:2]


@pytest.mark.parametrize("seed", range(10))
def test_the_write_that_keeps_its_pieces_gives_the_same_bytes(seed: int) -> None:
    store, _, data = _random_store(seed)
    tracked = render(store, GRAPHS, data, "Kopf", lines_of={GRAPHS[2]}, track=True)
    assert (tracked.trig, tracked.ttl) == store_turtles(store, GRAPHS, data, "Kopf")
    assert tracked.subjects is not None
    head = len(tracked.ttl) - sum(len(block.data) for block in tracked.subjects)
    assert tracked.ttl[head:] == b"".join(block.data for block in tracked.subjects)


@pytest.mark.parametrize("seed", range(10))
def test_each_graph_part_names_the_iris_it_mentions(seed: int) -> None:
    store, quads, data = _random_store(seed)
    tracked = render(store, GRAPHS, data, track=True)
    for part in tracked.graphs:
        expected = {str(s) for s, _, _, g in quads if g == part.name}
        expected |= {str(o) for _, _, o, g in quads if g == part.name and isinstance(o, URIRef)}
        assert part.mentioned == sorted(expected)


@pytest.mark.parametrize("enabled", [True, False])
def test_the_garbage_collector_is_left_as_it_was_even_after_an_error(enabled: bool) -> None:
    was = gc.isenabled()
    (gc.enable if enabled else gc.disable)()
    try:
        with pytest.raises(RuntimeError, match="^stop$"), collector_paused():
            assert not gc.isenabled()
            raise RuntimeError("stop")
        assert gc.isenabled() is enabled
    finally:
        (gc.enable if was else gc.disable)()


LINE_LITERALS = [
    Literal("erste Zeile\nPREFIX x: <http://example.org/>"),
    Literal('lang """ und\nmehr'),
    Literal("kurz"),
]


@pytest.mark.parametrize("literal", LINE_LITERALS, ids=["prefix-line", "long-string", "plain"])
@pytest.mark.parametrize("shared", [True, False], ids=["subject-in-two-graphs", "subject-in-one-graph"])
def test_blocks_taken_from_one_graph_into_the_merged_turtle_give_the_rdflib_bytes(
    literal: Literal, shared: bool
) -> None:
    quads = [
        (IRIS[0], RDFS.label, literal, GRAPHS[0]),
        (IRIS[0], RDF.type, IRIS[13], GRAPHS[0]),
        (IRIS[1], RDFS.seeAlso, IRIS[0], GRAPHS[1]),
    ]
    if shared:
        quads.append((IRIS[0], RDFS.comment, Literal("auch hier"), GRAPHS[1]))
    store = _store(quads)
    new, old = _both(store, GRAPHS[:2], GRAPHS[:2])
    assert new == old
    tracked = render(store, GRAPHS[:2], GRAPHS[:2], "Kopf", track=True)
    assert (tracked.trig, tracked.ttl) == new
