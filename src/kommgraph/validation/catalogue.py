"""The catalogue of every rule kommgraph checks, with descriptions in German and English."""

from __future__ import annotations

from rdflib import Graph
from rdflib.namespace import RDF, SH

from kommgraph.query import catalogue as queries
from kommgraph.validation.checks import check_files
from kommgraph.validation.labels import _short
from kommgraph.validation.shapes import _rule_name, _templates, shapes_graph

# Checks that are code, not shapes or queries: their rule names, severities and descriptions.
BUILTIN_RULES = {
    "check:source-text": {
        "de": "Jede Quelle hat ihren Text in data/sources.",
        "en": "Every source has its text in data/sources.",
    },
    "check:source-hash": {
        "de": "Die gespeicherte SHA-256-Prüfsumme jeder Quelle passt zu ihrer Datei.",
        "en": "Each source's stored SHA-256 checksum matches its file.",
    },
    "check:evidence-offsets": {
        "de": "Jedes Zitat steht an seinen Positionen im Quelltext.",
        "en": "Every quote occurs in its source text at its offsets.",
    },
    "check:source-metadata": {
        "de": "Jeder Quelltext hat lesbare Metadaten: einen Kopf oder eine Datei ID.meta.toml mit "
        "bekannten Schlüsseln (docs/sources.md).",
        "en": "Every source text has readable metadata: a header or an ID.meta.toml sidecar with known "
        "keys (docs/sources.md).",
    },
    "check:empty-source-file": {
        "de": "Keine kuratierte Datei in data/ttl ist leer.",
        "en": "No curated file in data/ttl is empty.",
    },
    "check:literal-form": {
        "de": "Jedes Literal hat die Form seines Datentyps (xsd:date ist JJJJ-MM-TT, ein Tag des Kalenders).",
        "en": "Every literal has the form of its datatype (xsd:date is YYYY-MM-DD, a day of the calendar).",
    },
    "check:no-blank-nodes": {
        "de": "data/ttl enthält keine leeren Knoten.",
        "en": "data/ttl contains no blank nodes.",
    },
}


def rule_catalogue(shapes: Graph | None = None) -> dict[str, dict[str, str]]:
    """Every rule kommgraph checks, with a description in German and English: shapes, checks, built-ins."""
    shapes = shapes if shapes is not None else shapes_graph()
    rules: dict[str, dict[str, str]] = {}
    for node in sorted(set(shapes.subjects(RDF.type, SH.NodeShape)), key=str):
        for constraint in sorted(
            shapes.objects(node, SH.property), key=lambda n: str(shapes.value(n, SH.path))
        ):
            rules.setdefault(_rule_name(shapes, constraint), _templates(shapes, constraint))
        for constraint in shapes.objects(node, SH.sparql):
            rules.setdefault(_short(node), _templates(shapes, constraint))
    for path in check_files():
        decorators = queries.parse_decorators(path.read_text(encoding="utf-8"))
        summary = str(decorators.get("summary", path.stem))
        rules[f"check:{path.stem}"] = {"de": str(decorators.get("summary_de", summary)), "en": summary}
    rules.update(BUILTIN_RULES)
    return dict(sorted(rules.items()))
