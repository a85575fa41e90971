"""Writing a synthetic data directory: sources with sidecars, one Turtle file each, reference data."""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

from kommgraph.synth import names
from kommgraph.synth.generate import DOCUMENT_TYPES, Authority, authorities, make_source
from kommgraph.synth.inject import KINDS, Injected, inject
from kommgraph.synth.model import SourceDraft, Statements, iri, literal

MANIFEST = "synth.json"  # beside ttl/ and sources/: what was made and which findings it must give
_TOML_TYPES = {
    "NewsItem": "news item",
    "PressRelease": "press release",
    "CouncilReport": "council report",
    "WebPage": "web page",
}


@dataclass
class Synthesis:
    out: Path
    authorities: int
    seed: int
    sources: int = 0
    triples: int = 0
    injected: list[Injected] = field(default_factory=list)


def synthesize(
    out: Path,
    authority_count: int,
    seed: int,
    injections: dict[str, int] | None = None,
    step: Callable[[int, int, str], None] = lambda done, total, what: None,
) -> Synthesis:
    """Write ``out/ttl``, ``out/sources`` and ``out/synth.json``; the same arguments give the same bytes."""
    if authority_count < 2:
        raise ValueError("--authorities must be at least 2")
    rng = random.Random(seed)
    places = authorities(authority_count, rng)
    drafts = [make_source(number, authority, rng) for number, authority in enumerate(places)]
    injected = inject(drafts, injections or {}, random.Random(seed + 1))
    result = Synthesis(out, authority_count, seed, len(drafts), injected=injected)
    ttl, sources, reference = out / "ttl", out / "sources", out / "ttl" / "reference"
    for folder in (ttl, sources, reference):
        folder.mkdir(parents=True, exist_ok=True)
    for number, draft in enumerate(drafts, 1):
        step(number, len(drafts), "writing sources")
        _write(sources / f"{draft.source_id}.txt", draft.text)
        _write(sources / f"{draft.source_id}.meta.toml", _sidecar(draft))
        _write(
            ttl / f"{draft.source_id}.ttl",
            draft.graph.turtle(f"Synthetic facts of sources/{draft.source_id}.txt"),
        )
        result.triples += draft.graph.triple_count()
    for name, statements in (("authorities", _authorities(places)), ("publishers", _publishers())):
        _write(reference / f"{name}.ttl", statements.turtle(f"Synthetic {name} (kommgraph synth)."))
        result.triples += statements.triple_count()
    manifest = {
        "authorities": authority_count,
        "seed": seed,
        "sources": result.sources,
        "triples": result.triples,
        "kinds": {kind: {"change": change, "rule": rule} for kind, (change, rule) in KINDS.items()},
        "injected": [asdict(i) for i in injected],
    }
    _write(out / MANIFEST, json.dumps(manifest, indent=2, ensure_ascii=False) + "\n")
    return result


def _write(path: Path, text: str) -> None:
    path.write_bytes(text.encode("utf-8"))


def _sidecar(draft: SourceDraft) -> str:
    g = draft.graph.by_subject[draft.source]
    issued = g["dct:issued"][0].split('"')[1]
    document_type = g["dct:type"][0].removeprefix("kg:")
    publisher = g["dct:publisher"][0]
    if "/publisher/" in publisher:
        key = publisher.rsplit("/", 1)[1].rstrip(">")
        publisher_name = dict(names.PUBLISHERS)[key]
    else:
        publisher_name = f"Stadt {draft.place}"
    lines = [
        f"title = {json.dumps(draft.title, ensure_ascii=False)}",
        f'published = "{issued}"',
        f"publisher = {json.dumps(publisher_name, ensure_ascii=False)}",
        f"place = {json.dumps(draft.place, ensure_ascii=False)}",
        f'type = "{_TOML_TYPES[document_type]}"',
    ]
    if "dct:identifier" in g:
        lines.append(f"identifier = {g['dct:identifier'][0]}")
    return "\n".join(lines) + "\n"


def _authorities(places: list[Authority]) -> Statements:
    statements = Statements()
    for place in places:
        statements.add(place.iri, "a", "org:FormalOrganization", "kg:LocalAuthority")
        statements.add(place.iri, "skos:prefLabel", literal(place.name, lang="de"))
        statements.add(place.iri, "kg:ags", literal(place.ags))
    return statements


def _publishers() -> Statements:
    statements = Statements()
    for key, name in names.PUBLISHERS:
        subject = iri(f"publisher/{key}")
        statements.add(subject, "a", "prov:Agent", "foaf:Organization")
        statements.add(subject, "skos:prefLabel", literal(name, lang="de"))
        statements.add(subject, "foaf:name", literal(name))
    return statements


__all__ = ["DOCUMENT_TYPES", "MANIFEST", "Synthesis", "synthesize"]
