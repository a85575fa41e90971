"""Fixtures of the query-layer tests: the bundled data and two real Oxigraph servers with it pushed.

- ``mirror``: a plain server; the named graphs and the merged default graph are pushed, so its
  default graph is the same set of triples the embedded store queries.
- ``union``: a server started with ``--union-default-graph`` (bag semantics); only the named graphs
  are pushed, as a publisher sharing a server would do.

Both are stopped at the end of the session, also when a test fails.
"""

from __future__ import annotations

import pytest

from kommgraph.query.push import push

from .server import OxigraphServer


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
