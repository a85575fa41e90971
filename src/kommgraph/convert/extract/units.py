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
from dataclasses import replace

from kommgraph.convert.extract import mention_filters
from kommgraph.convert.extract import unit_lexicon as lex
from kommgraph.convert.extract.unit_adjectives import ADJECTIVE_HEADS, adjective_start, nominative_adjectives
from kommgraph.convert.extract.unit_bullets import ListContext, announce, bullet_mentions
from kommgraph.convert.extract.unit_lexicon import (
    HEADS,
    LIST_END,
    NAMING_WORDS,
    NUMBERED_ONLY,
    OWNED_HEADS,
    OWNER,
    OWNER_ONLY,
    PLAIN_ONLY,
    PLURALS,
    QUOTED_ONLY,
    QUOTES,
    ROMAN,
    STATE_HEADS,
    STATE_ONLY,
    STOP,
    head_type,
    is_cap,
    name_word,
    nominative,
    title_unit_type,
    unit_word,
)
from kommgraph.convert.extract.unit_lists import plural_list
from kommgraph.convert.extract.unit_phrases import (
    Mention,
    Scanner,
    Token,
    clean,
    coordinated_start,
    list_end,
    numbered_name,
    quoted_end,
    tokenize,
)
from kommgraph.convert.extract.unit_titles import title_unit

__all__ = ["ListContext", "Mention", "find_mentions", "head_type", "nominative", "title_unit_type"]


def find_mentions(
    text: str,
    other_bodies: bool = True,
    functions: set[str] | None = None,
    context: ListContext | None = None,
) -> list[Mention]:
    """Unit mentions in one folded sentence, in order, not overlapping.

    With ``other_bodies``, units placed in a ministry, a federal or state office, an association
    and the like (``im Ministerium für ... eine Abteilung X``) are left out: they are no units of
    the document's authority. With ``context`` (one per document), bullet lines after a sentence that
    announces a list of units (``gibt es zwei neue Ämter:``) name those units.
    """
    tokens = tokenize(text)
    scan = Scanner(tokens)
    mentions: list[Mention] = []
    bullets = bullet_mentions(text, context) if context else []
    if context is not None and context.head is None:  # a bullet line keeps the list going
        announce(text, context)
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        w = tok.text
        if w in PLURALS and PLURALS[w] in OWNED_HEADS:
            owned = _owned_plural(text, tok, PLURALS[w])
            if owned:
                mentions += owned
                while i < len(tokens) and tokens[i].start < owned[-1].end:
                    i += 1
                continue
        if w in PLURALS:
            found, end = plural_list(text, scan, i, PLURALS[w])
            if found:
                mentions += found + _bracketed(scan, i, end)
                i = end
                continue
        if w in QUOTED_ONLY and (close := quoted_end(scan, i + 1)) is not None:
            inner = clean(text[tokens[i + 2].start : tokens[close - 1].end])
            mentions.append(Mention(tokens[i + 1].start, tokens[close].end, inner, "OtherUnit", 0.7))
            i = close + 1
            continue
        titled = title_unit(text, scan, i)
        if titled:
            mentions.append(titled)
            while i < len(tokens) and tokens[i].start < titled.end:
                i += 1
            continue
        kind = head_type(w) or (STATE_HEADS.get(w) if not other_bodies else None)
        if w in NUMBERED_ONLY and not ROMAN.match(scan.word(i + 1)):
            kind = None
        if kind and not (w == "AG" and i > 0 and is_cap(scan.word(i - 1)) and scan.word(i - 1) not in STOP):
            j = i + 1
            quoted = _quoted(text, scan, i, kind)
            if quoted:
                mentions.append(quoted)
                while i < len(tokens) and tokens[i].start < quoted.end:
                    i += 1
                continue
            called = _called(text, scan, i)
            if called:
                mentions.append(called)
                while i < len(tokens) and tokens[i].start < called.end:
                    i += 1
                continue
            if scan.word(j) in QUOTES:
                j += 1
            owner = OWNER.match(text[tok.end :].lstrip()) if nominative(w) in OWNED_HEADS else None
            if owner and scan.word(j) in ("des", "der"):
                end_offset = tok.end + (len(text[tok.end :]) - len(text[tok.end :].lstrip())) + owner.end()
                name = clean(f"{nominative(w) if w in HEADS or head_type(w) else w} {owner.group()}")
                mentions += _owned(tokens, i, end_offset, name, kind)
                while i < len(tokens) and tokens[i].start < end_offset:
                    i += 1
                continue
            if nominative(w) in OWNER_ONLY:
                i += 1
                continue
            if scan.word(j) == "für":
                end = scan.phrase(j + 1, allow_lists=True)
                while end > j + 2 and scan.word(end - 1).isdigit():  # "das Amt für X 16 (Mitarbeitende)"
                    end -= 1
                if end > j + 1:
                    mentions.append(_mention(text, tokens, i, end, nominative(w) + " für"))
                    i = end
                    continue
            elif j < len(tokens) and name_word(tokens[j].text) and not unit_word(scan.word(j)):
                end = scan.phrase(j, allow_lists=True)
                end = end if "," in (t.text for t in tokens[j:end]) else min(end, j + 4)
                end = numbered_name(scan, end)
                designation = scan.word(j)
                if (
                    end == j + 1
                    and scan.word(end) == "für"
                    and (ROMAN.match(designation) or len(designation) == 1)
                ):
                    after = scan.phrase(end + 1, allow_lists=True)  # "Stabsstelle B für Planung und Bau"
                    end = after if after > end + 1 else end
                if end > j:
                    mention, end = _explained(text, scan, end, _mention(text, tokens, i, end, nominative(w)))
                    mentions.append(mention)
                    i = end
                    continue
            if w not in PLAIN_ONLY and nominative(w) not in PLAIN_ONLY:
                mentions.append(Mention(tok.start, tok.end, None, kind))
            i += 1
            continue
        if w in ADJECTIVE_HEADS and adjective_start(scan.word, i) < i:
            tok, name = _with_adjectives(scan, i, tok, w)
            mentions.append(Mention(tok.start, tok.end, name, "OtherUnit", 0.7))
            i += 1
            continue
        plural = (
            lex.plural_compound(w)
            if scan.word(i - 1) in PLURAL_BEFORE or ROMAN.match(scan.word(i - 1))
            else None
        )
        if plural and not (other_bodies and plural[0].lower().endswith(STATE_ONLY)):
            mentions.append(Mention(tok.start, tok.end, plural[0], plural[1], 0.7))
            i += 1
            continue
        compound = lex.compound_type(w)
        if (
            compound
            and other_bodies
            and nominative(w).lower().endswith(STATE_ONLY)
            and w not in lex.STANDALONE
        ):
            compound = None
        if compound:
            first = coordinated_start(scan, i)  # "Bürger- und Ordnungsamt"
            if first < i and not (mentions and mentions[-1].end > tokens[first].start):
                tok = Token(text[tokens[first].start : tok.end], tokens[first].start, tok.end)
                w = tok.text
            end = i + 1
            in_list = scan.word(first - 1) == ","  # "Gewerbe, Melde- und Standesamt, Tourismus": an item
            if scan.word(end) == "," and scan._list_item(end + 1) and not in_list:
                end = list_end(scan, end)
            w = w[: len(w) - len(tokens[i].text)] + nominative(tokens[i].text)
            name = w + text[tokens[i].end : tokens[end - 1].end] if end > i + 1 else w
            tok, name = _with_adjectives(scan, first, tok, name)
            if not (in_list and _task_item(scan, first)):
                mentions.append(Mention(tok.start, tokens[end - 1].end, clean(name), compound))
            i = end
            continue
        institution = lex.institution(w)
        if institution:
            mentions.append(Mention(tok.start, tok.end, institution, "OtherUnit", 0.7))
        i += 1
    mentions = _synonym_heads(scan, mentions)
    mentions += _elided_heads(text, scan, mentions)
    mentions = _with_bullets(mentions, bullets)
    mentions = sorted(mentions + _named_by_phrase(text, scan, mentions), key=lambda m: m.start)
    mentions = mention_filters.drop_functions(text, mentions, functions)
    mentions = mention_filters.drop_descriptions(text, mentions)
    mentions = sorted(
        mentions + mention_filters.own_institutions(text, tokens, mentions), key=lambda m: m.start
    )
    mentions = [mention_filters.whole_quoted_name(text, m) for m in mentions]
    mentions = [m for m in mentions if not (m.name and m.name.endswith("-"))]  # "Bereich Stadt-, ..."
    return mention_filters.drop_aliases_and_others(
        text, mention_filters.coordinated(text, tokens, mentions), other_bodies
    )


PLURAL_BEFORE = frozenset("die der den alle beiden drei vier fünf sechs sieben acht neun zehn".split())


def _owned(tokens: list[Token], i: int, end: int, name: str, kind: str) -> list[Mention]:
    """``Sekretariat des Baudepartements``: the owned unit, and the owner when it is a unit itself."""
    last = next(t for t in reversed(tokens) if t.end <= end)
    owner_type = lex.compound_type(last.text)
    if not owner_type:
        return [Mention(tokens[i].start, end, name, kind)]
    before = next(t for t in reversed(tokens) if t.end < last.start)
    return [
        Mention(tokens[i].start, before.end, name, kind),
        Mention(last.start, last.end, nominative(last.text), owner_type),
    ]


OWNER_JOIN = re.compile(r"\s*(?:,|und|sowie)\s+")


def _owned_plural(text: str, tok: Token, head: str) -> list[Mention]:
    """``die beiden Stabsstellen der Gleichstellungsbeauftragten und des Datenschutzbeauftragten`` →
    ``Stabsstelle der Gleichstellungsbeauftragten``, ``Stabsstelle des Datenschutzbeauftragten``."""
    found: list[Mention] = []
    at, gap = tok.end, re.compile(r"\s+")
    while True:
        space = (gap if not found else OWNER_JOIN).match(text, at)
        owner = OWNER.match(text[space.end() :]) if space else None
        if not owner:
            return found
        start, at = space.end() if found else tok.start, space.end() + owner.end()
        found.append(Mention(start, at, f"{head} {owner.group()}", HEADS.get(head, "OtherUnit")))


def _bracketed(scan: Scanner, start: int, end: int) -> list[Mention]:
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
        if unit_type:
            found.append(Mention(scan.t[k].start, scan.t[k].end, name, unit_type, 0.7))
    return found


def _with_adjectives(scan: Scanner, first: int, tok: Token, name: str) -> tuple[Token, str]:
    """``das Kommunale Jobcenter`` → ``Kommunales Jobcenter`` (the name starts at the adjectives)."""
    start = adjective_start(scan.word, first)
    adjectives = nominative_adjectives([t.text for t in scan.t[start:first]], name) if start < first else None
    if not adjectives:
        return tok, name
    return Token("", scan.t[start].start, tok.end), " ".join([*adjectives, name])


def _called(text: str, scan: Scanner, i: int) -> Mention | None:
    """``eine Stabsstelle namens Smart City`` → ``Stabsstelle Smart City``, also known as ``Smart City``."""
    after = text[scan.t[i].end :]
    word = next((n for n in NAMING_WORDS if after.startswith(" " + n + " ")), None)
    if word is None:
        return None
    j = next(k for k, t in enumerate(scan.t) if t.start > scan.t[i].end + len(word))
    close = quoted_end(scan, j)
    start, end = (j + 1, close) if close is not None else (j, scan.phrase(j, allow_lists=True))
    if end <= start or unit_word(scan.word(start)):
        return None
    inner = clean(text[scan.t[start].start : scan.t[end - 1].end])
    last = scan.t[close if close is not None else end - 1]
    return Mention(scan.t[i].start, last.end, f"{nominative(scan.word(i))} {inner}", head_type(scan.word(i)),
                   0.8, (inner,))  # fmt: skip


def _task_item(scan: Scanner, first: int) -> bool:
    """``für Ordnungswesen, Gewerbe, Melde- und Standesamt, Tourismus zuständig``: in an enumeration
    without articles whose item before is a field of work (no unit), a unit's name names a task too."""
    before = scan.word(first - 2)
    return (
        is_cap(before)
        and not unit_word(before)
        and not lex.compound_type(before)
        and before not in STOP
        and scan.word(first - 3) in (",", "und", "sowie", "oder", "für")
    )


ELIDED = re.compile(
    r"\b(?:(?:zwei|drei|vier|fünf)\s+(?:(?:neue|eigene|weitere)[nrs]?\s+)?|eine?[nrs]?\s+(?:neue|eigene|weitere)[nrs]?\s+)"
    r"für\s+(?=[A-ZÄÖÜ])"
)


def _elided_heads(text: str, scan: Scanner, mentions: list[Mention]) -> list[Mention]:
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
        for t in scan.t[j:end]:
            if t.text in (",", "und", "sowie"):
                items.append([])
            else:
                items[-1].append(t)
        for item in items:
            if item and is_cap(item[0].text) and not unit_word(item[0].text):
                name = f"{head} für {text[item[0].start : item[-1].end]}"
                found.append(Mention(item[0].start, item[-1].end, name, head_type(head), 0.6))
    return found


def _with_bullets(mentions: list[Mention], bullets: list[Mention]) -> list[Mention]:
    """A bullet item's whole text names the unit (``• Bürgerservice, Ordnung und Soziales``) over a
    mention at its start; a bullet item that holds a mention elsewhere gives way to it."""
    for b in bullets:
        inside = [m for m in mentions if m.start < b.end and b.start < m.end]
        if all(m.start == b.start and m.end < b.end for m in inside):
            mentions = [m for m in mentions if m not in inside] + [b]
    return mentions


def _synonym_heads(scan: Scanner, mentions: list[Mention]) -> list[Mention]:
    """``Das Dezernat/ Sachgebiet II`` (also ``bzw.``): two heads for one unit → ``Dezernat II``, also
    known as ``Sachgebiet II``."""
    if not any(t.text in ("/", "bzw") for t in scan.t):
        return mentions
    by_start = {m.start: m for m in mentions}
    for k, t in enumerate(scan.t):
        gap = 2 if scan.word(k + 1) == "bzw" and scan.word(k + 2) == "." else 1
        if scan.word(k + 1) not in ("/", "bzw") or not head_type(t.text) or k + gap + 1 >= len(scan.t):
            continue
        second = scan.t[k + gap + 1]
        bare, named = by_start.get(t.start), by_start.get(second.start)
        other = nominative(second.text)
        if not (bare and bare.name is None and named and named.name and named.name.startswith(other + " ")):
            continue
        name = nominative(t.text) + named.name[len(other) :]
        merged = replace(
            named, start=t.start, name=name, unit_type=head_type(t.text), aliases=(named.name, *named.aliases)
        )
        mentions = [merged if m is named else m for m in mentions if m is not bare]
    return mentions


NAMING_NOUNS = frozenset({"Bezeichnung", "Namen", "Name"})


def _named_by_phrase(text: str, scan: Scanner, mentions: list[Mention]) -> list[Mention]:
    """``Das neue Dezernat erhält die Bezeichnung „Umwelt und Mobilität“`` → ``Dezernat Umwelt und
    Mobilität`` (also known as the quoted name): a quoted name after a naming noun takes the head of the
    sentence's first unit mention when it has no head of its own."""
    found = []
    for k, t in enumerate(scan.t):
        if t.text not in NAMING_NOUNS or (close := quoted_end(scan, k + 1)) is None:
            continue
        first = scan.word(k + 2)
        heads = [scan.word(n) for n, u in enumerate(scan.t) if u.start < t.start and head_type(u.text)]
        before = [m for m in mentions if m.end <= t.start]
        if (
            not heads
            or not before
            or unit_word(first)
            or any(scan.t[k + 1].start <= m.start < scan.t[close].end for m in mentions)
        ):
            continue
        head = nominative(heads[0])
        inner = clean(text[scan.t[k + 2].start : scan.t[close - 1].end])
        found.append(
            Mention(
                scan.t[k - 1 if scan.word(k - 1) in ("die", "den") else k].start,
                scan.t[close].end,
                f"{head} {inner}",
                head_type(head),
                0.7,
                (inner,),
            )
        )
    return found


EXPLAINED_MAX = 10  # tokens in the bracket after a numbered name
NUMBER_DASH_NAME = re.compile(r"(?P<number>\S+ (?:[IVX]{1,5}|\d{1,3}[a-z]?)) [–-] (?P<name>[A-ZÄÖÜ].*)")


def _explained(text: str, scan: Scanner, end: int, mention: Mention) -> tuple[Mention, int]:
    """``Geschäftsbereich II (Finanzen und Eigentumsverwaltung)``: the bracket after a numbered name
    gives its other name (an alias), and the mention covers it."""
    dashed = NUMBER_DASH_NAME.match(mention.name or "")
    if dashed:  # "Fachdienst 23 – Kreisentwicklung": also "Fachdienst 23" and "Kreisentwicklung"
        return replace(mention, aliases=(dashed["number"], dashed["name"])), end
    if not ROMAN.match(scan.word(end - 1)) or scan.word(end) != "(" or not is_cap(scan.word(end + 1)):
        return mention, end
    for k in range(end + 1, min(end + 1 + EXPLAINED_MAX, len(scan.t))):
        w = scan.word(k)
        if w == ")":
            inner = clean(text[scan.t[end + 1].start : scan.t[k - 1].end])
            return replace(mention, end=scan.t[k].end, aliases=(inner,)), k + 1
        if w in LIST_END or w in STOP or w[:1].isdigit():
            break
    return mention, end


def _quoted(text: str, scan: Scanner, i: int, kind: str) -> Mention | None:
    """``Abteilung "Wien Digital"`` → ``Abteilung Wien Digital``, also known as ``Wien Digital``;
    ``Amt für „Digitalisierung und IT“`` → ``Amt für Digitalisierung und IT``."""
    for_ = scan.word(i + 1) == "für"
    q = i + 1 + for_
    close = quoted_end(scan, q)
    if close is None:
        return None
    inner = clean(text[scan.t[q + 1].start : scan.t[close - 1].end])
    head = nominative(scan.word(i)) + (" für" if for_ else "")
    aliases = () if for_ else (inner,)
    return Mention(scan.t[i].start, scan.t[close].end, f"{head} {inner}", kind, aliases=aliases)


def _mention(text: str, tokens: list[Token], i: int, end: int, head: str) -> Mention:
    tail_start = tokens[i + 2].start if head.endswith(" für") else tokens[i + 1].start
    if tokens[i + 1].text in QUOTES:
        tail_start = tokens[i + 2 + (1 if head.endswith(" für") else 0)].start
    name = head + " " + text[tail_start : tokens[end - 1].end]
    return Mention(
        tokens[i].start, tokens[end - 1].end, clean(name), head_type(tokens[i].text) or "OtherUnit"
    )
