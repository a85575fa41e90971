"""The shapes conform to the W3C SHACL-for-SHACL shapes, and the Turtle tokenizer finds lines."""

from __future__ import annotations

from pathlib import Path

import pyshacl
import pytest
from rdflib import Graph
from rdflib.namespace import SH

from kommgraph.store.dataset import GraphFile
from kommgraph.store.load import load
from kommgraph.validation.locate import Locator, blank_node_positions, subject_lines
from kommgraph.validation.shapes import shapes_graph
from kommgraph.validation.sparql_constraints import sparql_constraint_findings
from kommgraph.validation.stores import default_graph_as_rdflib

SHACL_SHACL = Path(pyshacl.__file__).parent / "assets" / "shacl-shacl.ttl"


@pytest.fixture(scope="module")
def shsh() -> Graph:
    return Graph().parse(SHACL_SHACL, format="turtle")


def test_the_shapes_conform_to_shacl_for_shacl(shsh):
    conforms, _, text = pyshacl.validate(shapes_graph(), shacl_graph=shsh, inference="none")
    assert conforms, text


def test_shacl_for_shacl_rejects_a_broken_shape(shsh):
    """The check has teeth: a shape with a non-integer sh:minCount and two sh:path values fails."""
    broken = Graph().parse(
        data="""
        @prefix sh: <http://www.w3.org/ns/shacl#> .
        @prefix ex: <http://example.org/> .
        ex:S a sh:NodeShape ; sh:targetClass ex:C ;
            sh:property [ sh:path ex:p , ex:q ; sh:minCount "one" ] .
    """,
        format="turtle",
    )
    conforms, _, _ = pyshacl.validate(broken, shacl_graph=shsh, inference="none")
    assert not conforms


TURTLE = '''# a comment with [ brackets ] and _:b0 that make no blank node
@prefix ex: <http://example.org/> .
PREFIX kg: <https://w3id.org/kommgraph/ontology#>
@base <http://example.org/base/> .

ex:a kg:label "a string with # and [ and ( inside" ;
    kg:next ex:b .
ex:b kg:text """a long
string over [ lines ]""" ; kg:list () .
<relative> kg:x ex:a.
ex:c kg:y [ kg:z ex:a ] ;
    kg:w ( ex:a ex:b ) ,
         _:x .
'''


def test_subject_lines_resolve_prefixes_and_base():
    assert subject_lines(TURTLE) == {
        "http://example.org/a": 6,
        "http://example.org/b": 8,
        "http://example.org/base/relative": 10,
        "http://example.org/c": 11,
    }


def test_blank_nodes_are_found_outside_strings_and_comments_only():
    assert [(t.line, t.column, t.text) for t in blank_node_positions(TURTLE)] == [
        (11, 11, "["),
        (12, 10, "("),
        (13, 10, "_:x"),
    ]


def test_the_locator_prefers_the_file_of_the_graph_asked_for(tmp_path):
    first, second = tmp_path / "a.ttl", tmp_path / "b.ttl"
    first.write_text("\n<http://example.org/u> a <http://example.org/T> .\n", encoding="utf-8")
    second.write_text("\n\n\n<http://example.org/u> a <http://example.org/T> .\n", encoding="utf-8")
    locator = Locator([GraphFile(first, "urn:g:a", "source"), GraphFile(second, "urn:g:b", "source")])
    assert locator.find("http://example.org/u") == (str(first), 2)
    assert locator.find("http://example.org/u", ["urn:g:b"]) == (str(second), 4)
    assert locator.find("http://example.org/nothing") is None


def test_oxigraph_runs_the_sparql_constraints_as_pyshacl_does(data):
    """The SHACL-SPARQL constraints give the same results through Oxigraph as through pySHACL."""
    breaks = {
        "000_d65d91dc76021873.ttl": [
            ('kg:validUntil "2018-06-01"^^xsd:date ;', 'kg:validUntil "2019-06-01"^^xsd:date ;'),
        ],
        "002_874d347909a477c9.ttl": [
            ("a kg:SpinOff ;", "a kg:SpinOff , kg:Split ;"),
            ('kg:validFrom "2021-04-01"^^xsd:date ;\n.', 'kg:validFrom "2020"^^xsd:gYear ;\n.'),
        ],
    }
    for name, edits in breaks.items():
        path = data / "ttl" / name
        text = path.read_text(encoding="utf-8")
        for old, new in edits:
            assert old in text
            text = text.replace(old, new, 1)
        path.write_text(text, encoding="utf-8")
    store = load(data).store
    shapes = shapes_graph()
    ours = {(f.rule, f.focus) for f in sparql_constraint_findings(store, shapes)}
    _, results, _ = pyshacl.validate(
        default_graph_as_rdflib(store),
        shacl_graph=shapes,
        inference="none",
        advanced=True,
        allow_warnings=True,
    )
    theirs = {
        (
            "kgsh:" + str(results.value(r, SH.sourceShape)).rsplit("#", 1)[-1],
            str(results.value(r, SH.focusNode)),
        )
        for r in results.subjects(SH.sourceConstraintComponent, SH.SPARQLConstraintComponent)
    }
    assert len(ours) >= 4 and ours == theirs
