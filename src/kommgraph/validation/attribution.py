"""Each source's findings from the one pass over the union, instead of one scope per source.

A source's graph validated alone (with the reference data and the ontology) finds what the union finds
about its resources, as long as no other source says anything about them: the statements about them,
and what the rules derive from those, are then the same in both. Such a source is *detached*; the
findings of the union about the resources only it mentions are its own. The others (a resource it
states something about is mentioned by another source, or one it mentions is stated by another, or
it makes blank nodes) are *entangled* and still validated alone, as are the sources the union finds
something about that is not theirs alone, and the first source (what the reference data alone shows,
each scope alone finds; a full run names the first). ``tests/validation/test_attribution.py``
compares the result with a run of every source alone.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, replace

import pyoxigraph as ox

from kommgraph.core.vocab import ONTOLOGY_GRAPH, RDF
from kommgraph.store.dataset import GraphFile
from kommgraph.validation.findings import Finding

_TYPE = str(RDF.type)


@dataclass
class Mentions:
    """Who mentions what: the IRIs only one source mentions, the sources of the shared ones."""

    owner: dict[str, str]  # IRI -> the one source ID that mentions it
    shared: dict[str, list[str]]  # IRI -> the source IDs that mention it (two or more)
    entangled: set[str]  # source IDs whose graph alone may show other findings than the union

    def sources_of(self, focus: str) -> list[str]:
        if focus in self.owner:
            return [self.owner[focus]]
        return self.shared.get(focus, [])


def mentions(store: ox.Store, sources: list[GraphFile]) -> Mentions:
    """One pass over the source graphs: the subjects and the objects (not classes) each one names."""
    vocabulary = {
        q.subject.value
        for q in store.quads_for_pattern(None, None, None, ox.NamedNode(str(ONTOLOGY_GRAPH)))
        if isinstance(q.subject, ox.NamedNode)
    }
    named: dict[str, set[str]] = {}
    stated: Counter[str] = Counter()  # IRI -> number of sources stating something about it
    blank: set[str] = set()
    for graph_file in sources:
        subjects, objects = set(), set()
        for quad in store.quads_for_pattern(None, None, None, ox.NamedNode(graph_file.graph)):
            subject, obj = quad.subject, quad.object
            if isinstance(subject, ox.NamedNode):
                subjects.add(subject.value)
            else:
                blank.add(graph_file.source_id)
            if isinstance(obj, ox.NamedNode):
                if quad.predicate.value != _TYPE:
                    objects.add(obj.value)
            elif isinstance(obj, ox.BlankNode):
                blank.add(graph_file.source_id)
        subjects -= vocabulary
        named[graph_file.source_id] = subjects | (objects - vocabulary)
        stated.update(subjects)
    by_iri: dict[str, list[str]] = defaultdict(list)
    for source_id, iris in named.items():
        for iri in iris:
            by_iri[iri].append(source_id)
    owner = {iri: ids[0] for iri, ids in by_iri.items() if len(ids) == 1}
    shared = {iri: sorted(ids) for iri, ids in by_iri.items() if len(ids) > 1}
    entangled = set(blank)
    for iri, ids in shared.items():
        if stated[iri]:  # two sources name it and at least one states something about it
            entangled.update(ids)
    return Mentions(owner, shared, entangled)


def alone_needed(
    union: list[Finding], known: Mentions, first: str | None, file_source: dict[str, str]
) -> set[str]:
    """The sources to validate alone: the entangled ones, the first, and those of every union finding
    whose focus is not one detached source's alone."""
    needed = set(known.entangled) | ({first} if first else set())
    for finding in union:
        ids = known.sources_of(finding.focus)
        if len(ids) > 1:
            needed.update(ids)
        elif not ids and finding.file in file_source:
            needed.add(file_source[finding.file])
    return needed


def attributed(union: list[Finding], known: Mentions) -> dict[str, list[Finding]]:
    """The union's findings about resources one source alone mentions, as that source's own."""
    own: dict[str, list[Finding]] = defaultdict(list)
    for finding in union:
        source_id = known.owner.get(finding.focus)
        if source_id is not None:
            own[source_id].append(replace(finding, scope=source_id))
    return own


def by_source(findings: list[Finding], file_source: dict[str, str]) -> dict[str, list[Finding]]:
    """Findings of whole files, by the source the file belongs to."""
    grouped: dict[str, list[Finding]] = defaultdict(list)
    for finding in findings:
        source_id = file_source.get(finding.file)
        if source_id is not None:
            grouped[source_id].append(finding)
    return grouped
