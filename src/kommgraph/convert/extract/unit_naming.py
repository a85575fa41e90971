"""Names a text gives a unit besides head and complement: a quoted name (``Abteilung "Musterstadt Digital"``),
naming words (``namens X``), naming phrases (``erhält die Bezeichnung „X“``), two heads for one unit
(``Dezernat/ Sachgebiet XIV``) and the other name in brackets or after a dash of a numbered unit.
"""

from __future__ import annotations

import re
from dataclasses import replace

from kommgraph.convert.extract.unit_lexicon import (
    LIST_END,
    NAMING_WORDS,
    ROMAN,
    STOP,
    head_type,
    is_cap,
    nominative,
    unit_word,
)
from kommgraph.convert.extract.unit_phrases import Mention, Scanner, clean, quoted_end


def called(text: str, scan: Scanner, i: int) -> Mention | None:
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


def synonym_heads(scan: Scanner, mentions: list[Mention]) -> list[Mention]:
    """``Das Dezernat/ Sachgebiet XIV`` (also ``bzw.``): two heads for one unit → ``Dezernat XIV``, also
    known as ``Sachgebiet XIV``."""
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


def named_by_phrase(text: str, scan: Scanner, mentions: list[Mention]) -> list[Mention]:
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
                scan.t[k + 1].start,  # from the quote: the naming words stay for the event rules
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


def explained(text: str, scan: Scanner, end: int, mention: Mention) -> tuple[Mention, int]:
    """``Geschäftsbereich VI (Muster und Probe)``: the bracket after a numbered name
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


def quoted(text: str, scan: Scanner, i: int, kind: str) -> Mention | None:
    """``Abteilung "Musterstadt Digital"`` → ``Abteilung Musterstadt Digital``, also known as
    ``Musterstadt Digital``; ``Amt für „Beispielwesen und Probe“`` → ``Amt für Beispielwesen und Probe``."""
    for_ = scan.word(i + 1) == "für"
    q = i + 1 + for_
    close = quoted_end(scan, q)
    if close is None:
        return None
    inner = clean(text[scan.t[q + 1].start : scan.t[close - 1].end])
    head = nominative(scan.word(i)) + (" für" if for_ else "")
    aliases = () if for_ else (inner,)
    return Mention(scan.t[i].start, scan.t[close].end, f"{head} {inner}", kind, aliases=aliases)
