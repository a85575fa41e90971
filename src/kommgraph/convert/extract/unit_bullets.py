"""Units listed as bullet lines after a sentence that announces them:

    Ab dem 1. Januar gibt es zwei neue Ämter:
    • Beispielservice
    • Muster und Probe

The announcing sentence ends with a colon after a plural head (``Ämter``, ``Fachbereiche``, ...); each
following line that starts with a bullet names one unit of that head by its first words (before a
bracket, a colon or a dash). The list ends at the first line without a bullet.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kommgraph.convert.extract.unit_lexicon import COMPOUND_TYPES, HEADS, PLURALS, STOP, is_cap
from kommgraph.convert.extract.unit_phrases import Mention, clean

BULLET = re.compile(r"(?:^|\s)(?:[•·▪◦*]|[-–](?=\s)|\d{1,2}[.)](?=\s))\s+")
ITEM_END = re.compile(r"\s*(?:\(|:|\s[-–]\s|;|$)")
ITEM_WORDS = 6
ANNOUNCED = re.compile(r"(?P<last>(?:\w+\s+){0,3}\w+)\s*:\s*$")
# words that start a task or a sentence, not a unit's name
NOT_NAMES = frozenset({"Aufgaben", "Zuständig", "Neu", "Bisher", "Künftig"})


@dataclass
class ListContext:
    """The running state between sentences: the head whose units the next bullet lines list."""

    head: str | None = None


def announce(text: str, context: ListContext) -> None:
    """Remember the plural head of a sentence that ends in a colon (``gibt es zwei neue Ämter:``)."""
    # the colon test first: searching the pattern through a long sentence costs ≈ 0.25 ms
    found = ANNOUNCED.search(text) if text.rstrip().endswith(":") else None
    heads = [PLURALS[w] for w in found["last"].split() if w in PLURALS] if found else []
    context.head = heads[-1] if heads else None


def bullet_mentions(text: str, context: ListContext) -> list[Mention]:
    """The units a bullet line names when the sentence before announced a list; the list ends at the
    first line that is no bullet."""
    if context.head is None:
        return []
    starts = [m.end() for m in BULLET.finditer(text)]
    if not starts or BULLET.match(text) is None:
        context.head = None
        return []
    kind = HEADS.get(context.head) or COMPOUND_TYPES.get(context.head.lower()) or "OtherUnit"
    found = []
    for start in starts:
        end = ITEM_END.search(text, start).start()
        words = text[start:end].split()
        next_bullet = BULLET.search(text, start)
        if next_bullet and next_bullet.start() < end:
            words = text[start : next_bullet.start()].split()
            end = next_bullet.start()
        if 0 < len(words) <= ITEM_WORDS and is_cap(words[0]) and words[0] not in STOP | NOT_NAMES:
            found.append(Mention(start, end, clean(" ".join(words)), kind, 0.6))
    return found
