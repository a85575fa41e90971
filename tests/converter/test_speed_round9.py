"""Round 9's keyword pre-scan (conv-speed9): a guard before a rule regex never changes its answer.

A guard is read from the pattern (the literals every match needs); these tests check the reading on
crafted patterns, the wrapper's answers method by method, and, on every call the extraction makes for
the fixture texts and the corpus (dev, test, holdout), that a text the guard turns away has no match.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from tests.converter.helpers import TEXTS

from kommgraph.convert import guards, startup_cache
from kommgraph.convert.extract import event_slots, extract, pipeline
from kommgraph.convert.guards import Guarded, probe_pattern, required_words
from kommgraph.store.sources import SourceDocument

CORPUS = Path(__file__).resolve().parents[2] / "corpus"


@pytest.mark.parametrize(
    ("pattern", "flags", "words"),
    [
        # an alternation of words: each word is needed by its own alternative
        (r"\s«U\d+» (?:zusammengelegt|fusioniert)", 0, ("fusioniert", "zusammengelegt")),
        (r"\s+(?:umbenannt|Umbenennung)\b", 0, ("Umbenennung", "umbenannt")),
        # a word that contains another word of the set is implied by it
        (r"\s(?:richtet|eingerichtet)", 0, ("richtet",)),
        # a repetition of at least one keeps its literals; the most selective clause is taken
        (r"\s(?:ab)+ (?:\w+ ){0,3}?gegründet", 0, ("gegründet",)),
        # an optional part gives no literal: the required one after it is taken
        (r"\s(?:neue )?Abteilung", 0, ("Abteilung",)),
    ],
)
def test_required_words_are_read_from_the_pattern(pattern, flags, words):
    guard = required_words(pattern, flags)
    assert guard is not None
    assert guard[0] == words


@pytest.mark.parametrize(
    ("pattern", "flags"),
    [
        (r"\s(?:umbenannt|\w+t)", 0),  # an alternative without a literal
        (r"\s(?:umbenannt|Umbenennung)", re.IGNORECASE),  # case-insensitive: no literal test
        (r"\s(?i:umbenannt|Umbenennung)", 0),  # the same, inline
        (r"\s(?:umbenannt)?", 0),  # an optional part only
        (r"\s(?:in|im|am)\s", 0),  # words too short to say anything
        (r"\b(?:umbenannt|Umbenennung)", 0),  # a choice of words first: the engine scans as a probe would
        (r"^Die (?:umbenannt|Umbenennung)", 0),  # anchored at the start: one try
        (r"(?<!neu)\s(?!Amt)\w+", 0),  # look-arounds give no literal
    ],
)
def test_no_guard_where_it_cannot_help(pattern, flags):
    assert required_words(pattern, flags) is None


def test_a_second_clause_is_checked_when_the_probe_word_is_found():
    pattern = r"\s«U\d+»\s+wird (?:\w+ ){0,3}?(?:umbenannt|umgewandelt)"
    guard = required_words(pattern)  # (the engine's parser puts the common "um" first)
    assert guard == (("benannt", "gewandelt"), ((("benannt", "gewandelt"), ("wird ",), ("«U",)),))
    guarded = Guarded(re.compile(pattern), guard, re.compile(probe_pattern(guard[0])))
    assert guarded._absent("Die «U0» wird aufgelöst.")  # no probe word
    assert guarded._absent("Das Amt wird umbenannt.")  # the probe word, but no unit
    assert not guarded._absent("Die «U0» wird zum 1. Mai umbenannt.")


TEXTS_FOR_METHODS = ["«U0» wird zum 1. Mai in «U1» umbenannt; «U2» wird umbenannt.", "Das Amt bleibt.", ""]


@pytest.mark.parametrize("text", TEXTS_FOR_METHODS)
@pytest.mark.parametrize(
    ("method", "args"),
    [
        ("search", ()),
        ("search", (5,)),
        ("match", ()),
        ("fullmatch", ()),
        ("findall", ()),
        ("finditer", ()),
        ("sub", ("X",)),
        ("subn", ("X",)),
        ("split", ()),
    ],
)
def test_guarded_answers_as_the_pattern_does(text, method, args):
    plain = re.compile(r"\s*«U(?P<u>\d+)»\s+(?:wird|wurde)\s+(?:[\w.]+\s+){0,4}?umbenannt")
    guard = required_words(plain.pattern)
    assert guard is not None
    guarded = Guarded(plain, guard, re.compile(probe_pattern(guard[0])))

    def answer(pattern):
        call = getattr(pattern, method)
        result = call(*args, text) if method in ("sub", "subn") else call(text, *args)
        if method == "finditer":
            result = list(result)
        if isinstance(result, re.Match):
            return result.span(), result.groupdict()
        if isinstance(result, list) and result and isinstance(result[0], re.Match):
            return [(m.span(), m.groupdict()) for m in result]
        return result

    assert answer(guarded) == answer(plain)
    assert guarded.pattern == plain.pattern and guarded.groupindex == plain.groupindex


def test_rule_modules_patterns_are_guarded_without_an_edit():
    assert isinstance(pipeline.PLACED, Guarded)  # a module's own re.compile
    assert isinstance(event_slots.TRIGGERS["merger"], Guarded)  # a pattern file's family
    # a family whose every alternative starts with a literal needs no guard (``required_words`` gives None):
    # it is a plain pattern unless a cache written by an older ``guards`` says otherwise
    families = event_slots.TRIGGERS.values()
    assert all(isinstance(p, Guarded) or required_words(p.pattern) is None for p in families)


def test_guards_are_kept_between_runs(tmp_path, monkeypatch):
    monkeypatch.setenv("KOMMGRAPH_REGEX_CACHE", str(tmp_path))
    monkeypatch.setattr(startup_cache, "_stored", None)
    monkeypatch.setattr(startup_cache, "_added", {})
    pattern = r"\s«U\d+» (?:zusammengelegt|fusioniert)"
    assert startup_cache.guard(pattern) == required_words(pattern)
    startup_cache.save()
    monkeypatch.setattr(startup_cache, "_stored", None)
    monkeypatch.setattr(guards, "required_words", lambda *_: pytest.fail("read again"))
    assert startup_cache.guard(pattern) == (
        ("fusioniert", "zusammengelegt"),
        ((("fusioniert", "zusammengelegt"), ("«U",)),),
    )


def _documents() -> list[Path]:
    """The fixture texts and the labelled corpus sets (never corpus/fresh: it is scored blind)."""
    paths = sorted(TEXTS.glob("*.txt"))
    for name in ("dev", "test", "holdout"):
        paths += sorted((CORPUS / name).glob("*.txt"))
    return paths


def test_a_text_turned_away_has_no_match(monkeypatch):
    """Every call the extraction makes on the fixture texts and the corpus: where the guard says the
    pattern cannot match, the pattern indeed finds nothing (anywhere in the text)."""
    wrong: list[tuple[str, str]] = []
    checked = [0]

    def checking(method):
        def call(self, text, *args):
            if self._absent(text):
                checked[0] += 1
                if self.pattern_object.search(text) is not None:
                    wrong.append((self.pattern[:60], text[:80]))
            return method(self, text, *args)

        return call

    for name in ("search", "match", "fullmatch", "finditer", "findall"):
        monkeypatch.setattr(Guarded, name, checking(getattr(Guarded, name)))
    for path in _documents():
        extract(SourceDocument(path=path, text=path.read_text(encoding="utf-8")))
    assert wrong == []
    assert checked[0] > 10_000  # the guards were asked (and turned texts away)
