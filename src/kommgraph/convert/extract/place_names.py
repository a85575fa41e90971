"""Names of places beside the gazetteer's own forms: Swiss bilingual names (``Muster/Modèle``), a Swiss
town's canton code (``Muster ZH``), an abbreviated addition with and without spaces (``a.d. Fluss``).

``places`` is the gazetteer module (:mod:`kommgraph.places`), passed in by :mod:`.places`.
"""

from __future__ import annotations

import re

from kommgraph.convert.extract.patterns import compiled

# a Swiss town's name with its canton's abbreviation: "Muster ZH", "Muster (BE)"
CANTON_CODE = compiled(
    r"(?<![\w-])(?P<name>[A-ZÄÖÜ][\w.-]*[a-zäöü](?:\s+[A-ZÄÖÜ][\w-]*[a-zäöü])?)\s+\(?(?P<code>[A-Z]{2})\)?(?![\w-])"
)


def canton_coded(places, text: str) -> set[str]:
    """``Muster ZH``: of the towns called Muster, the one in the canton with that code (their keys)."""
    keys: set[str] = set()
    for m in CANTON_CODE.finditer(text):
        canton = places.by_key(f"CH-{m['code']}")
        if canton is None or canton.kind != "Kanton":
            continue
        found = [
            p for p in places.lookup(m["name"]) if p.country == "CH" and _in_canton(places, p, canton.key)
        ]
        keys |= {found[0].key} if found else set()
    return keys


def _in_canton(places, place, key: str) -> bool:
    while place is not None and place.parent_key:
        if place.parent_key == key:
            return True
        place = places.by_key(place.parent_key)
    return False


def swiss_forms(places, place, name: str) -> set[str]:
    """A bilingual Swiss name gives each language's name (``Muster/Modèle`` → Muster, Modèle); a name
    several cantons' towns share takes its canton's abbreviation (``Muster ZH``, ``Muster (ZH)``)."""
    forms = set(name.split("/")) if "/" in name else set()
    if len([p for p in places.lookup(name) if p.key.startswith("CH-") and p.kind == place.kind]) < 2:
        return forms
    canton = place
    while canton is not None and canton.kind != "Kanton":
        canton = places.by_key(canton.parent_key) if canton.parent_key else None
    if canton is not None:
        code = canton.key.removeprefix("CH-")
        forms |= {f"{name} {code}", f"{name} ({code})"}
    return forms


ABBREVIATED_ADDITION = re.compile(r"(?<=\b[a-z]\.)\s*(?=[a-zA-ZÄÖÜ])")


def spellings(names: set[str]) -> set[str]:
    """``Muster a.d. Fluss`` and ``Muster a. d. Fluss`` are also written ``Muster a.d.Fluss``: sources differ
    in the spaces of an abbreviated addition."""
    return {ABBREVIATED_ADDITION.sub("", n) for n in names if "." in n} - names


# an official name's addition after the name proper: a river, a landscape or a region (``Muster am Fluss``,
# ``Muster im Gau``, ``Muster/Region``)
ADDITION = re.compile(r"\s+(?:am|an\s+der|im|in\s+der|ob\s+der|auf\s+der|vor\s+der|bei)\s+\S|/")


def bare_forms(name: str, titles: tuple[str, ...] = ()) -> set[str]:
    """``Musterheim im Gau`` → ``Musterheim``, ``Musterbach/Region`` → ``Musterbach``: texts and annotators
    leave an official name's addition off; with each title word (``Bezirkshauptmannschaft Musterheim``)."""
    m = ADDITION.search(name)
    if not m or m.start() < 3:
        return set()
    bare = name[: m.start()]
    return {bare, *(f"{title} {bare}" for title in titles)}
