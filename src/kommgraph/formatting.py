"""Query results as an aligned table, CSV, TSV, SPARQL JSON results or Markdown; rows keep their order."""

from __future__ import annotations

import csv
import io
import json

from rdflib import BNode, Literal, URIRef
from rdflib.term import Node

from kommgraph.engines import Result
from kommgraph.vocab import PREFIXES

FORMATS = ("table", "csv", "tsv", "json", "markdown")
_DISPLAY_PREFIXES = sorted(PREFIXES.items(), key=lambda item: -len(item[1]))


def display(term: Node | None) -> str:
    """A short human form: literals by their lexical form, IRIs with kommgraph's prefixes."""
    if term is None:
        return ""
    if isinstance(term, URIRef):
        for prefix, namespace in _DISPLAY_PREFIXES:
            if term.startswith(namespace):
                return f"{prefix}:{term[len(namespace):]}"
        return str(term)
    return str(term)


def json_term(term: Node) -> dict:
    """A term in the SPARQL 1.1 Query Results JSON Format."""
    if isinstance(term, URIRef):
        return {"type": "uri", "value": str(term)}
    if isinstance(term, BNode):
        return {"type": "bnode", "value": str(term)}
    assert isinstance(term, Literal)
    out = {"type": "literal", "value": str(term)}
    if term.language:
        out["xml:lang"] = term.language
    elif term.datatype:
        out["datatype"] = str(term.datatype)
    return out


def render(result: Result, fmt: str = "table") -> str:
    if fmt == "json":
        bindings = [
            {v: json_term(t) for v, t in zip(result.variables, row) if t is not None} for row in result.rows
        ]
        return json.dumps({"head": {"vars": result.variables}, "results": {"bindings": bindings}},
                          ensure_ascii=False, indent=2) + "\n"
    cells = [[display(t) for t in row] for row in result.rows]
    if fmt in ("csv", "tsv"):
        buffer = io.StringIO()
        writer = csv.writer(buffer, delimiter="," if fmt == "csv" else "\t", lineterminator="\n")
        writer.writerow(result.variables)
        writer.writerows(cells)
        return buffer.getvalue()
    if fmt == "markdown":
        def esc(s: str) -> str:
            return s.replace("|", "\\|").replace("\n", " ")
        lines = ["| " + " | ".join(result.variables) + " |", "|" + "---|" * len(result.variables)]
        lines += ["| " + " | ".join(esc(c) for c in row) + " |" for row in cells]
        return "\n".join(lines) + "\n"
    if fmt == "table":
        return table(result.variables, cells)
    raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")


def table(header: list[str], cells: list[list[str]]) -> str:
    cells = [[c.replace("\n", " ") for c in row] for row in cells]
    widths = [max([len(h)] + [len(row[i]) for row in cells]) for i, h in enumerate(header)]
    def line(values: list[str]) -> str:
        return "  ".join(v.ljust(w) for v, w in zip(values, widths)).rstrip()
    out = [line(header), line(["-" * w for w in widths])] + [line(row) for row in cells]
    return "\n".join(out) + f"\n({len(cells)} row{'s' if len(cells) != 1 else ''})\n"
