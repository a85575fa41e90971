"""Conflicts: where sources disagree, by the stored query ``conflicts``."""

from __future__ import annotations

import pyoxigraph as ox

from kommgraph.query import catalogue as queries
from kommgraph.query.engines import OxigraphEngine
from kommgraph.query.result import Result


def conflicts(store: ox.Store) -> Result:
    """Disagreements between sources (the stored query ``conflicts``), each with both sources, their
    quotes, and whether a curator resolved it with kg:prevailingSource."""
    return OxigraphEngine(store).select(queries.resolve("conflicts").bind({}))
