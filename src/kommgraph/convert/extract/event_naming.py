"""Names given in quotes: ``X erhält die Bezeichnung „Wasser und Wald“``, ``Die Bezeichnung von X wird
von „A“ in „B“ geändert``.

A quoted name often lacks the unit's head word; the head comes from the unit the sentence speaks of
(``Das Dezernat XIV erhält die Bezeichnung „Beispielwesen“`` names the ``Dezernat Beispielwesen``). A unit
spoken of as new (``Das neue Dezernat erhält die Bezeichnung ...``) is founded under that name; any other
is renamed.
"""

from __future__ import annotations

import re

from kommgraph.convert.extract import units
from kommgraph.convert.extract.event_slots import PLACEHOLDER, ROLE, Found

# a quoted name (not a placeholder «U0», which uses the Swiss quotes too)
_QUOTED = r"[„\"“»«‚](?!U\d+»)\s*(?P<{name}>[^„“”\"»«‚‘]{{2,90}}?)\s*[“”\"«»‘]"
GIVEN = re.compile(
    r"\b(?:erhält|erhielt|erhalten|bekommt|bekam|bekommen|trägt|tragen|führt|führen|lautet)\s+"
    r"(?:\w+\s+){0,3}?(?:(?:die|den|eine[n]?)\s+)?(?:neuen?\s+)?(?:Bezeichnung|Namen|Name)\s+"
    + _QUOTED.format(name="new")
)
CHANGED = re.compile(
    r"\b(?:Bezeichnung|Name|Namen|Benennung)\b[^.;]{0,80}?\bvon\s+"
    + _QUOTED.format(name="old")
    + r"\s+(?:in|zu|auf)\s+"
    + _QUOTED.format(name="new")
)
# the quoted name already read as a unit by the unit rules: "X erhält die Bezeichnung «U1»"
GIVEN_UNIT = re.compile(
    r"\b(?:erhält|erhielt|erhalten|bekommt|bekam|bekommen|trägt|tragen|führt|führen|lautet)\s+"
    r"(?:\w+\s+){0,3}?(?:(?:die|den|eine[n]?)\s+)?(?:neuen?\s+)?(?:Bezeichnung|Namen|Name)\s+«U(?P<unit>\d+)»"
)
ALTERNATIVE = re.compile(r"\s*(?:/|bzw\.|beziehungsweise|oder)\s*")


def quoted_naming(text: str) -> list[Found]:
    """The events a sentence states by giving a unit a quoted name (empty when it gives none)."""
    changed = CHANGED.search(text)
    given = changed or GIVEN.search(text)
    if not given:
        return _named_unit(text)
    if PLACEHOLDER.search(given["new"]):
        return []
    subjects = [m for m in PLACEHOLDER.finditer(text) if m.start() < given.start() or changed]
    if not subjects:
        return []
    subject = subjects[-1] if not changed else subjects[0]
    k = subjects.index(subject)
    while k and ALTERNATIVE.fullmatch(text[subjects[k - 1].end() : subjects[k].start()]):
        k -= 1  # "Das neue Dezernat bzw. Sachgebiet": one unit by two names, the first is its head
    subject = subjects[k]
    index = int(subject.group(1))
    new_name = re.sub(r"\s+", " ", given["new"]).strip(" ,")
    if ROLE["new"].search(text[max(0, subject.start() - 30) : subject.start()]):
        return [Found("founding", new_name=new_name, head_slot=index)]
    return [Found("renaming", original=[index], new_name=new_name, head_slot=index)]


# the name of a unit founded in a sentence before, given in a sentence of its own: "Der Arbeitstitel des
# neuen Amtes lautet: „X“", "Dieses nennt er das „X“" (a demonstrative for the new unit just spoken of)
NAME_OF_NEW = re.compile(
    r"\b(?:Arbeitstitel|Titel|Name|Namen|Bezeichnung)\s+de[sr]\s+neuen\s+[„\"]?«U\d+»[“”\"]?\s+"
    r"(?:lautet|heißt|heisst|wird\s+(?:\w+\s+)?lauten)\s*:?\s*[„\"“]?«U(?P<unit>\d+)»"
    r"|^\W*(?:Dieses|Diese|Dieser)\s+(?:nennt|nannte|nennen|nannten)\s+(?:er|sie|man)\s+"
    r"(?:(?:künftig|nun|jetzt)\s+)?(?:das|den|die)?\s*[„\"“]?«U(?P<named>\d+)»"
)


def _named_unit(text: str) -> list[Found]:
    """``«U0» erhält die Bezeichnung «U1»``: the unit rules have read the quoted name as the unit it names;
    the unit spoken of before is renamed to it (founded under it when spoken of as new)."""
    new = NAME_OF_NEW.search(text)
    if new:  # the founding said before, of a unit that had no name yet, founds the unit named now
        return [Found("founding", resulting=[int(new["unit"] or new["named"])])]
    given = GIVEN_UNIT.search(text)
    if not given:
        return []
    subjects = [m for m in PLACEHOLDER.finditer(text) if m.start() < given.start()]
    if not subjects:
        return []
    k = len(subjects) - 1
    while k and ALTERNATIVE.fullmatch(text[subjects[k - 1].end() : subjects[k].start()]):
        k -= 1
    subject, named = subjects[k], int(given["unit"])
    if ROLE["new"].search(text[max(0, subject.start() - 30) : subject.start()]):
        return [Found("founding", resulting=[named])]
    return [Found("renaming", original=[int(subject.group(1))], resulting=[named])]


def completed_name(new_name: str, mention_text: str) -> str:
    """A quoted name with the head word of the unit it names: ``Beispielwesen`` said of ``Dezernat XIV``
    is ``Dezernat Beispielwesen``; a name that has a head, or a unit named by a compound (``Hauptamt``),
    stays."""
    words = mention_text.split()
    head = units.nominative(words[0].strip('„“"/')) if words else ""
    first = new_name.split()[0]
    if head not in units.HEADS or first in units.HEADS or units.nominative(first) in units.HEADS:
        return new_name
    return f"{head} {new_name}"


QUOTED_AFTER_HEAD = re.compile(r"\s+für\s+[„\"“»]\s*(?P<name>[^„“”\"«»]{2,80}?)\s*[“”\"«]")


def with_quoted_name(folded: str, mention: units.Mention) -> units.Mention:
    """``ein eigenes Amt für „Beispielwesen und Probe“``: a bare head with a quoted name after ``für`` is
    that unit (the unit rules stop at the quote)."""
    if mention.name is not None:
        return mention
    quoted = QUOTED_AFTER_HEAD.match(folded, mention.end)
    if not quoted:
        return mention
    head = units.nominative(folded[mention.start : mention.end])
    name = f"{head} für {' '.join(quoted['name'].split())}"
    return units.Mention(mention.start, quoted.end(), name, mention.unit_type, 0.7)
