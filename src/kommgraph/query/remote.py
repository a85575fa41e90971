"""The remote engine: stored queries against any SPARQL 1.1 query endpoint, with the embedded rows.

A server as it comes (``oxigraph serve`` without flags, Virtuoso, Fuseki) has its own idea of the
default graph: empty, the union of all graphs, or whatever was loaded into it. The embedded store
queries the merge of the kommgraph graphs as default graph and keeps them as named graphs for GRAPH
patterns. So the remote engine states that dataset in every request, by the protocol's
``default-graph-uri`` and ``named-graph-uri`` parameters:

- ``default_graphs``/``named_graphs`` given: exactly those (``named_graphs`` default to the default ones,
  so that GRAPH patterns still find them);
- otherwise the kommgraph graphs on the server (IRIs under ``GRAPH_BASE``), asked once per engine;
  a server without any of them is queried with its own default dataset;
- ``server_dataset=True``, or a query with its own ``FROM``/``FROM NAMED``: no dataset is sent.

Oxigraph merges several default graphs with bag semantics (a triple in two graphs counts twice), so
an ad-hoc ``COUNT(*)`` may differ from the embedded store; the stored queries are DISTINCT or grouped
over distinct values and give the same rows.

Every stored query is ``SELECT DISTINCT`` or grouped; the rows of a ``SELECT DISTINCT`` are made
distinct again here, because Virtuoso 7.2 repeats rows when the default graph stacks the same triple
from several graphs.
"""

from __future__ import annotations

import ast
import re
import socket
import urllib.error
from collections.abc import Mapping, Sequence

from rdflib import BNode, Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Node

from kommgraph.core.errors import EndpointError, QueryError
from kommgraph.core.vocab import KGID
from kommgraph.query.binding import bind
from kommgraph.query.engines import DEFAULT_TIMEOUT, GET_LIMIT, USER_AGENT
from kommgraph.query.guard import refuse_network
from kommgraph.query.result import Result
from kommgraph.store.derive import INDEX_GRAPH

GRAPH_BASE = str(KGID) + "graph/"
GRAPHS_QUERY = (
    "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } "
    f'FILTER(STRSTARTS(STR(?g), "{GRAPH_BASE}")) }} ORDER BY ?g'
)
_COMMENT = re.compile(r"#[^\n]*")
_FROM = re.compile(r"\bFROM\s+(NAMED\s+)?<", re.IGNORECASE)
_SELECT_DISTINCT = re.compile(r"\bSELECT\s+(DISTINCT|REDUCED)\b", re.IGNORECASE)


class RemoteEngine:
    """A SPARQL 1.1 query endpoint, e.g. ``http://127.0.0.1:7878/query`` (Oxigraph),
    ``http://localhost:8890/sparql`` (Virtuoso) or ``http://localhost:3030/ds/query`` (Fuseki).

    See the module docstring for the dataset each query is sent with.
    """

    name = "remote"

    def __init__(
        self,
        endpoint: str,
        timeout: float = DEFAULT_TIMEOUT,
        default_graphs: Sequence[str] = (),
        named_graphs: Sequence[str] = (),
        server_dataset: bool = False,
    ):
        if not endpoint.startswith(("http://", "https://")):
            raise EndpointError(f"endpoint must be an http:// or https:// URL; got {endpoint!r}")
        self.endpoint = endpoint
        self.timeout = timeout
        self.default_graphs = tuple(default_graphs)
        self.named_graphs = tuple(named_graphs) or self.default_graphs
        self.server_dataset = server_dataset
        self._discovered: tuple[str, ...] | None = None

    def dataset(self) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """The default and named graphs sent with each query (both empty: the server's own dataset)."""
        if self.server_dataset:
            return (), ()
        if self.default_graphs or self.named_graphs:
            return self.default_graphs, self.named_graphs
        if self._discovered is None:
            result = self._send(GRAPHS_QUERY, with_dataset=False)
            self._discovered = tuple(str(row[0]) for row in result.rows if isinstance(row[0], URIRef))
        return self._discovered, self._discovered

    def holds_index(self) -> bool:
        """Whether the endpoint's data holds the index graph (``kommgraph push`` sends it along)."""
        _, named = self.dataset()
        if named:
            return INDEX_GRAPH in named
        probe = f"SELECT ?s WHERE {{ GRAPH <{INDEX_GRAPH}> {{ ?s ?p ?o }} }} LIMIT 1"
        return bool(self._send(probe, with_dataset=False).rows)

    def select(self, text: str, bindings: Mapping[str, Node] | None = None) -> Result:
        text = refuse_network(bind(text, bindings))
        result = self._send(text, with_dataset=not states_own_dataset(text))
        if _SELECT_DISTINCT.search(_COMMENT.sub("", text)):
            result.rows = list(dict.fromkeys(result.rows))
        return result

    def _send(self, text: str, with_dataset: bool) -> Result:
        from SPARQLWrapper import GET, JSON, POST, SELECT, SPARQLWrapper

        client = SPARQLWrapper(self.endpoint, agent=USER_AGENT)
        client.setQuery(text)
        if client.queryType != SELECT:
            raise QueryError(f"expected a SELECT query, got {client.queryType}")
        default, named = self.dataset() if with_dataset else ((), ())
        client.setReturnFormat(JSON)
        # setTimeout() truncates to whole seconds, and 0 means no timeout at all: set the float directly
        client.timeout = self.timeout
        for graph in default:
            client.addParameter("default-graph-uri", graph)
        for graph in named:
            client.addParameter("named-graph-uri", graph)
        size = len(text.encode("utf-8")) * 3 + sum(len(g) * 3 + 20 for g in (*default, *named))
        client.setMethod(POST if size > GET_LIMIT else GET)
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


def states_own_dataset(text: str) -> bool:
    """Whether the query names its dataset with FROM or FROM NAMED (then no protocol dataset is sent)."""
    return bool(_FROM.search(_COMMENT.sub("", text)))


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
    body = _text_of(body)
    if len(body) > 300:
        body = body[:300] + "…"
    hint = {
        404: " (check the endpoint URL)",
        401: " (the server wants credentials)",
        405: " (the server does not allow this method here)",
    }.get(code, "")
    return f"{url}: HTTP {code}{' ' + str(reason) if reason else ''}{hint}" + (f": {body}" if body else "")


def _text_of(body: str) -> str:
    """The words of an error body; an HTML page (Virtuoso's) without its markup."""
    if "<" in body and re.search(r"<(html|body|h1|xmp|!DOCTYPE)\b", body, re.IGNORECASE):
        body = re.sub(r"<title>.*?</title>", " ", body, flags=re.IGNORECASE | re.DOTALL)
        body = re.sub(r"<[^>]+>", " ", body)
    return " ".join(body.split())


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


# The round trip as docs/queries.md documents it (catalogue.reference_markdown appends it).
ROUND_TRIP_MARKDOWN = """\
## Round trip: push, then query --endpoint

Any SPARQL 1.1 server works as it comes, without flags; the tests run this round trip against a plain
`oxigraph serve` and against Virtuoso 7.2 (Debian's `virtuoso-opensource`) for every stored query:

```sh
oxigraph serve --location /tmp/kommgraph-store --bind 127.0.0.1:7878 &
kommgraph push --endpoint http://127.0.0.1:7878/store
kommgraph query replaced-units --endpoint http://127.0.0.1:7878/query   # the embedded rows
```

- `push` replaces each kommgraph graph (ontology, reference, one per source, derived) by an HTTP PUT of
  the Graph Store Protocol and leaves every other graph alone. It reads each graph first: if a PUT
  fails, it puts back what it replaced (or, if that fails too, prints the saved copies and the `curl`
  commands that undo it). Credentials: `--user` and `--password`, or `KOMMGRAPH_USER` and
  `KOMMGRAPH_PASSWORD`, or `~/.netrc`; HTTP Basic or Digest, as the server asks; never printed.
- `query --endpoint` asks the server once for the graphs under `https://w3id.org/kommgraph/id/graph/`
  and sends them with every query as `default-graph-uri` (their merge is the default graph, as in the
  embedded store) and `named-graph-uri` (for the GRAPH patterns of `conflicts`). `--default-graph` and
  `--named-graph` name other graphs; a query with its own `FROM` keeps it. An ad-hoc `COUNT(*)` can
  differ from the embedded store where a server merges graphs as a bag (Oxigraph); the stored queries
  are DISTINCT or grouped and give the same rows.

Virtuoso lets the anonymous SPARQL user only read. Push as `dba` to the authenticated endpoint
(HTTP Digest), or grant anonymous writes on a server of your own:

```sh
KOMMGRAPH_PASSWORD=dba kommgraph push --endpoint http://127.0.0.1:8890/sparql-graph-crud-auth --user dba
isql-vt 1111 dba dba exec='GRANT SPARQL_UPDATE TO "SPARQL";'   # then --endpoint .../sparql-graph-crud
kommgraph query conflicts --endpoint http://127.0.0.1:8890/sparql
```

Fuseki: push to `http://HOST:3030/DATASET/data`, query `http://HOST:3030/DATASET/query`.
"""
