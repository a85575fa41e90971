"""The remote engine: what it sends (user agent, GET or POST, dataset), its messages when a server fails."""

from __future__ import annotations

import json
import socket
import threading
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from rdflib import Literal

from kommgraph import __version__
from kommgraph.core.errors import EndpointError, QueryError
from kommgraph.query.engines import GET_LIMIT, USER_AGENT
from kommgraph.query.remote import GRAPHS_QUERY, RemoteEngine

from .server import free_port

ANSWER = {"head": {"vars": ["x"]}, "results": {"bindings": [{"x": {"type": "literal", "value": "ok"}}]}}


class Recorder(BaseHTTPRequestHandler):
    """Answers every SELECT with one row and remembers what it was sent; /fail answers HTTP 500."""

    requests: list[dict] = []
    graphs: list[str] = []
    repeat = 1

    def _answer(self, body: bytes) -> None:
        self.requests.append(
            {
                "method": self.command,
                "path": self.path,
                "headers": dict(self.headers),
                "body": body.decode("utf-8"),
            }
        )
        if self.path.startswith("/fail"):
            self.send_response(500)
            self.send_header("Content-Type", "text/plain")
            self.end_headers()
            self.wfile.write(b"storage exploded")
            return
        query = urllib.parse.parse_qs(urllib.parse.urlsplit(self.path).query).get("query", [""])[0]
        if query == GRAPHS_QUERY:
            rows = [{"g": {"type": "uri", "value": g}} for g in self.graphs]
            answer = {"head": {"vars": ["g"]}, "results": {"bindings": rows}}
        else:
            answer = {
                "head": ANSWER["head"],
                "results": {"bindings": ANSWER["results"]["bindings"] * self.repeat},
            }
        payload = json.dumps(answer).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/sparql-results+json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def do_GET(self):  # noqa: N802 - http.server's naming
        self._answer(b"")

    def do_POST(self):  # noqa: N802
        self._answer(self.rfile.read(int(self.headers.get("Content-Length", 0))))

    def log_message(self, *args):
        pass


@pytest.fixture
def recorder():
    Recorder.requests = []
    Recorder.graphs = []
    Recorder.repeat = 1
    server = ThreadingHTTPServer(("127.0.0.1", 0), Recorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", Recorder.requests
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def test_short_query_by_get_with_user_agent(recorder):
    base, requests = recorder
    result = RemoteEngine(base + "/sparql", server_dataset=True).select("SELECT ?x WHERE { }")
    assert result.variables == ["x"] and result.rows == [(Literal("ok"),)]
    (request,) = requests
    assert request["method"] == "GET"
    assert request["headers"]["User-Agent"] == USER_AGENT
    assert USER_AGENT.startswith(f"kommgraph/{__version__} ")
    assert "application/sparql-results+json" in request["headers"]["Accept"]
    sent = urllib.parse.parse_qs(urllib.parse.urlsplit(request["path"]).query)
    assert sent["query"] == ["SELECT ?x WHERE { }"]


def test_long_query_by_post_with_default_graphs(recorder):
    base, requests = recorder
    text = 'SELECT ?x WHERE { BIND("' + "y" * GET_LIMIT + '" AS ?x) }'
    RemoteEngine(
        base + "/sparql", default_graphs=["https://example.org/g1", "https://example.org/g2"]
    ).select(text)
    (request,) = requests
    assert request["method"] == "POST"
    form = urllib.parse.parse_qs(request["body"])
    assert form["query"] == [text]
    assert form["default-graph-uri"] == ["https://example.org/g1", "https://example.org/g2"]


def test_the_kommgraph_graphs_are_found_once_and_sent_as_the_dataset(recorder):
    base, requests = recorder
    engine = RemoteEngine(base + "/sparql")
    engine._discovered = None
    graphs = ["https://w3id.org/kommgraph/id/graph/ontology", "https://w3id.org/kommgraph/id/graph/derived"]
    Recorder.graphs = graphs
    engine.select("SELECT ?x WHERE { }")
    engine.select("SELECT ?x WHERE { }")
    discovery, first, second = requests
    sent = urllib.parse.parse_qs(urllib.parse.urlsplit(discovery["path"]).query)
    assert sent["query"] == [GRAPHS_QUERY] and "default-graph-uri" not in sent
    for request in (first, second):
        form = urllib.parse.parse_qs(urllib.parse.urlsplit(request["path"]).query)
        assert form["default-graph-uri"] == graphs and form["named-graph-uri"] == graphs


def test_given_default_graphs_are_the_named_graphs_too(recorder):
    base, requests = recorder
    RemoteEngine(base + "/sparql", default_graphs=["https://example.org/g"]).select("SELECT ?x WHERE { }")
    (request,) = requests
    form = urllib.parse.parse_qs(urllib.parse.urlsplit(request["path"]).query)
    assert form["default-graph-uri"] == form["named-graph-uri"] == ["https://example.org/g"]


def test_a_query_with_from_is_sent_without_a_dataset(recorder):
    base, requests = recorder
    RemoteEngine(base + "/sparql").select(
        "SELECT ?x FROM <https://w3id.org/kommgraph/id/graph/000_d65d91dc76021873> WHERE { }"
    )
    (request,) = requests
    form = urllib.parse.parse_qs(urllib.parse.urlsplit(request["path"]).query)
    assert "default-graph-uri" not in form and "named-graph-uri" not in form


def test_distinct_rows_stay_distinct(recorder):
    """Virtuoso 7.2 may repeat rows of a SELECT DISTINCT; the engine drops the repeats, keeping the order."""
    base, _ = recorder
    Recorder.repeat = 3
    result = RemoteEngine(base + "/sparql", server_dataset=True).select("SELECT DISTINCT ?x WHERE { }")
    assert result.rows == [(Literal("ok"),)]
    plain = RemoteEngine(base + "/sparql", server_dataset=True).select("SELECT ?x WHERE { }")
    assert plain.rows == [(Literal("ok"),)] * 3


def test_http_500_names_the_status_and_the_servers_message(recorder):
    base, _ = recorder
    with pytest.raises(EndpointError, match=r"/fail: HTTP 500 .*storage exploded"):
        RemoteEngine(base + "/fail").select("SELECT ?x WHERE { }")


def test_http_400_carries_the_servers_syntax_message(mirror):
    with pytest.raises(EndpointError, match=r"HTTP 400 Bad Request: .*(error|expected)") as info:
        RemoteEngine(mirror.query_url).select("SELECT ?x WHERE { ?x ?y }")
    assert mirror.query_url in str(info.value)


def test_http_404_says_to_check_the_url(mirror):
    with pytest.raises(EndpointError, match=r"/nope: HTTP 404 Not Found \(check the endpoint URL\)"):
        RemoteEngine(mirror.base + "/nope").select("SELECT ?x WHERE { }")


def test_connection_refused():
    url = f"http://127.0.0.1:{free_port()}/query"
    with pytest.raises(
        EndpointError, match=r"cannot connect to .*: connection refused \(is the server running\?\)"
    ):
        RemoteEngine(url, timeout=2).select("SELECT ?x WHERE { }")


def test_timeout_when_the_server_does_not_answer():
    with socket.socket() as silent:  # accepts connections (the kernel does) but never answers
        silent.bind(("127.0.0.1", 0))
        silent.listen(5)
        url = f"http://127.0.0.1:{silent.getsockname()[1]}/query"
        with pytest.raises(EndpointError, match=r"did not answer within 0.3 s \(timeout\)"):
            RemoteEngine(url, timeout=0.3).select("SELECT ?x WHERE { }")


def test_only_select_queries_and_http_urls():
    with pytest.raises(QueryError, match="expected a SELECT query"):
        RemoteEngine("http://127.0.0.1:9/query").select("DROP ALL")
    with pytest.raises(EndpointError, match="http:// or https://"):
        RemoteEngine("file:///etc/passwd")
