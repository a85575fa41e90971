"""Query results as pandas DataFrames whose column types do not depend on the data.

The same query gives the same columns with the same dtypes for every town, also when a column is
empty or mixes precisions:

- calendar values (xsd:date, xsd:gYearMonth, xsd:gYear) → ``datetime64[ns]`` holding the **earliest
  day** (2012 → 2012-01-01, 2018-06 → 2018-06-01), missing values NaT, plus a column
  ``<name>_precision`` (``string``: "day", "month" or "year"; <NA> where the value is missing).
  The latest day follows from both (e.g. ``+ pd.offsets.YearEnd(0)`` where the precision is "year").
  ``.dt`` works on every such column (``.dt.year`` is NaN, not -1, where the value is missing), and
  sorting works whatever the precisions.
- xsd:dateTime → ``datetime64[ns]`` (UTC, without time zone); integers → ``Int64``; decimals and
  doubles → ``Float64``; booleans → ``boolean``; strings, language-tagged strings and IRIs → ``string``.

A column's kind comes from the stored queries where they say it (a variable that is the object of a
date property such as ``kg:validFrom`` or ``dct:issued`` is a calendar column, one counted with
``COUNT`` an integer column; see ``declared_kinds``), otherwise from its values; an empty column of
unknown kind is ``string``. Values that do not fit the declared kind make the column follow its values.
"""

from __future__ import annotations

import functools
import re

from rdflib import Literal
from rdflib.namespace import XSD
from rdflib.term import Node

CALENDAR_DATATYPES = {XSD.date: "day", XSD.gYearMonth: "month", XSD.gYear: "year"}
PRECISION_SUFFIX = "_precision"
DATETIME_DTYPE = "datetime64[ns]"
_INTEGERS = {
    XSD[t]
    for t in (
        "integer int long short byte nonNegativeInteger positiveInteger nonPositiveInteger negativeInteger "
        "unsignedInt unsignedLong unsignedShort unsignedByte"
    ).split()
}
_FLOATS = {XSD.decimal, XSD.double, XSD.float}
# properties whose values are calendar values or integers (the ontology's ranges)
_CALENDAR_PROPERTIES = (
    r"(?:kg:(?:validFrom|validUntil|effectiveDate|announcedDate|presentedOn)(?:Earliest|Latest)?"
    r"|dct:(?:issued|date|created|modified))"
)
_INTEGER_PROPERTIES = r"(?:kg:(?:projectCount|start|end))"


def term_kind(term: Node) -> str:
    """calendar, datetime, integer, float, boolean, string (also IRIs and blank nodes) or other."""
    if not isinstance(term, Literal):
        return "string"
    if term.language or term.datatype in (None, XSD.string):
        return "string"
    if term.datatype in CALENDAR_DATATYPES:
        return "calendar"
    if term.datatype == XSD.dateTime:
        return "datetime"
    if term.datatype in _INTEGERS:
        return "integer"
    if term.datatype in _FLOATS:
        return "float"
    if term.datatype == XSD.boolean:
        return "boolean"
    return "other"


def values_kind(terms: list[Node | None]) -> str | None:
    """The kind of a column's values (None: no values)."""
    kinds = {term_kind(t) for t in terms if t is not None}
    if not kinds:
        return None
    if len(kinds) == 1:
        return kinds.pop()
    if kinds <= {"integer", "float"}:
        return "float"
    return "other"


def without_comments(text: str) -> str:
    """The query without its comments (a # inside an IRI or a string stays)."""
    token = re.compile(r'<[^\s<>"{}]*>|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'|#[^\n]*')
    return token.sub(lambda m: "" if m.group(0).startswith("#") else m.group(0), text)


def query_kinds(text: str) -> dict[str, str]:
    """Calendar and integer variables of one query, read from the properties that bind them."""
    text = without_comments(text)
    kinds: dict[str, str] = {}
    for pattern, kind in ((_CALENDAR_PROPERTIES, "calendar"), (_INTEGER_PROPERTIES, "integer")):
        for match in re.finditer(pattern + r"\s+\?(\w+)", text):
            kinds[match.group(1)] = kind
    for match in re.finditer(r"\(\s*COUNT\s*\([^()]*\)\s+AS\s+\?(\w+)\s*\)", text, re.IGNORECASE):
        kinds[match.group(1)] = "integer"
    # aliases: (MIN(?x) AS ?y), BIND(?x AS ?y), (SAMPLE(?x) AS ?y)
    alias = re.compile(r"\(\s*(?:(?:MIN|MAX|SAMPLE)\s*\(\s*)?\?(\w+)\s*\)?\s+AS\s+\?(\w+)", re.IGNORECASE)
    for match in alias.finditer(text):
        if match.group(1) in kinds:
            kinds.setdefault(match.group(2), kinds[match.group(1)])
    return kinds


@functools.cache
def declared_kinds() -> dict[str, str]:
    """Variable name → kind over all stored queries (names used with two kinds are left out)."""
    from kommgraph.query import catalogue

    seen: dict[str, set[str]] = {}
    for stored in catalogue.catalogue().values():
        projected = set(re.findall(r"\?(\w+)", _select_clause(stored.text)))
        for variable, kind in query_kinds(stored.text).items():
            if variable in projected:
                seen.setdefault(variable, set()).add(kind)
    return {variable: kinds.pop() for variable, kinds in seen.items() if len(kinds) == 1}


def _select_clause(text: str) -> str:
    text = without_comments(text)
    match = re.search(r"\bSELECT\b(.*?)(\bWHERE\b|\{)", text, re.IGNORECASE | re.DOTALL)
    return match.group(1) if match else ""


def column_kind(variable: str, terms: list[Node | None], declared: dict[str, str]) -> str:
    found = values_kind(terms)
    wanted = declared.get(variable)
    if wanted is not None and found in (None, wanted):
        return wanted
    return found or "string"


def to_dataframe(result, kinds: dict[str, str] | None = None):
    """A pandas DataFrame of a Result (pandas is in the ``notebook`` extra); see the module docstring.

    ``kinds`` (variable → calendar, datetime, integer, float, boolean or string) adds to or overrides the
    kinds the stored queries declare.
    """
    try:
        import pandas as pd
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise ImportError("Result.to_df() needs pandas: pip install 'kommgraph[notebook]'") from exc

    declared = {**declared_kinds(), **(kinds or {})}
    columns: dict[str, object] = {}
    for index, variable in enumerate(result.variables):
        terms = [row[index] for row in result.rows]
        kind = column_kind(variable, terms, declared)
        if kind == "calendar":
            columns[variable] = _calendar(pd, terms)
            columns[variable + PRECISION_SUFFIX] = pd.array(
                [None if t is None else CALENDAR_DATATYPES[t.datatype] for t in terms], dtype="string"
            )
        else:
            columns[variable] = _column(pd, terms, kind)
    return pd.DataFrame(columns, index=pd.RangeIndex(len(result.rows)), columns=list(columns))


def earliest_day(term: Literal) -> str:
    """The first day of a calendar value: 2012 → 2012-01-01, 2018-06 → 2018-06-01 (time zones dropped)."""
    lexical = str(term)
    precision = CALENDAR_DATATYPES[term.datatype]
    if precision == "year":
        return lexical[:4] + "-01-01"
    if precision == "month":
        return lexical[:7] + "-01"
    return lexical[:10]


def _calendar(pd, terms: list[Node | None]):
    days = [None if t is None else earliest_day(t) for t in terms]
    return pd.Series(pd.to_datetime(pd.Series(days, dtype="object"), format="%Y-%m-%d"), dtype=DATETIME_DTYPE)


def _column(pd, terms: list[Node | None], kind: str):
    if kind == "string":
        return pd.array([None if t is None else str(t) for t in terms], dtype="string")
    if kind == "datetime":
        stamps = pd.to_datetime(
            pd.Series([None if t is None else str(t) for t in terms], dtype="object"),
            format="ISO8601",
            utc=True,
        )
        return pd.Series(stamps.dt.tz_localize(None), dtype=DATETIME_DTYPE)
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
