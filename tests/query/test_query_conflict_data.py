"""`conflicts` on data with conflicts and a preference gives the embedded rows on servers as they come.

The data: tests/temporal/data/conflict (two sources that disagree) plus preference.ttl (source B
prevails for the renaming), so the rows hold both "open" and "resolved" with a prevailing source.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kommgraph.query import catalogue as queries
from kommgraph.query.engines import OxigraphEngine
from kommgraph.query.push import push
from kommgraph.query.remote import RemoteEngine
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
