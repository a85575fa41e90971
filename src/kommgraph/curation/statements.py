"""Which statements only a draft makes: what the pages mark "Entwurf, ungeprüft" one by one.

A statement of the merged default graph is a draft statement when the curated and reference graphs
(and what the rules derive from them alone) do not make it: a new value, a second date beside the
curated one, a draft's renaming of a curated unit, and what the rules derive from it (successors, ends).
"""

from __future__ import annotations

import pyoxigraph as ox

from kommgraph.core.vocab import DERIVED_GRAPH
from kommgraph.store import derive
from kommgraph.store.dataset import draft_graph_names, subset_store


def draft_statements(store: ox.Store) -> set[tuple]:
    """``(subject, predicate, object)`` pyoxigraph terms of the default graph that only drafts state."""
    drafts = draft_graph_names(store)
    if not drafts:
        return set()
    curated_graphs = [
        g.value
        for g in store.named_graphs()
        if isinstance(g, ox.NamedNode) and g.value not in drafts and not _is_derived(g.value)
    ]
    curated = subset_store(store, curated_graphs)
    derive.derive(curated)
    default = ox.DefaultGraph()
    return {
        (q.subject, q.predicate, q.object)
        for q in store.quads_for_pattern(None, None, None, default)
        if ox.Quad(q.subject, q.predicate, q.object, default) not in curated
    }


def _is_derived(graph: str) -> bool:
    """The rules' graph (``kgid:graph/derived``, under whichever base the store was moved to)."""
    return graph == str(DERIVED_GRAPH) or graph.endswith("/derived")
