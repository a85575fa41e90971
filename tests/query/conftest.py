"""Fixtures of the query-layer tests: the bundled data pushed to real servers.

- ``mirror``: a plain Oxigraph server; the named graphs and the merged default graph are pushed, so its
  default graph is the same set of triples the embedded store queries.
- ``union``: Oxigraph with ``--union-default-graph`` (bag semantics); only the named graphs are pushed.
- ``plain``: Oxigraph as it comes (no flags), only the named graphs pushed: the README's round trip.
- ``virtuoso_server``: one Virtuoso (Debian's package) per session, or a skip that says how to install
  it; ``virtuoso`` has the bundled data pushed with HTTP Digest as dba.

All are stopped at the end of the session, also when a test fails.
"""

from __future__ import annotations

import pytest

from kommgraph.query.push import Credentials, GraphStore, push
from kommgraph.query.remote import GRAPHS_QUERY, RemoteEngine

from .server import OxigraphServer
from .virtuoso import DBA_PASSWORD, INSTALL_HINT, VirtuosoServer, virtuoso_binary

DBA = Credentials("dba", DBA_PASSWORD)


@pytest.fixture(scope="session")
def mirror(bundled, tmp_path_factory):
    with OxigraphServer(tmp_path_factory.mktemp("oxigraph") / "mirror") as server:
        push(bundled, server.store_url, with_default_graph=True)
        yield server


@pytest.fixture(scope="session")
def union(bundled, tmp_path_factory):
    with OxigraphServer(tmp_path_factory.mktemp("oxigraph") / "union", union_default_graph=True) as server:
        push(bundled, server.store_url)
        yield server


@pytest.fixture(scope="session")
def plain(bundled, tmp_path_factory):
    with OxigraphServer(tmp_path_factory.mktemp("oxigraph") / "plain") as server:
        push(bundled, server.store_url)
        yield server


@pytest.fixture(scope="session")
def virtuoso_server(tmp_path_factory):
    if virtuoso_binary() is None:
        pytest.skip(INSTALL_HINT)
    with VirtuosoServer(tmp_path_factory.mktemp("virtuoso")) as server:
        yield server


def clear_kommgraph_graphs(server) -> None:
    """Delete every kommgraph graph on the server (tests push different data into one Virtuoso)."""
    store = GraphStore(server.auth_store_url, DBA)
    for (graph,) in RemoteEngine(server.query_url).select(GRAPHS_QUERY).rows:
        store.delete(str(graph))


def push_to_virtuoso(server, loaded) -> None:
    clear_kommgraph_graphs(server)
    push(loaded, server.auth_store_url, credentials=DBA)


@pytest.fixture(scope="module")
def virtuoso(virtuoso_server, bundled):
    push_to_virtuoso(virtuoso_server, bundled)
    return virtuoso_server
