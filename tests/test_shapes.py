"""Every shape has a conforming example (shapes/base.ttl) and a breaking one (shapes/invalid/SHAPE.ru)."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import RDF, RDFS, SH

from conftest import derived_graph_of
from kommgraph.validation.shacl import shacl_findings
from kommgraph.validation.shapes import shapes_graph

HERE = Path(__file__).parent / "shapes"
KGSH = "https://w3id.org/kommgraph/shapes#"
TARGETS = (SH.targetClass, SH.targetSubjectsOf, SH.targetObjectsOf, SH.targetNode)


def targeted_shapes() -> list[str]:
    shapes = shapes_graph()
    return sorted(
        {
            str(s)[len(KGSH) :]
            for s in shapes.subjects(RDF.type, SH.NodeShape)
            if any(shapes.value(s, t) is not None for t in TARGETS)
        }
    )


@pytest.fixture(scope="module")
def shapes():
    return shapes_graph()


@pytest.fixture(scope="module")
def base() -> Graph:
    return Graph().parse(HERE / "base.ttl")


@pytest.fixture(scope="module")
def derived_base(base) -> Graph:
    return derived_graph_of(base)


def test_base_conforms_to_every_shape(derived_base, shapes):
    findings = shacl_findings(derived_base, shapes)
    assert [(f.rule, f.focus, f.message()) for f in findings] == []


@pytest.mark.parametrize("shape", targeted_shapes())
def test_base_gives_each_shape_a_focus_node(shape, derived_base, shapes):
    """A conforming example only proves something when the shape looks at one of its nodes."""
    data = derived_base
    node = URIRef(KGSH + shape)
    focus = set()
    for cls in shapes.objects(node, SH.targetClass):
        for sub in data.transitive_subjects(RDFS.subClassOf, cls):  # SHACL instances include subclasses
            focus |= set(data.subjects(RDF.type, sub))
    for prop in shapes.objects(node, SH.targetSubjectsOf):
        focus |= set(data.subjects(prop, None))
    assert focus, f"{shape} has no focus node in base.ttl"


@pytest.mark.parametrize("shape", targeted_shapes())
def test_every_shape_has_a_breaking_example(shape):
    assert (HERE / "invalid" / f"{shape}.ru").exists(), f"add tests/shapes/invalid/{shape}.ru"


@pytest.mark.parametrize("case", sorted(p.stem for p in (HERE / "invalid").glob("*.ru")))
def test_breaking_example_is_reported_by_its_shape(case, base, shapes):
    data = Graph()
    for triple in base:
        data.add(triple)
    data.update((HERE / "invalid" / f"{case}.ru").read_text(encoding="utf-8"))
    findings = shacl_findings(derived_graph_of(data), shapes)
    rules = sorted({f.rule for f in findings})
    assert rules and all(rule.split("/")[0] == f"kgsh:{case}" for rule in rules), rules
    assert all(f.messages.get("de") and f.messages.get("en") for f in findings)
