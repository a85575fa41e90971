"""Running the shapes: core constraints by pySHACL, then the SHACL-SPARQL ones by Oxigraph."""

from __future__ import annotations

import pyoxigraph as ox
from pyshacl import validate as shacl_validate
from rdflib import Graph, URIRef
from rdflib.namespace import RDF, SH

from kommgraph.validation.findings import Finding
from kommgraph.validation.labels import _short
from kommgraph.validation.shapes import _SEVERITY, _fallback_messages, _rule_name, _templates, core_shapes
from kommgraph.validation.sparql_constraints import sparql_constraint_findings
from kommgraph.validation.stores import _to_ox


def shacl_findings(
    data: Graph,
    shapes: Graph,
    focus_nodes: list[str] | None = None,
    *,
    store: ox.Store | None = None,
    core: Graph | None = None,
    inplace: bool = False,
) -> list[Finding]:
    """The findings of the shapes: the core constraints by pySHACL, the SHACL-SPARQL ones by Oxigraph.

    pySHACL parses a SPARQL constraint's query again for every focus node, which takes seconds on a
    few thousand triples; Oxigraph runs each constraint once with all its focus nodes bound.
    ``store`` holds the same triples as ``data`` in its default graph (made from ``data`` if not given).
    """
    if store is None:
        store = ox.Store()
        store.extend([ox.Quad(_to_ox(s), _to_ox(p), _to_ox(o)) for s, p, o in data])
    core = core if core is not None else core_shapes(shapes)
    findings = core_findings(data, shapes, core, focus_nodes, inplace=inplace)
    return findings + sparql_constraint_findings(store, shapes, set(focus_nodes) if focus_nodes else None)


def core_findings(
    data: Graph, shapes: Graph, core: Graph, focus_nodes: list[str] | None = None, *, inplace: bool = False
) -> list[Finding]:
    """pySHACL over the core constraints; ``inplace`` spares the copy of a data graph made for this call."""
    conforms, results, _ = shacl_validate(
        data,
        shacl_graph=core,
        inference="none",
        advanced=True,
        allow_warnings=True,
        allow_infos=True,
        inplace=inplace,
        focus_nodes=[URIRef(n) for n in focus_nodes] if focus_nodes else None,
    )
    findings: list[Finding] = []
    if conforms:
        return findings
    details = set(results.objects(None, SH.detail))
    for result in results.subjects(RDF.type, SH.ValidationResult):
        if result in details:
            continue  # nested results of sh:node; the outer result carries the shape's message
        shape = results.value(result, SH.sourceShape)
        path = results.value(result, SH.resultPath)
        value = results.value(result, SH.value)
        short_path = _short(path) if path is not None else ""
        short_value = _short(value) if value is not None else ""
        given = sorted(str(m) for m in results.objects(result, SH.resultMessage))
        messages = _templates(shapes, shape) or _fallback_messages(
            shapes, results.value(result, SH.sourceConstraintComponent), shape, short_path, short_value, given
        )
        findings.append(
            Finding(
                rule=_rule_name(shapes, shape),
                severity=_SEVERITY.get(results.value(result, SH.resultSeverity), "violation"),
                focus=str(results.value(result, SH.focusNode)),
                messages=messages,
                path=short_path,
                value=short_value,
                path_iri=str(path) if isinstance(path, URIRef) else "",
                component=str(results.value(result, SH.sourceConstraintComponent) or ""),
            )
        )
    return findings
