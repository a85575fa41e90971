"""The SHACL shapes: loading them, and the rule names, severities and messages they give findings."""

from __future__ import annotations

import re

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import SH

from kommgraph.core import paths
from kommgraph.validation.findings import LANGUAGES
from kommgraph.validation.labels import _short

_SEVERITY = {SH.Violation: "violation", SH.Warning: "warning", SH.Info: "info"}


def shapes_graph() -> Graph:
    graph = Graph()
    for path in sorted(paths.shapes_dir().glob("*.ttl")):
        graph.parse(path, format="turtle")
    return graph


def _rule_name(shapes: Graph, shape) -> str:
    """A node shape by its name; a property shape as ``NodeShape/path``."""
    if isinstance(shape, URIRef):
        return _short(shape)
    parent = next(shapes.subjects(SH.property, shape), None) or next(shapes.subjects(SH.sparql, shape), None)
    path = shapes.value(shape, SH.path)
    name = _short(parent) if parent is not None else "shape"
    return f"{name}/{_short(path)}" if path is not None else name


def _templates(shapes: Graph, *nodes) -> dict[str, str]:
    """The ``sh:message`` of the first node that has any, by language (untagged counts as English)."""
    for node in nodes:
        if node is None:
            continue
        found: dict[str, str] = {}
        for message in sorted(shapes.objects(node, SH.message), key=str):
            lang = message.language if isinstance(message, Literal) and message.language else "en"
            found.setdefault(lang, str(message))
        if found:
            return found
    return {}


_PLACEHOLDER = re.compile(r"\{[?$](\w+)\}")


# Messages for shapes that have no sh:message, by constraint component: {path}, {value}, {param}.
_FALLBACK = {
    "MinCountConstraintComponent": (
        "{path}: zu wenige Werte, mindestens {param} verlangt.",
        "{path}: too few values, at least {param} required.",
    ),
    "MaxCountConstraintComponent": (
        "{path}: zu viele Werte, höchstens {param} erlaubt.",
        "{path}: too many values, at most {param} allowed.",
    ),
    "ClassConstraintComponent": ("{path}: {value} ist kein {param}.", "{path}: {value} is not a {param}."),
    "DatatypeConstraintComponent": (
        "{path}: {value} hat nicht den Datentyp {param}.",
        "{path}: {value} does not have the datatype {param}.",
    ),
    "NodeKindConstraintComponent": (
        "{path}: {value} ist nicht von der Art {param}.",
        "{path}: {value} is not of the node kind {param}.",
    ),
    "PatternConstraintComponent": (
        "{path}: {value} passt nicht zum Muster {param}.",
        "{path}: {value} does not match the pattern {param}.",
    ),
    "InConstraintComponent": (
        "{path}: {value} ist keiner der erlaubten Werte.",
        "{path}: {value} is not an allowed value.",
    ),
    "LanguageInConstraintComponent": (
        "{path}: {value} hat keine erlaubte Sprache.",
        "{path}: {value} is not in an allowed language.",
    ),
}


def _fallback_messages(
    shapes: Graph, component, shape, path: str, value: str, given: list[str]
) -> dict[str, str]:
    name = str(component).rsplit("#", 1)[-1] if component is not None else ""
    templates = _FALLBACK.get(name)
    if templates is None:
        text = given[0] if given else name
        return {
            "de": f"{path or 'Ressource'}: verletzt {name}. ({text})",
            "en": f"{path or 'resource'}: {text}",
        }
    param_name = name.removesuffix("ConstraintComponent")
    param_name = param_name[0].lower() + param_name[1:]
    param = shapes.value(shape, SH[param_name])
    values = {
        "path": path or "–",
        "value": value or "–",
        "param": _short(param) if param is not None else "?",
    }
    return {lang: template.format(**values) for lang, template in zip(LANGUAGES, templates, strict=True)}


def core_shapes(shapes: Graph) -> Graph:
    """The shapes without their SHACL-SPARQL constraints, which ``sparql_constraint_findings`` runs."""
    core = Graph()
    for triple in shapes:
        if triple[1] != SH.sparql:
            core.add(triple)
    return core
