"""What the pages show, read from the store: labels, kinds, dates at their precision, links between
pages, quotes; the plain data classes the templates get. ``Pages`` (pages.py) builds on this."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path

import pyoxigraph as ox
from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from rdflib import URIRef

from kommgraph.core import labels, vocab
from kommgraph.core.dates import GERMAN_MONTHS
from kommgraph.core.labels import local_name
from kommgraph.core.vocab import KG, OA, ONTOLOGY_IRI, PREFIXES, SCHEMA
from kommgraph.publish.site import Site
from kommgraph.query.result import display

# The namespaces as plain strings (pyoxigraph terms compare by string), all from kommgraph.core.vocab.
RDF_TYPE = str(vocab.RDF_NS.type)
RDFS = str(vocab.RDFS_NS)
SKOS = str(vocab.SKOS_NS)
FOAF = str(vocab.FOAF_NS)
ORG = str(vocab.ORG)
PROV = str(vocab.PROV_NS)
DCT = str(vocab.DCT)
XSD = str(vocab.XSD_NS)

MONTHS = GERMAN_MONTHS
PRECISION = {
    XSD + "date": "taggenau",
    XSD + "gYearMonth": "monatsgenau",
    XSD + "gYear": "jahresgenau",
    XSD + "dateTime": "sekundengenau",
}
# What the end of a unit is called, by the type of the event that ends it.
ENDINGS = {
    "Renaming": "umbenannt",
    "Merger": "mit anderen Einheiten zusammengelegt",
    "Split": "aufgeteilt",
    "Absorption": "in eine andere Einheit eingegliedert",
    "Dissolution": "aufgelöst",
    "SpinOff": "ausgegliedert und als eigene Einheit weitergeführt",
}
FALLBACK_CLASS_LABELS = {
    FOAF + "Person": "Person",
    ORG + "Membership": "Mitgliedschaft",
    ORG + "Post": "Stelle",
    KG.LocalAuthority: "Gebietskörperschaft",
}
TEMPLATES = Path(__file__).resolve().parent / "templates"


def environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(str(TEMPLATES)),
        autoescape=select_autoescape(["html"]),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    return env


@dataclass(frozen=True)
class When:
    """A date at the precision the source gives."""

    iso: str
    text: str
    precision: str
    approximate: bool = False
    draft: bool = False  # stated only by a converter draft (pages made with --include-drafts)


@dataclass(frozen=True)
class Link:
    href: str
    label: str
    iri: str
    external: bool = False
    draft: bool = False  # the resource, or the statement that links it here, is only a draft's


@dataclass
class Quote:
    text: str
    source: Link | None
    start: int | None
    end: int | None
    link: Link
    url: str | None = None  # the original article (schema:url of the source), where known


@dataclass(frozen=True)
class Text:
    """A literal shown on a page, marked when only a draft states it."""

    text: str
    draft: bool = False

    def __str__(self) -> str:
        return self.text


@dataclass
class Row:
    """One line of a page's fact list (a ``<dt>`` and its ``<dd>`` values)."""

    label: str
    values: list = field(default_factory=list)


def format_date(literal: ox.Literal, approximate: bool = False) -> When:
    value, datatype = literal.value, literal.datatype.value
    precision = PRECISION.get(datatype, "")
    text = value
    match = re.fullmatch(r"(-?\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", value)
    if match and datatype in PRECISION:
        year, month, day = match.groups()
        if day:
            text = f"{int(day)}. {MONTHS[int(month) - 1]} {year}"
        elif month:
            text = f"{MONTHS[int(month) - 1]} {year}"
        else:
            text = year
    return When(value, ("etwa " if approximate else "") + text, precision, approximate)


class GraphView:
    """Reads one (rebased) store for the pages: values, labels, kinds, links relative to a page."""

    def __init__(self, store: ox.Store, site: Site):
        self.store = store
        self.site = site
        # (subject, predicate, object) terms that only draft graphs state (kommgraph.curation.statements)
        self.draft_statements: set[tuple] = set()

    def is_draft(self, subject: str, predicate: str, obj) -> bool:
        obj = ox.NamedNode(obj) if isinstance(obj, str) else obj
        return (ox.NamedNode(subject), ox.NamedNode(predicate), obj) in self.draft_statements

    def marked_links(self, subject: str, predicate: str, root: str) -> list[Link]:
        """The IRIs ``subject`` has for ``predicate``, each marked when only a draft states it."""
        return [
            replace(link, draft=True) if self.is_draft(subject, predicate, link.iri) else link
            for link in self.links(self.iris(subject, predicate), root)
        ]

    def marked_subject_links(self, predicate: str, obj: str, root: str) -> list[Link]:
        """The subjects that have ``obj`` for ``predicate``, each marked when only a draft states it."""
        return [
            replace(link, draft=True) if self.is_draft(link.iri, predicate, obj) else link
            for link in self.links(self.subjects(predicate, obj), root)
        ]

    def dates(self, subject: str, predicate: str) -> list[When]:
        """Every date stated, the curated ones first; a draft's differing date is shown beside them."""
        approximate = predicate in self.iris(subject, str(KG.approximate))
        out = [
            replace(format_date(o, approximate), draft=self.is_draft(subject, predicate, o))
            for o in self.objects(subject, predicate)
            if isinstance(o, ox.Literal)
        ]
        return sorted(out, key=lambda w: w.draft)

    def texts(self, subject: str, predicate: str) -> list[Text]:
        """Every literal stated, the curated ones first, each marked when only a draft states it."""
        out = [
            Text(o.value, self.is_draft(subject, predicate, o))
            for o in self.objects(subject, predicate)
            if isinstance(o, ox.Literal)
        ]
        return sorted(out, key=lambda t: t.draft)

    def objects(self, subject: str, predicate: str) -> list:
        quads = self.store.quads_for_pattern(
            ox.NamedNode(subject), ox.NamedNode(predicate), None, ox.DefaultGraph()
        )
        return sorted((q.object for q in quads), key=sort_key)

    def subjects(self, predicate: str, obj) -> list[str]:
        node = ox.NamedNode(obj) if isinstance(obj, str) else obj
        quads = self.store.quads_for_pattern(None, ox.NamedNode(predicate), node, ox.DefaultGraph())
        return sorted({q.subject.value for q in quads if isinstance(q.subject, ox.NamedNode)})

    def value(self, subject: str, predicate: str):
        values = self.objects(subject, predicate)
        return values[0] if values else None

    def iris(self, subject: str, predicate: str) -> list[str]:
        return [o.value for o in self.objects(subject, predicate) if isinstance(o, ox.NamedNode)]

    def types(self, iri: str) -> set[str]:
        return set(self.iris(iri, RDF_TYPE))

    def literals(self, subject: str, predicate: str) -> list[tuple[str, str | None]]:
        return [(o.value, o.language) for o in self.objects(subject, predicate) if isinstance(o, ox.Literal)]

    def label(self, iri: str) -> str:
        return labels.label(self.literals, iri)

    @cached_property
    def event_classes(self) -> set[str]:
        rows = self.store.query("SELECT ?c WHERE { ?c rdfs:subClassOf* kg:ChangeEvent }", prefixes=PREFIXES)
        return {row["c"].value for row in rows}

    def kind(self, iri: str) -> str:
        types = self.types(iri)
        if str(KG.LocalAuthority) in types:
            return "authority"
        if str(KG.AdministrativeUnit) in types:
            return "unit"
        if types & self.event_classes:
            return "event"
        if str(KG.SourceDocument) in types:
            return "source"
        if FOAF + "Person" in types:
            return "person"
        return "resource"

    def class_label(self, iri: str) -> str:
        labels = [
            o for o in self.objects(iri, RDFS + "label") if isinstance(o, ox.Literal) and o.language == "de"
        ]
        return labels[0].value if labels else FALLBACK_CLASS_LABELS.get(iri, local_name(iri))

    def type_label(self, iri: str) -> str:
        """The German label of the most telling type (the kg event class before org:ChangeEvent, ...)."""
        types = sorted(self.types(iri), key=lambda t: (not t.startswith(str(KG)), t))
        event_types = [t for t in types if t in self.event_classes and t != str(KG.ChangeEvent)]
        chosen = event_types[0] if event_types else (types[0] if types else None)
        return self.class_label(chosen) if chosen else "Ressource"

    def when(self, subject: str, predicate: str) -> When | None:
        """The date to show where there is room for one: a curated one before a draft's."""
        dates = self.dates(subject, predicate)
        return dates[0] if dates else None

    def root(self, path: str) -> str:
        """The relative way from the page at ``path`` back to the release folder."""
        return "../" * path.count("/")

    def href(self, iri: str, root: str, extension: str = "html") -> str:
        local = self.site.local(iri)
        if local is not None:
            return f"{root}doc/{local}.{extension}"
        if iri.startswith(ONTOLOGY_IRI):
            return f"{root}ontology.html#{local_name(iri)}"
        return iri

    def link(self, iri: str, root: str, label: str | None = None) -> Link:
        href = self.href(iri, root)
        return Link(href, label or self.label(iri), iri, external=href == iri)

    def links(self, iris, root: str) -> list[Link]:
        return sorted((self.link(i, root) for i in iris), key=lambda link: (link.label.casefold(), link.iri))

    def display(self, term, root: str):
        if isinstance(term, ox.NamedNode):
            return self.link(term.value, root)
        if isinstance(term, ox.Literal) and term.datatype.value in PRECISION:
            return format_date(term)
        return term.value

    def quotes(self, iri: str, root: str, predicate: str = str(KG.evidence)) -> list[Quote]:
        out = []
        for evidence in self.iris(iri, predicate):
            exact = self.value(evidence, OA + "exact")
            if exact is None:
                continue
            source = self.value(evidence, str(KG.inDocument))
            start, end = self.value(evidence, str(KG.start)), self.value(evidence, str(KG.end))
            url = self.value(source.value, str(SCHEMA.url)) if source else None
            out.append(
                Quote(
                    exact.value,
                    self.link(source.value, root) if source else None,
                    int(start.value) if start else None,
                    int(end.value) if end else None,
                    self.link(evidence, root),
                    url.value if url is not None else None,
                )
            )
        return sorted(out, key=lambda q: (q.source.label if q.source else "", q.start or 0))

    def sources(self, iri: str, root: str) -> list[Link]:
        return self.links(self.iris(iri, PROV + "wasDerivedFrom"), root)

    def property_label(self, iri: str) -> str:
        labels = [o for o in self.objects(iri, RDFS + "label") if isinstance(o, ox.Literal)]
        german = [o for o in labels if o.language == "de"]
        if german or labels:
            return (german or labels)[0].value
        return prefixed(iri)


def prefixed(iri: str) -> str:
    return display(URIRef(iri))


def sort_key(term) -> tuple:
    if isinstance(term, ox.Literal):
        return (1, term.value, term.language or "", term.datatype.value)
    return (0, term.value, "", "")
