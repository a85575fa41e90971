"""A CRF unit tagger beside the rules: token features from the language, BIO tags, names from spans.

Measured beside the rules and not shipped (docs/converter.md, "Round 3: learned unit tagger"): it lives
in tools/ with the training script and benchmarks/unit_tagger_cv.py. The features are what a German
reader uses to see a unit name: the head's ending (``-amt``, ``-stelle``, ``-behörde``), capitals, word
shape, the words and prepositions around it, and whether the rules' own recogniser
(``units.find_mentions``) marks the token. A model is trained by ``tools/train_unit_tagger.py``; this
module only computes features and reads tags back into names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kommgraph.convert.extract import unit_lexicon, units
from kommgraph.convert.extract.units import Token, tokenize

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
_SHAPE = (re.compile(r"[A-ZÄÖÜ]"), re.compile(r"[a-zäöüß]"), re.compile(r"\d"))


def _shape(word: str) -> str:
    out = []
    for ch in word:
        kind = "X" if _SHAPE[0].match(ch) else "x" if _SHAPE[1].match(ch) else "d" if ch.isdigit() else ch
        if not out or out[-1] != kind:
            out.append(kind)
    return "".join(out)[:6]


def _ending(word: str) -> str:
    lower = word.lower()
    return next((e for e in HEAD_ENDINGS if lower.endswith(e)), "-")


def rule_tags(text: str, tokens: list[Token]) -> list[str]:
    """B/I/O of the rules' named unit mentions over ``tokens`` of ``text`` (a folded sentence)."""
    tags = ["O"] * len(tokens)
    for m in units.find_mentions(text):
        if m.name is None:
            continue
        inside = [i for i, t in enumerate(tokens) if t.start >= m.start and t.end <= m.end]
        for k, i in enumerate(inside):
            tags[i] = "B" if k == 0 else "I"
    return tags


def _word_features(prefix: str, word: str, rule: str) -> list[str]:
    lower = word.lower()
    return [
        f"{prefix}w={lower}",
        f"{prefix}cap={word[:1].isupper()}",
        f"{prefix}shape={_shape(word)}",
        f"{prefix}end={_ending(word)}",
        f"{prefix}rule={rule}",
    ]


def features(tokens: list[Token], rules: list[str]) -> list[list[str]]:
    """CRF features of each token of one sentence."""
    words = [t.text for t in tokens]
    out = []
    for i, word in enumerate(words):
        lower = word.lower()
        f = [
            "bias",
            f"w={lower}",
            f"suf3={lower[-3:]}",
            f"suf4={lower[-4:]}",
            f"suf5={lower[-5:]}",
            f"pre3={lower[:3]}",
            f"shape={_shape(word)}",
            f"cap={word[:1].isupper()}",
            f"end={_ending(word)}",
            f"head={unit_lexicon.head_type(word) or '-'}",
            f"rule={rules[i]}",
            f"prep={lower in PREPOSITIONS}",
            f"quote={word in unit_lexicon.QUOTES}",
            f"first={i == 0}",
        ]
        for offset in (-2, -1, 1, 2):
            j = i + offset
            if 0 <= j < len(words):
                f += _word_features(f"{offset}:", words[j], rules[j])
            else:
                f.append(f"{offset}:edge")
        out.append(f)
    return out


@dataclass(frozen=True)
class TaggedSpan:
    start: int  # offsets in the folded sentence
    end: int
    name: str


def spans(
    text: str, tokens: list[Token], tags: list[str], named: dict[tuple[int, int], str] | None = None
) -> list[TaggedSpan]:
    """Tagged token runs as names in the nominative (head words by the rules' ending table); a run
    that is exactly a rule mention takes the rule's name (a list item ``Umwelt`` of ``die Ämter für
    Umwelt und Verkehr`` is ``Amt für Umwelt``)."""
    out: list[TaggedSpan] = []
    run: list[Token] = []
    for token, tag in [*zip(tokens, tags, strict=True), (None, "O")]:
        if run and tag != "I":
            out.append(_named(text, run))
            run = []
        if token is not None and tag in ("B", "I"):
            run.append(token)
    named = named or {}
    out = [TaggedSpan(s.start, s.end, named.get((s.start, s.end), s.name)) for s in out]
    return [s for s in out if s.name]


def _named(text: str, run: list[Token]) -> TaggedSpan:
    while run and (run[0].text in unit_lexicon.QUOTES or run[0].text.lower() in unit_lexicon.ARTICLES):
        run = run[1:]
    while run and run[-1].text in unit_lexicon.QUOTES | {",", ".", "-", "–", "(", ")"}:
        run = run[:-1]
    if not run:
        return TaggedSpan(0, 0, "")
    words = [t.text for t in run]
    words[0] = unit_lexicon.nominative(words[0])
    words[-1] = unit_lexicon.nominative(words[-1])
    surface = text[run[0].start : run[-1].end]
    name = surface
    if len(run) == 1:
        name = words[0]
    else:
        first_end = run[0].end - run[0].start
        last_start = run[-1].start - run[0].start
        name = words[0] + surface[first_end:last_start] + words[-1]
    return TaggedSpan(run[0].start, run[-1].end, name.replace("\u00ad", ""))


def rule_names(text: str) -> dict[tuple[int, int], str]:
    """The rules' named mentions of a folded sentence by their offsets."""
    return {(m.start, m.end): m.name for m in units.find_mentions(text) if m.name}


def sentence_items(text: str) -> tuple[list[Token], list[list[str]]]:
    """Tokens and their features for one folded sentence."""
    tokens = tokenize(text)
    return tokens, features(tokens, rule_tags(text, tokens))
