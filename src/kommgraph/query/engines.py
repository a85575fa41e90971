"""Query engines behind one interface: ``select(text, bindings) -> Result`` with rdflib terms in the rows.

Three engines give the same rows for every stored query (``tests/query`` proves it):

- ``OxigraphEngine``: the embedded pyoxigraph store, the default.
- ``RdflibEngine``: rdflib's own SPARQL engine over an rdflib Dataset whose default graph is the set
  merge of the data.
- ``RemoteEngine``: any SPARQL 1.1 endpoint through SPARQLWrapper (JSON results, POST for long queries,
  a timeout, the user agent ``kommgraph/<version>``).

All three bind parameters the same way, through :func:`kommgraph.query.binding.bind` (a ``VALUES``
block of checked, serialised terms): one binding path, so a value behaves alike on every engine.

``bindings`` maps a variable name (without ``?``) to an rdflib term, as made by
``StoredQuery.bindings``; the terms are checked there.
"""

from __future__ import annotations

import ast
import socket
import urllib.error
import warnings
from collections.abc import Mapping, Sequence
from typing import Protocol

import pyoxigraph as ox
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Node

from kommgraph.core.errors import EndpointError, QueryError
from kommgraph.core.version import __version__
from kommgraph.query.binding import bind
from kommgraph.query.guard import refuse_network
from kommgraph.query.result import Result
from kommgraph.store.terms import to_rdflib

USER_AGENT = f"kommgraph/{__version__} (+https://w3id.org/kommgraph; SPARQLWrapper)"
DEFAULT_TIMEOUT = 30.0
# Longer queries (URL-encoded) are sent by POST: many servers and proxies refuse URLs above 8 KB.
GET_LIMIT = 2000


class Engine(Protocol):
    name: str

    def select(self, text: str, bindings: Mapping[str, Node] | None = None) -> Result: ...


class OxigraphEngine:
    """Queries an in-memory pyoxigraph store whose default graph is the merge of its named graphs
    (see ``kommgraph.store.dataset.merge_into_default``)."""

    name = "oxigraph"

    def __init__(self, store: ox.Store):
        self.store = store

    def select(self, text: str, bindings: Mapping[str, Node] | None = None) -> Result:
        text = refuse_network(bind(text, bindings))
        try:
            solutions = self.store.query(text)
        except SyntaxError as exc:
            raise QueryError(f"query syntax: {exc.msg}") from exc
        except OSError as exc:
            raise QueryError(str(exc)) from exc
        if not isinstance(solutions, ox.QuerySolutions):
            raise QueryError("expected a SELECT query")
        variables = [v.value for v in solutions.variables]
        rows = [tuple(to_rdflib(solution[v]) for v in variables) for solution in solutions]
        return Result(variables, rows)


class RdflibEngine:
    """rdflib's SPARQL engine over a Graph or Dataset.

    Use ``RdflibEngine.from_store(store)`` for the kommgraph data: its default graph is the set merge
    of every named graph (as in the embedded Oxigraph store), and the named graphs are kept for GRAPH
    patterns. rdflib's engine is slow on large data: it is here for parity checks and small graphs.
    """

    name = "rdflib"

    def __init__(self, graph: Graph):
        self.graph = graph

    @classmethod
    def from_store(cls, store: ox.Store) -> RdflibEngine:
        dataset = Dataset()
        # rdflib 7.6 renamed default_context to default_graph (and deprecates the old name)
        default = dataset.default_graph if hasattr(Dataset, "default_graph") else dataset.default_context
        graphs: dict[str, Graph] = {}
        quads = []
        for quad in store:
            if isinstance(quad.graph_name, ox.DefaultGraph):
                graph = default
            else:
                name = quad.graph_name.value
                graph = graphs.get(name) or graphs.setdefault(name, dataset.graph(URIRef(name)))
            quads.append((to_rdflib(quad.subject), to_rdflib(quad.predicate), to_rdflib(quad.object), graph))
        dataset.addN(quads)
        return cls(dataset)

    def select(self, text: str, bindings: Mapping[str, Node] | None = None) -> Result:
        with warnings.catch_warnings():
            # rdflib 7.6's own GRAPH evaluation still calls Dataset.default_context/.contexts it deprecates
            warnings.filterwarnings("ignore", r"Dataset\.\w+ is deprecated", DeprecationWarning)
            try:
                result = self.graph.query(refuse_network(bind(text, bindings)))
                if result.type != "SELECT":
                    raise QueryError("expected a SELECT query")
                rows = [tuple(row) for row in result]  # rdflib evaluates lazily
            except QueryError:
                raise
            except Exception as exc:  # noqa: BLE001 - rdflib raises pyparsing and plain exceptions alike
                raise QueryError(f"query: {type(exc).__name__}: {exc}") from exc
        return Result([str(v) for v in result.vars], rows)


class RemoteEngine:
    """A SPARQL 1.1 query endpoint, e.g. ``http://127.0.0.1:7878/query`` (Oxigraph) or
    ``http://localhost:3030/ds/query`` (Fuseki).

    The server's default graph is queried unless ``default_graphs`` are given (sent as
    ``default-graph-uri``). For the same rows as the embedded store, the default graph should be the
    set merge of the kommgraph graphs (``kommgraph push --with-default-graph``) or the server's union
    of named graphs: every stored query is SELECT DISTINCT, so a union with bag semantics (Oxigraph's
    ``--union-default-graph``) gives the same rows too.
    """

    name = "remote"

    def __init__(self, endpoint: str, timeout: float = DEFAULT_TIMEOUT, default_graphs: Sequence[str] = ()):
        if not endpoint.startswith(("http://", "https://")):
            raise EndpointError(f"endpoint must be an http:// or https:// URL; got {endpoint!r}")
        self.endpoint = endpoint
        self.timeout = timeout
        self.default_graphs = tuple(default_graphs)

    def select(self, text: str, bindings: Mapping[str, Node] | None = None) -> Result:
        from SPARQLWrapper import GET, JSON, POST, SELECT, SPARQLWrapper

        text = refuse_network(bind(text, bindings))
        client = SPARQLWrapper(self.endpoint, agent=USER_AGENT)
        client.setQuery(text)
        if client.queryType != SELECT:
            raise QueryError(f"expected a SELECT query, got {client.queryType}")
        client.setReturnFormat(JSON)
        # setTimeout() truncates to whole seconds, and 0 means no timeout at all: set the float directly
        client.timeout = self.timeout
        for graph in self.default_graphs:
            client.addParameter("default-graph-uri", graph)
        client.setMethod(POST if len(text.encode("utf-8")) * 3 > GET_LIMIT else GET)
        try:
            data = client.queryAndConvert()
        except Exception as exc:  # noqa: BLE001 - mapped to one error type with a clear message
            raise endpoint_error(exc, self.endpoint, self.timeout) from exc
        if not isinstance(data, dict) or "head" not in data:
            raise EndpointError(f"{self.endpoint}: the answer is not SPARQL JSON results")
        variables = list(data["head"].get("vars", []))
        rows = [
            tuple(json_to_rdflib(binding.get(v)) for v in variables)
            for binding in data.get("results", {}).get("bindings", [])
        ]
        return Result(variables, rows)


def json_to_rdflib(value: dict | None) -> Node | None:
    """A term of the SPARQL 1.1 Query Results JSON Format as an rdflib term."""
    if value is None:
        return None
    kind = value.get("type")
    if kind == "uri":
        return URIRef(value["value"])
    if kind == "bnode":
        return BNode(value["value"])
    if kind in ("literal", "typed-literal"):
        if "xml:lang" in value:
            return Literal(value["value"], lang=value["xml:lang"])
        datatype = value.get("datatype")
        if datatype and datatype != str(XSD.string):
            return Literal(value["value"], datatype=URIRef(datatype))
        return Literal(value["value"])
    raise EndpointError(f"unsupported term in SPARQL JSON results: {value!r}")


_SPARQLWRAPPER_CODES = {
    "QueryBadFormed": 400,
    "Unauthorized": 401,
    "EndPointNotFound": 404,
    "URITooLong": 414,
    "EndPointInternalError": 500,
}


def endpoint_error(exc: BaseException, url: str, timeout: float) -> EndpointError:
    """One clear message for the ways an HTTP request to a SPARQL server fails."""
    if _is_timeout(exc):
        return EndpointError(f"{url} did not answer within {timeout:g} s (timeout); try a larger --timeout")
    if isinstance(exc, urllib.error.HTTPError):
        return EndpointError(_http_message(url, exc.code, exc.reason, _read_body(exc)))
    name = type(exc).__name__
    if name in _SPARQLWRAPPER_CODES:
        context = exc.__context__
        reason = getattr(context, "reason", "") if isinstance(context, urllib.error.HTTPError) else ""
        return EndpointError(_http_message(url, _SPARQLWRAPPER_CODES[name], reason, _sparqlwrapper_body(exc)))
    if isinstance(exc, urllib.error.URLError):
        reason = exc.reason
        if isinstance(reason, ConnectionRefusedError):
            return EndpointError(f"cannot connect to {url}: connection refused (is the server running?)")
        if isinstance(reason, socket.gaierror):
            return EndpointError(f"cannot connect to {url}: unknown host")
        return EndpointError(f"cannot connect to {url}: {getattr(reason, 'strerror', None) or reason}")
    if isinstance(exc, ConnectionRefusedError):
        return EndpointError(f"cannot connect to {url}: connection refused (is the server running?)")
    if isinstance(exc, OSError | ValueError):
        return EndpointError(f"{url}: {type(exc).__name__}: {exc}")
    return EndpointError(f"{url}: unexpected answer: {type(exc).__name__}: {exc}")


def _is_timeout(exc: BaseException) -> bool:
    if isinstance(exc, TimeoutError | socket.timeout):
        return True
    return isinstance(exc, urllib.error.URLError) and isinstance(exc.reason, TimeoutError | socket.timeout)


def _http_message(url: str, code: int, reason: str, body: str) -> str:
    body = " ".join(body.split())
    if len(body) > 300:
        body = body[:300] + "…"
    hint = {
        404: " (check the endpoint URL)",
        401: " (the server wants credentials)",
        405: " (the server does not allow this method here)",
    }.get(code, "")
    return f"{url}: HTTP {code}{' ' + str(reason) if reason else ''}{hint}" + (f": {body}" if body else "")


def _read_body(exc: urllib.error.HTTPError) -> str:
    try:
        return exc.read().decode("utf-8", "replace")
    except Exception:  # noqa: BLE001 - the body is only a help for the message
        return ""


def _sparqlwrapper_body(exc: BaseException) -> str:
    """SPARQLWrapper puts the response body into its message as a bytes repr."""
    message = str(exc)
    marker = "Response:\n"
    if marker not in message:
        return ""
    try:
        body = ast.literal_eval(message.split(marker, 1)[1])
    except (ValueError, SyntaxError):
        return ""
    return body.decode("utf-8", "replace") if isinstance(body, bytes) else str(body)
