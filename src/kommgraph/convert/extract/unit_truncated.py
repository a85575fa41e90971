"""Truncated compounds with an article each: ``die Muster- und die Probedirektion``, ``der Muster-, der
Probe- und der Beispielabteilung``. A repeated article makes each part a unit of its own (without one,
``das Forst- und Jagdamt`` stays one name); a part takes the unit ending of the last compound."""

from __future__ import annotations

import re

from kommgraph.convert.extract import unit_lexicon as lex
from kommgraph.convert.extract.unit_phrases import Mention, Scanner, coordinated_start

TRUNCATED = re.compile(r"[A-ZÄÖÜ][\wäöüß]*-")
SEPARATORS = frozenset({",", "und", "sowie", "oder"})


def _unit_ending(word: str) -> str | None:
    """The unit ending of a compound in the nominative: ``Probedirektion`` → ``direktion``."""
    word = lex.nominative(word)
    if not lex.compound_type(word, inflected=False):
        return None
    lower = word.lower()
    return next((s for s in lex.COMPOUND_TYPES if lower.endswith(s) and len(word) > len(s) + 1), None)


HAS_TRUNCATED = re.compile(r"\w-,?\s+(?:und|sowie|oder|,)?\s*(?:der|die|das|des|dem|den)\s")


def truncated_parts(text: str, scan: Scanner, mentions: list[Mention]) -> list[Mention]:
    if not HAS_TRUNCATED.search(text):  # most sentences have none: skip the token scan
        return []
    covered = [(m.start, m.end) for m in mentions]
    found: list[Mention] = []
    for i, tok in enumerate(scan.t):
        first = coordinated_start(scan, i) if scan.word(i - 1) in ("und", "oder", "sowie") else i
        if not _part_before(scan, first) or not (ending := _unit_ending(tok.text)):
            continue
        k = first  # "dem Muster- sowie dem Probe- und Beispielamt": the chain starts at "Probe-"
        while _part_before(scan, k):
            part = scan.t[k - 3]
            if not any(a <= part.start < b for a, b in covered):
                name = part.text[:-1] + ending
                found.append(Mention(part.start, part.end, name, lex.COMPOUND_TYPES[ending]))
            k -= 3
    return found


def _part_before(scan: Scanner, k: int) -> bool:
    """``Probe- und der`` before token k: a truncated part, a separator and an article."""
    return (
        scan.word(k - 1).lower() in lex.ARTICLES
        and scan.word(k - 2) in SEPARATORS
        and bool(TRUNCATED.fullmatch(scan.word(k - 3)))
    )
