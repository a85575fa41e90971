"""Moving triples between stores: a scope's own store and rdflib copies of a default graph."""

from __future__ import annotations

import pyoxigraph as ox
from rdflib import Graph, Literal, URIRef

from kommgraph.query.engines import to_rdflib
from kommgraph.store import dataset


def default_graph_as_rdflib(store: ox.Store) -> Graph:
    graph = Graph()
    for quad in store.quads_for_pattern(None, None, None, ox.DefaultGraph()):
        graph.add((to_rdflib(quad.subject), to_rdflib(quad.predicate), to_rdflib(quad.object)))
    return graph


def _to_ox(term):
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)) if term.datatype else None)
    return ox.BlankNode(str(term))


def scope_store(store: ox.Store, graphs: list[str]) -> ox.Store:
    """A new store with only the named graphs given, merged into its default graph (read graph by
    graph, so the cost grows with the graphs taken, not with the whole store)."""
    part = ox.Store()
    for graph in graphs:
        part.extend(store.quads_for_pattern(None, None, None, ox.NamedNode(graph)))
    dataset.merge_into_default(part)
    return part
