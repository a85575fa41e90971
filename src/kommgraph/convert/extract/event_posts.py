"""Posts are no units: a change that only creates or ends a post states no change of units.

Nor is a role a unit plays (round 12): ``Anlaufstelle`` (where one turns with a concern), ``Schnittstelle``
(an interface), said of a unit in a predicate (``ist die erste Anlaufstelle für …``, ``hat sich als zentrale
Anlaufstelle etabliert``) or of a place to go (``gibt es künftig eine Anlaufstelle für …``), without a name.

Whether a name is a post is the unit lexicon's test (``unit_lexicon.is_post``: a ``-stelle`` compound on a
person's job or a working time), applied here to event participants the event passes named.
"""

from __future__ import annotations

from kommgraph.convert.extract import unit_lexicon
from kommgraph.convert.extract.model import Event


def is_post(name: str) -> bool:
    """``Amtsleiterstelle``, ``Sekretariats-Teilzeitstelle``: a post, not a unit."""
    words = name.split()
    return unit_lexicon.is_post(words[-1]) if words else False


ROLES = frozenset({"anlaufstelle", "anlaufstellen", "schnittstelle", "schnittstellen"})


def is_role(name: str) -> bool:
    """``Anlaufstelle``, ``zentrale Anlaufstelle``: a role without a name, not a unit."""
    words = name.split()
    return bool(words) and words[-1].lower() in ROLES and all(w.islower() for w in words[:-1])


def without_posts(events: list[Event]) -> list[Event]:
    """Drop the events whose every participant is a post (``eine Fachkraftstelle wird geschaffen``) or a
    role (``eine Anlaufstelle``)."""
    return [
        e
        for e in events
        if not (
            (e.original or e.resulting) and all(is_post(n) or is_role(n) for n in (*e.original, *e.resulting))
        )
    ]
