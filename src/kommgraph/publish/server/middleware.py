"""ASGI middleware of the server: arrival time, request limits and CORS.

- the arrival time goes into the scope (``kommgraph.arrived``): SPARQL limits count from it;
- a URL longer than ``max_url`` gets 414, a body longer than ``max_body`` gets 413 (declared by
  Content-Length or found while reading; the body is read at most once and handed on);
- CORS on the data (``/sparql``, ``/api/``, documents and release files): ``Access-Control-Allow-Origin: *``
  on GET/POST answers and a preflight answer to ``OPTIONS``; never ``Allow-Credentials``, so a browser
  sends no cookies or authentication with these requests.
"""

from __future__ import annotations

import time

from starlette.datastructures import Headers
from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from kommgraph.publish.server.negotiation import error

DEFAULT_MAX_BODY = 1_000_000  # bytes of a request body
DEFAULT_MAX_URL = 16_384  # bytes of path and query string
CORS_METHODS = "GET, POST, OPTIONS"
CORS_HEADERS = "Accept, Content-Type"
CORS_MAX_AGE = "86400"
HTML_PATHS = ("/", "/index.html")


def cors_applies(path: str) -> bool:
    """CORS for the machine-readable resources, not for the HTML pages."""
    if path in HTML_PATHS or path.startswith("/timeline/"):
        return False
    return not path.endswith(".html")


class Limits:
    def __init__(self, app: ASGIApp, max_body: int = DEFAULT_MAX_BODY, max_url: int = DEFAULT_MAX_URL):
        self.app = app
        self.max_body = max_body
        self.max_url = max_url

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        scope["kommgraph.arrived"] = time.monotonic()
        request = Request(scope)
        if (
            len(scope.get("raw_path") or scope["path"].encode()) + len(scope.get("query_string", b""))
            > self.max_url
        ):
            await error(
                request, 414, f"the URL is longer than {self.max_url:,} bytes; send the query by POST"
            )(scope, receive, send)
            return
        declared = Headers(scope=scope).get("content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.max_body):
            await _too_large(request, self.max_body)(scope, receive, send)
            return
        if scope["method"] in ("POST", "PUT", "PATCH"):
            body = b""
            while True:
                message = await receive()
                if message["type"] == "http.disconnect":
                    return
                body += message.get("body", b"")
                if len(body) > self.max_body:
                    await _too_large(request, self.max_body)(scope, receive, send)
                    return
                if not message.get("more_body", False):
                    break
            receive = _replay(body, receive)
        await self.app(scope, receive, send)


def _too_large(request: Request, limit: int):
    return error(request, 413, f"the request body is larger than {limit:,} bytes")


def _replay(body: bytes, receive: Receive) -> Receive:
    sent = False

    async def replay() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replay


class Cors:
    def __init__(self, app: ASGIApp):
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not cors_applies(scope["path"]):
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        if scope["method"] == "OPTIONS":
            await self.preflight(headers, scope, receive, send)
            return
        if "origin" not in headers:
            await self.app(scope, receive, send)
            return

        async def with_cors(message: Message) -> None:
            if message["type"] == "http.response.start":
                extra = [(b"access-control-allow-origin", b"*")]
                message = {**message, "headers": [*message.get("headers", []), *extra]}
            await send(message)

        await self.app(scope, receive, with_cors)

    async def preflight(self, headers: Headers, scope: Scope, receive: Receive, send: Send) -> None:
        """204 with the allowed methods and headers (for any origin, without credentials)."""
        answer = [
            (b"allow", CORS_METHODS.encode()),
            (b"content-length", b"0"),
        ]
        if "origin" in headers:
            answer += [
                (b"access-control-allow-origin", b"*"),
                (b"access-control-allow-methods", CORS_METHODS.encode()),
                (b"access-control-allow-headers", CORS_HEADERS.encode()),
                (b"access-control-max-age", CORS_MAX_AGE.encode()),
            ]
        await send({"type": "http.response.start", "status": 204, "headers": answer})
        await send({"type": "http.response.body", "body": b""})
