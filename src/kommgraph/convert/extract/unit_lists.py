"""Lists of units: plural heads with a list (``die Abteilungen Bau, Planung und Vermessung`` → one unit
per item), owners of a plural head, units in the brackets of a list, elided heads (``zwei neue für X und
Y``) and enumerations of tasks that hold a unit's name."""

from __future__ import annotations

import re

from kommgraph.convert.extract import unit_lexicon as lex
from kommgraph.convert.extract.unit_lexicon import (
    _DATA,
    ARTICLES,
    COMPOUND_TYPES,
    HEADS,
    LIST_END,
    OWNER,
    QUOTES,
    ROMAN,
    STOP,
    head_type,
    is_cap,
    nominative,
    unit_word,
)
from kommgraph.convert.extract.unit_phrases import Mention, Scanner, Token, clean

AREAS_BEFORE = re.compile(_DATA["functions"]["areas_before"], re.IGNORECASE)  # "In den Bereichen ..." too


def _areas(text: str, scan: Scanner, i: int) -> bool:
    """``für die Bereiche X und Y``, ``der Straßenverkehr und die Bereiche X und Y``, ``werden Frau X die
    Bereiche Y und Z zugeordnet``: areas of work, not units. ``Bereiche`` names units only as a subject or
    object of its own: right after a definite article (and its adjectives) that follows no coordination
    and no name. Quoted names after the head (``der Bereiche „A“ sowie „B“``) are proper names: units."""
    if scan.word(i + 1) in QUOTES:
        return False
    if re.fullmatch(r"[a-zäöü]+en", scan.word(i - 1)) and scan.word(i - 1) != "den":
        # "die bestehenden Bereiche", "die bereits bestehenden Bereiche": adjectives (and an adverb)
        # between article and head
        k = i - 1
        while k > i - 4 and re.fullmatch(r"[a-zäöü]+", scan.word(k)) and scan.word(k) not in ARTICLES:
            k -= 1
        i = k + 1 if scan.word(k).lower() in ("die", "den") else i
    if AREAS_BEFORE.search(text[max(0, scan.t[i].start - 20) : scan.t[i].start]):
        return True
    article, before = scan.word(i - 1), scan.word(i - 2)
    return article.lower() not in ("die", "den") or before in (",", "und", "sowie") or is_cap(before)


def plural_list(text: str, scan: Scanner, i: int, head: str) -> tuple[list[Mention], int]:
    """``die Abteilungen Bau, Planung und Vermessung`` → one unit per item; ``die Ämter für Beispielwesen
    und Musterkunde`` → ``Amt für Beispielwesen``, ``Amt für Musterkunde``; ``folgende Ämter: A; B; C`` →
    A, B, C. Items are split at commas and ``sowie``, and at ``und`` unless the list uses ``sowie``."""
    kind = HEADS.get(head) or COMPOUND_TYPES.get(head.lower()) or "OtherUnit"
    if head == "Bereich" and _areas(text, scan, i):
        return [], i
    if (
        head.endswith("bereich")
        and scan.word(i + 1) not in QUOTES  # quoted names are proper names, as after "Bereiche"
        and AREAS_BEFORE.search(text[max(0, scan.t[i].start - 20) : scan.t[i].start])
    ):
        return [], i  # "Stellen für die Geschäftsbereiche A und B": a compound on "-bereich" too
    j = i + 1
    if scan.word(j) == "(" and scan.word(j + 2) == ")" and scan.word(j + 1).isupper():
        j += 3  # "die Bezirkshauptmannschaften (BH) A und B": the head's abbreviation
    j = _after_naming_verb(scan, j)  # "die Fachbereiche heißen künftig A und B"
    j = _after_examples(scan, j)  # "Fachbereiche wie A, B oder C"
    if scan.word(j) == "(" and (close := _verb_before_colon(scan, j)):  # "drei Ämter (statt X) geben:"
        j = close
    if scan.word(j + 1) == ":" and scan.word(j).islower():  # "folgende Ämter geben: A; B"
        j += 1
    # a colon before quoted names: the quotes, not semicolons, mark the items ("geben: „A“, „B“ und „C“")
    colon = scan.word(j) == ":" and scan.word(j + 1) not in QUOTES
    opened_quote = False
    prefix = f"{head} für " if scan.word(j) == "für" else ("" if colon else f"{head} ")
    j += 1 if scan.word(j) in ("für", ":") else 0
    k = j
    while k < len(scan.t):
        w = scan.word(k)
        if colon and w == ";":
            k += 1
            continue
        if w in QUOTES and _quoted_item(scan, k, j):  # "die Bereiche „e-Muster“ und Probe"
            opened_quote = not opened_quote
            k += 1
            continue
        if opened_quote and w not in LIST_END and w not in QUOTES:  # „Stadt“: a name, whatever its word
            k += 1
            continue
        # "Fachbereiche 1 (X) und 2 (Y)", "die Bereiche A (mit B), C (D) und E": the bracket explains
        explains = k > j and (
            is_cap(scan.word(k - 1)) or ROMAN.match(scan.word(k - 1)) or scan.word(k - 1) in QUOTES
        )
        if (
            colon or explains
        ) and w == "(":  # "Bürgerdienste (mit Standesamt); Soziales": the bracket explains
            close = next((n for n in range(k, min(k + 40, len(scan.t))) if scan.word(n) == ")"), None)
            if close is not None:
                k = close + 1
                continue
        if w in LIST_END or w in STOP or w in QUOTES:
            break
        if w in (",", "und", "sowie", "oder") or w.endswith("-") or is_cap(w) or ROMAN.match(w):
            k += 1
            continue
        if w in ("für", "des", "der") and k > j and is_cap(scan.word(k + 1)):
            k += 1
            continue
        break
    while k > j and scan.word(k - 1) in ("und", "sowie", "oder", ",", ";"):
        k -= 1
    if k <= j:
        return [], i
    words = scan.t[j:k]
    closed_by_sowie = scan.word(k) == "sowie"  # "A und B, C und D sowie das Sachgebiet E"
    separators = (
        {";"}
        if colon
        else (
            {",", "sowie", "oder"}
            if closed_by_sowie or any(t.text == "sowie" for t in words)
            else ({",", "oder"} if _closed_by_oder(words) else {",", "und", "oder"})
        )
    )
    inner_und = not colon and "und" in separators and _und_inside_items(words)
    if inner_und:
        separators = {",", "oder"}
    items: list[list[Token]] = [[]]
    explained: dict[int, str] = {}  # item -> the text of its bracket
    depth, opened, in_quotes = 0, 0, False
    quoted_items: set[int] = set()  # items given in quotes: a name of their own
    for n, t in enumerate(words):
        depth += (t.text == "(") - (t.text == ")")
        if t.text == "(" and depth == 1:
            opened = t.end
        if t.text == ")" and depth == 0 and items[-1]:
            explained[id(items[-1])] = clean(text[opened : t.start])
        if t.text in QUOTES and not depth:
            in_quotes = not in_quotes
            quoted_items.add(id(items[-1]))
        if depth or t.text == ")" or t.text in QUOTES:
            continue
        between_quotes = 0 < n < len(words) - 1 and {words[n - 1].text, words[n + 1].text} <= QUOTES
        # "Ämter 10 (…), 32 (…) und 40 (…)": between numbered items "und" always separates
        numbered_und = (
            t.text == "und"
            and items[-1]
            and ROMAN.match(items[-1][0].text)
            and n + 1 < len(words)
            and ROMAN.match(words[n + 1].text)
        )
        # „A, B und C“ in quotes is one name
        if (t.text in separators or between_quotes or numbered_und) and not in_quotes:
            items.append([])
        else:
            items[-1].append(t)
    if inner_und:
        items = [*items[:-1], *_last_segment(items[-1], paired=all(_has_und(item) for item in items[:-1]))]
    if prefix.endswith(" für "):  # "die Ämter für Sport und für Kultur": the repeated "für" is the prefix's
        items = [item[1:] if item and item[0].text == "für" else item for item in items]
    items = [item for item in items if item and (is_cap(item[0].text) or ROMAN.match(item[0].text))]
    if len(items) < 2 and not prefix.startswith(head + " für"):
        return [], i
    found = []
    # unquoted items drop the plural head only when every item names a unit by itself: "die Sachgebiete
    # Musteramt und Probeamt"; "die Bereiche Druckerei oder Poststelle" keep it
    all_own = all(len(item) == 1 and _names_unit(item[0].text) for item in items)
    for item in items:
        if colon:
            item = item[:4]
        start, end = item[0].start, item[-1].end
        # „Musteramt“, „Musterzentrum X“ have a head of their own; „A und B“ is a pair of fields
        own_head = (
            (id(item) in quoted_items or all_own)
            and _names_unit(item[0].text)
            and not any(t.text in ITEM_SEPARATORS for t in item)
        )
        name = clean((prefix if not own_head else "") + text[start:end])
        numbered = ROMAN.match(item[0].text) and len(item) == 1 and id(item) in explained
        aliases = (explained[id(item)],) if numbered and not colon else ()
        found.append(Mention(start, end, nominative(name) if not prefix else name, kind, aliases=aliases))
    return found, k


# verbs that give names, in the plural ("die Fachbereiche heißen A und B"), and adverbs of time after them
NAMING_VERBS = frozenset("heißen lauten hießen".split())
NAMING_ADVERBS = frozenset("künftig nun jetzt fortan dann ab sofort neu".split())


def _after_naming_verb(scan: Scanner, j: int) -> int:
    """``die Fachbereiche heißen (künftig) A und B``: the names follow the verb, as after the head."""
    if scan.word(j) not in NAMING_VERBS:
        return j
    k = j + 1
    while scan.word(k) in NAMING_ADVERBS:
        k += 1
    return k if is_cap(scan.word(k)) or scan.word(k) in QUOTES else j


def _after_examples(scan: Scanner, j: int) -> int:
    """``Fachbereiche wie (etwa) A, B oder C``: names given as examples, without an article of their
    own (``Ämter wie das Bauamt`` name themselves)."""
    if scan.word(j) != "wie":
        return j
    k = j + 2 if scan.word(j + 1) == "etwa" else j + 1
    return k if is_cap(scan.word(k)) and scan.word(k) not in STOP and not unit_word(scan.word(k)) else j


def _verb_before_colon(scan: Scanner, j: int) -> int | None:
    """``drei Fachbereiche (statt der Ämter) geben: „A“``: a short bracket between the head and a verb that
    announces the list with a colon; the index of the verb."""
    close = next((n for n in range(j + 1, min(j + 8, len(scan.t))) if scan.word(n) == ")"), None)
    if close is None or not scan.word(close + 1).islower() or scan.word(close + 2) != ":":
        return None
    return close + 1


def _closed_by_oder(words: list[Token]) -> bool:
    """``A, B und C oder D``: a list closes with one conjunction; when it is ``oder``, an ``und`` before it
    joins two words inside an item."""
    conjunctions = [t.text for t in words if t.text in ("und", "oder")]
    return bool(conjunctions) and conjunctions[-1] == "oder" and "und" in conjunctions


def _has_und(item: list[Token]) -> bool:
    return any(t.text == "und" for t in item)


def _und_inside_items(words: list[Token]) -> bool:
    """``die Bereiche A und B, C und D``: a German enumeration closes with one ``und`` before its last
    item; an ``und`` before the list's last comma joins two words inside one item."""
    depth, in_quotes, last_comma, first_und = 0, False, -1, None
    for n, t in enumerate(words):
        depth += (t.text == "(") - (t.text == ")")
        in_quotes ^= t.text in QUOTES
        if depth or in_quotes:
            continue
        if t.text == ",":
            last_comma = n
        elif t.text == "und" and first_und is None:
            first_und = n
    return first_und is not None and first_und < last_comma


def _last_segment(item: list[Token], paired: bool) -> list[list[Token]]:
    """The part after the last comma of a list whose earlier items hold ``und``: ``A und B`` stays one
    item when every earlier item is such a pair, else its ``und`` closes the list (``A``, ``B``); with
    three (``A und B und C und D``) the middle ``und`` closes it and each side is a pair."""
    unds = [n for n, t in enumerate(item) if t.text == "und"]
    if len(unds) == 1 and not paired:
        return [item[: unds[0]], item[unds[0] + 1 :]]
    if len(unds) == 3:
        return [item[: unds[1]], item[unds[1] + 1 :]]
    return [item]


def _names_unit(word: str) -> bool:
    return unit_word(word) or word in lex.STANDALONE


ITEM_SEPARATORS = frozenset({",", "und", "sowie"})


def _quoted_item(scan: Scanner, k: int, j: int) -> bool:
    """A quote that opens an item (after the head or a separator) or closes one (before a separator,
    a bracket or the end of the list)."""
    before, after = scan.word(k - 1), scan.word(k + 1)
    opens = (k == j or before in ITEM_SEPARATORS) and is_cap(after)
    closes = (
        k > j and before not in ITEM_SEPARATORS and (after in ITEM_SEPARATORS or after in ("(", *LIST_END))
    )
    return opens or closes


OWNER_JOIN = re.compile(r"\s*(?:,|und|sowie)\s+")


def owned_plural(text: str, tok: Token, head: str) -> list[Mention]:
    """``die beiden Stabsstellen der Musterbeauftragten und des Beispielbeauftragten`` →
    ``Stabsstelle der Musterbeauftragten``, ``Stabsstelle des Beispielbeauftragten``."""
    found: list[Mention] = []
    at, gap = tok.end, re.compile(r"\s+")
    while True:
        space = (gap if not found else OWNER_JOIN).match(text, at)
        owner = OWNER.match(text[space.end() :]) if space else None
        if not owner:
            return found
        start, at = space.end() if found else tok.start, space.end() + owner.end()
        found.append(Mention(start, at, f"{head} {owner.group()}", HEADS.get(head, "OtherUnit")))


def bracketed(scan: Scanner, start: int, end: int) -> list[Mention]:
    """Units inside the brackets of a list: ``folgende Ämter: Bürgerdienste (mit Bürgeramt und
    Standesamt); Soziales (mit Betreuungsbehörden)``."""
    found, depth = [], 0
    for k in range(start, end):
        w = scan.word(k)
        depth += (w == "(") - (w == ")")
        if not depth or w == "(":
            continue
        plural = lex.plural_compound(w)
        name, unit_type = plural or (nominative(w), lex.compound_type(w))
        if not unit_type and (institution := _institution_noun(w)):
            name, unit_type = institution, "OtherUnit"
        if unit_type:
            found.append(Mention(scan.t[k].start, scan.t[k].end, name, unit_type, 0.7))
    return found


def _institution_noun(word: str) -> str | None:
    """``Volkshochschulen``, ``Musterbibliothek``: an institution noun, in the singular. Only inside the
    brackets of a list of units, where what is listed belongs to a unit."""
    lower = word.lower()
    for noun in lex.INSTITUTION_NOUNS:
        for plural in ("", "en", "n", "e"):
            if lower.endswith(noun + plural) and word[:1].isupper():
                return word[: len(word) - len(plural)] if plural else word
    return None


def task_item(scan: Scanner, first: int) -> bool:
    """``für Ordnungswesen, Muster, Melde- und Probeamt, Beispielwesen zuständig``: in an enumeration
    without articles whose item before is a field of work (no unit), a unit's name names a task too."""
    before = scan.word(first - 2)
    return (
        is_cap(before)
        and not unit_word(before)
        and not lex.compound_type(before)
        and before not in STOP
        and scan.word(first - 3) in (",", "und", "sowie", "oder", "für")
    )


DEMONSTRATIVE = re.compile(r"jene|diejenige|derjenige|dasjenige")
ELIDED = re.compile(
    r"\b(?:(?:zwei|drei|vier|fünf)\s+(?:(?:neue|eigene|weitere)[nrs]?\s+)?|eine?[nrs]?\s+(?:neue|eigene|weitere)[nrs]?\s+"
    r"|(?:jene[nrs]?|diejenigen?|derjenigen?|dasjenige)\s+)"  # "in jene für X": a demonstrative for the head
    r"für\s+(?=[A-ZÄÖÜ])"
)


def elided_heads(text: str, scan: Scanner, mentions: list[Mention]) -> list[Mention]:
    """``Die Stabsstelle B wird aufgelöst, dafür kommen zwei neue für Digitalisierung und Bürokratieabbau
    hinzu``: a numeral or adjective with ``für`` and no noun repeats the head named before."""
    found: list[Mention] = []
    for elided in ELIDED.finditer(text):
        before = [m for m in mentions if m.end <= elided.start() and head_type(text[m.start :].split()[0])]
        j = next((k for k, t in enumerate(scan.t) if t.start >= elided.end()), None)
        if (
            not before
            or j is None
            or any(m.start >= elided.start() and m.start < elided.end() for m in mentions)
        ):
            continue
        head = nominative(text[before[-1].start :].split()[0])
        end = scan.phrase(j, allow_lists=True)
        items: list[list[Token]] = [[]]
        one = DEMONSTRATIVE.match(elided.group())  # "jene für A und B": one unit, its name a list
        for t in scan.t[j:end]:
            if t.text in (",", "und", "sowie") and not one:
                items.append([])
            else:
                items[-1].append(t)
        for item in items:
            if item and is_cap(item[0].text) and not unit_word(item[0].text):
                name = f"{head} für {text[item[0].start : item[-1].end]}"
                found.append(Mention(item[0].start, item[-1].end, name, head_type(head), 0.6))
    return found
