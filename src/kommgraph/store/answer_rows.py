"""Keep the answer rows of the row rules (``queries/rules/NN-index-rows-*.rq``) up to date after an edit,
around the subjects the edit touched, instead of drawing every row over the whole store again.

Each row links the subjects it was joined from (``kgx:rowOf``: a membership, its person, unit and
source; a step's events, units and source; ontology/index.md). A row can only change where a
statement about one of those subjects changed, or a unit between a succession row's start and its step
(``kg:succeededBy``). So after an edit the rows linked to the changed subjects (and to the units a
changed unit is reached from along ``kg:succeededBy``) are dropped, and the row rules run over a small
store holding every statement about the resources such a row can read: two steps around those
subjects, the succession chains through them, and the ontology. Of its rows, those linked to the
changed subjects are added. ``tests/store/test_answer_rows.py`` checks that the rows equal a full
derivation's after edits of every kind.

The counts of ``97-index-rows-event-counts`` (over the event rows) are counted again for the years and
types of the event rows dropped or added (``_recount_events``); the whole answers over the rows
(:mod:`kommgraph.store.answers`) are joined again where a row of theirs was dropped or added (≈ 0.2 s
CPU at 1M triples).
"""

from __future__ import annotations

from collections.abc import Iterable

import pyoxigraph as ox

from kommgraph.core.vocab import KG, ONTOLOGY_GRAPH, RDF
from kommgraph.store import answers, derive, rederive

_INDEX = ox.NamedNode(derive.INDEX_GRAPH)
_ONTOLOGY = ox.NamedNode(str(ONTOLOGY_GRAPH))
_TYPE = ox.NamedNode(str(RDF.type))
_SOURCE_GRAPH = ox.NamedNode(str(KG.SourceGraph))
_KGX = "https://w3id.org/kommgraph/index#"
ROW_OF = ox.NamedNode(f"{_KGX}rowOf")
_YEAR, _CHANGE, _EVENT, _EVENTS = (
    ox.NamedNode(f"{_KGX}{name}") for name in ("year", "change", "event", "events")
)
_EVENT_ROW, _EVENT_COUNT = ox.NamedNode(f"{_KGX}EventRow"), ox.NamedNode(f"{_KGX}EventCount")
_INTEGER = ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")


def row_rules() -> list[derive.Rule]:
    """The row rules: index rules whose conclusions are a stored query's answer rows."""
    return [rule for rule in derive.rules() if rule.rows]


def _over_rows(rule: derive.Rule) -> bool:
    """A rule over other rules' rows (the index graph), not over the data."""
    return derive.INDEX_GRAPH in rule.text


def redraw(store: ox.Store, changed: Iterable[str]) -> None:
    """Bring the rows to what a full derivation concludes, after statements about ``changed`` (IRIs)
    changed: the rows of the rules over the data around those subjects, the rest by difference."""
    seeds = _seeds(store, set(changed))
    if not seeds:
        return
    seeds |= rederive.select(store, seeds, f"?x <{KG.succeededBy}>+ ?a")
    local = _surroundings(store, seeds)
    fresh = [q for rule in row_rules() if not _over_rows(rule) for q in _rows_about(local, rule, seeds)]
    stale = _drop_rows_of(store, seeds)
    store.extend(fresh)
    _recount_events(store, _count_keys(stale) | _count_keys(fresh))
    answers.draw(store, {q.object for q in (*stale, *fresh) if q.predicate == _TYPE})


def _seeds(store: ox.Store, changed: set[str]) -> set[str]:
    """The data resources of ``changed`` that no reference data describes (a publisher, an authority or
    a role is named by thousands of statements, and what is said about it changes only with the
    reference data, which derives everything again)."""
    data = rederive.data_resources(store, changed)
    return data - rederive.reference_resources(store, data)


def _around(store: ox.Store, iris: set[str]) -> set[str]:
    """``iris`` and the resources one statement away from them, in either direction."""
    if not iris:
        return set()
    return iris | rederive.select(store, iris, "?a ?p ?x") | rederive.select(store, iris, "?x ?p ?a")


def _surroundings(store: ox.Store, seeds: set[str]) -> ox.Store:
    """A store with every statement a row linked to one of ``seeds`` can read: about the resources two
    steps around them, the succession chains through those, the events on the chains and their
    sources, and the ontology whole (event classes)."""
    near = _around(store, seeds)
    near |= _around(store, _seeds(store, near - seeds))
    chain = _chains(store, near)
    steps = rederive.select(store, chain, "?x ?p ?a") if chain else set()
    reach = near | chain | steps | _around(store, chain) | _around(store, _seeds(store, steps))
    local = ox.Store()
    graphs: set[ox.NamedNode] = set()
    for iri in sorted(reach):
        quads = [q for q in store.quads_for_pattern(ox.NamedNode(iri), None, None) if q.graph_name != _INDEX]
        graphs.update(q.graph_name for q in quads if isinstance(q.graph_name, ox.NamedNode))
        local.extend(quads)
    # a source graph names itself (`GRAPH ?g { ?g a kg:SourceGraph }`, read by the transfers' rule)
    for graph in graphs:
        local.extend(store.quads_for_pattern(graph, _TYPE, _SOURCE_GRAPH, graph))
    local.extend(
        ox.Quad(q.subject, q.predicate, q.object, ox.DefaultGraph())
        for q in store.quads_for_pattern(None, None, None, _ONTOLOGY)
    )
    return local


def _chains(store: ox.Store, iris: set[str]) -> set[str]:
    """The units joined to ``iris`` by ``kg:succeededBy``, either way, as far as it goes."""
    if not iris:
        return set()
    return rederive.select(store, iris, f"?a (<{KG.succeededBy}>|^<{KG.succeededBy}>)+ ?x")


def _rows_about(local: ox.Store, rule: derive.Rule, seeds: set[str]) -> list[ox.Quad]:
    """The rows ``rule`` concludes over ``local`` that are linked to one of ``seeds``, as index quads."""
    rows: dict[ox.BlankNode, list[ox.Triple]] = {}
    for triple in local.query(rule.text):
        rows.setdefault(triple.subject, []).append(triple)
    return [
        ox.Quad(t.subject, t.predicate, t.object, _INDEX)
        for triples in rows.values()
        if any(t.predicate == ROW_OF and t.object.value in seeds for t in triples)
        for t in triples
    ]


def _drop_rows_of(store: ox.Store, seeds: set[str]) -> list[ox.Quad]:
    """Remove the rows linked to ``seeds``; their quads."""
    rows = {
        q.subject for iri in seeds for q in store.quads_for_pattern(None, ROW_OF, ox.NamedNode(iri), _INDEX)
    }
    stale = [q for row in rows for q in store.quads_for_pattern(row, None, None, _INDEX)]
    for quad in stale:
        store.remove(quad)
    return stale


def _count_keys(quads: list[ox.Quad]) -> set[tuple[ox.Literal, ox.Literal]]:
    """The (year, type) pairs of the event rows among ``quads``."""
    rows: dict[ox.BlankNode, dict] = {}
    for quad in quads:
        rows.setdefault(quad.subject, {})[quad.predicate] = quad.object
    return {(row[_YEAR], row[_CHANGE]) for row in rows.values() if row.get(_TYPE) == _EVENT_ROW}


def _recount_events(store: ox.Store, keys: set[tuple[ox.Literal, ox.Literal]]) -> None:
    """Rule 97 (``kgx:EventCount``: ``COUNT(DISTINCT ?event)`` of the event rows of one year and type)
    for ``keys`` alone: the counts of the year-type pairs whose event rows were dropped or added. Run
    as the rule over the whole store, it read every event row (0.6 s at 1M triples)."""
    for year, change in sorted(keys, key=str):
        of_year = {q.subject for q in store.quads_for_pattern(None, _YEAR, year, _INDEX)}
        rows = [
            q.subject for q in store.quads_for_pattern(None, _CHANGE, change, _INDEX) if q.subject in of_year
        ]
        events: set = set()
        for row in rows:
            if ox.Quad(row, _TYPE, _EVENT_COUNT, _INDEX) in store:
                for quad in list(store.quads_for_pattern(row, None, None, _INDEX)):
                    store.remove(quad)
            else:
                events.update(q.object for q in store.quads_for_pattern(row, _EVENT, None, _INDEX))
        if events:
            count = ox.BlankNode()
            values = (
                (_TYPE, _EVENT_COUNT),
                (_YEAR, year),
                (_CHANGE, change),
                (_EVENTS, _integer(len(events))),
            )
            store.extend(ox.Quad(count, predicate, value, _INDEX) for predicate, value in values)


def _integer(number: int) -> ox.Literal:
    return ox.Literal(str(number), datatype=_INTEGER)
