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
from typing import TYPE_CHECKING

from kommgraph.convert import draft_turtle, startup_cache
from kommgraph.convert.draft_turtle import Lit
from kommgraph.convert.extract import DateValue, Facts, Span, extract
from kommgraph.core import namespaces as vocab
from kommgraph.core.files import refuse_special
from kommgraph.core.namespaces import DCTERMS, FOAF, KG, OA, ORG, PROV, RDF, SCHEMA, SKOS, XSD
from kommgraph.store.sources import SourceDocument, SourceError, read_source

if TYPE_CHECKING:  # rdflib is loaded only where rdflib terms are asked for (to_graph, to_triples)
    from rdflib import Graph, Literal

HEADER = "Draft written by `kommgraph convert`: review every fact, then set kg:curationStatus kg:Curated."
PROJECT_HEADER = (
    "Draft written by `kommgraph convert`: review with `kommgraph review`, accept with `kommgraph accept`."
)


@dataclass(frozen=True)
class Gazetteer:
    """Known authorities (label → AGS) and publishers (name → IRI), read from the reference data."""

    authorities: dict[str, str]
    publishers: dict[str, str]

    @classmethod
    def empty(cls) -> Gazetteer:
        return cls({}, {})

    @classmethod
    def load(cls, reference_dir: Path | None) -> Gazetteer:
        """The reference data's authorities and publishers; kept between runs under a key of the files'
        paths, sizes and times (``startup_cache.stored``), so that a start parses no Turtle."""
        if reference_dir is None or not reference_dir.is_dir():
            return cls.empty()
        paths = sorted(reference_dir.glob("*.ttl"))
        key = "\n".join(
            f"{path.resolve()}\t{path.stat().st_size}\t{path.stat().st_mtime_ns}" for path in paths
        )
        authorities, publishers = startup_cache.stored("reference", key, lambda: _read_reference(paths))
        return cls(authorities, publishers)


def _read_reference(paths: list[Path]) -> tuple[dict[str, str], dict[str, str]]:
    from rdflib import Graph, URIRef

    graph = Graph()
    for path in paths:
        graph.parse(path, format="turtle")
    rdf_type, label, name = URIRef(RDF + "type"), URIRef(SKOS + "prefLabel"), URIRef(FOAF + "name")
    authorities = {
        str(preferred): str(ags)
        for node in graph.subjects(rdf_type, URIRef(KG + "LocalAuthority"))
        for preferred in graph.objects(node, label)
        for ags in graph.objects(node, URIRef(KG + "ags"))
    }
    publishers = {
        str(named): str(node)
        for node in graph.subjects(rdf_type, URIRef(PROV + "Agent"))
        if isinstance(node, URIRef)
        for named in list(graph.objects(node, name)) + list(graph.objects(node, label))
    }
    return authorities, publishers


def date_literal(date: DateValue) -> Literal:
    return draft_turtle.to_rdflib(_date(date))


_DATE_TYPES = {10: XSD + "date", 7: XSD + "gYearMonth", 4: XSD + "gYear"}


def _date(date: DateValue) -> Lit:
    return Lit(date.value, None, _DATE_TYPES[len(date.value)])


@cache
def _confidence(value: float) -> Lit:
    return draft_turtle.value_literal(Decimal(str(round(value, 2))))


@lru_cache(maxsize=16384)
def _integer(value: int) -> Lit:
    return draft_turtle.value_literal(value)


_TRUE = draft_turtle.value_literal(True)


def _text(text: str, lang: str | None = None) -> Lit:
    return Lit(text, lang, None)


# The builder works on plain strings (IRIs) and Lit tuples (literals): much faster than rdflib terms.
# Terms used for every fact, looked up once.
_A, _EVIDENCE, _SELECTOR = RDF + "type", KG + "Evidence", OA + "TextQuoteSelector"
_EXACT, _START, _END = OA + "exact", KG + "start", KG + "end"
_IN_DOCUMENT, _HAS_EVIDENCE = KG + "inDocument", KG + "evidence"
_DERIVED, _CONFIDENCE = PROV + "wasDerivedFrom", KG + "confidence"


class _Terms:
    """``_KG.Merger`` → the plain IRI string; each name is looked up once, then is a plain attribute."""

    def __init__(self, namespace):
        self._namespace = namespace

    def __getattr__(self, name: str) -> str:
        if name.startswith("__"):
            raise AttributeError(name)
        iri = self._namespace + name
        setattr(self, name, iri)
        return iri

    def __getitem__(self, name: str) -> str:
        return self.__dict__.get(name) or self.__getattr__(name)


_KG, _ORG, _RDF, _SKOS, _PROV = _Terms(KG), _Terms(ORG), _Terms(RDF), _Terms(SKOS), _Terms(PROV)
_FOAF, _DCT, _SCHEMA = _Terms(FOAF), _Terms(DCTERMS), _Terms(SCHEMA)
_ANY_URI = XSD + "anyURI"


class _Builder:
    """Collects the draft's triples in a plain set (much faster than adding to an rdflib Graph)."""

    def __init__(
        self, doc: SourceDocument, facts: Facts, gazetteer: Gazetteer, base: str, draft_graph: bool = False
    ):
        self.doc, self.facts, self.base, self.draft_graph = doc, facts, base, draft_graph
        self.triples: set[tuple] = set()
        self.source = str(vocab.source_iri(doc.source_id, base))
        place = facts.metadata.place or "unbekannt"
        key = facts.metadata.place_key
        self.ags = gazetteer.authorities.get(place) or (key if key and key.isdigit() else None)
        self.key = self.ags or key or vocab.slug(place)
        self.authority = str(vocab.authority_iri(self.key, base))
        self.place = place
        self.gazetteer = gazetteer
        self._evidence: dict[Span, str] = {}
        self._units: dict[str, str] = {}

    def add(self, s, p, o) -> None:
        self.triples.add((s, p, o))

    def evidence(self, subject: str, span: Span) -> None:
        node = self._evidence.get(span)
        if node is None:  # one quote often supports several facts: describe it once
            node = str(vocab.evidence_iri(self.doc.source_id, span.start, span.end, self.base))
            self._evidence[span] = node
            add = self.triples.add
            add((node, _A, _EVIDENCE))
            add((node, _A, _SELECTOR))
            add((node, _EXACT, _text(self.doc.text[span.start : span.end])))
            add((node, _START, _integer(span.start)))
            add((node, _END, _integer(span.end)))
            add((node, _IN_DOCUMENT, self.source))
        self.triples.add((subject, _HAS_EVIDENCE, node))

    def fact(self, subject: str, spans: list[Span], confidence: float) -> None:
        self.triples.add((subject, _DERIVED, self.source))
        self.triples.add((subject, _CONFIDENCE, _confidence(confidence)))
        for span in spans:
            self.evidence(subject, span)

    def unit(self, name: str) -> str:
        node = self._units.get(name)
        if node is None:
            node = self._units[name] = str(vocab.unit_iri(self.key, name, self.base))
        return node

    def build_triples(self) -> set[tuple]:
        self.document()
        self.units()
        self.events()
        self.persons()
        return self.triples

    def build(self) -> Graph:
        from kommgraph.core.turtle import fresh_graph

        graph = fresh_graph()
        graph.addN((s, p, o, graph) for s, p, o in draft_turtle.rdflib_triples(self.build_triples()))
        return graph

    def document(self) -> None:
        meta, s = self.facts.metadata, self.source
        for t in (_KG.SourceDocument, _FOAF.Document, _PROV.Entity):
            self.add(s, _RDF.type, t)
        if meta.title:
            self.add(s, _DCT.title, _text(meta.title, "de"))
        self.add(s, _DCT.language, _text("de"))
        self.add(s, _DCT.type, _KG[meta.doc_type])
        self.add(s, _DCT.spatial, self.authority)
        self.add(s, _KG.sha256, _text(self.doc.sha256))
        if meta.identifier:
            self.add(s, _DCT.identifier, _text(meta.identifier))
        if meta.url:
            self.add(s, _SCHEMA.url, Lit(meta.url, None, _ANY_URI))
        self.publisher()
        graph = str(vocab.graph_iri(self.doc.source_id, self.base))
        if self.draft_graph:  # a project's draft: its own graph beside the curated kgid:graph/ID
            graph = f"{graph}/draft"
        self.add(graph, _RDF.type, _KG.SourceGraph)
        self.add(graph, _PROV.wasDerivedFrom, s)
        self.add(graph, _KG.curationStatus, _KG.Draft)
        if meta.issued:
            self.add(s, _DCT.issued, _date(meta.issued))
            self.add(graph, _DCT.issued, _date(meta.issued))
        self.add(self.authority, _RDF.type, _KG.LocalAuthority)
        self.add(self.authority, _RDF.type, _ORG.FormalOrganization)
        self.add(self.authority, _SKOS.prefLabel, _text(self.place, "de"))
        for label in meta.place_labels:
            self.add(self.authority, _SKOS.altLabel, _text(label, "de"))
        if self.ags:
            self.add(self.authority, _KG.ags, _text(self.ags))

    def publisher(self) -> None:
        """The header's publisher; else a known publisher the page names; else the authority itself."""
        meta, s = self.facts.metadata, self.source
        known = sorted(self.gazetteer.publishers)
        name = meta.publisher or next(
            (n for n in known if re.search(rf"\b{re.escape(n)}\b", self.doc.text)), None
        )
        if name:
            agent = str(
                self.gazetteer.publishers.get(name) or f"{vocab.DEFAULT_BASE}publisher/{vocab.slug(name)}"
            )
            self.add(s, _DCT.publisher, agent)
            self.add(agent, _RDF.type, _PROV.Agent)
            self.add(agent, _RDF.type, _FOAF.Organization)
            self.add(agent, _FOAF.name, _text(name))
        elif meta.doc_type in ("WebPage", "CouncilReport", "PressRelease") and meta.place:
            self.add(s, _DCT.publisher, self.authority)

    def units(self) -> None:
        for unit in self.facts.units.values():
            node = self.unit(unit.name)
            self.add(node, _RDF.type, _KG.AdministrativeUnit)
            self.add(node, _RDF.type, _ORG.OrganizationalUnit)
            self.add(node, _SKOS.prefLabel, _text(unit.name, "de"))
            for alias in unit.aliases:
                self.add(node, _SKOS.altLabel, _text(alias, "de"))
            self.add(node, _KG.unitType, _KG[unit.unit_type])
            self.add(node, _ORG.unitOf, self.authority)
            if unit.parent and unit.parent in self.facts.units:
                self.add(node, _ORG.subOrganizationOf, self.unit(unit.parent))
            for prop, date in ((_KG.validFrom, unit.valid_from), (_KG.validUntil, unit.valid_until)):
                if date:
                    self.add(node, prop, _date(date))
                    if date.approximate:
                        self.add(node, _KG.approximate, prop)
            self.fact(node, unit.evidence, unit.confidence)

    def events(self) -> None:
        for event in self.facts.events:
            label = (event.resulting or event.original)[0]
            date = event.effective.value if event.effective else None
            node = str(vocab.event_iri(self.key, date, event.event_type, label, self.base))
            self.add(node, _RDF.type, _KG[event.event_type])
            for name in event.original:
                self.add(node, _ORG.originalOrganization, self.unit(name))
            for name in event.resulting:
                self.add(node, _ORG.resultingOrganization, self.unit(name))
            if event.effective:
                self.add(node, _KG.effectiveDate, _date(event.effective))
                if event.effective.approximate:
                    self.add(node, _KG.approximate, _KG.effectiveDate)
            if event.announced:
                self.add(node, _KG.announcedDate, _date(event.announced))
            elif event.planned and self.facts.metadata.issued:
                self.add(node, _KG.announcedDate, _date(self.facts.metadata.issued))
            if event.planned:
                self.add(node, _KG.planned, _TRUE)
            if event.spun_off_from and event.spun_off_from in self.facts.units:
                self.add(node, _KG.spunOffFrom, self.unit(event.spun_off_from))
            if event.new_parent and event.new_parent in self.facts.units and event.event_type == "Relocation":
                for name in event.original:
                    self.add(self.unit(name), _ORG.subOrganizationOf, self.unit(event.new_parent))
            for function in event.functions:
                fnode = str(vocab.function_iri(self.key, function, self.base))
                self.add(fnode, _RDF.type, _KG.Function)
                self.add(fnode, _SKOS.prefLabel, _text(function, "de"))
                self.add(fnode, _SKOS.inScheme, _KG.Functions)
                self.fact(fnode, event.evidence[:1], event.confidence)
                self.add(node, _KG.transferredFunction, fnode)
            self.fact(node, event.evidence, event.confidence)

    def persons(self) -> None:
        for m in self.facts.memberships:
            person = str(vocab.person_iri(m.person, self.base))
            self.add(person, _RDF.type, _FOAF.Person)
            self.add(person, _FOAF.name, _text(m.person))
            self.fact(person, [m.evidence], m.confidence)
            in_unit = m.organization in self.facts.units
            organization = self.unit(m.organization) if in_unit else self.authority
            node = str(
                vocab.membership_iri(
                    self.key, m.person, m.role, m.organization if in_unit else self.place, self.base
                )
            )
            self.add(node, _RDF.type, _ORG.Membership)
            self.add(node, _ORG.member, person)
            self.add(node, _ORG.organization, organization)
            self.add(node, _ORG.role, _KG[m.role])
            self.add(node, _KG.roleTitle, _text(m.role_title, "de"))
            for prop, date in ((_KG.validFrom, m.valid_from), (_KG.validUntil, m.valid_until)):
                if date:
                    self.add(node, prop, _date(date))
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
    """The triples of :func:`to_graph` as rdflib terms, without building an rdflib Graph.
    ``draft_graph``: describe the graph ``kgid:graph/ID/draft`` (a project's draft), not ``graph/ID``."""
    return set(draft_turtle.rdflib_triples(_plain_triples(doc, gazetteer, base, draft_graph)))


def _plain_triples(
    doc: SourceDocument, gazetteer: Gazetteer | None, base: str, draft_graph: bool = False
) -> set[tuple]:
    gazetteer = gazetteer or Gazetteer.empty()
    return _Builder(doc, extract(doc, gazetteer.authorities), gazetteer, base, draft_graph).build_triples()


def is_project_drafts(out_dir: Path) -> bool:
    """A project's ``ttl/drafts/``: its files are loaded into ``kgid:graph/ID/draft`` and say so."""
    return out_dir.name == "drafts" and out_dir.parent.name == "ttl"


def to_turtle(
    doc: SourceDocument,
    gazetteer: Gazetteer | None = None,
    base: str = vocab.DEFAULT_BASE,
    draft_graph: bool = False,
) -> str:
    """The draft as canonical Turtle text: the bytes of ``canonical_turtle(to_triples(...))``, written
    from plain strings (see :mod:`kommgraph.convert.draft_turtle`)."""
    triples = _plain_triples(doc, gazetteer, base, draft_graph)
    header = PROJECT_HEADER if draft_graph else HEADER
    text = draft_turtle.write(triples, header=header)
    if text is None:  # something the plain writer does not reproduce: rdflib terms and the shared writer
        from kommgraph.core.turtle import canonical_turtle

        text = canonical_turtle(draft_turtle.rdflib_triples(triples), header=header)
    return text


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
    from rdflib import Graph, URIRef

    graph = Graph()
    graph.parse(path, format="turtle")
    return (None, URIRef(KG + "curationStatus"), URIRef(KG + "Curated")) in graph


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
    text = to_turtle(doc, gazetteer, draft_graph=draft_graph)
    out_dir.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    return target
