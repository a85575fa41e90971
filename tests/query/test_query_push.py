"""Push that is safe: credentials (Basic, Digest; options, environment, .netrc; never printed), nothing
half-written when a PUT fails, and a message that says what to do for each refusal."""

from __future__ import annotations

import base64
import threading
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from click.testing import CliRunner

from kommgraph.cli.main import main
from kommgraph.core.errors import EndpointError
from kommgraph.query.push import (
    Credentials,
    PushError,
    find_credentials,
    owned_graphs,
    push,
    split_userinfo,
)
from kommgraph.query.remote import RemoteEngine

from .conftest import DBA, clear_kommgraph_graphs

SECRET = "s3cret-Pa55"
OLD = b"<https://example.org/old> <https://example.org/p> <https://example.org/o> .\n"


class GraphStoreHandler(BaseHTTPRequestHandler):
    """An in-memory Graph Store Protocol server; ``state`` is set per test (see the fixture)."""

    state: dict = {}

    def _graph(self) -> str:
        query = urllib.parse.parse_qs(urllib.parse.urlsplit(self.path).query, keep_blank_values=True)
        return query["graph"][0] if "graph" in query else "(default)"

    def _authorised(self) -> bool:
        expected = self.state.get("basic")
        if expected is None:
            return True
        token = base64.b64encode(f"{expected[0]}:{expected[1]}".encode()).decode()
        if self.headers.get("Authorization") == f"Basic {token}":
            return True
        self.send_response(401)
        self.send_header("WWW-Authenticate", 'Basic realm="graphs"')
        self.send_header("Content-Length", "0")
        self.end_headers()
        return False

    def _reply(self, status: int, body: bytes = b"", content_type: str = "text/plain") -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):  # noqa: N802 - http.server's naming
        if not self._authorised():
            return
        self.state["log"].append(("GET", self._graph()))
        if self.state.get("fail_get"):
            return self._reply(500, b"disk on fire")
        graphs = self.state["graphs"]
        if self._graph() not in graphs:
            return self._reply(404)
        self._reply(200, graphs[self._graph()], "application/n-triples")

    def do_PUT(self):  # noqa: N802
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        if not self._authorised():
            return
        self.state["log"].append(("PUT", self._graph()))
        puts = sum(1 for method, _ in self.state["log"] if method == "PUT")
        if puts in self.state.get("failing_puts", ()):
            return self._reply(413, b"too much")
        existed = self._graph() in self.state["graphs"]
        self.state["graphs"][self._graph()] = body
        self._reply(204 if existed else 201)

    def do_DELETE(self):  # noqa: N802
        if not self._authorised():
            return
        self.state["log"].append(("DELETE", self._graph()))
        if self.state.get("fail_delete"):
            return self._reply(503, b"busy")
        if self.state["graphs"].pop(self._graph(), None) is None:
            return self._reply(404)
        self._reply(204)

    def log_message(self, *args):
        pass


@pytest.fixture
def graph_store():
    state = {"graphs": {}, "log": []}
    GraphStoreHandler.state = state
    server = ThreadingHTTPServer(("127.0.0.1", 0), GraphStoreHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/store", state
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def run(*args, env=None):
    return CliRunner().invoke(main, list(args), env=env)


# ---- credentials ---------------------------------------------------------------------------------


def test_basic_credentials_from_options(graph_store, bundled):
    url, state = graph_store
    state["basic"] = ("editor", SECRET)
    result = run("push", "--endpoint", url, "--user", "editor", "--password", SECRET)
    assert result.exit_code == 0, result.output
    assert set(state["graphs"]) == set(owned_graphs(bundled))
    assert SECRET not in result.output


def test_basic_credentials_from_the_environment(graph_store):
    url, state = graph_store
    state["basic"] = ("editor", SECRET)
    result = run("push", "--endpoint", url, env={"KOMMGRAPH_USER": "editor", "KOMMGRAPH_PASSWORD": SECRET})
    assert result.exit_code == 0, result.output
    assert SECRET not in result.output


def test_basic_credentials_in_the_url_are_not_printed(graph_store):
    url, state = graph_store
    state["basic"] = ("editor", SECRET)
    with_userinfo = url.replace("http://", f"http://editor:{SECRET}@")
    result = run("push", "--endpoint", with_userinfo)
    assert result.exit_code == 0, result.output
    assert SECRET not in result.output and "editor" not in result.output
    assert result.output.endswith(f"triples to {url}\n")


def test_credentials_from_netrc(tmp_path):
    netrc = tmp_path / "netrc"
    netrc.write_text(f"machine graphs.example.org login editor password {SECRET}\n")
    netrc.chmod(0o600)
    found = find_credentials("https://graphs.example.org/store", environ={}, netrc_file=netrc)
    assert found == Credentials("editor", SECRET)
    assert SECRET not in repr(found)
    assert find_credentials("https://other.example.org/store", environ={}, netrc_file=netrc) is None
    # a user from the options takes the password from .netrc when the login matches
    assert find_credentials(
        "https://graphs.example.org/store", user="editor", environ={}, netrc_file=netrc
    ) == Credentials("editor", SECRET)


def test_options_win_over_the_environment(tmp_path):
    environ = {"KOMMGRAPH_USER": "env-user", "KOMMGRAPH_PASSWORD": "env-secret"}
    assert find_credentials("http://h/store", "opt-user", "opt-secret", environ, tmp_path / "none") == (
        Credentials("opt-user", "opt-secret")
    )
    assert find_credentials("http://h/store", None, None, environ, tmp_path / "none") == Credentials(
        "env-user", "env-secret"
    )


def test_a_user_without_a_password_is_an_input_error(graph_store, tmp_path):
    url, _ = graph_store
    result = run("push", "--endpoint", url, "--user", "editor", env={"NETRC": str(tmp_path / "none")})
    assert result.exit_code == 3
    assert "a user (editor) but no password: give --password, set KOMMGRAPH_PASSWORD" in result.output


def test_split_userinfo():
    assert split_userinfo("http://a%40b:p%3Aw@host:8890/x?y") == (
        "http://host:8890/x?y",
        Credentials("a@b", "p:w"),
    )
    assert split_userinfo("http://host/x") == ("http://host/x", None)


def test_no_credentials_says_how_to_give_them(graph_store):
    url, state = graph_store
    state["basic"] = ("editor", SECRET)
    result = run("push", "--endpoint", url, env={"KOMMGRAPH_USER": "", "NETRC": "/nonexistent"})
    assert result.exit_code == 3
    assert (
        f"{url}: cannot read: the server wants credentials: give --user (and --password, or set "
        "KOMMGRAPH_USER and KOMMGRAPH_PASSWORD, or add the host to ~/.netrc)\n"
        "nothing was written (push reads each graph before replacing it)"
    ) in result.output
    assert state["graphs"] == {}


def test_wrong_password_names_the_user_not_the_password(graph_store):
    url, state = graph_store
    state["basic"] = ("editor", SECRET)
    result = run("push", "--endpoint", url, "--user", "editor", "--password", "wrong-pass")
    assert result.exit_code == 3
    assert "the server refused the credentials of user 'editor'" in result.output
    assert "wrong-pass" not in result.output


# ---- all or nothing ------------------------------------------------------------------------------


def test_a_failed_put_restores_what_was_replaced(graph_store, bundled):
    url, state = graph_store
    graphs = owned_graphs(bundled)
    state["graphs"] = {graphs[0]: OLD, "https://example.org/other": OLD}
    state["failing_puts"] = {4}  # the 4th PUT fails (413); restoring works
    with pytest.raises(PushError) as info:
        push(bundled, url)
    assert str(info.value).endswith(
        "HTTP 413 Request Entity Too Large: too much; the graph is larger than the server accepts in one "
        "request\n"
        f"push stopped at {graphs[3]}; the 3 graphs written before it were restored: the server is as before"
    )
    assert state["graphs"] == {graphs[0]: OLD, "https://example.org/other": OLD}


def test_when_restoring_fails_too_the_message_says_how_to_undo(graph_store, bundled):
    url, state = graph_store
    graphs = owned_graphs(bundled)
    state["graphs"] = {graphs[0]: OLD}
    state["failing_puts"] = set(range(2, 100))  # the 2nd PUT and all after it fail: so does restoring
    state["fail_delete"] = True
    with pytest.raises(PushError) as info:
        push(bundled, url)
    lines = str(info.value).splitlines()
    assert lines[1].startswith(
        f"push stopped at {graphs[1]}; restoring the graphs written before it failed too:"
    )
    assert lines[2] == "left replaced:"
    saved = Path(lines[3].split("--data-binary @")[1].split(" ")[0])
    assert saved.read_bytes() == OLD
    assert lines[3] == (
        f"  {graphs[0]}: undo with  curl -X PUT -H 'Content-Type: application/n-triples' --data-binary "
        f"@{saved} '{url}?graph={urllib.parse.quote(graphs[0], safe='')}'"
    )
    assert len(lines) == 4


def test_a_failed_read_writes_nothing(graph_store, bundled):
    url, state = graph_store
    state["fail_get"] = True
    with pytest.raises(PushError, match=r"HTTP 500 .*disk on fire\nnothing was written"):
        push(bundled, url)
    assert [method for method, _ in state["log"]] == ["GET"]


# ---- Virtuoso ------------------------------------------------------------------------------------


def test_virtuoso_digest_push(virtuoso_server, bundled):
    clear_kommgraph_graphs(virtuoso_server)
    pushed = push(bundled, virtuoso_server.auth_store_url, credentials=DBA)
    assert [p.graph for p in pushed] == owned_graphs(bundled)
    engine = RemoteEngine(virtuoso_server.query_url)
    assert list(engine.dataset()[0]) == sorted(owned_graphs(bundled))


def test_virtuoso_wrong_password(virtuoso_server, bundled):
    with pytest.raises(EndpointError, match="the server refused the credentials of user 'dba'"):
        push(bundled, virtuoso_server.auth_store_url, credentials=Credentials("dba", "not-the-password"))


def test_virtuoso_anonymous_push_names_the_grant(virtuoso_server, bundled):
    clear_kommgraph_graphs(virtuoso_server)
    with pytest.raises(PushError) as info:
        push(bundled, virtuoso_server.store_url)
    message = str(info.value)
    assert "HTTP 403 Forbidden" in message and "Permission denied" in message
    assert 'GRANT SPARQL_UPDATE TO "SPARQL";' in message
    assert "/sparql-graph-crud-auth (HTTP Digest)" in message
    assert message.endswith(f"push stopped at {owned_graphs(bundled)[0]}; nothing was written")
    assert RemoteEngine(virtuoso_server.query_url).dataset() == ((), ())
    # the grant the message names is the one that works
    virtuoso_server.sql('GRANT SPARQL_UPDATE TO "SPARQL";')
    try:
        assert len(push(bundled, virtuoso_server.store_url)) == len(owned_graphs(bundled))
    finally:
        virtuoso_server.sql('REVOKE SPARQL_UPDATE FROM "SPARQL";')


def test_virtuoso_has_no_default_graph_to_replace(virtuoso_server, bundled):
    clear_kommgraph_graphs(virtuoso_server)
    with pytest.raises(PushError) as info:
        push(bundled, virtuoso_server.auth_store_url, credentials=DBA, with_default_graph=True)
    message = str(info.value)
    assert "not configured to have default graph" in message
    assert "push without --with-default-graph; `query --endpoint` names the kommgraph graphs" in message
    assert message.endswith("nothing was written (push reads each graph before replacing it)")
    assert RemoteEngine(virtuoso_server.query_url).dataset() == ((), ())
