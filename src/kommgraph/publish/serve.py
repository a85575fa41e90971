"""``kommgraph serve``: a read-only linked-data server (Starlette on uvicorn).

- ``/id/{path}`` answers ``303 See Other`` to the document about the resource, in the format the
  Accept header prefers (``/doc/{path}.ttl``, ``.jsonld``, ``.nt``, ``.trig`` or ``.html``), as in
  "Cool URIs for the Semantic Web" (303 URIs forwarding to different documents), with ``Vary: Accept``;
- ``/doc/{path}`` negotiates the same way and answers with ``Content-Location``; ``/doc/{path}.{ext}``
  is one format;
- ``/sparql``: SPARQL 1.1 Protocol (GET and POST, JSON/XML/CSV/TSV results, Turtle or N-Triples for
  graphs), with a time limit and a result-size limit; updates are refused;
- ``/.well-known/void`` and the release files (dumps, descriptions, ontology) at the top level.

Queries run in a separate worker process that holds a copy of the data: a query over its time limit
is stopped by ending that process (an in-process Oxigraph query cannot be interrupted), and the next
query starts a fresh worker.
"""

from __future__ import annotations

import itertools
import os
import subprocess
import sys
import threading
from contextlib import asynccontextmanager
from dataclasses import dataclass
from multiprocessing.connection import Connection
from urllib.parse import parse_qs

import pyoxigraph as ox
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import Route

from kommgraph.core import media
from kommgraph.publish import pages
from kommgraph.publish import release as publish
from kommgraph.publish.site import Site
from kommgraph.store.load import load

DEFAULT_TIMEOUT = 10.0  # seconds per SPARQL query
DEFAULT_MAX_ROWS = 10_000  # solutions or triples per SPARQL result
WORKER_START_TIMEOUT = 120.0
UPDATE_MEDIA_TYPE = "application/sparql-update"
QUERY_MEDIA_TYPE = "application/sparql-query"
FORM_MEDIA_TYPE = "application/x-www-form-urlencoded"


class QueryTimeout(RuntimeError):
    pass


# ------------------------------------------------------------------------------- the query worker


def _worker_main(read_fd: int, write_fd: int) -> None:  # pragma: no cover - runs in the child process
    """The worker's loop: receive the data, then answer queries until the pipe closes."""
    incoming = Connection(read_fd, writable=False)
    outgoing = Connection(write_fd, readable=False)
    payload, max_rows = incoming.recv()
    store = ox.Store()
    store.load(payload, format=ox.RdfFormat.N_QUADS)
    outgoing.send(("ready",))
    while True:
        try:
            message = incoming.recv()
        except EOFError:
            return
        if message is None:
            return
        outgoing.send(_answer(store, max_rows, *message))


def _answer(
    store: ox.Store,
    max_rows: int,
    query: str,
    default_graphs: list[str],
    named_graphs: list[str],
    results_format: str,
    graph_format: str,
) -> tuple:
    """``("ok", body, media-type name)`` or ``(error kind, message)``."""
    options = {}
    if default_graphs:
        options["default_graph"] = [ox.NamedNode(g) for g in default_graphs]
    if named_graphs:
        options["named_graphs"] = [ox.NamedNode(g) for g in named_graphs]
    try:
        result = store.query(query, **options)
        if isinstance(result, ox.QueryBoolean):
            kind = media.by_name(results_format, media.SPARQL_RESULT_TYPES)
            return ("ok", result.serialize(format=_results_format(kind)), kind.name)
        if isinstance(result, ox.QuerySolutions):
            kind = media.by_name(results_format, media.SPARQL_RESULT_TYPES)
            if len(list(itertools.islice(result, max_rows + 1))) > max_rows:
                return ("too-large", f"the result has more than {max_rows} rows; add a LIMIT")
            return ("ok", store.query(query, **options).serialize(format=_results_format(kind)), kind.name)
        kind = media.by_name(graph_format, media.SPARQL_GRAPH_TYPES)
        triples = list(itertools.islice(result, max_rows + 1))
        if len(triples) > max_rows:
            return ("too-large", f"the result has more than {max_rows} triples; add a LIMIT")
        fmt = ox.RdfFormat.TURTLE if kind is media.TURTLE else ox.RdfFormat.N_TRIPLES
        return ("ok", ox.serialize(triples, format=fmt), kind.name)
    except SyntaxError as exc:
        return ("syntax", f"query syntax: {exc.msg if hasattr(exc, 'msg') else exc}")
    except (OSError, ValueError, TypeError) as exc:
        return ("error", str(exc))


def _results_format(kind: media.MediaType) -> ox.QueryResultsFormat:
    return {
        "json": ox.QueryResultsFormat.JSON,
        "xml": ox.QueryResultsFormat.XML,
        "csv": ox.QueryResultsFormat.CSV,
        "tsv": ox.QueryResultsFormat.TSV,
    }[kind.name]


class QueryWorker:
    """One worker process at a time, started on the first query and ended on a timeout or at shutdown."""

    def __init__(self, store: ox.Store, timeout: float = DEFAULT_TIMEOUT, max_rows: int = DEFAULT_MAX_ROWS):
        self.timeout = timeout
        self.max_rows = max_rows
        self._payload = ox.serialize(list(store), format=ox.RdfFormat.N_QUADS)
        self._lock = threading.Lock()
        self._process: subprocess.Popen | None = None
        self._sender: Connection | None = None
        self._receiver: Connection | None = None

    def _start(self) -> None:
        """Start a worker as a plain subprocess (so no ``__main__`` module is imported again) that talks
        over two pipes."""
        to_child_read, to_child_write = os.pipe()
        from_child_read, from_child_write = os.pipe()
        code = f"from kommgraph.publish.serve import _worker_main; _worker_main({to_child_read}, {from_child_write})"
        process = subprocess.Popen(
            [sys.executable, "-c", code], pass_fds=(to_child_read, from_child_write), stdin=subprocess.DEVNULL
        )
        os.close(to_child_read)
        os.close(from_child_write)
        sender = Connection(to_child_write, readable=False)
        receiver = Connection(from_child_read, writable=False)
        sender.send((self._payload, self.max_rows))
        if not receiver.poll(WORKER_START_TIMEOUT):
            process.kill()
            process.wait()
            raise RuntimeError("the SPARQL worker did not start")
        receiver.recv()
        self._process, self._sender, self._receiver = process, sender, receiver

    def stop(self) -> None:
        with self._lock:
            self._stop()

    def _stop(self, kill: bool = False) -> None:
        if self._process is None:
            return
        if not kill:
            try:
                self._sender.send(None)
            except OSError:
                pass
            try:
                self._process.wait(timeout=2)
            except subprocess.TimeoutExpired:
                kill = True
        if kill:
            self._process.kill()
            self._process.wait()
        self._sender.close()
        self._receiver.close()
        self._process = self._sender = self._receiver = None

    def run(
        self,
        query: str,
        default_graphs: list[str],
        named_graphs: list[str],
        results_format: str,
        graph_format: str,
    ) -> tuple:
        with self._lock:
            if self._process is None or self._process.poll() is not None:
                self._stop(kill=True)
                self._start()
            self._sender.send((query, default_graphs, named_graphs, results_format, graph_format))
            if not self._receiver.poll(self.timeout):
                self._stop(kill=True)
                raise QueryTimeout(f"the query ran longer than {self.timeout:g} s and was stopped")
            return self._receiver.recv()


# ------------------------------------------------------------------------------------------ the app


@dataclass
class Settings:
    site: Site
    timeout: float = DEFAULT_TIMEOUT
    max_rows: int = DEFAULT_MAX_ROWS


def _vary(response: Response) -> Response:
    response.headers["Vary"] = "Accept"
    return response


def _not_acceptable(offered) -> Response:
    names = ", ".join(m.mime for m in offered)
    return _vary(PlainTextResponse(f"406 Not Acceptable: this resource is available as {names}\n", 406))


def create_app(
    store: ox.Store,
    site: Site | None = None,
    timeout: float = DEFAULT_TIMEOUT,
    max_rows: int = DEFAULT_MAX_ROWS,
) -> Starlette:
    """The application for a (rebased) store with every named graph merged into its default graph."""
    site = site or Site()
    worker = QueryWorker(store, timeout, max_rows)
    release_cache: dict[str, dict[str, bytes]] = {}

    def served_site(request: Request) -> Site:
        return Site(site.base, str(request.base_url))

    def endpoint(request: Request) -> str:
        return str(request.base_url) + "sparql"

    def release(request: Request) -> dict[str, bytes]:
        key = str(request.base_url)
        if key not in release_cache:
            release_cache.clear()
            release_cache[key] = publish.release_files(
                store, served_site(request), sparql_endpoint=endpoint(request)
            )
        return release_cache[key]

    def renderer(request: Request) -> pages.Pages:
        return pages.Pages(store, site, sparql_endpoint=endpoint(request))

    def document(request: Request, iri: str, kind: media.MediaType) -> Response:
        if kind is media.HTML:
            body = renderer(request).page(iri).encode("utf-8")
        else:
            body = publish.resource_document(store, site, iri, kind)
        headers = {} if kind is media.HTML else {"Access-Control-Allow-Origin": "*"}
        return Response(body, media_type=kind.content_type, headers=headers)

    async def index(request: Request) -> Response:
        return Response(renderer(request).index().encode("utf-8"), media_type=media.HTML.content_type)

    async def identifier(request: Request) -> Response:
        path = request.path_params["path"]
        iri = site.iri(path)
        if site.local(iri) is None or not publish.exists(store, iri):
            return error_page(request, 404, f"no resource {iri}")
        kind = media.negotiate(request.headers.get("accept"), media.DOCUMENT_TYPES)
        if kind is None:
            return _not_acceptable(media.DOCUMENT_TYPES)
        location = f"{request.base_url}doc/{path}.{kind.extension}"
        return _vary(Response(status_code=303, headers={"Location": location}))

    async def doc(request: Request) -> Response:
        path = request.path_params["path"]
        stem, dot, extension = path.rpartition(".")
        kind = media.by_extension(extension, media.DOCUMENT_TYPES) if dot and "/" not in extension else None
        if kind is not None:
            path = stem
        iri = site.iri(path)
        if site.local(iri) is None or not publish.exists(store, iri):
            return error_page(request, 404, f"no document about {iri}")
        if kind is not None:
            return document(request, iri, kind)
        kind = media.negotiate(request.headers.get("accept"), media.DOCUMENT_TYPES)
        if kind is None:
            return _not_acceptable(media.DOCUMENT_TYPES)
        response = _vary(document(request, iri, kind))
        response.headers["Content-Location"] = f"{request.base_url}doc/{path}.{kind.extension}"
        return response

    async def ontology(request: Request) -> Response:
        kind = media.negotiate(request.headers.get("accept"), (media.HTML, media.TURTLE))
        if kind is None:
            return _not_acceptable((media.HTML, media.TURTLE))
        name = "ontology.html" if kind is media.HTML else publish.ONTOLOGY_FILE
        return _vary(Response(status_code=303, headers={"Location": f"{request.base_url}{name}"}))

    async def file(request: Request) -> Response:
        name = request.path_params["name"]
        files = await run_in_threadpool(release, request)
        if name not in files:
            return error_page(request, 404, name)
        kind = media.by_extension(name.rpartition(".")[2]) if "." in name else media.PLAIN
        kind = kind or media.PLAIN
        return Response(
            files[name], media_type=kind.content_type, headers={"Access-Control-Allow-Origin": "*"}
        )

    async def void(request: Request) -> Response:
        files = await run_in_threadpool(release, request)
        return Response(
            files["void.ttl"],
            media_type=media.TURTLE.content_type,
            headers={"Access-Control-Allow-Origin": "*"},
        )

    async def timeline(request: Request) -> Response:
        svg = renderer(request).timelines().get(request.path_params["ags"])
        if svg is None:
            return error_page(request, 404, "no timeline for this authority")
        return Response(svg.encode("utf-8"), media_type=media.SVG.content_type)

    async def sparql(request: Request) -> Response:
        params = {k: v for k, v in parse_qs(request.url.query, keep_blank_values=True).items()}
        query = None
        if request.method == "POST":
            content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
            body = (await request.body()).decode("utf-8", errors="replace")
            if content_type == UPDATE_MEDIA_TYPE:
                return _refuse_update()
            if content_type == FORM_MEDIA_TYPE:
                form = parse_qs(body, keep_blank_values=True)
                if "update" in form:
                    return _refuse_update()
                params = {**params, **form}
            elif content_type == QUERY_MEDIA_TYPE:
                query = body
            else:
                return PlainTextResponse(
                    f"415 Unsupported Media Type: send {QUERY_MEDIA_TYPE} or {FORM_MEDIA_TYPE}\n", 415
                )
        if "update" in params:
            return _refuse_update()
        if query is None:
            values = params.get("query", [])
            if len(values) != 1:
                return error_page(request, 400, "give exactly one 'query' parameter", SPARQL_HINT)
            query = values[0]
        accept = request.headers.get("accept")
        results = media.negotiate(accept, media.SPARQL_RESULT_TYPES) or media.SPARQL_JSON
        graphs = media.negotiate(accept, media.SPARQL_GRAPH_TYPES) or media.TURTLE
        try:
            answer = await run_in_threadpool(
                worker.run,
                query,
                params.get("default-graph-uri", []),
                params.get("named-graph-uri", []),
                results.name,
                graphs.name,
            )
        except QueryTimeout as exc:
            return PlainTextResponse(f"503 Service Unavailable: {exc}\n", 503)
        if answer[0] == "ok":
            kind = media.by_name(answer[2])
            return _vary(
                Response(
                    answer[1], media_type=kind.content_type, headers={"Access-Control-Allow-Origin": "*"}
                )
            )
        status = {"syntax": 400, "too-large": 413}.get(answer[0], 500)
        message = answer[1]
        if answer[0] == "syntax" and _looks_like_update(query):
            return _refuse_update()
        return PlainTextResponse(f"{status} {message}\n", status)

    @asynccontextmanager
    async def lifespan(app):
        yield
        worker.stop()

    routes = [
        Route("/", index),
        Route("/index.html", index),
        Route("/id/{path:path}", identifier),
        Route("/doc/{path:path}", doc),
        Route("/ontology", ontology),
        Route("/sparql", sparql, methods=["GET", "POST"]),
        Route("/.well-known/void", void),
        Route("/timeline/{ags}.svg", timeline),
        Route("/{name}", file),
    ]
    app = Starlette(routes=routes, lifespan=lifespan)
    app.state.worker = worker
    app.state.settings = Settings(site, timeout, max_rows)
    return app


def _refuse_update() -> Response:
    return PlainTextResponse("403 Forbidden: this endpoint is read-only; SPARQL updates are refused\n", 403)


ERROR_TITLES = {400: "Ungültige Anfrage", 404: "Nicht gefunden"}
SPARQL_HINT = (
    "Dies ist der SPARQL-Endpunkt: senden Sie eine Abfrage als Parameter query, "
    "z. B. /sparql?query=SELECT%20*%20WHERE%20%7B%20%3Fs%20%3Fp%20%3Fo%20%7D%20LIMIT%2010"
)


def error_page(request: Request, status: int, message: str, hint: str | None = None) -> Response:
    """An error as a German HTML page for a browser (Accept names text/html), else as one line of text
    (the first line is the same in both: ``404 Not Found: ...``)."""
    line = f"{status} {'Not Found' if status == 404 else 'Bad Request'}: {message}"
    if "text/html" not in (request.headers.get("accept") or ""):
        return PlainTextResponse(line + "\n", status)
    depth = max(0, request.url.path.count("/") - 1)
    html = pages.environment().get_template("error.html").render(
        root="../" * depth, title=f"{status} {ERROR_TITLES.get(status, 'Fehler')}", message=line, hint=hint,
        crumbs=[], alternates=[],
    )
    return Response(html.encode("utf-8"), status_code=status, media_type=media.HTML.content_type)


def _looks_like_update(query: str) -> bool:
    words = {"INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH"}
    lines = [line for line in query.splitlines() if not line.lstrip().startswith("#")]
    tokens = " ".join(lines).replace("{", " ").split()
    return any(token.upper() in words for token in tokens if not token.startswith(("?", "<", '"', "'")))


def load_app(
    data_dir=None,
    base: str = publish.DEFAULT_BASE,
    timeout: float = DEFAULT_TIMEOUT,
    max_rows: int = DEFAULT_MAX_ROWS,
    include_drafts: bool = False,
) -> Starlette:
    """Load and derive a data directory and build the application for it (drafts only when asked)."""
    site = Site(base)
    store = publish.rebased_store(load(data_dir, include_drafts=include_drafts).store, site)
    return create_app(store, site, timeout, max_rows)


def run(app: Starlette, host: str = "127.0.0.1", port: int = 8000) -> None:
    import uvicorn

    uvicorn.run(app, host=host, port=port, log_level="warning")
