"""Load a data directory into one store: every file in its named graph, the rules applied."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox
from rdflib import Dataset, Graph, URIRef

from kommgraph.core import paths
from kommgraph.core.turtle import bind_prefixes
from kommgraph.core.vocab import DERIVED_GRAPH, ONTOLOGY_GRAPH, REFERENCE_GRAPH
from kommgraph.store import dataset, derive
from kommgraph.store.dataset import DataLayout, GraphFile
from kommgraph.store.terms import to_rdflib


@dataclass
class Loaded:
    """A data directory loaded into a store with the rules applied."""

    layout: DataLayout
    files: list[GraphFile]
    store: ox.Store
    derived: dict[str, int] = field(default_factory=dict)

    @property
    def source_graphs(self) -> list[str]:
        return sorted({f.graph for f in self.files if f.kind == "source"})



def load(data_dir: Path | None = None) -> Loaded:
    root = Path(data_dir) if data_dir else paths.default_data_dir()
    files = dataset.discover(root)
    layout = DataLayout(root)
    store = dataset.load_store(files)
    counts = derive.derive(store)
    return Loaded(layout, files, store, counts)



def graph_order(loaded: Loaded) -> list[str]:
    """Ontology, reference, each source, derived: the order of graphs in every dataset file."""
    return [str(ONTOLOGY_GRAPH), str(REFERENCE_GRAPH), *loaded.source_graphs, str(DERIVED_GRAPH)]



def as_dataset(store: ox.Store, names: list[str]) -> Dataset:
    ds = Dataset()
    bind_prefixes(ds)
    for name in names:
        graph = ds.graph(URIRef(name))
        for quad in store.quads_for_pattern(None, None, None, ox.NamedNode(name)):
            graph.add((to_rdflib(quad.subject), to_rdflib(quad.predicate), to_rdflib(quad.object)))
    return ds



def merged_data(store: ox.Store, names: list[str]) -> Graph:
    graph = Graph()
    for name in names:
        if name == str(ONTOLOGY_GRAPH):
            continue
        for quad in store.quads_for_pattern(None, None, None, ox.NamedNode(name)):
            graph.add((to_rdflib(quad.subject), to_rdflib(quad.predicate), to_rdflib(quad.object)))
    return graph
