"""Every shape and every check has a broken-data fixture, and each gives its message, file and line."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import RDF, SH

from kommgraph.store.load import load
from kommgraph.validation.catalogue import BUILTIN_RULES
from kommgraph.validation.checks import check_files
from kommgraph.validation.run import validate_loaded
from kommgraph.validation.shacl import shacl_findings
from kommgraph.validation.shapes import shapes_graph

from .conftest import break_data, copy_data, expected_line, load_fixtures

FIXTURES = load_fixtures()
KGSH = "https://w3id.org/kommgraph/shapes#"
TARGETS = (SH.targetClass, SH.targetSubjectsOf, SH.targetObjectsOf, SH.targetNode)


def node_shapes() -> tuple[set[str], set[str]]:
    """The node shapes of shapes/*.ttl, as ``kgsh:Name``: those with a target, and those without."""
    shapes = shapes_graph()
    targeted, other = set(), set()
    for shape in set(shapes.subjects(RDF.type, SH.NodeShape)):
        name = "kgsh:" + str(shape).removeprefix(KGSH)
        (targeted if any(shapes.value(shape, t) is not None for t in TARGETS) else other).add(name)
    return targeted, other


def covered() -> set[str]:
    return {f["rule"].split("/")[0] for f in FIXTURES} | {c for f in FIXTURES for c in f.get("covers", [])}


@pytest.mark.parametrize("shape", sorted(node_shapes()[0]))
def test_every_shape_has_a_fixture(shape):
    assert shape in covered(), f"add a fixture for {shape} to tests/validation/fixtures.toml"


@pytest.mark.parametrize("shape", sorted(node_shapes()[1]))
def test_every_shape_without_target_is_used_and_has_a_fixture(shape):
    iri = URIRef(KGSH + shape.removeprefix("kgsh:"))
    assert (None, SH.node, iri) in shapes_graph(), f"{shape} has no target and no shape uses it (sh:node)"
    assert shape in covered(), f'add a fixture with covers = ["{shape}"] to tests/validation/fixtures.toml'


@pytest.mark.parametrize("rule", sorted([f"check:{p.stem}" for p in check_files()] + list(BUILTIN_RULES)))
def test_every_check_has_a_fixture(rule):
    assert rule in covered(), f"add a fixture for {rule} to tests/validation/fixtures.toml"


def test_the_bundled_data_has_no_findings(data):
    report = validate_loaded(load(data))
    assert [(f.rule, f.focus, f.message()) for f in report.findings] == []


@pytest.mark.parametrize("fixture", FIXTURES, ids=[f["name"] for f in FIXTURES])
def test_fixture_gives_its_message_file_and_line(fixture, tmp_path):
    root = copy_data(tmp_path / "data")
    break_data(root, fixture)
    source = fixture.get("source") or Path(fixture["file"]).stem
    report = validate_loaded(load(root), sources=[source])
    file = root / fixture.get("expect_file", fixture["file"])
    focus = str(file) if fixture["focus"] == "FILE" else fixture["focus"]
    found = [f for f in report.findings if f.rule == fixture["rule"] and f.focus == focus]
    assert found, f"no {fixture['rule']} about {focus}; got {[(f.rule, f.focus) for f in report.findings]}"
    finding = found[0]
    assert (Path(finding.file), finding.line) == (file, expected_line(root, fixture))
    compare = str.startswith if fixture.get("match") == "prefix" else str.__eq__
    assert compare(finding.message("en"), fixture["en"]), finding.message("en")
    assert compare(finding.message("de"), fixture["de"]), finding.message("de")
    assert finding.severity == "violation"
    for other in report.findings:  # whatever else the break causes is reported in both languages too
        assert other.messages.get("de") and other.messages.get("en"), other


def test_a_shape_without_messages_gets_generic_ones_in_both_languages():
    shapes = Graph().parse(
        data="""
        @prefix sh: <http://www.w3.org/ns/shacl#> .
        @prefix ex: <http://example.org/> .
        ex:S a sh:NodeShape ; sh:targetClass ex:Unit ;
            sh:property [ sh:path ex:name ; sh:minCount 1 ] ,
                        [ sh:path ex:size ; sh:maxCount 1 ] .
    """,
        format="turtle",
    )
    data = Graph().parse(
        data="""
        @prefix ex: <http://example.org/> .
        ex:u a ex:Unit ; ex:size 1 , 2 .
    """,
        format="turtle",
    )
    messages = sorted((f.rule, f.messages["en"], f.messages["de"]) for f in shacl_findings(data, shapes))
    assert messages == [
        (
            "http://example.org/S/http://example.org/name",
            "http://example.org/name: too few values, at least 1 required.",
            "http://example.org/name: zu wenige Werte, mindestens 1 verlangt.",
        ),
        (
            "http://example.org/S/http://example.org/size",
            "http://example.org/size: too many values, at most 1 allowed.",
            "http://example.org/size: zu viele Werte, höchstens 1 erlaubt.",
        ),
    ]
