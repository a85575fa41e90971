"""A unit compound named by its seat or its part of town: ``Bürgeramt Musterdorf``, ``Bauhof Beispielfeld``,
``Bürgerbüro Nord``.

In German a proper noun in apposition right after a compound head tells which of several units of that
kind is meant (``das Jobcenter Musterkreis``, ``das Bürgeramt Nord``). A common noun after a compound starts
a phrase of its own (``dass das Bauamt Anträge prüft``), so the word must be a place the gazetteer knows
or a point of the compass. The bare compound stays an alias: texts and annotators use both forms.
"""

from __future__ import annotations

from functools import cache

from kommgraph.convert.extract.unit_lexicon import STOP, is_cap, unit_word
from kommgraph.convert.extract.unit_phrases import Scanner

COMPASS = frozenset(
    "Nord Süd Ost West Mitte Nordost Nordwest Südost Südwest Zentrum Innenstadt".split()
)  # fmt: skip


@cache
def _place(word: str) -> bool:
    try:
        from kommgraph.places import lookup
    except ImportError:  # the converter still works without the gazetteer
        return False
    return bool(lookup(word))


def seat_after(scan: Scanner, k: int) -> bool:
    """True when word ``k`` names the seat of the compound before it: a place or a point of the compass,
    not followed by a word that continues it as a phrase of its own (a genitive, a hyphen)."""
    word = scan.word(k)
    if not (is_cap(word) and word[0].isupper()) or word in STOP or unit_word(word) or len(word) < 3:
        return False
    if scan.word(k + 1) in ("-", "des", "der") or scan.word(k + 1)[:1].isupper():
        return False
    return word in COMPASS or _place(word)
