"""Content negotiation and error answers of the server, on top of :mod:`kommgraph.core.media`.

- ``negotiate``: the Accept header against the offers (:func:`kommgraph.core.media.negotiate`, where
  a quality that is not an RFC 9110 ``qvalue``, such as ``q=nan``, counts as 0);
- the SPARQL offers: results as JSON, XML, CSV, TSV or an HTML table (for a browser), graphs
  (CONSTRUCT/DESCRIBE) as Turtle, N-Triples, JSON-LD or RDF/XML;
- ``error``: an HTML page for a browser, plain text for everyone else, with the same status.
"""

from __future__ import annotations

import html

from starlette.requests import Request
from starlette.responses import HTMLResponse, PlainTextResponse, Response

from kommgraph.core import media

RDF_XML = media.MediaType("rdfxml", "application/rdf+xml", "rdf", "RDF/XML", "RDF_XML", rdf=True)
SPARQL_GRAPH_TYPES: tuple[media.MediaType, ...] = (media.TURTLE, media.NTRIPLES, media.JSONLD, RDF_XML)
# HTML last: on equal quality a client gets JSON; a browser (text/html, */*;q=0.8) gets a table
SPARQL_RESULT_TYPES: tuple[media.MediaType, ...] = (*media.SPARQL_RESULT_TYPES, media.HTML)
DESCRIPTION_TYPES: tuple[media.MediaType, ...] = (media.HTML, *SPARQL_GRAPH_TYPES)


def negotiate(request: Request, offered: tuple[media.MediaType, ...]) -> media.MediaType | None:
    return media.negotiate(request.headers.get("accept"), offered)


def by_name(name: str, offered: tuple[media.MediaType, ...]) -> media.MediaType:
    return next(m for m in offered if m.name == name)


def wants_html(request: Request) -> bool:
    """A browser: HTML is preferred to plain text."""
    return negotiate(request, (media.PLAIN, media.HTML)) is media.HTML and "text/html" in (
        request.headers.get("accept") or ""
    )


ERROR_TITLES = {
    400: "Bad Request",
    403: "Forbidden",
    404: "Not Found",
    405: "Method Not Allowed",
    406: "Not Acceptable",
    413: "Content Too Large",
    414: "URI Too Long",
    415: "Unsupported Media Type",
    500: "Internal Server Error",
    503: "Service Unavailable",
}

# The pages are German, so the browser's error page is too; programs get the English line below.
ERROR_TITLES_DE = {
    400: "Ungültige Anfrage",
    403: "Verboten",
    404: "Nicht gefunden",
    405: "Methode nicht erlaubt",
    406: "Nicht annehmbar",
    413: "Anfrage zu groß",
    414: "Adresse zu lang",
    415: "Medientyp nicht unterstützt",
    500: "Interner Fehler",
    503: "Vorübergehend nicht verfügbar",
}

ERROR_PAGE = """<!DOCTYPE html>
<html lang="de">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{status} {title} – kommgraph</title>
<style>body{{font-family:system-ui,sans-serif;max-width:48rem;margin:3rem auto;padding:0 1rem;color:#222}}
code,pre{{background:#f3f3f3;padding:.1rem .3rem;white-space:pre-wrap}}</style></head>
<body><h1>{status} {title}</h1><pre>{message}</pre>
<p><a href="{root}">kommgraph</a> · <a href="{root}sparql">SPARQL-Abfrage</a> ·
<a href="{root}api/">gespeicherte Abfragen (API)</a></p></body></html>
"""


def error(request: Request | None, status: int, message: str, headers: dict | None = None) -> Response:
    """``status`` with ``message``: an HTML page when a browser asks, plain text otherwise."""
    title = ERROR_TITLES.get(status, "Error")
    if request is not None and wants_html(request):
        body = ERROR_PAGE.format(
            status=status,
            title=ERROR_TITLES_DE.get(status, "Fehler"),
            message=html.escape(message),
            root=html.escape(root_path(request)),
        )
        return HTMLResponse(body, status, headers=headers)
    return PlainTextResponse(f"{status} {title}: {message}\n", status, headers=headers)


def root_path(request: Request) -> str:
    return request.scope.get("root_path", "") + "/"


def not_acceptable(request: Request, offered: tuple[media.MediaType, ...]) -> Response:
    names = ", ".join(m.mime for m in offered)
    return vary(error(request, 406, f"this resource is available as {names}"))


def vary(response: Response) -> Response:
    response.headers["Vary"] = "Accept"
    return response
