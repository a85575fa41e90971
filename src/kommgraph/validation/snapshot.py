"""The snapshot on a day (--at): the state of the data on that day, by the derived date bounds."""

from __future__ import annotations

import datetime as dt

import pyoxigraph as ox
from rdflib import URIRef

from kommgraph.query.engines import OxigraphEngine

_DATED_QUERY = """
PREFIX kg: <https://w3id.org/kommgraph/ontology#>
PREFIX org: <http://www.w3.org/ns/org#>
SELECT ?thing ?fromEarliest ?fromLatest ?untilEarliest ?untilLatest WHERE {
  { ?thing a kg:AdministrativeUnit } UNION { ?thing a org:Membership }
  OPTIONAL { ?thing kg:validFromEarliest ?fromEarliest ; kg:validFromLatest ?fromLatest }
  OPTIONAL { ?thing kg:validUntilEarliest ?untilEarliest ; kg:validUntilLatest ?untilLatest }
}
"""
_EVENTS_QUERY = """
PREFIX kg: <https://w3id.org/kommgraph/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT DISTINCT ?thing WHERE { ?thing a ?type . ?type rdfs:subClassOf* kg:ChangeEvent . }
"""
# Links by which a resource belongs to another: on a day, both ends must exist.
_BELONGS = {
    str(URIRef("http://www.w3.org/ns/org#" + name))
    for name in ("organization", "postIn", "subOrganizationOf", "unitOf", "memberOf")
}


def snapshot_store(store: ox.Store, day: dt.date) -> ox.Store:
    """The state on ``day``, by the derived xsd:date bounds.

    Left out: units and memberships that certainly do not exist on the day, the change events
    (transitions, not state), and, in turn, undated or only possibly existing resources that belong
    (org:organization, org:postIn, org:subOrganizationOf, …) to something left out. A unit or
    membership that certainly exists on the day keeps its links to what is left out, so that the
    shapes report them (a head of a unit that does not exist, a parent that has ended); every other
    link to something left out (succession, purpose, undated links) is dropped.
    """
    gone: set[str] = set()
    certain: set[str] = set()
    for thing, from_earliest, from_latest, until_earliest, until_latest in (
        OxigraphEngine(store).select(_DATED_QUERY).rows
    ):
        bounds = [
            None if v is None else dt.date.fromisoformat(str(v))
            for v in (from_earliest, from_latest, until_earliest, until_latest)
        ]
        if (bounds[0] and bounds[0] > day) or (bounds[3] and bounds[3] <= day):
            gone.add(str(thing))
        elif bounds[1] and bounds[1] <= day and (bounds[2] is None or bounds[2] > day):
            certain.add(str(thing))
    gone |= {str(row[0]) for row in OxigraphEngine(store).select(_EVENTS_QUERY).rows}
    links = [
        (q.subject.value, q.predicate.value, q.object.value)
        for q in store
        if isinstance(q.subject, ox.NamedNode)
        and isinstance(q.object, ox.NamedNode)
        and q.predicate.value in _BELONGS
    ]
    changed = True
    while changed:  # what belongs to something gone is gone too, unless it certainly exists on the day
        changed = False
        for subject, _, target in links:
            if target in gone and subject not in gone and subject not in certain:
                gone.add(subject)
                changed = True
    snapshot = ox.Store()
    snapshot.extend([q for q in store if not _leaves_snapshot(q, gone, certain)])
    return snapshot


def _leaves_snapshot(quad: ox.Quad, gone: set[str], certain: set[str]) -> bool:
    if isinstance(quad.subject, ox.NamedNode) and quad.subject.value in gone:
        return True
    if isinstance(quad.object, ox.NamedNode) and quad.object.value in gone:
        return not (quad.subject.value in certain and quad.predicate.value in _BELONGS)
    return False
