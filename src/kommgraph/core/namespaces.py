"""Namespaces, the prefix table and the rules that mint kommgraph identifiers, as plain strings.

:mod:`kommgraph.core.vocab` gives the same as rdflib terms; this module imports no rdflib, so that
``kommgraph convert`` starts without it (rdflib's import is about a fifth of the command's start-up).
``tests/test_namespaces.py`` checks that both agree.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache

KG = "https://w3id.org/kommgraph/ontology#"
ONTOLOGY_IRI = "https://w3id.org/kommgraph/ontology"
DEFAULT_BASE = "https://w3id.org/kommgraph/id/"
ORG = "http://www.w3.org/ns/org#"
OA = "http://www.w3.org/ns/oa#"
SCHEMA = "https://schema.org/"
# rdflib's namespaces of the same names
DCTERMS = "http://purl.org/dc/terms/"
FOAF = "http://xmlns.com/foaf/0.1/"
OWL = "http://www.w3.org/2002/07/owl#"
PROV = "http://www.w3.org/ns/prov#"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
XSD = "http://www.w3.org/2001/XMLSchema#"

# One prefix table for every file kommgraph writes, so that files diff cleanly.
PREFIXES: dict[str, str] = {
    "kg": KG,
    "kgid": DEFAULT_BASE,
    "org": ORG,
    "prov": PROV,
    "dct": DCTERMS,
    "skos": SKOS,
    "foaf": FOAF,
    "oa": OA,
    "schema": SCHEMA,
    "owl": OWL,
    "rdf": RDF,
    "rdfs": RDFS,
    "xsd": XSD,
}

_TRANSLITERATION = str.maketrans(
    {"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "Ä": "ae", "Ö": "oe", "Ü": "ue"}
)
_NOT_SLUG = re.compile(r"[^a-z0-9]+")


@lru_cache(maxsize=16384)  # a draft mints many IRIs from the same few names
def slug(text: str) -> str:
    """Lower-case ASCII slug: German umlauts transliterated, everything else folded to hyphens.

    >>> slug("Amt für Informations- und Kommunikationstechnik")
    'amt-fuer-informations-und-kommunikationstechnik'
    >>> slug("Bürgeramt, Statistik, Wahlen")
    'buergeramt-statistik-wahlen'
    """
    text = unicodedata.normalize("NFC", text).translate(_TRANSLITERATION)
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    return _NOT_SLUG.sub("-", text).strip("-")


@lru_cache(maxsize=16384)
def segment(name: str) -> str:
    """The IRI path segment of a name: its :func:`slug`; a name that leaves no slug (only punctuation,
    or no Latin letter: "—", "東京") gets ``n-`` and a hash of the name instead, so that it never mints
    the folder's own IRI and two such names never share one. Idempotent: a segment mints itself."""
    folded = slug(name)
    if folded:
        return folded
    digest = hashlib.sha256(unicodedata.normalize("NFC", name).encode("utf-8")).hexdigest()
    return f"n-{digest[:12]}"


def authority_iri(ags: str, base: str = DEFAULT_BASE) -> str:
    return f"{base}authority/{ags}"


def unit_iri(ags: str, name: str, base: str = DEFAULT_BASE, suffix: str | None = None) -> str:
    """`kgid:unit/{ags}/{slug}`; a suffix tells apart a later unit that reuses a name."""
    tail = segment(name) + (f"-{suffix}" if suffix else "")
    return f"{base}unit/{ags}/{tail}"


def event_iri(ags: str, date: str | None, event_type: str, name: str, base: str = DEFAULT_BASE) -> str:
    """`kgid:event/{ags}/{date}-{type}-{slug}`; `undated` stands in for an unknown date."""
    return f"{base}event/{ags}/{date or 'undated'}-{segment(event_type)}-{segment(name)}"


def source_iri(source_id: str, base: str = DEFAULT_BASE) -> str:
    return f"{base}source/{source_id}"


def graph_iri(source_id: str, base: str = DEFAULT_BASE) -> str:
    return f"{base}graph/{source_id}"


def person_iri(name: str, base: str = DEFAULT_BASE) -> str:
    return f"{base}person/{segment(name)}"


def evidence_iri(source_id: str, start: int, end: int, base: str = DEFAULT_BASE) -> str:
    return f"{base}evidence/{source_id}/{start}-{end}"


def function_iri(ags: str, name: str, base: str = DEFAULT_BASE) -> str:
    return f"{base}function/{ags}/{segment(name)}"


def membership_iri(ags: str, person: str, role: str, unit_or_authority: str, base: str = DEFAULT_BASE) -> str:
    return f"{base}membership/{ags}/{segment(person)}-{segment(role)}-{segment(unit_or_authority)}"


def bound_split(uri: str, namespace: str, local: str, bound: dict[str, str]) -> tuple[str | None, str]:
    """The prefix and local name rdflib's Turtle writers choose for ``uri`` split at ``namespace``: the
    longest bound namespace that extends the split point and begins the IRI (bound namespaces do not nest,
    so the first found), else the split namespace; (None, local) where neither is bound."""
    for candidate, prefix in bound.items():
        if len(candidate) > len(namespace) and candidate.startswith(namespace) and uri.startswith(candidate):
            return prefix, uri[len(candidate) :]
    return bound.get(namespace), local
