"""Tokens and name phrases of unit mentions: how far the name after a head goes.

``Stabsstelle Beispielwesen und Smart City``, ``Ordnungsamt, Gewerbe, Verkehr``,
``Fachdienst 23 – Kreisentwicklung``, ``Forst- und Jagdamt``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kommgraph.convert.extract import unit_lexicon as lex
from kommgraph.convert.extract.firstnames import is_given_name
from kommgraph.convert.extract.unit_lexicon import (
    ARTICLES,
    NAME_AFTER_ADJECTIVE,
    QUOTES,
    ROMAN,
    STOP,
    is_cap,
    name_word,
    unit_word,
)

# a dotted section number ("Sachgebiet 17.3 Musterbau") is one token; a date ("1.1.2031") is not
TOKEN = re.compile(r"\d{1,2}\.\d{1,2}(?![\d.])|\w+(?:[-–/]\w+)*-?|[^\w\s]")


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Mention:
    start: int  # offsets in the folded sentence
    end: int
    name: str | None  # nominative name; None for a bare mention
    unit_type: str
    confidence: float = 0.9
    aliases: tuple[str, ...] = ()  # other names of the unit in the same mention: a quoted name, a short form


def tokenize(text: str) -> list[Token]:
    return [Token(m.group(), m.start(), m.end()) for m in TOKEN.finditer(text)]


# determiners and quantifiers inflected like adjectives: "und einige Bürger", "und weitere Ämter" end a name
QUANTIFIERS = tuple(
    "einig weiter ander viel all mehrer verschieden zahlreich sämtlich beid wenig manch jed dies jen welch"
    " solch übrig bisherig neu zwei drei".split()
)


INFLECTED_ADJECTIVE = re.compile(r"[a-zäöü]+(?:e|en|er|es)")


class Scanner:
    def __init__(self, tokens: list[Token]):
        self.t = tokens

    def word(self, j: int) -> str:
        return self.t[j].text if 0 <= j < len(self.t) else ""

    def phrase(self, j: int, allow_lists: bool, fields: bool = False) -> int:
        """End index (exclusive) of a name phrase starting at token j; j when there is none. ``fields``:
        the phrase is the complement of ``für``, a list of fields, where a compound on a unit ending after
        ``und`` without an article is one more field (``Amt für Musterbau und Probeverwaltung``)."""
        k = j
        while k < len(self.t):
            w = self.word(k)
            nxt = self.word(k + 1)
            if w in QUOTES and k > j:
                break
            if k > j and is_cap(nxt) and nxt not in STOP and is_given_name(w):  # "Referat X Ralf Meier"
                break
            if name_word(self.t[k].text) and not unit_word(w) or (k == j and name_word(self.t[k].text)):
                k += 1
            elif w.endswith("-") and nxt in ("und", "oder", "bzw"):
                k += 2
            elif (
                w in ("und", "sowie", "oder")
                and k > j
                and nxt == "-"
                and re.fullmatch(r"[a-zäöüß]+", self.word(k + 2))
                and self.t[k + 1].end == self.t[k + 2].start  # "-planung", not a dash "- wie"
            ):
                k += 3  # the second part of a compound after a hyphen: "Musterwirtschaft und -planung"
            elif (
                re.fullmatch(r"[a-zäöü]+(?:e|en|er|es)", w)
                and w not in ARTICLES
                and w not in NOT_ADJECTIVES
                and is_cap(nxt)
                and nxt not in STOP
                and self.word(k - 1) in ("für", "und", ",")
            ):
                k += 1
            elif (
                self.word(k - 1) == ","
                and nxt == "und"
                and self._item_adjective(k)
                and self._past_adjectives(k) > k
            ):
                k += 2  # "wirtschaftliche und ländliche Entwicklung" after a comma of the name's list
            elif w in ("und", "&") and k > j and "und" in self._words(j, k):
                break  # a name's list closes with one "und": "Amt für A und B und Teile des C"
            elif w in ("und", "sowie", "&") and k > j and self._continues(k + 1):
                k += 1
            elif w == "und" and fields and k > j and self._field_compound(k + 1):
                k += 2
            elif w == "," and allow_lists and k > j and self._closed_list(k + 1):
                k += 1
            elif w in NAME_AFTER_ADJECTIVE and k > j and re.fullmatch(r"[A-ZÄÖÜ]\w+en?", self.word(k - 1)):
                k += 1  # "Digitale Stadt", "Moderne Verwaltung"
            else:
                break
        while k > j and self.word(k - 1) in ("und", "sowie", "&", ",", "oder"):
            k -= 1
        return k

    def _field_compound(self, j: int) -> bool:
        """A compound on a unit ending (not a plain head) that closes the name: nothing capitalised and no
        ``für`` after it."""
        w, nxt = self.word(j), self.word(j + 1)
        return (
            is_cap(w)
            and w not in STOP
            and "-" not in w
            and bool(lex.compound_type(w))
            and not lex.head_type(w)
            and not is_cap(nxt)
            and nxt not in ("für", "des", "der")
        )

    def _words(self, j: int, k: int) -> list[str]:
        return [t.text for t in self.t[j:k]]

    def _continues(self, j: int) -> bool:
        w = self.word(j)
        if self._adjective_before_noun(j):  # "Amt für Beispiele und kulturelle Angelegenheiten"
            return True
        return bool(w) and name_word(self.t[j].text) and not unit_word(w)

    def _adjective_before_noun(self, j: int) -> bool:
        """An inflected adjective in lower case before a capitalised noun that may be part of a name."""
        w, nxt = self.word(j), self.word(j + 1)
        return (
            bool(re.fullmatch(r"[a-zäöü]+(?:e|en|er|es)", w))
            and w not in ARTICLES
            and not w.startswith(QUANTIFIERS)
            and is_cap(nxt)
            and nxt not in STOP
            and not unit_word(nxt)
        )

    def _closed_list(self, j: int) -> bool:
        """True when ``X, Y und Z`` follows: name words closed by ``und``/``sowie``. An item may have
        inflected adjectives before its noun (``öffentliche Sicherheit``), also coordinated ones
        (``wirtschaftliche und ländliche Entwicklung``)."""
        k = j
        while k < len(self.t):
            k = self._past_adjectives(k)
            if not self._list_word(k):
                return False
            sep = self.word(k + 1)
            if sep in ("und", "sowie"):
                return self._list_word(self._past_adjectives(k + 2))
            if self.word(j - 1) == "," and (sep in (".", ";", "") or self._clause_end(k + 1)):
                return True  # "das Departement A, B, C.": a list without "und" that ends the clause
            if sep != ",":
                return False
            k += 2
        return False

    def _clause_end(self, k: int) -> bool:
        """A finite verb that closes a clause: lower case, no article, adjective or conjunction, and a
        punctuation mark after it (``…, die zur Direktion A, B gehört.``)."""
        w = self.word(k)
        return (
            bool(re.fullmatch(r"[a-zäöüß]+", w))
            and w not in ARTICLES
            and w not in ("und", "sowie", "oder", "für", "von", "mit", "zu", "in")
            and not self._item_adjective(k)
            and self.word(k + 1) in (".", ",", ";")
        )

    def _past_adjectives(self, k: int) -> int:
        """The index after the inflected adjectives that start an item: ``öffentliche`` in ``öffentliche
        Sicherheit``, ``wirtschaftliche und ländliche`` in ``wirtschaftliche und ländliche Entwicklung``."""
        start = k
        while self._item_adjective(k):
            if self.word(k + 1) == "und" and self._item_adjective(k + 2):
                k += 2
            k += 1
        return k if k > start and self._list_word(k) else start

    def _item_adjective(self, k: int) -> bool:
        w = self.word(k)
        return bool(INFLECTED_ADJECTIVE.fullmatch(w)) and w not in ARTICLES and not w.startswith(QUANTIFIERS)

    def _list_word(self, k: int) -> bool:
        w = self.word(k)
        return bool(w) and name_word(self.t[k].text) and not unit_word(w) and is_cap(w)

    def _list_item(self, j: int) -> bool:
        w = self.word(j)
        if not w or not name_word(self.t[j].text) or unit_word(w) or not w[0].isupper() or w.endswith("-"):
            return False
        after = self.word(j + 1)
        return after in (",", "und", "sowie") or not is_cap(after)


# words that end like an inflected adjective but are prepositions, conjunctions or pronouns: "…, über Aufbau
# und Arbeitsweise" leaves the name
NOT_ADJECTIVES = frozenset(
    "über unter hinter wider aber oder neben gegen wegen seiner ihrer unserer dieser jeder jener".split()
)
ARTICLE_NAME_STOP = frozenset("der des in im zu zur zum zuständig verantwortlich".split())


def article_name(scan: Scanner, j: int) -> int | None:
    """``Amt für den Ländlichen Musterraum``, ``Stabsstelle für die kommunalen Musterbetriebe``: after ``für``
    (at ``j``) a definite article, inflected adjectives and one noun name the unit when the phrase ends
    there. Without an adjective the article marks a task (``für die Weiterentwicklung der X``), and a
    genitive, ``in`` or ``zuständig`` after the noun says the phrase goes on as one."""
    if scan.word(j) not in ("den", "die", "das", "dem"):
        return None
    k = j + 1
    while k < j + 3 and _name_adjective(scan.word(k), scan.word(k + 1)):
        k += 1
    noun = scan.word(k)
    if k == j + 1 or not noun[:1].isupper() or noun in STOP or unit_word(noun):
        return None
    if scan.word(k + 1) in ARTICLE_NAME_STOP or scan.word(k + 1).endswith("-"):
        return None
    return k + 1


def _name_adjective(word: str, after: str) -> bool:
    """An inflected adjective before a noun: lower case (``kommunalen``), or capitalised as part of a
    name (``Ländlichen Musterraum``) when a capitalised word follows."""
    if not re.fullmatch(r"[A-ZÄÖÜa-zäöü][a-zäöüß]+(?:en|e)", word):
        return False
    return word[0].islower() or after[:1].isupper()


def numbered_name(scan: Scanner, end: int) -> int:
    """``Fachdienst 23 – Kreisentwicklung``, ``Fachbereich 17: Muster``: a number, a dash (or colon) and a
    name make one name."""
    if ROMAN.match(scan.word(end - 1)) and scan.word(end) in ("–", "-", ":") and is_cap(scan.word(end + 1)):
        after = scan.phrase(end + 1, allow_lists=True)
        if after > end + 1:
            return after
    return end


def coordinated_start(scan: Scanner, i: int) -> int:
    """First token of ``Forst- und Jagdamt`` / ``Haupt-, Bau- und Beispielamt``."""
    k = i
    if scan.word(k - 1) == "/" and re.fullmatch(r"[A-ZÄÖÜ][\w-]*-", scan.word(k - 2)):
        return k - 2  # "Haupt-/Musterdezernat": a slash joins the first part as "und" does
    if scan.word(k - 1) in ("und", "oder", "sowie") and re.fullmatch(r"[A-ZÄÖÜ][\w-]*-", scan.word(k - 2)):
        k -= 2
        while scan.word(k - 1) == "," and re.fullmatch(r"[A-ZÄÖÜ][\w-]*-", scan.word(k - 2)):
            k -= 2
    return k


# a leader's title (``Amtsleiter``, ``Bauamtschefin``): a person, no field of a list name
LEADER_TITLE = re.compile(r"[A-ZÄÖÜ][a-zäöüß]*(?:leiter|leiterin|chef|chefin)")


def list_end(scan: Scanner, j: int) -> int:
    """End of a list name after a compound: ``Ordnungsamt, Gewerbe, Verkehr`` (single words only). A list
    closed by ``und`` (``Beispielamt, Muster und Probe``) enumerates separate things:
    then the compound stands alone."""
    k = j
    while scan.word(k) in (",", "und") and scan._list_item(k + 1):
        if scan.word(k) == "und":
            return j
        if LEADER_TITLE.fullmatch(scan.word(k + 1)):
            return j  # "das Musteramt, Amtsleiter ist X": a leader's title starts a new clause
        k += 2
    if k > j and scan.word(k) in ("und", "sowie") and unit_word(scan.word(k + 1)):
        return j  # "mit Musteramt, Kämmerei und Probeamt": an enumeration of bare units, closed by a unit
    if k > j and scan.word(k) in ("und", "sowie") and scan.word(k + 1).lower() in ARTICLES:
        return j  # "das Musteramt, Finanzen und das Marketing": an enumeration closed by an article
    if k > j and scan.word(k) == "oder":
        return j  # "wie Musterbüro, Probe oder Test": alternatives, no name of one unit
    return k


def clean(name: str) -> str:
    name = re.sub(r"[\"„“”»«]", "", name)
    return re.sub(r"\s+", " ", name).strip(" ,")


QUOTED_MAX = 14  # tokens inside a quoted name at most
QUOTED_STOP = frozenset({".", ";", "!", "?", ":"})
# words of a quoted statement, not of a name: "Wir sind stolz", "Das Amt ist neu"
SPEECH_WORDS = frozenset(
    "ist sind wird werden wurde hat haben war waren wir ich es sie er nicht auch noch".split()
)


def quoted_end(scan: Scanner, q: int) -> int | None:
    """Index of the closing quote of a quoted name opening at token q (``Amt „Digitalisierung und IT“``),
    or None: the quotation must close within a few tokens, in the same clause, and start like a name."""
    first = scan.word(q + 1)
    if scan.word(q) not in QUOTES or first in STOP or not is_cap(first) and not first[:1].isdigit():
        return None
    for k in range(q + 2, min(q + 2 + QUOTED_MAX, len(scan.t))):
        w = scan.word(k)
        if w in QUOTES:
            return k
        if w in QUOTED_STOP or w in SPEECH_WORDS:
            return None
    return None
