"""The core SHACL constraints of the shapes as SPARQL queries on Oxigraph: one query per constraint over
the whole store, instead of pySHACL over an rdflib copy of it.

Measured on synthetic data (benchmarks/scale_benchmark.py, BENCHMARKS.md "## Scale"): pySHACL needs
minutes at 100k triples and does not finish at 1M; these queries take seconds at 1M, with the same
findings (tests/validation/test_sparql_core.py compares both on data with injected violations).
pySHACL stays the reference engine (``engine="pyshacl"``).

Supported: targets sh:targetClass/targetSubjectsOf/targetObjectsOf/targetNode; on property shapes with
an IRI path sh:minCount, maxCount, class, datatype, nodeKind, languageIn, uniqueLang, pattern,
minLength, maxLength, minInclusive, maxInclusive, minExclusive, maxExclusive, in, hasValue, disjoint,
equals, lessThan, and sh:node/sh:or over shapes made of class, datatype and nodeKind.
``unsupported`` names any other constraint, so that a shape using one is not silently skipped.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import RDF, SH

from kommgraph.validation.findings import Finding
from kommgraph.validation.labels import _short
from kommgraph.validation.shapes import _SEVERITY, _fallback_messages, _rule_name, _templates

SUBCLASS = "<http://www.w3.org/2000/01/rdf-schema#subClassOf>"
_TARGETS = {
    SH.targetClass: "?this a/" + SUBCLASS + "* {} .",
    SH.targetSubjectsOf: "?this {} ?any_ .",
    SH.targetObjectsOf: "?any_ {} ?this .",
}
_NODE_KINDS = {
    SH.IRI: "isIRI({v})",
    SH.BlankNode: "isBlank({v})",
    SH.Literal: "isLiteral({v})",
    SH.BlankNodeOrIRI: "(isBlank({v}) || isIRI({v}))",
    SH.BlankNodeOrLiteral: "(isBlank({v}) || isLiteral({v}))",
    SH.IRIOrLiteral: "(isIRI({v}) || isLiteral({v}))",
}
_COMPARISONS = {
    SH.minInclusive: ">=",
    SH.maxInclusive: "<=",
    SH.minExclusive: ">",
    SH.maxExclusive: "<",
}
# parameters that are no constraint of their own
_NOT_CONSTRAINTS = {
    SH.path,
    SH.message,
    SH.severity,
    SH.name,
    SH.description,
    SH.order,
    SH.group,
    SH.deactivated,
    SH.flags,
    RDF.type,
}


class Unsupported(ValueError):
    """A shape uses a constraint that this engine does not translate."""


@dataclass(frozen=True)
class Query:
    """One constraint of one property shape: rows of ?this (and ?value where the result has one)."""

    shape: object  # the property shape's node in the shapes graph
    component: str
    text: str
    has_value: bool = True
    # sh:minCount 1: the focus pattern and the path, so that all of a shape's run as one query
    required: tuple[str, str] | None = None


def term(node) -> str:
    """An rdflib term in SPARQL syntax."""
    if isinstance(node, URIRef):
        return f"<{node}>"
    if isinstance(node, Literal):
        lexical = (
            str(node).replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")
        )
        if node.language:
            return f'"{lexical}"@{node.language}'
        return f'"{lexical}"^^<{node.datatype}>' if node.datatype else f'"{lexical}"'
    raise Unsupported(f"blank node {node} as a constraint parameter")


def _list(shapes: Graph, head) -> list:
    return list(Collection(shapes, head))


def value_test(shapes: Graph, shape, v: str = "?value") -> str:
    """A SPARQL expression, true when ``v`` conforms to the node shape ``shape`` (class, datatype,
    nodeKind, sh:or, sh:and, sh:not, sh:in of those)."""
    tests = []
    for predicate, obj in _constraints(shapes, shape):
        if predicate in (SH.targetClass, SH.property):
            continue
        if predicate == SH["class"]:
            tests.append(f"EXISTS {{ {v} a/{SUBCLASS}* {term(obj)} }}")
        elif predicate == SH.datatype:
            tests.append(f"(isLiteral({v}) && DATATYPE({v}) = {term(obj)})")
        elif predicate == SH.nodeKind:
            tests.append(_NODE_KINDS[obj].format(v=v))
        elif predicate == SH["or"]:
            tests.append("(" + " || ".join(value_test(shapes, s, v) for s in _list(shapes, obj)) + ")")
        elif predicate == SH["and"]:
            tests.append("(" + " && ".join(value_test(shapes, s, v) for s in _list(shapes, obj)) + ")")
        elif predicate == SH["not"]:
            tests.append(f"!({value_test(shapes, obj, v)})")
        elif predicate == SH["in"]:
            tests.append(f"({v} IN ({', '.join(term(x) for x in _list(shapes, obj))}))")
        else:
            raise Unsupported(f"{_short(predicate)} inside a value shape {shape}")
    return "(" + " && ".join(tests) + ")" if tests else "true"


def _constraints(shapes: Graph, node) -> list[tuple]:
    """The SHACL parameters of ``node`` that are constraints, in a fixed order."""
    pairs = [
        (p, o)
        for p, o in shapes.predicate_objects(node)
        if str(p).startswith(str(SH)) and p not in _NOT_CONSTRAINTS
    ]
    return sorted(pairs, key=lambda po: (str(po[0]), str(po[1])))


def _sameterm_in(v: str, values: list) -> str:
    return "(" + " || ".join(f"sameTerm({v}, {term(x)})" for x in values) + ")" if values else "false"


def property_queries(shapes: Graph, prop, focus_pattern: str) -> Iterator[Query]:
    """The queries of one property shape; ``focus_pattern`` binds ?this to its focus nodes."""
    path = shapes.value(prop, SH.path)
    if not isinstance(path, URIRef):
        raise Unsupported(f"path {path} of {prop}: only IRI paths")
    p = term(path)
    values = f"{focus_pattern} ?this {p} ?value ."

    def select(component: str, where: str, value: bool = True, tail: str = "") -> Query:
        projection = "?this ?value" if value else "?this"
        text = f"SELECT DISTINCT {projection} WHERE {{ {where} }} {tail}"
        return Query(prop, str(SH[component]), text, value)

    for predicate, obj in _constraints(shapes, prop):
        if predicate == SH.minCount and int(obj) == 1:  # the usual case, without grouping every node
            text = f"SELECT DISTINCT ?this WHERE {{ {focus_pattern} MINUS {{ ?this {p} ?value }} }}"
            yield Query(prop, str(SH.MinCountConstraintComponent), text, False, (focus_pattern, p))
            continue
        if predicate == SH.minCount:
            yield select(
                "MinCountConstraintComponent",
                f"{focus_pattern} OPTIONAL {{ ?this {p} ?value }}",
                value=False,
                tail=f"GROUP BY ?this HAVING(COUNT(DISTINCT ?value) < {int(obj)})",
            )
            continue
        if predicate == SH.maxCount:
            # the subjects with too many values first (few), then which of them are focus nodes
            yield select(
                "MaxCountConstraintComponent",
                f"{{ SELECT ?this WHERE {{ ?this {p} ?value }} GROUP BY ?this "
                f"HAVING(COUNT(DISTINCT ?value) > {int(obj)}) }} {focus_pattern}",
                value=False,
            )
            continue
        if predicate == SH.uniqueLang:
            if obj != Literal(True):
                continue
            yield Query(
                prop,
                str(SH.UniqueLangConstraintComponent),
                f'SELECT DISTINCT ?this WHERE {{ {values} FILTER(LANG(?value) != "") }} '
                "GROUP BY ?this LANG(?value) HAVING(COUNT(DISTINCT ?value) > 1)",
                False,
            )
            continue
        if predicate == SH.disjoint:
            yield select("DisjointConstraintComponent", f"{values} ?this {term(obj)} ?value .")
            continue
        if predicate == SH.equals:
            other = term(obj)
            yield select(
                "EqualsConstraintComponent",
                f"{focus_pattern} {{ ?this {p} ?value . FILTER NOT EXISTS {{ ?this {other} ?value }} }} "
                f"UNION {{ ?this {other} ?value . FILTER NOT EXISTS {{ ?this {p} ?value }} }}",
            )
            continue
        if predicate == SH.lessThan:
            yield select(
                "LessThanConstraintComponent",
                f"{values} ?this {term(obj)} ?other_ . FILTER(!COALESCE(?value < ?other_, false))",
            )
            continue
        if predicate == SH.hasValue:
            yield select(
                "HasValueConstraintComponent",
                f"{focus_pattern} FILTER NOT EXISTS {{ ?this {p} {term(obj)} }}",
                value=False,
            )
            continue
        if predicate == SH["class"]:
            # values without an instance of the class, found by one anti-join instead of an EXISTS per
            # value, then which of them belong to focus nodes
            yield select(
                "ClassConstraintComponent",
                f"{{ ?this {p} ?value MINUS {{ ?value a/{SUBCLASS}* {term(obj)} }} }} {focus_pattern}",
            )
            continue
        component, test = _value_constraint(shapes, predicate, obj, prop)
        yield select(component, f"{values} FILTER(!COALESCE({test}, false))")


def _value_constraint(shapes: Graph, predicate, obj, prop) -> tuple[str, str]:
    """(component, a test each value must pass) for the constraints that look at one value at a time."""
    v = "?value"
    if predicate == SH["class"]:
        return "ClassConstraintComponent", f"EXISTS {{ {v} a/{SUBCLASS}* {term(obj)} }}"
    if predicate == SH.datatype:
        return "DatatypeConstraintComponent", f"(isLiteral({v}) && DATATYPE({v}) = {term(obj)})"
    if predicate == SH.nodeKind:
        return "NodeKindConstraintComponent", _NODE_KINDS[obj].format(v=v)
    if predicate == SH.languageIn:
        tags = [str(t) for t in _list(shapes, obj)]
        matches = " || ".join(f'LANGMATCHES(LANG({v}), "{t}")' for t in tags) or "false"
        return "LanguageInConstraintComponent", f"(isLiteral({v}) && ({matches}))"
    if predicate == SH.pattern:
        flags = shapes.value(prop, SH.flags)
        extra = f', "{flags}"' if flags is not None else ""
        return (
            "PatternConstraintComponent",
            f"(!isBlank({v}) && REGEX(STR({v}), {term(Literal(str(obj)))}{extra}))",
        )
    if predicate == SH.minLength:
        return "MinLengthConstraintComponent", f"(!isBlank({v}) && STRLEN(STR({v})) >= {int(obj)})"
    if predicate == SH.maxLength:
        return "MaxLengthConstraintComponent", f"(!isBlank({v}) && STRLEN(STR({v})) <= {int(obj)})"
    if predicate in _COMPARISONS:
        name = str(predicate).rsplit("#", 1)[1]
        return (
            f"{name[0].upper()}{name[1:]}ConstraintComponent",
            f"({v} {_COMPARISONS[predicate]} {term(obj)})",
        )
    if predicate == SH["in"]:
        return "InConstraintComponent", _sameterm_in(v, _list(shapes, obj))
    if predicate == SH.node:
        return "NodeConstraintComponent", value_test(shapes, obj, v)
    if predicate == SH["or"]:
        return "OrConstraintComponent", "(" + " || ".join(
            value_test(shapes, s, v) for s in _list(shapes, obj)
        ) + ")"
    raise Unsupported(f"{_short(predicate)} on {prop}")


def focus_pattern(shapes: Graph, shape, focus: set[str] | None) -> str | None:
    """A graph pattern binding ?this to the focus nodes of ``shape`` (None: it has no targets)."""
    branches = []
    nodes = sorted(str(n) for n in shapes.objects(shape, SH.targetNode))
    if nodes:
        branches.append("VALUES ?this { " + " ".join(f"<{n}>" for n in nodes) + " }")
    for kind, pattern in _TARGETS.items():
        for target in sorted(shapes.objects(shape, kind), key=str):
            branches.append(pattern.format(term(target)))
    if not branches:
        return None
    union = " UNION ".join(f"{{ {b} }}" for b in branches)
    if focus is not None:
        union = "VALUES ?this { " + " ".join(f"<{n}>" for n in sorted(focus)) + " } " + union
    return "{ SELECT DISTINCT ?this WHERE { " + union + " FILTER(isIRI(?this) || isBlank(?this)) } }"


def queries(shapes: Graph, focus: set[str] | None = None) -> list[Query]:
    """Every core constraint of the shapes as a query (node shapes with targets, their property shapes)."""
    result = []
    for shape in sorted({s for s in shapes.subjects(SH.property, None)}, key=str):
        if shapes.value(shape, SH.deactivated) == Literal(True):
            continue
        pattern = focus_pattern(shapes, shape, focus)
        if pattern is None:
            continue
        for prop in sorted(
            shapes.objects(shape, SH.property), key=lambda n: (str(shapes.value(n, SH.path)), str(n))
        ):
            if shapes.value(prop, SH.deactivated) == Literal(True):
                continue
            result.extend(property_queries(shapes, prop, pattern))
    return result


_CACHE: dict[int, tuple[Graph, int, list[Query]]] = {}


def _cached_queries(core: Graph) -> list[Query]:
    """The unfocused queries of a shapes graph, made once per graph (every scope of a run shares it)."""
    cached = _CACHE.get(id(core))
    if cached is None or cached[0] is not core or cached[1] != len(core):
        cached = (core, len(core), queries(core))
        _CACHE.clear()
        _CACHE[id(core)] = cached
    return cached[2]


def sparql_core_findings(
    store: ox.Store, shapes: Graph, core: Graph, focus_nodes: list[str] | None = None
) -> list[Finding]:
    """The findings of the core constraints in ``core``, found by Oxigraph in the store's default graph;
    rule names, severities and messages come from ``shapes`` as for pySHACL's results."""
    focus = set(focus_nodes) if focus_nodes else None
    findings = []
    chosen = _cached_queries(core) if focus is None else queries(core, focus)
    required = _required_rows(store, [q.required for q in chosen if q.required])
    for query in chosen:
        solutions = required[query.required] if query.required else list(store.query(query.text))
        if not solutions:
            continue
        path = core.value(query.shape, SH.path)
        severity = _SEVERITY.get(core.value(query.shape, SH.severity), "violation")
        rule = _rule_name(shapes, query.shape) if not isinstance(query.shape, BNode) else None
        for solution in solutions:
            this = solution["this"]
            value = solution["value"] if query.has_value else None
            short_path = _short(str(path))
            short_value = _short(_node_text(value)) if value is not None else ""
            messages = _templates(shapes, query.shape) or _fallback_messages(
                shapes, URIRef(query.component), query.shape, short_path, short_value, []
            )
            findings.append(
                Finding(
                    rule=rule or _rule_name(core, query.shape),
                    severity=severity,
                    focus=this.value,
                    messages=messages,
                    path=short_path,
                    value=short_value,
                    path_iri=str(path),
                    component=query.component,
                )
            )
    return findings


def _required_rows(store: ox.Store, required: list[tuple[str, str]]) -> dict[tuple[str, str], list]:
    """The focus nodes without a value, for each (focus pattern, path) of a sh:minCount 1: one query per
    focus pattern for all its paths (at 1M a pass over the focus nodes per path cost 2.4 times as much)."""
    paths: dict[str, list[str]] = {}
    for pattern, path in required:
        paths.setdefault(pattern, [])
        if path not in paths[pattern]:
            paths[pattern].append(path)
    rows: dict[tuple[str, str], list] = {pair: [] for pair in required}
    for pattern, group in paths.items():
        text = (
            f"SELECT DISTINCT ?this ?path_ WHERE {{ {pattern} VALUES ?path_ {{ {' '.join(group)} }} "
            "FILTER NOT EXISTS { ?this ?path_ ?value } }"
        )
        for solution in store.query(text):
            rows[(pattern, f"<{solution['path_'].value}>")].append(solution)
    return rows


def _node_text(node) -> object:
    """What pySHACL's result would carry as sh:value, as rdflib terms (for the same short form)."""
    if isinstance(node, ox.NamedNode):
        return URIRef(node.value)
    if isinstance(node, ox.Literal):
        if node.language:
            return Literal(node.value, lang=node.language)
        return Literal(node.value, datatype=URIRef(node.datatype.value))
    return BNode(node.value)
