"""SHACL-SPARQL constraints (sh:sparql) run in Oxigraph, once per constraint with all focus nodes."""

from __future__ import annotations

import re

import pyoxigraph as ox
from rdflib import Graph, Literal
from rdflib.namespace import SH

from kommgraph.validation.findings import Finding
from kommgraph.validation.labels import _short
from kommgraph.validation.shapes import _PLACEHOLDER, _SEVERITY, _templates

_TARGETS = {
    SH.targetClass: "?this a/<http://www.w3.org/2000/01/rdf-schema#subClassOf>* <{}>",
    SH.targetSubjectsOf: "?this <{}> ?any",
    SH.targetObjectsOf: "?any <{}> ?this",
}


def target_nodes(store: ox.Store, shapes: Graph, shape, among: set[str] | None = None) -> set[str]:
    """The focus nodes of a shape's targets in the store's default graph (``among``: only those of
    these nodes, asked for by name instead of listing every target of the whole store)."""
    nodes = {str(n) for n in shapes.objects(shape, SH.targetNode)}
    if among is not None:
        nodes &= among
    values = "VALUES ?this { " + " ".join(f"<{n}>" for n in sorted(among)) + " } " if among else ""
    for kind, pattern in _TARGETS.items():
        for target in shapes.objects(shape, kind):
            if among is not None and not among:
                continue
            query = (
                "SELECT DISTINCT ?this WHERE { " + values + pattern.format(target) + " FILTER(isIRI(?this)) }"
            )
            nodes |= {s["this"].value for s in store.query(query)}
    return nodes


def _prefix_block(shapes: Graph, constraint) -> str:
    lines = []
    for declarations in shapes.objects(constraint, SH.prefixes):
        for declaration in shapes.objects(declarations, SH.declare):
            prefix, namespace = shapes.value(declaration, SH.prefix), shapes.value(declaration, SH.namespace)
            if prefix is not None and namespace is not None:
                lines.append(f"PREFIX {prefix}: <{namespace}>")
    return "\n".join(sorted(set(lines)))


def _with_focus(select: str, nodes: set[str] | str) -> str:
    """The query with ``$this`` as ``?this``, bound to ``nodes`` by a VALUES block opening its WHERE
    (or, given a graph pattern instead of nodes, by that pattern: at volume a VALUES block of every
    focus node is far slower than letting the store join the target pattern)."""
    text = re.sub(r"\$this\b", "?this", select)
    where = re.search(r"\bWHERE\s*\{", text, flags=re.I) or re.search(r"\{", text)
    if isinstance(nodes, str):
        values = nodes + " "
    else:
        values = "VALUES ?this { " + " ".join(f"<{n}>" for n in sorted(nodes)) + " } "
    return text[: where.end()] + " " + values + text[where.end() :]


def target_pattern(shapes: Graph, shape) -> str:
    """A subquery binding ?this to the focus nodes of ``shape``'s targets."""
    nodes = sorted(str(n) for n in shapes.objects(shape, SH.targetNode))
    branches = [f"VALUES ?this {{ <{n}> }}" for n in nodes]
    for kind, pattern in _TARGETS.items():
        for target in sorted(shapes.objects(shape, kind), key=str):
            branches.append(pattern.format(target))
    union = " UNION ".join(f"{{ {b} }}" for b in branches)
    return f"{{ SELECT DISTINCT ?this WHERE {{ {union} FILTER(isIRI(?this)) }} }}"


def sparql_constraint_findings(
    store: ox.Store, shapes: Graph, focus: set[str] | None = None
) -> list[Finding]:
    """SHACL-SPARQL constraints (``sh:sparql``): each solution is a result about ``$this``."""
    findings = []
    for shape in sorted(set(shapes.subjects(SH.sparql, None)), key=str):
        if shapes.value(shape, SH.deactivated) == Literal(True):
            continue
        if focus is None:
            nodes = target_pattern(shapes, shape)
        else:
            nodes = target_nodes(store, shapes, shape, focus)
            if not nodes:
                continue
        severity = _SEVERITY.get(shapes.value(shape, SH.severity), "violation")
        for constraint in sorted(shapes.objects(shape, SH.sparql), key=str):
            if shapes.value(constraint, SH.deactivated) == Literal(True):
                continue
            select = str(shapes.value(constraint, SH.select))
            query = _prefix_block(shapes, constraint) + "\n" + _with_focus(select, nodes)
            templates = _templates(shapes, constraint, shape)
            seen = set()
            solutions = store.query(query)
            names = [v.value for v in solutions.variables]
            for solution in solutions:
                values = {name: solution[name] for name in names if solution[name] is not None}
                this = values.get("this")
                if this is None:
                    continue
                value, path = values.get("value", this), values.get("path")
                key = (
                    this.value,
                    str(path),
                    str(value),
                    tuple(sorted((k, str(v)) for k, v in values.items())),
                )
                if key in seen:
                    continue
                seen.add(key)
                texts = {k: getattr(v, "value", str(v)) for k, v in values.items() if v is not None}
                messages = {
                    lang: _PLACEHOLDER.sub(lambda m, t=texts: t.get(m.group(1), m.group(0)), template)
                    for lang, template in templates.items()
                } or {"de": "Verstößt gegen eine SPARQL-Bedingung.", "en": "Violates a SPARQL constraint."}
                findings.append(
                    Finding(
                        rule=_short(shape),
                        severity=severity,
                        focus=this.value,
                        messages=messages,
                        path=_short(path.value) if path is not None else "",
                        value=_short(getattr(value, "value", value)),
                        path_iri=path.value if path is not None else "",
                        component=str(SH.SPARQLConstraintComponent),
                    )
                )
    return findings
