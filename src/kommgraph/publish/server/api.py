"""The stored queries as an HTTP API (as grlc and datasette users expect).

- ``GET /api/queries/NAME?param=value…``: the rows of a stored query in JSON, CSV or HTML (Accept, or
  ``_format=json|csv|html``); parameters are checked by the catalogue (400 with its message);
- ``GET /api/openapi.json``: an OpenAPI 3.0 description generated from the queries' ``#+`` decorators
  (summary, description, tags, defaults, enumerate) and their typed parameters;
- ``GET /api/``: the list of queries (HTML for a browser, else JSON).

The queries run in the SPARQL worker pool, with its limits.
"""

from __future__ import annotations

import csv
import html
import io
import json

from rdflib.namespace import XSD
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response

from kommgraph.core import media
from kommgraph.core.version import __version__
from kommgraph.publish.server import negotiation
from kommgraph.publish.server.negotiation import error, vary
from kommgraph.publish.server.workers import Job
from kommgraph.query import binding
from kommgraph.query import catalogue as queries

API_JSON = media.MediaType("json", "application/json", "json", "JSON")
ROW_TYPES: tuple[media.MediaType, ...] = (API_JSON, media.SPARQL_CSV, media.HTML)
FORMAT_KEY = "_format"
TYPE_SCHEMAS = {
    XSD.date: {"type": "string", "format": "date"},
    XSD.gYearMonth: {"type": "string", "pattern": r"^-?\d{4}-\d{2}$"},
    XSD.gYear: {"type": "string", "pattern": r"^-?\d{4}$"},
    XSD.integer: {"type": "integer"},
    XSD.decimal: {"type": "number"},
    XSD.boolean: {"type": "boolean"},
}


def parameter_schema(parameter: binding.Parameter) -> dict:
    if parameter.kind == "iri":
        schema = {"type": "string", "format": "uri"}
    elif parameter.kind == "typed" and parameter.datatype in TYPE_SCHEMAS:
        schema = dict(TYPE_SCHEMAS[parameter.datatype])
    else:
        schema = {"type": "string", "maxLength": binding.MAX_VALUE_LENGTH}
    if parameter.allowed:
        schema = {"type": "string", "enum": list(parameter.allowed)}
    if parameter.default is not None:
        schema["default"] = _typed_default(schema, parameter.default)
    return schema


def _typed_default(schema: dict, value: str):
    if schema.get("type") == "integer":
        return int(value)
    if schema.get("type") == "number":
        return float(value)
    if schema.get("type") == "boolean":
        return value in ("true", "1")
    return value


def openapi(catalogue: dict[str, queries.StoredQuery], server_url: str) -> dict:
    """The OpenAPI 3.0.3 description of ``/api/queries/NAME`` for every stored query."""
    row = {"type": "object", "additionalProperties": {"type": "string", "nullable": True}}
    rows = {
        "type": "object",
        "required": ["query", "variables", "rows"],
        "properties": {
            "query": {"type": "string"},
            "variables": {"type": "array", "items": {"type": "string"}},
            "rows": {"type": "array", "items": {"$ref": "#/components/schemas/Row"}},
        },
    }
    problem = {
        "description": "the message says why",
        "content": {"text/plain": {"schema": {"type": "string"}}},
    }
    paths = {}
    for name, stored in sorted(catalogue.items()):
        parameters = [
            {
                "name": p.name,
                "in": "query",
                "required": p.required and p.default is None,
                "description": f"{p.type_label} (SPARQL variable ?{p.variable})",
                "schema": parameter_schema(p),
            }
            for p in stored.parameters
        ]
        parameters.append(
            {
                "name": FORMAT_KEY,
                "in": "query",
                "required": False,
                "description": "the answer's format, instead of the Accept header",
                "schema": {"type": "string", "enum": ["json", "csv", "html"]},
            }
        )
        paths[f"/api/queries/{name}"] = {
            "get": {
                "operationId": name.replace("-", "_"),
                "summary": stored.summary or name,
                "description": stored.description or stored.summary or name,
                "tags": stored.tags or ["queries"],
                "parameters": parameters,
                "responses": {
                    "200": {
                        "description": "one row per solution; unbound values are null",
                        "content": {
                            "application/json": {"schema": {"$ref": "#/components/schemas/Rows"}},
                            "text/csv": {"schema": {"type": "string"}},
                            "text/html": {"schema": {"type": "string"}},
                        },
                    },
                    "400": {**problem, "description": "a parameter is missing, unknown or of the wrong form"},
                    "406": {**problem, "description": "none of JSON, CSV and HTML is acceptable"},
                    "503": {
                        **problem,
                        "description": "over the time limit or the queue is full (Retry-After)",
                    },
                },
            }
        }
    return {
        "openapi": "3.0.3",
        "info": {
            "title": "kommgraph stored queries",
            "version": __version__,
            "description": "The stored SPARQL queries of kommgraph (queries/*.rq) as a read-only HTTP API.",
        },
        "servers": [{"url": server_url.rstrip("/")}],
        "paths": paths,
        "components": {"schemas": {"Row": row, "Rows": rows}},
    }


def to_rows(body: bytes) -> tuple[list[str], list[dict[str, str | None]]]:
    data = json.loads(body)
    variables = data["head"].get("vars", [])
    rows = [{v: b[v]["value"] if v in b else None for v in variables} for b in data["results"]["bindings"]]
    return variables, rows


def as_csv(variables: list[str], rows: list[dict]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(variables)
    writer.writerows([["" if row[v] is None else row[v] for v in variables] for row in rows])
    return buffer.getvalue()


def as_html(stored: queries.StoredQuery, variables: list[str], rows: list[dict]) -> str:
    def cell(value: str | None) -> str:
        if value is None:
            return ""
        text = html.escape(value)
        return f'<a href="{text}">{text}</a>' if value.startswith(("http://", "https://")) else text

    head = "".join(f"<th>{html.escape(v)}</th>" for v in variables)
    body = "".join("<tr>" + "".join(f"<td>{cell(r[v])}</td>" for v in variables) + "</tr>\n" for r in rows)
    return (
        f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>{html.escape(stored.name)} – '
        "kommgraph</title><style>body{font-family:system-ui,sans-serif;margin:2rem}table{border-collapse:"
        "collapse}td,th{border:1px solid #ccc;padding:.2rem .5rem;text-align:left}</style></head><body>"
        f"<h1>{html.escape(stored.name)}</h1><p>{html.escape(stored.summary)}</p>"
        f"<p>{len(rows)} row{'s' if len(rows) != 1 else ''}</p>"
        f"<table><thead><tr>{head}</tr></thead><tbody>\n{body}</tbody></table></body></html>\n"
    )


class QueryApi:
    def __init__(self, protocol, holds_index: bool = False):
        self.protocol = protocol  # the SPARQL endpoint: its worker pool and limits
        self.holds_index = holds_index  # the store holds the index graph: queries use their indexed form
        self.catalogue = queries.catalogue()
        self._openapi: dict[str, bytes] = {}

    async def index(self, request: Request) -> Response:
        listing = [
            {
                "name": name,
                "summary": q.summary,
                "url": f"{request.base_url}api/queries/{name}",
                "parameters": [p.name for p in q.parameters],
            }
            for name, q in sorted(self.catalogue.items())
        ]
        if negotiation.wants_html(request):
            items = "".join(
                f'<li><a href="queries/{html.escape(q["name"])}">{html.escape(q["name"])}</a>: '
                f"{html.escape(q['summary'])}</li>"
                for q in listing
            )
            page = (
                '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>Stored queries – '
                "kommgraph</title></head><body><h1>Stored queries</h1>"
                '<p>OpenAPI description: <a href="openapi.json">openapi.json</a></p>'
                f"<ul>{items}</ul></body></html>\n"
            )
            return vary(HTMLResponse(page))
        return vary(JSONResponse({"queries": listing, "openapi": f"{request.base_url}api/openapi.json"}))

    async def description(self, request: Request) -> Response:
        key = str(request.base_url)
        if key not in self._openapi:
            text = json.dumps(openapi(self.catalogue, key), indent=1, sort_keys=True, ensure_ascii=False)
            self._openapi = {key: text.encode("utf-8")}
        return Response(self._openapi[key], media_type="application/json")

    async def query(self, request: Request) -> Response:
        arrived = request.scope.get("kommgraph.arrived")
        name = request.path_params["name"]
        stored = self.catalogue.get(name)
        if stored is None:
            return error(request, 404, f"no stored query {name!r}; see {request.base_url}api/")
        values: dict[str, str] = {}
        for key, value in request.query_params.multi_items():
            if key in values:
                return error(request, 400, f"parameter {key!r} is given more than once")
            values[key] = value
        given = values.pop(FORMAT_KEY, None)
        if given is not None and given not in {m.name for m in ROW_TYPES}:
            return error(request, 400, f"'{FORMAT_KEY}' must be one of json, csv, html; got {given!r}")
        kind = self.kind(request, given)
        if kind is None:
            return negotiation.not_acceptable(request, ROW_TYPES)
        try:
            text = binding.bind(stored.text_for(self.holds_index, values), stored.bindings(values))
        except binding.ParameterError as exc:
            return error(request, 400, str(exc))
        reply = await self.protocol.run(request, Job(text), arrived)
        if isinstance(reply, Response):
            return reply
        if reply[0] != "ok":
            return self.protocol.failure(request, reply, text)
        variables, rows = to_rows(reply[1])
        if kind is media.SPARQL_CSV:
            return vary(Response(as_csv(variables, rows), media_type=media.SPARQL_CSV.content_type))
        if kind is media.HTML:
            return vary(HTMLResponse(as_html(stored, variables, rows)))
        return vary(JSONResponse({"query": name, "variables": variables, "rows": rows}))

    def kind(self, request: Request, given: str | None) -> media.MediaType | None:
        if given is not None:
            return next((m for m in ROW_TYPES if m.name == given), None)
        return negotiation.negotiate(request, ROW_TYPES)
