"""`conflicts` on data with conflicts and a preference gives the embedded rows on servers as they come.

The data: tests/temporal/data/conflict (two sources that disagree) plus preference.ttl (source B
prevails for the renaming), so the rows hold both "open" and "resolved" with a prevailing source.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest

from kommgraph.query import catalogue as queries
from kommgraph.query.engines import OxigraphEngine
from kommgraph.query.push import push
from kommgraph.query.remote import RemoteEngine
from kommgraph.store.derive import INDEX_GRAPH
from kommgraph.store.load import load

from .conftest import push_to_virtuoso
from .server import OxigraphServer

TEMPORAL = Path(__file__).resolve().parents[1] / "temporal" / "data"
CONFLICTS = queries.catalogue()["conflicts"]
RESOLVED = (
    "date",
    "https://w3id.org/kommgraph/id/event/09999000/2020-01-01-renaming-amt-fuer-digitalisierung",
    "resolved",
    "Neues Amt für Digitalisierung (2020-05-04)",
)


@pytest.fixture(scope="module")
def conflict_data(tmp_path_factory):
    target = tmp_path_factory.mktemp("conflict") / "data"
    shutil.copytree(TEMPORAL / "conflict", target)
    shutil.copy(TEMPORAL / "preference.ttl", target / "ttl" / "reference" / "preference.ttl")
    return load(target)


@pytest.fixture(scope="module")
def expected(conflict_data):
    return OxigraphEngine(conflict_data.store).select(CONFLICTS.text, CONFLICTS.bindings())


@pytest.fixture(scope="module")
def plain_conflicts(conflict_data, tmp_path_factory):
    with OxigraphServer(tmp_path_factory.mktemp("oxigraph") / "conflicts") as server:
        push(conflict_data, server.store_url)
        yield server


@pytest.fixture(scope="module")
def virtuoso_conflicts(virtuoso_server, conflict_data):
    push_to_virtuoso(virtuoso_server, conflict_data)
    return virtuoso_server


def summary(result) -> list[tuple]:
    index = result.variables.index
    return sorted(
        tuple(
            "" if row[index(v)] is None else str(row[index(v)])
            for v in ("kind", "subject", "status", "prevailing")
        )
        for row in result.rows
    )


def test_the_embedded_rows_hold_open_and_resolved_conflicts(expected):
    rows = summary(expected)
    assert len(rows) == 3
    assert RESOLVED in rows
    assert [row[2] for row in rows].count("open") == 2


@pytest.mark.parametrize("server", ["plain_conflicts", "virtuoso_conflicts"])
def test_conflicts_on_a_server_as_it_comes(server, expected, request):
    engine = RemoteEngine(request.getfixturevalue(server).query_url)
    actual = engine.select(CONFLICTS.text, CONFLICTS.bindings())
    assert actual.variables == expected.variables
    assert actual.rows == expected.rows


def test_explicit_default_graphs_are_the_named_graphs_too(plain_conflicts, conflict_data, expected):
    """--default-graph used to leave no named graphs, so `conflicts` found 0 rows instead of 3."""
    from kommgraph.query.push import owned_graphs

    engine = RemoteEngine(plain_conflicts.query_url, default_graphs=owned_graphs(conflict_data))
    assert engine.select(CONFLICTS.text, CONFLICTS.bindings()).rows == expected.rows


def without_index(store: ox.Store) -> ox.Store:
    """The store as one loaded from the files of a release: no index graph."""
    copy = ox.Store()
    copy.bulk_extend(q for q in store if q.graph_name != ox.NamedNode(INDEX_GRAPH))
    return copy


@pytest.mark.parametrize("holds_index", [False, True])
def test_the_plain_and_the_indexed_form_give_the_same_rows(conflict_data, expected, holds_index):
    assert CONFLICTS.indexed is not None
    engine = OxigraphEngine(conflict_data.store)
    assert engine.select(CONFLICTS.text_for(holds_index), CONFLICTS.bindings()).rows == expected.rows


def test_a_store_without_the_index_is_asked_the_plain_form(conflict_data, expected):
    """The indexed form finds nothing where the index graph is missing; the plain form is chosen there."""
    engine = OxigraphEngine(without_index(conflict_data.store))
    assert (OxigraphEngine(conflict_data.store).holds_index(), engine.holds_index()) == (True, False)
    assert engine.select(CONFLICTS.indexed, CONFLICTS.bindings()).rows == []
    assert engine.select(CONFLICTS.text_for(engine.holds_index()), CONFLICTS.bindings()).rows == expected.rows


def test_a_pushed_server_holds_the_index_and_a_chosen_dataset_may_not(plain_conflicts, conflict_data):
    from kommgraph.query.push import owned_graphs

    sources = [g for g in owned_graphs(conflict_data) if g != INDEX_GRAPH]
    assert RemoteEngine(plain_conflicts.query_url).holds_index()
    assert RemoteEngine(plain_conflicts.query_url, server_dataset=True).holds_index()
    assert not RemoteEngine(plain_conflicts.query_url, default_graphs=sources).holds_index()
