"""Peak memory of a command and its children together (the first build forks a store writer).

    python benchmarks/tree_memory.py -- kommgraph build --data-dir DIR --out OUT

Samples every 0.2 s the proportional set size (Pss: pages shared between the parent and the forked
child counted once in all) and the resident set size of every process of the tree, and prints one
JSON line: the peak of the summed Pss and of the summed Rss in MB, and the wall time. ``ru_maxrss``
(what ``scale_benchmark.measured_child`` reports) is the peak of the largest single process. Linux only.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path


def _tree(pid: int) -> list[int]:
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        try:
            children = Path(f"/proc/{current}/task/{current}/children").read_text().split()
        except OSError:
            continue
        todo.extend(int(c) for c in children)
    return found


def _memory_kb(pid: int) -> tuple[int, int]:
    pss = rss = 0
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                pss = int(line.split()[1])
            elif line.startswith("Rss:"):
                rss = int(line.split()[1])
    except OSError:
        pass
    return pss, rss


def main(command: list[str]) -> None:
    started = time.perf_counter()
    process = subprocess.Popen(command)  # its output passes through, before this line
    peak_pss = peak_rss = most = 0
    while process.poll() is None:
        sizes = [_memory_kb(pid) for pid in _tree(process.pid)]
        peak_pss = max(peak_pss, sum(p for p, _ in sizes))
        peak_rss = max(peak_rss, sum(r for _, r in sizes))
        most = max(most, len(sizes))
        time.sleep(0.2)
    record = {
        "peak_pss_mb": round(peak_pss / 1024),
        "peak_rss_mb": round(peak_rss / 1024),
        "processes": most,
        "wall": round(time.perf_counter() - started, 1),
        "exit": process.returncode,
    }
    print(json.dumps(record), flush=True)


if __name__ == "__main__":
    arguments = sys.argv[1:]
    main(arguments[1:] if arguments[:1] == ["--"] else arguments)
