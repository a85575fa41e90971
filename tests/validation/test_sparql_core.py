"""The fast path (core SHACL constraints as SPARQL on Oxigraph) finds exactly what pySHACL finds."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Graph

from conftest import derived_graph_of
from kommgraph.store.load import load
from kommgraph.synth import KINDS, synthesize
from kommgraph.validation.context import Context
from kommgraph.validation.scope import validate
from kommgraph.validation.shacl import core_findings
from kommgraph.validation.shapes import core_shapes, shapes_graph
from kommgraph.validation.sparql_core import sparql_core_findings
from kommgraph.validation.stores import _to_ox

SHAPES_CASES = Path(__file__).parents[1] / "shapes"


def comparable(findings) -> list[tuple]:
    return sorted(
        (f.rule, f.severity, f.focus, f.path, f.value, f.component, f.file, f.line)
        + (f.message("en"), f.message("de"))
        for f in findings
    )


@pytest.fixture(scope="module")
def shapes():
    return shapes_graph()


@pytest.mark.parametrize("case", ["base", *sorted(p.stem for p in (SHAPES_CASES / "invalid").glob("*.ru"))])
def test_each_breaking_example_gives_the_same_core_findings(case, shapes):
    data = Graph().parse(SHAPES_CASES / "base.ttl")
    if case != "base":
        data.update((SHAPES_CASES / "invalid" / f"{case}.ru").read_text(encoding="utf-8"))
    data = derived_graph_of(data)
    store = ox.Store()
    store.extend([ox.Quad(_to_ox(s), _to_ox(p), _to_ox(o)) for s, p, o in data])
    core = core_shapes(shapes)
    reference = core_findings(data, shapes, core)
    assert comparable(sparql_core_findings(store, shapes, core)) == comparable(reference)


def test_synthetic_10k_with_injected_violations_same_findings_as_pyshacl(tmp_path):
    result = synthesize(tmp_path / "d", 95, 11, {kind: 2 for kind in KINDS})
    assert 9_000 < result.triples < 11_000
    loaded = load(tmp_path / "d")
    found = {}
    for engine in ("oxigraph", "pyshacl"):
        context = Context.of(loaded.store, loaded.files, engine)
        report = validate(loaded.store, loaded.files, loaded.layout, context=context)
        found[engine] = comparable(report.findings)
    assert found["oxigraph"] == found["pyshacl"]
    assert {(i.rule, i.focus) for i in result.injected} <= {(f[0], f[2]) for f in found["pyshacl"]}
