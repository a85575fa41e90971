"""Load the German pattern data files (``patterns/*.toml``) once per process."""

from __future__ import annotations

import re
import tomllib
from functools import cache
from pathlib import Path

PATTERN_DIR = Path(__file__).parent / "patterns"


@cache
def load(name: str) -> dict:
    with (PATTERN_DIR / f"{name}.toml").open("rb") as handle:
        return tomllib.load(handle)


@cache
def compiled(pattern: str, flags: int = 0) -> re.Pattern[str]:
    return re.compile(pattern, flags)


def any_of(patterns: list[str], flags: int = 0) -> re.Pattern[str]:
    """One regex that matches where any of ``patterns`` does."""
    return compiled("|".join(f"(?:{p})" for p in patterns), flags)
