"""``kommgraph serve``: a read-only linked-data server (Starlette on uvicorn).

- ``/id/{path}`` answers ``303 See Other`` to the document about the resource, in the format the
  Accept header prefers (``/doc/{path}.ttl``, ``.jsonld``, ``.nt``, ``.trig`` or ``.html``), with
  ``Vary: Accept``; ``/doc/{path}`` negotiates the same way and names its ``Content-Location``;
- ``/sparql``: the SPARQL 1.1 Protocol (:mod:`.sparql`), a query page for browsers and the service
  description; queries run in a pool of worker processes (:mod:`.workers`);
- ``/api/queries/NAME``: the stored queries as an HTTP API with an OpenAPI description (:mod:`.api`);
- ``/.well-known/void`` and the release files (dumps, descriptions, ontology) at the top level.

Rendering runs off the event loop (a thread) and is cached: a page or document is rendered once per
start and base URL, the timelines once per start (drawn while the server starts, before it answers),
and an unknown resource is answered 404 before anything is rendered. Limits and CORS are ASGI
middleware (:mod:`.middleware`); errors are HTML pages for browsers (:mod:`.negotiation`).
"""

from __future__ import annotations

import threading
from contextlib import asynccontextmanager

import anyio.to_thread
import pyoxigraph as ox
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from kommgraph.core import media
from kommgraph.core.vocab import DEFAULT_BASE, KG
from kommgraph.publish import pages
from kommgraph.publish.dumps import exists, rebased_store, resource_document
from kommgraph.publish.release import release_files
from kommgraph.publish.server import negotiation
from kommgraph.publish.server.api import QueryApi
from kommgraph.publish.server.middleware import DEFAULT_MAX_BODY, DEFAULT_MAX_URL, Cors, Limits
from kommgraph.publish.server.negotiation import error, not_acceptable, vary
from kommgraph.publish.server.sparql import Protocol
from kommgraph.publish.server.workers import (
    DEFAULT_MAX_ROWS,
    DEFAULT_QUEUE,
    DEFAULT_TIMEOUT,
    DEFAULT_WORKERS,
    WorkerPool,
)
from kommgraph.publish.site import ONTOLOGY_FILE, Site
from kommgraph.store.derive import INDEX_GRAPH
from kommgraph.store.load import load

CACHE_LIMIT = 4096  # rendered documents kept per server
RELEASE_CACHE_LIMIT = 4  # base URLs (Host headers) whose release files are kept
# request line and headers h11 reads before the app answers 414 (beyond it, uvicorn answers 400)
H11_MAX_HEADER = 4 * 1024 * 1024


class Rendered:
    """Pages, documents, release files and timelines of one store, each made once (thread-safe)."""

    def __init__(self, store: ox.Store, site: Site):
        self.store = store
        self.site = site
        self._lock = threading.Lock()
        self._release_lock = threading.Lock()
        self._documents: dict[tuple, bytes] = {}
        self._release: dict[str, dict[str, bytes]] = {}
        self._renderers: dict[str, object] = {}
        self._timelines: dict[str, str] | None = None
        self._timelines_ready = threading.Event()
        self.authority_codes = frozenset(
            solution["ags"].value
            for solution in store.query(
                f"SELECT ?ags WHERE {{ ?authority a <{KG.LocalAuthority}> ; <{KG.ags}> ?ags }}"
            )
        )

    def renderer(self, endpoint: str):
        with self._lock:
            if endpoint not in self._renderers:
                renderer = pages.Pages(self.store, self.site, sparql_endpoint=endpoint)
                renderer.timelines = self.timelines  # one drawing of the timelines for every renderer
                self._renderers = {endpoint: renderer}
            return self._renderers[endpoint]

    def draw_timelines(self) -> None:
        """Draw every timeline (slow: seconds); called once, in the background, when the server starts."""
        try:
            self._timelines = pages.Pages(self.store, self.site).timelines()
        finally:
            self._timelines_ready.set()

    def timelines(self) -> dict[str, str]:
        if not self._timelines_ready.is_set():
            with self._lock:
                if not self._timelines_ready.is_set() and self._timelines is None:
                    self._timelines = {}
                    threading.Thread(target=self.draw_timelines, daemon=True).start()
        self._timelines_ready.wait()
        return self._timelines or {}

    def cached(self, key: tuple, make) -> bytes:
        body = self._documents.get(key)
        if body is None:
            body = make()
            with self._lock:
                if len(self._documents) >= CACHE_LIMIT:
                    self._documents.clear()
                self._documents[key] = body
        return body

    def document(self, endpoint: str, iri: str, kind: media.MediaType) -> bytes:
        if kind is media.HTML:
            return self.cached((endpoint, iri, kind.name), lambda: self.renderer(endpoint).page(iri).encode())
        return self.cached(("", iri, kind.name), lambda: resource_document(self.store, self.site, iri, kind))

    def index(self, endpoint: str) -> bytes:
        return self.cached((endpoint, "index"), lambda: self.renderer(endpoint).index().encode("utf-8"))

    def release(self, base_url: str, endpoint: str) -> dict[str, bytes]:
        """The release files as served from ``base_url`` (their descriptions name it). Built one at a
        time and kept for a few base URLs, so that requests with ever new Host headers cost one build
        at a time, not one per request in parallel."""
        with self._release_lock:
            files = self._release.get(base_url)
            if files is None:
                site = Site(self.site.base, base_url)
                files = release_files(self.store, site, sparql_endpoint=endpoint)
                if len(self._release) >= RELEASE_CACHE_LIMIT:
                    self._release.pop(next(iter(self._release)))
                self._release[base_url] = files
        return files


def create_app(
    store: ox.Store,
    site: Site | None = None,
    timeout: float = DEFAULT_TIMEOUT,
    max_rows: int = DEFAULT_MAX_ROWS,
    workers: int = DEFAULT_WORKERS,
    queue_limit: int = DEFAULT_QUEUE,
    max_body: int = DEFAULT_MAX_BODY,
    max_url: int = DEFAULT_MAX_URL,
) -> Starlette:
    """The application for a (rebased) store with every named graph merged into its default graph."""
    site = site or Site()
    pool = WorkerPool(store, size=workers, timeout=timeout, max_rows=max_rows, queue_limit=queue_limit)
    protocol = Protocol(pool, local_prefixes=(site.base,))
    api = QueryApi(protocol, holds_index=store.contains_named_graph(ox.NamedNode(INDEX_GRAPH)))
    rendered = Rendered(store, site)

    def endpoint(request: Request) -> str:
        return str(request.base_url) + "sparql"

    def known(path: str) -> str | None:
        iri = site.iri(path)
        return iri if site.local(iri) is not None and exists(store, iri) else None

    async def document(request: Request, iri: str, kind: media.MediaType) -> Response:
        body = await run_in_threadpool(rendered.document, endpoint(request), iri, kind)
        return Response(body, media_type=kind.content_type)

    async def index(request: Request) -> Response:
        body = await run_in_threadpool(rendered.index, endpoint(request))
        return Response(body, media_type=media.HTML.content_type)

    async def identifier(request: Request) -> Response:
        path = request.path_params["path"]
        if known(path) is None:
            return error(request, 404, f"no resource {site.iri(path)}")
        kind = negotiation.negotiate(request, media.DOCUMENT_TYPES)
        if kind is None:
            return not_acceptable(request, media.DOCUMENT_TYPES)
        location = f"{request.base_url}doc/{path}.{kind.extension}"
        return vary(Response(status_code=303, headers={"Location": location}))

    async def doc(request: Request) -> Response:
        path = request.path_params["path"]
        stem, dot, extension = path.rpartition(".")
        kind = media.by_extension(extension, media.DOCUMENT_TYPES) if dot and "/" not in extension else None
        if kind is not None:
            path = stem
        iri = known(path)
        if iri is None:
            return error(request, 404, f"no document about {site.iri(path)}")
        if kind is not None:
            return await document(request, iri, kind)
        kind = negotiation.negotiate(request, media.DOCUMENT_TYPES)
        if kind is None:
            return not_acceptable(request, media.DOCUMENT_TYPES)
        response = vary(await document(request, iri, kind))
        response.headers["Content-Location"] = f"{request.base_url}doc/{path}.{kind.extension}"
        return response

    async def ontology(request: Request) -> Response:
        kind = negotiation.negotiate(request, (media.HTML, media.TURTLE))
        if kind is None:
            return not_acceptable(request, (media.HTML, media.TURTLE))
        name = "ontology.html" if kind is media.HTML else ONTOLOGY_FILE
        return vary(Response(status_code=303, headers={"Location": f"{request.base_url}{name}"}))

    async def file(request: Request) -> Response:
        name = request.path_params["name"]
        files = await run_in_threadpool(rendered.release, str(request.base_url), endpoint(request))
        if name not in files:
            return error(request, 404, f"no file {name}")
        kind = (media.by_extension(name.rpartition(".")[2]) if "." in name else None) or media.PLAIN
        return Response(files[name], media_type=kind.content_type)

    async def void(request: Request) -> Response:
        files = await run_in_threadpool(rendered.release, str(request.base_url), endpoint(request))
        return Response(files["void.ttl"], media_type=media.TURTLE.content_type)

    async def timeline(request: Request) -> Response:
        ags = request.path_params["ags"]
        if ags not in rendered.authority_codes:  # a 404 before anything is drawn
            return error(request, 404, "no timeline for this authority")
        svg = (await run_in_threadpool(rendered.timelines)).get(ags)
        if svg is None:
            return error(request, 404, "no timeline for this authority")
        return Response(svg.encode("utf-8"), media_type=media.SVG.content_type)

    async def http_error(request: Request, exc: HTTPException) -> Response:
        return error(request, exc.status_code, exc.detail or "", getattr(exc, "headers", None))

    @asynccontextmanager
    async def lifespan(app):
        # a thread per waiting SPARQL request, and some left for rendering
        anyio.to_thread.current_default_thread_limiter().total_tokens = workers + queue_limit + 16
        pool.start()
        await run_in_threadpool(rendered.timelines)  # drawn once per start, before the first request
        await run_in_threadpool(pool.wait_ready)
        yield
        pool.stop()

    routes = [
        Route("/", index),
        Route("/index.html", index),
        Route("/id/{path:path}", identifier),
        Route("/doc/{path:path}", doc),
        Route("/ontology", ontology),
        Route("/sparql", protocol.handle, methods=["GET", "POST"]),
        Route("/api/", api.index),
        Route("/api/openapi.json", api.description),
        Route("/api/queries/{name}", api.query),
        Route("/.well-known/void", void),
        Route("/timeline/{ags}.svg", timeline),
        Route("/{name}", file),
    ]
    app = Starlette(
        routes=routes,
        lifespan=lifespan,
        middleware=[Middleware(Limits, max_body=max_body, max_url=max_url), Middleware(Cors)],
        exception_handlers={HTTPException: http_error},
    )
    app.state.pool = pool
    app.state.rendered = rendered
    return app


def load_app(data_dir=None, base: str = DEFAULT_BASE, include_drafts: bool = False, **options) -> Starlette:
    """Load and derive a data directory and build the application for it (options: see ``create_app``);
    draft graphs only when asked."""
    site = Site(base)
    loaded = load(data_dir, include_drafts=include_drafts)
    store = rebased_store(loaded.in_memory(), site)  # the server lets go of the persistent store and its lock
    loaded.close()
    return create_app(store, site, **options)


def run(app: Starlette, host: str = "127.0.0.1", port: int = 8000) -> None:
    import uvicorn

    # h11 (not httptools) reads a long request line fully, up to a bound, so that the app can answer 414
    uvicorn.run(
        app,
        host=host,
        port=port,
        log_level="warning",
        http="h11",
        h11_max_incomplete_event_size=H11_MAX_HEADER,
    )
