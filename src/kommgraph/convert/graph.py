"""Facts → one draft graph per source in the kommgraph vocabulary, written as canonical Turtle.

Every unit, event, person and membership carries ``prov:wasDerivedFrom`` the source, ``kg:evidence``
(the quote with its offsets, ``text[start:end] == exact``) and ``kg:confidence``. No blank nodes:
every node has an IRI minted by :mod:`kommgraph.core.vocab`, so the same input gives the same bytes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import cache, lru_cache
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, FOAF, PROV, RDF, SKOS, XSD

from kommgraph.convert.extract import DateValue, Facts, Span, extract
from kommgraph.core import vocab
from kommgraph.core.files import refuse_special
from kommgraph.core.turtle import canonical_turtle, fresh_graph
from kommgraph.core.vocab import KG, OA, ORG, SCHEMA
from kommgraph.store.sources import SourceDocument, SourceError, read_source

HEADER = "Draft written by `kommgraph convert`: review every fact, then set kg:curationStatus kg:Curated."
PROJECT_HEADER = (
    "Draft written by `kommgraph convert`: review with `kommgraph review`, accept with `kommgraph accept`."
)


@dataclass(frozen=True)
class Gazetteer:
    """Known authorities (label → AGS) and publishers (name → IRI), read from the reference data."""

    authorities: dict[str, str]
    publishers: dict[str, URIRef]

    @classmethod
    def empty(cls) -> Gazetteer:
        return cls({}, {})

    @classmethod
    def load(cls, reference_dir: Path | None) -> Gazetteer:
        if reference_dir is None or not reference_dir.is_dir():
            return cls.empty()
        graph = Graph()
        for path in sorted(reference_dir.glob("*.ttl")):
            graph.parse(path, format="turtle")
        authorities = {
            str(label): str(ags)
            for node in graph.subjects(RDF.type, KG.LocalAuthority)
            for label in graph.objects(node, SKOS.prefLabel)
            for ags in graph.objects(node, KG.ags)
        }
        publishers = {
            str(name): node
            for node in graph.subjects(RDF.type, PROV.Agent)
            if isinstance(node, URIRef)
            for name in list(graph.objects(node, FOAF.name)) + list(graph.objects(node, SKOS.prefLabel))
        }
        return cls(authorities, publishers)


def date_literal(date: DateValue) -> Literal:
    datatype = {10: XSD.date, 7: XSD.gYearMonth, 4: XSD.gYear}[len(date.value)]
    return Literal(date.value, datatype=datatype)


@cache
def _confidence(value: float) -> Literal:
    return Literal(Decimal(str(round(value, 2))), datatype=XSD.decimal)


@lru_cache(maxsize=16384)
def _integer(value: int) -> Literal:
    return Literal(value)


# terms used for every fact, looked up once (a namespace attribute lookup builds a new term)
_A, _EVIDENCE, _SELECTOR = RDF.type, KG.Evidence, OA.TextQuoteSelector
_EXACT, _START, _END, _IN_DOCUMENT, _HAS_EVIDENCE = OA.exact, KG.start, KG.end, KG.inDocument, KG.evidence
_DERIVED, _CONFIDENCE = PROV.wasDerivedFrom, KG.confidence


class _Builder:
    """Collects the draft's triples in a plain set (much faster than adding to an rdflib Graph)."""

    def __init__(
        self, doc: SourceDocument, facts: Facts, gazetteer: Gazetteer, base: str, draft_graph: bool = False
    ):
        self.doc, self.facts, self.base, self.draft_graph = doc, facts, base, draft_graph
        self.triples: set[tuple] = set()
        self.source = vocab.source_iri(doc.source_id, base)
        place = facts.metadata.place or "unbekannt"
        key = facts.metadata.place_key
        self.ags = gazetteer.authorities.get(place) or (key if key and key.isdigit() else None)
        self.key = self.ags or key or vocab.slug(place)
        self.authority = vocab.authority_iri(self.key, base)
        self.place = place
        self.gazetteer = gazetteer
        self._evidence: dict[Span, URIRef] = {}
        self._units: dict[str, URIRef] = {}

    def add(self, s, p, o) -> None:
        self.triples.add((s, p, o))

    def evidence(self, subject: URIRef, span: Span) -> None:
        node = self._evidence.get(span)
        if node is None:  # one quote often supports several facts: describe it once
            node = vocab.evidence_iri(self.doc.source_id, span.start, span.end, self.base)
            self._evidence[span] = node
            add = self.triples.add
            add((node, _A, _EVIDENCE))
            add((node, _A, _SELECTOR))
            add((node, _EXACT, Literal(self.doc.text[span.start : span.end])))
            add((node, _START, _integer(span.start)))
            add((node, _END, _integer(span.end)))
            add((node, _IN_DOCUMENT, self.source))
        self.triples.add((subject, _HAS_EVIDENCE, node))

    def fact(self, subject: URIRef, spans: list[Span], confidence: float) -> None:
        self.triples.add((subject, _DERIVED, self.source))
        self.triples.add((subject, _CONFIDENCE, _confidence(confidence)))
        for span in spans:
            self.evidence(subject, span)

    def unit(self, name: str) -> URIRef:
        node = self._units.get(name)
        if node is None:
            node = self._units[name] = vocab.unit_iri(self.key, name, self.base)
        return node

    def build_triples(self) -> set[tuple]:
        self.document()
        self.units()
        self.events()
        self.persons()
        return self.triples

    def build(self) -> Graph:
        graph = fresh_graph()
        graph.addN((s, p, o, graph) for s, p, o in self.build_triples())
        return graph

    def document(self) -> None:
        meta, s = self.facts.metadata, self.source
        for t in (KG.SourceDocument, FOAF.Document, PROV.Entity):
            self.add(s, RDF.type, t)
        if meta.title:
            self.add(s, DCTERMS.title, Literal(meta.title, lang="de"))
        self.add(s, DCTERMS.language, Literal("de"))
        self.add(s, DCTERMS.type, KG[meta.doc_type])
        self.add(s, DCTERMS.spatial, self.authority)
        self.add(s, KG.sha256, Literal(self.doc.sha256))
        if meta.identifier:
            self.add(s, DCTERMS.identifier, Literal(meta.identifier))
        if meta.url:
            self.add(s, SCHEMA.url, Literal(meta.url, datatype=XSD.anyURI))
        self.publisher()
        graph = vocab.graph_iri(self.doc.source_id, self.base)
        if self.draft_graph:  # a project's draft: its own graph beside the curated kgid:graph/ID
            graph = URIRef(f"{graph}/draft")
        self.add(graph, RDF.type, KG.SourceGraph)
        self.add(graph, PROV.wasDerivedFrom, s)
        self.add(graph, KG.curationStatus, KG.Draft)
        if meta.issued:
            self.add(s, DCTERMS.issued, date_literal(meta.issued))
            self.add(graph, DCTERMS.issued, date_literal(meta.issued))
        self.add(self.authority, RDF.type, KG.LocalAuthority)
        self.add(self.authority, RDF.type, ORG.FormalOrganization)
        self.add(self.authority, SKOS.prefLabel, Literal(self.place, lang="de"))
        for label in meta.place_labels:
            self.add(self.authority, SKOS.altLabel, Literal(label, lang="de"))
        if self.ags:
            self.add(self.authority, KG.ags, Literal(self.ags))

    def publisher(self) -> None:
        """The header's publisher; else a known publisher the page names; else the authority itself."""
        meta, s = self.facts.metadata, self.source
        known = sorted(self.gazetteer.publishers)
        name = meta.publisher or next(
            (n for n in known if re.search(rf"\b{re.escape(n)}\b", self.doc.text)), None
        )
        if name:
            agent = self.gazetteer.publishers.get(name) or vocab.KGID[f"publisher/{vocab.slug(name)}"]
            self.add(s, DCTERMS.publisher, agent)
            self.add(agent, RDF.type, PROV.Agent)
            self.add(agent, RDF.type, FOAF.Organization)
            self.add(agent, FOAF.name, Literal(name))
        elif meta.doc_type in ("WebPage", "CouncilReport", "PressRelease") and meta.place:
            self.add(s, DCTERMS.publisher, self.authority)

    def units(self) -> None:
        for unit in self.facts.units.values():
            node = self.unit(unit.name)
            self.add(node, RDF.type, KG.AdministrativeUnit)
            self.add(node, RDF.type, ORG.OrganizationalUnit)
            self.add(node, SKOS.prefLabel, Literal(unit.name, lang="de"))
            for alias in unit.aliases:
                self.add(node, SKOS.altLabel, Literal(alias, lang="de"))
            self.add(node, KG.unitType, KG[unit.unit_type])
            self.add(node, ORG.unitOf, self.authority)
            if unit.parent and unit.parent in self.facts.units:
                self.add(node, ORG.subOrganizationOf, self.unit(unit.parent))
            for prop, date in ((KG.validFrom, unit.valid_from), (KG.validUntil, unit.valid_until)):
                if date:
                    self.add(node, prop, date_literal(date))
                    if date.approximate:
                        self.add(node, KG.approximate, prop)
            self.fact(node, unit.evidence, unit.confidence)

    def events(self) -> None:
        for event in self.facts.events:
            label = (event.resulting or event.original)[0]
            date = event.effective.value if event.effective else None
            node = vocab.event_iri(self.key, date, event.event_type, label, self.base)
            self.add(node, RDF.type, KG[event.event_type])
            for name in event.original:
                self.add(node, ORG.originalOrganization, self.unit(name))
            for name in event.resulting:
                self.add(node, ORG.resultingOrganization, self.unit(name))
            if event.effective:
                self.add(node, KG.effectiveDate, date_literal(event.effective))
                if event.effective.approximate:
                    self.add(node, KG.approximate, KG.effectiveDate)
            if event.announced:
                self.add(node, KG.announcedDate, date_literal(event.announced))
            elif event.planned and self.facts.metadata.issued:
                self.add(node, KG.announcedDate, date_literal(self.facts.metadata.issued))
            if event.planned:
                self.add(node, KG.planned, Literal(True))
            if event.spun_off_from and event.spun_off_from in self.facts.units:
                self.add(node, KG.spunOffFrom, self.unit(event.spun_off_from))
            if event.new_parent and event.new_parent in self.facts.units and event.event_type == "Relocation":
                for name in event.original:
                    self.add(self.unit(name), ORG.subOrganizationOf, self.unit(event.new_parent))
            for function in event.functions:
                fnode = vocab.function_iri(self.key, function, self.base)
                self.add(fnode, RDF.type, KG.Function)
                self.add(fnode, SKOS.prefLabel, Literal(function, lang="de"))
                self.add(fnode, SKOS.inScheme, KG.Functions)
                self.fact(fnode, event.evidence[:1], event.confidence)
                self.add(node, KG.transferredFunction, fnode)
            self.fact(node, event.evidence, event.confidence)

    def persons(self) -> None:
        for m in self.facts.memberships:
            person = vocab.person_iri(m.person, self.base)
            self.add(person, RDF.type, FOAF.Person)
            self.add(person, FOAF.name, Literal(m.person))
            self.fact(person, [m.evidence], m.confidence)
            in_unit = m.organization in self.facts.units
            organization = self.unit(m.organization) if in_unit else self.authority
            node = vocab.membership_iri(
                self.key, m.person, m.role, m.organization if in_unit else self.place, self.base
            )
            self.add(node, RDF.type, ORG.Membership)
            self.add(node, ORG.member, person)
            self.add(node, ORG.organization, organization)
            self.add(node, ORG.role, KG[m.role])
            self.add(node, KG.roleTitle, Literal(m.role_title, lang="de"))
            for prop, date in ((KG.validFrom, m.valid_from), (KG.validUntil, m.valid_until)):
                if date:
                    self.add(node, prop, date_literal(date))
            self.fact(node, [m.evidence], m.confidence)


def to_graph(
    doc: SourceDocument, gazetteer: Gazetteer | None = None, base: str = vocab.DEFAULT_BASE
) -> Graph:
    """The draft graph of one source document."""
    gazetteer = gazetteer or Gazetteer.empty()
    facts = extract(doc, gazetteer.authorities)
    return _Builder(doc, facts, gazetteer, base).build()


def to_triples(
    doc: SourceDocument,
    gazetteer: Gazetteer | None = None,
    base: str = vocab.DEFAULT_BASE,
    draft_graph: bool = False,
) -> set[tuple]:
    """The triples of :func:`to_graph`, without building an rdflib Graph (for writing files).
    ``draft_graph``: describe the graph ``kgid:graph/ID/draft`` (a project's draft), not ``graph/ID``."""
    gazetteer = gazetteer or Gazetteer.empty()
    return _Builder(doc, extract(doc, gazetteer.authorities), gazetteer, base, draft_graph).build_triples()


def is_project_drafts(out_dir: Path) -> bool:
    """A project's ``ttl/drafts/``: its files are loaded into ``kgid:graph/ID/draft`` and say so."""
    return out_dir.name == "drafts" and out_dir.parent.name == "ttl"


def check_size(path: Path, max_size: int | None) -> None:
    refuse_special(path, SourceError)
    try:
        size = path.stat().st_size
    except OSError:
        return  # reading it names the reason
    if max_size is not None and size > max_size:
        raise SourceError(
            f"{path}: {size:,} bytes, more than the limit of {max_size:,} bytes (raise it with --max-size)"
        )


def is_curated(path: Path) -> bool:
    """True when an existing Turtle file is marked ``kg:curationStatus kg:Curated``."""
    text = path.read_text(encoding="utf-8", errors="replace")
    if not any("Curated" in line for line in text.splitlines() if not line.lstrip().startswith("#")):
        return False  # states no kg:Curated (e.g. a draft written before): no need to parse it
    graph = Graph()
    graph.parse(path, format="turtle")
    return (None, KG.curationStatus, KG.Curated) in graph


MAX_SIZE = 2_000_000  # bytes; press releases and council papers are 2-200 kB


def convert_file(
    path: Path,
    out_dir: Path,
    *,
    force: bool = False,
    gazetteer: Gazetteer | None = None,
    max_size: int | None = MAX_SIZE,
) -> Path | None:
    """Write ``out_dir/STEM.ttl``; None (and nothing written) when a curated file is in the way.
    A text over ``max_size`` bytes is a ``SourceError`` before it is read (None: no limit)."""
    check_size(Path(path), max_size)
    doc = read_source(path)
    target = out_dir / f"{doc.source_id}.ttl"
    if target.exists() and not force and is_curated(target):
        return None
    draft_graph = is_project_drafts(Path(out_dir))
    header = PROJECT_HEADER if draft_graph else HEADER
    text = canonical_turtle(to_triples(doc, gazetteer, draft_graph=draft_graph), header=header)
    out_dir.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    return target
