"""Other forms of one unit name that German texts use side by side (kept as skos:altLabel).

* A numbered designation with its area: ``Fachbereich 7 – Muster und Probe`` (also written with a
  colon, a bracket or nothing between) is also called ``Fachbereich 7``, ``Muster und Probe`` and
  ``Fachbereich Muster und Probe``.
* A head named by its seat: ``Bezirksregierung in Musterstadt`` is also ``Bezirksregierung Musterstadt``.
* A plain head with its area: ``Dezernat Beispiel und Probe`` is also called by the area alone,
  ``Beispiel und Probe`` (organigrams and lists leave the head off), when the area is more than a
  single word: a single word (``Abteilung Muster``) alone names a topic, not the unit.
"""

from __future__ import annotations

import re
from dataclasses import replace

from kommgraph.convert.extract.patterns import load
from kommgraph.convert.extract.unit_lexicon import HEADS, SEAT_HEADS, STOP, unit_word
from kommgraph.convert.extract.unit_phrases import Mention

ABBREVIATED: dict[str, str] = load("units")["abbreviated_heads"]

NUMBER = r"(?:[IVX]{1,5}|\d{1,3}(?:\.\d{1,2})?[a-z]?)"
NUMBERED = re.compile(rf"^(?P<head>\S+) (?P<number>{NUMBER})(?: ?[–:-] ?| )(?P<area>[A-ZÄÖÜ].*)$")
PLAIN = re.compile(r"^(?P<head>\S+) (?P<area>[A-ZÄÖÜ]\S*(?: \S+)+)$")
NUMBER_ONLY = re.compile(rf"^(?P<head>\S+) (?P<number>{NUMBER})$")


def variants(name: str) -> tuple[str, ...]:
    """The other forms of ``name``, in a fixed order; none for a name of another shape."""
    numbered = NUMBERED.match(name)
    if numbered and numbered["head"] in HEADS:
        head, number, area = numbered["head"], numbered["number"], numbered["area"]
        forms = [f"{head} {number}", f"{head} {number} {area}", area]
        if not unit_word(area.split()[-1]):  # "Amt 47 – Ordnungsamt": no "Amt Ordnungsamt"
            forms.append(f"{head} {area}")
        return tuple(f for f in forms if f != name)
    plain = PLAIN.match(name)
    if (
        plain
        and plain["head"] in HEADS
        and plain["area"].split()[0] not in STOP
        and not unit_word(plain["area"].split()[-1])
    ):
        return (plain["area"],)
    return ()


def _spelled_out(name: str) -> tuple[str, ...]:
    """``FB 12`` is ``Fachbereich 12``: an abbreviated head spelled out."""
    head, _, rest = name.partition(" ")
    return (f"{ABBREVIATED[head]} {rest}",) if head in ABBREVIATED and rest else ()


def _bracketed_area(name: str, aliases: tuple[str, ...]) -> tuple[str, ...]:
    """``Dezernat XI (Muster und Probe)``: the area in brackets with the head, ``Dezernat Muster und
    Probe``."""
    numbered = NUMBER_ONLY.match(name)
    if not numbered or numbered["head"] not in HEADS:
        return ()
    head = ABBREVIATED.get(numbered["head"], numbered["head"])
    return tuple(f"{head} {a}" for a in aliases if _area(a))


def _seat(name: str) -> tuple[str, ...]:
    """``Bezirksregierung in Musterstadt``: the seat also stands right after the head."""
    head, _, rest = name.partition(" in ")
    return (f"{head} {rest}",) if head in SEAT_HEADS and rest else ()


def _area(words: str) -> bool:
    """Words that name an area (``Muster und Probe``, ``Soziales``), not an abbreviation (``MuP``, ``SOZ``)
    nor a unit of its own."""
    first = words.split()[0]
    word_like = " " in words or (len(first) > 4 and first[1:].islower())
    return first[:1].isupper() and word_like and not unit_word(first) and not unit_word(words.split()[-1])


def with_variants(mention: Mention) -> Mention:
    """``mention`` with the other forms of its name added to its aliases."""
    if not mention.name:
        return mention
    found = (
        *variants(mention.name),
        *_spelled_out(mention.name),
        *_seat(mention.name),
        *_bracketed_area(mention.name, mention.aliases),
    )
    extra = [v for v in dict.fromkeys(found) if v not in mention.aliases and v != mention.name]
    return replace(mention, aliases=(*mention.aliases, *extra)) if extra else mention
