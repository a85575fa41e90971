"""The first build's store write by graph kind, and the alternatives to writing the merged default graph
(scale-store11).

    python benchmarks/store_write_kinds.py DATA [--repeats N] [--queries] [--json OUT]

Loads and derives DATA in memory once (as ``persistent._rebuild`` does), then forks one child per
variant; each child writes the quads of its variant into a new store on disk with ``bulk_extend`` in
``persist``'s parts and flushes. Its CPU (user + system, ``wait4``), wall time and peak memory are the
write's own: the parent's store is read through copy-on-write pages, as ``store/background.py`` does.

Variants: ``all`` (``persistent.persist``, what the build writes now), ``default`` (the merged default
graph alone), ``named`` (every named graph, no merged default graph: option a), ``sources`` (the named
graphs of the source files), ``derived``, ``index``, ``ontology+reference``, ``iterate-named`` (the
Python filter of ``named`` without writing: what to subtract), ``from-files`` (option b: the child
parses the files itself into memory, merges and writes everything but the derived and index graphs,
which it bulk-loads from an N-Quads dump the parent writes: ``dump-derived`` is the parent's part).

``--queries``: every stored query (as ``scale_benchmark --phase queries`` calls them) on the ``all``
store with its merged default graph, and on the ``named`` store with ``use_default_graph_as_union``:
CPU medians and whether the rows are the same (as multisets). Not a test.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import resource
import shutil
import statistics
import sys
import tempfile
import time
from collections import Counter
from itertools import islice
from pathlib import Path

import pyoxigraph as ox

from kommgraph.core.vocab import DERIVED_GRAPH, ONTOLOGY_GRAPH, REFERENCE_GRAPH
from kommgraph.store import dataset, derive, persistent
from kommgraph.store.derive import INDEX_GRAPH

VARIANTS = (
    "all",
    "default",
    "named",
    "sources",
    "derived",
    "index",
    "ontology+reference",
    "iterate-named",
    "from-files",
)
SPECIAL = {str(DERIVED_GRAPH), INDEX_GRAPH, str(ONTOLOGY_GRAPH), str(REFERENCE_GRAPH)}


def _graph(name: str):
    return ox.NamedNode(name)


def quads_of(memory: ox.Store, variant: str):
    if variant == "default":
        return memory.quads_for_pattern(None, None, None, ox.DefaultGraph())
    if variant in ("named", "iterate-named"):
        return (q for q in memory if not isinstance(q.graph_name, ox.DefaultGraph))
    if variant == "sources":
        return (
            q
            for q in memory
            if not isinstance(q.graph_name, ox.DefaultGraph) and q.graph_name.value not in SPECIAL
        )
    if variant == "derived":
        return memory.quads_for_pattern(None, None, None, _graph(str(DERIVED_GRAPH)))
    if variant == "index":
        return memory.quads_for_pattern(None, None, None, _graph(INDEX_GRAPH))
    if variant == "ontology+reference":
        return (
            q
            for name in (str(ONTOLOGY_GRAPH), str(REFERENCE_GRAPH))
            for q in memory.quads_for_pattern(None, None, None, _graph(name))
        )
    raise ValueError(variant)


def count(memory: ox.Store, variant: str) -> int:
    return sum(1 for _ in quads_of(memory, variant))


def write_parts(quads, total: int, path: Path) -> None:
    """``persist``'s way: ``bulk_extend`` in PERSIST_PARTS parts of at most PERSIST_CHUNK quads."""
    store = ox.Store(str(path))
    part = max(1, min(persistent.PERSIST_CHUNK, math.ceil(total / persistent.PERSIST_PARTS)))
    quads = iter(quads)
    for _ in range(max(1, math.ceil(total / part))):
        store.bulk_extend(islice(quads, part))
    store.flush()


def run_variant(memory, files, variant: str, sizes: dict, target: Path, dump: Path) -> None:
    if variant == "all":
        persistent.persist(memory, target)
    elif variant == "iterate-named":
        for _ in quads_of(memory, variant):
            pass
    elif variant == "from-files":
        own = dataset.load_store(files)  # parse and merge, as the parent does, in the child
        write_parts(own, len(own), target)
        del own
        store = ox.Store(str(target))
        store.bulk_load(path=str(dump), format=ox.RdfFormat.N_QUADS)
        store.flush()
    else:
        write_parts(quads_of(memory, variant), sizes[variant], target)


def in_child(function) -> dict:
    """Run ``function`` in a forked child: its CPU, wall and peak memory."""
    begin = time.perf_counter()
    pid = os.fork()
    if pid == 0:  # the child
        code = 0
        try:
            function()
        except BaseException as exc:  # noqa: BLE001
            print(f"child failed: {exc!r}", file=sys.stderr)
            code = 1
        os._exit(code)
    _, status, usage = os.wait4(pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit("a child failed")
    return {
        "cpu": round(usage.ru_utime + usage.ru_stime, 2),
        "wall": round(time.perf_counter() - begin, 2),
        "peak_mb": round(usage.ru_maxrss / 1024),
    }


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def dump_derived(memory: ox.Store, dump: Path) -> dict:
    """What the parent pays in option b: the derived and index graphs, and the derived triples of the
    default graph, as N-Quads for the child (measured in this process: no fork)."""
    begin, wall = _cpu(), time.perf_counter()
    derived = _graph(str(DERIVED_GRAPH))
    with open(dump, "wb") as out:
        memory.dump(output=out, format=ox.RdfFormat.N_QUADS, from_graph=derived)
        memory.dump(output=out, format=ox.RdfFormat.N_QUADS, from_graph=_graph(INDEX_GRAPH))
        # the derived triples in the default graph too (the rules add them to both)
        triples = (q.triple for q in memory.quads_for_pattern(None, None, None, derived))
        ox.serialize(triples, out, ox.RdfFormat.N_TRIPLES)
    return {"cpu": round(_cpu() - begin, 2), "wall": round(time.perf_counter() - wall, 2)}


def disk_mb(path: Path) -> int:
    return round(sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) / 1e6)


class UnionStore:
    """A store whose queries read the union of its graphs as their default graph (option a)."""

    def __init__(self, store: ox.Store):
        self.store = store

    def query(self, text, **options):
        return self.store.query(text, use_default_graph_as_union=True, **options)

    def contains_named_graph(self, graph) -> bool:
        return self.store.contains_named_graph(graph)


def time_queries(memory: ox.Store, stores: dict[str, object], repeats: int) -> list[dict]:
    sys.path.insert(0, str(Path(__file__).parent))
    from scale_benchmark import _query_values, _scoped_calls, _text_for

    from kommgraph.query.binding import bind
    from kommgraph.query.catalogue import catalogue
    from kommgraph.query.engines import OxigraphEngine

    class Loaded:
        store = memory

    values = _query_values(Loaded)
    stored_queries = catalogue()
    records = []
    for label, name, parameters in _scoped_calls(values):
        stored = stored_queries[name]
        record = {"query": label}
        answers = {}
        for kind, store in stores.items():
            engine = OxigraphEngine(store)
            text = bind(_text_for(stored, engine.holds_index(), parameters), stored.bindings(parameters))
            cpu_times = []
            for _ in range(repeats):
                begin = time.process_time()
                rows = engine.select(text).rows
                cpu_times.append(time.process_time() - begin)
            answers[kind] = Counter(rows)
            record[f"{kind}_ms"] = round(statistics.median(cpu_times) * 1000, 1)
            record[f"{kind}_rows"] = len(rows)
        kinds = list(answers)
        record["same"] = all(answers[k] == answers[kinds[0]] for k in kinds[1:])
        print(json.dumps(record), flush=True)
        records.append(record)
    return records


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("data", type=Path)
    parser.add_argument("--repeats", type=int, default=1)
    parser.add_argument("--variants", default=",".join(VARIANTS))
    parser.add_argument("--queries", action="store_true")
    parser.add_argument("--query-repeats", type=int, default=3)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)
    files = dataset.discover(args.data)
    begin = _cpu()
    memory = dataset.load_store(files)
    derive.derive(memory)
    result: dict = {"load_derive_cpu": round(_cpu() - begin, 2), "quads": len(memory), "runs": []}
    variants = args.variants.split(",")
    sizes = {v: count(memory, v) for v in variants if v not in ("all", "from-files", "iterate-named")}
    sizes["named"] = sizes.get("named") or count(memory, "named")
    result["sizes"] = sizes
    print(json.dumps({"quads": len(memory), "sizes": sizes}), flush=True)
    with tempfile.TemporaryDirectory(prefix="store-write-") as folder:
        dump = Path(folder) / "derived.nq"
        if "from-files" in variants:
            record = {"variant": "dump-derived", **dump_derived(memory, dump)}
            print(json.dumps(record), flush=True)
            result["runs"].append(record)
        for round_number in range(args.repeats):
            for variant in variants:
                target = Path(folder) / variant
                shutil.rmtree(target, ignore_errors=True)
                figures = in_child(lambda v=variant, t=target: run_variant(memory, files, v, sizes, t, dump))
                record = {"variant": variant, "round": round_number, **figures}
                if target.exists():
                    record["disk_mb"] = disk_mb(target)
                print(json.dumps(record), flush=True)
                result["runs"].append(record)
        if args.queries:
            for variant in ("all", "named"):
                target = Path(folder) / variant
                if not target.exists():
                    in_child(lambda v=variant, t=target: run_variant(memory, files, v, sizes, t, dump))
            stores = {
                "merged": ox.Store.read_only(str(Path(folder) / "all")),
                "union": UnionStore(ox.Store.read_only(str(Path(folder) / "named"))),
            }
            result["queries"] = time_queries(memory, stores, args.query_repeats)
            stores.clear()
    if args.json:
        args.json.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
