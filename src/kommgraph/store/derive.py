"""Apply the derivation rules (``queries/rules/*.rq``, SPARQL CONSTRUCT) into their own named graph.

Rules run in file-name order over the union of all graphs, each seeing what earlier rules derived,
so a reader can find the rule behind every inferred triple by its file.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from kommgraph.core import paths
from kommgraph.store.dataset import derived_graph


@dataclass(frozen=True)
class Rule:
    name: str
    text: str


def rules(directory: Path | None = None) -> list[Rule]:
    directory = directory or paths.rules_dir()
    return [Rule(p.stem, p.read_text(encoding="utf-8")) for p in sorted(directory.glob("*.rq"))]


def derive(store: ox.Store) -> dict[str, int]:
    """Run every rule over the merged default graph; returns the number of new triples per rule.

    What a rule derives goes into the derived named graph and into the default graph, so that
    later rules and all queries see it.
    """
    target = derived_graph()
    counts: dict[str, int] = {}
    for rule in rules():
        triples = [
            t for t in store.query(rule.text) if ox.Quad(t.subject, t.predicate, t.object) not in store
        ]
        store.extend([ox.Quad(t.subject, t.predicate, t.object, target) for t in triples])
        store.extend([ox.Quad(t.subject, t.predicate, t.object) for t in triples])
        counts[rule.name] = len(triples)
    return counts
