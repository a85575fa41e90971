"""New units announced by their number, then listed: ``Ab 1. Januar gibt es zwei neue Ämter:`` followed by
``• Bürgerservice`` lines, or ``fünf Geschäftsbereiche`` followed by ``Geschäftsbereich VI (...): ...``.

The announcement names a plural head (with a count or ``neue``) and no unit of its own; each list item
after it that begins with a unit of that type, or a bullet line right after an announcement ending in
``:``, is a unit founded by the announced change, on the announcement's date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kommgraph.convert.extract import units
from kommgraph.convert.extract.dates import cue_before, find_dates
from kommgraph.convert.extract.event_slots import IGNORE, TRIGGERS
from kommgraph.convert.extract.model import DateValue

_COUNT = r"zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf|\d{1,2}"
ANNOUNCED = re.compile(
    rf"\b(?:(?P<count>{_COUNT})\s+(?:(?:neue|eigene|weitere)n?\s+)?|[Nn]euen?\s+)(?P<plural>[A-ZÄÖÜ][\w-]+)\b"
)
NUMBERS = {w: n for n, w in enumerate("zwei drei vier fünf sechs sieben acht neun zehn elf zwölf".split(), 2)}
BULLET = re.compile(r"^\s*[•\-–*·▪]\s*(?P<name>[A-ZÄÖÜ][\w.,&/ -]{1,70}?)\s*[.;]?$")
FORMER = re.compile(r"\b(?:bisher\w*|statt|anstelle|früher\w*|ehemals|ehemalige\w*|alte\w*)\s+(?:\w+\s+)?$")
PATIENCE = 6  # sentences without a list item before the announcement is no longer followed


@dataclass(frozen=True)
class Listed:
    name: str
    new: bool  # named only by the list item: no unit mention made it
    together: bool  # one of a group (a bullet list, the parts of a divided unit): one founding for all
    unit_type: str
    date: DateValue | None
    group: int  # which announcement it belongs to


@dataclass
class Announcement:
    unit_type: str
    count: int | None
    date: DateValue | None
    bullets: bool  # the sentence ended with ":" and bullet lines may follow
    parts: bool = False  # "X ist in zwei Fachdienste aufgeteilt": the parts are named in the next sentences
    idle: int = 0


def announcement(folded: str, published: DateValue | None, named_types: set[str]) -> Announcement | None:
    """The plural of new units a sentence announces without naming them, if any."""
    if IGNORE.search(folded) or PAST.search(folded):
        return None
    colon = folded.rstrip().endswith(":")
    divided = TRIGGERS["split"].search(folded)
    if not (colon or divided or TRIGGERS["founding"].search(folded)):
        return None
    for m in ANNOUNCED.finditer(folded):
        if FORMER.search(folded[max(0, m.start() - 25) : m.start()]):
            continue  # "statt den bisher 12 Dienststellen": what there was, not what is new
        unit_type = _plural_type(m["plural"])
        if unit_type and unit_type not in named_types:
            count = m["count"]
            number = int(count) if count and count.isdigit() else NUMBERS.get(count or "")
            parts = bool(divided and number and INTO.search(folded[max(0, m.start() - 4) : m.start()]))
            return Announcement(unit_type, number, _effective(folded, published), colon, parts)
    return None


PAST = re.compile(r"^\W*(?:Bislang|Bisher|Früher|Zuvor|Vorher|Damals)\b")  # how it was, not what is new
INTO = re.compile(r"\bin\s+$")


def _plural_type(word: str) -> str | None:
    for plural, singular in units.PLURALS.items():
        if word == plural or (word.endswith(plural.lower()) and len(word) > len(plural)):
            return units.HEADS.get(singular, "OtherUnit")
    return None


def _effective(folded: str, published: DateValue | None) -> DateValue | None:
    dates = [d for d in find_dates(folded, published) if cue_before(folded, d) == "effective"]
    return max(dates, key=lambda d: len(d.value.value)).value if dates else None


def listed_units(
    pending: Announcement, folded: str, mentions: list[units.Mention]
) -> list[tuple[str, bool, bool]]:
    """The units a sentence lists for ``pending``: name, whether the name is new to the text, whether
    it belongs to a group (a bullet line, a part of a divided unit)."""
    first = mentions[0] if mentions else None
    if pending.parts:  # parts of a divided unit, wherever the sentence names them
        named = [m.name for m in mentions if m.name and m.unit_type == pending.unit_type]
        return [(name, False, True) for name in dict.fromkeys(named)][: pending.count]
    bullet = BULLET.match(folded) if pending.bullets else None
    if bullet and len(bullet["name"].split()) <= 6:
        name = bullet["name"].strip()
        if first is None:
            return [(name, True, True)]
        if first.name == name:  # the whole line is a unit name the unit rules know
            return [(name, False, True)]
    if first is not None and first.name and first.start <= 2 and first.unit_type == pending.unit_type:
        return [(first.name, False, False)]
    return []


def follow(
    pending: Announcement | None,
    folded: str,
    mentions: list[units.Mention],
    published: DateValue | None,
) -> tuple[Announcement | None, list[Listed]]:
    """Read one sentence after (or as) an announcement: the announcement still followed, and the units
    the sentence lists."""
    if pending is not None:
        items = listed_units(pending, folded, mentions)
        if items:
            pending.idle = 0
            if pending.count is not None:
                pending.count = max(0, pending.count - len(items))
            listed = [
                Listed(n, new, together, pending.unit_type, pending.date, id(pending))
                for n, new, together in items
            ]
            return (pending if pending.count != 0 else None), listed
        pending.idle += 1
        pending.bullets = False
        if pending.idle > PATIENCE:
            pending = None
    found = announcement(folded, published, {m.unit_type for m in mentions if m.name})
    if found and pending and found.unit_type == pending.unit_type:  # "Die neuen Ämter im Detail:"
        found.date = found.date or pending.date
        found.count = found.count or pending.count
    return found or pending, []
