"""The temporal engine: snapshots of an authority on a day, lineage of a unit, as-known-at, conflicts.

Valid time: every date keeps its precision (``kommgraph.core.dates``) and every answer about a day is
three-valued (certain, possible, no). Record time: ``known_at`` restricts the data to the named
graphs of the sources issued by a day. Where sources disagree, a curator's
``<resource> kg:prevailingSource <source>`` picks the values of that source; the other stays in the data.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from dataclasses import dataclass, field

import pyoxigraph as ox
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, XSD

from kommgraph.core.dates import Answer, TrueDate, exists_on, from_term, hull, issued_by
from kommgraph.core.errors import Ambiguous, NotFound
from kommgraph.core.turtle import canonical_turtle
from kommgraph.core.vocab import DEFAULT_BASE, KG, KGID, ONTOLOGY_GRAPH, PREFIXES, REFERENCE_GRAPH
from kommgraph.query import catalogue as queries
from kommgraph.query.engines import OxigraphEngine
from kommgraph.query.result import Result
from kommgraph.store import dataset, derive
from kommgraph.store.terms import to_rdflib

HEAD_ROLES = (KG.Head, KG.CoHead)
# Events that replace a unit by another (the rule queries/rules/10-succession.rq).
SUCCESSION = {str(KG[t]) for t in ("Renaming", "Merger", "Split", "SpinOff", "Absorption")}
CREATING = {str(KG[t]) for t in ("Founding", "Renaming", "Merger", "Split", "SpinOff")}
ENDING = {str(KG[t]) for t in ("Renaming", "Merger", "Split", "SpinOff", "Absorption", "Dissolution")}


def store_of(loaded_or_store) -> ox.Store:
    return loaded_or_store if isinstance(loaded_or_store, ox.Store) else loaded_or_store.store


def _select(store: ox.Store, text: str, **bindings) -> list[dict]:
    """Rows of a SELECT query as dicts of pyoxigraph terms; ``bindings`` substitute variables."""
    substitutions = {ox.Variable(k): v for k, v in bindings.items()}
    solutions = store.query(text, prefixes=PREFIXES, substitutions=substitutions or None)
    names = [v.value for v in solutions.variables]
    return [{n: s[n] for n in names} for s in solutions]


def _values(variable: str, iris) -> str:
    """A VALUES block of IRIs taken from the store (so they are well-formed)."""
    return f"VALUES ?{variable} {{ " + " ".join(f"<{i}>" for i in sorted(set(iris))) + " }"


def _text(term) -> str:
    return "" if term is None else term.value


# ---------------------------------------------------------------------------------------------
# Record time: what was known on a day


@dataclass(frozen=True)
class KnownSource:
    graph: str
    source: str
    title: str
    issued: TrueDate | None
    answer: Answer  # whether it had certainly, possibly or not appeared by the day


def known_sources(store: ox.Store, day: dt.date) -> list[KnownSource]:
    """Every source graph with its issue date and whether it had appeared by ``day``."""
    rows = _select(
        store,
        """
        SELECT ?g ?issued ?source ?title WHERE {
          GRAPH ?g {
            ?g a kg:SourceGraph .
            OPTIONAL { ?g dct:issued ?issued }
            OPTIONAL { ?g prov:wasDerivedFrom ?source }
          }
          OPTIONAL { ?source dct:title ?title }
        } ORDER BY ?g""",
    )
    out = []
    for row in rows:
        issued = from_term(row["issued"]) if row["issued"] is not None else None
        answer = issued_by(issued, day) if issued else Answer.NO
        out.append(KnownSource(row["g"].value, _text(row["source"]), _text(row["title"]), issued, answer))
    return out


def known_at(loaded_or_store, day: dt.date) -> ox.Store:
    """A new store with only what was known on ``day``: the graphs of sources certainly issued by then,
    with the reference data and the ontology, and the rules applied afresh.

    A source whose issue date is imprecise and might fall after the day (``2018-05`` for 2018-05-15)
    is left out: as-known-at answers rest only on what had certainly appeared.
    """
    store = store_of(loaded_or_store)
    graphs = [s.graph for s in known_sources(store, day) if s.answer is Answer.CERTAIN]
    subset = dataset.subset_store(store, graphs + [str(REFERENCE_GRAPH), str(ONTOLOGY_GRAPH)])
    derive.derive(subset)
    return subset


# ---------------------------------------------------------------------------------------------
# Finding authorities and units


@dataclass(frozen=True)
class Authority:
    iri: str
    name: str
    ags: str


def find_authority(store: ox.Store, text: str) -> Authority:
    """An authority by its 8-digit AGS or its name (case-insensitive)."""
    rows = _select(
        store,
        """
        SELECT ?a ?name ?ags WHERE { ?a a kg:LocalAuthority ; skos:prefLabel ?name ; kg:ags ?ags }
        ORDER BY ?name""",
    )
    wanted = text.strip().casefold()
    for row in rows:
        if wanted in (row["ags"].value, row["name"].value.casefold()):
            return Authority(row["a"].value, row["name"].value, row["ags"].value)
    known = ", ".join(f"{r['name'].value} ({r['ags'].value})" for r in rows)
    raise NotFound(f"no local authority named or with AGS {text!r}; known: {known or 'none'}")


def find_unit(store: ox.Store, text: str) -> str:
    """A unit's IRI from its IRI (``https://…`` or ``kgid:unit/…``) or its exact name (case-insensitive)."""
    text = text.strip()
    if text.startswith("kgid:"):
        text = DEFAULT_BASE + text[len("kgid:") :]
    if text.startswith(("http://", "https://")):
        if not _select(store, "SELECT ?u WHERE { ?u a kg:AdministrativeUnit }", u=ox.NamedNode(text)):
            raise NotFound(f"no administrative unit <{text}> in the data")
        return text
    rows = _select(
        store,
        """
        SELECT ?u ?name ?authority WHERE {
          ?u a kg:AdministrativeUnit ; skos:prefLabel ?name .
          OPTIONAL { ?u org:unitOf/skos:prefLabel ?authority }
        } ORDER BY ?u""",
    )
    matches = [r for r in rows if r["name"].value.casefold() == text.casefold()]
    units = sorted({r["u"].value for r in matches})
    if len(units) == 1:
        return units[0]
    if not units:
        near = sorted({r["name"].value for r in rows if text.casefold() in r["name"].value.casefold()})
        hint = f"; names containing it: {', '.join(near)}" if near else ""
        raise NotFound(f"no unit named {text!r}{hint}")
    spans = lifespans(store, units)
    candidates = []
    for unit in units:
        row = next(r for r in matches if r["u"].value == unit)
        candidates.append((unit, row["name"].value, _text(row["authority"]), spans[unit].describe()))
    listing = "\n".join(f"  {iri}  ({authority}, {span})" for iri, _, authority, span in candidates)
    raise Ambiguous(f"{len(units)} units are named {text!r}; give one by its IRI:\n{listing}", candidates)


# ---------------------------------------------------------------------------------------------
# Dates as the sources state them, with the curator's preferences


@dataclass(frozen=True)
class Lifespan:
    valid_from: TrueDate | None
    valid_until: TrueDate | None

    def on(self, day: dt.date) -> Answer:
        return exists_on(day, self.valid_from, self.valid_until)

    def describe(self) -> str:
        if self.valid_from is None and self.valid_until is None:
            return "no dates known"
        start = str(self.valid_from) if self.valid_from else "…"
        end = str(self.valid_until) if self.valid_until else "…"
        return f"{start} – {end}"

    def as_dict(self) -> dict:
        return {"valid_from": _date_dict(self.valid_from), "valid_until": _date_dict(self.valid_until)}


def _date_dict(value: TrueDate | None) -> dict | None:
    if value is None:
        return None
    return {
        "value": str(value),
        "earliest": value.earliest.isoformat(),
        "latest": value.latest.isoformat(),
        "precision": value.precision,
        "approximate": value.approximate,
    }


def _prefer(values: list[tuple[TrueDate, str, str | None]]) -> TrueDate | None:
    """Values (date, source, prevailing source) of one statement: the prevailing source's where a curator
    chose one among them, else the range all of them allow."""
    preferred = {p for _, _, p in values if p}
    chosen = [v for v, source, _ in values if source in preferred] or [v for v, _, _ in values]
    return hull(chosen)


_STATED_DATES = """
SELECT ?s ?p ?value ?source ?approx ?prevailing WHERE {
  #VALUES
  GRAPH ?g { ?s ?p ?value . ?g a kg:SourceGraph ; prov:wasDerivedFrom ?source }
  BIND(EXISTS { GRAPH ?g { ?s kg:approximate ?p } } AS ?approx)
  OPTIONAL { ?s kg:prevailingSource ?prevailing }
} ORDER BY ?s ?p ?source ?value
"""


def stated_dates(store: ox.Store, subjects, properties) -> dict[tuple[str, str], TrueDate]:
    """(subject, property) → the date the sources state, at true precision, preferences applied."""
    subjects = sorted(set(subjects))
    if not subjects:
        return {}
    text = _STATED_DATES.replace("#VALUES", _values("s", subjects) + "\n  " + _values("p", properties))
    grouped: dict[tuple[str, str], list] = defaultdict(list)
    for row in _select(store, text):
        approximate = row["approx"].value == "true"
        grouped[(row["s"].value, row["p"].value)].append(
            (from_term(row["value"], approximate), row["source"].value, _text(row["prevailing"]) or None)
        )
    return {key: _prefer(values) for key, values in grouped.items()}


def lifespans(store: ox.Store, units) -> dict[str, Lifespan]:
    """Each unit's lifespan: the start and end its sources state, else the dates of the events that
    create and end it (as rules 20 and 21 derive them), at true precision."""
    units = sorted(set(units))
    stated = stated_dates(store, units, [KG.validFrom, KG.validUntil])
    rows = _select(
        store,
        """
        SELECT ?unit ?event ?type ?original ?resulting WHERE {
          #VALUES
          { ?event org:resultingOrganization ?unit } UNION { ?event org:originalOrganization ?unit }
          ?event a ?type .
          BIND(EXISTS { ?event org:originalOrganization ?unit } AS ?original)
          BIND(EXISTS { ?event org:resultingOrganization ?unit } AS ?resulting)
        }""".replace("#VALUES", _values("unit", units)),
    )
    creating, ending = defaultdict(set), defaultdict(set)
    for row in rows:
        unit, event, kind = row["unit"].value, row["event"].value, row["type"].value
        original, resulting = row["original"].value == "true", row["resulting"].value == "true"
        if kind in CREATING and resulting and not original:
            creating[unit].add(event)
        if kind in ENDING and original and not resulting:
            ending[unit].add(event)
    events = set().union(*creating.values(), *ending.values())
    effective = stated_dates(store, events, [KG.effectiveDate])
    out = {}
    for unit in units:
        start = stated.get((unit, str(KG.validFrom))) or _event_dates(effective, creating[unit])
        end = stated.get((unit, str(KG.validUntil))) or _event_dates(effective, ending[unit])
        out[unit] = Lifespan(start, end)
    return out


def _event_dates(effective: dict, events: set[str]) -> TrueDate | None:
    key = str(KG.effectiveDate)
    return hull([effective[(e, key)] for e in sorted(events) if (e, key) in effective])


def _derived_date(value, earliest, latest) -> TrueDate | None:
    """A date whose bounds were derived (a placement copies its event's bounds)."""
    if value is None:
        return None
    parsed = from_term(value)
    if earliest is not None and latest is not None:
        lo, hi = dt.date.fromisoformat(earliest.value[:10]), dt.date.fromisoformat(latest.value[:10])
        if (lo, hi) != (parsed.earliest, parsed.latest):
            return TrueDate(lo, hi, parsed.lexical, parsed.datatype, True)
    return parsed


# ---------------------------------------------------------------------------------------------
# Snapshot: an authority's units on a day


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
    rows = _select(
        store,
        """
        SELECT ?authority ?unit ?name ?type WHERE {
          ?unit a kg:AdministrativeUnit ; org:unitOf ?authority ; skos:prefLabel ?name .
          OPTIONAL { ?unit kg:unitType/skos:prefLabel ?type . FILTER(LANG(?type) = "de") }
        } ORDER BY ?name ?unit""",
        authority=ox.NamedNode(authority.iri),
    )
    info = {}
    for row in rows:
        info.setdefault(row["unit"].value, (row["name"].value, _text(row["type"])))
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
    rows = _select(
        store,
        """
        SELECT ?unit ?parent ?name ?placement ?from ?fromE ?fromL ?until ?untilE ?untilL WHERE {
          #VALUES
          {
            ?unit kg:placement ?placement . ?placement kg:parentUnit ?parent .
            OPTIONAL { ?placement kg:validFrom ?from ;
                                  kg:validFromEarliest ?fromE ; kg:validFromLatest ?fromL }
            OPTIONAL { ?placement kg:validUntil ?until ;
                                  kg:validUntilEarliest ?untilE ; kg:validUntilLatest ?untilL }
          }
          UNION
          { ?unit org:subOrganizationOf ?parent . FILTER NOT EXISTS { ?unit kg:placement ?any } }
          ?parent skos:prefLabel ?name .
        } ORDER BY ?unit ?name ?placement""".replace("#VALUES", _values("unit", units)),
    )
    found = []
    seen = set()
    for row in rows:
        start = _derived_date(row["from"], row["fromE"], row["fromL"])
        end = _derived_date(row["until"], row["untilE"], row["untilL"])
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
    rows = _select(
        store,
        """
        SELECT ?unit ?membership ?person ?role ?title WHERE {
          #VALUES
          ?membership org:organization ?unit ; org:role ?r ; org:member/foaf:name ?person .
          FILTER(?r IN (kg:Head, kg:CoHead))
          ?r skos:prefLabel ?role . FILTER(LANG(?role) = "en")
          OPTIONAL { ?membership kg:roleTitle ?title }
        } ORDER BY ?unit ?person ?membership ?title""".replace("#VALUES", _values("unit", units)),
    )
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
                Head(membership, row["person"].value, row["role"].value, _text(row["title"]), status),
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


_DESCRIBE = """
SELECT DISTINCT ?s ?p ?o WHERE {
  #VALUES
  ?s ?p ?o .
  FILTER(?p NOT IN (kg:succeededBy, kg:precededBy, kg:placement, org:purpose, kg:reportsTo))
  FILTER(!STRSTARTS(STR(?p), STR(kg:)) || !(STRENDS(STR(?p), "Earliest") || STRENDS(STR(?p), "Latest")))
}
"""


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
        rows = _select(store, _DESCRIBE.replace("#VALUES", _values("s", iris)))
        return [(to_rdflib(r["s"]), to_rdflib(r["p"]), to_rdflib(r["o"])) for r in rows]

    triples = describe(subjects)
    persons = {str(o) for s, p, o in triples if str(p) == "http://www.w3.org/ns/org#member"}
    triples += describe(persons)
    evidence = {str(o) for s, p, o in triples if p == KG.evidence}
    triples += describe(evidence)
    documents = {
        str(o)
        for s, p, o in triples
        if str(p) in ("http://www.w3.org/ns/prov#wasDerivedFrom", str(KG.inDocument))
    }
    triples += describe(documents)
    publishers = {str(o) for s, p, o in triples if str(p) == "http://purl.org/dc/terms/publisher"} - subjects
    triples += describe(publishers)
    sub_organization = URIRef("http://www.w3.org/ns/org#subOrganizationOf")
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


# ---------------------------------------------------------------------------------------------
# Events and lineage


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

    def is_a(self, kinds: set[str]) -> bool:
        return any(t in kinds for t in self.types)


_EVENT_TRIPLES = """
SELECT ?event ?p ?o ?label WHERE {
  #VALUES
  ?event ?p ?o .
  FILTER(?p IN (rdf:type, org:originalOrganization, org:resultingOrganization, kg:spunOffFrom,
                kg:previousParent, kg:newParent, kg:transferredFunction))
  OPTIONAL { ?o rdfs:subClassOf kg:ChangeEvent ; rdfs:label ?label . FILTER(LANG(?label) = "en") }
  OPTIONAL { ?o skos:prefLabel ?label . FILTER(?p = kg:transferredFunction) }
} ORDER BY ?event ?p ?o
"""
_EVENT_SOURCES = """
SELECT ?event ?source ?title ?issued ?planned ?quote ?start WHERE {
  #VALUES
  GRAPH ?g { ?event a ?type . ?g a kg:SourceGraph ; prov:wasDerivedFrom ?source }
  ?source dct:title ?title ; dct:issued ?issued .
  BIND(EXISTS { GRAPH ?g { ?event kg:planned true } } AS ?planned)
  OPTIONAL {
    GRAPH ?g { ?event kg:evidence ?evidence }
    ?evidence oa:exact ?quote ; kg:start ?start ; kg:inDocument ?source
  }
} ORDER BY ?event ?issued ?source ?start ?quote
"""


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
    for row in _select(store, _EVENT_TRIPLES.replace("#VALUES", _values("event", iris))):
        event, p, o = out[row["event"].value], row["p"].value, row["o"].value
        if p == str(RDF.type):
            if row["label"] is not None and o not in event.types:
                event.types.append(o)
                event.labels.append(row["label"].value)
        elif p == str(KG.transferredFunction):
            label = _text(row["label"]) or o
            if label not in event.functions:
                event.functions.append(label)
        elif o not in getattr(event, slots[p]):
            getattr(event, slots[p]).append(o)
    dates = stated_dates(store, iris, [KG.effectiveDate])
    planned: dict[str, set[bool]] = defaultdict(set)
    quotes: dict[tuple[str, str], list[str]] = defaultdict(list)
    titles: dict[tuple[str, str], tuple[str, str]] = {}
    for row in _select(store, _EVENT_SOURCES.replace("#VALUES", _values("event", iris))):
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
    rows = _select(
        store,
        """
        SELECT DISTINCT ?event WHERE {
          #VALUES
          ?event org:originalOrganization|org:resultingOrganization|kg:spunOffFrom
                 |kg:previousParent|kg:newParent ?unit ;
                 a/rdfs:subClassOf kg:ChangeEvent .
        } ORDER BY ?event""".replace("#VALUES", _values("unit", units)),
    )
    return events(store, [r["event"].value for r in rows])


def names(store: ox.Store, iris) -> dict[str, str]:
    iris = sorted(set(iris))
    if not iris:
        return {}
    rows = _select(
        store,
        """SELECT ?s ?name WHERE { #VALUES ?s skos:prefLabel ?name } ORDER BY ?s ?name""".replace(
            "#VALUES", _values("s", iris)
        ),
    )
    out: dict[str, str] = {}
    for row in rows:
        out.setdefault(row["s"].value, row["name"].value)
    return out


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
            "date": _date_dict(e.date),
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
    if event.is_a(SUCCESSION):
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


# ---------------------------------------------------------------------------------------------
# Conflicts between sources


def conflicts(store: ox.Store) -> Result:
    """Disagreements between sources (the stored query ``conflicts``), each with both sources, their
    quotes, and whether a curator resolved it with kg:prevailingSource."""
    return OxigraphEngine(store).select(queries.resolve("conflicts").bind({}))
