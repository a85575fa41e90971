"""Compact a view's store after incremental updates, in a process of its own, off the command's path.

Each update of the store on disk (an edited source) leaves about ten small RocksDB files (one per
index), which RocksDB would merge later; a command ends before it does. After nine edits a 1M-triple
store had 121 files against 31 freshly written, and its queries read about twice as slowly
(digital-units 309 against 102 ms CPU; benchmarks/results/scale-heads13.md). ``Store.optimize``
merges them, but costs 8.9 s CPU at 1M triples: too much for ``build`` after an edit (≤ 5 s).

So once an update has left more than :data:`COMPACT_ABOVE` files, the updating command takes a
checkpoint of the store (``Store.backup``: hard links to its immutable files, a few milliseconds)
while it still holds the exclusive lock, and starts ``python -m kommgraph.store.compaction`` in a
session of its own (it outlives the command, its output goes nowhere, it runs at a lower priority).
That process compacts the copy, which no other process reads, then takes the exclusive lock and, if
the view is still at the generation it copied (no update came in between) and whole, puts the copy
in its place and removes the old store. Readers hold the shared lock as long as they read, so the
swap waits for them (at most :data:`SWAP_WAIT` seconds; then the copy is dropped), and a command
opening the store meanwhile reads the old one, which nothing changes. An update that comes first
makes the copy stale: it is dropped. If the process dies, the copy is left behind (removed at the
next checkpoint); if it dies between its two renames, the view has no store and is rebuilt, as
after any unfinished update.
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox

from kommgraph.store.lock import Busy, StoreLock
from kommgraph.store.manifest import read_manifest

COMPACT_ABOVE = 60  # RocksDB files of a view's store: a fresh 1M store has ≈ 30, each update adds ≈ 10
SWAP_WAIT = 60.0  # seconds to wait for the readers before the swap
NO_COMPACTION_VARIABLE = "KOMMGRAPH_NO_COMPACTION"  # set: never compacted after an update

log = logging.getLogger("kommgraph.store")


def files_of(path: Path) -> int:
    """The RocksDB table files of a store."""
    return sum(1 for _ in path.glob("*.sst"))


def _copy(folder: Path, view: str, generation: int) -> Path:
    return folder / f"{view}.compacting-{generation}"


def after_update(folder: Path, view: str, store: ox.Store, generation: int) -> bool:
    """Called by an update of ``view`` (to become ``generation``) with its store open and flushed and
    the exclusive lock held: checkpoint the store and start its compaction where it has more than
    :data:`COMPACT_ABOVE` files; True when started. Call :func:`start` once the update is written."""
    if os.environ.get(NO_COMPACTION_VARIABLE, "") not in ("", "0"):
        return False
    for stale in [*folder.glob(f"{view}.compacting-*"), *folder.glob(f"{view}.old-*")]:
        shutil.rmtree(stale, ignore_errors=True)  # left by a compaction that died or lost its turn
    if files_of(folder / view) <= COMPACT_ABOVE:
        return False
    try:
        store.backup(str(_copy(folder, view, generation)))
    except OSError as exc:
        log.info("kommgraph: no compaction of %s (%s)", folder / view, exc)
        return False
    return True


def start(folder: Path, view: str, generation: int) -> subprocess.Popen:
    """Compact the checkpoint of :func:`after_update` in a process of its own (not waited for)."""
    return subprocess.Popen(
        [sys.executable, "-m", "kommgraph.store.compaction", str(folder), view, str(generation)],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,  # not killed with the command's terminal, not waited for by its caller
    )


def compact(folder: Path, view: str, generation: int, wait: float = SWAP_WAIT) -> bool:
    """Compact the checkpoint of ``view`` at ``generation`` and put it in the store's place; False
    where the copy was dropped (missing, stale, or the readers did not let go in time)."""
    copy = _copy(folder, view, generation)
    if not (copy / "CURRENT").exists():  # dropped by a later update (a Store would make a new one)
        return False
    try:
        store = ox.Store(str(copy))
        store.optimize()
        store.flush()
        del store
        lock = StoreLock(folder / "lock")
        try:
            lock.exclusive(wait)
            manifest = read_manifest(folder / f"{view}.json")
            if manifest is None or manifest.generation != generation or (folder / f"{view}.dirty").exists():
                return False
            old = folder / f"{view}.old-{generation}"
            os.rename(folder / view, old)
            os.rename(copy, folder / view)
        finally:
            lock.release()
        shutil.rmtree(old, ignore_errors=True)
        return True
    except (Busy, OSError, RuntimeError):
        return False
    finally:
        shutil.rmtree(copy, ignore_errors=True)


def main(argv: list[str]) -> int:
    folder, view, generation = Path(argv[0]), argv[1], int(argv[2])
    if hasattr(os, "nice"):
        os.nice(10)  # behind the commands that read or update the store meanwhile
    return 0 if compact(folder, view, generation) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
