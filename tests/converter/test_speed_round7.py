"""Round 7's speed changes give what the code they replace gave (conv-speed7)."""

from __future__ import annotations

import re

import pytest

from kommgraph.convert.extract import sentences
from kommgraph.convert.extract.event_slots import TRIGGERS, trigger


def _abbreviation_by_search(chunk: str) -> bool:
    """The rule as it was written before: a regex search through the whole chunk."""
    word = re.search(r"([\w.-]+)\.$", chunk.rstrip('"“”» '))
    if not word:
        return False
    token = word.group(1)
    return token in sentences.ABBREVIATIONS or len(token) == 1 or (token.isdigit() and len(token) <= 2)


@pytest.mark.parametrize(
    "chunk",
    [
        "Das Amt liegt in der Str.", "Siehe z.B.", "Das kostet ca.", "Am 3.", "Am 2026.", "Er kam um 12.",
        "Das Amt für Digitales.", "Ein Satz mit „Zitat“.", "Abs.“ ", "Nr.\n", "Nr.\n\n", "x.", ".", "",
        "Stv.-V.", "Das ist gut!", "Ende des Satzes...", "a_b.", "Dipl.-Ing.", "Wörter ä.", "Zähler ².",
    ],
)  # fmt: skip
def test_abbreviation_read_backwards_as_the_search_found_it(chunk):
    assert sentences._is_abbreviation(chunk) is _abbreviation_by_search(chunk)


@pytest.mark.parametrize("name", sorted(TRIGGERS))
def test_remembered_trigger_is_the_search(name):
    text = "Das «U0» wird zum 1. Mai aufgelöst und mit «U1» zusammengelegt, das «U2» umbenannt."
    first = trigger(name, text)
    again = trigger(name, text)
    assert again is first  # remembered, not searched again
    expected = TRIGGERS[name].search(text)
    assert (first.span() if first else None) == (expected.span() if expected else None)


def test_trigger_memory_is_bounded():
    from kommgraph.convert.extract import event_slots

    for k in range(100):
        trigger("merger", f"Text {k} «U0» und «U1» werden zusammengelegt.")
    assert len(event_slots._TRIGGER_HITS) <= 32


def _without_jahr(pattern: str) -> list[str]:
    """The parts of ``pattern`` that could match without "Jahr": none when the word stands outside every
    group (and no "|" there), else the alternatives of the first group that lack it."""
    depth, outside, groups, current = 0, "", [], ""
    escaped = False
    for ch in pattern:
        if escaped or ch == "\\":  # an escaped character is a literal: kept where it stands
            escaped = not escaped
        elif ch == "(":
            depth += 1
            if depth == 1:
                groups.append([])
                current = ""
                continue
        elif ch == ")":
            depth -= 1
            if depth == 0:
                groups[-1].append(current)
                continue
        elif ch == "|" and depth == 1:
            groups[-1].append(current)
            current = ""
            continue
        if depth:
            current += ch
        else:
            outside += ch
    assert "|" not in outside
    if "jahr" in outside.lower():
        return []
    return [alternative for alternative in groups[0] if "jahr" not in alternative.lower()]


@pytest.mark.parametrize("key", ["this_year", "next_year", "last_year", "years_ago"])
def test_year_patterns_need_the_word_jahr(key):
    """The guard in ``dates._relative``: each of these patterns matches only where "Jahr" stands."""
    from kommgraph.convert.extract.dates import REL

    assert _without_jahr(REL[key].pattern) == []


def test_the_jahr_check_finds_an_alternative_without_it():
    assert _without_jahr(r"\b(?:im\s+Jahr|ab\s+sofort)\b") == [r"ab\s+sofort"]
