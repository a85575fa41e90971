"""The spaCy unit recogniser's tools (measured, not shipped): gold spans as spaCy entities over the
converter's own tokens, and how tagged spans are combined with the rules' mentions."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCORER = ROOT.parent / "shared" / "tools" / "score_extraction.py"
pytestmark = pytest.mark.skipif(
    not SCORER.exists(), reason="../shared/tools/score_extraction.py is not beside the project"
)
pytest.importorskip("spacy", reason="spaCy is measured, not a dependency: pip install spacy")
sys.path.insert(0, str(ROOT / "tools"))

import spacy_units_data as sdata  # noqa: E402
import spacy_units_reader as reader  # noqa: E402
import unit_tagger_data as data  # noqa: E402

from kommgraph.convert.extract import units  # noqa: E402
from kommgraph.convert.extract.units import tokenize  # noqa: E402

TEXT = "Die Aufgaben des Amtes für Beispielwesen gehen an das Bauamt."


def _read(text: str, gold: list[list[str]]) -> data.Read:
    tokens = tokenize(text)
    mentions = units.find_mentions(text)
    return data.Read(text, tokens, mentions, data.bio(text, tokens, gold, mentions))


def test_words_keep_the_converters_tokens_and_spaces():
    words, spaces = sdata.words_and_spaces("Das Bauamt (neu).", tokenize("Das Bauamt (neu)."))
    assert (words, spaces) == (
        ["Das", "Bauamt", "(", "neu", ")", "."],
        [True, True, False, False, False, False],
    )


def test_an_inflected_gold_name_becomes_one_unit_entity():
    nlp = reader.blank()
    (example,) = sdata.examples(nlp, [_read(TEXT, [["Amt für Beispielwesen"], ["Bauamt"]])])
    assert [(e.text, e.label_) for e in example.reference.ents] == [
        ("Amtes für Beispielwesen", "UNIT"),
        ("Bauamt", "UNIT"),
    ]


def test_an_entity_gives_back_its_bio_tags():
    nlp = reader.blank()
    (example,) = sdata.examples(nlp, [_read(TEXT, [["Amt für Beispielwesen"]])])
    assert sdata.tags_of(example.reference) == ["O", "O", "O", "B", "I", "I", "O", "O", "O", "O", "O"]


def _combined(mode: str, tags: list[str]) -> list[tuple[str, str | None]]:
    text = "Das Bauamt übernimmt die Beispielrunde Musterstadt."
    tokens = tokenize(text)
    mentions = units.find_mentions(text)
    return [(text[m.start : m.end], m.name) for m in reader.combine(text, tokens, tags, mentions, mode)]


@pytest.mark.parametrize(
    ("mode", "tags", "expected"),
    [
        (
            "union",
            ["O", "B", "O", "O", "B", "I", "O"],
            [("Bauamt", "Bauamt"), ("Beispielrunde Musterstadt", "Beispielrunde Musterstadt")],
        ),
        ("veto", ["O", "O", "O", "O", "B", "I", "O"], []),
        ("veto", ["O", "B", "O", "O", "O", "O", "O"], [("Bauamt", "Bauamt")]),
        (
            "alone",
            ["O", "O", "O", "O", "B", "I", "O"],
            [("Beispielrunde Musterstadt", "Beispielrunde Musterstadt")],
        ),
    ],
)
def test_tagged_spans_are_added_veto_or_replace_the_rules_mentions(mode, tags, expected):
    assert _combined(mode, tags) == expected
