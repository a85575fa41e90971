"""Unit mentions in a sentence: names of German administrative units, in the nominative.

Three kinds of names are recognised (word lists in ``patterns/units.toml``):

* a plain head with a name after it: ``Stabsstelle Beispielwesen``, ``Amt für Muster und Probe``,
  ``Referat 12``, ``AG Beispielwesen``;
* a compound ending in a head, a name of its own: ``Hauptamt``, ``IT-Abteilung``, ``Personalreferat``,
  also as a list name: ``Ordnungsamt, Gewerbe, Verkehr``;
* institutions of the authority (``Stadtarchiv``) and single nouns coordinated with a recognised unit
  (``mit der Stadtplanung und dem Bauamt``).

A plain head without a name (``die Stabsstelle``, ``des neuen Amtes``) is a *bare* mention: it refers
back to a unit named before and creates none. The parts live in modules of their own: words
(``unit_lexicon``), name phrases (``unit_phrases``), lists (``unit_lists``), other names of a unit
(``unit_naming``), adjectives (``unit_adjectives``), leaders' titles (``unit_titles``), bullet lists
(``unit_bullets``) and second looks (``mention_filters``).
"""

from __future__ import annotations

import re
from dataclasses import replace

from kommgraph.convert.extract import mention_filters
from kommgraph.convert.extract import unit_lexicon as lex
from kommgraph.convert.extract.mention_filters import drop_joint_bodies, runs_joint_bodies_alone
from kommgraph.convert.extract.unit_adjectives import ADJECTIVE_HEADS, adjective_start, nominative_adjectives
from kommgraph.convert.extract.unit_bullets import ListContext, announce, bullet_mentions
from kommgraph.convert.extract.unit_led import led_quoted
from kommgraph.convert.extract.unit_lexicon import (
    HEADS,
    NUMBERED_ONLY,
    OWNED_HEADS,
    OWNER,
    OWNER_ONLY,
    PLAIN_ONLY,
    PLURALS,
    QUOTED_ONLY,
    QUOTES,
    ROMAN,
    SEAT_HEADS,
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
from kommgraph.convert.extract.unit_lists import bracketed, elided_heads, owned_plural, plural_list, task_item
from kommgraph.convert.extract.unit_naming import called, explained, named_by_phrase, quoted, synonym_heads
from kommgraph.convert.extract.unit_owners import owned_twins
from kommgraph.convert.extract.unit_phrases import (
    Mention,
    Scanner,
    Token,
    article_name,
    clean,
    coordinated_start,
    list_end,
    numbered_name,
    quoted_end,
    tokenize,
)
from kommgraph.convert.extract.unit_seats import compound_name, seat_after
from kommgraph.convert.extract.unit_titles import title_unit
from kommgraph.convert.extract.unit_truncated import truncated_parts
from kommgraph.convert.extract.unit_variants import with_variants

__all__ = [
    "ListContext",
    "Mention",
    "drop_joint_bodies",
    "find_mentions",
    "head_type",
    "nominative",
    "runs_joint_bodies_alone",
    "title_unit_type",
]


def _token_after(tokens: list, i: int, end: int) -> int:
    """The index of the first token at or after ``i`` that starts at or after the offset ``end``."""
    while i < len(tokens) and tokens[i].start < end:
        i += 1
    return i


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
            owned = owned_plural(text, tok, PLURALS[w])
            if owned:
                mentions += owned
                i = _token_after(tokens, i, owned[-1].end)
                continue
        if w in PLURALS:
            found, end = plural_list(text, scan, i, PLURALS[w])
            if found:
                mentions += found + bracketed(scan, i, end)
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
            i = _token_after(tokens, i, titled.end)
            continue
        kind = head_type(w) or (STATE_HEADS.get(nominative(w)) if not other_bodies else None)
        if w in NUMBERED_ONLY and not ROMAN.match(scan.word(i + 1)):
            kind = None
        if kind and not (w == "AG" and i > 0 and is_cap(scan.word(i - 1)) and scan.word(i - 1) not in STOP):
            j = i + 1
            in_quotes = quoted(text, scan, i, kind)
            if in_quotes:
                mentions.append(in_quotes)
                i = _token_after(tokens, i, in_quotes.end)
                continue
            named = called(text, scan, i)
            if named:
                mentions.append(named)
                i = _token_after(tokens, i, named.end)
                continue
            if scan.word(j) in QUOTES:
                j += 1
            owner = OWNER.match(text[tok.end :].lstrip()) if nominative(w) in OWNED_HEADS else None
            if owner and nominative(w) in lex.CHIEF_OWNED_HEADS and not lex.CHIEF_OWNER.match(owner.group()):
                owner = None  # "Dezernat des Kreisbeigeordneten": a portfolio, named by its fields
            if nominative(w) in lex.PAIR_OWNER_HEADS:
                owner = lex.PAIR_OWNER.match(text[tok.end :].lstrip()) or owner
            if owner and scan.word(j) in ("des", "der"):
                end_offset = tok.end + (len(text[tok.end :]) - len(text[tok.end :].lstrip())) + owner.end()
                name = clean(f"{nominative(w) if w in HEADS or head_type(w) else w} {owner.group()}")
                mentions += _owned(tokens, i, end_offset, name, kind)
                i = _token_after(tokens, i, end_offset)
                continue
            if nominative(w) in OWNER_ONLY:
                i += 1
                continue
            if scan.word(j) == "für" and (end := article_name(scan, j + 1)):  # "Amt für den Ländlichen X"
                mentions.append(_mention(text, tokens, i, end, nominative(w) + " für"))
                i = end
                continue
            if scan.word(j) == "für" and scan.word(j + 1).lower() in QUANTIFIERS:
                pass  # "Anlaufstelle für alle Fragen": a quantifier states whom or what it serves, no name
            elif scan.word(j) == "für":
                end = scan.phrase(j + 1, allow_lists=True, fields=True)
                while end > j + 2 and scan.word(end - 1).isdigit():  # "das Amt für X 16 (Mitarbeitende)"
                    end -= 1
                if end > j + 1 and not DOUBLET.fullmatch(text[tokens[j + 1].start : tokens[end - 1].end]):
                    mention = _mention(text, tokens, i, end, nominative(w) + " für")
                    mentions.append(_adjectives_before(scan, i, mention))
                    i = end
                    continue
            elif w in SEAT_HEADS and scan.word(j) == "in" and name_word(scan.word(j + 1)):
                end = min(scan.phrase(j + 1, allow_lists=False), j + 3)  # "Bezirkshauptmannschaft in X"
                name = clean(text[tok.start : tokens[end - 1].end])
                mentions.append(Mention(tok.start, tokens[end - 1].end, name, kind))
                i = end
                continue
            elif j == i + 1 and (end := _office_name(scan, j)):  # "Stabsstelle Landrätin"
                mentions.append(_mention(text, tokens, i, end, nominative(w)))
                i = end
                continue
            elif j == i + 1 and (end := compound_name(scan, j)):  # "Abteilung Muster- und Probeverwaltung"
                mention = _mention(text, tokens, i, end, nominative(w))
                alias = clean(text[tokens[j].start : tokens[end - 1].end])
                mentions.append(replace(mention, aliases=(alias,)))
                i = end
                continue
            elif j < len(tokens) and name_word(tokens[j].text) and not unit_word(scan.word(j)):
                end = scan.phrase(j, allow_lists=True)
                end = end if "," in (t.text for t in tokens[j:end]) else min(end, j + 4)
                end = numbered_name(scan, end)
                while scan.word(end) == "/" and name_word(scan.word(end + 1)):
                    if scan.word(end + 1) in STOP:
                        break
                    end += 2  # "Ressort Muster / Probe": a slash joins the fields of one name
                designation = scan.word(j)
                if ROMAN.match(designation) and scan.word(j + 1) in (",", "sowie"):
                    end = j + 1  # "Bereich 2, Muster": the number names the unit, the comma an apposition
                if (
                    end == j + 1
                    and scan.word(end) == "für"
                    and (ROMAN.match(designation) or len(designation) == 1)
                ):
                    after = scan.phrase(end + 1, allow_lists=True)  # "Stabsstelle B für Planung und Bau"
                    end = after if after > end + 1 else end
                if end > j:
                    mention, end = explained(text, scan, end, _mention(text, tokens, i, end, nominative(w)))
                    mentions.append(mention)
                    i = end
                    continue
            if nominative(w) not in AUTHORITY_NOUNS and adjective_start(scan.word, i) < i:
                # "dem Technischen Dezernat": a capitalised adjective names it ("zur Digitalen Behörde": the
                # authority itself)
                adjective_tok, name = _with_adjectives(scan, i, tok, nominative(w))
                if adjective_tok is not tok:
                    mentions.append(Mention(adjective_tok.start, tok.end, name, kind, 0.7))
                    i += 1
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
        compound = lex.compound_type(w) or (
            "OtherUnit" if w in lex.GOVERNMENT_OFFICES and not other_bodies else None
        )
        if (
            compound
            and other_bodies
            and nominative(w).lower().endswith(STATE_ONLY)
            and w not in lex.STANDALONE
        ):
            compound = None
        if compound:
            first = coordinated_start(scan, i)  # "Forst- und Jagdamt"
            if first < i and not (mentions and mentions[-1].end > tokens[first].start):
                tok = Token(text[tokens[first].start : tok.end], tokens[first].start, tok.end)
                w = tok.text
            end = i + 1
            in_list = scan.word(first - 1) == ","  # "Muster, Melde- und Probeamt, Beispielwesen": an item
            if scan.word(end) == "," and scan._list_item(end + 1) and not in_list:
                end = list_end(scan, end)
            elif tokens[i].text.endswith("stelle") and scan.word(end) == "für":
                end = _field_after(text, scan, end)  # "Außenstelle für Musterhilfe": the field names it
            w = w[: len(w) - len(tokens[i].text)] + nominative(tokens[i].text)
            name = w + text[tokens[i].end : tokens[end - 1].end] if end > i + 1 else w
            tok, name = _with_adjectives(scan, first, tok, name)
            aliases: tuple[str, ...] = ()
            if end == i + 1 and not in_list and seat_after(scan, end):  # "Bürgeramt Musterdorf"
                aliases, name, end = (clean(name),), f"{name} {tokens[end].text}", end + 1
            if not (in_list and task_item(scan, first)):
                mentions.append(Mention(tok.start, tokens[end - 1].end, clean(name), compound, 0.9, aliases))
            i = end
            continue
        institution = lex.institution(w)
        if institution:
            mentions.append(Mention(tok.start, tok.end, institution, "OtherUnit", 0.7))
        i += 1
    mentions = [_with_name_adjective(text, m) for m in mentions]
    mentions = synonym_heads(scan, mentions)
    mentions += elided_heads(text, scan, mentions)
    mentions += truncated_parts(text, scan, mentions)
    mentions = _with_bullets(mentions, bullets)
    mentions = sorted(
        mentions + named_by_phrase(text, scan, mentions) + led_quoted(text, mentions), key=lambda m: m.start
    )
    mentions = mention_filters.drop_functions(text, mentions, functions)
    mentions = mention_filters.drop_descriptions(text, mentions)
    mentions = sorted(
        mentions + mention_filters.own_institutions(text, tokens, mentions), key=lambda m: m.start
    )
    mentions = owned_twins(text, [mention_filters.whole_quoted_name(text, m) for m in mentions])
    mentions = [m for m in mentions if not (m.name and m.name.endswith("-"))]  # "Bereich Stadt-, ..."
    mentions = mention_filters.drop_aliases_and_others(
        text, mention_filters.coordinated(text, tokens, mentions), other_bodies
    )
    return [with_variants(m) for m in mentions]


# "für Bürgerinnen und Bürger": a group of persons in both genders says whom a unit serves, it is no name
DOUBLET = re.compile(r"(?P<stem>[A-ZÄÖÜ]\w+)innen und (?P=stem)(?:n|en)?")

# offices and bodies a unit can serve, in the nominative singular: "Stabsstelle Landrätin" serves the
# district's chief, "Geschäftsstelle Kreisausschuss" a council's committee
OFFICES = frozenset(
    "Landrat Landrätin Bürgermeister Bürgermeisterin Oberbürgermeister Oberbürgermeisterin Gemeinderat "
    "Stadtrat Kreistag Magistrat Kreisausschuss Verwaltungsvorstand".split()
)


def _office_name(scan: Scanner, j: int) -> int:
    """End of a name made of an office right after a plain head, without an article
    (``Stabsstelle Landrätin``, ``Geschäftsstelle Kreistag und Musterwesen``); 0 when word ``j`` is no
    office or a person's name follows it (``Stabsstelle Landrat Max Muster``)."""
    if scan.word(j) not in OFFICES:
        return 0
    end = j + 1
    if scan.word(end) == "und" and name_word(scan.word(end + 1)) and scan.word(end + 1) not in STOP:
        end += 2  # "Geschäftsstelle Kreistag und Musterwesen"
    following = scan.word(end)
    if following[:1].isupper() and following not in STOP:
        return 0
    return end


def _field_after(text: str, scan: Scanner, j: int) -> int:
    """End of ``für`` and a field at word ``j`` (``für Muster und Probe``); ``j`` when none follows: a
    quantifier (``für alle Fragen``) or a group of persons in both genders (``für Kundinnen und Kunden``)."""
    if scan.word(j + 1).lower() in QUANTIFIERS:
        return j
    end = scan.phrase(j + 1, allow_lists=True, fields=True)
    if end <= j + 1 or DOUBLET.fullmatch(text[scan.t[j + 1].start : scan.t[end - 1].end]):
        return j
    return end


AUTHORITY_NOUNS = frozenset({"Behörde", "Verwaltung"})
QUANTIFIERS = frozenset("alle allen jede jeden jeder jedes sämtliche viele".split())

PLURAL_BEFORE = frozenset("die den alle beiden drei vier fünf sechs sieben acht neun zehn".split())


def _owned(tokens: list[Token], i: int, end: int, name: str, kind: str) -> list[Mention]:
    """``Sekretariat des Musterdepartements``: the owned unit, and the owner when it is a unit itself."""
    last = next(t for t in reversed(tokens) if t.end <= end)
    owner_type = lex.compound_type(last.text)
    if not owner_type:
        return [Mention(tokens[i].start, end, name, kind)]
    before = next(t for t in reversed(tokens) if t.end < last.start)
    return [
        Mention(tokens[i].start, before.end, name, kind),
        Mention(last.start, last.end, nominative(last.text), owner_type),
    ]


def _with_name_adjective(text: str, m: Mention) -> Mention:
    """``der Politischen Expositur Musterdorf`` → ``Politische Expositur Musterdorf``: an adjective that
    is part of the head's name (``patterns/units.toml`` name_adjectives), in any inflection."""
    head = (m.name or "").split(" ")[0]
    adjective = lex.NAME_ADJECTIVES.get(head)
    if not adjective:
        return m
    before = re.search(r"\b" + adjective[:-1] + r"e[nrs]?\s+$", text[max(0, m.start - 30) : m.start], re.I)
    if not before:
        return m
    return replace(m, start=m.start - len(before.group()), name=f"{adjective} {m.name}")


def _with_adjectives(scan: Scanner, first: int, tok: Token, name: str) -> tuple[Token, str]:
    """``das Städtische Beispielzentrum`` → ``Städtisches Beispielzentrum`` (the name starts at the
    adjectives)."""
    start = adjective_start(scan.word, first)
    adjectives = nominative_adjectives([t.text for t in scan.t[start:first]], name) if start < first else None
    if not adjectives:
        return tok, name
    return Token("", scan.t[start].start, tok.end), " ".join([*adjectives, name])


def _adjectives_before(scan: Scanner, i: int, m: Mention) -> Mention:
    """``im Musterländischen Staatsministerium für X`` → ``Musterländisches Staatsministerium für X``."""
    if m.name is None or adjective_start(scan.word, i) == i:
        return m
    tok, name = _with_adjectives(scan, i, Token("", m.start, m.end), m.name.split(" ")[0])
    if tok.start == m.start:  # no adjective of the name
        return m
    return replace(m, start=tok.start, name=name + m.name[len(m.name.split(" ")[0]) :])


def _with_bullets(mentions: list[Mention], bullets: list[Mention]) -> list[Mention]:
    """A bullet item's whole text names the unit (``• Bürgerservice, Ordnung und Beispielwesen``) over a
    mention at its start; a bullet item that holds a mention elsewhere gives way to it."""
    for b in bullets:
        inside = [m for m in mentions if m.start < b.end and b.start < m.end]
        if all(m.start == b.start and m.end < b.end for m in inside):
            mentions = [m for m in mentions if m not in inside] + [b]
    return mentions


def _mention(text: str, tokens: list[Token], i: int, end: int, head: str) -> Mention:
    tail_start = tokens[i + 2].start if head.endswith(" für") else tokens[i + 1].start
    if tokens[i + 1].text in QUOTES:
        tail_start = tokens[i + 2 + (1 if head.endswith(" für") else 0)].start
    name = head + " " + text[tail_start : tokens[end - 1].end]
    return Mention(
        tokens[i].start, tokens[end - 1].end, clean(name), head_type(tokens[i].text) or "OtherUnit"
    )
