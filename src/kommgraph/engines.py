"""Query engines behind one interface: ``select(text) -> Result`` with rdflib terms in the rows.

The embedded Oxigraph store is the default engine. Values are put into queries by
``kommgraph.queries`` (a VALUES block of serialised terms), so every engine runs plain query text.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Node


@dataclass
class Result:
    variables: list[str]
    rows: list[tuple[Node | None, ...]] = field(default_factory=list)

    def dicts(self) -> list[dict[str, Node | None]]:
        return [dict(zip(self.variables, row)) for row in self.rows]

    def __len__(self) -> int:
        return len(self.rows)


class QueryError(ValueError):
    """A query could not be parsed or run; the message says why."""


def to_rdflib(term) -> Node | None:
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        datatype = term.datatype.value
        return Literal(term.value) if datatype == str(XSD.string) else Literal(term.value, datatype=URIRef(datatype))
    raise TypeError(f"unsupported term {term!r}")


class OxigraphEngine:
    """Queries an in-memory pyoxigraph store whose default graph is the merge of its named graphs
    (see ``kommgraph.dataset.merge_into_default``)."""

    name = "oxigraph"

    def __init__(self, store: ox.Store):
        self.store = store

    def select(self, text: str) -> Result:
        try:
            solutions = self.store.query(text)
        except SyntaxError as exc:
            raise QueryError(f"query syntax: {exc.msg}") from exc
        except OSError as exc:
            raise QueryError(str(exc)) from exc
        if not isinstance(solutions, ox.QuerySolutions):
            raise QueryError("expected a SELECT query")
        variables = [v.value for v in solutions.variables]
        rows = [tuple(to_rdflib(solution[v]) for v in variables) for solution in solutions]
        return Result(variables, rows)
