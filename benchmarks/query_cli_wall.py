"""Wall and CPU time of `kommgraph query NAME` on a warm persistent store, start-up included (issue 11).

    python benchmarks/query_cli_wall.py DATA [--runs 3] [--json OUT]

Every stored query with the scale benchmark's sample parameters (whole country, and scoped to one
authority where the query takes one), each run ``--runs`` times as its own process
(CPU: user+sys of the child). Also ``kommgraph --help`` as the
bare start-up of the interpreter and the CLI. The store must exist (run any query once before).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from scale_benchmark import _loaded, _query_values, _scoped_calls  # noqa: E402


def run(args: list[str]) -> tuple[str, float, float]:
    """stdout (through a file: thousands of rows would fill a pipe nobody reads), wall, CPU of the child."""
    with tempfile.TemporaryFile("w+") as out:
        started = time.perf_counter()
        process = subprocess.Popen(args, stdout=out, stderr=subprocess.PIPE, text=True)
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - started
        if os.waitstatus_to_exitcode(status) != 0:
            raise SystemExit(f"{' '.join(args)}: {process.stderr.read().strip()[-300:]}")
        out.seek(0)
        return out.read(), round(wall, 3), round(usage.ru_utime + usage.ru_stime, 3)


def calls(data: Path) -> list[tuple[str, str, dict[str, str]]]:
    loaded = _loaded(data)
    try:
        return _scoped_calls(_query_values(loaded))
    finally:
        loaded.close()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", type=Path)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)
    records = []
    plan = [("start-up (kommgraph --help)", ["--help"])]
    for label, name, parameters in calls(args.data):
        params = [a for k, v in parameters.items() for a in ("-p", f"{k}={v}")]
        plan.append((label, ["query", name, "--data-dir", str(args.data), *params]))
    for label, cli in plan:
        walls, cpus, rows = [], [], None
        for _ in range(args.runs):
            out, wall, cpu = run([sys.executable, "-m", "kommgraph", *cli])
            walls.append(wall)
            cpus.append(cpu)
            tail = [line for line in out.splitlines() if line.startswith("(") and "row" in line]
            rows = tail[-1] if tail else rows
        record = {
            "call": label,
            "wall_median": statistics.median(walls),
            "cpu_median": statistics.median(cpus),
            "walls": walls,
            "cpus": cpus,
            "rows": rows,
        }
        records.append(record)
        print(json.dumps(record), flush=True)
    if args.json:
        args.json.write_text(json.dumps(records, indent=1) + "\n")


if __name__ == "__main__":
    main()
