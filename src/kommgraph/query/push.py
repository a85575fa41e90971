"""``kommgraph push``: load the kommgraph graphs into a SPARQL server by the SPARQL 1.1 Graph Store Protocol.

Each graph kommgraph owns (ontology, reference, one per source, derived) is sent with HTTP ``PUT``,
which replaces that graph on the server and leaves every other graph alone. ``kommgraph query
--endpoint`` names these graphs as its dataset (see ``kommgraph.query.remote``), so a server as it
comes gives the embedded rows. With ``with_default_graph`` the set merge of all of them also replaces
the server's default graph (only for a server kept for kommgraph; not needed for the stored queries).

The PUTs are not one transaction, so push makes them behave like one: it first reads every graph it
will replace (nothing is written if that fails), and when a PUT fails it puts the old contents back
(or deletes a graph that was not there). Only if that restoring fails too does the error list the
graphs left replaced, with the saved copies and the commands that undo it.

Credentials (HTTP Basic or Digest, whichever the server asks for) come from the options, the
environment (``KOMMGRAPH_USER``, ``KOMMGRAPH_PASSWORD``) or ``~/.netrc``; they are never printed.
Graphs are sent as N-Triples, lines sorted, so the same data gives the same request bodies.
"""

from __future__ import annotations

import netrc
import os
import re
import tempfile
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from kommgraph.core.errors import EndpointError
from kommgraph.query.engines import USER_AGENT
from kommgraph.query.remote import endpoint_error
from kommgraph.store.derive import INDEX_GRAPH
from kommgraph.store.load import Loaded, graph_order

PUSH_TIMEOUT = 120.0
N_TRIPLES = "application/n-triples"
USER_VARIABLE = "KOMMGRAPH_USER"
PASSWORD_VARIABLE = "KOMMGRAPH_PASSWORD"
GSP_HINT = (
    "give the server's Graph Store Protocol URL, e.g. http://HOST:7878/store (Oxigraph), "
    "http://HOST:8890/sparql-graph-crud (Virtuoso) or http://HOST:3030/DATASET/data (Fuseki)"
)
VIRTUOSO_GRANT = (
    "Virtuoso lets the anonymous SPARQL user read only: as dba, run "
    "`isql-vt 1111 dba PASSWORD exec='GRANT SPARQL_UPDATE TO \"SPARQL\";'`, "
    "or push with --user to the authenticated endpoint http://HOST:8890/sparql-graph-crud-auth (HTTP Digest)"
)

NO_DEFAULT_GRAPH = (
    "this server has no default graph of its own (Virtuoso): push without --with-default-graph; "
    "`query --endpoint` names the kommgraph graphs and does not need it"
)


class PushError(EndpointError):
    """A push that failed; the message says what the server holds now."""


@dataclass(frozen=True)
class Credentials:
    user: str
    password: str = field(repr=False)

    def __repr__(self) -> str:
        return f"Credentials(user={self.user!r}, password=***)"


@dataclass(frozen=True)
class Pushed:
    graph: str | None  # None: the default graph
    triples: int
    status: int

    @property
    def label(self) -> str:
        return self.graph or "(default graph)"


@dataclass(frozen=True)
class Previous:
    """A graph as it was on the server before the push: its body, or None when it did not exist."""

    graph: str | None
    body: bytes | None
    content_type: str = N_TRIPLES


def owned_graphs(loaded: Loaded) -> list[str]:
    """The named graphs kommgraph owns, in dataset order: ontology, reference, each source, derived,
    and the index graph where the store has one (stored queries read it; a release does not hold it)."""
    index = [INDEX_GRAPH] if loaded.store.contains_named_graph(ox.NamedNode(INDEX_GRAPH)) else []
    return [*graph_order(loaded), *index]


def ntriples(store: ox.Store, graph: str | None) -> tuple[bytes, int]:
    """One graph of the store (None: the default graph) as sorted N-Triples, and its number of triples."""
    graph_name = ox.DefaultGraph() if graph is None else ox.NamedNode(graph)
    triples = [
        ox.Triple(q.subject, q.predicate, q.object)
        for q in store.quads_for_pattern(None, None, None, graph_name)
    ]
    text = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES).decode("utf-8") if triples else ""
    lines = sorted(line for line in text.splitlines() if line)
    return ("".join(line + "\n" for line in lines)).encode("utf-8"), len(lines)


def graph_store_url(endpoint: str, graph: str | None) -> str:
    """The URL of one graph: ``ENDPOINT?graph=IRI`` (indirect identification) or ``ENDPOINT?default``."""
    separator = "&" if "?" in endpoint else "?"
    query = "default" if graph is None else "graph=" + urllib.parse.quote(graph, safe="")
    return endpoint + separator + query


# ---- credentials -----------------------------------------------------------------------------------


def split_userinfo(endpoint: str) -> tuple[str, Credentials | None]:
    """``http://user:secret@host/store`` → (``http://host/store``, its credentials)."""
    parts = urllib.parse.urlsplit(endpoint)
    if parts.username is None:
        return endpoint, None
    host = parts.hostname or ""
    netloc = f"[{host}]" if ":" in host else host
    if parts.port:
        netloc += f":{parts.port}"
    bare = urllib.parse.urlunsplit(parts._replace(netloc=netloc))
    user = urllib.parse.unquote(parts.username)
    return bare, Credentials(user, urllib.parse.unquote(parts.password or ""))


def find_credentials(
    endpoint: str,
    user: str | None = None,
    password: str | None = None,
    environ: Mapping[str, str] | None = None,
    netrc_file: str | Path | None = None,
) -> Credentials | None:
    """Credentials for ``endpoint``: the options, else the environment, else the host's .netrc entry.

    A user without a password takes the password from ``KOMMGRAPH_PASSWORD`` or .netrc.
    """
    environ = os.environ if environ is None else environ
    user = user or environ.get(USER_VARIABLE) or None
    password = password if password is not None else environ.get(PASSWORD_VARIABLE)
    entry = _netrc_entry(urllib.parse.urlsplit(endpoint).hostname or "", netrc_file)
    if user is None and entry is not None:
        return Credentials(entry[0], entry[1])
    if user is None:
        return None
    if password is None and entry is not None and entry[0] == user:
        password = entry[1]
    if password is None:
        raise EndpointError(
            f"a user ({user}) but no password: give --password, set {PASSWORD_VARIABLE} "
            "or add the host to ~/.netrc"
        )
    return Credentials(user, password)


def _netrc_entry(host: str, netrc_file: str | Path | None) -> tuple[str, str] | None:
    path = Path(netrc_file) if netrc_file else Path(os.environ.get("NETRC", Path.home() / ".netrc"))
    if not host or not path.is_file():
        return None
    try:
        found = netrc.netrc(str(path)).authenticators(host)
    except (netrc.NetrcParseError, OSError) as exc:
        raise EndpointError(f"{path}: cannot read it: {exc}") from None
    if not found:
        return None
    login, _, secret = found
    return (login, secret or "") if login else None


class _ClosingBasic(urllib.request.HTTPBasicAuthHandler):
    """urllib leaves the first 401 response open when it retries with credentials; close it first."""

    def http_error_401(self, req, fp, code, msg, headers):
        fp.close()
        return super().http_error_401(req, fp, code, msg, headers)


class _ClosingDigest(urllib.request.HTTPDigestAuthHandler):
    def http_error_401(self, req, fp, code, msg, headers):
        fp.close()
        return super().http_error_401(req, fp, code, msg, headers)


def opener(endpoint: str, credentials: Credentials | None) -> urllib.request.OpenerDirector:
    """An HTTP opener that answers a Basic or a Digest challenge with ``credentials``."""
    if credentials is None:
        return urllib.request.build_opener()
    passwords = urllib.request.HTTPPasswordMgrWithDefaultRealm()
    passwords.add_password(None, endpoint, credentials.user, credentials.password)
    return urllib.request.build_opener(_ClosingBasic(passwords), _ClosingDigest(passwords))


# ---- one request -----------------------------------------------------------------------------------


class GraphStore:
    """The Graph Store Protocol endpoint of one server, with credentials if it wants them."""

    def __init__(self, endpoint: str, credentials: Credentials | None = None, timeout: float = PUSH_TIMEOUT):
        if not endpoint.startswith(("http://", "https://")):
            raise EndpointError(f"endpoint must be an http:// or https:// URL; got {endpoint!r}")
        self.endpoint, in_url = split_userinfo(endpoint)
        self.credentials = credentials or in_url
        self.timeout = timeout

    def _request(self, method: str, graph: str | None, body: bytes | None = None, content_type: str = ""):
        headers = {"User-Agent": USER_AGENT}
        if content_type:
            headers["Content-Type"] = content_type
        if method == "GET":
            headers["Accept"] = N_TRIPLES
        request = urllib.request.Request(
            graph_store_url(self.endpoint, graph), data=body, method=method, headers=headers
        )
        # a new opener each time: urllib's Digest handler counts retries across requests and never resets
        # the count when the authenticated answer is an error (a 404 for a graph not there yet)
        return opener(self.endpoint, self.credentials).open(request, timeout=self.timeout)

    def read(self, graph: str | None) -> Previous:
        """The graph as it is now (body None: the server has no such graph)."""
        try:
            with self._request("GET", graph) as response:
                content_type = response.headers.get("Content-Type", N_TRIPLES).split(";")[0].strip()
                return Previous(graph, response.read(), content_type or N_TRIPLES)
        except urllib.error.HTTPError as exc:
            if exc.code == 404:
                exc.close()
                return Previous(graph, None)
            raise self.refusal(exc, "read") from exc
        except Exception as exc:  # noqa: BLE001 - mapped to one error type with a clear message
            raise self.refusal(exc, "read") from exc

    def put(self, graph: str | None, body: bytes, content_type: str = N_TRIPLES) -> int:
        try:
            with self._request("PUT", graph, body, content_type) as response:
                return response.status
        except Exception as exc:  # noqa: BLE001
            raise self.refusal(exc, "write") from exc

    def delete(self, graph: str | None) -> int:
        try:
            with self._request("DELETE", graph) as response:
                return response.status
        except urllib.error.HTTPError as exc:
            if exc.code == 404:
                exc.close()
                return 404
            raise self.refusal(exc, "delete") from exc
        except Exception as exc:  # noqa: BLE001
            raise self.refusal(exc, "delete") from exc

    def restore(self, previous: Previous) -> None:
        if previous.body is None:
            self.delete(previous.graph)
        else:
            self.put(previous.graph, previous.body, previous.content_type)

    def refusal(self, exc: BaseException, action: str) -> EndpointError:
        """The server's refusal in words, with what to do about it (the response is closed)."""
        try:
            return self._refusal(exc, action)
        finally:
            if isinstance(exc, urllib.error.HTTPError):
                exc.close()

    def _refusal(self, exc: BaseException, action: str) -> EndpointError:
        error = endpoint_error(exc, self.endpoint, self.timeout)
        if not isinstance(exc, urllib.error.HTTPError):
            return error
        body = str(error)
        if exc.code == 401:
            if self.credentials is None:
                hint = (
                    f"the server wants credentials: give --user (and --password, or set {USER_VARIABLE} "
                    f"and {PASSWORD_VARIABLE}, or add the host to ~/.netrc)"
                )
            else:
                hint = f"the server refused the credentials of user {self.credentials.user!r}"
            return EndpointError(f"{self.endpoint}: cannot {action}: {hint}")
        if re.search(r"not configured to have default graph", body):
            return EndpointError(f"{body}; {NO_DEFAULT_GRAPH}")
        if exc.code == 403 and re.search(r"SECURITY|Permission denied|SR186", body):
            return EndpointError(f"{body}; {VIRTUOSO_GRANT}")
        if exc.code == 403:
            return EndpointError(f"{body}; the server does not let this user {action} graphs (read-only?)")
        if exc.code in (400, 404, 405) and action != "delete":
            return EndpointError(f"{body}; {GSP_HINT}")
        if exc.code == 413:
            return EndpointError(f"{body}; the graph is larger than the server accepts in one request")
        return error


def put_graph(endpoint: str, graph: str | None, body: bytes, timeout: float = PUSH_TIMEOUT) -> int:
    """Replace one graph on the server; the HTTP status (200, 201 or 204), or an EndpointError."""
    return GraphStore(endpoint, timeout=timeout).put(graph, body)


# ---- the push --------------------------------------------------------------------------------------


def push(
    loaded: Loaded,
    endpoint: str,
    *,
    with_default_graph: bool = False,
    timeout: float = PUSH_TIMEOUT,
    progress=None,
    credentials: Credentials | None = None,
) -> list[Pushed]:
    """PUT every owned graph (and, if asked, the merged default graph) to the graph store ``endpoint``.

    All or nothing as far as the protocol allows: see the module docstring.
    """
    store = GraphStore(endpoint, credentials, timeout)
    targets: list[str | None] = list(owned_graphs(loaded))
    if with_default_graph:
        targets.append(None)
    bodies = {graph: ntriples(loaded.store, graph) for graph in targets}
    try:
        saved = [store.read(graph) for graph in targets]
    except EndpointError as exc:
        raise PushError(f"{exc}\nnothing was written (push reads each graph before replacing it)") from exc
    pushed: list[Pushed] = []
    for previous in saved:
        body, count = bodies[previous.graph]
        try:
            status = store.put(previous.graph, body)
        except EndpointError as exc:
            raise PushError(_undo(store, saved[: len(pushed)], previous.graph, exc)) from exc
        pushed.append(Pushed(previous.graph, count, status))
        if progress is not None:
            progress(pushed[-1])
    return pushed


def _label(graph: str | None) -> str:
    return graph or "(default graph)"


def _undo(store: GraphStore, replaced: list[Previous], failed: str | None, error: EndpointError) -> str:
    """Put the replaced graphs back; the message for the failed push says whether that worked."""
    head = f"{error}\npush stopped at {_label(failed)}"
    if not replaced:
        return head + "; nothing was written"
    left: list[Previous] = []
    problem = None
    for previous in reversed(replaced):
        if problem is None:
            try:
                store.restore(previous)
                continue
            except EndpointError as exc:
                problem = exc
        left.append(previous)
    if problem is None:
        return head + f"; the {len(replaced)} graphs written before it were restored: the server is as before"
    backup = Path(tempfile.mkdtemp(prefix="kommgraph-push-undo-"))
    lines = [head + f"; restoring the graphs written before it failed too: {problem}", "left replaced:"]
    for number, previous in enumerate(reversed(left), 1):
        url = graph_store_url(store.endpoint, previous.graph)
        if previous.body is None:
            lines.append(f"  {_label(previous.graph)} (new): undo with  curl -X DELETE '{url}'")
            continue
        saved = backup / f"{number:02d}.nt"
        saved.write_bytes(previous.body)
        lines.append(
            f"  {_label(previous.graph)}: undo with  curl -X PUT -H 'Content-Type: {previous.content_type}' "
            f"--data-binary @{saved} '{url}'"
        )
    if store.credentials is not None:
        lines.append(f"  (add your credentials to curl: --digest or --basic -u {store.credentials.user})")
    return "\n".join(lines)
