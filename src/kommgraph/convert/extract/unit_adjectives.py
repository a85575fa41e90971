"""Capitalised adjectives that belong to a unit's name: ``das Städtische Beispielzentrum`` →
``Städtisches Beispielzentrum``, ``der Allgemeine Beispielhafte Dienst`` →
``Allgemeiner Beispielhafter Dienst``.

Inside a sentence a capitalised adjective after an article is part of a proper name. After the
article it carries the weak ending (``-e``/``-en``); the name in the nominative without the article
takes the strong ending of the head's gender, which the head's last part tells.
"""

from __future__ import annotations

import re
from collections.abc import Callable

# the gender of a unit head by how its nominative ends (longest first)
_GENDER_BY_ENDING = (
    ("sachgebiet", "n"), ("departement", "n"), ("department", "n"), ("dezernat", "n"), ("referat", "n"),
    ("zentrum", "n"), ("center", "n"), ("ressort", "n"), ("büro", "n"), ("amt", "n"), ("ministerium", "n"),
    ("präsidium", "n"), ("anstalt", "f"),
    ("abteilung", "f"), ("verwaltung", "f"), ("direktion", "f"), ("kanzlei", "f"), ("behörde", "f"),
    ("stelle", "f"), ("gruppe", "f"), ("kämmerei", "f"), ("feuerwehr", "f"), ("prokuratur", "f"),
    ("bereich", "m"), ("dienst", "m"), ("betrieb", "m"), ("stab", "m"), ("service", "m"), ("hof", "m"),
)  # fmt: skip
_STRONG = {"m": "er", "f": "e", "n": "es", "pl": "e"}
# heads that name a unit only with a capitalised adjective: "der Allgemeine Beispielhafte Dienst", "die
# Zentralen Dienste"; the gender of each
ADJECTIVE_HEADS = {"Dienst": "m", "Dienste": "pl"}
ARTICLES_BEFORE = frozenset("der die das dem den des im zum zur vom beim ins am einem einer eines".split())
WEAK_ADJECTIVE = re.compile(r"[A-ZÄÖÜ][a-zäöüß]{2,}(?:isch|lich|ig|al|ell|iv|ar|sam|lig|ein|en)(e|en)")
# without an article the adjective takes the strong ending (``…, Zentraler Musterhof``): a list item
STRONG_ADJECTIVE = re.compile(r"[A-ZÄÖÜ][a-zäöüß]{2,}(?:isch|lich|ig|al|ell|iv|ar|sam|lig|ein|en)(er|es)")
LIST_BEFORE = frozenset({",", "und", "sowie", "(", "von", "in", "als"})  # not ":": a title may follow


def gender(head: str) -> str | None:
    lower = head.lower()
    return next((g for ending, g in _GENDER_BY_ENDING if lower.endswith(ending)), None)


def adjective_start(word: Callable[[int], str], i: int) -> int:
    """Index of the first capitalised adjective before word i (``word(k)`` is the k-th word) that belongs
    to its name (i when none): one or two adjectives right after an article, or one with a strong ending
    after a list's comma or conjunction or a preposition without article (a name cited: ``von X in Y``)."""
    k = i
    while k - 1 >= 0 and k > i - 2 and WEAK_ADJECTIVE.fullmatch(word(k - 1)):
        k -= 1
    if k < i and k >= 1 and word(k - 1).lower() in ARTICLES_BEFORE:
        return k
    if i >= 2 and STRONG_ADJECTIVE.fullmatch(word(i - 1)) and word(i - 2) in LIST_BEFORE:
        return i - 1  # "Amt für Muster, Zentraler Musterhof", "von Staatliches Musteramt": part of the name
    return i


def nominative_adjectives(adjectives: list[str], head: str) -> list[str] | None:
    """The adjectives with the strong nominative ending for ``head``; None when its gender is unknown."""
    g = ADJECTIVE_HEADS.get(head) or gender(head)
    if g is None:
        return None
    stems = []
    for a in adjectives:
        strong = STRONG_ADJECTIVE.fullmatch(a)
        if strong and strong.group(1) != _STRONG[g]:
            return None  # "Zentrales" before a feminine head: the adjective belongs to something else
        stems.append(a[: -len((strong or WEAK_ADJECTIVE.fullmatch(a)).group(1))])
    return [stem + _STRONG[g] for stem in stems]
