"""Snapshot: an authority's units on a day, with the parents and heads valid then; as a tree, JSON and
an RDF graph that validates on its own."""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from dataclasses import dataclass, field

import pyoxigraph as ox
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, XSD

from kommgraph.core.dates import Answer, TrueDate, exists_on
from kommgraph.core.turtle import canonical_turtle
from kommgraph.core.vocab import DCT, KG, KGID, ORG, PROV_NS
from kommgraph.store.terms import to_rdflib
from kommgraph.temporal.find import Authority
from kommgraph.temporal.lifespans import Lifespan, derived_date, lifespans, stated_dates
from kommgraph.temporal.sparql import lexical, select


@dataclass
class Parent:
    iri: str
    name: str
    status: Answer
    valid_from: TrueDate | None = None
    valid_until: TrueDate | None = None


@dataclass
class Head:
    membership: str
    person: str
    role: str
    title: str
    status: Answer


@dataclass
class SnapshotUnit:
    iri: str
    name: str
    unit_type: str
    status: Answer
    lifespan: Lifespan
    parents: list[Parent] = field(default_factory=list)
    heads: list[Head] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {
            "unit": self.iri,
            "name": self.name,
            "type": self.unit_type,
            "status": str(self.status),
            **self.lifespan.as_dict(),
            "parents": [{"unit": p.iri, "name": p.name, "status": str(p.status)} for p in self.parents],
            "heads": [
                {
                    "person": h.person,
                    "role": h.role,
                    "title": h.title,
                    "status": str(h.status),
                    "membership": h.membership,
                }
                for h in self.heads
            ],
        }


@dataclass
class Snapshot:
    authority: Authority
    day: dt.date
    known_at: dt.date | None
    units: list[SnapshotUnit]

    @property
    def iri(self) -> str:
        tail = f"/known-{self.known_at.isoformat()}" if self.known_at else ""
        return str(KGID[f"snapshot/{self.authority.ags}/{self.day.isoformat()}{tail}"])

    def unit(self, name: str) -> SnapshotUnit | None:
        return next((u for u in self.units if u.name == name), None)

    def as_dict(self) -> dict:
        return {
            "snapshot": self.iri,
            "authority": self.authority.name,
            "ags": self.authority.ags,
            "date": self.day.isoformat(),
            "known_at": self.known_at.isoformat() if self.known_at else None,
            "units": [u.as_dict() for u in self.units],
        }


def snapshot(
    store: ox.Store, authority: Authority, day: dt.date, known_at_day: dt.date | None = None
) -> Snapshot:
    """The authority's units that certainly or possibly exist on ``day``, with the parents valid on that day
    (dated placements first, else org:subOrganizationOf) and their heads.

    A unit with no known start is taken to have existed before, one with no known end to exist on, as
    in the stored query units-on-date. Pass a store from ``known_at`` for what was known on a day.
    """
    rows = select(store, "authority-units", authority=authority.iri)
    info = {}
    for row in rows:
        info.setdefault(row["unit"].value, (row["name"].value, lexical(row["type"])))
    spans = lifespans(store, info)
    units = []
    for iri, (name, unit_type) in info.items():
        status = spans[iri].on(day)
        if status is not Answer.NO:
            units.append(SnapshotUnit(iri, name, unit_type, status, spans[iri]))
    by_iri = {u.iri: u for u in units}
    for unit_iri, parent in _parents(store, by_iri, day):
        by_iri[unit_iri].parents.append(parent)
    for unit_iri, head in _heads(store, by_iri, day, spans):
        by_iri[unit_iri].heads.append(head)
    units.sort(key=lambda u: (u.name.casefold(), u.iri))
    return Snapshot(authority, day, known_at_day, units)


def _parents(store: ox.Store, units: dict, day: dt.date):
    if not units:
        return []
    rows = select(store, "parents", unit=list(units))
    found = []
    seen = set()
    for row in rows:
        start = derived_date(row["from"], row["fromE"], row["fromL"])
        end = derived_date(row["until"], row["untilE"], row["untilL"])
        status = exists_on(day, start, end)
        key = (row["unit"].value, row["parent"].value)
        if status is Answer.NO or key in seen:
            continue
        seen.add(key)
        found.append((row["unit"].value, Parent(row["parent"].value, row["name"].value, status, start, end)))
    return found


def _heads(store: ox.Store, units: dict, day: dt.date, spans: dict[str, Lifespan]):
    if not units:
        return []
    rows = select(store, "heads", unit=list(units))
    memberships = sorted({r["membership"].value for r in rows})
    dates = stated_dates(store, memberships, [KG.validFrom, KG.validUntil])
    found, seen = [], set()
    for row in rows:
        membership = row["membership"].value
        if membership in seen:
            continue
        seen.add(membership)
        status = exists_on(
            day, dates.get((membership, str(KG.validFrom))), dates.get((membership, str(KG.validUntil)))
        )
        status = status & units[row["unit"].value].status
        if status is Answer.NO:
            continue
        found.append(
            (
                row["unit"].value,
                Head(membership, row["person"].value, row["role"].value, lexical(row["title"]), status),
            )
        )
    return found


STATUS_WORDS = {Answer.CERTAIN: "exists", Answer.POSSIBLE: "possibly exists"}


def snapshot_tree(snap: Snapshot) -> str:
    """The snapshot as an indented tree: each unit under its parent on that day."""
    known = f", as known on {snap.known_at.isoformat()}" if snap.known_at else ""
    lines = [f"{snap.authority.name} ({snap.authority.ags}) on {snap.day.isoformat()}{known}"]
    present = {u.iri for u in snap.units}
    children = defaultdict(list)
    roots = []
    for unit in snap.units:
        parents = [p for p in unit.parents if p.iri in present and p.iri != unit.iri]
        if parents:
            for parent in parents:
                children[parent.iri].append(unit)
        else:
            roots.append(unit)

    def emit(unit: SnapshotUnit, prefix: str, last: bool, trail: frozenset) -> None:
        branch = "└── " if last else "├── "
        span = unit.lifespan.describe()
        detail = f"{unit.unit_type}, {span}" if unit.unit_type else span
        lines.append(f"{prefix}{branch}{unit.name} ({detail}): {STATUS_WORDS[unit.status]}")
        inner = prefix + ("    " if last else "│   ")
        for parent in unit.parents:
            if parent.iri not in present:
                lines.append(f"{inner}  placed in: {parent.name} (not in this snapshot)")
            elif parent.status is Answer.POSSIBLE:
                lines.append(f"{inner}  possibly placed in: {parent.name}")
        for head in unit.heads:
            title = f", {head.title}" if head.title else ""
            maybe = "" if head.status is Answer.CERTAIN else " (possibly)"
            lines.append(f"{inner}  {head.role.lower()}: {head.person}{title}{maybe}")
        kids = [k for k in children.get(unit.iri, []) if k.iri not in trail]
        for i, kid in enumerate(kids):
            emit(kid, inner, i == len(kids) - 1, trail | {unit.iri})

    for i, root in enumerate(roots):
        emit(root, "", i == len(roots) - 1, frozenset())
    if not snap.units:
        lines.append("(no units known on this day)")
    return "\n".join(lines) + "\n"


def snapshot_json(snap: Snapshot) -> str:
    return json.dumps(snap.as_dict(), ensure_ascii=False, indent=2) + "\n"


def snapshot_graph(store: ox.Store, snap: Snapshot) -> Graph:
    """The snapshot as an RDF graph that validates on its own (with the ontology): the units with the
    parent valid on the day, their heads, the persons, evidence and source documents they rest on, and
    a kg:Snapshot resource naming which units and memberships certainly or possibly exist."""
    graph = Graph()
    present = {u.iri for u in snap.units}
    memberships = {h.membership for u in snap.units for h in u.heads}
    subjects = set(present) | memberships | {snap.authority.iri}

    def describe(iris) -> list[tuple]:
        if not iris:
            return []
        rows = select(store, "describe", s=iris)
        return [(to_rdflib(r["s"]), to_rdflib(r["p"]), to_rdflib(r["o"])) for r in rows]

    triples = describe(subjects)
    persons = {str(o) for s, p, o in triples if p == ORG.member}
    triples += describe(persons)
    evidence = {str(o) for s, p, o in triples if p == KG.evidence}
    triples += describe(evidence)
    documents = {str(o) for s, p, o in triples if p in (PROV_NS.wasDerivedFrom, KG.inDocument)}
    triples += describe(documents)
    publishers = {str(o) for s, p, o in triples if p == DCT.publisher} - subjects
    triples += describe(publishers)
    sub_organization = ORG.subOrganizationOf
    for triple in triples:
        if triple[1] == sub_organization and str(triple[0]) in present:
            continue  # replaced by the parent valid on the day
        graph.add(triple)
    for unit in snap.units:
        for parent in unit.parents:
            if parent.iri in present:
                graph.add((URIRef(unit.iri), sub_organization, URIRef(parent.iri)))
    node = URIRef(snap.iri)
    graph.add((node, RDF.type, KG.Snapshot))
    graph.add((node, KG.snapshotOf, URIRef(snap.authority.iri)))
    graph.add((node, KG.snapshotDate, Literal(snap.day.isoformat(), datatype=XSD.date)))
    if snap.known_at:
        graph.add((node, KG.knownAt, Literal(snap.known_at.isoformat(), datatype=XSD.date)))
    for unit in snap.units:
        included = KG.certainlyIncludes if unit.status is Answer.CERTAIN else KG.possiblyIncludes
        graph.add((node, included, URIRef(unit.iri)))
        for head in unit.heads:
            included = KG.certainlyIncludes if head.status is Answer.CERTAIN else KG.possiblyIncludes
            graph.add((node, included, URIRef(head.membership)))
    return graph


def snapshot_turtle(store: ox.Store, snap: Snapshot) -> str:
    known = f", as known on {snap.known_at.isoformat()}" if snap.known_at else ""
    where = f"{snap.authority.name} ({snap.authority.ags})"
    header = f"kommgraph snapshot: {where} on {snap.day.isoformat()}{known}."
    return canonical_turtle(snapshot_graph(store, snap), header)
