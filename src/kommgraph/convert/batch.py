"""Convert many files, in a process pool for large batches.

Each file's draft depends on that file alone, so the bytes written are the same whichever process
writes them; results come back in the order of the input, so the command's output is the same too.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from kommgraph.convert import startup_cache
from kommgraph.convert.graph import MAX_SIZE, convert_file
from kommgraph.core.collector import collector_paused
from kommgraph.store.sources import SourceError

#: below this many files a pool's start-up costs more than it saves
POOL_THRESHOLD = 64
#: files per task: large enough to amortise pickling, small enough to balance the workers
CHUNK = 16
#: files per task at the end of the batch, so that the workers finish at about the same time
TAIL_CHUNK = 4


@dataclass(frozen=True)
class Outcome:
    """What happened to one file: ``written`` (a path or None for a curated file kept) or an error."""

    path: Path
    written: Path | None = None
    error_kind: str | None = None  # "input", "existing", "internal"
    message: str = ""


_worker_state: dict = {}


def _init_worker(out_dir: Path, force: bool, gazetteer, max_size: int | None) -> None:
    _worker_state.update(out_dir=out_dir, force=force, gazetteer=gazetteer, max_size=max_size)


def convert_one(
    path: Path, out_dir: Path, force: bool, gazetteer, max_size: int | None = MAX_SIZE
) -> Outcome:
    try:
        written = convert_file(path, out_dir, force=force, gazetteer=gazetteer, max_size=max_size)
        return Outcome(path, written=written)
    except SourceError as exc:
        return Outcome(path, error_kind="input", message=str(exc))
    except SyntaxError as exc:  # rdflib's Turtle parser reports bad existing files this way
        return Outcome(path, error_kind="existing", message=str(exc))
    except Exception as exc:
        return Outcome(path, error_kind="internal", message=f"{type(exc).__name__}: {exc}")


def _convert_chunk(paths: list[Path]) -> list[Outcome]:
    state = _worker_state
    outcomes = []
    for path in paths:
        outcome = convert_one(path, state["out_dir"], state["force"], state["gazetteer"], state["max_size"])
        outcomes.append(outcome)
        if outcome.error_kind:
            break  # like the serial run: nothing after an error in this chunk
    return outcomes


def _warm_up(gazetteer) -> None:
    from kommgraph.convert.graph import to_turtle  # (to_triples would load rdflib for nothing)
    from kommgraph.store.sources import SourceDocument

    text = "Berlin, 2. Mai 2021. Die Stadt schafft das Amt für Test. Leiterin ist Anna Berger.\n"
    to_turtle(SourceDocument(path=Path("warm-up.txt"), text=text), gazetteer)


def worker_count(files: int, jobs: int | None = None) -> int:
    """Processes to use: 1 for small batches or one core, else the cores available (or ``jobs``)."""
    if jobs is not None:
        return max(1, jobs)
    if files < POOL_THRESHOLD:
        return 1
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cores = os.cpu_count() or 1
    return max(1, min(cores, files // CHUNK))


def convert_many(
    paths: list[Path],
    out_dir: Path,
    *,
    force: bool,
    gazetteer,
    jobs: int | None = None,
    max_size: int | None = MAX_SIZE,
) -> Iterator[Outcome]:
    """Outcomes in input order; stops after the first error."""
    workers = worker_count(len(paths), jobs)
    if workers == 1:
        for k, path in enumerate(paths):
            if k == 0:
                # the first file loads the lexicons and the gazetteer's index; the patterns that modules
                # compile on first use come from the start-up cache too
                with collector_paused(), startup_cache.module_patterns():
                    outcome = convert_one(path, out_dir, force, gazetteer, max_size)
                startup_cache.save()  # the patterns compiled so far, for the next run's start-up
            else:
                outcome = convert_one(path, out_dir, force, gazetteer, max_size)
            yield outcome
            if outcome.error_kind:
                return
        return
    with collector_paused(), startup_cache.module_patterns():
        _warm_up(gazetteer)  # lexicons and indexes loaded once here, shared by the forked workers
    startup_cache.save()
    # what is loaded by now lives on: the workers' collections skip it (and copy none of its pages)
    gc.freeze()
    try:
        yield from _pooled(paths, workers, (out_dir, force, gazetteer, max_size))
    finally:
        gc.unfreeze()


def chunks(paths: list[Path], workers: int) -> list[list[Path]]:
    """The batch in tasks of ``CHUNK`` files, the last ``2 * workers * CHUNK`` files in smaller ones."""
    out, start = [], 0
    while start < len(paths):
        size = CHUNK if len(paths) - start > 2 * workers * CHUNK else TAIL_CHUNK
        out.append(paths[start : start + size])
        start += size
    return out


def _pooled(paths: list[Path], workers: int, state: tuple) -> Iterator[Outcome]:
    from concurrent.futures import ProcessPoolExecutor  # (not imported by a run in one process)

    with ProcessPoolExecutor(workers, initializer=_init_worker, initargs=state) as pool:
        for outcomes in pool.map(_convert_chunk, chunks(paths, workers)):
            for outcome in outcomes:
                yield outcome
                if outcome.error_kind:
                    pool.shutdown(cancel_futures=True)
                    return
