"""The canonical Turtle writer (kommgraph.core.turtle): what it writes parses back to the same graph,
and writing that again gives the same bytes."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pyoxigraph as ox
from hypothesis import given
from hypothesis import strategies as st
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import XSD

from kommgraph.core.turtle import canonical_trig, canonical_turtle
from kommgraph.core.vocab import DEFAULT_BASE, KG, ORG, SKOS

LOCAL = st.from_regex(r"\A[a-z0-9][a-z0-9_.~/-]{0,20}[a-z0-9]\Z")
SUBJECTS = LOCAL.map(lambda local: URIRef(DEFAULT_BASE + "unit/" + local))
FOREIGN = LOCAL.map(lambda local: URIRef("http://example.org/" + local))  # no prefix: rdflib's writer
PREDICATES = st.sampled_from([KG.validFrom, KG.unitType, ORG.subOrganizationOf, SKOS.prefLabel, SKOS.note])
TEXT = st.text(max_size=30)
LITERALS = st.one_of(
    TEXT.map(Literal),
    st.tuples(TEXT, st.sampled_from(["de", "en", "de-AT"])).map(lambda t: Literal(t[0], lang=t[1])),
    st.integers(min_value=-(10**20), max_value=10**20).map(Literal),
    st.decimals(allow_nan=False, allow_infinity=False, places=3).map(lambda d: Literal(Decimal(d))),
    st.booleans().map(Literal),
    st.dates(min_value=dt.date(1000, 1, 1)).map(Literal),
    st.integers(min_value=1000, max_value=2999).map(lambda y: Literal(str(y), datatype=XSD.gYear)),
    TEXT.map(lambda t: Literal(t, datatype=XSD.string)),
)
OBJECTS = LITERALS | SUBJECTS
TRIPLES = st.lists(st.tuples(SUBJECTS | FOREIGN, PREDICATES, OBJECTS), max_size=25)
GRAPHS = st.sampled_from([URIRef(DEFAULT_BASE + "graph/a"), URIRef(DEFAULT_BASE + "graph/b")])


def graph_of(triples) -> Graph:
    graph = Graph()
    for triple in triples:
        graph.add(triple)
    return graph


@given(TRIPLES)
def test_written_turtle_parses_back_to_the_same_graph(triples):
    graph = graph_of(triples)
    text = canonical_turtle(graph)
    again = Graph().parse(data=text, format="turtle")
    assert isomorphic(graph, again), text
    assert canonical_turtle(again) == text


def oxigraph_term(term):
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype or XSD.string)))
    return ox.NamedNode(str(term))


@given(st.lists(st.tuples(SUBJECTS | FOREIGN, PREDICATES, OBJECTS, GRAPHS), max_size=25))
def test_written_trig_parses_back_to_the_same_quads(quads):
    dataset = Dataset()
    for s, p, o, g in quads:
        dataset.graph(g).add((s, p, o))
    text = canonical_trig(dataset, sorted({g for *_, g in quads}))
    read = set(ox.parse(text.encode("utf-8"), format=ox.RdfFormat.TRIG))
    assert read == {ox.Quad(*(oxigraph_term(t) for t in quad)) for quad in quads}, text
