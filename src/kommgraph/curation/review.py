"""``kommgraph review SOURCE``: what a draft would add, change or lack, compared with the curated graph."""

from __future__ import annotations

from dataclasses import dataclass, field

from rdflib import Graph, URIRef
from rdflib.namespace import PROV, RDF, SKOS

from kommgraph.core.turtle import bind_prefixes
from kommgraph.core.vocab import KG, source_iri
from kommgraph.curation.facts import PROVENANCE, Sides

STATUSES = ("new", "changed", "unchanged", "missing")


@dataclass(frozen=True)
class Row:
    status: str  # one of STATUSES
    fact: URIRef
    label: str
    quotes: tuple[str, ...]
    changes: tuple[str, ...] = field(default=())  # "predicate: curated → draft"


def _label(graph: Graph, node: URIRef) -> str:
    label = next(graph.objects(node, SKOS.prefLabel), None)
    kind = next((t for t in sorted(graph.objects(node, RDF.type)) if str(t).startswith(str(KG))), None)
    kind_name = str(kind).rsplit("#", 1)[-1] if kind else "Fact"
    return f"{kind_name} {label}" if label else kind_name


def _values(graph: Graph, node: URIRef) -> dict[URIRef, set]:
    values: dict[URIRef, set] = {}
    for p, o in graph.predicate_objects(node):
        if p not in PROVENANCE:
            values.setdefault(p, set()).add(o)
    return values


def _short(graph: Graph, term) -> str:
    try:
        return term.n3(graph.namespace_manager)
    except Exception:  # noqa: BLE001 - a term rdflib cannot shorten is shown whole
        return str(term)


def compare(sides: Sides) -> list[Row]:
    """One row per draft fact (new, changed, unchanged) and per curated fact from the same source the
    draft lacks (missing); sorted by status, then IRI."""
    draft, curated = sides.draft, sides.curated
    bind_prefixes(draft)
    rows = []
    for fact in sides.facts():
        have = _values(curated, fact)
        quotes = tuple(sides.quotes(fact))
        if not have:
            rows.append(Row("new", fact, _label(draft, fact), quotes))
            continue
        want = _values(draft, fact)
        changes = tuple(
            f"{_short(draft, p)}: {', '.join(sorted(_short(draft, o) for o in have.get(p, set()))) or '–'}"
            f" → {', '.join(sorted(_short(draft, o) for o in want.get(p, set()))) or '–'}"
            for p in sorted(set(want) | set(have))
            if p in want and have.get(p, set()) != want[p]
        )
        rows.append(Row("changed" if changes else "unchanged", fact, _label(draft, fact), quotes, changes))
    stated = set(sides.facts())
    document = source_iri(sides.source_id)
    for fact in sorted(set(curated.subjects(PROV.wasDerivedFrom, document)) - stated):
        if isinstance(fact, URIRef) and (fact, KG.evidence, None) in curated:
            rows.append(Row("missing", fact, _label(curated, fact), tuple(sides.quotes(fact, curated))))
    return sorted(rows, key=lambda r: (STATUSES.index(r.status), str(r.fact)))


def render(sides: Sides, rows: list[Row]) -> str:
    counts = ", ".join(f"{sum(r.status == s for r in rows)} {s}" for s in STATUSES)
    lines = [f"draft {sides.draft_path} beside the curated graph: {counts}"]
    for row in rows:
        lines.append(f"{row.status:9} {row.fact}  {row.label}")
        lines += [f"          {change}" for change in row.changes]
        lines += [f"          „{quote}“" for quote in row.quotes]
    return "\n".join(lines) + "\n"
