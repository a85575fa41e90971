"""Ways of writing the loaded, derived store to disk, each in a process of its own (scale-build8).

    python benchmarks/persist_options.py DATA METHOD [METHOD ...]

Methods: ``current`` (``kommgraph.store.persistent.persist``), ``lists-N`` (``bulk_extend`` of lists of
N quads, round 7's way with N = 500000), ``parts-N`` (``bulk_extend`` of ``islice`` iterators of N
quads), ``whole`` (one ``bulk_extend``), ``dump`` (N-Quads to a file, then ``bulk_load``), ``named``
(the named graphs only, no merged default graph: what the floor would be without it). Prints one JSON
line per method: CPU of the write (all threads of the process), its wall time, the process's peak memory
and the store's size on disk. Not a test.
"""

from __future__ import annotations

import json
import math
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from itertools import islice
from pathlib import Path


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def write(memory, target: Path, method: str) -> None:
    import pyoxigraph as ox

    from kommgraph.store import persistent

    if method == "current":
        persistent.persist(memory, target)
        return
    store = ox.Store(str(target))
    quads = iter(memory)
    if method.startswith("lists-"):
        while chunk := list(islice(quads, int(method[6:]))):
            store.bulk_extend(chunk)
    elif method.startswith("parts-"):
        size = int(method[6:])
        for _ in range(math.ceil(len(memory) / size)):
            store.bulk_extend(islice(quads, size))
    elif method == "whole":
        store.bulk_extend(quads)
    elif method == "dump":
        dump = target.with_suffix(".nq")
        memory.dump(output=str(dump), format=ox.RdfFormat.N_QUADS)
        store.bulk_load(path=str(dump), format=ox.RdfFormat.N_QUADS)
        dump.unlink()
    elif method == "named":
        store.bulk_extend(q for q in quads if not isinstance(q.graph_name, ox.DefaultGraph))
    else:
        raise SystemExit(f"unknown method {method!r}")
    store.flush()


def measure(data: Path, method: str) -> dict:
    from kommgraph.store import dataset, derive

    start = _cpu()
    memory = dataset.load_store(dataset.discover(data))
    derive.derive(memory)
    record = {"method": method, "quads": len(memory), "load_derive_cpu": round(_cpu() - start, 2)}
    with tempfile.TemporaryDirectory(prefix="persist-") as folder:
        target = Path(folder) / "store"
        cpu, wall = _cpu(), time.perf_counter()
        write(memory, target, method)
        record |= {"cpu": round(_cpu() - cpu, 2), "wall": round(time.perf_counter() - wall, 2)}
        record["disk_mb"] = round(sum(f.stat().st_size for f in target.rglob("*") if f.is_file()) / 1e6)
        shutil.rmtree(target, ignore_errors=True)
    record["peak_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    return record


def main(argv: list[str]) -> None:
    if len(argv) >= 3 and argv[0] == "--one":
        print(json.dumps(measure(Path(argv[1]), argv[2])), flush=True)
        return
    data, *methods = argv
    for method in methods:  # each in a child: the peak memory is the method's own
        subprocess.run([sys.executable, __file__, "--one", data, method], check=True)


if __name__ == "__main__":
    main(sys.argv[1:])
