"""Record time: which sources had appeared by a day, and the data as it was known then."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pyoxigraph as ox

from kommgraph.core.dates import Answer, TrueDate, from_term, issued_by
from kommgraph.core.vocab import ONTOLOGY_GRAPH, REFERENCE_GRAPH
from kommgraph.store import dataset, derive
from kommgraph.temporal.sparql import lexical, select, store_of


@dataclass(frozen=True)
class KnownSource:
    graph: str
    source: str
    title: str
    issued: TrueDate | None
    answer: Answer  # whether it had certainly, possibly or not appeared by the day


def known_sources(store: ox.Store, day: dt.date) -> list[KnownSource]:
    """Every source graph with its issue date and whether it had appeared by ``day``."""
    rows = sorted(select(store, "known-sources"), key=lambda row: row["g"].value)
    out = []
    for row in rows:
        issued = from_term(row["issued"]) if row["issued"] is not None else None
        answer = issued_by(issued, day) if issued else Answer.NO
        out.append(KnownSource(row["g"].value, lexical(row["source"]), lexical(row["title"]), issued, answer))
    return out


def known_at(loaded_or_store, day: dt.date) -> ox.Store:
    """A new store with only what was known on ``day``: the graphs of sources certainly issued by then,
    with the reference data and the ontology, and the rules applied afresh.

    A source whose issue date is imprecise and might fall after the day (``2018-05`` for 2018-05-15)
    is left out: as-known-at answers rest only on what had certainly appeared.
    """
    store = store_of(loaded_or_store)
    graphs = [s.graph for s in known_sources(store, day) if s.answer is Answer.CERTAIN]
    subset = dataset.subset_store(store, graphs + [str(REFERENCE_GRAPH), str(ONTOLOGY_GRAPH)])
    derive.derive(subset)
    return subset
