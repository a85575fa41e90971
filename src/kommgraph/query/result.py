"""Query results (``Result``) and their rendering as an aligned table, CSV, TSV, SPARQL JSON results or
Markdown; rows keep their order."""

from __future__ import annotations

import csv
import html
import io
import json
from dataclasses import dataclass, field

from rdflib import BNode, Literal, URIRef
from rdflib.term import Node

from kommgraph.core.vocab import shorten


@dataclass
class Result:
    """Rows of a SELECT query: ``variables`` in order, ``rows`` of rdflib terms (None: unbound)."""

    variables: list[str]
    rows: list[tuple[Node | None, ...]] = field(default_factory=list)

    def dicts(self) -> list[dict[str, Node | None]]:
        return [dict(zip(self.variables, row, strict=True)) for row in self.rows]

    def values(self) -> list[tuple]:
        """Rows of Python values (str, int, datetime.date, …; IRIs as str, unbound as None)."""
        return [
            tuple(
                None if t is None else (str(t) if not isinstance(t, Literal) else t.toPython()) for t in row
            )
            for row in self.rows
        ]

    def to_df(self):
        """A pandas DataFrame with typed columns (``notebook`` extra); see ``to_dataframe``."""
        return to_dataframe(self)

    def _repr_html_(self) -> str:
        return html_table(self)

    def __str__(self) -> str:
        return render(self, "table")

    def __iter__(self):
        return iter(self.rows)

    def __len__(self) -> int:
        return len(self.rows)


FORMATS = ("table", "csv", "tsv", "json", "markdown")


def display(term: Node | None) -> str:
    """A short human form: literals by their lexical form, IRIs with kommgraph's prefixes."""
    if term is None:
        return ""
    if isinstance(term, URIRef):
        short = shorten(str(term))
        return f"{short[0]}:{short[1]}" if short else str(term)
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
            {v: json_term(t) for v, t in zip(result.variables, row, strict=True) if t is not None}
            for row in result.rows
        ]
        return (
            json.dumps(
                {"head": {"vars": result.variables}, "results": {"bindings": bindings}},
                ensure_ascii=False,
                indent=2,
            )
            + "\n"
        )
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
        return "  ".join(v.ljust(w) for v, w in zip(values, widths, strict=True)).rstrip()

    out = [line(header), line(["-" * w for w in widths])] + [line(row) for row in cells]
    return "\n".join(out) + f"\n({len(cells)} row{'s' if len(cells) != 1 else ''})\n"


# ---- notebooks: HTML and pandas ------------------------------------------------------------------

HTML_ROW_LIMIT = 200


def html_table(result: Result, limit: int = HTML_ROW_LIMIT) -> str:
    """The result as an HTML table for Jupyter (IRIs as links with kommgraph's prefixes)."""

    def cell(term: Node | None) -> str:
        if isinstance(term, URIRef):
            return f'<a href="{html.escape(str(term), quote=True)}">{html.escape(display(term))}</a>'
        return html.escape(display(term))

    head = "".join(f"<th>{html.escape(v)}</th>" for v in result.variables)
    body = "".join(
        "<tr>" + "".join(f"<td>{cell(t)}</td>" for t in row) + "</tr>\n" for row in result.rows[:limit]
    )
    more = len(result.rows) - limit
    footer = f"<p>… {more} more rows (use .to_df() or render(result, 'csv'))</p>" if more > 0 else ""
    count = f"{len(result.rows)} row{'s' if len(result.rows) != 1 else ''}"
    return (
        f'<table class="kommgraph-result">\n<caption>{count}</caption>\n<thead><tr>{head}</tr></thead>\n'
        f"<tbody>\n{body}</tbody>\n</table>{footer}"
    )


def to_dataframe(result: Result):
    """A pandas DataFrame with one dtype per column whatever the data; see ``kommgraph.query.frames``."""
    from kommgraph.query.frames import to_dataframe as typed_frame

    return typed_frame(result)
