"""Naming in messages: short prefixed names for terms, human labels for resources."""

from __future__ import annotations

import pyoxigraph as ox
from rdflib.namespace import SH

from kommgraph.core.vocab import DEFAULT_BASE, KG
from kommgraph.query.engines import OxigraphEngine

KGSH = "https://w3id.org/kommgraph/shapes#"


_SHORT = (
    ("kgid:", DEFAULT_BASE),
    ("kg:", str(KG)),
    ("kgsh:", KGSH),
    ("org:", "http://www.w3.org/ns/org#"),
    ("skos:", "http://www.w3.org/2004/02/skos/core#"),
    ("prov:", "http://www.w3.org/ns/prov#"),
    ("dct:", "http://purl.org/dc/terms/"),
    ("foaf:", "http://xmlns.com/foaf/0.1/"),
    ("oa:", "http://www.w3.org/ns/oa#"),
    ("xsd:", "http://www.w3.org/2001/XMLSchema#"),
    ("sh:", str(SH)),
)


def _short(term) -> str:
    text = str(term)
    for prefix, namespace in _SHORT:
        if prefix != "kgid:" and text.startswith(namespace):
            return prefix + text[len(namespace) :]
    return text


_LABEL_QUERY = """
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX foaf: <http://xmlns.com/foaf/0.1/>
PREFIX dct: <http://purl.org/dc/terms/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX oa: <http://www.w3.org/ns/oa#>
SELECT ?label WHERE {
  VALUES ?p { skos:prefLabel foaf:name dct:title rdfs:label oa:exact }
  ?focus ?p ?label .
} ORDER BY ?label LIMIT 1
"""
# Events and memberships have no name of their own: they are named by their kind, date and units.
_EVENT_LABEL_QUERY = """
PREFIX kg: <https://w3id.org/kommgraph/ontology#>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?kind ?date ?original ?resulting WHERE {
  ?focus a ?type . ?type rdfs:subClassOf* kg:ChangeEvent ; rdfs:label ?kind . FILTER(LANG(?kind) = "de")
  OPTIONAL { ?focus kg:effectiveDate ?date }
  OPTIONAL { ?focus org:originalOrganization/skos:prefLabel ?original }
  OPTIONAL { ?focus org:resultingOrganization/skos:prefLabel ?resulting }
} ORDER BY DESC(?type != kg:ChangeEvent) ?kind ?original ?resulting LIMIT 1
"""
_MEMBERSHIP_LABEL_QUERY = """
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX foaf: <http://xmlns.com/foaf/0.1/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?person ?role ?unit WHERE {
  ?focus a org:Membership .
  OPTIONAL { ?focus org:member/foaf:name ?person }
  OPTIONAL { ?focus org:role/rdfs:label ?role . FILTER(LANG(?role) = "de") }
  OPTIONAL { ?focus org:organization/skos:prefLabel ?unit }
} ORDER BY ?person ?role ?unit LIMIT 1
"""


def label_of(store: ox.Store, iri: str) -> str:
    """A human name for a resource: its label, or for events and memberships one made from their parts."""
    if not iri.startswith(("http://", "https://")) or any(c in iri for c in '<>"{}|^`\\ '):
        return ""
    engine = OxigraphEngine(store)
    rows = engine.select(_LABEL_QUERY.replace("?focus", f"<{iri}>")).rows
    if rows:
        return str(rows[0][0])
    rows = engine.select(_EVENT_LABEL_QUERY.replace("?focus", f"<{iri}>")).rows
    if rows:
        kind, date, original, resulting = (str(v) if v is not None else "" for v in rows[0])
        units = " → ".join(u for u in (original, resulting) if u)
        return " ".join(p for p in (kind, date) if p) + (f": {units}" if units else "")
    rows = engine.select(_MEMBERSHIP_LABEL_QUERY.replace("?focus", f"<{iri}>")).rows
    if rows and any(rows[0]):
        return " – ".join(str(v) for v in rows[0] if v is not None)
    return ""
