"""CPU of the answer rows (the row rules ``queries/rules/9N-index-rows-*.rq``) on the first build.

    python benchmarks/row_rules.py rules DATA            # per row rule: staged (main deeeb6a) and direct
    python benchmarks/row_rules.py where DATA STORE      # rows in memory before the write, or on disk after

``rules``: loads DATA, derives every other rule, then runs each row rule the old way (CONSTRUCT as an
INSERT into a staging graph, then the quads not yet in the index graph moved over: ``staged``) on one
copy and straight into the index graph (``direct``, ``derive.derive_rows``) on another; both must give
the same number of index quads. ``where``: the store writer's two options, in one process each: the
rows derived into the store in memory and the whole store written (``memory``), or the store written
without rows and the rows derived by SPARQL updates on the RocksDB store (``disk``). One JSON line per
measurement, CPU = user + system of this process. Not a test.
"""

from __future__ import annotations

import json
import resource
import shutil
import sys
from pathlib import Path

import pyoxigraph as ox

from kommgraph.store import dataset, derive, persistent

INDEX = ox.NamedNode(derive.INDEX_GRAPH)
STAGING = ox.NamedNode("urn:kommgraph:derive-staging")


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _without_rows(data: Path) -> ox.Store:
    store = dataset.load_store(dataset.discover(data))
    derive.derive(store, rows=False)
    return store


def _staged(store: ox.Store, rule: derive.Rule) -> None:
    """main deeeb6a's way: staging graph, then the quads not in the index graph moved on."""
    store.update(derive.as_staging_insert(rule.text))
    new = f"GRAPH {STAGING} {{ ?s ?p ?o }} FILTER NOT EXISTS {{ GRAPH {INDEX} {{ ?s ?p ?o }} }}"
    store.update(f"INSERT {{ GRAPH {INDEX} {{ ?s ?p ?o }} }} WHERE {{ {new} }}")
    store.update(f"DROP SILENT GRAPH {STAGING}")


def rules(data: Path) -> None:
    stores = {"staged": _without_rows(data), "direct": _without_rows(data)}
    for rule in (r for r in derive.rules() if r.rows):
        for way, store in stores.items():
            start = _cpu()
            _staged(store, rule) if way == "staged" else derive._insert_index(store, rule)
            print(json.dumps({"rule": rule.name, "way": way, "cpu": round(_cpu() - start, 2)}), flush=True)
    sizes = {way: sum(1 for _ in s.quads_for_pattern(None, None, None, INDEX)) for way, s in stores.items()}
    print(json.dumps({"index_quads": sizes}))


def where(data: Path, target: Path) -> None:
    for way in ("memory", "disk"):
        shutil.rmtree(target, ignore_errors=True)
        memory = _without_rows(data)
        start = _cpu()
        if way == "memory":
            persistent.derive_and_persist(memory, target)
        else:
            persistent.persist(memory, target)
            store = ox.Store(str(target))
            derive.derive_rows(store)
            store.flush()
            del store
        print(json.dumps({"way": way, "cpu": round(_cpu() - start, 2)}), flush=True)
        del memory
    shutil.rmtree(target, ignore_errors=True)


if __name__ == "__main__":
    if sys.argv[1] == "rules":
        rules(Path(sys.argv[2]))
    else:
        where(Path(sys.argv[2]), Path(sys.argv[3]))
