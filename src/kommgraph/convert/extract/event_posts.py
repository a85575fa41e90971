"""Posts are no units: a change that only creates or ends a post states no change of units.

A compound on ``-stelle`` whose first part names a person's job (``Amtsleiterstelle``,
``Fachkraftstelle``, ``Sachbearbeiterstelle``, ``Stellvertretungsstelle``) or a working time
(``Teilzeitstelle``, ``Vollzeitstelle``, ``Planstelle``) is a post in the staffing plan; ``Stabsstelle``,
``Servicestelle`` or ``Fachstelle`` are units.
"""

from __future__ import annotations

import re

from kommgraph.convert.extract.model import Event

POST = re.compile(
    r"(?:leiter(?:in)?|leitungs|fachkraft|sachbearbeit\w*|referent(?:en|innen)?|assistenz|"
    r"stellvertreter(?:in)?|stellvertretungs|teilzeit|vollzeit|halbtags|plan|sekretariats)"
    r"-?stellen?$",
    re.IGNORECASE,
)


def is_post(name: str) -> bool:
    """``Amtsleiterstelle``, ``Sekretariats-Teilzeitstelle``: a post, not a unit."""
    return bool(POST.search(name.split()[-1])) if name.split() else False


def without_posts(events: list[Event]) -> list[Event]:
    """Drop the events whose every participant is a post (``eine Fachkraftstelle wird geschaffen``)."""
    return [
        e
        for e in events
        if not ((e.original or e.resulting) and all(is_post(n) for n in (*e.original, *e.resulting)))
    ]
