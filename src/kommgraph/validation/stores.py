"""Moving triples between stores: a scope's own store and rdflib copies of a default graph."""

from __future__ import annotations

import pyoxigraph as ox
from rdflib import Graph, Literal, URIRef

from kommgraph.store import dataset
from kommgraph.store.terms import to_rdflib


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


def source_scope_store(store: ox.Store, graph: str, reference: str, ontology: str) -> ox.Store:
    """A source's scope: its named graph, the ontology, and of the reference data only what describes
    the resources the source mentions, merged into the default graph.

    Copying the whole reference data into every source's scope made the work grow with sources ×
    authorities; a finding about a resource of the source depends only on what is said about the
    resources it reaches, and the reference data's own findings come from the union.
    """
    part = ox.Store()
    own = list(store.quads_for_pattern(None, None, None, ox.NamedNode(graph)))
    part.extend(own)
    part.extend(store.quads_for_pattern(None, None, None, ox.NamedNode(ontology)))
    mentioned = {q.subject for q in own} | {q.object for q in own if isinstance(q.object, ox.NamedNode)}
    reference_graph = ox.NamedNode(reference)
    for resource in sorted(mentioned, key=str):
        part.extend(store.quads_for_pattern(resource, None, None, reference_graph))
    dataset.merge_into_default(part)
    return part
