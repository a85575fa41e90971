"""The cyclic garbage collector paused for a block of work that makes many containers and no cycles.

Loading modules, patterns and lexicons, or rendering a release of millions of triples, creates objects
that live on; each pass of the collector's older generations walks all of them and frees nothing
(about a tenth of `convert`'s start-up, a sixth of a release write at 1M triples). Reference counting
still frees everything. Light on purpose: `convert` imports it before its own modules.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector for the block; restored as it was, also after an error."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
