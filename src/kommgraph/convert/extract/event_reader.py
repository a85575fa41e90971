"""A learned event reader beside the rules: per (sentence, named unit mention) the probability of each
gold event type for which the mention is the changed unit (``to``, or ``from`` when a change has none).

The features are the German of the sentence, never its names: every unit mention is replaced by a
placeholder (``<U>`` for the one asked about, ``<O>`` for the others), the remaining words are cut to
a stem; the words next to the mention, participles (``ge...t``, ``ge...en``) before and after it, cues
of the future, of modality and negation, a date, the mention's head type and whether the rules made an
event with it (and of which type). A multinomial logistic regression trained by
``tools/train_event_reader.py`` (deterministic) gives the weights, shipped as a small JSON file read
once, lazily. ``apply`` combines it with the rules after the event passes: ``add`` an event of the
predicted type where the rules have none for the unit, ``veto`` a rule event the reader calls ``none``.
Measured by ``benchmarks/event_reader_cv.py`` (docs/converter.md, "Round 10: a learned event reader").
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from kommgraph.convert.extract.model import Event, Facts, Span

MODEL_PATH = Path(__file__).resolve().parent / "models" / "event_reader.json"
NONE = "none"
# the event class of each gold type when the reader adds one; dissolution names its unit as ``from``
KIND = {
    "founding": "Founding",
    "renaming": "Renaming",
    "merger": "Merger",
    "split": "Split",
    "transfer_of_tasks": "TransferOfFunctions",
    "dissolution": "Dissolution",
    "restructuring": "ChangeEvent",
}
GOLD_TYPE = {
    "Founding": "founding",
    "Renaming": "renaming",
    "Merger": "merger",
    "Absorption": "merger",
    "Split": "split",
    "SpinOff": "split",
    "TransferOfFunctions": "transfer_of_tasks",
    "Dissolution": "dissolution",
    "Relocation": "restructuring",
    "ChangeEvent": "restructuring",
}
FROM_TYPES = frozenset({"dissolution"})
ADDED_CONFIDENCE = 0.4  # below the rules' 0.5-0.8

_WORD = re.compile(r"<[UO]>|[^\W\d_]+|\d+", re.UNICODE)
_PLACEHOLDER = re.compile(r"«U(\d+)»")
_SUFFIXES = ("ungen", "ung", "ern", "en", "er", "es", "em", "st", "e", "s", "n", "t")
_CUES = frozenset({"wird", "werden", "soll", "sollen", "künftig", "zukünftig", "nicht", "kein", "keine",
                   "bisher", "bisherig", "bisherige", "bisherigen", "neu", "neue", "neuen", "neues", "neuer",
                   "wurde", "wurden", "ist", "sind", "hat", "haben", "seit", "ab", "zum", "mit"})  # fmt: skip
_MONTHS = re.compile(
    r"\b(?:\d{1,2}\.\s*\d{1,2}\.\s*\d{2,4}|Januar|Februar|März|April|Mai|Juni|Juli|August|September"
    r"|Oktober|November|Dezember|(?:19|20)\d\d)\b"
)


@dataclass
class Read:
    """One article sentence as the pipeline read it: its placeholder text and the mentions' names."""

    span: Span
    marked: str  # the folded sentence with ``«U<i>»`` for mention i
    names: list[str | None]
    types: list[str]


@cache
def stem(word: str) -> str:
    """A German word lowercased and cut to a rough stem (``gegründet`` → ``gegründ``)."""
    lower = word.lower()
    for suffix in _SUFFIXES:
        if lower.endswith(suffix) and len(lower) - len(suffix) >= 4:
            return lower[: -len(suffix)]
    return lower


def _participle(word: str) -> bool:
    lower = word.lower()
    return len(lower) > 5 and ("ge" in lower[:8]) and lower.endswith(("t", "en")) and word[:1].islower()


def features(read: Read, index: int, rules: tuple[str, ...]) -> list[str]:
    """The features of mention ``index`` of a sentence; ``rules``: the rules' event types with it."""
    text = _PLACEHOLDER.sub(lambda m: " <U> " if int(m.group(1)) == index else " <O> ", read.marked)
    words = ["<n>" if w.isdigit() else w for w in _WORD.findall(text)]  # no years or numbers of texts
    where = words.index("<U>") if "<U>" in words else 0
    out = ["bias", f"type={read.types[index]}", f"mentions={min(len(read.names), 4)}"]
    out.append(f"first={all(w != '<O>' for w in words[:where])}")
    out += [f"w={stem(w)}" for w in sorted({w for w in words if w not in ("<U>", "<O>", "<n>")})]
    for k in (1, 2, 3):
        if where - k >= 0:
            out.append(f"L{k}={stem(words[where - k])}")
        if where + k < len(words):
            out.append(f"R{k}={stem(words[where + k])}")
    if where >= 2:
        out.append(f"L21={words[where - 2].lower()}_{words[where - 1].lower()}")
    for k, w in enumerate(words):
        if _participle(w):
            out.append(f"ptc_{'after' if k > where else 'before'}={stem(w)}")
        if w.lower() in _CUES:
            side = "after" if k > where else "before"
            out.append(f"cue={w.lower()}")
            out.append(f"cue_{side}={w.lower()}")
    out.append(f"date={bool(_MONTHS.search(read.marked))}")
    out.append(f"rules={bool(rules)}")
    out += [f"rule={r}" for r in sorted(set(rules))]
    return out


class Model:
    """Feature weights per label; ``probabilities`` is a softmax over the summed weights."""

    def __init__(self, labels: list[str], weights: dict[str, list[float]]):
        self.labels, self.weights = labels, weights

    def probabilities(self, feats: list[str]) -> dict[str, float]:
        scores = [0.0] * len(self.labels)
        for f in feats:
            row = self.weights.get(f)
            if row:
                for k, w in enumerate(row):
                    scores[k] += w
        top = max(scores)
        exps = [math.exp(s - top) for s in scores]
        total = sum(exps)
        return {label: e / total for label, e in zip(self.labels, exps, strict=True)}


def load(path: Path = MODEL_PATH) -> Model:
    data = json.loads(path.read_text(encoding="utf-8"))
    return Model(data["labels"], data["weights"])


@dataclass
class Settings:
    """How the reader combines with the rules; ``add``/``veto`` None switches that part off."""

    add: float | None = None
    veto: float | None = None
    model: Model | None = None
    observe: Callable[[Facts, list[Read]], None] | None = None  # tools record the candidates


# Switched off: the reader did not win on texts it was not trained on (benchmarks/event_reader_cv.py,
# docs/converter.md, "Round 10: a learned event reader"). Set the thresholds to put it in; the model is
# then read once.
ADD_THRESHOLD: float | None = None
VETO_THRESHOLD: float | None = None
_OVERRIDE: Settings | None = None  # None: the shipped settings
_SHIPPED: list[Settings] = []


def shipped() -> Settings:
    """The shipped settings; the model file is read (once) only when a threshold is set."""
    if ADD_THRESHOLD is None and VETO_THRESHOLD is None:
        return Settings()
    if not _SHIPPED:
        _SHIPPED.append(Settings(ADD_THRESHOLD, VETO_THRESHOLD, load()))
    return _SHIPPED[0]


def use(settings: Settings | None) -> None:
    """Put other settings in (benchmarks, tools); None gives back the shipped ones."""
    global _OVERRIDE
    _OVERRIDE = settings


def current() -> Settings | None:
    return _OVERRIDE


def wanted() -> bool:
    """Whether the pipeline need record its sentences for the reader (not when it is switched off)."""
    return _OVERRIDE is not None or ADD_THRESHOLD is not None or VETO_THRESHOLD is not None


def rule_roles(facts: Facts) -> dict[tuple[int, str], tuple[str, ...]]:
    """(sentence start, unit name) → the gold types of the rule events that change that unit there."""
    out: dict[tuple[int, str], tuple[str, ...]] = {}
    for event in facts.events:
        kind = GOLD_TYPE.get(event.event_type, "restructuring")
        names = event.resulting or event.original
        for span in event.evidence[:1]:
            for name in names:
                out[(span.start, name)] = (*out.get((span.start, name), ()), kind)
    return out


def candidates(facts: Facts, reads: list[Read]):
    """(read, mention index, unit name, the rules' event types with it there) of each named mention,
    once per name and sentence."""
    roles = rule_roles(facts)
    for read in reads:
        seen: set[str] = set()
        for i, name in enumerate(read.names):
            if not name or name in seen or name.startswith("<") or name not in facts.units:
                continue
            seen.add(name)
            yield read, i, name, roles.get((read.span.start, name), ())


def apply(facts: Facts, reads: list[Read]) -> None:
    """Add and veto events by the reader's probabilities (the settings say which, at what threshold)."""
    settings = _OVERRIDE or shipped()
    if settings.observe is not None:
        settings.observe(facts, reads)
    model, add, veto = settings.model, settings.add, settings.veto
    if model is None or (add is None and veto is None) or not reads:
        return
    changed = {n for e in facts.events for n in (e.resulting or e.original)}
    vetoed: set[int] = set()
    added: list[Event] = []
    for read, i, name, rules in candidates(facts, reads):
        if (add is None or name in changed) and (veto is None or not rules):
            continue  # nothing to decide: spare the features
        probs = model.probabilities(features(read, i, rules))
        if veto is not None and rules and probs[NONE] > veto:
            for k, event in enumerate(facts.events):
                if event.evidence[:1] == [read.span] and name in (event.resulting or event.original):
                    vetoed.add(k)
        if add is None or name in changed:
            continue
        label = max((lab for lab in model.labels if lab != NONE), key=lambda lab: (probs[lab], lab))
        if probs[label] > add:
            event = Event(KIND[label], evidence=[read.span], confidence=ADDED_CONFIDENCE)
            if label in FROM_TYPES:
                event.original = [name]
            else:
                event.resulting = [name]
            added.append(event)
            changed.add(name)
    if vetoed:
        facts.events = [e for k, e in enumerate(facts.events) if k not in vetoed]
    facts.events += added
