"""An unnamed unit that an indefinite article introduces (``zu einem neuen Amt``, ``eines vierten
Fachbereiches``): it refers to no unit named before (round 9), and stands in an event as ``UNNAMED_NEW``
until the document is read; then it is taken out, and what is left of the event is kept if it still
states a change."""

from __future__ import annotations

import re

from kommgraph.convert.extract.model import Event, Facts

UNNAMED_NEW = "\u2063unnamed"  # stands for such a unit in an event until the name is known; never a name
# "ein neues Amt", "eines vierten Fachbereiches", "zu einer Abteilung": an indefinite article introduces a
# unit not spoken of before, so it never refers back to a unit named earlier
INDEFINITE = re.compile(r"\b(?:[Ee]in|[Ee]ine[mnrs]?)\s+(?:[\w-]+e[nmrs]?\s+){0,2}[\"„“]?$")


def without_unnamed(facts: Facts) -> None:
    """An unnamed new unit (``zu einem neuen Amt``) takes no part in the events: a merger into it keeps no
    result (the founding of the unit named later gives it one), a founding of it alone is dropped."""
    kept = []
    for event in facts.events:
        unnamed = UNNAMED_NEW in event.original or UNNAMED_NEW in event.resulting
        event.original = [n for n in event.original if n != UNNAMED_NEW]
        event.resulting = [n for n in event.resulting if n != UNNAMED_NEW]
        event.spun_off_from = None if event.spun_off_from == UNNAMED_NEW else event.spun_off_from
        event.new_parent = None if event.new_parent == UNNAMED_NEW else event.new_parent
        if not unnamed or still_stated(event):
            kept.append(event)
    facts.events = kept
    for unit in facts.units.values():
        unit.parent = None if unit.parent == UNNAMED_NEW else unit.parent


def still_stated(event: Event) -> bool:
    """What is left of an event once an unnamed unit is taken out: a merger of two or more units, the
    parting of a unit, a founding of a named one; a change between two units that lost one is none."""
    if event.event_type == "Merger":
        return len(event.original) > 1
    if event.event_type in ("Split", "SpinOff", "Dissolution"):
        return bool(event.original)
    if event.event_type == "Founding":
        return bool(event.resulting)
    return bool(event.original and event.resulting)
