"""CPU of the release rendering alone (``kommgraph.trig``, ``kommgraph.ttl``), as ``build``'s child does it.

    python benchmarks/release_render.py DATA [--rounds N] [--plain]

Loads and derives DATA in memory (``KOMMGRAPH_NO_STORE=1``), then calls ``build_files`` N times with an
empty release cache each time (what a first ``build`` does: the pieces are kept for the next one), or
without a cache (``--plain``, what ``build`` without a persistent store does). Prints one JSON line per
round: CPU (user + system of this process) and wall of the rendering, peak RSS, and the files' SHA-256
(equal before and after a change to the writer). Run a version with ``PYTHONPATH=VERSION/src``. Not a test.
"""

from __future__ import annotations

import hashlib
import json
import os
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def main(argv: list[str]) -> None:
    os.environ["KOMMGRAPH_NO_STORE"] = "1"
    from kommgraph.publish.incremental_write import ReleaseCache
    from kommgraph.publish.release import build_files
    from kommgraph.store.load import load

    data = Path(argv[0])
    rounds = int(argv[argv.index("--rounds") + 1]) if "--rounds" in argv else 1
    loaded = load(data)
    keys = {f.graph: hashlib.sha256(str(f.path).encode("utf-8")).hexdigest() for f in loaded.files}
    for number in range(rounds):
        folder = Path(tempfile.mkdtemp(prefix="kommgraph-release-render-"))
        cache = ReleaseCache(folder / "release", keys, 1, lambda generation: None)
        if "--plain" in argv:
            cache = None
        cpu, wall = _cpu(), time.perf_counter()
        files = build_files(loaded.store, cache)
        record = {
            "round": number + 1,
            "cpu": round(_cpu() - cpu, 2),
            "wall": round(time.perf_counter() - wall, 2),
            "peak_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
            "sha256": {name: hashlib.sha256(content).hexdigest() for name, content in files.items()},
        }
        print(json.dumps(record), flush=True)
        shutil.rmtree(folder)


if __name__ == "__main__":
    main(sys.argv[1:])
