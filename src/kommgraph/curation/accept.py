"""``kommgraph accept SOURCE [--fact IRI ...]``: move accepted facts from the draft into the curated file.

Both provenances are kept: each fact keeps the draft's ``prov:wasDerivedFrom``, quote (``kg:evidence``)
and ``kg:confidence``; the curated graph states ``kg:curationStatus kg:Curated`` and
``prov:wasGeneratedBy`` an acceptance (a ``prov:Activity`` that ``prov:used`` the draft graph).
"""

from __future__ import annotations

from dataclasses import dataclass, field
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
    missing: list[URIRef] = field(default_factory=list)  # curated facts of the source the draft lacks
    dropped: bool = False  # whether those were removed (--drop-missing)


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


def missing_facts(curated: Graph, source_id: str, stated: set[URIRef]) -> list[URIRef]:
    """Facts of the curated file derived from the source (with a quote) that the draft does not state."""
    document = source_iri(source_id)
    return sorted(
        f
        for f in set(curated.subjects(PROV.wasDerivedFrom, document)) - stated
        if isinstance(f, URIRef) and (f, KG.evidence, None) in curated
    )


def _replace_values(curated: Graph, draft: Graph, node: URIRef, target: URIRef) -> None:
    """The draft's values of ``node`` become ``target``'s: for each property the draft states, the
    curated file's values of that property are replaced (a re-converted source's new reading)."""
    stated = {(p, o) for p, o in draft.predicate_objects(node) if p != KG.curationStatus}
    for p in {p for p, _ in stated}:
        curated.remove((target, p, None))
    for p, o in stated:
        curated.add((target, p, o))


def _drop_unused_quotes(curated: Graph) -> None:
    """Quotes no fact cites any more (their fact's reading was replaced) leave the curated file."""
    for quote in set(curated.subjects(RDF.type, KG.Evidence)):
        if (None, KG.evidence, quote) not in curated:
            curated.remove((quote, None, None))


def accept(
    data_dir: Path, sides: Sides, chosen: list[str] | None = None, drop_missing: bool = False
) -> Accepted:
    facts = set(sides.facts())
    if chosen:
        unknown = sorted(set(chosen) - {str(f) for f in facts})
        if unknown:
            raise UsageError(f"{sides.draft_path}: not a fact of this draft: {', '.join(unknown)}")
        selected = {URIRef(c) for c in chosen}
    else:
        selected = facts
    graph = graph_iri(sides.source_id)
    draft = URIRef(draft_graph_iri(sides.source_id))
    # the draft describes its own graph kgid:graph/ID/draft (drafts written before: kgid:graph/ID)
    described = {g for g in (graph, draft) if (g, RDF.type, KG.SourceGraph) in sides.draft}
    keep = _closure(sides.draft, selected | described, facts)
    layout = DataLayout(Path(data_dir))
    curated_path = layout.curated_file(sides.source_id)
    curated = parse(curated_path) if curated_path.is_file() else Graph()
    missing = missing_facts(curated, sides.source_id, facts)
    if drop_missing:
        for fact in missing:
            curated.remove((fact, None, None))
    for node in sorted(keep):
        _replace_values(curated, sides.draft, node, graph if node in described else node)
    _drop_unused_quotes(curated)
    activity = acceptance_iri(sides.source_id)
    curated.add((graph, KG.curationStatus, KG.Curated))
    curated.add((graph, PROV.wasGeneratedBy, activity))
    curated.add((activity, RDF.type, PROV.Activity))
    curated.add((activity, RDFS.label, Literal("Durchsicht und Übernahme eines Entwurfs", lang="de")))
    curated.add((activity, PROV.used, draft))
    curated.add((draft, RDF.type, PROV.Entity))
    curated.add((draft, RDFS.label, Literal("Entwurf von kommgraph convert", lang="de")))
    curated.add((draft, PROV.wasDerivedFrom, source_iri(sides.source_id)))
    curated_path.write_text(canonical_turtle(curated, header=CURATED_HEADER), encoding="utf-8", newline="\n")
    left = facts - selected
    if not left:
        sides.draft_path.unlink()
        return Accepted(sorted(selected), curated_path, None, missing, drop_missing)
    # what is left stays a draft, in its own graph kgid:graph/ID/draft: each graph has one status
    remaining = Graph()
    for triple in sides.draft:
        if triple[0] not in selected and triple != (graph, KG.curationStatus, KG.Draft):
            remaining.add(triple)
    remaining.add((draft, KG.curationStatus, KG.Draft))
    text = canonical_turtle(remaining, header=DRAFT_HEADER)
    sides.draft_path.write_text(text, encoding="utf-8", newline="\n")
    return Accepted(sorted(selected), curated_path, sides.draft_path, missing, drop_missing)
