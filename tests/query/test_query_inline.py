"""A bound parameter written into the WHERE clause as its term (``binding.inline``), escaped, beside the
VALUES block that keeps it bound where only a variable may stand."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import XSD

from kommgraph.core.errors import ParameterError
from kommgraph.query.binding import bind, inline

Q = "SELECT ?x WHERE { ?x <http://e/p> ?_v }"


@pytest.mark.parametrize(
    ("value", "written"),
    [
        ('say "hi"', '"say \\"hi\\""'),
        ("back\\slash", '"back\\\\slash"'),
        ("two\nlines", '"two\\nlines"'),
        ("tab\there", '"tab\\there"'),
        ("?_v", '"?_v"'),
    ],
    ids=["quotes", "backslash", "newline", "tab", "a variable's name"],
)
def test_a_literal_is_escaped(value, written):
    assert inline(Q, {"_v": Literal(value)}) == "SELECT ?x WHERE { ?x <http://e/p> " + written + " }"


@pytest.mark.parametrize("value", ['say "hi"', "back\\slash", "two\nlines", "a } b { c", "x' . ?s ?p ?o #"])
def test_the_engine_reads_back_the_value_itself(value):
    store = ox.Store()
    store.add(ox.Quad(ox.NamedNode("http://e/a"), ox.NamedNode("http://e/p"), ox.Literal(value)))
    store.add(ox.Quad(ox.NamedNode("http://e/b"), ox.NamedNode("http://e/p"), ox.Literal("other")))
    rows = list(store.query(bind(Q, {"_v": Literal(value)})))
    assert [r["x"].value for r in rows] == ["http://e/a"]


@pytest.mark.parametrize(
    "iri", ["http://e/a>b", "http://e/a b", 'http://e/"', "http://e/{x}", "http://e/\\u0041"]
)
def test_an_iri_that_would_leave_its_brackets_is_refused(iri):
    with pytest.raises(ParameterError, match="not an absolute IRI"):
        inline(Q, {"_v": URIRef(iri)})


def test_an_iri_and_a_typed_literal_are_written_as_terms():
    text = "SELECT ?x WHERE { ?_i <http://e/p> ?x FILTER(?x <= ?_d) }"
    terms = {"_i": URIRef("http://e/a"), "_d": Literal("2020-01-01", datatype=XSD.date)}
    assert inline(text, terms) == (
        "SELECT ?x WHERE { <http://e/a> <http://e/p> ?x "
        'FILTER(?x <= "2020-01-01"^^<http://www.w3.org/2001/XMLSchema#date>) }'
    )


def test_a_sub_select_gets_the_value_the_values_block_does_not_reach():
    text = "SELECT ?x WHERE { { SELECT ?x WHERE { ?x <http://e/p> ?_v } } }"
    expected = 'SELECT ?x WHERE { { SELECT ?x WHERE { ?x <http://e/p> "a" } } }'
    assert inline(text, {"_v": Literal("a")}) == expected


def test_places_only_a_variable_may_take_keep_it():
    text = (
        "SELECT ?_v ?x WHERE { { SELECT ?_v (?x AS ?y) WHERE { ?x ?p ?_v } GROUP BY ?_v } "
        "BIND(?x AS ?_v) FILTER(BOUND(?_v)) VALUES ?_v { 1 } "
        '# ?_v in a comment\n FILTER(?x != "?_v" && ?x != <http://e/?_v>) } ORDER BY ?_v'
    )
    assert inline(text, {"_v": Literal("a")}) == (
        'SELECT ?_v ?x WHERE { { SELECT ?_v (?x AS ?y) WHERE { ?x ?p "a" } GROUP BY ?_v } '
        "BIND(?x AS ?_v) FILTER(BOUND(?_v)) VALUES ?_v { 1 } "
        '# ?_v in a comment\n FILTER(?x != "?_v" && ?x != <http://e/?_v>) } ORDER BY ?_v'
    )


def test_a_prefix_named_like_a_keyword_is_no_keyword():
    text = "PREFIX by: <http://e/> SELECT ?x WHERE { ?x by:p ?_v }"
    assert inline(text, {"_v": Literal("a")}) == 'PREFIX by: <http://e/> SELECT ?x WHERE { ?x by:p "a" }'


def test_bind_keeps_the_values_block_for_a_projected_parameter():
    store = ox.Store()
    store.add(ox.Quad(ox.NamedNode("http://e/a"), ox.NamedNode("http://e/p"), ox.Literal("v")))
    text = "SELECT ?x ?_v WHERE { ?x <http://e/p> ?_v }"
    rows = list(store.query(bind(text, {"_v": Literal("v")})))
    assert [(r["x"].value, r["_v"].value) for r in rows] == [("http://e/a", "v")]


def test_a_list_of_terms_stays_a_values_block():
    text = bind(Q, {"_v": [Literal("a"), Literal("b")]})
    assert text == 'SELECT ?x WHERE {\n  VALUES ?_v { "a" "b" }\n ?x <http://e/p> ?_v }'


def test_a_query_may_keep_its_parameters_as_variables():
    text = "#+ bound-by: values\n" + Q
    assert bind(text, {"_v": Literal("a")}) == (
        '#+ bound-by: values\nSELECT ?x WHERE {\n  VALUES (?_v) { ("a") }\n ?x <http://e/p> ?_v }'
    )
