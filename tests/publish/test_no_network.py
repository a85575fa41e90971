"""No network unless asked: SERVICE, LOAD and FROM/FROM NAMED to another server are refused before
execution on the embedded Oxigraph engine, the rdflib engine, the CLI and ``kommgraph serve``, and a
socket the test listens on sees no connection (issue 15)."""

from __future__ import annotations

import select
import socket
import subprocess
import sys
import urllib.parse

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from kommgraph.cli.main import main
from kommgraph.query import guard
from kommgraph.query.engines import OxigraphEngine, QueryError, RdflibEngine

from .test_serve import fetch

REFUSAL = "is refused: kommgraph sends no requests to other servers unless asked"


@pytest.fixture
def listener():
    """A TCP socket listening on 127.0.0.1; yields ``(port, connections, socket)``: ``connections()``
    says whether anything connected so far."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen(8)
        sock.setblocking(False)

        def connections(wait: float = 0.2) -> bool:
            readable, _, _ = select.select([sock], [], [], wait)
            return bool(readable)

        yield sock.getsockname()[1], connections, sock


def constructs(port: int) -> dict[str, tuple[str, str]]:
    """Each construct that makes an engine fetch: ``(query, the refused part)``."""
    url = f"http://127.0.0.1:{port}/"
    return {
        "SERVICE": (f"SELECT * WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}", f"SERVICE <{url}>"),
        "SERVICE SILENT": (f"SELECT * WHERE {{ SERVICE SILENT <{url}> {{ ?s ?p ?o }} }}", f"SERVICE <{url}>"),
        "LOAD": (f"LOAD <{url}data.ttl>", f"LOAD <{url}data.ttl>"),
        "FROM": (f"SELECT * FROM <{url}data.ttl> WHERE {{ ?s ?p ?o }}", f"FROM <{url}data.ttl>"),
        "FROM NAMED": (
            f"PREFIX remote: <{url}>\nSELECT * FROM NAMED remote:g WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}",
            f"FROM NAMED <{url}g>",
        ),
    }


CONSTRUCTS = ["SERVICE", "SERVICE SILENT", "LOAD", "FROM", "FROM NAMED"]


@pytest.fixture(scope="module")
def small_store() -> ox.Store:
    store = ox.Store()
    store.add(ox.Quad(ox.NamedNode("urn:a"), ox.NamedNode("urn:b"), ox.Literal("c")))
    return store


@pytest.mark.parametrize("construct", CONSTRUCTS)
@pytest.mark.parametrize("engine", ["oxigraph", "rdflib"])
def test_embedded_engines_refuse_before_execution(engine, construct, listener, small_store):
    port, connections, _ = listener
    query, refused = constructs(port)[construct]
    runner = OxigraphEngine(small_store) if engine == "oxigraph" else RdflibEngine.from_store(small_store)
    with pytest.raises(QueryError) as error:
        runner.select(query)
    line = 2 if construct == "FROM NAMED" else 1
    assert str(error.value).startswith(f"line {line}: {refused} {REFUSAL}")
    assert not connections()


@pytest.mark.parametrize("construct", CONSTRUCTS)
def test_the_server_refuses_with_400(construct, listener, server):
    port, connections, _ = listener
    query, refused = constructs(port)[construct]
    status, _, body = fetch(f"{server}sparql?{urllib.parse.urlencode({'query': query})}")
    assert status == 400
    assert refused + " " + REFUSAL in body
    assert not connections()


def test_the_server_ignores_allowed_hosts(listener, client, monkeypatch):
    port, connections, _ = listener
    monkeypatch.setenv(guard.ENVIRONMENT_VARIABLE, "127.0.0.1")
    query, _ = constructs(port)["SERVICE"]
    response = client.post("/sparql", data={"query": query})
    assert response.status_code == 400
    assert "never on the server" in response.text
    assert not connections()


def test_the_cli_refuses_a_query_file(listener, tmp_path):
    port, connections, _ = listener
    query_file = tmp_path / "remote.rq"
    query_file.write_text(constructs(port)["SERVICE"][0], encoding="utf-8")
    result = CliRunner().invoke(main, ["query", str(query_file)])
    assert result.exit_code == 2
    assert f"SERVICE <http://127.0.0.1:{port}/> {REFUSAL}" in result.output
    assert not connections()


def test_an_allowed_host_is_contacted(listener, monkeypatch):
    """The control: with the host allowed (CLI and API only), the engine does connect, so the
    listener above would have seen a connection the guard had let through."""
    port, connections, sock = listener
    monkeypatch.setenv(guard.ENVIRONMENT_VARIABLE, "127.0.0.1")
    query, _ = constructs(port)["SERVICE"]
    code = (
        "import pyoxigraph as ox, sys\n"
        "from kommgraph.query.engines import OxigraphEngine\n"
        "try:\n"
        "    OxigraphEngine(ox.Store()).select(sys.argv[1])\n"
        "except Exception as exc:\n"
        "    print(type(exc).__name__)\n"
    )
    with subprocess.Popen([sys.executable, "-c", code, query], stdout=subprocess.PIPE, text=True) as asking:
        try:
            assert connections(wait=30)
            sock.accept()[0].close()
            assert asking.wait(timeout=30) == 0
        finally:
            asking.kill()


@pytest.mark.parametrize(
    "query",
    [
        'SELECT * WHERE { ?s ?p "SERVICE <http://127.0.0.1:9/>" }',
        "SELECT * WHERE { ?s ?p ?o } # SERVICE <http://127.0.0.1:9/>",
        "SELECT * FROM <https://w3id.org/kommgraph/id/graph/curated> WHERE { ?s ?p ?o }",
    ],
)
def test_words_in_strings_comments_and_kommgraph_graphs_pass(query):
    guard.check(query, allow=())


@pytest.mark.parametrize("construct", ["FROM", "FROM NAMED"])
def test_rdflib_never_loads_a_graph_named_in_from(construct, listener, small_store, monkeypatch):
    """Even with the host allowed, rdflib's engine reads FROM as a graph of the dataset, not a document
    to fetch (``SPARQL_LOAD_GRAPHS`` is off); a kommgraph graph IRI (https://w3id.org/…) is not looked
    up either (the suite's network guard would fail the test)."""
    port, connections, _ = listener
    monkeypatch.setenv(guard.ENVIRONMENT_VARIABLE, "127.0.0.1")
    engine = RdflibEngine.from_store(small_store)
    query, _ = constructs(port)[construct]
    engine.select(query)
    engine.select("SELECT * FROM <https://w3id.org/kommgraph/id/graph/curated> WHERE { ?s ?p ?o }")
    assert not connections()


def test_the_cli_option_allows_a_host(listener, tmp_path, monkeypatch):
    """``kommgraph query --allow-host 127.0.0.1`` lets the query through (in a separate process, so that
    the allowance does not outlive the test): the listener sees the connection."""
    port, connections, sock = listener
    query_file = tmp_path / "remote.rq"
    query_file.write_text(constructs(port)["SERVICE"][0], encoding="utf-8")
    command = [sys.executable, "-m", "kommgraph", "query", str(query_file), "--allow-host", "127.0.0.1"]
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) as asking:
        try:
            assert connections(wait=60)
            sock.accept()[0].close()
            asking.wait(timeout=60)
        finally:
            asking.kill()


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("select * { service <http://a.example/> {} }", "line 1: SERVICE <http://a.example/>"),
        (
            "PREFIX s: <http://b.example/>\nSELECT * {\n SERVICE s:q {} }",
            "line 3: SERVICE <http://b.example/q>",
        ),
        ("SELECT * { SERVICE ?endpoint {} }", "line 1: SERVICE ?endpoint"),
        ("SELECT * { SERVICE unknown:x {} }", "line 1: SERVICE unknown:x"),
        (
            'SELECT * WHERE { ?s ?p """\nSERVICE\n""" . SERVICE <http://c.example/> {} }',
            "line 3: SERVICE <http://c.example/>",
        ),
    ],
)
def test_the_guard_reads_tokens(query, message):
    with pytest.raises(guard.OutboundRequestRefused) as error:
        guard.check(query, allow=())
    assert str(error.value).startswith(message + " " + REFUSAL)


@pytest.mark.parametrize(
    "query",
    [
        "SELECT * WHERE { <http://x.example/SERVICE> ?p ?o }",
        "PREFIX prov: <http://www.w3.org/ns/prov#>\nSELECT * WHERE { ?s prov:wasDerivedFrom ?o }",
        "SELECT * WHERE { ?s <urn:load> ?o FILTER(?o < 3 && ?o > 1) }",
    ],
)
def test_the_guard_passes_look_alikes(query):
    guard.check(query, allow=())


def test_the_api_can_allow_a_host():
    try:
        guard.allow_hosts("d.example")
        guard.check("SELECT * WHERE { SERVICE <http://d.example/sparql> {} }")
        with pytest.raises(guard.OutboundRequestRefused):
            guard.check("SELECT * WHERE { SERVICE <http://d.example/sparql> {} }", allow=())  # the server
    finally:
        guard._allowed_by_api.discard("d.example")
