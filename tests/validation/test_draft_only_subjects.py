"""A subject stated only in drafts stays a draft subject when the rules derive or index something about it:
the conflicts index names units that two sources disagree about, and that is no curator's statement."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox

from kommgraph.core.vocab import DERIVED_GRAPH
from kommgraph.store.dataset import GraphFile
from kommgraph.store.derive import INDEX_GRAPH
from kommgraph.validation.context import draft_only_subjects

UNIT = ox.NamedNode("https://example.org/unit/amt-fuer-wasser")
DRAFT = "https://example.org/graph/draft-a"
SOURCE = "https://example.org/graph/source-b"
LABEL = ox.NamedNode("http://www.w3.org/2004/02/skos/core#prefLabel")
SEVERAL = ox.NamedNode("https://w3id.org/kommgraph/index#severalValuesOf")
VALID_FROM = ox.NamedNode("https://w3id.org/kommgraph/ontology#validFrom")
FILES = [GraphFile(Path("a.ttl"), DRAFT, "draft"), GraphFile(Path("b.ttl"), SOURCE, "source")]


def _store(*graphs: str) -> ox.Store:
    store = ox.Store()
    store.add(ox.Quad(UNIT, LABEL, ox.Literal("Amt für Wasser"), ox.NamedNode(DRAFT)))
    for graph in graphs:
        store.add(ox.Quad(UNIT, SEVERAL, VALID_FROM, ox.NamedNode(graph)))
    return store


def test_index_and_derived_statements_leave_a_draft_subject_a_draft() -> None:
    assert draft_only_subjects(_store(INDEX_GRAPH, str(DERIVED_GRAPH)), FILES) == {UNIT.value}


def test_a_curated_statement_makes_it_curated() -> None:
    assert draft_only_subjects(_store(SOURCE), FILES) == set()
