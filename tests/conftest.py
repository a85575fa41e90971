"""Shared fixtures: the bundled data loaded once, and small data directories built from Turtle text."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Graph

from kommgraph.store import dataset, derive
from kommgraph.store.load import load
from kommgraph.validation.stores import default_graph_as_rdflib

# Tests load into memory (today's behaviour) and never leave a persistent store (DATA/.kommgraph/) in
# the repository; tests/store/ switch it on for their tmp_path copies. Set before any command runs, so
# that subprocesses inherit it.
os.environ["KOMMGRAPH_NO_STORE"] = "1"
# Nor a compaction process of its own after a store's updates (store/compaction.py): its test starts it.
os.environ["KOMMGRAPH_NO_COMPACTION"] = "1"

pytest_plugins = ["network_guard"]  # fails any test that opens a non-loopback socket

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def bundled():
    """The curated data, loaded and derived once per test session (treat as read-only)."""
    return load(DATA)


@pytest.fixture
def data_copy(tmp_path) -> Path:
    """A writable copy of the curated data directory (ttl/ and sources/)."""
    target = tmp_path / "data"
    shutil.copytree(DATA / "ttl", target / "ttl")
    shutil.copytree(DATA / "sources", target / "sources")
    return target


def derived_graph_of(turtle: str | Graph) -> Graph:
    """Ontology + the given data in one store, rules applied; the merged graph as rdflib Graph."""
    graph = turtle if isinstance(turtle, Graph) else Graph().parse(data=turtle, format="turtle")
    store = ox.Store()
    for graph_file in dataset.discover(DATA):
        if graph_file.kind == "ontology":
            dataset.load_file(store, graph_file)
    target = ox.NamedNode("https://w3id.org/kommgraph/id/graph/test")
    store.load(graph.serialize(format="nt"), format=ox.RdfFormat.N_TRIPLES, to_graph=target)
    dataset.merge_into_default(store)
    derive.derive(store)
    return default_graph_as_rdflib(store)
