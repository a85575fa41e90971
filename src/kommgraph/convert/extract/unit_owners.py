"""Units told apart by their owners: ``die Musterabteilung des Rates sowie jene des Klinikums``.

A demonstrative (``jene``, ``diejenige``, ``die``) with a genitive after a unit's name stands for a
second unit of the same name in another body. The text then tells the units apart by their owners, so
each owner belongs to its unit's name: ``Musterabteilung des Rates``, ``Musterabteilung des Klinikums``.
Without such a demonstrative the owner stays outside the name (``die Rechtsabteilung der Stadt``).
"""

from __future__ import annotations

import re
from dataclasses import replace

from kommgraph.convert.extract.unit_phrases import Mention

# a genitive noun phrase: article, adjectives, a capitalised noun (and a place's name: "des Kantons X"),
# an optional short form in brackets
_OWNER = (
    r"(?P<owner>(?:des|der)\s+(?:[A-ZÄÖÜ][\wäöüß]*(?:en|er)\s+)*[A-ZÄÖÜ][\w\-äöüß]*(?:\s+[A-ZÄÖÜ][\w\-äöüß]*)?)"
    r"(?:\s*\([^()]{1,15}\))?"
)
FIRST_OWNER = re.compile(r"\s+" + _OWNER)
DEMONSTRATIVE = re.compile(
    r"\s*(?:,|und|sowie)\s+(?:jene|jener|jenes|diejenige|derjenige|dasjenige|die|der|das)\s+(?=des\s|der\s)"
)
FURTHER_OWNER = re.compile(r"\s*(?:,|und|sowie)\s+" + _OWNER)


def owned_twins(text: str, mentions: list[Mention]) -> list[Mention]:
    """Names with their owners where a demonstrative names a same-named unit of another owner."""
    out: list[Mention] = []
    skip_until = -1
    for m in mentions:
        if m.start < skip_until:
            continue
        first = FIRST_OWNER.match(text, m.end) if m.name else None
        twin = DEMONSTRATIVE.match(text, first.end()) if first else None
        if not (first and twin):
            out.append(m)
            continue
        out.append(replace(m, end=first.end(), name=f"{m.name} {_one_line(first['owner'])}", aliases=()))
        at = twin.end()
        owner = re.compile(_OWNER).match(text, at)
        while owner:
            out.append(
                Mention(owner.start(), owner.end(), f"{m.name} {_one_line(owner['owner'])}", m.unit_type)
            )
            at = owner.end()
            owner = FURTHER_OWNER.match(text, at)
        skip_until = at
    return out


def _one_line(words: str) -> str:
    return " ".join(words.split())
