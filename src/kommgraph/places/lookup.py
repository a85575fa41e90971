"""Finding places by name or key."""

from __future__ import annotations

from .kinds import DISTRICT, KIND_RANK, LEVEL_RANK, MUNICIPAL, STATE, level
from .model import Place
from .normalize import fold
from .store import ALIAS, index

LARGE_TOWN = 100_000  # a Land or canton comes before smaller towns of its name
# An Austrian or Swiss town of this size counts as named by its usual form too ("Krems", "Klagenfurt"), so
# that population decides against a German village of that name.
ALPINE_TOWN = 15_000


def by_key(key: str) -> Place | None:
    """The place with this key (AGS "06611000", "AT-60101", "AT-9", "CH-261", "CH-ZH"), or None."""
    idx = index()
    row = idx.row_of(key.strip())
    return None if row is None else idx.place(row)


def lookup(name: str) -> tuple[Place, ...]:
    """All places called `name` (official or usual name, any case, Umlauts or ae/oe/ue), likeliest first.

    A title in front ("Landkreis Gießen", "Stadt Kassel", "Kanton Bern") keeps the places of that level only.
    Order: see ranked ("Frankfurt": am Main, then (Oder); "Kassel": the town, its Stadtkreis, the Landkreis).
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
    """Places named by their own name (or short name) first, then those for which it is another usual form
    ("Gießen": the town, then the Landkreis; "Sachsen": the Land, then Sachsen b. Ansbach) - except that a
    town at least as large as every municipality of that very name counts as named by it ("Halle": Halle
    (Saale) before the villages called Halle), and so does a town of 100,000+ when no municipality has that
    very name ("Genf": Genève before the canton) and an Austrian or Swiss town of 15,000+. Then
    municipalities, districts, Länder - but a Land or canton before towns under 100,000 of its name
    ("Salzburg" alone would be the Land before the Westerwald village); then the larger."""
    chosen = [
        (place, how) for place, how in hits if wanted_level is None or level(place.kind) == wanted_level
    ]
    official_towns = [p.population for p, how in chosen if how != ALIAS and level(p.kind) == MUNICIPAL]
    largest = max(official_towns, default=None)

    def named(place: Place, how: int) -> bool:
        return how != ALIAS or (
            level(place.kind) == MUNICIPAL
            and (
                place.population >= (LARGE_TOWN if largest is None else largest)
                or (place.country != "DE" and place.population >= ALPINE_TOWN)
            )
        )

    largest_named = max(
        (p.population for p, how in chosen if level(p.kind) == MUNICIPAL and named(p, how)), default=0
    )

    def order(hit: tuple[Place, int]) -> tuple:
        place, how = hit
        place_level = level(place.kind)
        level_rank = LEVEL_RANK[place_level]
        if place_level == STATE and how != ALIAS and largest_named < LARGE_TOWN:
            level_rank = -1  # "Salzburg": the Austrian Land before the village in the Westerwald
        return (
            0 if named(place, how) else 1,
            level_rank,
            KIND_RANK.get(place.kind, 0),
            -place.population,
            place.key,
        )

    chosen.sort(key=order)
    return tuple(place for place, _ in chosen)


def seat_districts(name: str, hits: list[tuple[Place, int]], wanted_level: str) -> tuple[Place, ...]:
    """``Landratsamt Musterberg`` where no district bears that name: the district of a town so called that is
    named after it with an addition (``Landkreis Musterberg am See`` around ``Musterberg am See``)."""
    if wanted_level != DISTRICT:
        return ()
    found = []
    for place, _ in hits:
        parent = by_key(place.parent_key) if place.parent_key else None
        if parent is not None and level(parent.kind) == DISTRICT and parent not in found:
            base = fold(parent.name.split(",")[0])
            if base.startswith(name + " "):
                found.append(parent)
    return tuple(found)
