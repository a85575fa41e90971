"""``kommgraph build``'s release files rendered and staged in a forked child while the parent validates.

At 1M triples validation and the release files each take about 10 s CPU, one after the other; on two
cores the child renders the files (:func:`kommgraph.publish.release.build_files`) and writes them into
a staging folder beside the release (:func:`kommgraph.publish.writer.stage_release`) meanwhile. The
parent switches the staging folder in only when validation allows it (``commit``), else removes it
(``discard``). The child reads the parent's store through copy-on-write pages, as the store's writer
does (:mod:`kommgraph.store.background`), and is forked only under the same conditions (one thread,
``KOMMGRAPH_STORE_FOREGROUND`` unset).

Whatever goes wrong in the child (an exception, a kill, a staging folder that cannot be switched in),
``commit`` returns None and the parent renders and writes the files itself, as it did before, so that
errors name the same file with the same message and exit code.
"""

from __future__ import annotations

import os
import signal
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from kommgraph.publish.writer import remove_staged, remove_staging_folders, stage_release, switch_staged
from kommgraph.store.background import can_fork

_MESSAGE_LIMIT = 65_536  # one pipe buffer: the child's message (folder and file names) fits without a reader


@dataclass
class PendingRelease:
    """A child rendering and staging the release of ``out``; ``rusage`` once it has been waited for."""

    out: Path
    pid: int
    reader: int
    rusage: object | None = field(default=None, repr=False)
    status: int | None = None
    _message: bytes = b""

    def commit(self) -> list[Path] | None:
        """Wait for the child and switch its staging folder in; the written paths, or None when the
        child failed (the caller then writes the release itself)."""
        staged = self._wait()
        if staged is None:
            return None
        staging, names = staged
        return switch_staged(self.out, staging, names)

    def discard(self) -> None:
        """Stop the child and remove what it staged (validation did not allow the release)."""
        if self.status is None:
            try:
                os.kill(self.pid, signal.SIGKILL)
            except ProcessLookupError:  # pragma: no cover - already gone, not yet waited for
                pass
        staged = self._wait()
        if staged is not None:
            remove_staged(staged[0])
        else:  # killed while it staged: its folder is there, its message is not
            remove_staging_folders(self.out)

    def _wait(self) -> tuple[Path, list[str]] | None:
        if self.status is None:
            _, self.status, self.rusage = os.wait4(self.pid, 0)
            message = _read_all(self.reader)
            os.close(self.reader)
            self._message = message
        if os.waitstatus_to_exitcode(self.status) != 0 or not self._message:
            return None
        folder, *names = self._message.decode("utf-8").split("\0")
        staging = Path(folder)
        return (staging, names) if staging.is_dir() else None


def start(out: Path, render: Callable[[], dict[str, bytes]]) -> PendingRelease | None:
    """Fork a child that renders (``render``) and stages the release of ``out``; None when no child may
    be forked (the caller renders after validation, in this process)."""
    if not can_fork():
        return None
    reader, writer = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child (coverage does not follow it)
        os.close(reader)
        code = 1
        try:
            files = render()
            staging = stage_release(out, files)
            message = "\0".join([str(staging), *sorted(files)]).encode("utf-8")
            if len(message) > _MESSAGE_LIMIT:
                remove_staged(staging)
            else:
                os.write(writer, message)
                code = 0
        except BaseException:  # noqa: BLE001 - the parent does it again and reports what it finds
            pass
        os._exit(code)  # no atexit handlers, no flushing of the parent's buffers twice
    os.close(writer)
    return PendingRelease(Path(out), pid, reader)


def _read_all(fd: int) -> bytes:
    chunks = []
    while chunk := os.read(fd, _MESSAGE_LIMIT):
        chunks.append(chunk)
    return b"".join(chunks)
