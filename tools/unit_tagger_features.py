"""A CRF unit tagger beside the rules (measured, not shipped): token features from the German
language, B/I/O tags, names from tagged runs.

The features are what a German reader uses to see a unit name: the head's ending (``-amt``,
``-stelle``, ``-behörde``), the rules' word lists (head, compound, institution), capitals and word
shape, the words around it (``für``, a genitive article, a list's ``und`` or comma), whether a head
stands just before, quotes, and whether the rules' own recogniser marks the token. Per-word parts are
cached, so a token costs a few list joins. A model is trained by ``tools/train_unit_tagger.py``
(deterministic); ``benchmarks/unit_tagger_cv.py`` measures it beside the rules, put into the converter
by ``use`` (docs/converter.md, 'Round 8: learned unit reader').
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from kommgraph.convert.extract import unit_lexicon as lex
from kommgraph.convert.extract import units
from kommgraph.convert.extract.unit_phrases import Mention, Token, tokenize

HEAD_ENDINGS = (
    "amt", "ämter", "amtes", "amts", "stelle", "stellen", "behörde", "behörden", "direktion", "verwaltung",
    "büro", "büros", "referat", "referate", "referats", "dienst", "dienste", "kanzlei", "ressort",
    "center", "zentrum", "zentren", "departement", "abteilung", "abteilungen", "bereich", "bereiche",
    "bereichs", "dezernat", "dezernate", "dezernats", "stab", "gruppe", "betrieb", "betriebe", "archiv",
    "ministerium", "magistrat", "sachgebiet", "team", "einheit", "leitstelle", "agentur",
)  # fmt: skip
PREPOSITIONS = frozenset(
    "für im in ins zum zur vom von aus beim bei mit unter über an am als nach zu des der".split()
)
LIST_WORDS = frozenset({"und", "sowie", "oder", ",", "/", "-", "–", "•", "·", "*"})
GENITIVE = frozenset({"des", "der"})
_UPPER, _LOWER = re.compile(r"[A-ZÄÖÜ]"), re.compile(r"[a-zäöüß]")
SETS = ("base", "german")  # feature sets: round 3's and round 8's (German cues added)


def _shape(word: str) -> str:
    out = []
    for ch in word:
        kind = "X" if _UPPER.match(ch) else "x" if _LOWER.match(ch) else "d" if ch.isdigit() else ch
        if not out or out[-1] != kind:
            out.append(kind)
    return "".join(out)[:6]


def _ending(lower: str) -> str:
    return next((e for e in HEAD_ENDINGS if lower.endswith(e)), "-")


@cache
def _is_head(word: str) -> bool:
    return bool(
        word in lex.PLURALS or lex.head_type(word) or lex.compound_type(word) or lex.plural_compound(word)
    )


@cache
def _own(word: str, german: bool) -> tuple[str, ...]:
    """The features of a word by itself."""
    lower = word.lower()
    out = [
        "bias",
        f"w={lower}",
        f"suf3={lower[-3:]}",
        f"suf4={lower[-4:]}",
        f"suf5={lower[-5:]}",
        f"pre3={lower[:3]}",
        f"shape={_shape(word)}",
        f"cap={word[:1].isupper()}",
        f"end={_ending(lower)}",
        f"head={lex.head_type(word) or '-'}",
        f"prep={lower in PREPOSITIONS}",
        f"quote={word in lex.QUOTES}",
    ]
    if german:
        out += [
            f"compound={lex.compound_type(word) or '-'}",
            f"plural={bool(lex.plural_compound(word))}",
            f"inst={bool(lex.institution(word))}",
            f"article={lower in lex.ARTICLES}",
            f"stop={word in lex.STOP}",
            f"roman={bool(lex.ROMAN.match(word))}",
            f"len={min(len(word), 12) // 4}",
        ]
    return tuple(out)


@cache
def _near(word: str, offset: int, german: bool) -> tuple[str, ...]:
    """The features of a word seen from ``offset`` tokens away."""
    lower = word.lower()
    p = f"{offset}:"
    out = [f"{p}w={lower}", f"{p}cap={word[:1].isupper()}"]
    if abs(offset) == 1:
        out += [f"{p}shape={_shape(word)}", f"{p}end={_ending(lower)}"]
        if german:
            out += [
                f"{p}head={_is_head(word)}",
                f"{p}list={lower in LIST_WORDS}",
                f"{p}gen={lower in GENITIVE}",
                f"{p}für={lower == 'für'}",
            ]
    return tuple(out)


def rule_tags(tokens: list[Token], mentions: list[Mention]) -> list[str]:
    """B/I/O of the rules' named mentions over ``tokens``."""
    tags = ["O"] * len(tokens)
    k = 0
    for m in mentions:
        if m.name is None:
            continue
        while k < len(tokens) and tokens[k].start < m.start:
            k += 1
        first = True
        j = k
        while j < len(tokens) and tokens[j].end <= m.end:
            tags[j] = "B" if first else "I"
            first = False
            j += 1
    return tags


def features(tokens: list[Token], rules: list[str] | None, feature_set: str = "german") -> list[list[str]]:
    """CRF features of each token of one sentence; ``rules`` None leaves the rule feature out."""
    german = feature_set == "german"
    words = [t.text for t in tokens]
    n = len(words)
    out = []
    since_head = 9  # tokens since the last unit head word
    in_quotes = False
    for i, word in enumerate(words):
        f = list(_own(word, german))
        f.append(f"first={i == 0}")
        if rules is not None:
            f.append(f"rule={rules[i]}")
        for offset in (-2, -1, 1, 2):
            j = i + offset
            if 0 <= j < n:
                f += _near(words[j], offset, german)
                if rules is not None and abs(offset) == 1:
                    f.append(f"{offset}:rule={rules[j]}")
            else:
                f.append(f"{offset}:edge")
        if german:
            f.append(f"afterhead={min(since_head, 4)}")
            f.append(f"inq={in_quotes}")
            since_head = 0 if _is_head(word) else since_head + 1
            if word in lex.QUOTES:
                in_quotes = word in '„"«»‚' and not in_quotes
        out.append(f)
    return out


@dataclass(frozen=True)
class TaggedSpan:
    start: int  # offsets in the folded sentence
    end: int
    name: str
    first: int  # token indices, the last one exclusive
    last: int


def spans(
    text: str, tokens: list[Token], tags: list[str], named: dict[tuple[int, int], str] | None = None
) -> list[TaggedSpan]:
    """Tagged token runs as names in the nominative (first and last word by the rules' ending table);
    a run that is exactly a rule mention takes the rule's name (a list item ``Umwelt`` of ``die Ämter
    für Umwelt und Verkehr`` is ``Amt für Umwelt``)."""
    out: list[TaggedSpan] = []
    first = None
    for i, tag in enumerate([*tags, "O"]):
        if first is not None and tag != "I":
            out.append(_named(text, tokens, first, i))
            first = None
        if tag == "B" or (tag == "I" and first is None):
            first = i
    named = named or {}
    out = [TaggedSpan(s.start, s.end, named.get((s.start, s.end), s.name), s.first, s.last) for s in out]
    return [s for s in out if s.name]


_TRAILING = lex.QUOTES | {",", ".", "-", "–", "(", ")"}


def _named(text: str, tokens: list[Token], first: int, last: int) -> TaggedSpan:
    while first < last and (tokens[first].text in lex.QUOTES or tokens[first].text.lower() in lex.ARTICLES):
        first += 1
    while last > first and tokens[last - 1].text in _TRAILING:
        last -= 1
    if first == last:
        return TaggedSpan(0, 0, "", first, last)
    run = tokens[first:last]
    head = lex.nominative(run[0].text)
    surface = text[run[0].start : run[-1].end]
    if len(run) == 1:
        name = head
    else:
        tail = lex.nominative(run[-1].text)
        name = head + surface[run[0].end - run[0].start : run[-1].start - run[0].start] + tail
    return TaggedSpan(run[0].start, run[-1].end, name.replace("\u00ad", ""), first, last)


def unit_type(span_tokens: list[Token]) -> str:
    """The unit type of a tagged name: its first head or compound word's, else ``OtherUnit``."""
    for t in span_tokens:
        kind = lex.head_type(t.text) or lex.compound_type(t.text)
        if kind:
            return kind
    return "OtherUnit"


# --- the tagger inside the converter (measurement only) ----------------------------------------------

SURE = 0.9  # a tagged name is kept when every token's marginal P(B or I) is above this


@dataclass
class Reader:
    """A loaded model and how it is used; ``observe`` sees each sentence's rule mentions (training)."""

    tagger: object | None = None
    sure: float = SURE
    use_rules: bool = True
    feature_set: str = "german"
    observe: Callable[[str, list[Token], list[Mention]], None] | None = None


_RULES = units.find_mentions  # the converter's recogniser, as imported
_READER: Reader | None = None


def use(new: Reader | None) -> None:
    """Put a reader into the converter (it wraps ``units.find_mentions``, the one call the pipeline
    makes per sentence); None gives the converter its rules back. Not shipped: see docs/converter.md."""
    global _READER
    _READER = new
    units.find_mentions = _RULES if new is None else _find_mentions


def _find_mentions(text: str, *args, **kwargs) -> list[Mention]:
    return with_tagged(text, _RULES(text, *args, **kwargs))


def with_tagged(text: str, mentions: list[Mention]) -> list[Mention]:
    """The rules' mentions of a folded sentence plus the names the model tags where no mention stands."""
    current = _READER
    if current is None:
        return mentions
    tokens = tokenize(text)
    if current.observe is not None:
        current.observe(text, tokens, mentions)
    if current.tagger is None or not tokens:
        return mentions
    rules = rule_tags(tokens, mentions) if current.use_rules else None
    tagger = current.tagger
    tagger.set(features(tokens, rules, current.feature_set))
    tags = tagger.tag()
    if "B" not in tags and "I" not in tags:
        return mentions
    added = []
    for s in spans(text, tokens, tags):
        if not s.name[:1].isupper() or any(m.start < s.end and s.start < m.end for m in mentions):
            continue  # a German unit name begins with a capital (a noun or a name's adjective)
        if min(1 - tagger.marginal("O", i) for i in range(s.first, s.last)) <= current.sure:
            continue
        added.append(Mention(s.start, s.end, s.name, unit_type(tokens[s.first : s.last]), 0.6))
    return sorted([*mentions, *added], key=lambda m: m.start) if added else mentions


def rule_names(text: str) -> dict[tuple[int, int], str]:
    """The rules' named mentions of a folded sentence by their offsets."""
    return {(m.start, m.end): m.name for m in _RULES(text) if m.name}


def sentence_items(text: str) -> tuple[list[Token], list[list[str]]]:
    """Tokens and their features for one folded sentence (rule feature from ``units.find_mentions``)."""
    tokens = tokenize(text)
    return tokens, features(tokens, rule_tags(tokens, _RULES(text)))
