"""Names of a unit that are themselves unit compounds or carry one: a compound named by its seat, a plain
head named by a compound.

A unit compound named by its seat or its part of town: ``Bürgeramt Musterdorf``, ``Bauhof Beispielfeld``,
``Bürgerbüro Nord``.

In German a proper noun in apposition right after a compound head tells which of several units of that
kind is meant (``das Jobcenter Musterkreis``, ``das Bürgeramt Nord``). A common noun after a compound starts
a phrase of its own (``dass das Bauamt Anträge prüft``), so the word must be a place the gazetteer knows
or a point of the compass. The bare compound stays an alias: texts and annotators use both forms.
"""

from __future__ import annotations

import re
from functools import cache

from kommgraph.convert.extract.unit_lexicon import HEADS, STANDALONE, STOP, compound_type, is_cap, unit_word
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


# a capitalised adjective with the strong ending before the noun it names: "Zentraler", "Allgemeines"
STRONG_ADJECTIVE = re.compile(r"[A-ZÄÖÜ][a-zäöüß]{2,}(?:isch|lich|ig|al|ell|iv|ar|sam|ein|en)(?:er|es|e)")


def compound_name(scan: Scanner, j: int) -> int:
    """End of a name right after a plain head that is a unit compound (``Abteilung Musterverwaltung``,
    ``Abteilung Muster- und Probeverwaltung``, ``Stabsstelle Zentraler Musterdienst``): an apposition
    that names the head's unit; 0 when word ``j`` starts no such name."""
    k = j + 1 if STRONG_ADJECTIVE.fullmatch(scan.word(j)) else j
    while scan.word(k).endswith("-") and scan.word(k + 1) in ("und", "oder", ","):
        k += 2  # truncated parts of a coordinated compound
    word = scan.word(k)
    if word in HEADS or word in STANDALONE or not compound_type(word):
        return 0
    following = scan.word(k + 1)
    if following[:1].isupper() and following not in STOP:  # "Abteilung Musteramt Beispiel ...": unclear
        return 0
    after = scan.word(k + 2)
    if following in ("und", "sowie", "oder", "/", "&") and is_cap(after) and after not in STOP:
        return 0  # "Dezernat Musterdienst und Probe": a list of fields, read as a name elsewhere
    return k + 1
