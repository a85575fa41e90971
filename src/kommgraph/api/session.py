"""The Python entry point for notebooks and scripts.

>>> import kommgraph
>>> kg = kommgraph.open()                                  # the bundled data, embedded Oxigraph
>>> kg.query("replaced-units", pattern="E-Government").to_df()
>>> kg = kommgraph.open(endpoint="http://localhost:7878/query")   # a SPARQL endpoint instead

Results are ``kommgraph.query.result.Result`` objects: ``.rows`` (rdflib terms), ``.dicts()``, ``.values()``,
``.to_df()`` (pandas, typed columns) and an HTML table in Jupyter.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from kommgraph.query import catalogue as queries
from kommgraph.query.engines import DEFAULT_TIMEOUT, Engine, OxigraphEngine, RdflibEngine, Result
from kommgraph.query.reference import catalogue_html, catalogue_text
from kommgraph.query.remote import RemoteEngine
from kommgraph.store.load import Loaded, load

ENGINES = ("oxigraph", "rdflib")


class Catalogue(dict):
    """The stored queries by name; shows as a table of names, summaries and parameters in Jupyter."""

    def _repr_html_(self) -> str:
        return catalogue_html(self)

    def __str__(self) -> str:
        return catalogue_text(self)


class KommGraph:
    """Stored and ad-hoc queries on one engine: the loaded data (by default the bundled data, rules
    applied) in embedded Oxigraph or rdflib, or a SPARQL endpoint."""

    def __init__(self, loaded: Loaded | None = None, *, engine: Engine | None = None):
        if engine is None:
            if loaded is None:
                raise ValueError("KommGraph needs loaded data or an engine")
            engine = OxigraphEngine(loaded.store)
        self.loaded = loaded
        self.store = loaded.store if loaded is not None else None
        self.engine = engine

    def queries(self) -> Catalogue:
        """The stored queries by name, each with its summary and parameters."""
        return Catalogue(queries.catalogue())

    def query(self, name: str, /, **params) -> Result:
        """Run a stored query (or a ``.rq`` file) with its parameters as keyword arguments.

        Values may be str, int, bool or datetime.date; they are checked against the parameter's type.
        """
        stored = queries.resolve(name)
        text = stored.text_for(self.engine.holds_index(), {k: str(v) for k, v in params.items()})
        return self.engine.select(text, stored.bindings(params))

    def sparql(self, text: str) -> Result:
        """Run an ad-hoc SELECT query against the merged graph (or the endpoint's default graph)."""
        return self.engine.select(text)

    def __repr__(self) -> str:
        where = getattr(self.engine, "endpoint", None) or (self.loaded.layout.root if self.loaded else "?")
        return f"<KommGraph {self.engine.name} {where}>"


def open(  # noqa: A001 - the public name of the API
    data_dir: str | Path | None = None,
    *,
    endpoint: str | None = None,
    engine: str = "oxigraph",
    timeout: float = DEFAULT_TIMEOUT,
    default_graphs: Sequence[str] = (),
) -> KommGraph:
    """The bundled data (or ``data_dir``) in an embedded engine, or the SPARQL endpoint ``endpoint``.

    ``engine`` is "oxigraph" (default) or "rdflib" for local data; ``timeout`` (seconds) and
    ``default_graphs`` (sent as ``default-graph-uri``) apply to an endpoint.
    """
    if endpoint is not None:
        if data_dir is not None:
            raise ValueError("give either data_dir or endpoint, not both")
        return KommGraph(engine=RemoteEngine(endpoint, timeout=timeout, default_graphs=default_graphs))
    if engine not in ENGINES:
        raise ValueError(f"unknown engine {engine!r}; choose one of {', '.join(ENGINES)}")
    loaded = load(Path(data_dir) if data_dir else None)
    return KommGraph(loaded, engine=local_engine(loaded.store, engine))


def local_engine(store, engine: str = "oxigraph") -> Engine:
    """An embedded engine over a pyoxigraph store (named graphs plus their merge as default graph)."""
    return RdflibEngine.from_store(store) if engine == "rdflib" else OxigraphEngine(store)
