"""Rows ordered in Python in the order a query's ``ORDER BY`` gives, where the engine's own sort is slow.

Oxigraph's ``ORDER BY`` decodes the strings of both rows from the on-disk store at every comparison:
heads-of-unit's 9,500 rows of strings cost ≈ 0.3 s to sort at 1M triples. A query marked
``#+ order-rows: python`` and ending in ``ORDER BY ?a ?b …`` (plain variables, ascending) is run
without that clause by :class:`~kommgraph.query.engines.OxigraphEngine`, and the rows are sorted here:
each column's distinct terms are ranked once, and the rows sorted by their ranks. Other engines run
the text as it is (the marker is a comment), so every engine gives the same rows in the same order.

A column's ranks: where every term is a string literal of one kind (no language tag, or one and the
same tag) by the code points of the strings, the order SPARQL gives them (Oxigraph compares strings by
their UTF-8 bytes, which is code point order); otherwise by Oxigraph's own ``ORDER BY`` over the
column's distinct terms (a ``VALUES`` block in an empty store), so dates of mixed precision and any
other terms get exactly the engine's order. Rows that tie on every key keep the order the engine
produced them in, as its sort (a stable one, over the same rows) keeps them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import pyoxigraph as ox

_MARKER = re.compile(r"^#\+ order-rows: python[ \t]*$", re.MULTILINE)
_ORDER_BY = re.compile(r"\n\s*ORDER\s+BY((?:\s+\?\w+)+)\s*$", re.IGNORECASE)
_STRING = "http://www.w3.org/2001/XMLSchema#string"


def split_order(text: str) -> tuple[str, list[str]] | None:
    """For a text marked ``#+ order-rows: python``: the text without its final ``ORDER BY`` and the
    variables it orders by; else None (the engine sorts)."""
    if not _MARKER.search(text):
        return None
    match = _ORDER_BY.search(text)
    if match is None:
        return None
    return text[: match.start()] + "\n", [v.lstrip("?") for v in match.group(1).split()]


def order(rows: list[Sequence], columns: list[int]) -> list[Sequence] | None:
    """``rows`` (of pyoxigraph terms, None where unbound) sorted by the terms of ``columns``; None where
    a column holds a blank node (their order is the engine's own: it sorts)."""
    ranked = []
    for column in columns:
        terms = {row[column] for row in rows} - {None}
        if any(isinstance(term, ox.BlankNode) for term in terms):
            return None
        ranked.append(ranks(terms))
    keyed = list(zip(columns, ranked, strict=True))
    return sorted(rows, key=lambda row: tuple(-1 if row[i] is None else r[row[i]] for i, r in keyed))


def ranks(terms: set) -> dict:
    """Each term's place in SPARQL's order of ``terms``."""
    if _one_kind_of_string(terms):
        ordered = sorted(terms, key=lambda t: t.value)
    else:
        values = " ".join(str(t) for t in terms)
        solutions = ox.Store().query(f"SELECT ?v WHERE {{ VALUES ?v {{ {values} }} }} ORDER BY ?v")
        ordered = [solution[0] for solution in solutions]
    return {term: place for place, term in enumerate(ordered)}


def _one_kind_of_string(terms: set) -> bool:
    kinds = set()
    for term in terms:
        if not isinstance(term, ox.Literal):
            return False
        if term.language is None and term.datatype.value != _STRING:
            return False
        kinds.add(term.language)
        if len(kinds) > 1:
            return False
    return True
