"""``kommgraph build`` as a user runs it (persistent store included), with CPU and wall time per phase.

    python benchmarks/build_phases.py DATA OUT [--fresh]

``--fresh`` empties ``DATA/.kommgraph/`` first (the default first build). Timers wrap the functions
of each phase in this process: loading the files and merging the default graph, the merge alone,
the rules, the store's write to disk, the whole store rebuild, validation, the release files and
their write. CPU = user + system of the process (all its threads). Since scale-build9 the first
build's store is written by a forked child while validation and the release go on: ``persist`` is timed
in the child (not seen here); ``store-writer`` is the child's CPU and peak (``RUSAGE_CHILDREN``),
``wait-for-store`` the parent's wait for it at the end, and ``total`` the parent's CPU plus the child's.
Since scale-build10 the release files are rendered and staged by a second child while the parent
validates (``release-files`` is then timed in that child, not here): ``release-child`` is its CPU,
``wait-for-release`` the parent's wait for it and the switch of the folder; ``store-writer`` the rest
of ``RUSAGE_CHILDREN``.
Prints one JSON line: per phase [CPU s, wall s, calls], the total and the peak memory in MB. Not a test.
"""

from __future__ import annotations

import json
import resource
import shutil
import sys
import time
from pathlib import Path

TIMES: dict[str, list[float]] = {}


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _timed(module, name: str, label: str) -> None:
    function = getattr(module, name)

    def wrapper(*args, **kwargs):
        cpu, wall = _cpu(), time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            entry = TIMES.setdefault(label, [0.0, 0.0, 0])
            entry[0] += _cpu() - cpu
            entry[1] += time.perf_counter() - wall
            entry[2] += 1

    setattr(module, name, wrapper)


def main(argv: list[str]) -> None:
    cpu, wall = _cpu(), time.perf_counter()
    from kommgraph.api import build
    from kommgraph.store import dataset, derive, persistent

    pending = []
    try:
        from kommgraph.publish import background_release
    except ImportError:  # a version before scale-build10
        background_release = None
    if background_release is not None:
        start = background_release.start

        def started(*args, **kwargs):
            child = start(*args, **kwargs)
            pending.append(child)
            return child

        background_release.start = started
        _timed(background_release.PendingRelease, "commit", "wait-for-release")

    _timed(dataset, "load_store", "load+merge")
    _timed(dataset, "merge_into_default", "merge")
    _timed(derive, "derive", "derive")
    _timed(persistent, "persist", "persist")
    _timed(persistent, "_rebuild", "rebuild")
    _timed(build, "validate_with_drafts", "validate")
    _timed(build, "build_files", "release-files")
    _timed(build, "write_release", "write-release")
    _timed(persistent.Opened, "finish", "wait-for-store")
    TIMES["import"] = [_cpu() - cpu, time.perf_counter() - wall, 1]
    data, out = Path(argv[0]), Path(argv[1])
    if "--fresh" in argv:
        shutil.rmtree(data / ".kommgraph", ignore_errors=True)
    build.build(data, out)
    child = resource.getrusage(resource.RUSAGE_CHILDREN)
    children = child.ru_utime + child.ru_stime
    release = next((p.rusage for p in pending if p is not None and p.rusage is not None), None)
    release_cpu = release.ru_utime + release.ru_stime if release is not None else 0.0
    TIMES["release-child"] = [release_cpu, 0.0, 1]
    TIMES["store-writer"] = [children - release_cpu, 0.0, 1]
    TIMES["total"] = [_cpu() - cpu + children, time.perf_counter() - wall, 1]
    record = {name: [round(v, 2) for v in values] for name, values in TIMES.items()}
    record["peak_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    record["children_peak_mb"] = round(child.ru_maxrss / 1024)  # the larger child's
    record["release_child_peak_mb"] = round(release.ru_maxrss / 1024) if release is not None else 0
    print(json.dumps(record), flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
