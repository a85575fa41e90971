"""The fast canonical writer gives exactly the bytes of rdflib's longturtle writer."""

from __future__ import annotations

import random
from decimal import Decimal
from pathlib import Path

import pytest
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS, XSD
from tests.converter.helpers import TEXTS, fixture_stems

from kommgraph.convert.graph import to_graph
from kommgraph.core.turtle import (
    _rdflib_longturtle,
    _Unsupported,
    canonical_turtle,
    fast_longturtle,
    fresh_graph,
)
from kommgraph.core.vocab import KG, KGID, ORG
from kommgraph.store.sources import read_source

ROOT = Path(__file__).resolve().parents[2]
DATA_FILES = sorted((ROOT / "data" / "ttl").glob("**/*.ttl"))


def _same(graph: Graph) -> None:
    assert fast_longturtle(graph) == _rdflib_longturtle(graph)


def _parsed(path: Path) -> Graph:
    graph = fresh_graph()
    graph.parse(path, format="turtle")
    return graph


@pytest.mark.parametrize("path", DATA_FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_curated_files(path: Path) -> None:
    _same(_parsed(path))


def test_there_are_curated_files() -> None:
    assert len(DATA_FILES) >= 5


@pytest.mark.parametrize("stem", fixture_stems())
def test_converter_outputs(stem: str) -> None:
    _same(to_graph(read_source(TEXTS / f"{stem}.txt")))


TRICKY = [
    Literal('Er sagte "Hallo"'),
    Literal("zwei\nZeilen"),
    Literal('drei """ Anführungszeichen\nund \\ Backslash'),
    Literal("Rück\\strich"),
    Literal("Tab\tund\rWagenrücklauf"),
    Literal('endet mit "'),
    Literal("Amt für Digitalisierung", lang="de"),
    Literal("Digital office", lang="en-GB"),
    Literal("x" * 5000),
    Literal(42),
    Literal(-7),
    Literal(True),
    Literal(False),
    Literal(Decimal("0.90")),
    Literal(Decimal("1")),
    Literal(3.5),
    Literal(1e100),
    Literal("2021-06", datatype=XSD.gYearMonth),
    Literal("2021", datatype=XSD.gYear),
    Literal("2021-06-01", datatype=XSD.date),
    Literal("abc", datatype=XSD.string),
    Literal("keine Zahl", datatype=XSD.integer),
    Literal("01", datatype=XSD.integer),
    Literal("+5", datatype=XSD.integer),
    Literal(10**30),
    Literal("custom", datatype=URIRef("http://example.org/dt#Type")),
    Literal("custom2", datatype=KG.Something),
    Literal("https://example.org/a b", datatype=XSD.anyURI),
    Literal("emoji 🚀 und Umlaut äöü ß"),
    Literal(""),
]

IRIS = [
    KGID["unit/06412000/amt-fuer-digitalisierung"],
    KGID["evidence/000_d65d91dc76021873/273-367"],
    KGID["source/000_d65d91dc76021873"],
    KG.Amt,
    KG["local(with)parens"],
    KG["100%"],
    KG["fifty%20"],
    KG["ends."],
    URIRef(str(KG)),
    URIRef("http://example.org/other#thing"),
    URIRef("http://example.org/path/"),
    URIRef("urn:isbn:12345"),
    ORG.Membership,
    OWL.Class,
    RDF.nil,
    SKOS.Concept,
]
PREDICATES = [RDF.type, RDFS.label, SKOS.prefLabel, KG.start, KG.evidence, ORG.unitOf, RDFS.comment]


@pytest.mark.parametrize("literal", TRICKY, ids=lambda literal: repr(literal)[:40])
def test_tricky_literals_one_by_one(literal: Literal) -> None:
    graph = Graph()
    graph.add((IRIS[0], SKOS.prefLabel, literal))
    graph.add((IRIS[0], RDF.type, KG.AdministrativeUnit))
    _same(graph)


@pytest.mark.parametrize("seed", range(40))
def test_random_graphs(seed: int) -> None:
    rng = random.Random(seed)
    graph = Graph()
    subjects = rng.sample(IRIS, 6)
    for _ in range(rng.randint(1, 60)):
        s = rng.choice(subjects)
        p = rng.choice(PREDICATES)
        o = rng.choice(TRICKY + IRIS + subjects)
        graph.add((s, p, o))
    if rng.random() < 0.3:
        graph.add((subjects[0], RDF.type, RDFS.Class))
    _same(graph)
    # The canonical layout over the fast writer equals the same layout over rdflib's longturtle output.
    assert canonical_turtle(graph, header="Kopf") == canonical_turtle_from(_rdflib_longturtle(graph), "Kopf")


def test_canonical_turtle_equals_rdflib_path() -> None:
    graph = to_graph(read_source(TEXTS / "60_two_events_one_text.txt"))
    fast = canonical_turtle(graph, header="Kopf")
    slow_body = _rdflib_longturtle(graph)
    assert fast == canonical_turtle_from(slow_body, "Kopf")


def canonical_turtle_from(text: str, header: str) -> str:
    lines = text.split("\n")
    prefixes = sorted(line for line in lines if line.startswith("PREFIX "))
    body = [line for line in lines if not line.startswith("PREFIX ")]
    return f"# {header}\n" + "\n".join(prefixes) + "\n\n" + "\n".join(body).strip("\n") + "\n"


def test_blank_nodes_fall_back_to_rdflib() -> None:
    graph = Graph()
    node = BNode()
    graph.add((IRIS[0], KG.evidence, node))
    graph.add((node, KG.start, Literal(1)))
    with pytest.raises(_Unsupported):
        fast_longturtle(graph)
    text = canonical_turtle(graph)
    assert "kg:start 1" in text and "[" in text


def test_unknown_predicate_namespace_falls_back() -> None:
    graph = Graph()
    graph.add((IRIS[0], URIRef("http://example.org/vocab/p"), Literal("x")))
    with pytest.raises(_Unsupported):
        fast_longturtle(graph)
    assert "PREFIX ns1: <http://example.org/vocab/>" in canonical_turtle(graph)
