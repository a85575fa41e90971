"""Load a data directory into one store: every file in its named graph, the rules applied."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox
from rdflib import Dataset, Graph, URIRef

from kommgraph.core import paths
from kommgraph.core.turtle import bind_prefixes
from kommgraph.core.vocab import DERIVED_GRAPH, ONTOLOGY_GRAPH, REFERENCE_GRAPH
from kommgraph.store import dataset, derive, persistent
from kommgraph.store.dataset import DataLayout, GraphFile, draft_graphs
from kommgraph.store.terms import to_rdflib

# Triples of the merged default graph up to which a store on disk is loaded from the files again for
# whole-store work (full validation): at 10k triples loading and deriving takes 0.14 s CPU, copying the
# store from disk 0.25 s, and validating on disk instead of in memory 0.3-0.5 s more
# (benchmarks/results/scale-build9.md).
SMALL_STORE = 100_000


@dataclass
class Loaded:
    """A data directory loaded into a store with the rules applied."""

    layout: DataLayout
    files: list[GraphFile]
    store: ox.Store
    derived: dict[str, int] = field(default_factory=dict)
    # the draft graphs found (ttl/drafts/*.ttl, or a graph marked kg:curationStatus kg:Draft), loaded or not
    drafts: list[str] = field(default_factory=list)
    drafts_included: bool = True
    # the persistent store's view this was read from (None: loaded into memory), and what it reloaded
    persistent: persistent.Opened | None = None

    def in_memory(self) -> ox.Store:
        """The store itself when it is in memory; else a copy in memory (for a long-running reader such
        as the server, which should not keep the persistent store and its lock). A small store is loaded
        from the files again: quicker than reading it from disk (see ``SMALL_STORE``)."""
        if self.persistent is None or self.store is self.persistent.memory:
            return self.store
        if self.small_on_disk():
            memory = dataset.load_store(self.files)
            derive.derive(memory)
            return memory
        memory = ox.Store()
        memory.bulk_extend(self.store)
        return memory

    def finish(self) -> bool:
        """Wait for the persistent store's write in the background (see ``load``); False if it failed."""
        return self.persistent.finish() if self.persistent is not None else True

    def small_on_disk(self) -> bool:
        """Read from a persistent store on disk that is small enough to load into memory again."""
        opened = self.persistent
        return (
            opened is not None and self.store is not opened.memory and opened.manifest.triples <= SMALL_STORE
        )

    def close(self) -> None:
        """Let go of the persistent store (and its lock); the in-memory store needs nothing."""
        if self.persistent is not None:
            self.persistent.close()

    @property
    def source_graphs(self) -> list[str]:
        """Every source's graph in the store: curated ones, and drafts when they were loaded."""
        kinds = ("source", "draft") if self.drafts_included else ("source",)
        return sorted({f.graph for f in self.files if f.kind in kinds})

    def draft_statements(self) -> int:
        """How many statements the draft graphs hold (counted when they were loaded)."""
        graphs = [ox.NamedNode(g) for g in self.drafts]
        return sum(1 for g in graphs for _ in self.store.quads_for_pattern(None, None, None, g))


def load(
    data_dir: Path | None = None,
    *,
    include_drafts: bool = True,
    persist: bool | None = None,
    background: bool = False,
) -> Loaded:
    """Load a data directory. Without ``include_drafts`` the draft graphs are left out of the store
    (what ``publish`` and ``serve`` show unless asked): drafts stay drafts until a person accepts them.

    The data comes from the persistent store in ``DATA/.kommgraph/`` (brought up to date first) unless
    ``persist`` is False, ``$KOMMGRAPH_NO_STORE`` is set, the data is the bundled sample or the data
    directory is not writable; then it is loaded into memory. ``background``: a store rebuilt from
    scratch may still be written to disk when this returns; ``Loaded.finish`` waits for it.
    """
    root = Path(data_dir) if data_dir else paths.default_data_dir()
    files = dataset.discover(root)
    layout = DataLayout(root)
    if persist is None:
        persist = persistent.wanted(root)
    opened = persistent.open_view(root, files, include_drafts, background) if persist else None
    if opened is not None:
        manifest = opened.manifest
        kept = [f for f in files if include_drafts or f.graph not in manifest.drafts]
        counts = dict(manifest.derived)
        # just built from the files: the same dataset is in memory, where reading it is quicker
        store = opened.store if opened.memory is None else opened.memory
        return Loaded(layout, kept, store, counts, list(manifest.drafts), include_drafts, opened)
    store = dataset.load_store(files)
    drafts = draft_graphs(store, files)
    if drafts and not include_drafts:
        files = [f for f in files if f.graph not in drafts]
        store = dataset.load_store(files)
    counts = derive.derive(store)
    return Loaded(layout, files, store, counts, drafts, include_drafts)


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
