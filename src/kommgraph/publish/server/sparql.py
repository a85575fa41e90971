"""The SPARQL 1.1 Protocol at ``/sparql``: requests parsed and checked, then answered by the worker pool.

Every parameter is checked before a worker sees it: exactly one ``query``; ``default-graph-uri`` and
``named-graph-uri`` absolute IRIs (else 400); ``format`` one of json, xml, csv, tsv (else 400); updates
refused (403); SERVICE, LOAD and FROM other servers refused (400, :mod:`kommgraph.query.guard`). A GET
without a query answers the query page (browsers) or the service description.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass
from urllib.parse import parse_qs

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response

from kommgraph.core import media
from kommgraph.publish.server import negotiation
from kommgraph.publish.server.negotiation import error, vary
from kommgraph.publish.server.querypage import query_page, results_table, service_description
from kommgraph.publish.server.workers import Busy, Job, QueryTimeout, WorkerPool
from kommgraph.query import guard

UPDATE_MEDIA_TYPE = "application/sparql-update"
QUERY_MEDIA_TYPE = "application/sparql-query"
FORM_MEDIA_TYPE = "application/x-www-form-urlencoded"
# ``format`` (as SPARQLWrapper and Fuseki send it): a results format, or a graph format for CONSTRUCT
FORMAT_PARAMETER = {
    "json": media.SPARQL_JSON,
    "xml": media.SPARQL_XML,
    "csv": media.SPARQL_CSV,
    "tsv": media.SPARQL_TSV,
}
GRAPH_FORMAT_PARAMETER = {
    "turtle": media.TURTLE,
    "n3": media.TURTLE,
    "nt": media.NTRIPLES,
    "ntriples": media.NTRIPLES,
    "json-ld": media.JSONLD,
    "jsonld": media.JSONLD,
    "rdf+xml": negotiation.RDF_XML,
    "rdfxml": negotiation.RDF_XML,
}
# an absolute IRI without spaces or the characters RFC 3987 excludes
_IRI = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>\"{}|\\^`\x00-\x1f]*$")
MAX_GRAPH_PARAMETERS = 100


class BadRequest(ValueError):
    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status


@dataclass
class Protocol:
    """The SPARQL endpoint of one server."""

    pool: WorkerPool
    local_prefixes: tuple[str, ...] = ()

    async def handle(self, request: Request) -> Response:
        arrived = request.scope.get("kommgraph.arrived", time.monotonic())
        try:
            params, query = await self.read(request)
        except BadRequest as exc:
            return error(request, exc.status, str(exc))
        if query is None:
            return self.describe(request)
        try:
            job, results_kind = self.job(request, params, query)
        except BadRequest as exc:
            return error(request, exc.status, str(exc))
        reply = await self.run(request, job, arrived)
        if isinstance(reply, Response):
            return reply
        if reply[0] == "ok":
            if results_kind is media.HTML and reply[2] == "json":
                page = await run_in_threadpool(
                    results_table,
                    reply[1],
                    query,
                    endpoint(request),
                    negotiation.root_path(request),
                    self.pool.timeout,
                    self.pool.max_rows,
                )
                return vary(HTMLResponse(page))
            kind = negotiation.by_name(
                reply[2], (*media.SPARQL_RESULT_TYPES, *negotiation.SPARQL_GRAPH_TYPES)
            )
            return vary(Response(reply[1], media_type=kind.content_type))
        return self.failure(request, reply, query)

    async def run(self, request: Request, job: Job, arrived: float) -> tuple | Response:
        """The worker's reply, or the answer when the query is refused (400), the limit passed or the
        queue is full (503)."""
        retry = {"Retry-After": str(self.pool.retry_after)}
        try:
            return await run_in_threadpool(self.guarded_run, job, arrived)
        except guard.OutboundRequestRefused as exc:
            return error(request, 400, str(exc))
        except QueryTimeout as exc:
            return error(request, 503, str(exc), retry)
        except Busy as exc:
            return error(request, 503, str(exc), retry)

    def guarded_run(self, job: Job, arrived: float) -> tuple:
        """In a thread (reading a long query takes time): no SERVICE, LOAD or remote FROM, then the pool."""
        guard.check(job.query, allow=(), local_prefixes=self.local_prefixes)
        return self.pool.run(job, arrived)

    def failure(self, request: Request, reply: tuple, query: str) -> Response:
        kind, message = reply[0], reply[1]
        if kind == "not-acceptable":
            offered = media.SPARQL_RESULT_TYPES if message == "results" else negotiation.SPARQL_GRAPH_TYPES
            return negotiation.not_acceptable(request, offered)
        if kind == "syntax" and looks_like_update(query):
            return refuse_update(request)
        status = {"syntax": 400, "too-large": 413}.get(kind, 500)
        return error(request, status, message)

    async def read(self, request: Request) -> tuple[dict[str, list[str]], str | None]:
        """The protocol parameters (checked names) and the query text, or None for a bare GET."""
        params = _parse(request.url.query)
        query = None
        if request.method == "POST":
            content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
            body = (await request.body()).decode("utf-8", errors="replace")
            if content_type == UPDATE_MEDIA_TYPE:
                raise BadRequest(403, READ_ONLY)
            if content_type == FORM_MEDIA_TYPE:
                form = _parse(body)
                params = {key: params.get(key, []) + form.get(key, []) for key in {*params, *form}}
            elif content_type == QUERY_MEDIA_TYPE:
                query = body
            else:
                raise BadRequest(415, f"send {QUERY_MEDIA_TYPE} or {FORM_MEDIA_TYPE}")
        if "update" in params:
            raise BadRequest(403, READ_ONLY)
        values = params.get("query", [])
        if query is not None and values:
            raise BadRequest(400, "give the query either as the request body or as 'query', not both")
        if query is None:
            if len(values) > 1:
                raise BadRequest(400, "give exactly one 'query' parameter")
            if not values and request.method == "POST":
                raise BadRequest(400, "give exactly one 'query' parameter")
            query = values[0] if values else None
        if query is not None and not query.strip():
            raise BadRequest(400, "the query is empty")
        return params, query

    def job(self, request: Request, params: dict[str, list[str]], query: str) -> tuple[Job, media.MediaType]:
        default_graphs = graph_iris(params, "default-graph-uri")
        named_graphs = graph_iris(params, "named-graph-uri")
        results = negotiation.negotiate(request, negotiation.SPARQL_RESULT_TYPES)
        graphs = negotiation.negotiate(request, negotiation.SPARQL_GRAPH_TYPES)
        formats = [f for f in params.get("format", []) if f]
        if len(set(formats)) > 1:
            raise BadRequest(400, "give at most one 'format'")
        if formats and formats[0] in FORMAT_PARAMETER:
            results = FORMAT_PARAMETER[formats[0]]
        elif formats and formats[0] in GRAPH_FORMAT_PARAMETER:
            graphs = GRAPH_FORMAT_PARAMETER[formats[0]]
        elif formats:
            names = ", ".join([*FORMAT_PARAMETER, *GRAPH_FORMAT_PARAMETER])
            raise BadRequest(400, f"'format' must be one of {names}; got {formats[0]!r}")
        results_name = None if results is None else ("json" if results is media.HTML else results.name)
        job = Job(query, default_graphs, named_graphs, results_name, graphs.name if graphs else None)
        return job, results

    def describe(self, request: Request) -> Response:
        kind = negotiation.negotiate(request, negotiation.DESCRIPTION_TYPES)
        if kind is None:
            return negotiation.not_acceptable(request, negotiation.DESCRIPTION_TYPES)
        if kind is media.HTML and negotiation.wants_html(request):
            page = query_page(
                endpoint(request), negotiation.root_path(request), self.pool.timeout, self.pool.max_rows
            )
            return vary(HTMLResponse(page))
        if kind is media.HTML:
            kind = media.TURTLE
        return vary(Response(service_description(endpoint(request), kind), media_type=kind.content_type))


def graph_iris(params: dict[str, list[str]], name: str) -> tuple[str, ...]:
    values = params.get(name, [])
    if len(values) > MAX_GRAPH_PARAMETERS:
        raise BadRequest(400, f"at most {MAX_GRAPH_PARAMETERS} '{name}' parameters")
    for value in values:
        if not _IRI.match(value):
            raise BadRequest(400, f"'{name}' must be an absolute IRI; got {value!r}")
    return tuple(values)


def _parse(text: str) -> dict[str, list[str]]:
    try:
        return parse_qs(text, keep_blank_values=True, strict_parsing=False, errors="strict")
    except UnicodeDecodeError as exc:
        raise BadRequest(400, "parameters must be UTF-8") from exc


def endpoint(request: Request) -> str:
    return str(request.base_url) + "sparql"


READ_ONLY = "this endpoint is read-only; SPARQL updates are refused"


def refuse_update(request: Request) -> Response:
    return error(request, 403, READ_ONLY)


def looks_like_update(query: str) -> bool:
    words = {"INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH"}
    lines = [line for line in query.splitlines() if not line.lstrip().startswith("#")]
    tokens = " ".join(lines).replace("{", " ").split()
    return any(token.upper() in words for token in tokens if not token.startswith(("?", "<", '"', "'")))
