"""Answer rows read as one packed string each, where reading every column costs more than the query.

heads-of-unit returns 9,500 rows of 7 columns at 1M triples: reading 66,500 terms out of the on-disk
store and converting them took ≈ 0.3 s. Its row rule (queries/rules/93-index-rows-heads.rq) also writes
each row's columns into one string (``kgx:packedHeadRow``; ontology/index.md "Packed rows"), and the
indexed form carries a second text, for :class:`~kommgraph.query.engines.OxigraphEngine` alone, that
reads those strings::

    #+ packed-columns: a b c          the packed columns, in their order in the string
    #| SELECT ?packed WHERE { … }      the text that reads them (one variable)
    #= SELECT ?packed ?rows WHERE { … }  optional: the whole answer in one string, and its rows' count

Other engines run the indexed text as it is (all are comments). The ``#= `` text reads every row's
string joined in one literal (:mod:`kommgraph.store.answers`) and their number (one solution): at 1M
triples 9,500 long literals, each one lookup in the on-disk store, cost ≈ 66 ms, one literal of the
same length ≈ 3 ms. No solution, or a count the split does not give: the ``#| `` text.

The rows are unpacked here, sorted as the indexed text's final ``ORDER BY`` sorts them
(:mod:`kommgraph.query.ordering`'s ranks) and, for a ``SELECT DISTINCT``, the first of equal rows
kept, as the engine keeps it. Each distinct value is made into an rdflib term once.

A packed string: per column its lexical form (U+001E, U+001F and U+001D written U+001E ``0``, ``1`` and
``2``), U+001F and its kind (``'`` a plain string, ``@tag``, ``^datatype IRI``, ``<`` an IRI, ``_`` a
blank node, empty where unbound); the columns joined by U+001D. A blank node, an unknown kind or a wrong
count gives None: the engine then runs the indexed text itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from operator import itemgetter, methodcaller

import pyoxigraph as ox
from rdflib import Literal, URIRef

from kommgraph.query import ordering
from kommgraph.store.answers import ROWS

_COLUMNS = re.compile(r"^#\+ packed-columns:((?:[ \t]+\w+)+)[ \t]*$", re.MULTILINE)
_TEXT_LINE = re.compile(r"^#\| ?(.*)$", re.MULTILINE)
_WHOLE_LINE = re.compile(r"^#= ?(.*)$", re.MULTILINE)
_PROJECTION = re.compile(r"^\s*SELECT\s+(DISTINCT\s+)?((?:\?\w+\s+)+)WHERE", re.MULTILINE | re.IGNORECASE)
_ORDER_BY = re.compile(r"\n\s*ORDER\s+BY((?:\s+\?\w+)+)\s*$", re.IGNORECASE)
COLUMN = "\x1d"  # between columns
KIND = "\x1f"  # between a value's lexical form and its kind
ESCAPE = "\x1e"
# control characters but the separators U+001D, U+001F (searched one by one: 20× quicker than a regex)
_CONTROLS = [chr(code) for code in range(0x1D)] + [ESCAPE]


@dataclass(frozen=True)
class PackedForm:
    text: str  # the query that reads the packed strings
    columns: tuple[str, ...]  # the packed columns, in their order in the string
    variables: tuple[str, ...]  # the columns the indexed text returns
    order_by: tuple[str, ...]  # its ORDER BY variables (ascending)
    distinct: bool
    whole: str | None = None  # the query that reads every row in one string and their count (``#= ``)


@lru_cache(maxsize=64)
def packed_form(text: str) -> PackedForm | None:
    """The packed form an indexed text carries, or None."""
    columns = _COLUMNS.search(text)
    projection = _PROJECTION.search(text)
    if columns is None or projection is None:
        return None
    order = _ORDER_BY.search(text)
    form = PackedForm(
        text="\n".join(_TEXT_LINE.findall(text)) + "\n",
        columns=tuple(columns.group(1).split()),
        variables=tuple(v.lstrip("?") for v in projection.group(2).split()),
        order_by=tuple(v.lstrip("?") for v in order.group(1).split()) if order else (),
        distinct=bool(projection.group(1)),
        whole="\n".join(whole) + "\n" if (whole := _WHOLE_LINE.findall(text)) else None,
    )
    if not set(form.variables) | set(form.order_by) <= set(form.columns):
        raise ValueError(f"packed columns {form.columns} lack some of {form.variables + form.order_by}")
    return form


def split_whole(solutions: list[tuple]) -> list[str] | None:
    """The packed rows of the ``#= `` text's solutions (one: the joined strings and their count); None
    where there is no such solution or the split does not give the count."""
    if len(solutions) != 1 or len(solutions[0]) != 2 or None in solutions[0]:
        return None
    joined, count = (term.value for term in solutions[0])
    strings = joined.split(ROWS) if joined else []
    return strings if str(len(strings)) == count else None


# the rows of the last whole answers unpacked, by their form and answer string: the string is all the
# store says about this answer, so rows found here are the rows it gives now (a repeated call, e.g. in
# ``kommgraph serve`` or a notebook, costs the read of one literal instead of ≈ 60 ms of unpacking)
_UNPACKED: dict[tuple, list[tuple]] = {}
UNPACKED_KEPT = 2


def unpack_whole(form: PackedForm, solutions: list[tuple]) -> list[tuple] | None:
    """The rows of the ``#= `` text's solutions, as :func:`unpack` gives them; None as :func:`split_whole`
    or :func:`unpack` gives it."""
    if len(solutions) != 1:
        return None
    key = (form, *(None if term is None else term.value for term in solutions[0]))
    rows = _UNPACKED.get(key)
    if rows is None:
        strings = split_whole(solutions)
        rows = None if strings is None else unpack(form, strings)
        if rows is None:
            return None
        while len(_UNPACKED) >= UNPACKED_KEPT:
            del _UNPACKED[next(iter(_UNPACKED))]
        _UNPACKED[key] = rows
    return list(rows)


class _Unreadable(Exception):
    """A packed value this module does not read (a blank node, an unknown kind)."""


class _Terms(dict):
    """Each packed value (its escaped segment) and its rdflib term, made on first use."""

    def __missing__(self, segment: str):
        lexical, _, kind = segment.rpartition(KIND)
        if kind == "'" and ESCAPE not in lexical:  # the most of them: a plain string
            term = _plain(lexical, None)
        else:
            term = _term(segment)
        self[segment] = term
        return term


def unpack(form: PackedForm, packed: list[str]) -> list[tuple] | None:
    """The rows (rdflib terms, None where unbound) of the packed strings, in the indexed text's order;
    None where a row cannot be read here (a blank node, an unknown kind, a wrong count)."""
    width = len(form.columns)
    every_column = form.variables == form.columns
    if form.distinct:  # equal strings, equal rows (and equal sort keys): one is kept
        packed = list(dict.fromkeys(packed))
    rows = [string.split(COLUMN) for string in packed]
    if any(len(row) != width for row in rows):
        return None
    if not rows:
        return []
    at = {name: i for i, name in enumerate(form.columns)}
    try:
        if form.order_by:
            # a value compares as its segment where no control character but the separators occurs
            joined = "".join(packed)
            plain = not any(character in joined for character in _CONTROLS)
            keyed = [(at[name], _ranks({row[at[name]] for row in rows}, plain)) for name in form.order_by]
            if all(ranks is None for _, ranks in keyed):
                rows.sort(key=itemgetter(*[i for i, _ in keyed]))
            else:
                rows.sort(key=lambda row: tuple([row[i] if r is None else r[row[i]] for i, r in keyed]))
        if not every_column:
            wanted = [at[name] for name in form.variables]
            rows = [[row[i] for i in wanted] for row in rows]
        if form.distinct and not every_column:
            rows = list({tuple(row): None for row in rows})  # the first of equal rows, in order
        terms = _Terms()
        return [tuple(map(terms.__getitem__, row)) for row in rows]
    except _Unreadable:
        return None


def _split(segment: str) -> tuple[str, str]:
    """A packed value's lexical form (unescaped) and kind."""
    lexical, _, kind = segment.rpartition(KIND)
    if ESCAPE in lexical:
        for code, character in (("1", KIND), ("2", COLUMN), ("0", ESCAPE)):  # 0 last: see the rule
            lexical = lexical.replace(ESCAPE + code, character)
    return lexical, kind


def _term(segment: str):
    """The rdflib term of a packed value, as ``store.terms.to_rdflib`` makes it."""
    lexical, kind = _split(segment)
    if not kind:
        return None
    first = kind[0]
    if first == "'":
        return _plain(lexical, None)
    if first == "@":
        return _plain(lexical, kind[1:])
    if first == "^":
        return Literal(lexical, datatype=URIRef(kind[1:]))
    if first == "<":
        return URIRef(lexical)
    raise _Unreadable(kind)


def _plain(lexical: str, language: str | None) -> Literal:
    """``Literal(lexical, lang=language)`` without its constructor, which looks up how to cast the
    string (a third of the time of heads-of-unit's 10,000 distinct values); the slots it sets for a
    string without a datatype (tests/query/test_packed.py compares them)."""
    literal = str.__new__(Literal, lexical)
    literal._language = language
    literal._datatype = None
    literal._value = lexical
    literal._ill_typed = None
    return literal


def _ranks(segments: set[str], plain: bool) -> dict | None:
    """Each packed value of a column with its place in SPARQL's order; unbound first (-1). None where
    the segments themselves sort so (``plain``: no control character in any value; every value bound
    and a string of one kind): a segment is its lexical form, U+001F (below any other character
    there) and the same kind, so it compares as the lexical forms, by code points, as ordering.ranks
    sorts strings of one kind."""
    some = next(iter(segments))
    kind = some[some.rindex(KIND) :]
    strings = kind[1:2] in ("'", "@") and all(map(methodcaller("endswith", kind), segments))
    if strings and plain:
        return None
    kinds = {segment[segment.rindex(KIND) :] for segment in segments}
    if strings or (len(kinds) == 2 and KIND in kinds and kinds - {KIND} <= {KIND + "'"}):
        # strings of one kind (and unbound): by their code points, as ordering.ranks sorts them
        ordered = sorted(segments - {KIND}, key=lambda segment: _split(segment)[0])
        ranked = {segment: place for place, segment in enumerate(ordered)}
        ranked[KIND] = -1
        return ranked
    terms = {}
    for segment in segments:
        lexical, kind = _split(segment)
        if kind:
            terms[_ox_term(lexical, kind)] = segment
    ranked = {terms[term]: place for term, place in ordering.ranks(set(terms)).items()}
    ranked[KIND] = -1
    return ranked


def _ox_term(lexical: str, kind: str):
    first = kind[0]
    if first == "'":
        return ox.Literal(lexical)
    if first == "@":
        return ox.Literal(lexical, language=kind[1:])
    if first == "^":
        return ox.Literal(lexical, datatype=ox.NamedNode(kind[1:]))
    if first == "<":
        return ox.NamedNode(lexical)
    raise _Unreadable(kind)
