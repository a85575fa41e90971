"""Unit mentions in a sentence: names of German administrative units, in the nominative.

Three kinds of names are recognised (word lists in ``patterns/units.toml``):

* a plain head with a name after it: ``Stabsstelle Digitalisierung``, ``Amt für Schule und Sport``,
  ``Referat 12``, ``AG Digitalisierung``;
* a compound ending in a head, a name of its own: ``Hauptamt``, ``IT-Abteilung``, ``Personalreferat``,
  also as a list name: ``Ordnungsamt, Gewerbe, Verkehr``;
* institutions of the authority (``Stadtarchiv``) and single nouns coordinated with a recognised unit
  (``mit der Stadtplanung und dem Bauamt``).

A plain head without a name (``die Stabsstelle``, ``des neuen Amtes``) is a *bare* mention: it refers
back to a unit named before and creates none.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from kommgraph.convert.extract import mention_filters
from kommgraph.convert.extract.patterns import load

_DATA = load("units")
HEADS: dict[str, str] = _DATA["heads"]
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
OTHER_BODY_BEFORE = re.compile(_DATA["other_bodies"]["before"])
OTHER_BODY_AFTER = re.compile(_DATA["other_bodies"]["after"])
NOT_COMPOUNDS = frozenset(_DATA["exclude"]["not_compounds"])
STATE_ONLY = tuple(_DATA["exclude"]["state_only"])
PLURALS: dict[str, str] = _DATA["plurals"]
NUMBERED_ONLY = frozenset(_DATA["numbered_only"])
OWNER = re.compile(_DATA["exclude"]["owner"])
# heads of state bodies: units only in a text about a ministry or a state government
STATE_HEADS = {
    "Landesamt": "Amt",
    "Ministerium": "OtherUnit",
    "Landesbehörde": "OtherUnit",
    "Landesoberbehörde": "OtherUnit",
    "Staatskanzlei": "OtherUnit",
}
OWNED_HEADS = frozenset(_DATA["exclude"]["owned_heads"])
LIST_END = frozenset({".", ";", ":", "(", ")", "!", "?"})

TOKEN = re.compile(r"\w+(?:[-–/]\w+)*-?|[^\w\s]")
ARTICLES = frozenset("der die das des dem den ein eine einer eines einem einen".split())
QUOTES = frozenset("\"„“”»«'‚‘’")
ROMAN = re.compile(r"^(?:[IVX]{1,5}|\d{1,3}[a-z]?|\d{1,2}\.\d{1,2})$")


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


def tokenize(text: str) -> list[Token]:
    return [Token(m.group(), m.start(), m.end()) for m in TOKEN.finditer(text)]


def _is_cap(word: str) -> bool:
    return bool(word) and (word[0].isupper() or (word[0].islower() and any(c.isupper() for c in word[1:3])))


@cache
def nominative(word: str) -> str:
    """A head or compound in the nominative: ``Amtes`` → ``Amt``, ``Hauptamts`` → ``Hauptamt``."""
    if word in HEADS or _compound_type(word, inflected=False):
        return word
    lower = word.lower()
    for ending, replacement in ENDINGS:
        if lower.endswith(ending):
            candidate = word[: len(word) - len(ending)] + replacement
            candidate = candidate[:1].upper() + candidate[1:]
            if candidate in HEADS or _compound_type(candidate, inflected=False):
                return candidate
    return word


@cache
def _lemma(word: str) -> str:
    """A genitive singular to the nominative by its ending (``Stadtarchivs`` → ``Stadtarchiv``,
    ``Stadtmuseums`` → ``Stadtmuseum``), when the shorter form ends in a known institution or
    coordination noun; otherwise the word itself. (simplemma did the same with a 1-1.5 s load.)"""
    known = INSTITUTION_NOUNS + COORDINATION_ENDINGS
    for cut in (2, 1):
        if len(word) > cut + 3 and word.endswith("es"[2 - cut :]) and word[:-cut].lower().endswith(known):
            return word[:-cut]
    return word


@cache
def _compound_type(word: str, inflected: bool = True) -> str | None:
    if inflected:
        word = nominative(word)
    if word in STANDALONE:
        return STANDALONE[word]
    if word in EXCLUDE or word.startswith(EXCLUDE_PREFIXES) or not word[:1].isupper():
        return None
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
            if stem.endswith("-") or len(stem) >= 3:
                return unit_type
    return None


@cache
def head_type(word: str) -> str | None:
    """The unit type of a plain head (``Amt``, ``Amtes``, ``Stabsstelle``), else None."""
    return HEADS.get(nominative(word)) if nominative(word) in HEADS else None


@cache
def _institution(word: str) -> str | None:
    base = _lemma(word) if word.endswith("s") else word
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


def _unit_word(word: str) -> bool:
    """True for a word that names or heads a unit by itself (a standalone name like ``Bürgerservice``
    may also be part of a longer name: ``Stabsstelle Bürgerservice``)."""
    if nominative(word) in STANDALONE and not head_type(word):
        return False
    return bool(head_type(word) or _compound_type(word) or _institution(word))


def _name_word(tok: Token) -> bool:
    w = tok.text
    if w in STOP or w.lower() in ARTICLES:
        return False
    return _is_cap(w) or bool(ROMAN.match(w))


class _Scanner:
    def __init__(self, tokens: list[Token]):
        self.t = tokens

    def word(self, j: int) -> str:
        return self.t[j].text if 0 <= j < len(self.t) else ""

    def phrase(self, j: int, allow_lists: bool) -> int:
        """End index (exclusive) of a name phrase starting at token j; j when there is none."""
        k = j
        while k < len(self.t):
            w = self.word(k)
            nxt = self.word(k + 1)
            if w in QUOTES and k > j:
                break
            if _name_word(self.t[k]) and not _unit_word(w) or (k == j and _name_word(self.t[k])):
                k += 1
            elif w.endswith("-") and nxt in ("und", "oder", "bzw"):
                k += 2
            elif (
                re.fullmatch(r"[a-zäöü]+(?:e|en|er|es)", w)
                and w not in ARTICLES
                and _is_cap(nxt)
                and nxt not in STOP
                and self.word(k - 1) in ("für", "und", ",")
            ):
                k += 1
            elif w in ("und", "sowie", "&") and k > j and self._continues(k + 1):
                k += 1
            elif w == "," and allow_lists and k > j and self._closed_list(k + 1):
                k += 1
            elif w in NAME_AFTER_ADJECTIVE and k > j and re.fullmatch(r"[A-ZÄÖÜ]\w+en?", self.word(k - 1)):
                k += 1  # "Digitale Stadt", "Moderne Verwaltung"
            else:
                break
        while k > j and self.word(k - 1) in ("und", "sowie", "&", ",", "oder"):
            k -= 1
        return k

    def _continues(self, j: int) -> bool:
        w = self.word(j)
        return bool(w) and _name_word(self.t[j]) and not _unit_word(w)

    def _closed_list(self, j: int) -> bool:
        """True when ``X, Y und Z`` follows: single name words closed by ``und``/``sowie``."""
        k = j
        while k < len(self.t):
            if not self._list_word(k):
                return False
            sep = self.word(k + 1)
            if sep in ("und", "sowie"):
                return self._list_word(k + 2)
            if sep != ",":
                return False
            k += 2
        return False

    def _list_word(self, k: int) -> bool:
        w = self.word(k)
        return bool(w) and _name_word(self.t[k]) and not _unit_word(w) and _is_cap(w)

    def _list_item(self, j: int) -> bool:
        w = self.word(j)
        if not w or not _name_word(self.t[j]) or _unit_word(w) or not w[0].isupper() or w.endswith("-"):
            return False
        after = self.word(j + 1)
        return after in (",", "und", "sowie") or not _is_cap(after)


def find_mentions(text: str, other_bodies: bool = True, functions: set[str] | None = None) -> list[Mention]:
    """Unit mentions in one folded sentence, in order, not overlapping.

    With ``other_bodies``, units placed in a ministry, a federal or state office, an association
    and the like (``im Ministerium für ... eine Abteilung X``) are left out: they are no units of
    the document's authority.
    """
    tokens = tokenize(text)
    scan = _Scanner(tokens)
    mentions: list[Mention] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        w = tok.text
        if w in PLURALS:
            found, end = _plural_list(text, scan, i, PLURALS[w])
            if found:
                mentions += found
                i = end
                continue
        kind = head_type(w) or (STATE_HEADS.get(w) if not other_bodies else None)
        if w in NUMBERED_ONLY and not ROMAN.match(scan.word(i + 1)):
            kind = None
        if kind and not (w == "AG" and i > 0 and _is_cap(scan.word(i - 1)) and scan.word(i - 1) not in STOP):
            j = i + 1
            if scan.word(j) in QUOTES:
                j += 1
            owner = OWNER.match(text[tok.end :].lstrip()) if nominative(w) in OWNED_HEADS else None
            if owner and scan.word(j) in ("des", "der"):
                end_offset = tok.end + (len(text[tok.end :]) - len(text[tok.end :].lstrip())) + owner.end()
                name = _clean(f"{nominative(w) if w in HEADS or head_type(w) else w} {owner.group()}")
                mentions.append(Mention(tok.start, end_offset, name, kind))
                while i < len(tokens) and tokens[i].start < end_offset:
                    i += 1
                continue
            if scan.word(j) == "für":
                end = scan.phrase(j + 1, allow_lists=True)
                if end > j + 1:
                    mentions.append(_mention(text, tokens, i, end, nominative(w) + " für"))
                    i = end
                    continue
            elif j < len(tokens) and _name_word(tokens[j]) and not _unit_word(scan.word(j)):
                end = scan.phrase(j, allow_lists=True)
                end = end if "," in (t.text for t in tokens[j:end]) else min(end, j + 4)
                end = _numbered_name(scan, end)
                designation = scan.word(j)
                if (
                    end == j + 1
                    and scan.word(end) == "für"
                    and (ROMAN.match(designation) or len(designation) == 1)
                ):
                    after = scan.phrase(end + 1, allow_lists=True)  # "Stabsstelle B für Planung und Bau"
                    end = after if after > end + 1 else end
                if end > j:
                    mentions.append(_mention(text, tokens, i, end, nominative(w)))
                    i = end
                    continue
            if w not in PLAIN_ONLY and nominative(w) not in PLAIN_ONLY:
                mentions.append(Mention(tok.start, tok.end, None, kind))
            i += 1
            continue
        compound = _compound_type(w)
        if compound and other_bodies and nominative(w).lower().endswith(STATE_ONLY):
            compound = None
        if compound:
            first = _coordinated_start(scan, i)  # "Bürger- und Ordnungsamt"
            if first < i and not (mentions and mentions[-1].end > tokens[first].start):
                tok = Token(text[tokens[first].start : tok.end], tokens[first].start, tok.end)
                w = tok.text
            end = i + 1
            if scan.word(end) == "," and scan._list_item(end + 1):
                end = _list_end(scan, end)
            w = w[: len(w) - len(tokens[i].text)] + nominative(tokens[i].text)
            name = w + text[tokens[i].end : tokens[end - 1].end] if end > i + 1 else w
            mentions.append(Mention(tok.start, tokens[end - 1].end, _clean(name), compound))
            i = end
            continue
        institution = _institution(w)
        if institution:
            mentions.append(Mention(tok.start, tok.end, institution, "OtherUnit", 0.7))
        i += 1
    mentions = mention_filters.drop_functions(text, mentions, functions)
    mentions = [mention_filters.whole_quoted_name(text, m) for m in mentions]
    mentions = [m for m in mentions if not (m.name and m.name.endswith("-"))]  # "Bereich Stadt-, ..."
    return _drop_aliases_and_others(text, _coordinated(text, tokens, mentions), other_bodies)


AREAS_BEFORE = re.compile(_DATA["functions"]["areas_before"])


def _plural_list(text: str, scan: _Scanner, i: int, head: str) -> tuple[list[Mention], int]:
    """``die Abteilungen Bau, Planung und Vermessung`` → one unit per item; ``die Ämter für Umwelt und
    Verkehr`` → ``Amt für Umwelt``, ``Amt für Verkehr``; ``folgende Ämter: A; B; C`` → A, B, C. Items are
    split at commas and ``sowie``, and at ``und`` unless the list uses ``sowie``."""
    kind = HEADS.get(head) or COMPOUND_TYPES.get(head.lower()) or "OtherUnit"
    if head == "Bereich" and AREAS_BEFORE.search(text[max(0, scan.t[i].start - 20) : scan.t[i].start]):
        return [], i  # "für die Bereiche X und Y": areas of work
    j = i + 1
    if scan.word(j + 1) == ":" and scan.word(j).islower():  # "folgende Ämter geben: A; B"
        j += 1
    colon = scan.word(j) == ":"
    prefix = f"{head} für " if scan.word(j) == "für" else ("" if colon else f"{head} ")
    j += 1 if scan.word(j) in ("für", ":") else 0
    k = j
    while k < len(scan.t):
        w = scan.word(k)
        if colon and w == ";":
            k += 1
            continue
        if colon and w == "(":  # "Bürgerdienste (mit Standesamt); Soziales": the bracket explains
            close = next((n for n in range(k, min(k + 40, len(scan.t))) if scan.word(n) == ")"), None)
            if close is not None:
                k = close + 1
                continue
        if w in LIST_END or w in STOP or w in QUOTES:
            break
        if w in (",", "und", "sowie") or w.endswith("-") or _is_cap(w) or ROMAN.match(w):
            k += 1
            continue
        if w in ("für", "des", "der") and k > j and _is_cap(scan.word(k + 1)):
            k += 1
            continue
        break
    while k > j and scan.word(k - 1) in ("und", "sowie", ",", ";"):
        k -= 1
    if k <= j:
        return [], i
    words = scan.t[j:k]
    separators = (
        {";"} if colon else ({",", "sowie"} if any(t.text == "sowie" for t in words) else {",", "und"})
    )
    items: list[list[Token]] = [[]]
    depth = 0
    for t in words:
        depth += (t.text == "(") - (t.text == ")")
        if depth or t.text == ")":
            continue
        if t.text in separators:
            items.append([])
        else:
            items[-1].append(t)
    if prefix.endswith(" für "):  # "die Ämter für Sport und für Kultur": the repeated "für" is the prefix's
        items = [item[1:] if item and item[0].text == "für" else item for item in items]
    items = [item for item in items if item and _is_cap(item[0].text)]
    if len(items) < 2 and not prefix.startswith(head + " für"):
        return [], i
    found = []
    for item in items:
        if colon:
            item = item[:4]
        start, end = item[0].start, item[-1].end
        name = _clean(prefix + text[start:end])
        found.append(Mention(start, end, nominative(name) if not prefix else name, kind))
    return found, k


def _numbered_name(scan: _Scanner, end: int) -> int:
    """``Fachdienst 23 – Kreisentwicklung``: a number, a dash and a name make one name."""
    if ROMAN.match(scan.word(end - 1)) and scan.word(end) in ("–", "-") and _is_cap(scan.word(end + 1)):
        after = scan.phrase(end + 1, allow_lists=True)
        if after > end + 1:
            return after
    return end


def _coordinated_start(scan: _Scanner, i: int) -> int:
    """First token of ``Bürger- und Ordnungsamt`` / ``Haupt-, Personal- und Organisationsamt``."""
    k = i
    if scan.word(k - 1) in ("und", "oder", "sowie") and re.fullmatch(r"[A-ZÄÖÜ][\w-]*-", scan.word(k - 2)):
        k -= 2
        while scan.word(k - 1) == "," and re.fullmatch(r"[A-ZÄÖÜ][\w-]*-", scan.word(k - 2)):
            k -= 2
    return k


def _drop_aliases_and_others(text: str, mentions: list[Mention], other_bodies: bool) -> list[Mention]:
    """Without ``(Amt 10)`` after a unit's name, and without units of other bodies (ministries, ...)."""
    kept: list[Mention] = []
    for m in mentions:
        before = text[: m.start]
        if kept and before.endswith("(") and m.end < len(text) and text[m.end] == ")":
            if before[:-1].rstrip() == text[: kept[-1].end]:
                continue
        if other_bodies and (OTHER_BODY_BEFORE.search(before[-160:]) or OTHER_BODY_AFTER.match(text, m.end)):
            continue
        kept.append(m)
    return kept


def _list_end(scan: _Scanner, j: int) -> int:
    """End of a list name after a compound: ``Ordnungsamt, Gewerbe, Verkehr`` (single words only). A list
    closed by ``und`` (``Personalamt, Finanzen und Beteiligungsmanagement``) enumerates separate things:
    then the compound stands alone."""
    k = j
    while scan.word(k) in (",", "und") and scan._list_item(k + 1):
        if scan.word(k) == "und":
            return j
        k += 2
    return k


def _mention(text: str, tokens: list[Token], i: int, end: int, head: str) -> Mention:
    tail_start = tokens[i + 2].start if head.endswith(" für") else tokens[i + 1].start
    if tokens[i + 1].text in QUOTES:
        tail_start = tokens[i + 2 + (1 if head.endswith(" für") else 0)].start
    name = head + " " + text[tail_start : tokens[end - 1].end]
    return Mention(
        tokens[i].start, tokens[end - 1].end, _clean(name), head_type(tokens[i].text) or "OtherUnit"
    )


def _clean(name: str) -> str:
    name = re.sub(r"[\"„“”»«]", "", name)
    return re.sub(r"\s+", " ", name).strip(" ,")


def _coordinated(text: str, tokens: list[Token], mentions: list[Mention]) -> list[Mention]:
    """Add single nouns coordinated with a named unit: ``der Stadtplanung und dem Bauamt``."""
    named = [m for m in mentions if m.name]
    if not named:
        return mentions
    extra: list[Mention] = []
    by_start = {m.start: m for m in mentions}
    covered = [(m.start, m.end) for m in mentions]
    for k, tok in enumerate(tokens):
        if k == 0 or tokens[k - 1].text not in ("der", "dem", "die", "den", "des", "das"):
            continue
        w = tok.text
        if (
            not w[:1].isupper()
            or w in NOT_COORDINATED
            or w in STOP
            or any(a <= tok.start < b for a, b in covered)
            or not w.lower().endswith(COORDINATION_ENDINGS)
        ):
            continue
        after = tokens[k + 1].text if k + 1 < len(tokens) else ""
        if after and _is_cap(after) and after not in STOP:
            continue
        before = tokens[k - 2].text if k >= 2 else ""
        nxt = tokens[k + 3].start if k + 3 < len(tokens) else -1
        linked = (after in ("und", "sowie") and nxt in by_start and by_start[nxt].name) or (
            before in ("und", "sowie")
            and k >= 3
            and any(m.end == tokens[k - 3].end and m.name for m in mentions)
        )
        if linked:
            extra.append(Mention(tok.start, tok.end, _lemma(w) if w.endswith("s") else w, "OtherUnit", 0.6))
    return sorted(mentions + extra, key=lambda m: m.start)
