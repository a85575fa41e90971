"""Known violations put into valid synthetic sources, each recorded with the finding it must produce."""

from __future__ import annotations

import random
from dataclasses import dataclass

from kommgraph.synth.model import SourceDraft, iri, literal

# kind -> (what is changed, the rule of the finding it must produce)
KINDS: dict[str, tuple[str, str]] = {
    "missing-label": ("a unit loses its skos:prefLabel", "kgsh:AdministrativeUnitShape/skos:prefLabel"),
    "bad-date": (
        "a Dezernat's kg:validFrom becomes a plain string",
        "kgsh:AdministrativeUnitShape/kg:validFrom",
    ),
    "missing-evidence": ("a person loses its kg:evidence", "kgsh:ProvenanceShape/kg:evidence"),
    "two-authorities": ("a Dezernat gets a second org:unitOf", "kgsh:AdministrativeUnitShape/org:unitOf"),
    "evidence-offset": ("a quote no longer matches the text at its offsets", "check:evidence-offsets"),
    "succession-cycle": (
        "a renaming back from the new unit to the old (a finding on each of the two)",
        "check:succession-cycle-violation",
    ),
}


@dataclass(frozen=True)
class Injected:
    kind: str
    source_id: str
    focus: str  # IRI without angle brackets
    rule: str


def parse_injections(values: list[str] | tuple[str, ...]) -> dict[str, int]:
    """``KIND=COUNT`` options as a mapping; raises ValueError with the offending value."""
    counts: dict[str, int] = {}
    for value in values:
        kind, sep, count = value.partition("=")
        if not sep or kind not in KINDS or not count.isdigit():
            raise ValueError(f"expected KIND=COUNT with KIND one of {', '.join(KINDS)}; got {value!r}")
        counts[kind] = counts.get(kind, 0) + int(count)
    return counts


def inject(drafts: list[SourceDraft], counts: dict[str, int], rng: random.Random) -> list[Injected]:
    """Change ``counts[kind]`` sources for each kind, each source at most once."""
    eligible = {
        "succession-cycle": [d for d in drafts if d.event_type == "Renaming"],
    }
    used: set[str] = set()
    done: list[Injected] = []
    for kind in KINDS:
        wanted = counts.get(kind, 0)
        if not wanted:
            continue
        pool = [d for d in eligible.get(kind, drafts) if d.source_id not in used]
        if len(pool) < wanted:
            raise ValueError(
                f"{kind}={wanted}: only {len(pool)} sources can take it; ask for more authorities"
            )
        for draft in sorted(rng.sample(pool, wanted), key=lambda d: d.source_id):
            used.add(draft.source_id)
            focus = _APPLY[kind](draft, drafts)
            for one in [focus] if isinstance(focus, str) else focus:
                done.append(Injected(kind, draft.source_id, one.strip("<>"), KINDS[kind][1]))
    return done


def _missing_label(draft: SourceDraft, drafts: list[SourceDraft]) -> str:
    unit = draft.units["parent"]
    draft.graph.remove(unit, "skos:prefLabel")
    return unit


def _bad_date(draft: SourceDraft, drafts: list[SourceDraft]) -> str:
    unit = draft.units["parent"]
    year = draft.graph.by_subject[unit]["kg:validFrom"][0].split('"')[1]
    draft.graph.remove(unit, "kg:validFrom")
    draft.graph.add(unit, "kg:validFrom", literal(f"um {year}"))
    return unit


def _missing_evidence(draft: SourceDraft, drafts: list[SourceDraft]) -> str:
    person = draft.extra["person"]
    draft.graph.remove(person, "kg:evidence")
    return person


def _two_authorities(draft: SourceDraft, drafts: list[SourceDraft]) -> str:
    unit = draft.units["parent"]
    label = draft.graph.by_subject[unit]["skos:prefLabel"][0]
    other = next(  # an authority without a unit of the same name, so that only the shape fires
        d.ags
        for d in drafts
        if d.ags != draft.ags
        and all(label not in s.get("skos:prefLabel", ()) for s in d.graph.by_subject.values())
    )
    draft.graph.add(unit, "org:unitOf", iri(f"authority/{other}"))
    return unit


def _evidence_offset(draft: SourceDraft, drafts: list[SourceDraft]) -> str:
    evidence = next(s for s in sorted(draft.graph.by_subject) if "/evidence/" in s)
    exact = draft.graph.by_subject[evidence]["oa:exact"][0]
    draft.graph.remove(evidence, "oa:exact")
    draft.graph.add(
        evidence, "oa:exact", exact.replace("Die ", "Eine ", 1) if "Die " in exact else '"X' + exact[1:]
    )
    return evidence


def _succession_cycle(draft: SourceDraft, drafts: list[SourceDraft]) -> list[str]:
    """Both units of the cycle get the finding."""
    event = draft.extra["event"]
    g = draft.graph.by_subject[event]
    original, result = g["org:originalOrganization"][0], g["org:resultingOrganization"][0]
    back = event[:-1] + "-back>"
    evidence = g["kg:evidence"][0]
    draft.graph.add(back, "a", "kg:Renaming")
    draft.graph.add(back, "org:originalOrganization", result)
    draft.graph.add(back, "org:resultingOrganization", original)
    draft.fact(back, evidence)
    return [original, result]


_APPLY = {
    "missing-label": _missing_label,
    "bad-date": _bad_date,
    "missing-evidence": _missing_evidence,
    "two-authorities": _two_authorities,
    "evidence-offset": _evidence_offset,
    "succession-cycle": _succession_cycle,
}
