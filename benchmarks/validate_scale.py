"""Validation at scale, before and after, each beside the bare pyoxigraph bulk load of the same files
measured in the same run (benchmarks/results/scale-validate2.md). Not a test.

    python benchmarks/validate_scale.py DATA OUT.json [--before SRC_TREE] [--timeout 900]
        [--phases bare,validate-full,warm-first,warm-after-edit,before-validate-full]

Each measurement is a child process of its own (scale_benchmark.measured_child: CPU time = user+sys
of the child, peak memory), run one after the other. ``--before`` runs the build phases once more with
another source tree first on PYTHONPATH (e.g. ``git archive 9c3e01b | tar -x -C /tmp/before``).

``warm-first`` and ``warm-after-edit`` (benchmarks/results/scale-validate3.md) run the ``kommgraph
validate`` command with the persistent store on a copy of DATA (OUT's folder/warm-data): the first run
(builds the store, validates everything, fills the findings cache), then three times one edited source
(warm_store.edit_one_source) and ``validate`` again.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from scale_benchmark import measured_child  # noqa: E402
from warm_store import KOMMGRAPH, edit_one_source  # noqa: E402

SCRIPT = str(Path(__file__).parent / "scale_benchmark.py")


def warm_child(name: str, data: Path, timeout: float, edit: int | None = None) -> dict:
    """``kommgraph validate`` on the persistent store of ``data`` (after editing one source)."""
    if edit is not None:
        edit_one_source(data, edit)
    # the text report: short (a JSON report lists every source, more than a pipe holds before it is read)
    args = [*KOMMGRAPH, "validate", "--data-dir", str(data)]
    out, err, summary = measured_child(args, timeout, {"KOMMGRAPH_NO_STORE": ""})
    summary["report"] = out.strip().splitlines()[-3:]
    if not summary["finished"]:
        summary["stderr"] = err.strip()[-300:]
    result = {"name": name, **summary}
    print(json.dumps(result), flush=True)
    return result


def child(name: str, args: list[str], timeout: float, src: str | None = None) -> dict:
    env = {"KOMMGRAPH_NO_STORE": "1"}
    if src:
        env["PYTHONPATH"] = src
    out, err, summary = measured_child([sys.executable, SCRIPT, "--phase", *args], timeout, env)
    records = [json.loads(line) for line in out.splitlines() if line.startswith("{")]
    if not summary["finished"]:
        summary["stderr"] = err.strip().splitlines()[-1][:300] if err.strip() else ""
    result = {"name": name, "steps": records, **summary}
    print(json.dumps(result), flush=True)
    return result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("data")
    parser.add_argument("out")
    parser.add_argument("--before")
    parser.add_argument("--timeout", type=float, default=900)
    parser.add_argument("--phases", default="bare,build,before-build,validate-union,validate-one")
    args = parser.parse_args()
    data, work = args.data, str(Path(args.out).parent / "dist-validate-scale")
    plan = {
        "bare": ["bare", data],
        "build": ["build", data, work],
        "before-build": ["build", data, work],
        "validate-union": ["validate-union", data],
        "validate-one": ["validate-one", data],
        "validate-full": ["validate-full", data],
        "before-validate-union": ["validate-union", data],
        "before-validate-full": ["validate-full", data],
    }
    results = []
    warm_data = Path(args.out).parent / "warm-data"
    for name in args.phases.split(","):
        if name == "warm-first":
            shutil.rmtree(warm_data, ignore_errors=True)
            shutil.copytree(data, warm_data, ignore=shutil.ignore_patterns(".kommgraph"))
            results.append(warm_child(name, warm_data, args.timeout))
            continue
        if name == "warm-after-edit":
            results += [warm_child(name, warm_data, args.timeout, edit) for edit in range(3)]
            continue
        src = str(Path(args.before) / "src") if name.startswith("before-") else None
        if src and not args.before:
            continue
        results.append(child(name, plan[name], args.timeout, src))
    Path(args.out).write_text(json.dumps({"data": data, "runs": results}, indent=1) + "\n")


if __name__ == "__main__":
    os.environ.setdefault("PYTHONHASHSEED", "0")
    main()
