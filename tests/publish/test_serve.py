"""The server: 303 from identifiers, content negotiation, the SPARQL endpoint, and a real uvicorn."""

from __future__ import annotations

import csv
import io
import json
import urllib.error
import urllib.parse
import urllib.request
import xml.etree.ElementTree as ET

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import SKOS

from kommgraph.core.vocab import KG, VOID
from kommgraph.query import catalogue as queries

UNIT_PATH = "unit/06412000/stabsstelle-e-government"
UNIT = URIRef("https://w3id.org/kommgraph/id/" + UNIT_PATH)
SUCCESSOR = URIRef("https://w3id.org/kommgraph/id/unit/06412000/stabsstelle-digitalisierung")


@pytest.mark.parametrize(
    ("accept", "extension", "content_type"),
    [
        ("text/turtle", "ttl", "text/turtle; charset=utf-8"),
        ("application/ld+json", "jsonld", "application/ld+json; charset=utf-8"),
        ("application/n-triples", "nt", "application/n-triples; charset=utf-8"),
        ("application/trig", "trig", "application/trig; charset=utf-8"),
        ("text/html", "html", "text/html; charset=utf-8"),
        ("text/html;q=0.3, text/turtle;q=0.9", "ttl", "text/turtle; charset=utf-8"),
    ],
)
def test_an_identifier_answers_303_to_the_wanted_format(client, accept, extension, content_type):
    response = client.get(f"/id/{UNIT_PATH}", headers={"Accept": accept})
    assert response.status_code == 303
    assert response.headers["vary"] == "Accept"
    assert response.headers["location"] == f"http://testserver/doc/{UNIT_PATH}.{extension}"
    document = client.get(response.headers["location"])
    assert document.status_code == 200
    assert document.headers["content-type"] == content_type
    assert "Stabsstelle" in document.text


@pytest.mark.parametrize(("accept", "fmt"), [("text/turtle", "turtle"), ("application/n-triples", "nt")])
def test_the_rdf_document_describes_the_resource(client, accept, fmt):
    document = client.get(client.get(f"/id/{UNIT_PATH}", headers={"Accept": accept}).headers["location"])
    graph = Graph().parse(data=document.text, format=fmt)
    assert graph.value(UNIT, SKOS.prefLabel) == Literal("Stabsstelle E-Government", lang="de")
    assert (UNIT, KG.succeededBy, SUCCESSOR) in graph  # derived facts are part of the description


def test_the_generic_document_negotiates_and_names_its_location(client):
    response = client.get(f"/doc/{UNIT_PATH}", headers={"Accept": "application/ld+json"})
    assert response.status_code == 200
    assert response.headers["vary"] == "Accept"
    assert response.headers["content-location"] == f"http://testserver/doc/{UNIT_PATH}.jsonld"
    document = json.loads(response.text)
    assert document["@context"]["kgid"] == "https://w3id.org/kommgraph/id/"
    assert any(node["@id"] == f"kgid:{UNIT_PATH}" for node in document["@graph"])


def test_unknown_and_unacceptable(client):
    assert client.get("/id/unit/06412000/no-such-unit").status_code == 404
    refused = client.get(f"/id/{UNIT_PATH}", headers={"Accept": "image/png"})
    assert refused.status_code == 406
    assert "text/turtle" in refused.text


def test_the_ontology_iri_redirects(client):
    response = client.get("/ontology", headers={"Accept": "text/turtle"})
    assert (response.status_code, response.headers["location"]) == (303, "http://testserver/ontology.ttl")
    assert "owl:Ontology" in client.get("/ontology.ttl").text


def stored(name: str, **params) -> str:
    return queries.resolve(name).bind(params)


def test_sparql_answers_a_stored_query_as_json(client):
    response = client.get("/sparql", params={"query": stored("replaced-units", pattern="E-Government")},
                          headers={"Accept": "application/sparql-results+json"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/sparql-results+json")
    bindings = response.json()["results"]["bindings"]
    rows = [{name: term["value"] for name, term in b.items()} for b in bindings]
    assert any("E-Government" in r["replaced"] and "Digitalisierung" in r["successor"] for r in rows)


RESULT_TYPES = ["text/csv", "text/tab-separated-values", "application/sparql-results+xml"]


@pytest.mark.parametrize("accept", RESULT_TYPES)
def test_sparql_posts_a_stored_query_and_returns_each_format(client, accept):
    query = stored("units-on-date", authority="06412000", date="2018-05-31")
    response = client.post("/sparql", data={"query": query}, headers={"Accept": accept})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith(accept)
    if accept == "application/sparql-results+xml":
        ns = {"r": "http://www.w3.org/2005/sparql-results#"}
        values = [e.text for e in ET.fromstring(response.content).iterfind(".//r:uri", ns)]
    else:
        rows = csv.reader(io.StringIO(response.text), delimiter="," if accept == "text/csv" else "\t")
        values = [cell.strip("<>") for row in rows for cell in row]
    assert str(UNIT) in values
    assert str(SUCCESSOR) not in values  # renamed only on 2018-06-01


def test_sparql_accepts_a_direct_post_and_construct(client):
    query = f"CONSTRUCT {{ <{UNIT}> ?p ?o }} WHERE {{ <{UNIT}> ?p ?o }}"
    response = client.post("/sparql", content=query, headers={"Content-Type": "application/sparql-query",
                                                               "Accept": "text/turtle"})
    assert response.status_code == 200
    assert (UNIT, KG.succeededBy, SUCCESSOR) in Graph().parse(data=response.text, format="turtle")


@pytest.mark.parametrize(
    ("how", "kwargs"),
    [
        ("form", {"data": {"update": "INSERT DATA { <urn:a> <urn:b> <urn:c> }"}}),
        ("direct", {"content": "DROP ALL", "headers": {"Content-Type": "application/sparql-update"}}),
        ("as query", {"data": {"query": "DELETE WHERE { ?s ?p ?o }"}}),
    ],
)
def test_sparql_refuses_updates(client, how, kwargs):
    response = client.post("/sparql", **kwargs)
    assert response.status_code == 403, how
    assert "read-only" in response.text
    count = client.get("/sparql", params={"query": "ASK { ?s ?p ?o }"}).json()
    assert count["boolean"] is True


def test_sparql_reports_syntax_errors(client):
    response = client.get("/sparql", params={"query": "SELEKT ?x WHERE {}"})
    assert response.status_code == 400
    assert "syntax" in response.text


def test_sparql_limits_result_size_and_time(client):
    too_many = client.get("/sparql", params={"query": "SELECT * WHERE { ?s ?p ?o }"})
    assert too_many.status_code == 413
    assert "more than 1000 rows" in too_many.text
    slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
    stopped = client.get("/sparql", params={"query": slow})
    assert stopped.status_code == 503
    assert "longer than 1.5 s" in stopped.text
    # the next query gets a fresh worker
    assert client.get("/sparql", params={"query": "ASK { ?s ?p ?o }"}).json()["boolean"] is True


def test_well_known_void_names_the_endpoint(client):
    response = client.get("/.well-known/void")
    assert response.status_code == 200
    void = Graph().parse(data=response.text, format="turtle")
    dataset = URIRef("https://w3id.org/kommgraph/id/dataset/kommgraph")
    assert void.value(dataset, VOID.sparqlEndpoint) == URIRef("http://testserver/sparql")
    assert (dataset, VOID.dataDump, URIRef("http://testserver/kommgraph.nt")) in void
    assert client.get("/kommgraph.nt").status_code == 200


# ----------------------------------------------------------------- a real server, asked like curl


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def fetch(url: str, accept: str | None = None, follow: bool = True):
    """``(status, headers, body)`` like ``curl -i [-L] -H 'Accept: …' URL``."""
    opener = urllib.request.build_opener() if follow else urllib.request.build_opener(NoRedirect)
    request = urllib.request.Request(url, headers={"Accept": accept} if accept else {})
    try:
        with opener.open(request, timeout=20) as response:
            return response.status, response.headers, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        with error:
            return error.code, error.headers, error.read().decode("utf-8")


@pytest.mark.parametrize(
    ("accept", "marker"),
    [("text/turtle", "PREFIX kg:"), ("application/ld+json", '"@context"'), ("text/html", '<html lang="de">')],
)
def test_real_server_303_then_document(server, accept, marker):
    status, headers, _ = fetch(f"{server}id/{UNIT_PATH}", accept, follow=False)
    assert status == 303
    assert headers["Vary"] == "Accept"
    assert headers["Location"].startswith(f"{server}doc/{UNIT_PATH}.")
    status, headers, body = fetch(f"{server}id/{UNIT_PATH}", accept)
    assert status == 200
    assert headers["Content-Type"].startswith(accept)
    assert marker in body and "unit/06412000/stabsstelle-digitalisierung" in body


def test_real_server_sparql(server):
    query = urllib.parse.urlencode({"query": stored("lineage", unit=str(UNIT))})
    status, headers, body = fetch(f"{server}sparql?{query}", "application/sparql-results+json")
    assert status == 200
    assert str(SUCCESSOR) in body
    update = urllib.request.Request(f"{server}sparql", data=b"update=CLEAR+ALL", method="POST",
                                    headers={"Content-Type": "application/x-www-form-urlencoded"})
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(update, timeout=20)
    with refused.value as error:
        assert error.code == 403
