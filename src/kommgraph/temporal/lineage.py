"""Lineage: predecessors, successors and the other changes of a unit, through any number of steps, with
the events' dates, sources and quotes."""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from dataclasses import dataclass, field

import pyoxigraph as ox
from rdflib.namespace import RDF

from kommgraph.core import labels
from kommgraph.core.dates import TrueDate
from kommgraph.core.vocab import KG, SUCCESSION_EVENTS
from kommgraph.temporal.lifespans import Lifespan, date_dict, lifespans, stated_dates
from kommgraph.temporal.sparql import lexical, select


@dataclass(frozen=True)
class SourceRef:
    source: str
    title: str
    issued: str
    quotes: tuple[str, ...] = ()

    def __str__(self) -> str:
        return f"{self.title} ({self.issued})"


@dataclass
class Event:
    iri: str
    types: list[str] = field(default_factory=list)  # class IRIs
    labels: list[str] = field(default_factory=list)  # English labels of the types
    labels_de: list[str] = field(default_factory=list)  # German labels of the types
    originals: list[str] = field(default_factory=list)
    resultings: list[str] = field(default_factory=list)
    spun_off_from: list[str] = field(default_factory=list)
    previous_parents: list[str] = field(default_factory=list)
    new_parents: list[str] = field(default_factory=list)
    functions: list[str] = field(default_factory=list)  # labels
    date: TrueDate | None = None
    planned: bool = False
    sources: list[SourceRef] = field(default_factory=list)

    @property
    def label(self) -> str:
        return " / ".join(self.labels) or "change"

    @property
    def label_de(self) -> str:
        return " / ".join(self.labels_de) or "Organisationsänderung"

    def is_a(self, kinds: set[str]) -> bool:
        return any(t in kinds for t in self.types)


def events(store: ox.Store, iris) -> dict[str, Event]:
    """The change events with their units, functions, date (preferences applied), sources and quotes.

    An event counts as planned only while every source that states it says so: a later source that
    reports it as done outweighs an earlier announcement.
    """
    iris = sorted(set(iris))
    if not iris:
        return {}
    out = {i: Event(i) for i in iris}
    slots = {
        "http://www.w3.org/ns/org#originalOrganization": "originals",
        "http://www.w3.org/ns/org#resultingOrganization": "resultings",
        str(KG.spunOffFrom): "spun_off_from",
        str(KG.previousParent): "previous_parents",
        str(KG.newParent): "new_parents",
    }
    for row in select(store, "event-triples", event=iris):
        event, p, o = out[row["event"].value], row["p"].value, row["o"].value
        if p == str(RDF.type):
            if row["label"] is not None and o not in event.types:
                event.types.append(o)
                event.labels.append(row["label"].value)
                german = row["label_de"]
                event.labels_de.append(german.value if german is not None else row["label"].value)
        elif p == str(KG.transferredFunction):
            label = lexical(row["label"]) or o
            if label not in event.functions:
                event.functions.append(label)
        elif o not in getattr(event, slots[p]):
            getattr(event, slots[p]).append(o)
    dates = stated_dates(store, iris, [KG.effectiveDate])
    planned: dict[str, set[bool]] = defaultdict(set)
    quotes: dict[tuple[str, str], list[str]] = defaultdict(list)
    titles: dict[tuple[str, str], tuple[str, str]] = {}
    for row in select(store, "event-sources", event=iris):
        key = (row["event"].value, row["source"].value)
        planned[key[0]].add(row["planned"].value == "true")
        titles[key] = (row["title"].value, row["issued"].value)
        if row["quote"] is not None and row["quote"].value not in quotes[key]:
            quotes[key].append(row["quote"].value)
    for (event_iri, source), (title, issued) in titles.items():
        out[event_iri].sources.append(SourceRef(source, title, issued, tuple(quotes[(event_iri, source)])))
    for event in out.values():
        event.date = dates.get((event.iri, str(KG.effectiveDate)))
        event.planned = planned.get(event.iri) == {True}
        event.sources.sort(key=lambda s: (s.issued, s.source))
    return out


def events_of(store: ox.Store, units) -> dict[str, Event]:
    """Every change event that names one of the units (as original, resulting, parent or spin-off origin)."""
    units = sorted(set(units))
    if not units:
        return {}
    rows = select(store, "events-of", unit=units)
    return events(store, [r["event"].value for r in rows])


def names(store: ox.Store, iris) -> dict[str, str]:
    iris = sorted(set(iris))
    if not iris:
        return {}

    def literals(iri: str, prop: str) -> list[tuple[str, str | None]]:
        quads = store.quads_for_pattern(ox.NamedNode(iri), ox.NamedNode(prop), None, ox.DefaultGraph())
        return [(q.object.value, q.object.language) for q in quads if isinstance(q.object, ox.Literal)]

    stated = {iri: labels.stated_label(literals, iri) for iri in iris}
    return {iri: label for iri, label in stated.items() if label is not None}


@dataclass
class Step:
    """One change in a unit's lineage: ``relation`` says how ``units`` relate to ``unit``."""

    depth: int
    relation: str
    unit: str
    units: list[str]
    event: Event

    def as_dict(self, label: dict[str, str]) -> dict:
        e = self.event
        return {
            "depth": self.depth,
            "relation": self.relation,
            "from": label.get(self.unit, self.unit),
            "unit": self.unit,
            "to": [{"unit": u, "name": label.get(u, u)} for u in self.units],
            "event": e.iri,
            "type": e.label,
            "date": date_dict(e.date),
            "planned": e.planned,
            "functions": e.functions,
            "sources": [
                {"source": s.source, "title": s.title, "issued": s.issued, "quotes": list(s.quotes)}
                for s in e.sources
            ],
        }


@dataclass
class Lineage:
    unit: str
    name: str
    known_at: dt.date | None
    steps: list[Step]
    labels: dict[str, str]
    lifespan: Lifespan | None = None

    def related(self, relation: str) -> list[str]:
        """Names of the units in steps of this relation (e.g. "successor"), in order."""
        out = []
        for step in self.steps:
            if step.relation == relation:
                out += [self.labels.get(u, u) for u in step.units if self.labels.get(u, u) not in out]
        return out

    def as_dict(self) -> dict:
        return {
            "unit": self.unit,
            "name": self.name,
            "known_at": self.known_at.isoformat() if self.known_at else None,
            **(self.lifespan.as_dict() if self.lifespan else {}),
            "steps": [s.as_dict(self.labels) for s in self.steps],
        }


def lineage(
    store: ox.Store, unit: str, known_at_day: dt.date | None = None, name: str | None = None
) -> Lineage:
    """Predecessors and successors of ``unit`` through every kind of change, any number of steps.

    Succession (renaming, merger, split, spin-off, absorption) is followed in both directions; the other
    changes of every unit on the way are listed beside it: functions moved out or in, relocations, the
    unit a part was spun off from, founding and dissolution.
    """
    steps: list[Step] = []
    seen_steps: set[tuple[str, str, str]] = set()
    depth = {unit: 0}
    frontier = [unit]
    visited: set[str] = set()
    while frontier:
        batch = sorted(set(frontier) - visited)
        visited |= set(batch)
        frontier = []
        found = events_of(store, batch)
        for current in batch:
            d = depth[current]
            going_forward = d >= 0
            for event in found.values():
                for relation, others in _relations(event, current):
                    forward_step = relation == "successor"
                    backward_step = relation == "predecessor"
                    if (forward_step and not going_forward and current != unit) or (
                        backward_step and going_forward and current != unit
                    ):
                        continue  # stay on one side of the unit asked for
                    key = (event.iri, relation, current)
                    if key in seen_steps:
                        continue
                    seen_steps.add(key)
                    step_depth = d + 1 if forward_step else d - 1 if backward_step else d
                    steps.append(Step(step_depth, relation, current, others, event))
                    if forward_step or backward_step:
                        for other in others:
                            if other not in depth:
                                depth[other] = step_depth
                                frontier.append(other)
    labels = names(store, {unit} | {u for s in steps for u in s.units + [s.unit]})
    steps.sort(
        key=lambda s: (
            s.depth,
            s.event.date.earliest if s.event.date else dt.date.max,
            s.relation,
            s.event.iri,
            s.unit,
        )
    )
    name = labels.get(unit) or name or unit
    return Lineage(unit, name, known_at_day, steps, labels, lifespans(store, [unit]).get(unit))


def _relations(event: Event, unit: str) -> list[tuple[str, list[str]]]:
    """How the event relates other units to ``unit``."""
    out = []
    is_original, is_resulting = unit in event.originals, unit in event.resultings
    if event.is_a({str(t) for t in SUCCESSION_EVENTS}):
        if is_original and not is_resulting and event.resultings:
            out.append(("successor", [u for u in event.resultings if u != unit]))
        if is_resulting and not is_original and event.originals:
            out.append(("predecessor", [u for u in event.originals if u != unit]))
    if event.is_a({str(KG.TransferOfFunctions)}):
        if is_original and not is_resulting:
            out.append(("functions moved to", event.resultings))
        if is_resulting and not is_original:
            out.append(("functions moved from", event.originals))
    if event.is_a({str(KG.SpinOff)}) and is_resulting and event.spun_off_from:
        out.append(("spun off from", event.spun_off_from))
    if event.is_a({str(KG.SpinOff)}) and unit in event.spun_off_from:
        out.append(("part spun off as", event.resultings))
    if event.is_a({str(KG.Relocation)}) and (is_original or is_resulting):
        out.append(("relocated", event.previous_parents + event.new_parents))
    if event.is_a({str(KG.Founding)}) and is_resulting:
        out.append(("founded", []))
    if event.is_a({str(KG.Dissolution)}) and is_original:
        out.append(("dissolved", []))
    if event.is_a({str(KG.Absorption)}) and is_resulting and not is_original:
        pass  # the absorbing unit: its predecessor is listed above
    return [(relation, others) for relation, others in out if others or relation in ("founded", "dissolved")]


def lineage_text(lin: Lineage) -> str:
    known = f" (as known on {lin.known_at.isoformat()})" if lin.known_at else ""
    span = f", {lin.lifespan.describe()}" if lin.lifespan else ""
    lines = [f"{lin.name} <{lin.unit}>{span}{known}"]
    if not lin.steps:
        lines.append("  no predecessors, successors or other changes known")
    for step in lin.steps:
        event = step.event
        date = str(event.date) if event.date else "undated"
        planned = " [planned]" if event.planned else ""
        others = ", ".join(lin.labels.get(u, u) for u in step.units)
        subject = lin.labels.get(step.unit, step.unit)
        target = f" {others}" if others else ""
        if step.relation == "relocated":
            moved = [
                ", ".join(lin.labels.get(u, u) for u in side) or "?"
                for side in (event.previous_parents, event.new_parents)
            ]
            target = f" from {moved[0]} to {moved[1]}"
        lines.append(f"  {date:<11} {event.label}{planned}: {subject} — {step.relation}{target}")
        if event.functions:
            lines.append(f"{'':14}functions: {'; '.join(event.functions)}")
        for source in event.sources:
            lines.append(f"{'':14}source: {source}")
            for quote in source.quotes:
                lines.append(f"{'':16}“{quote}”")
    return "\n".join(lines) + "\n"


def lineage_json(lin: Lineage) -> str:
    return json.dumps(lin.as_dict(), ensure_ascii=False, indent=2) + "\n"
