"""Progress bars for long commands (``build``, ``validate``, ``synth``), shown only to a person.

A bar is drawn on stderr with rich when stderr is a terminal and no ``CI`` variable is set; piped,
redirected, in CI or under tests every call here does nothing, so output stays byte-identical. The
bar is transient: it is cleared when the step ends, and the command's own lines stay as they were.

Commands hold one :class:`Bar` for a run: ``bar.phase("derive")`` for steps without a count,
``bar.step(done, total, what)`` for counted ones (the signature of
:data:`kommgraph.validation.run.Progress`).

The bar is redrawn by these calls, not by rich's refresh thread: ``build`` forks children that write
the store and the release beside validation, and it forks only while the process runs one thread
(``store/background.py``); a refresh thread would keep a person at a terminal from that speed-up.
"""

from __future__ import annotations

import os
import sys
import time
from contextlib import contextmanager

#: the shortest time between two redraws of a counted step (validation reports every shape)
REDRAW_EVERY = 0.1


def shown(stream=None) -> bool:
    """A person watches: the stream (stderr) is a terminal and no CI variable is set."""
    stream = stream if stream is not None else sys.stderr
    return bool(getattr(stream, "isatty", lambda: False)()) and not os.environ.get("CI")


class Bar:
    """One transient progress bar on stderr, or nothing where :func:`shown` is false."""

    def __init__(self, label: str, enabled: bool | None = None):
        self.label = label
        self.enabled = shown() if enabled is None else enabled
        self._progress = None
        self._task = None
        self._drawn = 0.0

    def __enter__(self) -> Bar:
        if self.enabled:
            from rich.console import Console  # imported only where a bar is drawn
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

            self._progress = Progress(
                TextColumn("{task.description}"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeElapsedColumn(),
                console=Console(stderr=True, force_terminal=True),  # shown() checked the terminal
                transient=True,
                auto_refresh=False,  # no refresh thread: see the module's docstring
            )
            self._progress.start()
            self._task = self._progress.add_task(self.label, total=None)
            self._redraw(force=True)
        return self

    def _redraw(self, force: bool = False) -> None:
        now = time.monotonic()
        if force or now - self._drawn >= REDRAW_EVERY:
            self._progress.refresh()
            self._drawn = now

    def __exit__(self, *exc) -> None:
        if self._progress is not None:
            self._progress.stop()
            self._progress = None

    def phase(self, name: str) -> None:
        """A step without a count: the bar shows the step's name."""
        if self._progress is not None:
            self._progress.update(self._task, description=f"{self.label}: {name}", total=None, completed=0)
            self._redraw(force=True)

    def step(self, done: int, total: int, what: str = "") -> None:
        """``done`` of ``total`` (a counted step), ``what`` being worked on."""
        if self._progress is not None:
            description = f"{self.label}: {what}" if what else self.label
            self._progress.update(self._task, description=description, total=total, completed=done)
            self._redraw(force=done >= total)


@contextmanager
def bar(label: str, enabled: bool | None = None):
    with Bar(label, enabled) as running:
        yield running
