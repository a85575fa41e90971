"""The CRF unit tagger's tools (measured, not shipped): gold alignment to BIO tags and names from spans."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TOOLS = ROOT / "tools"
SCORER = ROOT.parent / "shared" / "tools" / "score_extraction.py"
pytestmark = pytest.mark.skipif(
    not SCORER.exists(), reason="../shared/tools/score_extraction.py is not beside the project"
)
sys.path.insert(0, str(TOOLS))

import unit_tagger_data as data  # noqa: E402
import unit_tagger_features as features  # noqa: E402

from kommgraph.convert.extract.units import tokenize  # noqa: E402


def _tagged(text: str, gold: list[list[str]]) -> list[tuple[str, str]]:
    tokens = tokenize(text)
    return [(t.text, tag) for t, tag in zip(tokens, data.bio(text, tokens, gold), strict=True) if tag != "O"]


@pytest.mark.parametrize(
    ("text", "gold", "tagged"),
    [
        (
            "Die Aufgaben des Amtes für Umwelt gehen an das Bauamt.",
            [["Amt für Umwelt"], ["Bauamt"]],
            [("Amtes", "B"), ("für", "I"), ("Umwelt", "I"), ("Bauamt", "B")],
        ),
        (
            "Die Ämter für Umwelt und Verkehr werden zusammengelegt.",
            [["Amt für Umwelt"], ["Amt für Verkehr"]],
            [("Umwelt", "B"), ("Verkehr", "B")],
        ),
        (
            "Er leitet die Digitalen Dienste der Stadt.",
            [["Digitale Dienste"]],
            [("Digitalen", "B"), ("Dienste", "I")],
        ),
        ("Das Bauamt zieht um.", [["Amt für Umwelt"]], []),
    ],
)
def test_gold_names_are_aligned_in_their_inflected_and_list_forms(text, gold, tagged):
    assert _tagged(text, gold) == tagged


def test_a_tagged_list_item_takes_the_rules_name():
    text = "Die Ämter für Umwelt und Verkehr werden zusammengelegt."
    tokens = tokenize(text)
    tags = data.bio(text, tokens, [["Amt für Umwelt"], ["Amt für Verkehr"]])
    assert [s.name for s in features.spans(text, tokens, tags, features.rule_names(text))] == [
        "Amt für Umwelt",
        "Amt für Verkehr",
    ]


def test_an_inflected_head_is_named_in_the_nominative():
    text = "Die Leitung des Amtes für Umwelt übernimmt sie."
    tokens = tokenize(text)
    tags = ["B" if t.text == "Amtes" else "I" if t.text in ("für", "Umwelt") else "O" for t in tokens]
    assert features.spans(text, tokens, tags) == [features.TaggedSpan(16, 32, "Amt für Umwelt")]


def test_the_rules_mark_their_mentions_as_a_feature():
    text = "Das Hauptamt zieht um."
    tokens = tokenize(text)
    assert features.rule_tags(text, tokens) == ["O", "B", "O", "O", "O"]
    assert "rule=B" in features.features(tokens, features.rule_tags(text, tokens))[1]


def test_training_script_without_an_output_path_is_a_usage_error():
    pytest.importorskip("pycrfsuite")
    run = subprocess.run(
        [sys.executable, str(TOOLS / "train_unit_tagger.py")], capture_output=True, text=True, timeout=60
    )
    assert (run.returncode, run.stderr) == (2, "usage: python tools/train_unit_tagger.py OUT\n")
