"""Load the German pattern data files (``patterns/*.toml``) once per process."""

from __future__ import annotations

import re
import tomllib
from functools import cache
from pathlib import Path

from kommgraph.convert import startup_cache
from kommgraph.convert.guards import Guarded, literal_alternation  # noqa: F401  (used by the rule modules)

PATTERN_DIR = Path(__file__).parent / "patterns"


@cache
def load(name: str) -> dict:
    """The pattern file's table; parsed once, then kept between runs under a key of the file's path, size
    and time (``startup_cache.stored``: TOML parsing is pure Python, ≈ 5 % of a one-file start-up)."""
    path = PATTERN_DIR / f"{name}.toml"
    try:
        stat = path.stat()
    except OSError:
        return _parse(path)  # names the missing file as before
    key = f"{path.resolve()}\t{stat.st_size}\t{stat.st_mtime_ns}"
    return startup_cache.stored(f"patterns-{name}", key, lambda: _parse(path))


def _parse(path: Path) -> dict:
    with path.open("rb") as handle:
        return tomllib.load(handle)


@cache
def compiled(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """The compiled pattern (from the program stored by an earlier run, if any), behind a test for the
    words any match needs when there are such words (``guards``: same answers, most texts skip it)."""
    program = startup_cache.compile(pattern, flags)
    guard = startup_cache.guard(pattern, flags)
    if not guard:
        return program
    return Guarded(program, guard, startup_cache.probe(guard[0]))  # type: ignore[return-value]


def any_of(patterns: list[str], flags: int = 0) -> re.Pattern[str]:
    """One regex that matches where any of ``patterns`` does."""
    return compiled("|".join(f"(?:{p})" for p in patterns), flags)
