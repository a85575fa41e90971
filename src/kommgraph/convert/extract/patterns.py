"""Load the German pattern data files (``patterns/*.toml``) once per process."""

from __future__ import annotations

import re
import tomllib
from functools import cache
from pathlib import Path

from kommgraph.convert import startup_cache
from kommgraph.convert.extract.guards import Guarded

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


def literal_alternation(words: list[str]) -> str:
    """A regex for any of ``words`` (plain strings, tried in their order) with common prefixes factored.

    ``Amtsleiterin|Amtsleiter|Amt`` becomes ``Amt(?:sleiter(?:in)?)?``: fewer alternatives to parse at
    start-up and to try at each position. At one position only words that are prefixes of one another
    can match; the factored form tries them longest first, so it is used only when the list does so
    too (every word before the words it starts with); otherwise the plain alternation is returned.
    """
    words = list(dict.fromkeys(words))
    seen: set[str] = set()
    for word in words:
        if any(word[:end] in seen for end in range(1, len(word))):
            return "|".join(re.escape(w) for w in words)
        seen.add(word)
    trie: dict = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _trie_regex(trie)


def _trie_regex(node: dict) -> str:
    """The regex of a trie node's suffixes, the longest tried first ('' for a word's end alone)."""
    branches = []
    for char in sorted(key for key in node if key):
        child, run = node[char], re.escape(char)
        while len(child) == 1 and "" not in child:  # a chain of single letters is one literal run
            ((char, child),) = child.items()
            run += re.escape(char)
        branches.append(run + _trie_regex(child))
    if not branches:
        return ""
    if len(branches) > 1:
        body = "(?:" + "|".join(branches) + ")"
        return body + "?" if "" in node else body
    return f"(?:{branches[0]})?" if "" in node else branches[0]
