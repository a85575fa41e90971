"""Namespaces and the rules that mint kommgraph identifiers (shared/design/VOCABULARY.md)."""

from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DCTERMS, FOAF, OWL, PROV, RDF, RDFS, SKOS, XSD

from kommgraph.core import namespaces as _plain
from kommgraph.core.namespaces import DEFAULT_BASE, ONTOLOGY_IRI, PREFIXES, segment, slug  # noqa: F401

KG = Namespace(_plain.KG)
KGID = Namespace(DEFAULT_BASE)
ORG = Namespace(_plain.ORG)
OA = Namespace(_plain.OA)
SCHEMA = Namespace(_plain.SCHEMA)
DCAT = Namespace("http://www.w3.org/ns/dcat#")
VOID = Namespace("http://rdfs.org/ns/void#")
SH = Namespace("http://www.w3.org/ns/shacl#")
KGSH = Namespace("https://w3id.org/kommgraph/shapes#")
SPDX = Namespace("http://spdx.org/rdf/terms#")
VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")
DCATDE = Namespace("http://dcat-ap.de/def/dcatde/")
FORMATS = Namespace("http://www.w3.org/ns/formats/")
# rdflib's own namespace objects, named here so that every module takes its namespaces from this one.
DCT, FOAF_NS, OWL_NS, PROV_NS = DCTERMS, FOAF, OWL, PROV
RDF_NS, RDFS_NS, SKOS_NS, XSD_NS = RDF, RDFS, SKOS, XSD

# PREFIXES (one prefix table for every file kommgraph writes): kommgraph.core.namespaces

# Which change events replace a unit by another, begin one and end one. Defined once here; the rules
# queries/rules/10-succession.rq, 20-lifespan-start.rq and 21-lifespan-end.rq list the same types
# (tests/test_event_types.py checks that they agree).
SUCCESSION_EVENTS = frozenset(KG[t] for t in ("Renaming", "Merger", "Split", "SpinOff", "Absorption"))
BEGINNING_EVENTS = frozenset(KG[t] for t in ("Founding", "Renaming", "Merger", "Split", "SpinOff"))
ENDING_EVENTS = frozenset(
    KG[t] for t in ("Renaming", "Merger", "Split", "SpinOff", "Absorption", "Dissolution")
)

# Named graphs that are no single source's statement.
REFERENCE_GRAPH = KGID["graph/reference"]
DERIVED_GRAPH = KGID["graph/derived"]
ONTOLOGY_GRAPH = KGID["graph/ontology"]
INDEX_GRAPH = KGID["graph/index"]  # what the index rules conclude (kommgraph.store.derive)


def shorten(iri: str, prefixes: dict[str, str] = PREFIXES, accept=None) -> tuple[str, str] | None:
    """``(prefix, local name)`` of ``iri`` by the longest namespace of ``prefixes`` it starts with (and
    whose local name ``accept`` takes, when given); None when there is none. The one IRI shortener:
    query results, JSON-LD, VoID partition names and the pages use it."""
    for prefix, namespace in sorted(prefixes.items(), key=lambda item: (-len(item[1]), item[0])):
        if iri.startswith(namespace) and (accept is None or accept(iri[len(namespace) :])):
            return prefix, iri[len(namespace) :]
    return None


def authority_iri(ags: str, base: str = DEFAULT_BASE) -> URIRef:
    return URIRef(_plain.authority_iri(ags, base))


def unit_iri(ags: str, name: str, base: str = DEFAULT_BASE, suffix: str | None = None) -> URIRef:
    """`kgid:unit/{ags}/{slug}`; a suffix tells apart a later unit that reuses a name."""
    return URIRef(_plain.unit_iri(ags, name, base, suffix))


def event_iri(ags: str, date: str | None, event_type: str, name: str, base: str = DEFAULT_BASE) -> URIRef:
    """`kgid:event/{ags}/{date}-{type}-{slug}`; `undated` stands in for an unknown date."""
    return URIRef(_plain.event_iri(ags, date, event_type, name, base))


def source_iri(source_id: str, base: str = DEFAULT_BASE) -> URIRef:
    return URIRef(_plain.source_iri(source_id, base))


def graph_iri(source_id: str, base: str = DEFAULT_BASE) -> URIRef:
    return URIRef(_plain.graph_iri(source_id, base))


def person_iri(name: str, base: str = DEFAULT_BASE) -> URIRef:
    return URIRef(_plain.person_iri(name, base))


def evidence_iri(source_id: str, start: int, end: int, base: str = DEFAULT_BASE) -> URIRef:
    return URIRef(_plain.evidence_iri(source_id, start, end, base))


def function_iri(ags: str, name: str, base: str = DEFAULT_BASE) -> URIRef:
    return URIRef(_plain.function_iri(ags, name, base))


def membership_iri(
    ags: str, person: str, role: str, unit_or_authority: str, base: str = DEFAULT_BASE
) -> URIRef:
    return URIRef(_plain.membership_iri(ags, person, role, unit_or_authority, base))
