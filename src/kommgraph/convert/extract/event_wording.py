"""Round-12 readings of renaming and restructuring wording (issue 10), used by ``event_roles``.

- ``Die drei (neuen) Ämter heißen A, B und C``: a plural head with a number or ``neu`` names the parts of a
  new structure, one founding each; without either, the list names parts that exist (no event).
- ``X, das bisher Y hieß``: the name after ``bisher`` is the former one.
- ``Durch die Umbenennung des X sollen …``: a noun of renaming after a preposition, without a new name, is
  spoken of, not stated.
- ``die neu strukturierte Abteilung``, ``mit neuem Zuschnitt``, ``geplante Umstrukturierungen``: an
  attributive participle, a noun after ``mit`` and a plural noun of change describe; they state no change.
"""

from __future__ import annotations

import re

PLURAL_NAMED = re.compile(
    r"^\W*(?:Die|Diese)\s+(?P<new>(?:zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf|\d{1,2})\s+"
    r"(?:neuen\s+)?|neuen\s+)?[A-ZÄÖÜ][a-zäöüß]+(?:e|en|n|er)\s+(?:sollen\s+|werden\s+)?(?:künftig\s+|nun\s+|"
    r"jetzt\s+)?(?:hei(?:ß|ss)en|lauten)\b"
)
FORMER_NAME = re.compile(r"\b(?:bisher|bislang|früher|zuvor|vormals|ehemals|einst)\s+(?:als\s+)?[„\"]?$")
PAST_NAMING = re.compile(r"[“”\"]?\s*(?:hie(?:ß|ss)|firmierte|genannt\s+wurde|bezeichnet\s+wurde)\b")
TOLD_IN_PASSING = re.compile(
    r"(?:\b(?:[Mm]it|[Dd]urch|[Nn]ach|[Ww]egen|[Ii]nfolge|[Ss]eit|[Mm]ittels)\s+(?:der|die|dem|den)|^\W*(?:Die|Der))"
    r"\s+(?:[a-zäöüß]+e[nrs]?\s+)?$"
)
INFLECTED = re.compile(r"(?<=[a-zäöüß]t)e[nmrs]?\b|(?<=ung)en\b")
WITH_BEFORE = re.compile(r"\bmit\s+(?:[a-zäöüß]+\s+){0,2}$")


def plural_named(text: str) -> tuple[int, bool] | None:
    """Where ``Die drei neuen Ämter heißen`` ends, and whether it names new parts (a number or ``neu``)."""
    m = PLURAL_NAMED.match(text)
    return (m.end(), bool(m["new"])) if m else None


def former_name(text: str, start: int, end: int) -> bool:
    """True when the unit at ``text[start:end]`` follows ``bisher`` and precedes a past verb of naming."""
    return bool(FORMER_NAME.search(text, 0, start) and PAST_NAMING.match(text, end))


def told_in_passing(text: str, at: int) -> bool:
    """True when the noun of renaming at ``at`` follows a preposition and article, or opens the sentence."""
    return bool(TOLD_IN_PASSING.search(text, 0, at))


def describes(text: str, trigger: re.Match) -> bool:
    """True when a word of restructuring is an attributive participle, a plural noun or follows ``mit``."""
    return bool(INFLECTED.match(text, trigger.end()) or WITH_BEFORE.search(text, 0, trigger.start()))
