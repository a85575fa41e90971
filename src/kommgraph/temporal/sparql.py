"""The temporal package's SPARQL: queries in ``temporal/queries/NAME.rq``, values bound by
:func:`kommgraph.query.binding.bind` (the one way a value enters a query text), rows as dicts of
pyoxigraph terms."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pyoxigraph as ox
from rdflib import URIRef

from kommgraph.core.vocab import PREFIXES
from kommgraph.query.binding import bind

QUERIES = Path(__file__).resolve().parent / "queries"


@cache
def query_text(name: str) -> str:
    return (QUERIES / f"{name}.rq").read_text(encoding="utf-8")


def _term(value):
    """IRIs given as strings become rdflib IRIs (bind checks them); terms pass."""
    return URIRef(value) if isinstance(value, str) else value


def select(store: ox.Store, name: str, **bindings) -> list[dict]:
    """Rows of the stored query ``name`` as dicts of pyoxigraph terms. A binding is one IRI or term, or
    a list of them (the query then runs for each)."""
    values = {
        variable: (
            [_term(v) for v in sorted(set(value))] if isinstance(value, list | tuple | set) else _term(value)
        )
        for variable, value in bindings.items()
    }
    solutions = store.query(bind(query_text(name), values), prefixes=PREFIXES)
    names = [v.value for v in solutions.variables]
    return [{n: s[n] for n in names} for s in solutions]


def lexical(term) -> str:
    """A term's lexical form; empty for an unbound variable."""
    return "" if term is None else term.value


def store_of(loaded_or_store) -> ox.Store:
    return loaded_or_store if isinstance(loaded_or_store, ox.Store) else loaded_or_store.store
