"""Every stored query in-process on a warm persistent store: the plain form against the indexed form,
same process, alternated, CPU of ``OxigraphEngine.select`` (rows as rdflib terms), median of ``--runs``
(issue 11: each under 100 ms at 1M triples). The rows of the two forms are checked to be equal.

    python benchmarks/query_forms.py DATA [--runs 5] [--json OUT]

The store must exist (run any query once before); the calls are the scale benchmark's.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from scale_benchmark import _loaded, _query_values, _scoped_calls  # noqa: E402

from kommgraph.query.catalogue import catalogue  # noqa: E402
from kommgraph.query.engines import OxigraphEngine  # noqa: E402


def timed(engine: OxigraphEngine, text: str, bindings) -> tuple[float, list]:
    start = time.process_time()
    rows = engine.select(text, bindings).rows
    return (time.process_time() - start) * 1000, rows


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", type=Path)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)
    loaded = _loaded(args.data)
    engine = OxigraphEngine(loaded.store)
    holds_index = engine.holds_index()
    records = []
    for label, name, parameters in _scoped_calls(_query_values(loaded)):
        stored = catalogue()[name]
        bindings = stored.bindings(parameters)
        chosen = stored.text_for(holds_index, parameters)
        forms = {"plain": stored.text} | ({"indexed": chosen} if chosen is not stored.text else {})
        times: dict[str, list[float]] = {form: [] for form in forms}
        rows: dict[str, list] = {}
        for _ in range(args.runs):
            for form, text in forms.items():
                ms, rows[form] = timed(engine, text, bindings)
                times[form].append(round(ms, 1))
        record = {
            "call": label,
            "rows": len(rows["plain"]),
            "same_rows": all(found == rows["plain"] for found in rows.values()),
            **{f"{form}_ms_median": round(statistics.median(t), 1) for form, t in times.items()},
            **{f"{form}_ms": t for form, t in times.items()},
        }
        records.append(record)
        print(json.dumps(record), flush=True)
    loaded.close()
    if args.json:
        args.json.write_text(json.dumps(records, indent=1) + "\n")


if __name__ == "__main__":
    main()
