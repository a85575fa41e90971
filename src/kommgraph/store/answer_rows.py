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

Rules that read the rows themselves (the counts of ``97-index-rows-event-counts``) run over the whole
store afterwards, and only the rows that differ are written.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import pyoxigraph as ox

from kommgraph.core.vocab import KG, ONTOLOGY_GRAPH, RDF
from kommgraph.store import derive, rederive

_INDEX = ox.NamedNode(derive.INDEX_GRAPH)
_ONTOLOGY = ox.NamedNode(str(ONTOLOGY_GRAPH))
_TYPE = ox.NamedNode(str(RDF.type))
_SOURCE_GRAPH = ox.NamedNode(str(KG.SourceGraph))
ROW_OF = ox.NamedNode("https://w3id.org/kommgraph/index#rowOf")
_ROW_RULE = re.compile(r"^\d+-index-rows-")


def row_rules() -> list[derive.Rule]:
    """The row rules: index rules whose conclusions are a stored query's answer rows."""
    return [rule for rule in derive.rules() if _ROW_RULE.match(rule.name)]


def _over_rows(rule: derive.Rule) -> bool:
    """A rule over other rules' rows (the index graph), not over the data."""
    return derive.INDEX_GRAPH in rule.text


def redraw(store: ox.Store, changed: Iterable[str]) -> None:
    """Bring the rows to what a full derivation concludes, after statements about ``changed`` (IRIs)
    changed: the rows of the rules over the data around those subjects, the rest by difference."""
    seeds = _seeds(store, set(changed))
    if seeds:
        seeds |= rederive.select(store, seeds, f"?x <{KG.succeededBy}>+ ?a")
        local = _surroundings(store, seeds)
        fresh = [q for rule in row_rules() if not _over_rows(rule) for q in _rows_about(local, rule, seeds)]
        _drop_rows_of(store, seeds)
        store.extend(fresh)
    _redraw_by_difference(store, [rule for rule in row_rules() if _over_rows(rule)])


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


def _drop_rows_of(store: ox.Store, seeds: set[str]) -> None:
    rows = {
        q.subject for iri in seeds for q in store.quads_for_pattern(None, ROW_OF, ox.NamedNode(iri), _INDEX)
    }
    stale = [q for row in rows for q in store.quads_for_pattern(row, None, None, _INDEX)]
    for quad in stale:
        store.remove(quad)


def _redraw_by_difference(store: ox.Store, rules: list[derive.Rule]) -> None:
    """The rows of ``rules`` run over the whole store; only the rows whose content differs are written."""
    for rule in rules:
        fresh = ox.Store()
        fresh.extend(ox.Quad(t.subject, t.predicate, t.object, _INDEX) for t in store.query(rule.text))
        classes = {q.object for q in fresh.quads_for_pattern(None, _TYPE, None)} | _classes_of(rule)
        old, new = _by_content(store, classes), _by_content(fresh, classes)
        for key in old.keys() | new.keys():
            stale, added = old.get(key, []), new.get(key, [])
            for row in stale[len(added) :]:
                for predicate, value in key:
                    store.remove(ox.Quad(row, predicate, value, _INDEX))
            for row in added[len(stale) :]:
                store.extend(ox.Quad(row, predicate, value, _INDEX) for predicate, value in key)


def _classes_of(rule: derive.Rule) -> set[ox.NamedNode]:
    """The classes of the rows ``rule`` draws (``_:row a kgx:Name``), also where it draws none now."""
    return {
        ox.NamedNode(f"https://w3id.org/kommgraph/index#{name}")
        for name in re.findall(r"_:row\s+a\s+kgx:(\w+)", rule.text)
    }


def _by_content(store: ox.Store, classes: set[ox.NamedNode]) -> dict[frozenset, list[ox.BlankNode]]:
    """The rows of ``classes`` in the index graph, by their content (their property-value pairs)."""
    rows: dict[frozenset, list[ox.BlankNode]] = {}
    for cls in classes:
        for typed in store.quads_for_pattern(None, _TYPE, cls, _INDEX):
            content = frozenset(
                (q.predicate, q.object) for q in store.quads_for_pattern(typed.subject, None, None, _INDEX)
            )
            rows.setdefault(content, []).append(typed.subject)
    return rows
