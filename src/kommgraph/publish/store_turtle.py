"""TriG and Turtle of a release straight from the store, in the canonical layout of
:mod:`kommgraph.core.turtle`, without copying the data into rdflib.

One pass over the named graphs: each quad becomes plain strings (IRIs as ``str``, literals as
:class:`~kommgraph.core.turtle.Lit`), grouped by subject and predicate once for its graph's TriG block
and once for the merged Turtle. The bytes are those of rdflib's ``longturtle`` writer over the same
triples (tests compare them); a graph with blank nodes (the ontology's lists) or with something the
fast layout does not reproduce is written by rdflib, as before.
"""

from __future__ import annotations

from collections import defaultdict

import pyoxigraph as ox
from rdflib import Graph

from kommgraph.core.turtle import (
    IriLabels,
    Lit,
    _Unsupported,
    canonical_layout,
    canonical_turtle,
    longturtle_of,
    trig_of,
)
from kommgraph.store.terms import to_rdflib

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


class _Blank(Exception):
    """The graph has a blank node: rdflib writes it (nested ``[ ]`` and lists)."""


def _object(term) -> str | Lit:
    kind = type(term)
    if kind is ox.NamedNode:
        return term.value
    if kind is ox.Literal:
        language = term.language
        if language:
            return Lit(term.value, None, language)
        datatype = term.datatype.value
        return Lit(term.value, None if datatype == XSD_STRING else datatype, None)
    raise _Blank


def _grouped(quads) -> tuple[dict, dict]:
    """Triples of one graph by subject and predicate, and how often each IRI is an object."""
    by_subject: dict[str, dict[str, list]] = {}
    references: defaultdict[str, int] = defaultdict(int)
    for q in quads:
        subject = q.subject
        if type(subject) is not ox.NamedNode:
            raise _Blank
        o = _object(q.object)
        if type(o) is str:
            references[o] += 1
        properties = by_subject.get(subject.value)
        if properties is None:
            properties = by_subject[subject.value] = {}
        predicate = q.predicate.value
        objects = properties.get(predicate)
        if objects is None:
            properties[predicate] = [o]
        else:
            objects.append(o)
    return by_subject, references


def _rdflib_turtle(quads_or_triples, header: str = "") -> str:
    graph = Graph()
    for t in quads_or_triples:
        graph.add((to_rdflib(t.subject), to_rdflib(t.predicate), to_rdflib(t.object)))
    return canonical_turtle(graph, header)


def _turtle(by_subject, references, labels: IriLabels, fallback, header: str = "") -> str:
    try:
        return canonical_layout(longturtle_of(by_subject, references, labels), header)
    except _Unsupported:
        return _rdflib_turtle(fallback(), header)


class _Merged:
    """The set union of the data graphs, grouped as :func:`_grouped` groups one graph."""

    def __init__(self) -> None:
        self.by_subject: dict[str, dict[str, dict]] = {}
        self.references: defaultdict[str, int] = defaultdict(int)
        self.blank = False

    def add(self, by_subject: dict[str, dict[str, list]]) -> None:
        for subject, properties in by_subject.items():
            merged = self.by_subject.get(subject)
            if merged is None:
                merged = self.by_subject[subject] = {}
            for predicate, objects in properties.items():
                known = merged.get(predicate)
                if known is None:
                    known = merged[predicate] = {}
                for o in objects:
                    if o not in known:
                        known[o] = None
                        if type(o) is str:
                            self.references[o] += 1


def store_turtles(
    store: ox.Store, names: list[str], data_names: list[str], header: str = ""
) -> tuple[bytes, bytes]:
    """``(TriG of the graphs names, in that order; Turtle of the merged data_names)``."""
    labels = IriLabels()
    merged = _Merged()
    data = set(data_names)
    blocks = []
    for name in names:
        node = ox.NamedNode(name)

        def quads(node=node):
            return store.quads_for_pattern(None, None, None, node)

        try:
            by_subject, references = _grouped(quads())
        except _Blank:
            blocks.append((name, _rdflib_turtle(quads())))
            merged.blank |= name in data
            continue
        if not by_subject:
            continue
        blocks.append((name, _turtle(by_subject, references, labels, quads)))
        if name in data:
            merged.add(by_subject)
    comment = f"# {header}\n" if header else ""
    trig = (comment + trig_of(blocks)).encode("utf-8")

    def merged_triples():
        seen = {
            ox.Triple(q.subject, q.predicate, q.object)
            for name in data_names
            for q in store.quads_for_pattern(None, None, None, ox.NamedNode(name))
        }
        return list(seen)

    if merged.blank:
        ttl = _rdflib_turtle(merged_triples(), header)
    else:
        ttl = _turtle(merged.by_subject, merged.references, labels, merged_triples, header)
    return trig, ttl.encode("utf-8")
