"""Query engines behind one interface: ``select(text, bindings) -> Result`` with rdflib terms in the rows.

Three engines give the same rows for every stored query (``tests/query`` proves it):

- ``OxigraphEngine``: the embedded pyoxigraph store, the default.
- ``RdflibEngine``: rdflib's own SPARQL engine over an rdflib Dataset whose default graph is the set
  merge of the data.
- ``RemoteEngine`` (:mod:`kommgraph.query.remote`): any SPARQL 1.1 endpoint through
  SPARQLWrapper (JSON results, POST for long queries,
  a timeout, the user agent ``kommgraph/<version>``).

All three bind parameters the same way, through :func:`kommgraph.query.binding.bind` (a ``VALUES``
block of checked, serialised terms): one binding path, so a value behaves alike on every engine.

``bindings`` maps a variable name (without ``?``) to an rdflib term, as made by
``StoredQuery.bindings``; the terms are checked there.
"""

from __future__ import annotations

import warnings
from collections.abc import Mapping
from typing import Protocol

import pyoxigraph as ox
from rdflib import Dataset, Graph, URIRef
from rdflib.term import Node

from kommgraph.core.errors import QueryError
from kommgraph.core.version import __version__
from kommgraph.query import ordering, packed
from kommgraph.query.binding import bind
from kommgraph.query.guard import no_graph_loading, refuse_network
from kommgraph.query.result import Result
from kommgraph.store.derive import INDEX_GRAPH
from kommgraph.store.terms import to_rdflib

USER_AGENT = f"kommgraph/{__version__} (+https://w3id.org/kommgraph; SPARQLWrapper)"
DEFAULT_TIMEOUT = 30.0
# Longer queries (URL-encoded) are sent by POST: many servers and proxies refuse URLs above 8 KB.
GET_LIMIT = 2000


class Engine(Protocol):
    name: str

    def select(self, text: str, bindings: Mapping[str, Node] | None = None) -> Result: ...

    def holds_index(self) -> bool:
        """Whether the data holds the index graph, so that a stored query may use its indexed form."""
        ...


class OxigraphEngine:
    """Queries an in-memory pyoxigraph store whose default graph is the merge of its named graphs
    (see ``kommgraph.store.dataset.merge_into_default``)."""

    name = "oxigraph"

    def __init__(self, store: ox.Store):
        self.store = store

    def holds_index(self) -> bool:
        return self.store.contains_named_graph(ox.NamedNode(INDEX_GRAPH))

    def select(self, text: str, bindings: Mapping[str, Node] | None = None) -> Result:
        form = packed.packed_form(text)  # ``#+ packed-columns``: one string per row (query/packed.py)
        if form is not None:
            rows = None
            if form.whole is not None:  # the whole answer in one literal, where the store holds it
                rows = packed.unpack_whole(form, [tuple(s) for s in self._solutions(form.whole, bindings)])
            if rows is None:
                rows = packed.unpack(form, [s[0].value for s in self._solutions(form.text, bindings)])
            if rows is not None:
                return Result(list(form.variables), rows)
        split = ordering.split_order(text)  # ``#+ order-rows: python``: sorted here, not by the engine
        if split is not None:
            result = self._select(split[0], bindings, split[1])
            if result is not None:
                return result
        return self._select(text, bindings)

    def _solutions(self, text: str, bindings: Mapping[str, Node] | None) -> ox.QuerySolutions:
        text = refuse_network(bind(text, bindings))
        try:
            solutions = self.store.query(text)
        except SyntaxError as exc:
            raise QueryError(f"query syntax: {exc.msg}") from exc
        except OSError as exc:
            raise QueryError(str(exc)) from exc
        if not isinstance(solutions, ox.QuerySolutions):
            raise QueryError("expected a SELECT query")
        return solutions

    def _select(self, text: str, bindings: Mapping[str, Node] | None, order_by: list[str] | None = None):
        solutions = self._solutions(text, bindings)
        variables = [v.value for v in solutions.variables]
        # each distinct term made once: rows repeat roles, dates, titles (an rdflib Literal with a
        # datatype parses its value, the most of the time of a query of thousands of rows)
        made: dict = {}

        def term(value):
            if value is None:
                return None
            known = made.get(value)
            if known is None:
                known = made[value] = to_rdflib(value)
            return known

        # a solution's terms taken by iterating it, in the order of ``variables``: looked up by name,
        # each cost more than its conversion (9,500 rows of 7 columns: 0.17 s against 0.04 s at 1M)
        found = [tuple(solution) for solution in solutions]
        if order_by is not None:
            if not set(order_by) <= set(variables):
                return None
            found = ordering.order(found, [variables.index(v) for v in order_by])
            if found is None:
                return None
        return Result(variables, [tuple(map(term, row)) for row in found])


class RdflibEngine:
    """rdflib's SPARQL engine over a Graph or Dataset.

    Use ``RdflibEngine.from_store(store)`` for the kommgraph data: its default graph is the set merge
    of every named graph (as in the embedded Oxigraph store), and the named graphs are kept for GRAPH
    patterns. rdflib's engine is slow on large data: it is here for parity checks and small graphs.
    """

    name = "rdflib"

    def __init__(self, graph: Graph):
        self.graph = graph

    def holds_index(self) -> bool:
        if not isinstance(self.graph, Dataset):
            return False
        return next(iter(self.graph.graph(URIRef(INDEX_GRAPH)).triples((None, None, None))), None) is not None

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
        no_graph_loading()
        with warnings.catch_warnings():
            # rdflib 7.6's own GRAPH evaluation still calls Dataset.default_context/.contexts it deprecates
            warnings.filterwarnings("ignore", r"Dataset\.\w+ is deprecated", DeprecationWarning)
            try:
                result = self.graph.query(refuse_network(bind(text, bindings)))
                if result.type != "SELECT":
                    raise QueryError("expected a SELECT query")
                rows = [tuple(row) for row in result]  # rdflib evaluates lazily
            except QueryError:
                raise
            except Exception as exc:  # noqa: BLE001 - rdflib raises pyparsing and plain exceptions alike
                raise QueryError(f"query: {type(exc).__name__}: {exc}") from exc
        return Result([str(v) for v in result.vars], rows)
