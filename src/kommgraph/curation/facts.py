"""The two sides of a review: a source's draft and the curated graph (the curated files and the reference)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph, URIRef
from rdflib.namespace import PROV

from kommgraph.core.errors import LoadError, UsageError
from kommgraph.core.vocab import KG, OA
from kommgraph.store.dataset import DataLayout

# What says where a fact comes from, not what it says: not compared between draft and curated graph.
PROVENANCE = {KG.evidence, KG.confidence, PROV.wasDerivedFrom}


def source_id_of(source: str) -> str:
    """SOURCE as given on the command line: an ID, or a path to its text, draft or curated file."""
    name = Path(source).name
    for suffix in (".meta.toml", ".ttl", ".txt"):
        if name.endswith(suffix):
            return name[: -len(suffix)]
    return name


def parse(path: Path) -> Graph:
    graph = Graph()
    try:
        graph.parse(path, format="turtle")
    except (OSError, SyntaxError, ValueError) as exc:
        raise LoadError(f"{path}: cannot read: {exc}") from exc
    return graph


@dataclass
class Sides:
    """A draft beside the curated graph."""

    source_id: str
    draft_path: Path
    draft: Graph
    curated: Graph

    def facts(self) -> list[URIRef]:
        """The draft's facts: every subject with a quote (units, events, persons, memberships)."""
        return sorted({s for s in self.draft.subjects(KG.evidence, None) if isinstance(s, URIRef)})

    def quotes(self, fact: URIRef, graph: Graph | None = None) -> list[str]:
        graph = self.draft if graph is None else graph
        return sorted(str(q) for e in graph.objects(fact, KG.evidence) for q in graph.objects(e, OA.exact))


def read_sides(data_dir: Path, source: str) -> Sides:
    layout = DataLayout(Path(data_dir))
    source_id = source_id_of(source)
    draft_path = layout.draft_file(source_id)
    if not draft_path.is_file():
        raise UsageError(
            f"{draft_path}: no draft of source {source_id!r} (kommgraph convert writes drafts there)"
        )
    curated = Graph()
    for path in sorted(layout.ttl_dir.glob("*.ttl")) + sorted(layout.reference_dir.rglob("*.ttl")):
        curated += parse(path)
    return Sides(source_id, draft_path, parse(draft_path), curated)
