"""The German words of unit names: heads, compound endings, inflection (``patterns/units.toml``).

Word-level answers only: is this word a head (``Amt``), a compound on a head (``Hauptamt``), an
institution (``Stadtarchiv``), and what is its nominative. ``units`` builds names from them.
"""

from __future__ import annotations

import re
from functools import cache

from kommgraph.convert.extract.patterns import load

_DATA = load("units")
HEADS: dict[str, str] = dict(_DATA["heads"])
PLURALS: dict[str, str] = dict(_DATA["plurals"])


def _kind_prefixed() -> None:
    """``Fachabteilung``, ``Verwaltungsabteilungen``: a kind prefix before a head gives a head (and its
    plural), unless the word is listed as naming no unit (``Fachamt``)."""
    kinds = _DATA["kind_prefixes"]
    listed = set(_DATA["exclude"]["words"]) | set(_DATA["exclude"]["not_compounds"])
    plurals = [(p, s) for p, s in PLURALS.items() if s in kinds["heads"]]
    for prefix in kinds["prefixes"]:
        for head in kinds["heads"]:
            word = prefix + head.lower()
            if word not in HEADS and word not in listed:
                HEADS[word] = HEADS[head]
        for plural, singular in plurals:
            word = prefix + plural.lower()
            if word not in PLURALS and prefix + singular.lower() in HEADS:
                PLURALS[word] = prefix + singular.lower()


_kind_prefixed()
PLAIN_ONLY = frozenset(_DATA["plain_only"])
COMPOUND_TYPES: dict[str, str] = _DATA["compound_types"]
ENDINGS: list[tuple[str, str]] = sorted(
    (tuple(e) for e in _DATA["inflection"]["endings"]), key=lambda e: -len(e[0])
)
EXCLUDE = frozenset(_DATA["exclude"]["words"])
EXCLUDE_PREFIXES = tuple(_DATA["exclude"]["prefixes"])
STOP = frozenset(_DATA["exclude"]["stop"])
INSTITUTION_PREFIXES = tuple(_DATA["institutions"]["prefixes"])
INSTITUTION_NOUNS = tuple(_DATA["institutions"]["nouns"])
NOT_COORDINATED = frozenset(_DATA["coordination"]["not_units"])
COORDINATION_ENDINGS = tuple(_DATA["coordination"]["endings"])
TITLE_UNITS: dict[str, str] = _DATA["title_units"]
STANDALONE: dict[str, str] = _DATA["standalone"]
NAME_AFTER_ADJECTIVE = frozenset(_DATA["names"]["after_adjective"])
QUOTED_ONLY = frozenset(_DATA["names"]["quoted_only"])
NAMING_WORDS = tuple(_DATA["names"]["naming_words"])
OWN_ADJECTIVE = re.compile(_DATA["names"]["own_adjectives"])
OTHER_BODY_BEFORE = re.compile(_DATA["other_bodies"]["before"])
OTHER_BODY_AFTER = re.compile(_DATA["other_bodies"]["after"])
NOT_COMPOUNDS = frozenset(_DATA["exclude"]["not_compounds"])
STATE_ONLY = tuple(_DATA["exclude"]["state_only"])
NUMBERED_ONLY = frozenset(_DATA["numbered_only"])
SEAT_HEADS = frozenset(_DATA["seat_heads"])
NAME_ADJECTIVES: dict[str, str] = _DATA["name_adjectives"]
OWNER = re.compile(_DATA["exclude"]["owner"])
WHOLE_AUTHORITY_HEADS = tuple(_DATA["exclude"]["whole_authority_heads"])
AUTHORITY_STEMS = frozenset(_DATA["exclude"]["authority_stems"])
HELD_OFFICE_STEMS = frozenset(_DATA["exclude"]["held_office_stems"])
# heads of state bodies: units only in a text about a ministry or a state government
STATE_HEADS = {
    "Landesamt": "Amt",
    "Ministerium": "OtherUnit",
    "Landesbehörde": "OtherUnit",
    "Landesoberbehörde": "OtherUnit",
    "Staatsministerium": "OtherUnit",
    "Senatsverwaltung": "OtherUnit",
    "Regierungspräsidium": "OtherUnit",
    "Landesdirektion": "OtherUnit",
    "Bezirksregierung": "OtherUnit",
}
GOVERNMENT_OFFICES = frozenset(_DATA["exclude"]["government_offices"])
OWNED_HEADS = frozenset(_DATA["exclude"]["owned_heads"])
PAIR_OWNER_HEADS = frozenset(_DATA["exclude"]["pair_owner_heads"])
PAIR_OWNER = re.compile(_DATA["exclude"]["pair_owner"])
OWNER_ONLY = frozenset(_DATA["exclude"]["owner_only"])
CHIEF_OWNED_HEADS = frozenset(_DATA["exclude"]["chief_owned_heads"])
CHIEF_OWNER = re.compile(_DATA["exclude"]["chief_owner"])
LIST_END = frozenset({".", ";", ":", "(", ")", "!", "?"})

TOKEN = re.compile(r"\w+(?:[-–/]\w+)*-?|[^\w\s]")
ARTICLES = frozenset("der die das des dem den ein eine einer eines einem einen".split())
QUOTES = frozenset("\"„“”»«'‚‘’")
ROMAN = re.compile(r"^(?:[IVX]{1,5}|\d{1,3}[a-z]?|\d{1,2}\.\d{1,2})$")


def is_cap(word: str) -> bool:
    return bool(word) and (word[0].isupper() or (word[0].islower() and any(c.isupper() for c in word[1:3])))


@cache
def nominative(word: str) -> str:
    """A head or compound in the nominative: ``Amtes`` → ``Amt``, ``Hauptamts`` → ``Hauptamt``."""
    if word in HEADS or word in STATE_HEADS or compound_type(word, inflected=False):
        return word
    lower = word.lower()
    for ending, replacement in ENDINGS:
        if lower.endswith(ending):
            candidate = word[: len(word) - len(ending)] + replacement
            candidate = candidate[:1].upper() + candidate[1:]
            if candidate in HEADS or candidate in STATE_HEADS or compound_type(candidate, inflected=False):
                return candidate
    return word


@cache
def lemma(word: str) -> str:
    """A genitive singular to the nominative by its ending (``Stadtarchivs`` → ``Stadtarchiv``,
    ``Stadtmuseums`` → ``Stadtmuseum``), when the shorter form ends in a known institution or
    coordination noun; otherwise the word itself. (simplemma did the same with a 1-1.5 s load.)"""
    known = INSTITUTION_NOUNS + COORDINATION_ENDINGS
    for cut in (2, 1):
        if len(word) > cut + 3 and word.endswith("es"[2 - cut :]) and word[:-cut].lower().endswith(known):
            return word[:-cut]
    return word


@cache
def compound_type(word: str, inflected: bool = True) -> str | None:
    if word.isupper() and len(word) > 4 and "-" not in word:
        word = word[0] + word[1:].lower()  # a heading in capitals: "LANDRATSAMT" is "Landratsamt"
    if inflected:
        word = nominative(word)
    if word in STANDALONE:
        return STANDALONE[word]
    if word in EXCLUDE or word.startswith(EXCLUDE_PREFIXES) or not word[:1].isupper():
        return None
    if "-" in word and _joined(word) in EXCLUDE:
        return None  # "Bürgermeister-Amt" is "Bürgermeisteramt", an office of a person
    if (
        word in NOT_COMPOUNDS
        or "/" in word
        or "Beamt" in word
        or word.lower().endswith(("gesamt", "insgesamt"))
    ):
        return None
    lower = word.lower()
    for suffix, unit_type in COMPOUND_TYPES.items():
        if lower.endswith(suffix) and len(word) - len(suffix) >= 2:
            stem = word[: len(word) - len(suffix)]
            if suffix == "stelle" and stem.lower().rstrip("-").endswith(POSITION_STEMS):
                return None  # "Referentenstelle", "Dezernenten-Stelle": a post, not an office
            if suffix == "amt" and stem in HELD_OFFICE_STEMS:
                return None  # "Nebenamt", "Richteramt": an office a person holds, not an agency
            if suffix == "kanzlei" and stem.lower().endswith(FIRM_STEMS):
                return None  # "Anwaltskanzlei", "Steuerberaterkanzlei": a firm, not an office
            if suffix in WHOLE_AUTHORITY_HEADS and stem.rstrip("-") in AUTHORITY_STEMS:
                return None  # "Gemeindeverwaltung", "Kantonsbehörde": the authority itself
            if stem.endswith("-") or len(stem) >= 3:
                return unit_type
    return None


def _joined(word: str) -> str:
    """A hyphenated compound written as one word: ``Bürgermeister-Amt`` → ``Bürgermeisteramt``."""
    first, *rest = word.split("-")
    return first + "".join(part.lower() for part in rest)


# a "-stelle" after a person noun or a unit's genitive is a post: "Sachbearbeiterstelle", "Beamtenstelle";
# so is one after a share of working time or a kind of worker: "Halbtagsstelle", "Muster-Teilzeitstelle",
# "Fachkraftstelle"
# a "-kanzlei" after a liberal profession is a firm: "Rechtsanwaltskanzlei", "Notariatskanzlei"
FIRM_STEMS = ("anwalts", "notariats", "notar", "berater", "beraters", "prüfer", "prüfers")
POSITION_STEMS = (
    *("en", "ats", "arbeiter", "leiter", "helfer", "planer", "prüfer", "pfleger"),
    *("zeit", "tags", "kraft", "leitungs", "assistenz", "vertreter", "vertretungs", "plan", "führer"),
)
PLURAL_COMPOUNDS: dict[str, list[str]] = _DATA["plural_compounds"]


def is_post(word: str) -> bool:
    """A ``-stelle`` compound that names a post in the staffing plan, not an office: ``Amtsleiterstelle``,
    ``Verwaltungs-Teilzeitstelle``, ``Planstellen`` (``Stabsstelle``, ``Servicestelle`` are offices)."""
    lower = word.lower()
    cut = lower.rfind("stelle")
    if cut < 2 or lower[cut:] not in ("stelle", "stellen"):
        return False
    return lower[:cut].rstrip("-").endswith(POSITION_STEMS)


@cache
def plural_compound(word: str) -> tuple[str, str] | None:
    """``Straßenbauämtern`` → (``Straßenbauämter``, ``Amt``): a plural compound in the nominative plural
    and its unit type, when its singular is a unit compound (``Fachämter``, ``Landesbehörden`` are not)."""
    lower = word.lower()
    for ending, (singular, plural) in PLURAL_COMPOUNDS.items():
        if lower.endswith(ending) and len(word) > len(ending) + 2:
            stem = word[: len(word) - len(ending)]
            if stem + singular in HEADS:  # "Fachabteilungen", "Verwaltungsbehörden": kinds of unit
                return None
            unit_type = compound_type(stem + singular, inflected=False)
            return (stem + plural, unit_type) if unit_type else None
    return None


@cache
def head_type(word: str) -> str | None:
    """The unit type of a plain head (``Amt``, ``Amtes``, ``Stabsstelle``), else None."""
    return HEADS.get(nominative(word)) if nominative(word) in HEADS else None


@cache
def institution(word: str) -> str | None:
    base = lemma(word) if word.endswith("s") else word
    for prefix in INSTITUTION_PREFIXES:
        if base.startswith(prefix) and base[len(prefix) :].lower() in INSTITUTION_NOUNS:
            return base
    return None


def title_unit_type(title: str) -> str | None:
    """The unit type a person's title names: ``Amtsleiterin`` → ``Amt``; None for ``Leiter``."""
    for prefix, unit_type in TITLE_UNITS.items():
        if title.startswith(prefix):
            return unit_type
    return None


def unit_word(word: str) -> bool:
    """True for a word that names or heads a unit by itself (a standalone name like ``Bürgerservice``
    may also be part of a longer name: ``Musterstelle Bürgerservice``)."""
    if nominative(word) in STANDALONE and not head_type(word):
        return False
    return bool(head_type(word) or compound_type(word) or institution(word))


def name_word(w: str) -> bool:
    if w in STOP or w.lower() in ARTICLES:
        return False
    return is_cap(w) or bool(ROMAN.match(w))
