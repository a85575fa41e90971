"""Render the results of scale_benchmark.py as the "## Scale" section of BENCHMARKS.md.

    python benchmarks/scale_report.py RESULTS.json [MORE.json …] BENCHMARKS.md

Only the lines from "## Scale" up to the next "## " heading are replaced; the rest of the file stays.
"""

from __future__ import annotations

import json
import math
import sys
from pathlib import Path

HEADING = "## Scale"
NOTES = Path(__file__).with_name("scale_notes.md")  # hand-written conclusions, appended to the section


def _record(entry: dict | None, step: str) -> dict | None:
    for record in (entry or {}).get("records", []):
        if record.get("step") == step:
            return record
    return None


def _cpu(entry: dict | None, step: str | None = None) -> float | None:
    """CPU seconds of a step inside a child, or of the whole child process (``step`` None)."""
    if entry is None:
        return None
    if step is None:
        return entry["cpu"] if entry.get("finished") else None
    record = _record(entry, step)
    return record["cpu"] if record else None


def _write(phases: dict | None) -> float | None:
    """The write step: serialising from the store and writing the files (older runs: one ``write``)."""
    parts = [_cpu(phases, "serialise"), _cpu(phases, "write-files")]
    return sum(parts) if all(p is not None for p in parts) else _cpu(phases, "write")


def _fmt(value: float | None, unit: str = "s") -> str:
    if value is None:
        return "—"
    if unit == "ms":
        return f"{value * 1000:.1f} ms" if value < 10 else f"{value:.0f} s"
    return f"{value:.2f} s" if value < 100 else f"{value:.0f} s"


def _ratio(a: float | None, b: float | None) -> str:
    return f"{a / b:.1f}×" if a and b else "—"


def _unfinished(entry: dict | None) -> str:
    if entry is None:
        return "not measured"
    if entry.get("finished"):
        return ""
    how = "stopped by hand" if entry.get("exit") == -15 else "not finished"
    return f"{how} after {entry['wall']:.0f} s wall, {entry['cpu']:.0f} s CPU"


def _first_build(measured: dict | None) -> str:
    """The default first build's CPU time and peak, or why there is none."""
    if not measured:
        return "—"
    if not _cpu(measured):
        return _unfinished(measured)
    return f"{_fmt(_cpu(measured))}, peak {measured['peak_mb']:.0f} MB"


def _cell(record: dict | None, median: float | None, entry: dict | None) -> str:
    if median is not None:
        return _fmt(median, "ms")
    if record and "timeout" in record:
        return f"> {record['timeout']} s"
    return "not reached" if entry else "not measured"


def _query_ratio(rdf_rec: dict | None, rdf_t: float | None, ox_t: float | None) -> str:
    if rdf_t and ox_t:
        return _ratio(rdf_t, ox_t)
    if rdf_rec and "timeout" in rdf_rec and ox_t:
        return f"> {rdf_rec['timeout'] / ox_t:.0f}×"
    return "—"


def _exponent(sizes: list[dict], value) -> list[str]:
    out = []
    for small, large in zip(sizes, sizes[1:], strict=False):
        a, b = value(small), value(large)
        if a and b:
            exponent = math.log(b / a) / math.log(large["triples"] / small["triples"])
            out.append(f"{small['size']}→{large['size']}: {exponent:.2f}")
        else:
            out.append(f"{small['size']}→{large['size']}: —")
    return out


def section(results: dict) -> str:
    m = results["machine"]
    sizes = [results["sizes"][k] for k in ("10k", "100k", "1M", "5M") if k in results["sizes"]]
    lines = [
        HEADING,
        "",
        "Produced by `python benchmarks/scale_benchmark.py --sizes SIZE --json R-SIZE.json` (one run per",
        "size, 5M with `--skip` of everything but the bare load and the build) and",
        "`python benchmarks/scale_report.py R-*.json BENCHMARKS.md` on synthetic data of `kommgraph synth`",
        "(one source per authority, ≈ 103 triples each; seed 1); raw figures in",
        "`benchmarks/scale-results.json`.",
        "Every figure is CPU time (user + system) of a child process of its own, or of one step inside it,",
        "because the machine is often shared (load average 9–12 on 2 cores during the round-4 runs of the",
        "query and validation tables, where wall-clock times were up to 10× the CPU times; the build table",
        "is from idle runs); peak memory is the child's `ru_maxrss`. Ratios are taken",
        "between figures of the same run.",
        "",
        f"Machine: {m['nproc']} cores, {m['memory_mb'] / 1024:.0f} GB, Python {m['python']}, pyoxigraph "
        f"{m['pyoxigraph']}, rdflib {m['rdflib']}, pySHACL {m['pyshacl']} ({m['platform']}).",
        "",
        "### Build",
        "",
        "Each step's CPU time with its ratio to the bare bulk load of the same files (in process); the",
        "build as a whole (the `kommgraph build` process, else the step-by-step child) against the bare",
        "load's whole process. write = serialise (TriG + Turtle from the store) + writing the files.",
        "",
        "The default first build (empty `DATA/.kommgraph/`: the persistent store is created on the way) is",
        "its own column; the other `kommgraph build` column runs with `KOMMGRAPH_NO_STORE=1`.",
        "",
        "| size | sources | bare bulk load (in process / whole process) | `kommgraph build` (whole process) "
        "| ratio | default first build (store created) | ratio "
        "| load | derive | validate | write | peak memory |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for s in sizes:
        bare, phases, cli = s.get("bare"), s.get("build-phases"), s.get("build-cli")
        first = s.get("build-cli-store")
        bare_in = _cpu(bare, "bare-load")
        build_cpu = _cpu(cli) or _cpu(phases)
        whole = cli if _cpu(cli) else phases
        peak = f"{whole['peak_mb']:.0f} MB" if whole and whole.get("finished") else "—"

        def step(name: str, phases=phases, bare_in=bare_in) -> str:
            value = _write(phases) if name == "write" else _cpu(phases, name)
            return f"{_fmt(value)} ({_ratio(value, bare_in)})" if value is not None else "—"

        lines.append(
            f"| {s['size']} ({s['triples']:,} triples) | {s['sources']:,} | "
            f"{_fmt(bare_in)} / {_fmt(_cpu(bare))} | "
            f"{_fmt(build_cpu) if build_cpu else _unfinished(cli or phases)} | "
            f"{_ratio(build_cpu, _cpu(bare))} | "
            f"{_first_build(first)} | {_ratio(_cpu(first), _cpu(bare))} | "
            f"{step('load')} | {step('derive')} | {step('validate')} | {step('write')} | {peak} |"
        )

    def load_derive(s: dict) -> float | None:
        phases = s.get("build-phases")
        parts = [_cpu(phases, "load"), _cpu(phases, "derive")]
        return sum(parts) if all(parts) else None

    lines += [
        "",
        "Growth exponent (CPU time ∝ triples^k) of `kommgraph build` (whole process, else the step child): "
        + ", ".join(_exponent(sizes, lambda s: _cpu(s.get("build-cli")) or _cpu(s.get("build-phases"))))
        + "; of its validate step: "
        + ", ".join(_exponent(sizes, lambda s: _cpu(s.get("build-phases"), "validate")))
        + "; of its load + derive: "
        + ", ".join(_exponent(sizes, load_derive))
        + "; of derive: "
        + ", ".join(_exponent(sizes, lambda s: _cpu(s.get("build-phases"), "derive")))
        + "; of the write: "
        + ", ".join(_exponent(sizes, lambda s: _write(s.get("build-phases"))))
        + ".",
        "",
        "### Derivation rules (each alone, after loading; CPU)",
        "",
        "| rule | " + " | ".join(s["size"] for s in sizes) + " | exponent |",
        "|---|" + "---|" * (len(sizes) + 1),
    ]
    rules = sorted({r["step"][5:] for s in sizes for r in (s.get("derive-rules") or {}).get("records", [])})
    for rule in rules:
        values = [_cpu(s.get("derive-rules"), f"rule {rule}") for s in sizes]
        lines.append(
            f"| {rule} | "
            + " | ".join(_fmt(v) for v in values)
            + " | "
            + ", ".join(_exponent(sizes, lambda s, rule=rule: _cpu(s.get("derive-rules"), f"rule {rule}")))
            + " |"
        )
    lines += [
        "",
        "### Validation",
        "",
        "| size | union, SPARQL on Oxigraph (build's validation) | one pySHACL run over the union | ratio | "
        "each source alone + union (`kommgraph validate`) | `kommgraph validate` whole process | "
        "one changed source (store loaded) |",
        "|---|---|---|---|---|---|---|",
    ]
    for s in sizes:
        union = _cpu(s.get("validate-union"), "validate-union")
        reference = _cpu(s.get("pyshacl-union"), "pyshacl-union")
        full = _cpu(s.get("validate-full"), "validate-full")
        cli = _cpu(s.get("validate-cli"))
        lines.append(
            f"| {s['size']} | {_fmt(union)} | "
            f"{_fmt(reference) if reference else _unfinished(s.get('pyshacl-union'))} "
            f"| {_ratio(reference, union) if reference else '—'} | "
            f"{_fmt(full) if full else _unfinished(s.get('validate-full'))} | "
            f"{_fmt(cli) if cli else _unfinished(s.get('validate-cli'))} | "
            f"{_fmt(_cpu(s.get('validate-one'), 'validate-one'))} |"
        )
    lines += [
        "",
        "Growth exponent of the union validation: "
        + ", ".join(_exponent(sizes, lambda s: _cpu(s.get("validate-union"), "validate-union")))
        + "; of each source alone + union: "
        + ", ".join(_exponent(sizes, lambda s: _cpu(s.get("validate-full"), "validate-full")))
        + ".",
        "",
        "### Stored queries (median of 5 on the embedded store; rdflib's engine: one run, same process)",
        "",
    ]
    names = sorted(
        {
            r["step"][6:]
            for s in sizes
            for r in (s.get("queries-oxigraph") or {}).get("records", [])
            if r["step"].startswith("query ")
        }
    )
    header = (
        "| query | " + " | ".join(f"{s['size']} Oxigraph | {s['size']} rdflib | ratio" for s in sizes) + " |"
    )
    lines += [header, "|---|" + "---|---|---|" * len(sizes)]
    for name in names:
        cells = []
        for s in sizes:
            ox_rec = _record(s.get("queries-oxigraph"), f"query {name}")
            rdf_rec = _record(s.get("queries-rdflib"), f"query {name}")
            ox_t = (ox_rec.get("cpu_median") or ox_rec.get("median")) if ox_rec else None
            rdf_t = (rdf_rec.get("cpu_median") or rdf_rec.get("median")) if rdf_rec else None
            cells.append(
                f"{_cell(ox_rec, ox_t, s.get('queries-oxigraph'))} | "
                f"{_cell(rdf_rec, rdf_t, s.get('queries-rdflib'))} | {_query_ratio(rdf_rec, rdf_t, ox_t)}"
            )
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    lines += [
        "",
        "Medians of CPU time of the querying process (the machine's load average was 9–12 on 2 cores while "
        "this ran, so wall-clock medians, also in the JSON, were up to 10× these). "
        '"> N s": one run was stopped after that long (wall clock); "not reached": the child ran out of its '
        'time bound first; "not measured": left out of this run (rdflib at 1M: copying 2.2M quads into '
        "rdflib alone outlasts the bound).",
        "",
    ]
    temporal = sorted({r["step"][9:] for s in sizes for r in (s.get("temporal") or {}).get("records", [])})
    if temporal:
        lines += [
            "### Temporal queries (`temporal/queries/*.rq` as `snapshot`, `lineage`, `timeline` and "
            "`known_at` call them; CPU median per call)",
            "",
            "| query | " + " | ".join(s["size"] for s in sizes) + " |",
            "|---|" + "---|" * len(sizes),
        ]
        for name in temporal:
            cells = []
            for s in sizes:
                record = _record(s.get("temporal"), f"temporal {name}")
                cells.append(_fmt(record["cpu_median"], "ms") if record else "not measured")
            lines.append(f"| {name} | " + " | ".join(cells) + " |")
        lines.append("")
    convert = results.get("convert")
    if convert:
        lines += ["### Convert (documents/s, `benchmarks/convert_benchmark.py` on 500 documents)", ""]
        lines += ["| measurement | CPU | wall clock |", "|---|---|---|"]
        for record in convert.get("records", []):
            lines.append(f"| {record['step'][8:]} | {record['per_s_cpu']:.1f} | {record['per_s_wall']:.1f} |")
        lines.append("")
    if NOTES.exists():
        lines += [NOTES.read_text(encoding="utf-8").rstrip(), ""]
    return "\n".join(lines)


def write_section(path: Path, results: dict) -> None:
    text = path.read_text(encoding="utf-8") if path.exists() else "# Benchmarks\n"
    new = section(results)
    start = text.find(HEADING + "\n")
    if start < 0:
        text = text.rstrip("\n") + "\n\n" + new
    else:
        end = text.find("\n## ", start + len(HEADING))
        text = text[:start] + new + ("\n" + text[end + 1 :] if end >= 0 else "")
    path.write_text(text.rstrip("\n") + "\n", encoding="utf-8")


def merged(paths: list[Path]) -> dict:
    """Results of several runs in one: a later file's measurements replace an earlier one's."""
    out: dict = {"sizes": {}}
    for path in paths:
        results = json.loads(path.read_text(encoding="utf-8"))
        for key, value in results.items():
            if key != "sizes":
                out[key] = value
        for size, entry in results.get("sizes", {}).items():
            out["sizes"].setdefault(size, {}).update(entry)
    return out


if __name__ == "__main__":
    *inputs, target = sys.argv[1:]
    write_section(Path(target), merged([Path(p) for p in inputs]))
