"""The server one client cannot break, and the server people can use (issues 14 and 15)."""

from __future__ import annotations

import csv
import io
import json
import sys
import threading
import time
import urllib.parse
import urllib.request
import warnings

import pytest
from click.testing import CliRunner
from openapi_spec_validator import validate
from rdflib import Graph, URIRef

from kommgraph.cli.main import main
from kommgraph.query import catalogue as queries
from kommgraph.query.engines import OxigraphEngine
from kommgraph.store.load import load

from .conftest import DATA, serving
from .test_serve import UNIT, fetch

ASK = "ASK {}"
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
SD = "http://www.w3.org/ns/sparql-service-description#"


# ------------------------------------------------------------------- parameters and the worker


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("default-graph-uri", ""),
        ("default-graph-uri", "not an IRI"),
        ("default-graph-uri", "<https://w3id.org/kommgraph/id/graph/x>"),
        ("named-graph-uri", "urn:bad iri"),
        ("named-graph-uri", "relative/path"),
    ],
)
def test_a_bad_graph_iri_gets_400_and_the_next_query_succeeds(client, name, value):
    response = client.get("/sparql", params={"query": ASK, name: value})
    assert response.status_code == 400
    assert response.text == f"400 Bad Request: '{name}' must be an absolute IRI; got {value!r}\n"
    assert client.get("/sparql", params={"query": "ASK { ?s ?p ?o }"}).json() == {"head": {}, "boolean": True}


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"query": ["ASK {}", "ASK {}"]}, "give exactly one 'query' parameter"),
        ({"query": "  "}, "the query is empty"),
        (
            {"query": ASK, "format": "png"},
            "'format' must be one of json, xml, csv, tsv, turtle, n3, nt, "
            "ntriples, json-ld, jsonld, rdf+xml, rdfxml; got 'png'",
        ),
    ],
)
def test_other_bad_parameters_get_400(client, params, message):
    response = client.get("/sparql", params=params)
    assert (response.status_code, response.text) == (400, f"400 Bad Request: {message}\n")


@pytest.fixture(scope="module")
def limited_server(tmp_path_factory):
    with serving(tmp_path_factory.mktemp("limited"), "--timeout", "2", "--workers", "4") as url:
        yield url


def ask_url(server: str, query: str) -> str:
    return f"{server}sparql?{urllib.parse.urlencode({'query': query})}"


def test_four_runaway_queries_do_not_delay_an_ask_beyond_the_limit(limited_server):
    answers = []

    def runaway() -> None:
        answers.append(fetch(ask_url(limited_server, RUNAWAY))[0])

    threads = [threading.Thread(target=runaway) for _ in range(4)]
    for thread in threads:
        thread.start()
    time.sleep(0.5)  # the four hold the four workers
    started = time.monotonic()
    status, _, body = fetch(ask_url(limited_server, ASK), "application/sparql-results+json")
    waited = time.monotonic() - started
    for thread in threads:
        thread.join(timeout=30)
    assert (status, json.loads(body)["boolean"]) == (200, True)
    assert waited < 2.0  # the per-query limit, counted from the ASK's arrival
    assert answers == [503, 503, 503, 503]


def test_a_full_queue_gets_503_with_retry_after(tmp_path):
    with serving(tmp_path, "--timeout", "3", "--workers", "1", "--queue", "0") as url:
        runaway = threading.Thread(target=fetch, args=(ask_url(url, RUNAWAY),))
        runaway.start()
        time.sleep(0.5)
        started = time.monotonic()
        status, headers, body = fetch(ask_url(url, ASK))
        assert time.monotonic() - started < 1.0  # refused at once, not after waiting
        runaway.join(timeout=30)
    assert (status, headers["Retry-After"]) == (503, "3")
    assert "1 queries are running or waiting; try again later" in body


# --------------------------------------------------------------------------------- size limits


def test_a_large_body_gets_413(client):
    response = client.post(
        "/sparql", content=b"#" * 1_000_001, headers={"Content-Type": "application/sparql-query"}
    )
    assert response.status_code == 413
    assert response.text == "413 Content Too Large: the request body is larger than 1,000,000 bytes\n"


def test_a_one_megabyte_url_gets_414_from_a_real_server(server):
    status, _, body = fetch(f"{server}sparql?query={'x' * 1_000_000}")
    assert status == 414
    assert "the URL is longer than 16,384 bytes; send the query by POST" in body
    assert fetch(ask_url(server, ASK))[0] == 200


@pytest.mark.parametrize(
    ("accept", "kind"),
    [
        ("text/turtle;q=nan, text/html;q=0.5", "text/html"),
        ("text/turtle;q=NaN, application/ld+json;q=0.1", "application/ld+json"),
        ("text/html;q=2, text/turtle;q=0.9", "text/turtle"),
    ],
)
def test_an_invalid_quality_counts_as_zero(client, accept, kind):
    response = client.get("/id/unit/06412000/stabsstelle-e-government", headers={"Accept": accept})
    assert response.status_code == 303
    assert response.headers["location"].endswith(
        {"text/html": ".html", "text/turtle": ".ttl", "application/ld+json": ".jsonld"}[kind]
    )


def test_an_unknown_timeline_costs_nothing(client):
    started = time.monotonic()
    for name in ("xyz", "99999999", "0641200"):
        assert client.get(f"/timeline/{name}.svg").status_code == 404
    assert time.monotonic() - started < 0.5


# ------------------------------------------------------------------------------------ CORS


def test_a_preflight_with_an_origin_gets_cors_headers(client):
    response = client.options(
        "/sparql",
        headers={
            "Origin": "https://example.org",
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "content-type",
        },
    )
    assert response.status_code == 204
    assert response.headers["access-control-allow-origin"] == "*"
    assert response.headers["access-control-allow-methods"] == "GET, POST, OPTIONS"
    assert response.headers["access-control-allow-headers"] == "Accept, Content-Type"
    assert "access-control-allow-credentials" not in response.headers


def test_a_real_server_answers_options_like_curl(server):
    request = urllib.request.Request(
        f"{server}sparql",
        method="OPTIONS",
        headers={"Origin": "https://example.org", "Access-Control-Request-Method": "GET"},
    )
    with urllib.request.urlopen(request, timeout=20) as response:
        assert response.status == 204
        assert response.headers["Access-Control-Allow-Origin"] == "*"
        assert "GET" in response.headers["Access-Control-Allow-Methods"]


@pytest.mark.parametrize(
    ("path", "cors"),
    [
        ("/sparql?query=ASK%7B%7D", True),
        ("/api/openapi.json", True),
        ("/kommgraph.nt", True),
        ("/index.html", False),
    ],
)
def test_cors_on_data_not_on_pages_and_never_with_credentials(client, path, cors):
    response = client.get(path, headers={"Origin": "https://example.org"})
    assert response.status_code == 200
    assert response.headers.get("access-control-allow-origin") == ("*" if cors else None)
    assert "access-control-allow-credentials" not in response.headers


# ------------------------------------------------------------------------ CONSTRUCT formats

CONSTRUCT = f"CONSTRUCT {{ <{UNIT}> ?p ?o }} WHERE {{ <{UNIT}> ?p ?o }}"


@pytest.mark.parametrize(
    ("accept", "content_type", "fmt"),
    [
        ("application/rdf+xml", "application/rdf+xml; charset=utf-8", "xml"),
        ("application/ld+json", "application/ld+json; charset=utf-8", "json-ld"),
        ("application/n-triples", "application/n-triples; charset=utf-8", "nt"),
        ("text/turtle", "text/turtle; charset=utf-8", "turtle"),
    ],
)
def test_construct_in_each_format(client, accept, content_type, fmt):
    response = client.post("/sparql", data={"query": CONSTRUCT}, headers={"Accept": accept})
    assert response.status_code == 200
    assert response.headers["content-type"] == content_type
    with warnings.catch_warnings():  # rdflib's JSON-LD parser uses its own deprecated ConjunctiveGraph
        warnings.simplefilter("ignore", DeprecationWarning)
        graph = Graph().parse(data=response.text, format=fmt)
    assert len(graph) > 5 and all(s == UNIT for s in graph.subjects())


def test_construct_in_an_unoffered_format_gets_406(client):
    response = client.post("/sparql", data={"query": CONSTRUCT}, headers={"Accept": "text/csv"})
    assert response.status_code == 406
    assert "text/turtle, application/n-triples, application/ld+json, application/rdf+xml" in response.text


# --------------------------------------------------------- query page, description, error pages

BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"


def test_a_browser_gets_the_query_page(client):
    response = client.get("/sparql", headers={"Accept": BROWSER})
    assert response.status_code == 200
    assert '<form method="get" action="http://testserver/sparql">' in response.text
    assert '<textarea id="query" name="query"' in response.text
    assert "<code>replaced-units</code>" in response.text
    assert "http://" not in response.text.split("<body>")[0]  # nothing loaded from elsewhere


def test_a_browser_gets_results_as_a_table(client):
    response = client.get(
        "/sparql", params={"query": "SELECT ?x WHERE { BIND(1 AS ?x) }"}, headers={"Accept": BROWSER}
    )
    assert response.headers["content-type"] == "text/html; charset=utf-8"
    assert (
        "<p>1 row</p><table><thead><tr><th>x</th></tr></thead><tbody>\n<tr><td>1</td></tr>" in response.text
    )


def test_the_service_description(client):
    response = client.get("/sparql", headers={"Accept": "text/turtle"})
    assert response.status_code == 200
    graph = Graph().parse(data=response.text, format="turtle")
    service = URIRef("http://testserver/sparql")
    assert (service, URIRef(SD + "endpoint"), service) in graph
    assert (service, URIRef(SD + "supportedLanguage"), URIRef(SD + "SPARQL11Query")) in graph
    assert (service, URIRef(SD + "resultFormat"), URIRef("http://www.w3.org/ns/formats/RDF_XML")) in graph


# ----------------------------------------------------------------------- the stored-query API


@pytest.fixture(scope="module")
def embedded_rows():
    engine = OxigraphEngine(load(DATA).store)
    stored = queries.resolve("replaced-units")
    result = engine.select(stored.text, stored.bindings({"pattern": "E-Government"}))
    return result.variables, [[None if t is None else str(t) for t in row] for row in result.rows]


def test_the_api_answers_json(client, embedded_rows):
    response = client.get(
        "/api/queries/replaced-units",
        params={"pattern": "E-Government"},
        headers={"Accept": "application/json"},
    )
    assert response.status_code == 200
    data = response.json()
    variables, rows = embedded_rows
    assert data["variables"] == variables
    assert sorted([row[v] for v in variables] for row in data["rows"]) == sorted(rows)
    assert len(rows) > 0


def test_the_api_answers_csv(client, embedded_rows):
    response = client.get(
        "/api/queries/replaced-units", params={"pattern": "E-Government"}, headers={"Accept": "text/csv"}
    )
    assert response.headers["content-type"] == "text/csv; charset=utf-8"
    table = list(csv.reader(io.StringIO(response.text)))
    variables, rows = embedded_rows
    assert table[0] == variables
    assert sorted(table[1:]) == sorted([["" if v is None else v for v in row] for row in rows])


def test_the_api_answers_html_and_checks_parameters(client):
    page = client.get("/api/queries/replaced-units", params={"_format": "html"})
    assert page.headers["content-type"] == "text/html; charset=utf-8" and "<table>" in page.text
    wrong = client.get("/api/queries/units-on-date", params={"date": "31.05.2018"})
    assert wrong.status_code == 400
    assert "date" in wrong.text
    assert client.get("/api/queries/no-such-query").status_code == 404


def test_the_openapi_description_validates(client):
    description = client.get("/api/openapi.json").json()
    validate(description)
    assert set(description["paths"]) == {f"/api/queries/{name}" for name in queries.catalogue()}
    operation = description["paths"]["/api/queries/units-on-date"]["get"]
    date = next(p for p in operation["parameters"] if p["name"] == "date")
    assert date["schema"]["format"] == "date"


# ------------------------------------------------------------------------------------ the CLI


def test_serve_without_its_extra_says_which_to_install(monkeypatch):
    monkeypatch.setitem(sys.modules, "starlette", None)
    result = CliRunner().invoke(main, ["serve", "--port", "0"])
    assert result.exit_code == 3
    assert (
        "kommgraph serve needs the 'serve' extra (starlette not installed): pip install 'kommgraph[serve]'"
        in result.output
    )


def test_sparqlwrapper_defaults_work(server):
    """SPARQLWrapper asks for RDF/XML for CONSTRUCT by default (and sends format=xml): it gets a graph."""
    from SPARQLWrapper import JSON, SPARQLWrapper

    client = SPARQLWrapper(f"{server}sparql")
    client.setQuery(CONSTRUCT)
    with warnings.catch_warnings():  # SPARQLWrapper parses into rdflib's deprecated ConjunctiveGraph
        warnings.simplefilter("ignore", DeprecationWarning)
        graph = client.queryAndConvert()
    assert isinstance(graph, Graph) and len(graph) > 5
    client.setQuery("SELECT ?x WHERE { BIND(1 AS ?x) }")
    client.setReturnFormat(JSON)
    assert client.queryAndConvert()["results"]["bindings"] == [
        {"x": {"type": "literal", "value": "1", "datatype": "http://www.w3.org/2001/XMLSchema#integer"}}
    ]


def test_an_unknown_api_format_gets_400(client):
    response = client.get("/api/queries/replaced-units", params={"_format": "xml"})
    assert response.text == "400 Bad Request: '_format' must be one of json, csv, html; got 'xml'\n"
