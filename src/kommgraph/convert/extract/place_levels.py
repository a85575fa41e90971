"""Which level of place a text means when names are shared: a district or a town named like it, a city of
its own district or the Landkreis named after it, a Land or a city state.

``places`` is the gazetteer module (:mod:`kommgraph.places`), passed in by :mod:`.places`.
"""

from __future__ import annotations

import re

DISTRICT_KINDS, STATE_KINDS = ("Landkreis", "Kreis", "Bezirk"), ("Land", "Kanton")


def namesake_district(places, town):
    """The Landkreis or Kreis that bears ``town``'s name and is not the district ``town`` lies in."""
    return next(
        (
            p
            for p in places.lookup(town.short)
            if p.kind in DISTRICT_KINDS and p.key != town.parent_key and _base(p) == town.short
        ),
        None,
    )


def _base(place) -> str:
    """A place's name without its title word and official addition: ``Landkreis Muster`` → ``Muster``."""
    return re.sub(r",.*$", "", place.name)


_TOWN_IN_DISTRICT = ("Stadt", "Gemeinde", "Markt", "Flecken")


def district_over_namesake(places, votes: dict[str, float], seen: dict) -> None:
    """``Kreis Muster`` named in the text: a town called Muster in another district is that district, not a
    stranger. A city of its own district (``Musterstadt`` amid ``Landkreis Musterstadt``) stays a city."""
    districts = {_base(p): p for k, p in seen.items() if p.kind in DISTRICT_KINDS and votes.get(k)}
    for key, place in list(seen.items()):
        district = districts.get(place.short) if place.kind in _TOWN_IN_DISTRICT else None
        if district is not None and district.key != place.parent_key and votes.get(key):
            votes[district.key] += votes[key]
            votes[key] = 0.0


def names_state(places, found) -> bool:
    """A Land or canton among the candidates, not a city state (whose government has no ministries)."""
    for c in found:
        place = places.by_key(c.key) if c.score >= 1.0 else None
        if place is not None and place.kind in STATE_KINDS:
            towns = (p for p in places.lookup(place.short) if p.kind not in STATE_KINDS)
            if not any(p.short == place.short for p in towns):
                return True
    return False
