"""Query results (``Result``) and their rendering as an aligned table, CSV, TSV, SPARQL JSON results or
Markdown; rows keep their order."""

from __future__ import annotations

import csv
import html
import io
import json
from dataclasses import dataclass, field

from rdflib import BNode, Literal, URIRef
from rdflib.namespace import XSD
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


_INTEGERS = {
    XSD[t]
    for t in (
        "integer",
        "int",
        "long",
        "short",
        "byte",
        "nonNegativeInteger",
        "positiveInteger",
        "nonPositiveInteger",
        "negativeInteger",
        "unsignedInt",
        "unsignedLong",
        "unsignedShort",
        "unsignedByte",
    )
}
_FLOATS = {XSD.decimal, XSD.double, XSD.float}
_CALENDAR = {XSD.date: "date", XSD.gYearMonth: "month", XSD.gYear: "year"}
_PERIOD_FREQ = {"date": "D", "month": "M", "year": "Y"}


def term_kind(term: Node) -> str:
    """The kind of a term: string, iri, bnode, date, month, year, datetime, integer, float, boolean, other."""
    if isinstance(term, URIRef):
        return "iri"
    if isinstance(term, BNode):
        return "bnode"
    if term.language or term.datatype in (None, XSD.string):
        return "string"
    if term.datatype in _CALENDAR:
        return _CALENDAR[term.datatype]
    if term.datatype == XSD.dateTime:
        return "datetime"
    if term.datatype in _INTEGERS:
        return "integer"
    if term.datatype in _FLOATS:
        return "float"
    if term.datatype == XSD.boolean:
        return "boolean"
    return "other"


def column_kind(terms: list[Node | None]) -> str:
    """One kind for a column; calendar values of mixed precision are the kind "period"."""
    kinds = {term_kind(t) for t in terms if t is not None}
    if not kinds:
        return "empty"
    if len(kinds) == 1:
        return kinds.pop()
    if kinds <= {"string", "iri"}:
        return "string"
    if kinds <= {"integer", "float"}:
        return "float"
    if kinds <= {"date", "month", "year"}:
        return "period"
    return "other"


def to_dataframe(result: Result):
    """A pandas DataFrame with one typed column per variable (pandas is in the ``notebook`` extra).

    Column types, chosen from the terms of the column:

    - xsd:date → ``datetime64`` (missing: NaT); xsd:dateTime → ``datetime64``.
    - xsd:gYearMonth → ``period[M]`` and xsd:gYear → ``period[Y-DEC]``: month and year precision are kept,
      never padded to a made-up first day (``.dt.start_time`` / ``.dt.end_time`` give the bounds).
    - a column mixing days, months and years (e.g. a unit founded "2012", dissolved "2018-06-01") holds
      ``pandas.Period`` objects, each of its own precision (``Period('2012', 'Y')``, ``Period('2018-06-01',
      'D')``, dtype object); ``.start_time`` and ``.end_time`` work on all of them.
    - integers → ``Int64``, decimals and doubles → ``Float64``, booleans → ``boolean`` (all nullable).
    - strings, language-tagged strings and IRIs (full IRI) → ``string``; anything else → Python objects.
    """
    try:
        import pandas as pd
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise ImportError("Result.to_df() needs pandas: pip install 'kommgraph[notebook]'") from exc

    columns = {}
    for index, variable in enumerate(result.variables):
        terms = [row[index] for row in result.rows]
        columns[variable] = _column(pd, terms, column_kind(terms))
    return pd.DataFrame(columns, index=pd.RangeIndex(len(result.rows)), columns=list(result.variables))


def _column(pd, terms: list[Node | None], kind: str):
    if kind in ("string", "iri", "bnode"):
        return pd.array([None if t is None else str(t) for t in terms], dtype="string")
    if kind in ("date", "datetime"):
        return pd.to_datetime(
            pd.Series([None if t is None else str(t) for t in terms], dtype="object"), format="ISO8601"
        )
    if kind in ("month", "year"):
        freq = _PERIOD_FREQ[kind]
        return pd.array(
            [pd.NaT if t is None else pd.Period(str(t), freq=freq) for t in terms], dtype=pd.PeriodDtype(freq)
        )
    if kind == "period":
        return pd.Series(
            [pd.NaT if t is None else pd.Period(str(t), freq=_PERIOD_FREQ[term_kind(t)]) for t in terms],
            dtype="object",
        )
    if kind == "integer":
        return pd.array([None if t is None else int(t) for t in terms], dtype="Int64")
    if kind == "float":
        return pd.array([None if t is None else float(t) for t in terms], dtype="Float64")
    if kind == "boolean":
        return pd.array([None if t is None else str(t) in ("true", "1") for t in terms], dtype="boolean")
    return pd.Series(
        [None if t is None else (t.toPython() if isinstance(t, Literal) else str(t)) for t in terms],
        dtype="object",
    )
