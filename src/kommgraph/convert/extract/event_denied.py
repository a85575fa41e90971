"""Changes a sentence names without stating them: denied (``Das Amt wird nicht aufgelöst``), only possible
(``könnten zusammengelegt werden``) or only asked for by others (``Die Fraktion fordert ...``).

Negation is read in the clause of the trigger (between commas, semicolons and colons), by the kind of
trigger: a verb is denied by ``nicht``/``nie`` anywhere in its clause or ``kein`` before it or before a
unit; a noun of change by ``ist nicht geplant``, ``keine`` before it; an adjective (``das neue Amt``) only
by ``kein neues Amt`` — ``Der Name des neuen Amtes steht noch nicht fest`` denies the name, not the unit.
"""

from __future__ import annotations

import re

from kommgraph.convert.extract.event_slots import (
    DECIDED,
    KEIN,
    KEIN_UNIT,
    NOT_WORD,
    NOUN_DENIED,
    SPECULATIVE,
)

CHANGE_NOUN = re.compile(r"^[A-ZÄÖÜ][a-zäöüß]*(?:ung|ungen|ion|schluss|wechsel|änderung|gründung)$")
NEW_UNIT = re.compile(r"^[Nn]eu.*«U\d+»$")
BOUNDARY = re.compile(r"[,;:]")


def _clause(text: str, start: int, end: int) -> tuple[str, int]:
    """The clause around ``text[start:end]`` and where it begins."""
    begin = max((m.end() for m in BOUNDARY.finditer(text, 0, start)), default=0)
    after = BOUNDARY.search(text, end)
    return text[begin : after.start() if after else len(text)], begin


def speculative(text: str) -> bool:
    """A possibility or another's proposal, and no decision in the same sentence."""
    return bool(SPECULATIVE.search(text)) and not DECIDED.search(text)


def denied(text: str, trigger: re.Match) -> bool:
    """True when the change the trigger names is negated in its clause or only possible or proposed."""
    if speculative(text):
        return True
    clause, begin = _clause(text, trigger.start(), trigger.end())
    at, until = trigger.start() - begin, trigger.end() - begin
    word = trigger.group()
    if NEW_UNIT.match(word):
        return bool(KEIN_UNIT.search(clause))
    if CHANGE_NOUN.match(word):
        return bool(NOUN_DENIED.match(clause, until) or re.search(r"\b[Kk]eine[nr]?\s+$", clause[:at]))
    return bool(NOT_WORD.search(clause) or KEIN.search(clause, 0, at) or KEIN_UNIT.search(clause))
