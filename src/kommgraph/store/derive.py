"""Apply the derivation rules (``queries/rules/*.rq``, SPARQL CONSTRUCT) into their own named graph.

Rules run in file-name order over the union of all graphs, each seeing what earlier rules derived,
so a reader can find the rule behind every inferred triple by its file.

Index rules (file names ``NN-index-*.rq``) precompute what a stored query would otherwise read the
whole store for (``ontology/index.md``). What they conclude is an index, not a statement: it goes into
the index graph only (:data:`INDEX_GRAPH`), neither into the derived graph nor into the merged default
graph, so a release, a page or a shape never sees it; queries read it with ``GRAPH``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
from rdflib.namespace import RDF

from kommgraph.core import paths, vocab
from kommgraph.store import answers
from kommgraph.store.dataset import derived_graph

INDEX_GRAPH = str(vocab.INDEX_GRAPH)
_INDEX = ox.NamedNode(INDEX_GRAPH)
# the index graph names itself, so that a store (or a server it is pushed to) shows it holds the index
# even where the rules conclude nothing: stored queries choose their indexed form by it
INDEX_MARKER = ox.Quad(
    _INDEX, ox.NamedNode(str(RDF.type)), ox.NamedNode("https://w3id.org/kommgraph/index#Index"), _INDEX
)
_INDEX_RULE = re.compile(r"^\d+-index-")
_ROW_RULE = re.compile(r"^\d+-index-rows-")


@dataclass(frozen=True)
class Rule:
    name: str
    text: str

    @property
    def index(self) -> bool:
        """An index rule: its conclusions go into the index graph only."""
        return _INDEX_RULE.match(self.name) is not None

    @property
    def rows(self) -> bool:
        """A row rule: an index rule whose conclusions are a stored query's answer rows. Only the
        persistent store's indexed queries read them (not validation, not the release)."""
        return _ROW_RULE.match(self.name) is not None


def rules(directory: Path | None = None) -> list[Rule]:
    directory = directory or paths.rules_dir()
    return [Rule(p.stem, p.read_text(encoding="utf-8")) for p in sorted(directory.glob("*.rq"))]


_STAGING = ox.NamedNode("urn:kommgraph:derive-staging")


def derive(store: ox.Store, only: list[str] | None = None, rows: bool = True) -> dict[str, int]:
    """Run every rule over the merged default graph; returns the number of new triples per rule.

    What a rule derives goes into the derived named graph and into the default graph, so that
    later rules and all queries see it. Each rule runs inside the store as a SPARQL update (its
    CONSTRUCT template becomes an INSERT into a staging graph), and only triples that are not yet in
    the default graph move on: no Python loop over the triples. ``only``: the names of the rules to
    run (the benchmarks time them one by one). The index graph is made afresh by its rules, which
    have no count (an index is not a derived statement); the rows' whole answers are joined last
    (:mod:`kommgraph.store.answers`). ``rows=False``: the row rules are left out
    (``derive_rows`` adds their rows later, e.g. in the child that writes the store to disk).
    """
    target = derived_graph()
    new = f"GRAPH {_STAGING} {{ ?s ?p ?o }} FILTER NOT EXISTS {{ ?s ?p ?o }}"
    counts: dict[str, int] = {}
    selected = [r for r in rules() if (only is None or r.name in only) and (rows or not r.rows)]
    if any(rule.index for rule in selected):
        store.update(f"DROP SILENT GRAPH {_INDEX}")
        store.add(INDEX_MARKER)
    for rule in selected:
        if rule.index:  # not counted: the counts are of derived statements ("derived N triples by K rules")
            _insert_index(store, rule)
            continue
        store.update(as_staging_insert(rule.text))
        counts[rule.name] = _count(store, f"SELECT (COUNT(*) AS ?n) WHERE {{ {new} }}")
        store.update(f"INSERT {{ GRAPH {target} {{ ?s ?p ?o }} ?s ?p ?o }} WHERE {{ {new} }}")
        store.update(f"DROP SILENT GRAPH {_STAGING}")
    if any(rule.rows for rule in selected):
        answers.draw(store)
    return counts


def derive_rows(store: ox.Store) -> None:
    """Add the row rules' rows to a store ``derive(store, rows=False)`` derived (its index graph is kept)."""
    for rule in rules():
        if rule.rows:
            _insert_index(store, rule)
    answers.draw(store)


def _insert_index(store: ox.Store, rule: Rule) -> None:
    """An index rule's conclusions straight into the index graph: a store is a set (a quad inserted
    twice is there once), and a row rule's rows are new blank nodes, so that no staging graph and no
    test against the index graph are needed (they cost more than the rule itself: 2.9 of 5.5 s CPU for
    the row rules at 1M triples, benchmarks/results/scale-rows12.md)."""
    store.update(as_staging_insert(rule.text, _INDEX))


def as_staging_insert(text: str, graph: ox.NamedNode = _STAGING) -> str:
    """A rule's ``CONSTRUCT { template } WHERE …`` as ``INSERT { GRAPH graph { template } } WHERE …``
    (the staging graph unless told)."""
    match = re.search(r"\bCONSTRUCT\s*\{", text, flags=re.IGNORECASE)
    if match is None:
        raise ValueError("a rule must be a CONSTRUCT query")
    depth, position = 1, match.end()
    while depth:
        char = text[position]
        depth += {"{": 1, "}": -1}.get(char, 0)
        position += 1
    template = text[match.end() : position - 1]
    return f"{text[: match.start()]}INSERT {{ GRAPH {graph} {{{template}}} }}{text[position:]}"


def _count(store: ox.Store, query: str) -> int:
    return int(next(iter(store.query(query)))["n"].value)
