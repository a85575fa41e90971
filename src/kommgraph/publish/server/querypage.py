"""What ``GET /sparql`` without a query answers: a query page for a browser (a plain HTML form with the
stored queries as examples, no script or style from elsewhere, so it works offline) or the SPARQL 1.1
Service Description in RDF for everyone else; and the HTML table of results a browser gets."""

from __future__ import annotations

import html
import json

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import RDF

from kommgraph.core import media
from kommgraph.query import catalogue as queries

SD = "http://www.w3.org/ns/sparql-service-description#"
FORMATS = "http://www.w3.org/ns/formats/"
RESULT_FORMAT_IRIS = ("SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV", "SPARQL_Results_TSV")
GRAPH_FORMAT_IRIS = ("Turtle", "N-Triples", "JSON-LD", "RDF_XML")
RDFLIB_FORMATS = {"turtle": "turtle", "ntriples": "nt", "jsonld": "json-ld", "rdfxml": "xml"}

DEFAULT_QUERY = """PREFIX kg: <https://w3id.org/kommgraph/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>

SELECT ?unit ?name WHERE {
  ?unit a kg:AdministrativeUnit ; skos:prefLabel ?name .
}
ORDER BY ?name
LIMIT 20
"""

STYLE = """body{font-family:system-ui,sans-serif;max-width:72rem;margin:2rem auto;padding:0 1rem;color:#222}
textarea{width:100%;font-family:ui-monospace,monospace;font-size:.95rem;box-sizing:border-box}
fieldset{border:1px solid #ccc;margin:1rem 0}pre{background:#f5f5f5;padding:.5rem;overflow:auto}
button{font-size:1rem;padding:.4rem 1.2rem}details{margin:.3rem 0}summary{cursor:pointer}
table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.2rem .5rem;text-align:left}
.limits{color:#555;font-size:.9rem}"""

PAGE = """<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>SPARQL query – kommgraph</title><style>{style}</style></head>
<body>
<h1>SPARQL query</h1>
<p>Ask the kommgraph data (every named graph merged into the default graph) with a SPARQL 1.1 query.
The endpoint is read-only: updates, <code>SERVICE</code>, <code>LOAD</code> and <code>FROM</code> other
servers are refused. <a href="{root}">Back to the data</a> · <a href="{root}api/">stored queries as an
HTTP API</a></p>
<form method="get" action="{endpoint}">
<label for="query">Query</label>
<textarea id="query" name="query" rows="14" spellcheck="false">{query}</textarea>
<fieldset><legend>Result format</legend>
{formats}
</fieldset>
<button type="submit">Run query</button>
</form>
<p class="limits">Limits: {timeout:g} s per query (counted from arrival), {max_rows:,} rows or triples per
result. Results in JSON, XML, CSV, TSV or HTML; graphs in Turtle, N-Triples, JSON-LD or RDF/XML.</p>
<h2>Stored queries</h2>
<p>Copy one into the form; parameters (<code>?_name</code>) must be replaced by values first, or call it
through <a href="{root}api/">the API</a>.</p>
{examples}
</body></html>
"""

FORMAT_CHOICES = (
    ("", "HTML table (this browser)"),
    ("json", "SPARQL JSON"),
    ("xml", "SPARQL XML"),
    ("csv", "CSV"),
    ("tsv", "TSV"),
)


def query_page(endpoint: str, root: str, timeout: float, max_rows: int, query: str = DEFAULT_QUERY) -> str:
    formats = "\n".join(
        f'<label><input type="radio" name="format" value="{value}"{" checked" if not value else ""}> '
        f"{label}</label>"
        for value, label in FORMAT_CHOICES
    )
    examples = "\n".join(
        f"<details><summary><code>{html.escape(name)}</code>: {html.escape(stored.summary)}</summary>"
        f"<pre>{html.escape(stored.text)}</pre></details>"
        for name, stored in sorted(queries.catalogue().items())
    )
    return PAGE.format(
        style=STYLE,
        root=html.escape(root),
        endpoint=html.escape(endpoint),
        query=html.escape(query),
        formats=formats,
        timeout=timeout,
        max_rows=max_rows,
        examples=examples,
    )


def service_description(endpoint: str, kind: media.MediaType) -> bytes:
    """The SPARQL 1.1 Service Description of the endpoint (read-only, union default graph)."""
    graph = Graph()
    graph.bind("sd", SD)
    service = URIRef(endpoint)
    sd = lambda name: URIRef(SD + name)  # noqa: E731 - a local shorthand
    graph.add((service, RDF.type, sd("Service")))
    graph.add((service, sd("endpoint"), service))
    graph.add((service, sd("supportedLanguage"), sd("SPARQL11Query")))
    graph.add((service, sd("feature"), sd("UnionDefaultGraph")))
    for name in RESULT_FORMAT_IRIS + GRAPH_FORMAT_IRIS:
        graph.add((service, sd("resultFormat"), URIRef(FORMATS + name)))
    dataset = BNode("dataset")
    default = BNode("default")
    graph.add((service, sd("defaultDataset"), dataset))
    graph.add((dataset, RDF.type, sd("Dataset")))
    graph.add((dataset, sd("defaultGraph"), default))
    graph.add((default, RDF.type, sd("Graph")))
    graph.add(
        (
            service,
            URIRef("http://www.w3.org/2000/01/rdf-schema#comment"),
            Literal("kommgraph: read-only; SERVICE, LOAD and FROM other servers are refused", lang="en"),
        )
    )
    text = graph.serialize(format=RDFLIB_FORMATS[kind.name])
    return text.encode("utf-8")


def results_table(body: bytes, query: str, endpoint: str, root: str, timeout: float, max_rows: int) -> str:
    """SPARQL JSON results as an HTML page: the query form with the query, then the table."""
    data = json.loads(body)
    page = query_page(endpoint, root, timeout, max_rows, query)
    if "boolean" in data:
        table = f"<p>Answer: <strong>{'true' if data['boolean'] else 'false'}</strong></p>"
    else:
        variables = data["head"].get("vars", [])
        rows = data["results"]["bindings"]
        head = "".join(f"<th>{html.escape(v)}</th>" for v in variables)
        body_rows = "".join(
            "<tr>" + "".join(f"<td>{_cell(row.get(v))}</td>" for v in variables) + "</tr>\n" for row in rows
        )
        table = (
            f"<p>{len(rows)} row{'s' if len(rows) != 1 else ''}</p>"
            f"<table><thead><tr>{head}</tr></thead><tbody>\n{body_rows}</tbody></table>"
        )
    return page.replace("<h2>Stored queries</h2>", f"<h2>Results</h2>\n{table}\n<h2>Stored queries</h2>", 1)


def _cell(term: dict | None) -> str:
    if term is None:
        return ""
    value = html.escape(term["value"])
    if term["type"] == "uri":
        return f'<a href="{value}">{value}</a>'
    if "xml:lang" in term:
        return f"{value}<small>@{html.escape(term['xml:lang'])}</small>"
    return value
