"""Units named inside a leader's title: ``Fachdienstleiter Beispielwesen`` → ``Fachdienst Beispielwesen``,
``Abteilungsleitung Muster und Maritime Probe`` → ``Abteilung Muster und Maritime Probe``,
``Dezernentin für Beispielwesen, Muster und Probe`` → ``Dezernat für Beispielwesen, Muster und Probe``.

The title is a compound of a plain head and a leader noun; the unit's name follows the title as it
would follow the head. A person's name after the title (``Abteilungsleiter Max Beispiel``) is no
unit name: its first word is a given name, or it does not look like a field of work.
"""

from __future__ import annotations

import re

from kommgraph.convert.extract.firstnames import is_given_name
from kommgraph.convert.extract.unit_lexicon import HEADS, ROMAN, name_word, unit_word
from kommgraph.convert.extract.unit_phrases import Mention, Scanner, clean

LEADER_TITLE = re.compile(r"(?P<head>[A-ZÄÖÜ][a-zäöüß]+?)s?(?:leiter|leiterin|leitung|chef|chefin)")
LEADER_ENDINGS = ("leiter", "leiterin", "leitung", "chef", "chefin")
HEAD_OF_DEZERNENT = re.compile(r"Dezernent(?:in|en)?")
# a field of work by its ending (``Kultur``, ``Industrie``, ``Bürgerservice``), unlike a surname
FIELD_WORD = re.compile(
    r"[A-ZÄÖÜ]\w*(?:ung|ur|ie|ik|heit|keit|schaft|wesen|service|ales|ät|tion|recht|bau|planung|it|IT|ales)"
    r"|[A-ZÄÖÜ]\w*(?:ungen|heiten|keiten|schaften|ien|äten|ionen)"  # the plural: "Rechtsangelegenheiten"
)
TITLE_NAME_WORDS = 6


def title_unit(text: str, scan: Scanner, i: int) -> Mention | None:
    """The unit a leader's title at token i names, its span the name after the title (the title stays
    for the person rules); None when the title names none."""
    w = scan.word(i)
    if not w.endswith(LEADER_ENDINGS) and not w.startswith("Dezernent"):
        return None
    title = LEADER_TITLE.fullmatch(w)
    head = "Dezernat" if HEAD_OF_DEZERNENT.fullmatch(w) else (title["head"] if title else None)
    if head not in HEADS or head in ("Amt", "Bereich", "Stab"):
        return None
    j = i + 1
    if scan.word(j) == "für":
        end = scan.phrase(j + 1, allow_lists=True)
        if end <= j + 1 or not _field(scan, j + 1):
            return None
        name = f"{head} für {text[scan.t[j + 1].start : scan.t[end - 1].end]}"
    else:
        first = scan.word(j)
        office = w.endswith("leitung")  # "Fachbereichsleitung Wasser und Wald": an office, never a person
        if head == "Dezernat" or not first or not name_word(first) or unit_word(first):
            return None
        if not (_field(scan, j) or office and not is_given_name(first)):
            return None
        end = scan.phrase(j, allow_lists=True)
        end = min(end, j + TITLE_NAME_WORDS)
        name = f"{head} {text[scan.t[j].start : scan.t[end - 1].end]}"
    return Mention(scan.t[j].start, scan.t[end - 1].end, clean(name), HEADS[head], 0.7)


def _field(scan: Scanner, j: int) -> bool:
    first = scan.word(j)
    if first.endswith("-") and scan.word(j + 1) in ("und", "oder"):  # "Tief- und Gartenbau"
        first = scan.word(j + 2)
    return bool(ROMAN.fullmatch(first)) or (not is_given_name(first) and bool(FIELD_WORD.fullmatch(first)))
