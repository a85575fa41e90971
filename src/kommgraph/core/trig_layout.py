"""The TriG layout of kommgraph's releases: one indented block per named graph, each graph's text in
the canonical Turtle layout of :mod:`kommgraph.core.turtle` (which re-exports these functions)."""

from __future__ import annotations

import re


def trig_of(graphs: list[tuple[str, str]]) -> str:
    """TriG of (graph name, its canonical Turtle) pairs: the union of their ``PREFIX`` lines, then one
    indented block per graph."""
    prefix_lines: set[str] = set()
    blocks = []
    for name, text in graphs:
        lines, block = trig_block(name, text)
        prefix_lines |= lines
        blocks.append(block)
    return "\n".join(sorted(prefix_lines)) + "\n\n" + "\n".join(blocks)


def trig_block(name: str, text: str) -> tuple[frozenset[str], str]:
    """The ``PREFIX`` lines of one graph's canonical Turtle, and its indented block of :func:`trig_of`."""
    lines = text.split("\n")
    prefixes = frozenset(line for line in lines if line.startswith("PREFIX "))
    body = "\n".join(_indented([line for line in lines if not line.startswith("PREFIX ")]))
    return prefixes, f"<{name}> {{\n{body.strip(chr(10))}\n}}\n"


_LONG_QUOTE = re.compile(r'(?<!\\)(?:\\\\)*(?:"""|' + r"''')")  # after an even run of backslashes


def _indented(lines: list[str]) -> list[str]:
    """Lines indented by four spaces, except those that continue a long (triple-quoted) string."""
    return _indented_ending(lines)[0]


def _indented_ending(lines: list[str]) -> tuple[list[str], bool]:
    """:func:`_indented`, and whether the last line ends inside a long string."""
    if not any('"""' in line or "'''" in line for line in lines):
        return [f"    {line}" if line else line for line in lines], False
    out, inside = [], False
    for line in lines:
        out.append(line if inside or not line else "    " + line)
        if len(_LONG_QUOTE.findall(line)) % 2:
            inside = not inside
    return out, inside


def indented_block(text: str) -> str | None:
    """One subject block of :func:`longturtle_blocks` as :func:`trig_block` indents it inside its graph;
    None where a long string seems to run past the block's end (the indentation would then depend on
    the blocks before it)."""
    lines, inside = _indented_ending(text.split("\n"))
    return None if inside else "\n".join(lines)
