"""``kommgraph accept SOURCE [--fact IRI ...]``: move accepted facts from the draft into the curated file.

Both provenances are kept: each fact keeps the draft's ``prov:wasDerivedFrom``, quote (``kg:evidence``)
and ``kg:confidence``; the curated graph states ``kg:curationStatus kg:Curated`` and
``prov:wasGeneratedBy`` an acceptance (a ``prov:Activity`` that ``prov:used`` the draft graph).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import PROV, RDF, RDFS

from kommgraph.core.errors import UsageError
from kommgraph.core.turtle import canonical_turtle
from kommgraph.core.vocab import KG, KGID, graph_iri, source_iri
from kommgraph.curation.facts import Sides, parse
from kommgraph.store.dataset import DataLayout, draft_graph_iri

CURATED_HEADER = "Curated: facts accepted from the converter's draft with `kommgraph accept`."
DRAFT_HEADER = (
    "Draft written by `kommgraph convert`: review with `kommgraph review`, accept with `kommgraph accept`."
)


@dataclass(frozen=True)
class Accepted:
    facts: list[URIRef]
    curated_path: Path
    draft_path: Path | None  # None when the draft had no fact left and was removed


def _closure(draft: Graph, start: set[URIRef], facts: set[URIRef]) -> set[URIRef]:
    """The chosen facts and the nodes they lean on (quotes, documents, authorities), but no other fact."""
    seen, todo = set(start), list(start)
    while todo:
        node = todo.pop()
        for obj in draft.objects(node, None):
            described = (obj, None, None) in draft
            if isinstance(obj, URIRef) and described and obj not in seen and obj not in facts:
                seen.add(obj)
                todo.append(obj)
    return seen


def acceptance_iri(source_id: str) -> URIRef:
    return KGID[f"activity/accept/{source_id}"]


def accept(data_dir: Path, sides: Sides, chosen: list[str] | None = None) -> Accepted:
    facts = set(sides.facts())
    if chosen:
        unknown = sorted(set(chosen) - {str(f) for f in facts})
        if unknown:
            raise UsageError(f"{sides.draft_path}: not a fact of this draft: {', '.join(unknown)}")
        selected = {URIRef(c) for c in chosen}
    else:
        selected = facts
    graph = graph_iri(sides.source_id)
    keep = _closure(sides.draft, selected | {graph}, facts)
    layout = DataLayout(Path(data_dir))
    curated_path = layout.curated_file(sides.source_id)
    curated = parse(curated_path) if curated_path.is_file() else Graph()
    for s, p, o in sides.draft:
        if s in keep and not (s == graph and p == KG.curationStatus):
            curated.add((s, p, o))
    activity = acceptance_iri(sides.source_id)
    curated.add((graph, KG.curationStatus, KG.Curated))
    curated.add((graph, PROV.wasGeneratedBy, activity))
    curated.add((activity, RDF.type, PROV.Activity))
    curated.add((activity, RDFS.label, Literal("Durchsicht und Übernahme eines Entwurfs", lang="de")))
    draft = URIRef(draft_graph_iri(sides.source_id))
    curated.add((activity, PROV.used, draft))
    curated.add((draft, RDF.type, PROV.Entity))
    curated.add((draft, RDFS.label, Literal("Entwurf von kommgraph convert", lang="de")))
    curated.add((draft, PROV.wasDerivedFrom, source_iri(sides.source_id)))
    curated_path.write_text(canonical_turtle(curated, header=CURATED_HEADER), encoding="utf-8", newline="\n")
    left = facts - selected
    if not left:
        sides.draft_path.unlink()
        return Accepted(sorted(selected), curated_path, None)
    # what is left stays a draft: the source's graph is curated now (ttl/ID.ttl), so the draft marks
    # its own graph as the draft, and each graph has one status
    remaining = Graph()
    for triple in sides.draft:
        if triple[0] not in selected and triple != (graph, KG.curationStatus, KG.Draft):
            remaining.add(triple)
    remaining.add((draft, KG.curationStatus, KG.Draft))
    text = canonical_turtle(remaining, header=DRAFT_HEADER)
    sides.draft_path.write_text(text, encoding="utf-8", newline="\n")
    return Accepted(sorted(selected), curated_path, sides.draft_path)
