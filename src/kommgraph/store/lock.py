"""One lock file per data directory, so that two commands never update its store at once.

Readers hold a shared lock while they read; an update takes the exclusive lock, so it waits for
readers and readers wait for it. ``flock`` locks belong to the open file, so a process that already
reads the store must not wait for its own shared lock: it is told so (``held_here``).
"""

from __future__ import annotations

import os
import time
from pathlib import Path

try:
    import fcntl
except ImportError:  # pragma: no cover - not POSIX: no locking, one command at a time is the user's job
    fcntl = None

_HELD: dict[str, int] = {}  # lock file -> how many locks this process holds on it


class Busy(Exception):
    """The lock was not granted in time."""


class StoreLock:
    def __init__(self, path: Path):
        self.path = str(path)
        self._handle = None
        self._handle = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o666)
        self._mode = None
        _HELD[self.path] = _HELD.get(self.path, 0) + 1

    def held_here(self) -> bool:
        """Another lock of this process is open on the same file."""
        return _HELD.get(self.path, 0) > 1

    def shared(self, wait: float) -> None:
        self._take(fcntl.LOCK_SH if fcntl else 0, wait)

    def exclusive(self, wait: float) -> None:
        self._take(fcntl.LOCK_EX if fcntl else 0, wait)

    def _take(self, mode: int, wait: float) -> None:
        if fcntl is None:
            return
        deadline = time.monotonic() + wait
        while True:
            try:
                fcntl.flock(self._handle, mode | fcntl.LOCK_NB)
                self._mode = mode
                return
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise Busy(self.path) from None
                time.sleep(0.05)

    def release(self) -> None:
        if self._handle is None:
            return
        os.close(self._handle)  # closing the file drops its lock
        self._handle = None
        _HELD[self.path] -= 1

    def __del__(self):
        self.release()
