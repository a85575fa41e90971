"""The Python entry point for notebooks and scripts: ``kommgraph.open()`` → ``.query(name, **params)``."""

from __future__ import annotations

from pathlib import Path

from kommgraph import queries
from kommgraph.build import Loaded, load
from kommgraph.engines import OxigraphEngine, Result


class KommGraph:
    """A data directory (by default the bundled data) loaded into an embedded Oxigraph store, rules applied."""

    def __init__(self, loaded: Loaded):
        self.loaded = loaded
        self.store = loaded.store
        self.engine = OxigraphEngine(loaded.store)

    def queries(self) -> dict[str, queries.StoredQuery]:
        """The stored queries by name, each with its summary and parameters."""
        return queries.catalogue()

    def query(self, name: str, **params: str) -> Result:
        """Run a stored query (or a ``.rq`` file) with its parameters as keyword arguments."""
        stored = queries.resolve(name)
        return self.engine.select(stored.bind({k: str(v) for k, v in params.items()}))

    def sparql(self, text: str) -> Result:
        """Run an ad-hoc SELECT query against the merged graph."""
        return self.engine.select(text)


def open(data_dir: str | Path | None = None) -> KommGraph:  # noqa: A001 - the public name of the API
    return KommGraph(load(Path(data_dir) if data_dir else None))
