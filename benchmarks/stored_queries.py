"""The stored queries as ``kommgraph query`` runs them (the indexed form where the store holds the index),
in-process, on several data directories alternated in one run: CPU and wall of
``OxigraphEngine.select`` (rows as rdflib terms), median of ``--runs`` per directory (issue 11: each
under 100 ms at 1M triples). Each directory is read by the code on ``sys.path`` (run it with
``PYTHONPATH=OTHER/src`` for another version); the rows of the first directory are the reference, and
each record says whether the others gave the same rows. Beside each directory the number of the
store's SST files (RocksDB) is printed: a store after many small updates has many. A path may also be
a store directory itself (``DATA/.kommgraph/all`` or a copy of it, e.g. one compacted): it is opened
read-only, with no check that it is current.

    python benchmarks/stored_queries.py DATA [DATA …] [--runs 5] [--only heads-of-unit,digital-units]
        [--json OUT]

The stores must exist and be current (run any query once before). Unlike ``query_forms.py`` the plain
forms are not run (at 1M triples they take seconds).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path
from types import SimpleNamespace

import pyoxigraph as ox

sys.path.insert(0, str(Path(__file__).parent))

from scale_benchmark import _loaded, _query_values, _scoped_calls  # noqa: E402

from kommgraph.query.catalogue import catalogue  # noqa: E402
from kommgraph.query.engines import OxigraphEngine  # noqa: E402


def sst_files(path: Path) -> int:
    return sum(1 for _ in path.glob("*.sst")) + sum(1 for _ in path.glob(".kommgraph/*/*.sst"))


def opened(path: Path):
    """A data directory's current store (loaded as the commands load it), or a store directory as it is."""
    if not (path / "CURRENT").exists():
        return _loaded(path)
    return SimpleNamespace(store=ox.Store.read_only(str(path)), close=lambda: None)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", type=Path, nargs="+")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--only", default="", help="comma-separated query names (default: every one)")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)
    only = set(filter(None, args.only.split(",")))
    loaded = [opened(data) for data in args.data]
    engines = [OxigraphEngine(one.store) for one in loaded]
    calls = [call for call in _scoped_calls(_query_values(loaded[0])) if not only or call[1] in only]
    records = []
    for label, name, parameters in calls:
        stored = catalogue()[name]
        bindings = stored.bindings(parameters)
        cpu: list[list[float]] = [[] for _ in engines]
        wall: list[list[float]] = [[] for _ in engines]
        rows: list[list] = [[] for _ in engines]
        for _ in range(args.runs):
            for at, engine in enumerate(engines):  # alternated: each run of each store in turn
                text = stored.text_for(engine.holds_index(), parameters)
                begin, begin_cpu = time.perf_counter(), time.process_time()
                rows[at] = engine.select(text, bindings).rows
                cpu[at].append(round((time.process_time() - begin_cpu) * 1000, 1))
                wall[at].append(round((time.perf_counter() - begin) * 1000, 1))
        for at, data in enumerate(args.data):
            record = {
                "call": label,
                "data": str(data),
                "sst_files": sst_files(data),
                "rows": len(rows[at]),
                "same_rows_as_first": rows[at] == rows[0],
                "cpu_ms_median": statistics.median(cpu[at]),
                "wall_ms_median": statistics.median(wall[at]),
                "cpu_ms": cpu[at],
                "wall_ms": wall[at],
            }
            records.append(record)
            print(json.dumps(record), flush=True)
    for one in loaded:
        one.close()
    if args.json:
        args.json.write_text(json.dumps(records, indent=1) + "\n")


if __name__ == "__main__":
    main()
