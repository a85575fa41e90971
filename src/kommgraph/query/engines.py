"""Query engines behind one interface: ``select(text, bindings) -> Result`` with rdflib terms in the rows.

Three engines give the same rows for every stored query (``tests/query`` proves it):

- ``OxigraphEngine``: the embedded pyoxigraph store, the default. pyoxigraph 0.5 substitutes only
  variables of the SELECT projection, so parameters go in as a ``VALUES`` block of serialised terms
  (``kommgraph.query.catalogue.bind_values``), which works for every query form.
- ``RdflibEngine``: rdflib's own SPARQL engine over an rdflib Dataset whose default graph is the set
  merge of the data; parameters are bound by rdflib (``initBindings``), never written into the text.
- ``RemoteEngine``: any SPARQL 1.1 endpoint through SPARQLWrapper (JSON results, POST for long queries,
  a timeout, the user agent ``kommgraph/<version>``); parameters go in as a ``VALUES`` block.

``bindings`` maps a variable name (without ``?``) to an rdflib term, as made by
``StoredQuery.bindings``; the terms are checked there.
"""

from __future__ import annotations

import warnings
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Protocol

import pyoxigraph as ox
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Node

from kommgraph import __version__

USER_AGENT = f"kommgraph/{__version__} (+https://w3id.org/kommgraph; SPARQLWrapper)"
DEFAULT_TIMEOUT = 30.0
# Longer queries (URL-encoded) are sent by POST: many servers and proxies refuse URLs above 8 KB.
GET_LIMIT = 2000


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
        """A pandas DataFrame with typed columns (``notebook`` extra); see ``formatting.to_dataframe``."""
        from kommgraph.query.formatting import to_dataframe

        return to_dataframe(self)

    def _repr_html_(self) -> str:
        from kommgraph.query.formatting import html_table

        return html_table(self)

    def __str__(self) -> str:
        from kommgraph.query.formatting import render

        return render(self, "table")

    def __iter__(self):
        return iter(self.rows)

    def __len__(self) -> int:
        return len(self.rows)


class QueryError(ValueError):
    """A query could not be parsed or run; the message says why."""


class EndpointError(QueryError):
    """A SPARQL endpoint or graph store failed: HTTP error, connection refused or timeout."""


class Engine(Protocol):
    name: str

    def select(self, text: str, bindings: Mapping[str, Node] | None = None) -> Result: ...


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
        return (
            Literal(term.value)
            if datatype == str(XSD.string)
            else Literal(term.value, datatype=URIRef(datatype))
        )
    raise TypeError(f"unsupported term {term!r}")


def _with_values(text: str, bindings: Mapping[str, Node] | None) -> str:
    from kommgraph.query.catalogue import bind_values

    return bind_values(text, dict(bindings)) if bindings else text


class OxigraphEngine:
    """Queries an in-memory pyoxigraph store whose default graph is the merge of its named graphs
    (see ``kommgraph.store.dataset.merge_into_default``)."""

    name = "oxigraph"

    def __init__(self, store: ox.Store):
        self.store = store

    def select(self, text: str, bindings: Mapping[str, Node] | None = None) -> Result:
        text = _with_values(text, bindings)
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


class RdflibEngine:
    """rdflib's SPARQL engine over a Graph or Dataset; parameters bound with ``initBindings``.

    Use ``RdflibEngine.from_store(store)`` for the kommgraph data: its default graph is the set merge
    of every named graph (as in the embedded Oxigraph store), and the named graphs are kept for GRAPH
    patterns. rdflib's engine is slow on large data: it is here for parity checks and small graphs.
    """

    name = "rdflib"

    def __init__(self, graph: Graph):
        self.graph = graph

    @classmethod
    def from_store(cls, store: ox.Store) -> RdflibEngine:
        dataset = Dataset()
        # rdflib 7.6 renamed default_context to default_graph (and deprecates the old name)
        default = dataset.default_graph if hasattr(Dataset, "default_graph") else dataset.default_context
        graphs: dict[str, Graph] = {}
        quads = []
        for quad in store:
            if isinstance(quad.graph_name, ox.DefaultGraph):
                graph = default
            else:
                name = quad.graph_name.value
                graph = graphs.get(name) or graphs.setdefault(name, dataset.graph(URIRef(name)))
            quads.append((to_rdflib(quad.subject), to_rdflib(quad.predicate), to_rdflib(quad.object), graph))
        dataset.addN(quads)
        return cls(dataset)

    def select(self, text: str, bindings: Mapping[str, Node] | None = None) -> Result:
        with warnings.catch_warnings():
            # rdflib 7.6's own GRAPH evaluation still calls Dataset.default_context/.contexts it deprecates
            warnings.filterwarnings("ignore", r"Dataset\.\w+ is deprecated", DeprecationWarning)
            try:
                result = self.graph.query(text, initBindings=dict(bindings or {}))
                if result.type != "SELECT":
                    raise QueryError("expected a SELECT query")
                rows = [tuple(row) for row in result]  # rdflib evaluates lazily
            except QueryError:
                raise
            except Exception as exc:  # noqa: BLE001 - rdflib raises pyparsing and plain exceptions alike
                raise QueryError(f"query: {type(exc).__name__}: {exc}") from exc
        return Result([str(v) for v in result.vars], rows)


# ---- issue 14 (virtuoso helper): the remote engine and its error messages live in query/remote.py ----
_MOVED_TO_REMOTE = ("RemoteEngine", "endpoint_error", "json_to_rdflib")


def __getattr__(name: str):
    """``from kommgraph.query.engines import RemoteEngine`` keeps working (remote.py imports this module)."""
    if name in _MOVED_TO_REMOTE:
        from kommgraph.query import remote

        return getattr(remote, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
