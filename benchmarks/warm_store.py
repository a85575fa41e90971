"""Warm-store benchmark: the commands of issue 11 on the persistent store (DATA/.kommgraph/).

    python benchmarks/warm_store.py --authorities 11000 --seed 1 --work /tmp/kg-warm
        [--json benchmarks/warm-results.json] [--timeout 3600] [--skip cold-build,build]

On a synthetic data directory (``kommgraph synth``): the store built from scratch (for the record),
then, with the store warm, a stored query, ``snapshot`` and ``lineage`` including start-up, and after
editing one source, ``validate`` and ``build``. ``build`` is measured whole and without its release
write (load + validate in one child), so that the write's part shows apart; ``build`` with its release
write is first run once (it fills the release cache, ``DATA/.kommgraph/release-*``), then after each
of three edits. ``--write-only`` measures the release write alone from scratch (no cache) on the warm
store, the bare pyoxigraph bulk load of the same files in the same run as the reference. Every figure is one
child process (``wait4``: CPU time user + system, peak memory) and its wall-clock time; the warm
commands are run three times and the median taken. Prints a markdown table; not a test.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import shutil
import statistics
import subprocess
import sys
from pathlib import Path

from scale_benchmark import measured_child  # noqa: E402 (a script beside this one)

HERE = Path(__file__).resolve().parent
KOMMGRAPH = [sys.executable, "-m", "kommgraph"]
TARGETS = {
    "query": 1.0,
    "snapshot": 1.0,
    "lineage": 1.0,
    "validate after edit": 5.0,
    "build after edit": 5.0,
    "build after edit (date)": 5.0,
}


def run_child(args: list[str], timeout: float, env: dict | None = None) -> dict:
    """Run ``args`` with a time bound; its wall and CPU time, peak memory and exit code."""
    out, err, result = measured_child(args, timeout, env)
    result["output"] = out[-400:]
    if err.strip() and not result["finished"]:
        result["stderr"] = err.strip()[-400:]
    return result


def median_of(runs: list[dict]) -> dict:
    return {
        "wall": statistics.median(r["wall"] for r in runs),
        "cpu": statistics.median(r["cpu"] for r in runs),
        "peak_mb": max(r["peak_mb"] for r in runs),
        "finished": all(r["finished"] for r in runs),
        "runs": [{k: r[k] for k in ("wall", "cpu")} for r in runs],
    }


def prepare(work: Path, authorities: int, seed: int) -> Path:
    data = work / f"data-{authorities}-{seed}"
    if not (data / "synth.json").exists():
        shutil.rmtree(data, ignore_errors=True)
        subprocess.run(
            [*KOMMGRAPH, "synth", "--authorities", str(authorities), "--seed", str(seed), "--out", str(data)],
            check=True,
        )
    return data


def sample_unit(data: Path) -> tuple[str, str, str]:
    """A unit IRI, its authority's AGS and a day, from the first source that names a unit."""
    for path in sorted((data / "ttl").glob("*.ttl")):
        text = path.read_text(encoding="utf-8")
        start = text.find("<https://w3id.org/kommgraph/id/unit/")
        if start >= 0:
            iri = text[start + 1 : text.index(">", start)]
            return iri, iri.split("/unit/")[1].split("/")[0], "2000-01-01"
    raise SystemExit(f"{data}: no unit found")


EDIT_MARK = "kg:roleTitle"
DATE_MARK = 'kg:effectiveDate "'


def edit_one_source(data: Path, number: int, kind: str = "title") -> Path:
    """Change one statement of one source, as a curator would: a new content hash. ``title``: a role
    title (no derived triple changes); ``date``: the effective date of the source's event one day later,
    wherever the source states that day (the units' start and end dates derived from it change too);
    ``parent``: a relocation's new and previous parent swapped, and the relocated unit's stated parent
    with them (the derived placements' parents change)."""
    sources = sorted((data / "ttl").glob("*.ttl"))
    path = sources[(len(sources) // 2 + number) % len(sources)]
    text = path.read_text(encoding="utf-8")
    if kind == "parent":
        for step in range(len(sources)):  # the next source with a relocation
            path = sources[(len(sources) // 2 + number + step) % len(sources)]
            text = path.read_text(encoding="utf-8")
            swapped = swap_parents(text)
            if swapped is not None:
                path.write_text(swapped, encoding="utf-8")
                return path
        raise SystemExit(f"{data}: no relocation found")
    if kind == "date":
        for step in range(len(sources)):  # the next source whose effective date is a day
            path = sources[(len(sources) // 2 + number + step) % len(sources)]
            text = path.read_text(encoding="utf-8")
            position = text.find(DATE_MARK)
            if position >= 0 and text[position + len(DATE_MARK) + 10] == '"':
                break
        if position >= 0:
            old = text[position + len(DATE_MARK) : position + len(DATE_MARK) + 10]
            new = (datetime.date.fromisoformat(old) + datetime.timedelta(days=1)).isoformat()
            text = text.replace(f'"{old}"^^xsd:date', f'"{new}"^^xsd:date')
            text = text.replace(f'kg:announcedDate "{new}"', f'kg:announcedDate "{old}"')
            text = text.replace(f'dct:issued "{new}"', f'dct:issued "{old}"')
            path.write_text(text, encoding="utf-8")
            return path
    position = text.find(EDIT_MARK)
    if position < 0:
        text += "\n"
    else:
        end = text.index('"@de', position)
        text = text[:end] + f" {number}" + text[end:]
    path.write_text(text, encoding="utf-8")
    return path


def _object_of(text: str, predicate: str) -> str | None:
    start = text.find(f"{predicate} <")
    if start < 0:
        return None
    start += len(predicate) + 2
    return text[start : text.index(">", start)]


def swap_parents(text: str) -> str | None:
    """``text`` with its relocation's ``kg:newParent`` and ``kg:previousParent`` swapped and the unit's
    ``org:subOrganizationOf`` moved to the new parent; None without such a relocation."""
    new, previous = _object_of(text, "kg:newParent"), _object_of(text, "kg:previousParent")
    unit = _object_of(text, "org:originalOrganization")
    if new is None or previous is None or unit is None or new == previous:
        return None
    text = text.replace(f"kg:newParent <{new}>", f"kg:newParent <{previous}>", 1)
    text = text.replace(f"kg:previousParent <{previous}>", f"kg:previousParent <{new}>", 1)
    block = text.find(f"\n<{unit}>\n")
    if block >= 0:
        end = text.find("\n.\n", block)
        inside = text[block:end].replace(
            f"org:subOrganizationOf <{new}>", f"org:subOrganizationOf <{previous}>"
        )
        text = text[:block] + inside + text[end:]
    return text


def cold(data: Path, out: Path, timeout: float, skip: set[str]) -> dict:
    results = {}
    shutil.rmtree(data / ".kommgraph", ignore_errors=True)
    iri, _, _ = sample_unit(data)
    args = [*KOMMGRAPH, "query", "evidence", "-p", f"resource={iri}", "--data-dir", str(data)]
    results["store from scratch (query evidence)"] = run_child(args, timeout)
    if "cold-build" not in skip:
        shutil.rmtree(data / ".kommgraph", ignore_errors=True)
        args = [*KOMMGRAPH, "build", "--data-dir", str(data), "--out", str(out)]
        results["build from scratch"] = run_child(args, timeout)
    return results


def warm(data: Path, timeout: float, repeats: int = 3) -> dict:
    iri, ags, day = sample_unit(data)
    commands = {
        "query": ["query", "evidence", "-p", f"resource={iri}"],
        "snapshot": ["snapshot", ags, "--at", day],
        "lineage": ["lineage", iri],
    }
    results = {}
    for name, args in commands.items():
        runs = [run_child([*KOMMGRAPH, *args, "--data-dir", str(data)], timeout) for _ in range(repeats)]
        results[name] = median_of(runs)
    return results


def startup(timeout: float) -> dict:
    """The interpreter and kommgraph's imports alone: ``kommgraph --help`` and the bare interpreter."""
    return {
        "python -c pass": median_of([run_child([sys.executable, "-c", "pass"], timeout) for _ in range(3)]),
        "kommgraph --help": median_of([run_child([*KOMMGRAPH, "--help"], timeout) for _ in range(3)]),
    }


def after_edit(data: Path, out: Path, timeout: float, skip: set[str], build_timeout: float) -> dict:
    """``validate`` and ``build`` after one edited source; each first run once to fill its cache."""
    results = {}
    validate = [*KOMMGRAPH, "validate", "--data-dir", str(data)]
    results["validate, first run (fills the cache)"] = run_child(validate, timeout)
    runs = []
    for number in range(3):
        edit_one_source(data, number)
        runs.append(run_child(validate, timeout))
    results["validate after edit"] = median_of(runs)
    check = [sys.executable, str(Path(__file__).resolve()), "--check-only", str(data)]
    results["build's load + check, first run (fills the cache)"] = run_child(check, timeout)
    runs = []
    for number in range(3, 6):
        edit_one_source(data, number)
        runs.append(run_child(check, timeout))
    results["build after edit, without the release write"] = median_of(runs)
    if "build" not in skip:
        results.update(build_after_edit(data, out, build_timeout))
    return results


def build_after_edit(
    data: Path, out: Path, timeout: float, first_edit: int = 6, kinds: tuple[str, ...] = ("title",)
) -> dict:
    """``kommgraph build`` with its release write: once to fill the caches, then after each of three
    edited sources (the median), for each kind of edit (see :func:`edit_one_source`)."""
    build = [*KOMMGRAPH, "build", "--data-dir", str(data), "--out", str(out)]
    results = {"build, first run (fills the release cache)": run_child(build, timeout)}
    for offset, kind in enumerate(kinds):
        runs = []
        for number in range(first_edit + 10 * offset, first_edit + 10 * offset + 3):
            edit_one_source(data, number, kind)
            runs.append(run_child(build, timeout))
        results["build after edit" if kind == "title" else f"build after edit ({kind})"] = median_of(runs)
    return results


def write_only(data: Path, out: Path) -> None:
    """The release write of ``build`` from scratch (no release cache) on the warm store: CPU of the
    write alone, in this process."""
    import time

    from kommgraph.publish.release import build_files
    from kommgraph.publish.writer import write_release
    from kommgraph.store.load import load

    loaded = load(data, include_drafts=False)
    start = time.process_time(), time.perf_counter()
    files = build_files(loaded.store)
    write_release(out, files)
    cpu, wall = time.process_time() - start[0], time.perf_counter() - start[1]
    size = sum(len(b) for b in files.values())
    print(json.dumps({"write_cpu": round(cpu, 3), "write_wall": round(wall, 3), "bytes": size}))


def write_with_cache(data: Path, out: Path) -> None:
    """``build``'s load and its release write with the release cache (no validation): CPU of each."""
    import time

    from kommgraph.api.build import _release_cache
    from kommgraph.publish.release import build_files
    from kommgraph.publish.writer import write_release
    from kommgraph.store.load import load

    start = time.process_time()
    loaded = load(data, include_drafts=False)
    loaded_at = time.process_time()
    write_release(out, build_files(loaded.store, _release_cache(loaded)))
    done = time.process_time()
    print(json.dumps({"load_cpu": round(loaded_at - start, 3), "write_cpu": round(done - loaded_at, 3)}))


def _child_figures(result: dict) -> dict:
    lines = [line for line in result.get("output", "").splitlines() if line.startswith("{")]
    result.update(json.loads(lines[-1]) if lines else {})
    return result


def write_after_edit(data: Path, out: Path, timeout: float) -> dict:
    """The release write with its cache: once to fill it, then after each of three edited sources."""
    me = [sys.executable, str(Path(__file__).resolve()), "--write-cached", str(data), str(out)]
    results = {
        "load + cached write, first run (fills the release cache)": _child_figures(run_child(me, timeout))
    }
    runs = []
    for number in range(30, 33):
        edit_one_source(data, number)
        runs.append(_child_figures(run_child(me, timeout)))
    figure = median_of(runs)
    figure["load_cpu"] = statistics.median(r["load_cpu"] for r in runs)
    figure["write_cpu"] = statistics.median(r["write_cpu"] for r in runs)
    figure["runs"] = [{k: r[k] for k in ("wall", "cpu", "load_cpu", "write_cpu")} for r in runs]
    results["load + cached write after edit"] = figure
    return results


def write_benchmark(data: Path, out: Path, timeout: float, base_src: Path | None) -> dict:
    """The write from scratch (this branch, and ``base_src``'s code where given) with the bare load of
    the same files as the reference, each a child process."""
    results = {}
    bare = [sys.executable, str(HERE / "scale_benchmark.py"), "--phase", "bare", str(data)]
    results["bare pyoxigraph bulk load"] = run_child(bare, timeout)
    me = [sys.executable, str(Path(__file__).resolve()), "--write-only", str(data), str(out)]
    runs = {"write from scratch": None}
    if base_src is not None:
        runs["write from scratch, before (base code)"] = {"PYTHONPATH": str(base_src)}
    for name, env in runs.items():
        results[name] = _child_figures(run_child(me, timeout, env))
    return results


def fill_benchmark(data: Path, out: Path, timeout: float, base_src: Path | None, repeats: int = 2) -> dict:
    """``build``'s load and its release write from scratch, filling the release cache (none there):
    this branch and ``base_src``'s code alternately, the bare pyoxigraph load as the reference."""
    bare = [sys.executable, str(HERE / "scale_benchmark.py"), "--phase", "bare", str(data)]
    results = {"bare pyoxigraph bulk load": run_child(bare, timeout)}
    me = [sys.executable, str(Path(__file__).resolve()), "--write-cached", str(data), str(out)]
    codes = {"write from scratch filling the release cache": None}
    if base_src is not None:
        codes["write from scratch filling the release cache, before (base code)"] = {
            "PYTHONPATH": str(base_src)
        }
    runs: dict[str, list] = {name: [] for name in codes}
    for _ in range(repeats):
        for name, env in codes.items():
            for folder in (data / ".kommgraph").glob("release-*"):
                shutil.rmtree(folder)
            runs[name].append(_child_figures(run_child(me, timeout, env)))
    for name, measured in runs.items():
        figure = median_of(measured)
        figure["write_cpu"] = statistics.median(r["write_cpu"] for r in measured)
        figure["runs"] = [{k: r[k] for k in ("wall", "cpu", "load_cpu", "write_cpu")} for r in measured]
        results[name] = figure
    return results


def check_only(data: Path) -> None:
    """What ``kommgraph build`` does before its write: load (the store) and check the union."""
    from kommgraph.store.load import load
    from kommgraph.validation.run import validate_union

    loaded = load(data, include_drafts=False)
    report = validate_union(loaded)
    print(json.dumps({"findings": len(report.findings), "triples": report.checked.get("triples")}))


def table(results: dict) -> str:
    lines = [
        "| step | wall | CPU (user + system) | peak memory | target | reached |",
        "|---|---|---|---|---|---|",
    ]
    groups = (
        "startup",
        "cold",
        "warm",
        "after_edit",
        "write_after_edit",
        "write",
        "build_after_edit",
        "fill",
    )
    for group in groups:
        for name, figure in results.get(group, {}).items():
            target = TARGETS.get(name)
            met = figure["finished"] and target is not None and figure["wall"] < target
            reached = "" if target is None else ("yes" if met else "no")
            if target is not None and figure["finished"] and figure["cpu"] < target <= figure["wall"]:
                reached = "CPU yes, wall no"
            wall = f"{figure['wall']:.2f} s" if figure["finished"] else f"> {figure['wall']:.0f} s (stopped)"
            lines.append(
                f"| {name} | {wall} | {figure['cpu']:.2f} s | {figure['peak_mb']:.0f} MB | "
                f"{f'< {target:g} s' if target else ''} | {reached} |"
            )
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--authorities", type=int, default=11000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--work", type=Path, default=Path("/tmp/kg-warm"))
    parser.add_argument("--json", type=Path, default=HERE / "warm-results.json")
    parser.add_argument("--timeout", type=float, default=7200)
    parser.add_argument(
        "--build-timeout",
        type=float,
        default=600,
        help="for `build` with its release write (not this branch's)",
    )
    parser.add_argument("--skip", default="", help="comma-separated: cold-build, build")
    parser.add_argument("--check-only", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--write-only", type=Path, nargs=2, help=argparse.SUPPRESS)
    parser.add_argument("--write-cached", type=Path, nargs=2, help=argparse.SUPPRESS)
    parser.add_argument(
        "--only",
        choices=["write", "build-after-edit", "fill"],
        help="only the release write (from scratch with the bare load, and with its cache after edits), "
        "or only build after an edit, or only the write from scratch that fills the release cache",
    )
    parser.add_argument(
        "--edits",
        default="title",
        help="build-after-edit: comma-separated kinds of edit: title, date, parent",
    )
    parser.add_argument("--base-src", type=Path, help="src/ of the code to compare with (--only write, fill)")
    args = parser.parse_args(argv)
    if args.check_only:
        check_only(args.check_only)
        return
    if args.write_only:
        write_only(*args.write_only)
        return
    if args.write_cached:
        write_with_cache(*args.write_cached)
        return
    skip = set(filter(None, args.skip.split(",")))
    args.work.mkdir(parents=True, exist_ok=True)
    data = prepare(args.work, args.authorities, args.seed)
    out = args.work / "dist"
    env_note = {k: os.environ[k] for k in ("KOMMGRAPH_NO_STORE",) if k in os.environ}
    if env_note:
        raise SystemExit(f"unset {', '.join(env_note)}: this benchmark measures the persistent store")
    results: dict = {
        "authorities": args.authorities,
        "seed": args.seed,
        "triples": json.loads((data / "synth.json").read_text(encoding="utf-8")).get("triples"),
        "nproc": os.cpu_count(),
        "load_average_at_start": os.getloadavg()[0],
    }
    steps = {
        "startup": lambda: startup(args.timeout),
        "cold": lambda: cold(data, out, args.timeout, skip),
        "warm": lambda: warm(data, args.timeout),
        "after_edit": lambda: after_edit(data, out, args.timeout, skip, args.build_timeout),
    }
    if args.only == "write":
        steps = {
            "write_after_edit": lambda: write_after_edit(data, out, args.timeout),
            "write": lambda: write_benchmark(data, out, args.timeout, args.base_src),
        }
    elif args.only == "fill":
        steps = {"fill": lambda: fill_benchmark(data, out, args.timeout, args.base_src)}
    elif args.only == "build-after-edit":
        kinds = tuple(args.edits.split(","))
        steps = {
            "build_after_edit": lambda: build_after_edit(
                data, out, args.build_timeout, first_edit=20, kinds=kinds
            )
        }
    for name, step in steps.items():
        results[name] = step()
        results["load_average_at_end"] = os.getloadavg()[0]
        # written after every group, so that a run stopped early keeps what it measured
        args.json.write_text(json.dumps(results, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(table(results), end="")


if __name__ == "__main__":
    main()
