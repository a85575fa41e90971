"""Derive again only around what changed, instead of running the rules over the whole store.

Every rule (queries/rules/*.rq) concludes something about a unit, an event's units or a placement
from statements about that subject, the events that name it, its parent chain and the authority at
the top of that chain. So after some graphs changed, only conclusions about the *affected* subjects
can change: the resources the old and new graphs mention, the units below them (their authority
comes down the chain) and the placements of those units. Their conclusions are dropped and derived
again in a small store holding every statement about the affected subjects and their neighbours
(the events naming them, their ancestors and those ancestors' authorities). ``tests/store`` checks
that the result equals a full derivation after edits of every kind.

The counts per rule are kept by the same trick: the neighbourhood is derived before and after the
change, and the difference is added to the stored counts.

The index rules' conclusions (the index graph, ``derive.INDEX_GRAPH``) are about subjects too and are
kept, dropped and added again the same way, in the index graph alone. The answer rows of the row
rules (``NN-index-rows-*``: blank nodes, one per row of a stored query) are kept up to date by
``store/answer_rows.py`` around the same subjects.
"""

from __future__ import annotations

from collections.abc import Iterable

import pyoxigraph as ox

from kommgraph.core.vocab import DERIVED_GRAPH, KG, ONTOLOGY_GRAPH, ORG, RDF, REFERENCE_GRAPH
from kommgraph.store import derive
from kommgraph.store.dataset import merge_into_default

_DERIVED = ox.NamedNode(str(DERIVED_GRAPH))
_INDEX = ox.NamedNode(derive.INDEX_GRAPH)
_ONTOLOGY = ox.NamedNode(str(ONTOLOGY_GRAPH))
_REFERENCE = ox.NamedNode(str(REFERENCE_GRAPH))
_TYPE = ox.NamedNode(str(RDF.type))
_STAGING = ox.NamedNode("urn:kommgraph:rederive-staging")
_IN_NAME_OF = ox.NamedNode("https://w3id.org/kommgraph/index#inNameOf")
_TEXT = ox.NamedNode("https://w3id.org/kommgraph/index#text")
_CHUNK = 500  # IRIs per VALUES block


def mentioned(store: ox.Store, graphs: Iterable[str]) -> set[str]:
    """Every IRI a named graph states something about or points at."""
    found: set[str] = set()
    for graph in graphs:
        for quad in store.quads_for_pattern(None, None, None, ox.NamedNode(graph)):
            for term in (quad.subject, quad.object):
                if isinstance(term, ox.NamedNode):
                    found.add(term.value)
    return found


def data_resources(store: ox.Store, iris: Iterable[str]) -> set[str]:
    """The IRIs that are data, not vocabulary: classes (objects of ``rdf:type``) and the ontology's
    terms (``kg:Head``, ``kg:Curated``) are left out. Every unit points at its class; following
    those back would reach the whole store, and no rule concludes anything about them."""
    vocabulary = {
        q.subject.value
        for q in store.quads_for_pattern(None, None, None, _ONTOLOGY)
        if isinstance(q.subject, ox.NamedNode)
    }
    kept = set()
    for iri in iris:
        if iri in vocabulary:
            continue
        node = ox.NamedNode(iri)
        if next(iter(store.quads_for_pattern(None, _TYPE, node)), None) is None:
            kept.add(iri)
    return kept


def touched_by(store: ox.Store, graphs: Iterable[str]) -> set[str]:
    """The data resources that ``graphs`` (as ``store`` holds them) mention."""
    return data_resources(store, mentioned(store, graphs))


def _values(iris: Iterable[str]) -> Iterable[str]:
    ordered = sorted(iris)
    for start in range(0, len(ordered), _CHUNK):
        yield " ".join(f"<{iri}>" for iri in ordered[start : start + _CHUNK])


def select(store: ox.Store, iris: set[str], pattern: str) -> set[str]:
    """``?x`` of ``pattern`` for ``?a`` bound to each of ``iris``."""
    found: set[str] = set()
    for block in _values(iris):
        for row in store.query(f"SELECT DISTINCT ?x WHERE {{ VALUES ?a {{ {block} }} {pattern} }}"):
            if isinstance(row["x"], ox.NamedNode):
                found.add(row["x"].value)
    return found


def affected(store: ox.Store, touched: set[str]) -> set[str]:
    """The subjects whose conclusions may change: ``touched``, the units below them, and the
    placements (derived) of all of these."""
    below = select(store, touched, f"?x <{ORG.subOrganizationOf}>+ ?a")
    subjects = touched | below
    return subjects | select(store, subjects, f"GRAPH {_DERIVED} {{ ?a <{KG.placement}> ?x }}")


def pointing_at(store: ox.Store, subjects: set[str]) -> set[str]:
    """The resources with a statement whose object is one of ``subjects``, reference data aside: a
    publisher or an authority is named by thousands of sources, and what is said about it changes
    only with the reference data (which derives and validates everything again)."""
    return select(store, subjects - reference_resources(store, subjects), "?x ?p ?a")


def reference_resources(store: ox.Store, iris: set[str]) -> set[str]:
    """Those of ``iris`` that the reference data describes."""
    return {
        iri
        for iri in iris
        if next(iter(store.quads_for_pattern(ox.NamedNode(iri), None, None, _REFERENCE)), None) is not None
    }


def neighbourhood(store: ox.Store, subjects: set[str]) -> set[str]:
    """The subjects whose statements the rules may read when concluding about ``subjects``."""
    up = select(store, subjects, f"?a <{ORG.subOrganizationOf}>+ ?x")
    authorities = select(store, subjects | up, f"?a <{ORG.unitOf}> ?x")
    inbound = pointing_at(store, subjects)
    outbound = select(store, subjects, "?a ?p ?x")
    return subjects | up | authorities | inbound | outbound


def default_triples_about(store: ox.Store, subjects: set[str]) -> int:
    """How many triples of the merged default graph have one of ``subjects`` as subject."""
    total = 0
    for block in _values(subjects):
        query = f"SELECT (COUNT(*) AS ?n) WHERE {{ VALUES ?a {{ {block} }} ?a ?p ?o }}"
        total += int(next(iter(store.query(query)))["n"].value)
    return total


def copy_about(store: ox.Store, subjects: set[str], whole_graphs: Iterable[str]) -> ox.Store:
    """A new store with every quad (named graphs and the merged default graph) whose subject is one
    of ``subjects``, and the ``whole_graphs`` entire: what a check focused on ``subjects`` reads."""
    copy = ox.Store()
    for graph in whole_graphs:
        copy.extend(store.quads_for_pattern(None, None, None, ox.NamedNode(graph)))
    for subject in sorted(subjects):
        copy.extend(store.quads_for_pattern(ox.NamedNode(subject), None, None, None))
    return copy


def local_store(store: ox.Store, subjects: set[str], without: set[str]) -> ox.Store:
    """The statements about ``subjects`` (stated, and derived ones still valid) in a store of their
    own, without the conclusions about ``without``: those are to be drawn again."""
    stale: set[ox.Triple] = set()
    for block in _values(without):
        query = (
            f"CONSTRUCT {{ ?a ?p ?o }} WHERE {{ VALUES ?a {{ {block} }} GRAPH {_DERIVED} {{ ?a ?p ?o }} }}"
        )
        stale.update(store.query(query))
    local = ox.Store()
    graph = ox.NamedNode("urn:kommgraph:neighbourhood")
    for block in _values(subjects):
        triples = store.query(f"CONSTRUCT {{ ?a ?p ?o }} WHERE {{ VALUES ?a {{ {block} }} ?a ?p ?o }}")
        local.extend(ox.Quad(t.subject, t.predicate, t.object, graph) for t in triples if t not in stale)
    # the ontology whole: an index rule reads the classes (kg:ChangeEvent's subclasses) of a type that
    # an edit brings in, which the neighbourhood, found before the edit, does not reach
    local.extend(
        ox.Quad(q.subject, q.predicate, q.object, graph)
        for q in store.quads_for_pattern(None, None, None, _ONTOLOGY)
    )
    merge_into_default(local)
    return local


def conclusions(local: ox.Store, subjects: set[str]) -> tuple[list[ox.Quad], dict[str, int]]:
    """Run the rules over ``local``; what they conclude about ``subjects`` (and those subjects'
    placements), as quads of the derived graph and of the index graph, and the counts per rule."""
    counts = derive.derive(local)
    derived = list(local.quads_for_pattern(None, None, None, _DERIVED))
    placements = {
        q.object.value
        for q in derived
        if q.predicate.value == str(KG.placement) and q.subject.value in subjects
    }
    keep = subjects | placements
    indexed = list(local.quads_for_pattern(None, None, None, _INDEX))
    # a word of the word index (91-index-name-words) is about no subject of the data: the words that
    # postings of the affected units point at are kept (adding one again changes nothing; a word no
    # posting points at any more is dropped by add_conclusions)
    postings = [q for q in indexed if q.predicate == _IN_NAME_OF and q.object.value in keep]
    words = {q.subject for q in postings}
    # the rows of the row rules have blank nodes as subjects, never kept: store/answer_rows.py draws them
    kept = [
        q
        for q in [*derived, *indexed]
        if isinstance(q.subject, ox.NamedNode) and q.subject.value in keep and q.predicate != _IN_NAME_OF
    ]
    return kept + postings + [q for q in indexed if q.subject in words and q.predicate == _TEXT], counts


def remove_conclusions(store: ox.Store, subjects: set[str]) -> None:
    """Drop the derived statements about ``subjects`` from the derived graph and from the default
    graph (where no graph states them)."""
    for block in _values(subjects):
        store.update(
            f"DELETE {{ ?a ?p ?o }} WHERE {{ VALUES ?a {{ {block} }} GRAPH {_DERIVED} {{ ?a ?p ?o }} "
            f"FILTER NOT EXISTS {{ GRAPH ?g {{ ?a ?p ?o }} FILTER(?g != {_DERIVED}) }} }}"
        )
        store.update(
            f"DELETE {{ GRAPH {_DERIVED} {{ ?a ?p ?o }} }} "
            f"WHERE {{ VALUES ?a {{ {block} }} GRAPH {_DERIVED} {{ ?a ?p ?o }} }}"
        )
        store.update(
            f"DELETE {{ GRAPH {_INDEX} {{ ?a ?p ?o }} }} "
            f"WHERE {{ VALUES ?a {{ {block} }} GRAPH {_INDEX} {{ ?a ?p ?o }} }}"
        )
        store.update(
            f"DELETE {{ GRAPH {_INDEX} {{ ?word {_IN_NAME_OF} ?a }} }} "
            f"WHERE {{ VALUES ?a {{ {block} }} GRAPH {_INDEX} {{ ?word {_IN_NAME_OF} ?a }} }}"
        )


def add_conclusions(store: ox.Store, quads: list[ox.Quad]) -> None:
    """Add conclusions that no graph states yet to the derived graph and the default graph, as a full
    derivation would; the index graph's (see ``conclusions``) to the index graph only."""
    store.extend(ox.Quad(q.subject, q.predicate, q.object, _INDEX) for q in quads if q.graph_name == _INDEX)
    store.extend(ox.Quad(q.subject, q.predicate, q.object, _STAGING) for q in quads if q.graph_name != _INDEX)
    new = f"GRAPH {_STAGING} {{ ?s ?p ?o }} FILTER NOT EXISTS {{ ?s ?p ?o }}"
    store.update(f"INSERT {{ GRAPH {_DERIVED} {{ ?s ?p ?o }} ?s ?p ?o }} WHERE {{ {new} }}")
    store.update(f"DROP SILENT GRAPH {_STAGING}")
    # a word no posting points at any more goes, as a full derivation would not make it
    store.update(
        f"DELETE {{ GRAPH {_INDEX} {{ ?word {_TEXT} ?text }} }} "
        f"WHERE {{ GRAPH {_INDEX} {{ ?word {_TEXT} ?text }} "
        f"FILTER NOT EXISTS {{ GRAPH {_INDEX} {{ ?word {_IN_NAME_OF} ?unit }} }} }}"
    )


def counts_delta(before: dict[str, int], after: dict[str, int], stored: dict[str, int]) -> dict[str, int]:
    names = sorted(set(stored) | set(before) | set(after))
    return {name: stored.get(name, 0) + after.get(name, 0) - before.get(name, 0) for name in names}
