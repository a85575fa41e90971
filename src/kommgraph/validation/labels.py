"""Naming in messages: short prefixed names for terms, human labels for resources."""

from __future__ import annotations

from functools import partial

import pyoxigraph as ox
from rdflib.namespace import SH

from kommgraph.core import labels, vocab
from kommgraph.core.vocab import KG, shorten
from kommgraph.query.engines import OxigraphEngine

KGSH = str(vocab.KGSH)


# The prefixes of messages (identifiers under the base stay whole).
_SHORT = {
    name: str(namespace)
    for name, namespace in {
        "kg": KG,
        "kgsh": vocab.KGSH,
        "org": vocab.ORG,
        "skos": vocab.SKOS_NS,
        "prov": vocab.PROV_NS,
        "dct": vocab.DCT,
        "foaf": vocab.FOAF_NS,
        "oa": vocab.OA,
        "xsd": vocab.XSD_NS,
        "sh": SH,
    }.items()
}


def _short(term) -> str:
    short = shorten(str(term), _SHORT)
    return f"{short[0]}:{short[1]}" if short else str(term)


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
} ORDER BY DESC(?type != kg:ChangeEvent) ?kind ?original ?resulting STR(?date) LIMIT 1
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


def _literals(store: ox.Store, iri: str, prop: str) -> list[tuple[str, str | None]]:
    quads = store.quads_for_pattern(ox.NamedNode(iri), ox.NamedNode(prop), None, ox.DefaultGraph())
    return [(q.object.value, q.object.language) for q in quads if isinstance(q.object, ox.Literal)]


def label_of(store: ox.Store, iri: str) -> str:
    """A human name for a resource: its label, or for events and memberships one made from their parts."""
    if not iri.startswith(("http://", "https://")) or any(c in iri for c in '<>"{}|^`\\ '):
        return ""
    stated = labels.stated_label(partial(_literals, store), iri, properties=labels.NAME_OR_QUOTE_PROPERTIES)
    if stated is not None:
        return stated
    engine = OxigraphEngine(store)
    rows = engine.select(_EVENT_LABEL_QUERY.replace("?focus", f"<{iri}>")).rows
    if rows:
        kind, date, original, resulting = (str(v) if v is not None else "" for v in rows[0])
        units = " → ".join(u for u in (original, resulting) if u)
        return " ".join(p for p in (kind, date) if p) + (f": {units}" if units else "")
    rows = engine.select(_MEMBERSHIP_LABEL_QUERY.replace("?focus", f"<{iri}>")).rows
    if rows and any(rows[0]):
        return " – ".join(str(v) for v in rows[0] if v is not None)
    return ""
