"""Posts are no units: a change that only creates or ends a post states no change of units.

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


def without_posts(events: list[Event]) -> list[Event]:
    """Drop the events whose every participant is a post (``eine Fachkraftstelle wird geschaffen``)."""
    return [
        e
        for e in events
        if not ((e.original or e.resulting) and all(is_post(n) for n in (*e.original, *e.resulting)))
    ]
