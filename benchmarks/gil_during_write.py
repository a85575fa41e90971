"""Does pyoxigraph release the GIL while it writes a store to disk? (scale-build9)

    python benchmarks/gil_during_write.py [WORK_DIR]

Writes 600k quads from a store in memory to a new store on disk, by ``bulk_extend`` and by
``bulk_load`` of an N-Quads dump, once alone and once in a thread while the main thread counts in a
Python loop: the loop's rate beside the write tells whether the GIL was held (≈ 0) or released.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import threading
import time
from pathlib import Path

import pyoxigraph as ox

QUADS = 600_000


def _spin_rate(seconds: float = 2.0) -> float:
    """Blocks of 10,000 additions a second, with nothing beside."""
    start, blocks = time.perf_counter(), 0
    while time.perf_counter() - start < seconds:
        for _ in range(10_000):
            pass
        blocks += 1
    return blocks / seconds


def _write(kind: str, memory: ox.Store, dump: Path, target: Path) -> None:
    shutil.rmtree(target, ignore_errors=True)
    disk = ox.Store(str(target))
    if kind == "bulk_extend":
        disk.bulk_extend(iter(memory))
    else:
        disk.bulk_load(path=str(dump), format=ox.RdfFormat.N_QUADS)
    disk.flush()


def main(work: Path) -> None:
    memory = ox.Store()
    graph = ox.NamedNode("http://example.org/g")
    memory.bulk_extend(
        ox.Quad(
            ox.NamedNode(f"http://example.org/s/{i}"),
            ox.NamedNode(f"http://example.org/p/{i % 7}"),
            ox.Literal(f"v{i}"),
            graph,
        )
        for i in range(QUADS)
    )
    dump = work / "dump.nq"
    memory.dump(str(dump), format=ox.RdfFormat.N_QUADS)
    print(f"loop alone: {_spin_rate():.0f} blocks/s")
    for kind in ("bulk_extend", "bulk_load"):
        start, cpu = time.perf_counter(), time.process_time()
        _write(kind, memory, dump, work / "store")
        print(
            f"{kind} alone: wall {time.perf_counter() - start:.2f} s, CPU {time.process_time() - cpu:.2f} s"
        )
        thread = threading.Thread(target=_write, args=(kind, memory, dump, work / "store"))
        start, blocks = time.perf_counter(), 0
        thread.start()
        while thread.is_alive():
            for _ in range(10_000):
                pass
            blocks += 1
        thread.join()
        wall = time.perf_counter() - start
        print(f"{kind} in a thread: wall {wall:.2f} s, loop beside it {blocks / wall:.0f} blocks/s")


if __name__ == "__main__":
    if len(sys.argv) > 1:
        main(Path(sys.argv[1]))
    else:
        with tempfile.TemporaryDirectory() as folder:
            main(Path(folder))
