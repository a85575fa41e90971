"""Stored-query decorators and parameters: parsed, checked, and bound as RDF terms, never as syntax."""

from __future__ import annotations

import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import XSD

from kommgraph.query.binding import ParameterError, bind, where_brace
from kommgraph.query.catalogue import catalogue, parse_query
from kommgraph.query.engines import OxigraphEngine

QUERY = """#+ summary: test
#+ tags:
#+   - a
#+ defaults:
#+   - name: Hauptamt
#+ enumerate:
#+   - kind: [Amt, Stabsstelle]
PREFIX x: <http://example.org/{not a brace}>
SELECT ?_name ?__kind ?_day_xsd_date ?_unit_iri ?_n_integer WHERE { ?s ?p "text with { and WHERE" . }
"""


def test_decorators_and_basil_parameters():
    q = parse_query(QUERY, "t")
    assert (q.summary, q.tags) == ("test", ["a"])
    params = {p.name: p for p in q.parameters}
    assert set(params) == {"name", "kind", "day", "unit", "n"}
    assert params["name"].default == "Hauptamt" and params["name"].required
    assert not params["kind"].required and params["kind"].allowed == ("Amt", "Stabsstelle")
    assert (
        params["day"].datatype == XSD.date
        and params["unit"].kind == "iri"
        and params["n"].datatype == XSD.integer
    )


def test_values_block_goes_after_the_where_brace_not_into_strings_or_iris():
    text = QUERY
    position = where_brace(text)
    assert text[position - 6 : position + 1] == "WHERE {"
    bound = bind(text, {"_name": Literal('a "quoted" } value')})
    assert 'WHERE {\n  VALUES (?_name) { ("a \\"quoted\\" } value") }' in bound


@pytest.mark.parametrize(
    "name, value, message",
    [
        ("day", "31.05.2018", "must be xsd:date like 2018-05-31"),
        ("day", "2018-02-30", "must be xsd:date"),
        ("unit", "not an iri", "must be an absolute IRI"),
        ("unit", "http://x/> } ; DROP ALL ; <x:", "must be an absolute IRI"),
        ("n", "12a", "must be xsd:integer"),
        ("kind", "Dezernat", "must be one of Amt, Stabsstelle"),
        ("name", "\\u0022 } DROP ALL", "escapes are refused"),
        ("name", "x" * 5000, "longer than"),
    ],
)
def test_bad_values_are_refused_with_a_clear_message(name, value, message):
    q = parse_query(QUERY, "t")
    values = {"day": "2018-05-31", "unit": "http://example.org/u", "n": "3", name: value}
    with pytest.raises(ParameterError, match=message):
        q.bindings(values)


def test_unknown_and_missing_parameters_are_named():
    q = parse_query(QUERY, "t")
    with pytest.raises(ParameterError, match="has no parameter 'colour'"):
        q.bindings({"colour": "red"})
    with pytest.raises(ParameterError, match="needs parameter 'day'"):
        q.bindings({"unit": "http://example.org/u", "n": "1"})


@pytest.mark.parametrize(
    "value", ['"} ; DROP ALL ; {"', "line\nbreak", "quote ' and \" and > and {}", "tab\there\\"]
)
def test_hostile_strings_are_bound_as_one_literal(value, bundled):
    stored = catalogue()["replaced-units"]
    text = stored.bind({"pattern": value})
    before = len(bundled.store)
    result = OxigraphEngine(bundled.store).select(
        text.replace("SELECT DISTINCT", "SELECT DISTINCT ?_pattern", 1)
    )
    assert len(bundled.store) == before
    assert result.rows == []  # nothing matches, and nothing ran as syntax


def test_a_bound_string_round_trips_exactly(bundled):
    value = 'a "quoted" } value with \\ backslash\nand newline'
    text = bind("SELECT ?v WHERE { }", {"v": Literal(value)})
    assert OxigraphEngine(bundled.store).select(text).rows == [(Literal(value),)]
    typed = bind("SELECT ?v WHERE { }", {"v": URIRef("http://example.org/a")})
    assert OxigraphEngine(bundled.store).select(typed).rows == [(URIRef("http://example.org/a"),)]
