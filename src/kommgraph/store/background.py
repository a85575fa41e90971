"""Write a store to disk in a child process while the command goes on with the same store in memory.

The first ``kommgraph build`` of a data directory spends about a third of its CPU writing the loaded,
derived store to RocksDB (18 s at 1M triples); validation and the release write (about 30 s) need only
the store in memory. pyoxigraph's ``bulk_extend`` holds the GIL for the whole write (a second thread
ran once a second beside it: benchmarks/results/scale-build9.md), so a thread cannot overlap them; a
forked child can, and it reads the parent's store in memory through copy-on-write pages, with no copy.

The child is only forked while this process runs one thread: once a store on disk has been opened,
RocksDB's background threads are running, and a child (which has none of them) waits for them forever
in its first flush. It exits with 0 once the store is written and flushed; the
parent marks the store valid only then (``Writer.wait``). ``Writer.abort`` kills it: the store's
``dirty`` marker stays, and the next command rebuilds it.
"""

from __future__ import annotations

import logging
import os
import signal
from collections.abc import Callable
from dataclasses import dataclass, field

log = logging.getLogger("kommgraph.store")

FAILED_WRITE = 1  # the child's exit code when the write raised


@dataclass
class Writer:
    """A child process writing a store; ``rusage`` is the child's once it has been waited for."""

    pid: int
    rusage: object | None = field(default=None, repr=False)
    status: int | None = None

    def wait(self) -> bool:
        """Wait for the child; True when it wrote the whole store."""
        if self.status is None:
            _, status, self.rusage = os.wait4(self.pid, 0)
            self.status = status
        return os.waitstatus_to_exitcode(self.status) == 0

    def abort(self) -> None:
        """Stop the child (the store it leaves is not marked valid); nothing when it has finished."""
        if self.status is not None:
            return
        try:
            os.kill(self.pid, signal.SIGKILL)
        except ProcessLookupError:  # pragma: no cover - already gone, not yet waited for
            pass
        self.wait()


def can_fork() -> bool:
    """A child may be forked: POSIX, not switched off, and no other thread in this process."""
    if not hasattr(os, "fork") or os.environ.get(NO_BACKGROUND_VARIABLE, "") not in ("", "0"):
        return False
    try:
        return len(os.listdir("/proc/self/task")) == 1
    except OSError:  # no /proc: the threads cannot be counted
        return False


NO_BACKGROUND_VARIABLE = "KOMMGRAPH_STORE_FOREGROUND"  # set: the store is written before the command goes on


def start(write: Callable[[], None]) -> Writer:
    """Run ``write`` in a forked child; the parent returns at once."""
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child (coverage does not follow it)
        code = 0
        try:
            write()
        except BaseException:  # noqa: BLE001 - whatever it was, the store is not to be trusted
            code = FAILED_WRITE
        os._exit(code)  # no atexit handlers, no flushing of the parent's buffers twice
    return Writer(pid)
