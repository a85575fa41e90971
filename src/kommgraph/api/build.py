"""``kommgraph build``: load, derive, validate and write the dataset files.

Files are written only when no violation is found, each to a temporary name first and then renamed,
so that a failed build leaves the previous release untouched and nothing half-written.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox
from rdflib import Dataset, Graph, URIRef

from kommgraph.store import dataset
from kommgraph.store import derive
from kommgraph.core import paths
from kommgraph.store.dataset import DataLayout, GraphFile
from kommgraph.query.engines import to_rdflib
from kommgraph.core.turtle import bind_prefixes, canonical_trig, canonical_turtle
from kommgraph.validate import Report, validate
from kommgraph.core.vocab import DERIVED_GRAPH, ONTOLOGY_GRAPH, REFERENCE_GRAPH


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


@dataclass
class BuildResult:
    loaded: Loaded
    report: Report
    written: list[Path] = field(default_factory=list)


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


def write_atomically(files: dict[Path, str | bytes]) -> list[Path]:
    """Write every file to a temporary name, then rename them all into place (text as UTF-8, LF)."""
    staged = []
    try:
        for path, content in files.items():
            path.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
            with os.fdopen(handle, "wb") as out:
                out.write(content.encode("utf-8") if isinstance(content, str) else content)
            staged.append((Path(temporary), path))
    except BaseException:
        for temporary, _ in staged:
            temporary.unlink(missing_ok=True)
        raise
    for temporary, path in staged:
        os.replace(temporary, path)
    return [path for _, path in staged]


def build(
    data_dir: Path | None = None, out_dir: Path = Path("dist"), fail_on: str = "violation"
) -> BuildResult:
    loaded = load(data_dir)
    report = validate(loaded.store, loaded.files, loaded.layout)
    result = BuildResult(loaded, report)
    if report.fails(fail_on):
        return result
    names = graph_order(loaded)
    header = "kommgraph dataset, built by `kommgraph build`: do not edit, edit data/ttl and rebuild."
    result.written = write_atomically(
        {
            out_dir / "kommgraph.trig": f"# {header}\n"
            + canonical_trig(as_dataset(loaded.store, names), [URIRef(n) for n in names]),
            out_dir / "kommgraph.ttl": canonical_turtle(merged_data(loaded.store, names), header),
        }
    )
    return result
