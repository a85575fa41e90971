"""Parameter values never become query syntax: each is bound as one term or refused, on every engine.

The echo query returns its parameter, so a value that came back unchanged as a literal was bound as a
literal; and the bound text parses as the same single SELECT query with one row of VALUES, so the value
added no syntax (no second query, no update, no extra pattern).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import XSD

from kommgraph.query import catalogue as queries
from kommgraph.query.binding import MAX_VALUE_LENGTH, ParameterError
from kommgraph.query.engines import OxigraphEngine, RdflibEngine, RemoteEngine

ECHO = queries.load_query(Path(__file__).with_name("echo.rq"))

BOUND = {
    "quotes": 'O\'Brien sagt "Hallo" und \'\'\'dreifach\'\'\' """auch"""',
    "angle-brackets": "a > b <http://example.org/x> c",
    "braces": "} { ?s ?p ?o } {",
    "newlines": "erste Zeile\nzweite Zeile\r\ndritte\tmit Tab",
    "drop-all": '"} ; DROP ALL ; {"',
    "delete-where": 'x" . } DELETE WHERE { ?s ?p ?o } #',
    "close-values": '") } } SELECT * WHERE { ?s ?p ?o } #',
    "backslashes": 'C:\\Temp\\ \\" \\n',
    "comment": "# not a comment\n?s ?p ?o",
    "unicode": "Größe – 東京 😀 ß",
    "long": ('"} ; DROP ALL ; {"' * 200)[: MAX_VALUE_LENGTH - 1],
}
REFUSED = {
    "u-escape": "\\u0022} ; DROP ALL ; {\\u0022",
    "U-escape": "\\U00000022) }",
    "too-long": "x" * (MAX_VALUE_LENGTH + 1),
    "nul": "a\x00b",
    "control": "a\x1bb",
}


@pytest.fixture(scope="module")
def engines(bundled, mirror):
    return {
        "oxigraph": OxigraphEngine(bundled.store),
        "rdflib": RdflibEngine.from_store(bundled.store),
        "remote": RemoteEngine(mirror.query_url),
    }


ENGINE_NAMES = ("oxigraph", "rdflib", "remote")


def shape(text: str) -> str:
    """The parsed query with every literal replaced by one placeholder: equal for two texts that differ
    only in the values of literals."""
    from rdflib.plugins.sparql.parser import parseQuery

    parsed = parseQuery(text)
    assert len(parsed) == 2 and parsed[1].name in ("SelectQuery",), "one SELECT query"
    return re.sub(r"Literal\((?:'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\")\)", "Literal(L)", repr(parsed))


PLAIN = ECHO.bind({"text": "plain"})


@pytest.mark.parametrize("engine_name", ENGINE_NAMES)
@pytest.mark.parametrize("payload", list(BOUND), ids=list(BOUND))
def test_value_is_bound_as_one_literal(engines, engine_name, payload):
    engine = engines[engine_name]
    result = engine.select(ECHO.text, ECHO.bindings({"text": BOUND[payload]}))
    assert result.variables == ["value", "thing", "day"]
    assert result.rows == [(Literal(BOUND[payload]), None, None)]


@pytest.mark.parametrize("payload", list(BOUND), ids=list(BOUND))
def test_a_bound_value_adds_no_syntax(payload):
    assert shape(ECHO.bind({"text": BOUND[payload]})) == shape(PLAIN)


@pytest.mark.parametrize("payload", list(REFUSED), ids=list(REFUSED))
def test_value_is_refused_before_any_engine_runs(payload):
    with pytest.raises(ParameterError, match="parameter 'text'"):
        ECHO.bindings({"text": REFUSED[payload]})


@pytest.mark.parametrize("engine_name", ENGINE_NAMES)
def test_iri_and_date_parameters_are_bound_as_terms(engines, engine_name):
    bindings = ECHO.bindings({"text": "x", "thing": "https://example.org/a?b=c#d", "day": "2018-06-01"})
    rows = engines[engine_name].select(ECHO.text, bindings).rows
    assert rows == [
        (Literal("x"), URIRef("https://example.org/a?b=c#d"), Literal("2018-06-01", datatype=XSD.date))
    ]


@pytest.mark.parametrize(
    "value",
    [
        "https://example.org/x> } ; DROP ALL ; {<https://example.org/y",
        "https://example.org/a b",
        'https://example.org/"quoted"',
        "https://example.org/{braces}",
        "https://example.org/\\u0020",
        "not an iri",
        "",
    ],
)
def test_bad_iris_are_refused(value):
    with pytest.raises(ParameterError, match="thing"):
        ECHO.bindings({"text": "x", "thing": value})


@pytest.mark.parametrize(
    "value", ["2018-06-01T00:00:00", "2018-02-30", '2018-06-01"^^<x>', "01.06.2018", "2018-6-1"]
)
def test_bad_dates_are_refused(value):
    with pytest.raises(ParameterError, match="parameter 'day' must be xsd:date like 2018-05-31"):
        ECHO.bindings({"text": "x", "day": value})


@pytest.mark.parametrize("engine_name", ENGINE_NAMES)
@pytest.mark.parametrize("payload", ["drop-all", "braces", "close-values", "long"])
def test_stored_query_with_hostile_pattern_finds_nothing_and_adds_no_syntax(engines, engine_name, payload):
    stored = queries.resolve("replaced-units")
    engine = engines[engine_name]
    result = engine.select(stored.text, stored.bindings({"pattern": BOUND[payload]}))
    assert result.rows == []
    assert result.variables[:3] == ["authority", "replaced", "successor"]
    assert shape(stored.bind({"pattern": BOUND[payload]})) == shape(stored.bind({"pattern": "x"}))


def test_the_values_block_holds_serialised_terms_only():
    text = ECHO.bind({"text": '"} ; DROP ALL ; {"', "day": "2018-06-01"})
    assert 'VALUES (?__day_xsd_date ?_text) { ("2018-06-01"^^<http://www.w3.org/2001/XMLSchema#date> ' in text
    assert '"\\"} ; DROP ALL ; {\\""' in text
