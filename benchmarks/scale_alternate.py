"""Before/after CPU of ``kommgraph build`` and ``kommgraph validate`` at several sizes, alternating.

Each round measures, per size, the bare pyoxigraph bulk loads (the references: into memory, and into a
store on disk, what a persistent store needs at the least) and then, for each version
of kommgraph in turn (the order alternates between rounds), ``build`` with ``KOMMGRAPH_NO_STORE=1``,
the default first ``build`` (``DATA/.kommgraph/`` emptied before) and ``validate`` with
``KOMMGRAPH_NO_STORE=1``: every one a child of its own, CPU = user + system of all its threads.
A version is a ``src`` folder put first on ``PYTHONPATH`` (e.g. ``git archive`` of the base commit).

    python benchmarks/scale_alternate.py --data 100k=DIR --data 1m=DIR \\
        --version before=/tmp/base/src --version after=src --rounds 3 --json OUT.json \\
        [--measure build-no-store,build-first,validate-no-store]
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import sys
from pathlib import Path

from scale_benchmark import measured_child

ME = Path(__file__).resolve()


def _bare(data: Path, on_disk: Path | None = None) -> dict:
    """The bare pyoxigraph bulk load of the same files, into memory or (``on_disk``) into a store on disk."""
    phase = ["bare", str(data)] if on_disk is None else ["bare-disk", str(data), str(on_disk)]
    out, err, summary = measured_child(
        [sys.executable, str(ME.parent / "scale_benchmark.py"), "--phase", *phase], 3600
    )
    if on_disk is not None:
        shutil.rmtree(on_disk, ignore_errors=True)
    records = [json.loads(line) for line in out.splitlines() if line.startswith("{")]
    return {**summary, "load_cpu": records[0]["cpu"] if records else None}


def _kommgraph(src: Path, args: list[str], store: bool) -> dict:
    environment = {"PYTHONPATH": str(src.resolve()), "KOMMGRAPH_NO_STORE": "0" if store else "1"}
    _, err, summary = measured_child([sys.executable, "-m", "kommgraph", *args], 3600, environment)
    if summary["exit"] not in (0, 1):
        summary["stderr"] = err.strip().splitlines()[-1][:300] if err.strip() else ""
    return summary


MEASUREMENTS = ("build-no-store", "build-first", "validate-no-store")


def measure(data: Path, src: Path, out: Path, chosen=MEASUREMENTS) -> dict:
    build = ["build", "--data-dir", str(data), "--out", str(out)]
    result = {}
    if "build-no-store" in chosen:
        result["build-no-store"] = _kommgraph(src, build, store=False)
    if "build-first" in chosen:
        shutil.rmtree(data / ".kommgraph", ignore_errors=True)
        result["build-first"] = _kommgraph(src, build, store=True)
        shutil.rmtree(data / ".kommgraph", ignore_errors=True)
    if "validate-no-store" in chosen:
        result["validate-no-store"] = _kommgraph(src, ["validate", "--data-dir", str(data)], store=False)
    return result


def summarise(runs: list[dict]) -> dict:
    """Median CPU per size, version and measurement; the bare load's median per size."""
    table: dict = {}
    for run in runs:
        size = table.setdefault(run["size"], {"bare": [], "bare-disk": []})
        size["bare"].append(run["bare"]["cpu"])
        if "bare-disk" in run:
            size["bare-disk"].append(run["bare-disk"]["cpu"])
        for version, measured in run["versions"].items():
            for name, summary in measured.items():
                size.setdefault(version, {}).setdefault(name, []).append(summary["cpu"])
    return {
        size: {
            key: statistics.median(value)
            if key in ("bare", "bare-disk")
            else {n: statistics.median(v) for n, v in value.items()}
            for key, value in entries.items()
            if value
        }
        for size, entries in table.items()
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", action="append", required=True, help="SIZE=DIR (a synth data directory)")
    parser.add_argument("--version", action="append", required=True, help="NAME=SRC (a kommgraph src folder)")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--out", type=Path, default=Path("/tmp/kommgraph-alternate"))
    parser.add_argument("--json", type=Path, required=True)
    parser.add_argument("--measure", default=",".join(MEASUREMENTS), help="which of them, comma-separated")
    args = parser.parse_args(argv)
    sizes = [tuple(item.split("=", 1)) for item in args.data]
    versions = [tuple(item.split("=", 1)) for item in args.version]
    runs = []
    for number in range(args.rounds):
        order = versions if number % 2 == 0 else versions[::-1]
        for size, data in sizes:
            run = {"round": number + 1, "size": size, "bare": _bare(Path(data)), "versions": {}}
            run["bare-disk"] = _bare(Path(data), args.out / "bare-disk-store")
            for name, src in order:
                run["versions"][name] = measure(
                    Path(data), Path(src), args.out / name, args.measure.split(",")
                )
                print(
                    json.dumps({"round": number + 1, "size": size, "version": name, **run["versions"][name]}),
                    file=sys.stderr,
                    flush=True,
                )
            runs.append(run)
            args.json.write_text(json.dumps({"runs": runs, "medians": summarise(runs)}, indent=1) + "\n")


if __name__ == "__main__":
    sys.path.insert(0, str(ME.parent))
    main()
