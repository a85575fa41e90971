"""Finding places by name or key."""

from __future__ import annotations

from .kinds import MUNICIPAL, LEVEL_RANK, KIND_RANK, level
from .model import Place
from .normalize import fold
from .store import index


def by_key(key: str) -> Place | None:
    """The place with this key (AGS "06611000", "AT-9", "CH-ZH"), or None."""
    idx = index()
    row = idx.row_of(key.strip())
    return None if row is None else idx.place(row)


def lookup(name: str) -> tuple[Place, ...]:
    """All places called `name` (official or usual name, any case, Umlauts or ae/oe/ue), likeliest first.

    A title in front ("Landkreis Gießen", "Stadt Kassel", "Kanton Bern") keeps the places of that level only.
    Order: municipalities before districts before Länder and cantons; among municipalities the larger first
    ("Frankfurt": am Main, then (Oder)); among districts a place's own name before another usual form of
    it ("Kassel": the Stadtkreis of the city, then the Landkreis Kassel).
    """
    idx = index()
    folded = fold(name)
    if not folded:
        return ()
    hits = idx.hits(folded)
    if hits:
        return ranked(hits)
    words = folded.split(" ")
    for title, title_level in idx.titles.get(words[0], ()):
        if words[: len(title)] == title and len(words) > len(title):
            rest = idx.hits(" ".join(words[len(title) :]))
            if rest:
                return ranked(rest, title_level)
    return ()


def ranked(hits: list[tuple[Place, int]], wanted_level: str | None = None) -> tuple[Place, ...]:
    chosen = [(place, how) for place, how in hits if wanted_level is None or level(place.kind) == wanted_level]
    chosen.sort(key=_order)
    return tuple(place for place, _ in chosen)


def _order(hit: tuple[Place, int]) -> tuple:
    place, how = hit
    place_level = level(place.kind)
    if place_level == MUNICIPAL:
        return (LEVEL_RANK[place_level], -place.population, min(how, 1), place.key)
    return (LEVEL_RANK[place_level], min(how, 1), KIND_RANK.get(place.kind, 0), -place.population, place.key)
