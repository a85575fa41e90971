"""Scale benchmark: kommgraph on synthetic data of 10k, 100k, 1M (and 5M) triples, each figure beside a
reference measured in the same run (bare pyoxigraph bulk load, one pySHACL run, rdflib's engine).

    python benchmarks/scale_benchmark.py --sizes 10k,100k --work /tmp/kg-scale [--timeout 900]
        [--json results.json] [--markdown BENCHMARKS.md]

Every measurement runs in a child process of its own (``--phase``), so that CPU time and peak memory
(``ru_maxrss`` from ``wait4``) are the measurement's alone; a child that exceeds ``--timeout`` is killed
and its figure reported as not finished. Not a test: nothing here passes or fails.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import signal
import statistics
import subprocess
import sys
import time
from pathlib import Path

# authorities per size: the synthetic generator writes about 106 triples per authority
SIZES = {"10k": 95, "100k": 950, "1M": 9_500, "5M": 47_000}
CONVERT_DOCUMENTS = 500
MARK_BEGIN = "## Scale"


# --------------------------------------------------------------------------------------------- children


def _clock():
    return time.perf_counter(), time.process_time()


def _since(start) -> dict:
    wall, cpu = _clock()
    return {"wall": round(wall - start[0], 4), "cpu": round(cpu - start[1], 4)}


def _emit(record: dict) -> None:
    print(json.dumps(record), flush=True)


def phase_bare(data: Path, on_disk: Path | None = None) -> None:
    """The reference: pyoxigraph bulk-loads the same files into their named graphs, nothing else; into
    memory (``Store()``, one ``bulk_load`` per file), or (``on_disk``, emptied first) into an on-disk
    store (``Store(path)``), what a persistent store needs at the least: every file parsed by pyoxigraph
    and given to one ``bulk_extend`` as a stream of quads into their graphs (file by file ``bulk_load``
    pays RocksDB's ingestion per call, ≈ 25 ms CPU a file: at 1M not finished after 236 s CPU)."""
    import pyoxigraph as ox

    from kommgraph.store.dataset import discover

    if on_disk is not None:
        shutil.rmtree(on_disk, ignore_errors=True)
        on_disk.parent.mkdir(parents=True, exist_ok=True)
    start = _clock()
    files = discover(data)
    if on_disk is None:
        store = ox.Store()
        for graph_file in files:
            store.bulk_load(
                path=str(graph_file.path), format=ox.RdfFormat.TURTLE, to_graph=ox.NamedNode(graph_file.graph)
            )
    else:
        store = ox.Store(str(on_disk))
        store.bulk_extend(_quads_of(files))
        store.flush()
    _emit(
        {"step": "bare-load" if on_disk is None else "bare-load-disk", **_since(start), "quads": len(store)}
    )


def _quads_of(files):
    """Every triple of every file as a quad of its graph, parsed by pyoxigraph (no list)."""
    import pyoxigraph as ox

    for graph_file in files:
        graph = ox.NamedNode(graph_file.graph)
        for quad in ox.parse(path=str(graph_file.path), format=ox.RdfFormat.TURTLE):
            yield ox.Quad(quad.subject, quad.predicate, quad.object, graph)


def phase_build(data: Path, out: Path) -> None:
    """``kommgraph build`` step by step, as ``kommgraph.api.build.build`` runs it."""
    start = _clock()
    from kommgraph.publish.release import build_files
    from kommgraph.publish.writer import write_release
    from kommgraph.store import dataset, derive
    from kommgraph.store.load import Loaded
    from kommgraph.validation import validate

    _emit({"step": "import", **_since(start)})
    step = _clock()
    files = dataset.discover(data)
    store = dataset.load_store(files)
    _emit({"step": "load", **_since(step), "quads": len(store)})
    step = _clock()
    counts = derive.derive(store)
    _emit({"step": "derive", **_since(step), "derived": sum(counts.values())})
    loaded = Loaded(dataset.DataLayout(data), files, store, counts)
    step = _clock()
    report = validate(store, files, loaded.layout)
    _emit({"step": "validate", **_since(step), "findings": len(report.findings)})
    step = _clock()
    written = build_files(store)
    _emit({"step": "serialise", **_since(step), "bytes": sum(len(b) for b in written.values())})
    step = _clock()
    write_release(out, written)
    _emit({"step": "write-files", **_since(step)})
    _emit({"step": "build", **_since(start)})


def phase_build_cli(data: Path, out: Path, store: bool) -> None:
    """``kommgraph build`` as a user runs it, in a child of its own (CPU of every thread, wall, peak).
    Without ``--store``: ``KOMMGRAPH_NO_STORE=1``, everything in memory. With it: the default first
    build, ``DATA/.kommgraph/`` emptied before, the persistent store created on the way."""
    import shutil

    if store:
        shutil.rmtree(data / ".kommgraph", ignore_errors=True)
    command = [sys.executable, "-m", "kommgraph", "build", "--data-dir", str(data), "--out", str(out)]
    environment = {"KOMMGRAPH_NO_STORE": "0" if store else "1"}
    _, err, summary = measured_child(command, 3600, environment)
    if err.strip() and summary["exit"] not in (0, 1):
        summary["stderr"] = err.strip().splitlines()[-1][:300]
    _emit({"step": "build-cli-store" if store else "build-cli", **summary})


def phase_derive_rules(data: Path) -> None:
    """Each derivation rule on its own, after loading: where derive's time goes."""
    from kommgraph.store import dataset, derive

    store = dataset.load_store(dataset.discover(data))
    for rule in derive.rules():
        step = _clock()
        counts = derive.derive(store, only=[rule.name])
        _emit({"step": f"rule {rule.name}", **_since(step), "derived": sum(counts.values())})


def phase_convert() -> None:
    """``benchmarks/convert_benchmark.py`` on CONVERT_DOCUMENTS documents; its table as records."""
    script = Path(__file__).parent / "convert_benchmark.py"
    args = [sys.executable, str(script), "--documents", str(CONVERT_DOCUMENTS), "--repeats", "1"]
    out = subprocess.run(args, capture_output=True, text=True, check=True).stdout
    for line in out.splitlines():
        name, colon, figures = line.rpartition(":")
        numbers = figures.split()
        if colon and len(numbers) == 2 and all(n.replace(".", "", 1).isdigit() for n in numbers):
            cpu, wall = float(numbers[0]), float(numbers[1])
            _emit({"step": f"convert {name.strip()}", "per_s_cpu": cpu, "per_s_wall": wall})


def _loaded(data: Path):
    from kommgraph.store.load import load

    return load(data)


def _query_values(loaded) -> dict[str, dict[str, str]]:
    """Parameters that hit the synthetic data: a real unit, event and authority."""
    query = """PREFIX org: <http://www.w3.org/ns/org#>
    SELECT ?event ?unit ?ags ?date WHERE {
      ?event org:originalOrganization ?unit ; <https://w3id.org/kommgraph/ontology#effectiveDate> ?date .
      ?unit org:unitOf/<https://w3id.org/kommgraph/ontology#ags> ?ags .
      FILTER(DATATYPE(?date) = <http://www.w3.org/2001/XMLSchema#date>)
    } ORDER BY ?event LIMIT 1"""
    row = next(iter(loaded.store.query(query)))
    return {
        "evidence": {"resource": row["event"].value},
        "lineage": {"unit": row["unit"].value},
        "units-on-date": {"authority": row["ags"].value, "date": row["date"].value},
        "digital-units": {"pattern": "Digitalisierung"},
        "functions-moved": {"pattern": "Aufgaben"},
        "replaced-units": {"pattern": "Amt"},
    }


def _scoped_calls(values: dict[str, dict[str, str]]) -> list[tuple[str, str, dict[str, str]]]:
    """The calls an analyst makes: (label, query, parameters), the whole-country calls first, then the
    same queries scoped to the one authority (``authority``: its AGS) where the query takes one."""
    ags = values["units-on-date"]["authority"]
    from kommgraph.query.catalogue import catalogue

    calls = []
    for name, stored in sorted(catalogue().items(), key=lambda item: (item[0] == "conflicts", item[0])):
        calls.append((name, name, values.get(name, {})))
        if name != "units-on-date" and any(p.name == "authority" for p in stored.parameters):
            calls.append((f"{name} [authority]", name, {**values.get(name, {}), "authority": ags}))
    return calls


QUERY_BUDGET = int(os.environ.get("KOMMGRAPH_QUERY_BUDGET", "120"))  # seconds for one run of one query


class OutOfTime(BaseException):
    """Not an Exception: the engines turn every Exception into a QueryError."""


def _out_of_time(signum, frame):
    raise OutOfTime


def phase_queries(data: Path, engine_name: str, repeats: int) -> None:
    """Every stored query: median time of ``repeats`` runs (rdflib: after copying the store into it;
    oxigraph-memory: on an in-memory copy of the warm store, as a long-running session would hold it).
    Queries that take an ``authority`` are run twice: for the whole country and for one authority."""
    from kommgraph.query.binding import bind
    from kommgraph.query.catalogue import catalogue
    from kommgraph.query.engines import OxigraphEngine, RdflibEngine

    loaded = _loaded(data)
    values = _query_values(loaded)
    start = _clock()
    if engine_name == "oxigraph":
        engine = OxigraphEngine(loaded.store)
    elif engine_name == "oxigraph-memory":
        engine = OxigraphEngine(loaded.in_memory())
    else:
        engine = RdflibEngine.from_store(loaded.store)
    _emit({"step": f"{engine_name}-setup", **_since(start)})
    stored_queries = catalogue()
    # conflicts last: where it is slow it must not keep the others from being measured
    holds_index = engine.holds_index()
    for label, name, parameters in _scoped_calls(values):
        # the text `kommgraph query` runs: the indexed form where the store holds the index graph and
        # the values allow it (rdflib's copy holds the index graph too)
        stored = stored_queries[name]
        text = bind(_text_for(stored, holds_index, parameters), stored.bindings(parameters))
        times, cpu_times, rows = [], [], 0
        signal.signal(signal.SIGALRM, _out_of_time)
        try:
            for _ in range(repeats):
                begin, cpu_begin = time.perf_counter(), time.process_time()
                signal.alarm(QUERY_BUDGET)
                rows = len(engine.select(text))
                signal.alarm(0)
                times.append(time.perf_counter() - begin)
                cpu_times.append(time.process_time() - cpu_begin)
        except OutOfTime:
            _emit({"step": f"query {label}", "engine": engine_name, "timeout": QUERY_BUDGET})
            continue
        _emit(
            {
                "step": f"query {label}",
                "engine": engine_name,
                "median": statistics.median(times),
                "cpu_median": statistics.median(cpu_times),
                "min": min(times),
                "rows": rows,
                "form": "indexed" if text_is_indexed(stored, holds_index, parameters) else "plain",
            }
        )


def _text_for(stored, holds_index: bool, parameters: dict[str, str]) -> str:
    """``text_for`` of this checkout, or of an older one (before/after runs) that took no values."""
    try:
        return stored.text_for(holds_index, parameters)
    except TypeError:
        return stored.text_for(holds_index)


def text_is_indexed(stored, holds_index: bool, parameters: dict[str, str]) -> bool:
    return stored.indexed is not None and _text_for(stored, holds_index, parameters) is stored.indexed


def phase_temporal(data: Path, repeats: int = 3) -> None:
    """The queries of ``temporal/queries/`` as ``snapshot``, ``lineage`` and ``timeline`` run them:
    CPU median per query over every call of ``repeats`` rounds."""
    import datetime as dt
    import importlib
    from collections import defaultdict

    from kommgraph.temporal import sparql

    loaded = _loaded(data)
    values = _query_values(loaded)
    times: defaultdict[str, list[float]] = defaultdict(list)
    original = sparql.select

    def timed(store, name, **bindings):
        begin = time.process_time()
        rows = original(store, name, **bindings)
        times[name].append(time.process_time() - begin)
        return rows

    for module in ("snapshot", "lineage", "timeline", "find", "known_at", "lifespans"):
        imported = importlib.import_module(f"kommgraph.temporal.{module}")
        if hasattr(imported, "select"):
            imported.select = timed
    from kommgraph.temporal import find, known_at, lineage, snapshot, timeline

    store, unit = loaded.store, values["lineage"]["unit"]
    for _ in range(repeats):
        authority = find.find_authority(store, values["units-on-date"]["authority"])
        snapshot.snapshot(store, authority, dt.date.fromisoformat(values["units-on-date"]["date"]))
        find.find_unit(store, unit)
        lineage.lineage(store, unit)
        timeline.build(store, authority)
        known_at.known_sources(store, dt.date(2020, 1, 1))
    for name in sorted(times):
        median = statistics.median(times[name])
        _emit({"step": f"temporal {name}", "cpu_median": median, "calls": len(times[name])})


def phase_validate_one(data: Path) -> None:
    """Validation of one source (as after editing it) on a loaded store; the load is not counted."""
    from kommgraph.validation.run import validate_loaded

    loaded = _loaded(data)
    one = sorted(f.source_id for f in loaded.files if f.kind == "source")[len(loaded.files) // 3]
    start = _clock()
    report = validate_loaded(loaded, sources=[one])
    _emit({"step": "validate-one", **_since(start), "findings": len(report.findings)})


def phase_validate_full(data: Path, union_only: bool) -> None:
    """``kommgraph validate``'s work after loading: each source alone and the union (or the union only)."""
    from kommgraph.validation.run import validate_loaded

    loaded = _loaded(data)
    start = _clock()
    report = validate_loaded(loaded, per_source=not union_only)
    name = "validate-union" if union_only else "validate-full"
    _emit({"step": name, **_since(start), "findings": len(report.findings)})


def phase_pyshacl(data: Path) -> None:
    """The reference engine: one pySHACL run over the union (all shapes), after copying it into rdflib."""
    from pyshacl import validate

    from kommgraph.validation.shapes import shapes_graph
    from kommgraph.validation.stores import default_graph_as_rdflib

    loaded = _loaded(data)
    graph = default_graph_as_rdflib(loaded.store)
    shapes = shapes_graph()
    start = _clock()
    conforms, results, _ = validate(
        graph, shacl_graph=shapes, inference="none", advanced=True, allow_warnings=True, inplace=True
    )
    _emit({"step": "pyshacl-union", **_since(start), "conforms": bool(conforms)})


# ----------------------------------------------------------------------------------------------- driver


def measured_child(args: list[str], timeout: float, env: dict | None = None) -> tuple[str, str, dict]:
    """Run ``args`` with a time bound: its stdout, its stderr, and its wall and CPU time, peak memory and
    exit code (None when it was stopped at the bound)."""
    started = time.perf_counter()
    process = subprocess.Popen(
        args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env={**os.environ, **(env or {})}
    )
    deadline = started + timeout
    killed = False
    while True:
        pid, status, usage = os.wait4(process.pid, os.WNOHANG)
        if pid:
            break
        if time.perf_counter() > deadline:
            process.kill()
            pid, status, usage = os.wait4(process.pid, 0)
            killed = True
            break
        time.sleep(0.01)
    out, err = process.stdout.read(), process.stderr.read()
    exit_code = None if killed else os.waitstatus_to_exitcode(status)
    return (
        out,
        err,
        {
            "wall": round(time.perf_counter() - started, 3),
            "cpu": round(usage.ru_utime + usage.ru_stime, 3),
            "peak_mb": round(usage.ru_maxrss / 1024, 1),
            "finished": exit_code in (0, 1),
            "exit": exit_code,
        },
    )


def run_child(args: list[str], timeout: float) -> tuple[list[dict], dict]:
    """Run ``args`` with a time bound; its JSON lines and its own resource usage."""
    out, err, summary = measured_child(args, timeout)
    records = [json.loads(line) for line in out.splitlines() if line.startswith("{")]
    if err.strip() and not summary["finished"]:
        summary["stderr"] = err.strip().splitlines()[-1][:300]
    return records, summary


def machine() -> dict:
    import pyoxigraph
    import pyshacl
    import rdflib

    memory = 0
    with open("/proc/meminfo") as meminfo:
        for line in meminfo:
            if line.startswith("MemTotal"):
                memory = int(line.split()[1]) // 1024
    return {
        "nproc": os.cpu_count(),
        "memory_mb": memory,
        "python": platform.python_version(),
        "pyoxigraph": pyoxigraph.__version__,
        "rdflib": rdflib.__version__,
        "pyshacl": pyshacl.__version__,
        "platform": platform.platform(),
    }


def measure_size(size: str, work: Path, timeout: float, skip: set[str], timeouts: dict[str, float]) -> dict:
    data = work / f"data-{size}"
    if not (data / "synth.json").exists():
        subprocess.run(
            [
                sys.executable,
                "-m",
                "kommgraph",
                "synth",
                "--authorities",
                str(SIZES[size]),
                "--seed",
                "1",
                "--out",
                str(data),
            ],
            check=True,
            stdout=subprocess.DEVNULL,
        )
    manifest = json.loads((data / "synth.json").read_text())
    result: dict = {"size": size, "triples": manifest["triples"], "sources": manifest["sources"]}
    me = [sys.executable, __file__, "--phase"]
    plan = [
        ("bare", me + ["bare", str(data)]),
        ("build-phases", me + ["build", str(data), str(work / f"dist-{size}")]),
        ("build-cli", me + ["build-cli", str(data), str(work / f"dist-cli-{size}")]),
        ("build-cli-store", me + ["build-cli", str(data), str(work / f"dist-cli-{size}"), "--store"]),
        ("derive-rules", me + ["derive-rules", str(data)]),
        ("validate-cli", [sys.executable, "-m", "kommgraph", "validate", "--data-dir", str(data)]),
        ("validate-union", me + ["validate-union", str(data)]),
        ("validate-full", me + ["validate-full", str(data)]),
        ("validate-one", me + ["validate-one", str(data)]),
        ("queries-oxigraph", me + ["queries-oxigraph", str(data)]),
        ("queries-rdflib", me + ["queries-rdflib", str(data)]),
        ("queries-memory", me + ["queries-memory", str(data)]),
        ("temporal", me + ["temporal", str(data)]),
        ("pyshacl-union", me + ["pyshacl", str(data)]),
    ]
    for name, args in plan:
        if name in skip:
            continue
        print(f"[{size}] {name} …", file=sys.stderr, flush=True)
        records, summary = run_child(args, timeouts.get(name, timeout))
        result[name] = {"records": records, **summary}
        print(f"[{size}] {name}: {summary}", file=sys.stderr, flush=True)
    return result


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--phase", nargs="+", help=argparse.SUPPRESS)
    parser.add_argument("--store", action="store_true", help="--phase build-cli: the default first build")
    parser.add_argument("--sizes", default="10k,100k")
    parser.add_argument("--work", type=Path, default=Path("/tmp/kommgraph-scale"))
    parser.add_argument("--timeout", type=float, default=900, help="seconds per measurement")
    parser.add_argument("--timeout-for", default="", help="NAME=SECONDS,… per measurement")
    parser.add_argument("--skip", default="", help="leave out: NAME or SIZE:NAME, comma-separated")
    parser.add_argument("--query-budget", type=int, default=120, help="seconds for one run of one query")
    parser.add_argument("--json", type=Path, help="write (or extend) the results here")
    parser.add_argument("--markdown", type=Path, help="rewrite the '## Scale' section of this file")
    args = parser.parse_args(argv)
    if args.phase:
        name, *rest = args.phase
        if name == "bare":
            phase_bare(Path(rest[0]))
        elif name == "bare-disk":
            phase_bare(Path(rest[0]), on_disk=Path(rest[1]))
        elif name == "build":
            phase_build(Path(rest[0]), Path(rest[1]))
        elif name == "build-cli":
            phase_build_cli(Path(rest[0]), Path(rest[1]), store=args.store)
        elif name == "queries-oxigraph":
            phase_queries(Path(rest[0]), "oxigraph", 5)
        elif name == "queries-rdflib":
            phase_queries(Path(rest[0]), "rdflib", 1)
        elif name == "queries-memory":
            phase_queries(Path(rest[0]), "oxigraph-memory", 5)
        elif name == "convert":
            phase_convert()
        elif name == "derive-rules":
            phase_derive_rules(Path(rest[0]))
        elif name == "validate-one":
            phase_validate_one(Path(rest[0]))
        elif name == "temporal":
            phase_temporal(Path(rest[0]))
        elif name == "validate-full":
            phase_validate_full(Path(rest[0]), union_only=False)
        elif name == "validate-union":
            phase_validate_full(Path(rest[0]), union_only=True)
        elif name == "pyshacl":
            phase_pyshacl(Path(rest[0]))
        return
    os.environ["KOMMGRAPH_QUERY_BUDGET"] = str(args.query_budget)
    args.work.mkdir(parents=True, exist_ok=True)
    results = json.loads(args.json.read_text()) if args.json and args.json.exists() else {"sizes": {}}
    results["machine"] = machine()
    if "convert" not in {i for i in args.skip.split(",") if i}:
        print("convert …", file=sys.stderr, flush=True)
        records, summary = run_child([sys.executable, __file__, "--phase", "convert"], args.timeout)
        results["convert"] = {"records": records, **summary}
    for size in args.sizes.split(","):
        skip = {i.split(":")[-1] for i in args.skip.split(",") if i and i.split(":")[0] in (size, i)}
        timeouts = {k: float(v) for k, _, v in (i.partition("=") for i in args.timeout_for.split(",") if i)}
        results["sizes"][size] = measure_size(size, args.work, args.timeout, skip, timeouts)
        if args.json:
            args.json.write_text(json.dumps(results, indent=1) + "\n")
    if args.markdown:
        from scale_report import write_section  # beside this script

        write_section(args.markdown, results)


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).parent))
    main()
