"""Assemble the ontology, the reference data and one named graph per source into one store.

Turtle is parsed by Oxigraph, which reports syntax errors with line and column; each source file
``data/ttl/ID.ttl`` becomes the named graph ``kgid:graph/ID``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from kommgraph.core import paths
from kommgraph.core.errors import LoadError
from kommgraph.core.files import refuse_special
from kommgraph.core.vocab import DERIVED_GRAPH, KG, ONTOLOGY_GRAPH, REFERENCE_GRAPH, graph_iri


@dataclass(frozen=True)
class GraphFile:
    path: Path
    graph: str  # IRI of the named graph it is loaded into
    kind: str  # "source", "draft", "reference" or "ontology"

    @property
    def source_id(self) -> str | None:
        return self.path.stem if self.kind == "source" else None

    @property
    def is_draft(self) -> bool:
        return self.kind == "draft"


@dataclass(frozen=True)
class DataLayout:
    """The folders of a kommgraph data directory."""

    root: Path

    @property
    def ttl_dir(self) -> Path:
        return self.root / "ttl"

    @property
    def reference_dir(self) -> Path:
        return self.ttl_dir / "reference"

    @property
    def drafts_dir(self) -> Path:
        """Converter drafts, ``ttl/drafts/ID.ttl``: loaded into their own graph, published only on request."""
        return self.ttl_dir / "drafts"

    @property
    def sources_dir(self) -> Path:
        return self.root / "sources"

    def draft_file(self, source_id: str) -> Path:
        return self.drafts_dir / f"{source_id}.ttl"

    def curated_file(self, source_id: str) -> Path:
        return self.ttl_dir / f"{source_id}.ttl"

    def source_text(self, source_id: str) -> Path:
        return self.sources_dir / f"{source_id}.txt"


def discover(data_dir: Path | None = None, include_ontology: bool = True) -> list[GraphFile]:
    layout = DataLayout(Path(data_dir) if data_dir else paths.default_data_dir())
    if not layout.ttl_dir.is_dir():
        raise LoadError(f"{layout.ttl_dir}: no such folder (expected a kommgraph data directory with ttl/)")
    # sorted by name (one folder each): comparing 11,000 Path objects costs a second
    sources = sorted(layout.ttl_dir.glob("*.ttl"), key=lambda p: p.name)
    files = [GraphFile(p, str(graph_iri(p.stem)), "source") for p in sources]
    drafts = sorted(layout.drafts_dir.glob("*.ttl"), key=lambda p: p.name)
    files += [GraphFile(p, draft_graph_iri(p.stem), "draft") for p in drafts]
    files += [
        GraphFile(p, str(REFERENCE_GRAPH), "reference") for p in sorted(layout.reference_dir.rglob("*.ttl"))
    ]
    if not files:
        raise LoadError(
            f"{layout.ttl_dir}: no Turtle files (a data project needs ttl/*.ttl; "
            "kommgraph convert writes drafts to ttl/drafts/)"
        )
    if include_ontology:
        files += [GraphFile(p, str(ONTOLOGY_GRAPH), "ontology") for p in paths.ontology_files()]
    return files


def draft_graph_iri(source_id: str) -> str:
    """The named graph of a source's draft: beside its curated graph ``kgid:graph/ID``."""
    return f"{graph_iri(source_id)}/draft"


def load_file(store: ox.Store, graph_file: GraphFile) -> None:
    refuse_special(graph_file.path, LoadError)  # a FIFO named .ttl would block the parser forever
    try:
        store.load(
            path=str(graph_file.path), format=ox.RdfFormat.TURTLE, to_graph=ox.NamedNode(graph_file.graph)
        )
    except SyntaxError as exc:
        raise LoadError(f"{graph_file.path} line {exc.lineno} column {exc.offset}: {_reason(exc)}") from exc
    except OSError as exc:
        raise LoadError(f"{graph_file.path}: cannot read: {exc.strerror or exc}") from exc


def _reason(exc: SyntaxError) -> str:
    message = str(exc.msg)
    return message.split(": ", 1)[1] if message.startswith("Parser error") and ": " in message else message


def load_store(files: list[GraphFile]) -> ox.Store:
    """An in-memory Oxigraph store holding every file in its named graph, and their merge as default graph."""
    store = ox.Store()
    for graph_file in files:
        load_file(store, graph_file)
    merge_into_default(store)
    return store


def merge_into_default(store: ox.Store, graphs: list[str] | None = None) -> None:
    """Copy the triples of the named graphs (all, or those given) into the default graph.

    Oxigraph's union default graph keeps one copy of a triple per named graph (bag semantics), so a
    fact stated by two sources would double every row it joins; the merged default graph is a set,
    as the RDF merge of the SPARQL specification is. One SPARQL update inside the store: no Python
    loop over the quads.
    """
    values = "" if graphs is None else "VALUES ?g { " + " ".join(f"<{g}>" for g in graphs) + " } "
    store.update("INSERT { ?s ?p ?o } WHERE { " + values + "GRAPH ?g { ?s ?p ?o } }")


def subset_store(store: ox.Store, graphs: list[str]) -> ox.Store:
    """A new store with only the named graphs given, merged into its default graph."""
    subset = ox.Store()
    for graph in graphs:
        subset.extend(store.quads_for_pattern(None, None, None, ox.NamedNode(graph)))
    merge_into_default(subset)
    return subset


def draft_graphs(store: ox.Store, files: list[GraphFile]) -> list[str]:
    """Graphs of ttl/drafts/, and source graphs that mark themselves ``kg:curationStatus kg:Draft``."""
    pattern = store.quads_for_pattern(None, ox.NamedNode(str(KG.curationStatus)), ox.NamedNode(str(KG.Draft)))
    marked = {
        q.graph_name.value
        for q in pattern
        if isinstance(q.graph_name, ox.NamedNode) and q.subject == q.graph_name
    }
    return sorted({f.graph for f in files if f.is_draft or (f.kind == "source" and f.graph in marked)})


def graph_names(store: ox.Store) -> list[str]:
    return sorted(g.value for g in store.named_graphs())


def derived_graph() -> ox.NamedNode:
    return ox.NamedNode(str(DERIVED_GRAPH))


def draft_graph_names(store: ox.Store) -> set[str]:
    """Named graphs that state ``kg:curationStatus kg:Draft`` (converter drafts, before or after rebasing)."""
    pattern = store.quads_for_pattern(None, ox.NamedNode(str(KG.curationStatus)), ox.NamedNode(str(KG.Draft)))
    return {q.graph_name.value for q in pattern if isinstance(q.graph_name, ox.NamedNode)}


def draft_only_subjects(store: ox.Store) -> set[str]:
    """Subjects stated in draft graphs and in no curated or reference graph (the rules' graph aside)."""
    drafts = draft_graph_names(store)
    if not drafts:
        return set()
    in_draft, elsewhere = set(), set()
    for quad in store:
        graph = quad.graph_name
        if not isinstance(graph, ox.NamedNode) or not isinstance(quad.subject, ox.NamedNode):
            continue
        if graph.value == str(DERIVED_GRAPH) or graph.value.endswith("/derived"):
            continue
        (in_draft if graph.value in drafts else elsewhere).add(quad.subject.value)
    return in_draft - elsewhere
