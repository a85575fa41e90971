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

from kommgraph.convert.extract import units  # noqa: E402
from kommgraph.convert.extract.units import tokenize  # noqa: E402


def _tagged(text: str, gold: list[list[str]]) -> list[tuple[str, str]]:
    tokens = tokenize(text)
    tags = data.bio(text, tokens, gold, units.find_mentions(text))
    return [(t.text, tag) for t, tag in zip(tokens, tags, strict=True) if tag != "O"]


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
    tags = data.bio(text, tokens, [["Amt für Umwelt"], ["Amt für Verkehr"]], units.find_mentions(text))
    assert [s.name for s in features.spans(text, tokens, tags, features.rule_names(text))] == [
        "Amt für Umwelt",
        "Amt für Verkehr",
    ]


def test_an_inflected_head_is_named_in_the_nominative():
    text = "Die Leitung des Amtes für Umwelt übernimmt sie."
    tokens = tokenize(text)
    tags = ["B" if t.text == "Amtes" else "I" if t.text in ("für", "Umwelt") else "O" for t in tokens]
    assert features.spans(text, tokens, tags) == [features.TaggedSpan(16, 32, "Amt für Umwelt", 3, 6)]


def test_the_rules_mark_their_mentions_as_a_feature():
    text = "Das Hauptamt zieht um."
    tokens = tokenize(text)
    tags = features.rule_tags(tokens, units.find_mentions(text))
    assert tags == ["O", "B", "O", "O", "O"]
    assert "rule=B" in features.features(tokens, tags)[1]
    assert not any(f.startswith("rule=") for f in features.features(tokens, None)[1])


@pytest.mark.parametrize(
    ("text", "index", "expected"),
    [
        ("Das Amt für Umwelt zieht um.", 3, {"-1:für=True", "afterhead=1", "-1:head=False"}),
        ("Die Leitung des Hauptamtes geht an sie.", 3, {"-1:gen=True", "compound=Amt", "head=-"}),
        ("Die Ämter Bau und Verkehr werden getrennt.", 4, {"-1:list=True", "afterhead=2"}),
        ("Er nennt es „Stadtgrün“ künftig.", 4, {"inq=True", "-1:w=„"}),
    ],
)
def test_german_cues_are_features(text, index, expected):
    tokens = tokenize(text)
    assert expected <= set(features.features(tokens, None)[index])


def test_the_base_feature_set_has_no_german_cues():
    tokens = tokenize("Das Amt für Umwelt zieht um.")
    assert not any(
        f.startswith(("afterhead=", "compound=", "-1:für="))
        for f in features.features(tokens, None, "base")[3]
    )


def test_a_reader_put_into_the_converter_sees_the_rules_mentions_and_is_taken_out_again():
    seen = []
    features.use(
        features.Reader(observe=lambda text, tokens, mentions: seen.append([m.name for m in mentions]))
    )
    try:
        assert [m.name for m in units.find_mentions("Das Hauptamt zieht um.")] == ["Hauptamt"]
    finally:
        features.use(None)
    assert seen == [["Hauptamt"]]
    units.find_mentions("Das Bauamt zieht um.")
    assert seen == [["Hauptamt"]]


def test_training_script_without_an_output_path_is_a_usage_error():
    pytest.importorskip("pycrfsuite")
    run = subprocess.run(
        [sys.executable, str(TOOLS / "train_unit_tagger.py")], capture_output=True, text=True, timeout=60
    )
    assert (run.returncode, run.stderr) == (2, "usage: python tools/train_unit_tagger.py OUT\n")
