"""Start-up of the convert command: loading modules, patterns and lexicons without the cyclic collector.

Loading makes many objects and frees none, so the collector's passes over them only cost time (≈ 10 %
of the command's start-up). Light on purpose: imported before the converter's modules are.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def loading() -> Iterator[None]:
    """Pause the cyclic garbage collector for the block (restored as it was afterwards)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
