"""Namespaces and the rules that mint kommgraph identifiers (shared/design/VOCABULARY.md)."""

from __future__ import annotations

import hashlib
import re
import unicodedata

from rdflib import Namespace
from rdflib.namespace import DCTERMS, FOAF, OWL, PROV, RDF, RDFS, SKOS, XSD

KG = Namespace("https://w3id.org/kommgraph/ontology#")
ONTOLOGY_IRI = "https://w3id.org/kommgraph/ontology"
DEFAULT_BASE = "https://w3id.org/kommgraph/id/"
KGID = Namespace(DEFAULT_BASE)
ORG = Namespace("http://www.w3.org/ns/org#")
OA = Namespace("http://www.w3.org/ns/oa#")
SCHEMA = Namespace("https://schema.org/")
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

# One prefix table for every file kommgraph writes, so that files diff cleanly.
PREFIXES: dict[str, str] = {
    "kg": str(KG),
    "kgid": DEFAULT_BASE,
    "org": str(ORG),
    "prov": str(PROV),
    "dct": str(DCTERMS),
    "skos": str(SKOS),
    "foaf": str(FOAF),
    "oa": str(OA),
    "schema": str(SCHEMA),
    "owl": str(OWL),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "xsd": str(XSD),
}

_TRANSLITERATION = str.maketrans(
    {"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "Ä": "ae", "Ö": "oe", "Ü": "ue"}
)

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


def shorten(iri: str, prefixes: dict[str, str] = PREFIXES, accept=None) -> tuple[str, str] | None:
    """``(prefix, local name)`` of ``iri`` by the longest namespace of ``prefixes`` it starts with (and
    whose local name ``accept`` takes, when given); None when there is none. The one IRI shortener:
    query results, JSON-LD, VoID partition names and the pages use it."""
    for prefix, namespace in sorted(prefixes.items(), key=lambda item: (-len(item[1]), item[0])):
        if iri.startswith(namespace) and (accept is None or accept(iri[len(namespace) :])):
            return prefix, iri[len(namespace) :]
    return None


def slug(text: str) -> str:
    """Lower-case ASCII slug: German umlauts transliterated, everything else folded to hyphens.

    >>> slug("Amt für Informations- und Kommunikationstechnik")
    'amt-fuer-informations-und-kommunikationstechnik'
    >>> slug("Bürgeramt, Statistik, Wahlen")
    'buergeramt-statistik-wahlen'
    """
    text = unicodedata.normalize("NFC", text).translate(_TRANSLITERATION)
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def segment(name: str) -> str:
    """The IRI path segment of a name: its :func:`slug`; a name that leaves no slug (only punctuation,
    or no Latin letter: "—", "東京") gets ``n-`` and a hash of the name instead, so that it never mints
    the folder's own IRI and two such names never share one. Idempotent: a segment mints itself."""
    folded = slug(name)
    if folded:
        return folded
    digest = hashlib.sha256(unicodedata.normalize("NFC", name).encode("utf-8")).hexdigest()
    return f"n-{digest[:12]}"


def authority_iri(ags: str, base: str = DEFAULT_BASE):
    return Namespace(base)[f"authority/{ags}"]


def unit_iri(ags: str, name: str, base: str = DEFAULT_BASE, suffix: str | None = None):
    """`kgid:unit/{ags}/{slug}`; a suffix tells apart a later unit that reuses a name."""
    tail = segment(name) + (f"-{suffix}" if suffix else "")
    return Namespace(base)[f"unit/{ags}/{tail}"]


def event_iri(ags: str, date: str | None, event_type: str, name: str, base: str = DEFAULT_BASE):
    """`kgid:event/{ags}/{date}-{type}-{slug}`; `undated` stands in for an unknown date."""
    return Namespace(base)[f"event/{ags}/{date or 'undated'}-{segment(event_type)}-{segment(name)}"]


def source_iri(source_id: str, base: str = DEFAULT_BASE):
    return Namespace(base)[f"source/{source_id}"]


def graph_iri(source_id: str, base: str = DEFAULT_BASE):
    return Namespace(base)[f"graph/{source_id}"]


def person_iri(name: str, base: str = DEFAULT_BASE):
    return Namespace(base)[f"person/{segment(name)}"]


def evidence_iri(source_id: str, start: int, end: int, base: str = DEFAULT_BASE):
    return Namespace(base)[f"evidence/{source_id}/{start}-{end}"]


def function_iri(ags: str, name: str, base: str = DEFAULT_BASE):
    return Namespace(base)[f"function/{ags}/{segment(name)}"]


def membership_iri(ags: str, person: str, role: str, unit_or_authority: str, base: str = DEFAULT_BASE):
    return Namespace(base)[f"membership/{ags}/{segment(person)}-{segment(role)}-{segment(unit_or_authority)}"]
