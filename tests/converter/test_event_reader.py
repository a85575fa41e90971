"""The learned event reader (measured, shipped switched off): the model, its features, its combination
with the rules, and the determinism of its training."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from kommgraph.convert.extract import event_reader
from kommgraph.convert.extract.event_reader import Model, Read, Settings, apply, features
from kommgraph.convert.extract.model import Event, Facts, Metadata, Span, Unit

ROOT = Path(__file__).resolve().parents[2]
SCORER = ROOT.parent / "shared" / "tools" / "score_extraction.py"

FOUNDED = Read(Span(0, 60), "Zum 1. Juli wird das «U0» neu gegründet.", ["Amt für Beispielwesen"], ["Amt"])


def _facts(*events: Event) -> Facts:
    facts = Facts(Metadata())
    facts.units["Amt für Beispielwesen"] = Unit("Amt für Beispielwesen", "Amt")
    facts.events += events
    return facts


@pytest.fixture(autouse=True)
def _shipped_afterwards():
    yield
    event_reader.use(None)


def test_the_shipped_model_loads_and_the_reader_is_switched_off() -> None:
    model = event_reader.load()
    assert model.labels[0] == "none"
    assert sorted(model.labels[1:]) == sorted(event_reader.KIND)
    assert len(model.weights) > 500
    assert event_reader.shipped() == Settings()


def test_features_name_no_unit_and_no_number() -> None:
    feats = features(FOUNDED, 0, ("founding",))
    assert "w=gegründe" in feats and "ptc_after=gegründe" in feats and "L1=das" in feats
    assert "rule=founding" in feats and "date=True" in feats and "type=Amt" in feats
    assert [f for f in feats if "beispiel" in f.lower() or "=1" in f or "<" in f] == ["mentions=1"]


@pytest.mark.parametrize(
    ("read", "rules", "expected"),
    [
        (FOUNDED, ("founding",), "founding"),
        (Read(Span(0, 40), "Das «U0» ist montags geöffnet.", ["Amt für Beispielwesen"], ["Amt"]), (), "none"),
    ],
)
def test_a_sentence_of_our_own_gets_its_type(read: Read, rules: tuple, expected: str) -> None:
    probs = event_reader.load().probabilities(features(read, 0, rules))
    assert max(probs, key=probs.get) == expected


TOY = Model(["none", "founding"], {"w=gegründe": [0.0, 3.0], "w=geöffne": [3.0, 0.0]})


def test_add_makes_an_event_where_the_rules_have_none() -> None:
    facts = _facts()
    event_reader.use(Settings(add=0.5, model=TOY))
    apply(facts, [FOUNDED])
    assert [(e.event_type, e.resulting, e.confidence) for e in facts.events] == [
        ("Founding", ["Amt für Beispielwesen"], event_reader.ADDED_CONFIDENCE)
    ]


def test_add_leaves_a_unit_the_rules_changed() -> None:
    rule = Event("Renaming", resulting=["Amt für Beispielwesen"], evidence=[Span(0, 60)])
    facts = _facts(rule)
    event_reader.use(Settings(add=0.5, model=TOY))
    apply(facts, [FOUNDED])
    assert facts.events == [rule]


def test_veto_drops_a_rule_event_the_reader_calls_none() -> None:
    opened = Read(Span(0, 40), "Das «U0» ist montags geöffnet.", ["Amt für Beispielwesen"], ["Amt"])
    facts = _facts(Event("Founding", resulting=["Amt für Beispielwesen"], evidence=[Span(0, 40)]))
    event_reader.use(Settings(veto=0.9, model=TOY))
    apply(facts, [opened])
    assert facts.events == []


@pytest.mark.skipif(
    not SCORER.exists(), reason="../shared/tools/score_extraction.py is not beside the project"
)
def test_training_is_deterministic(tmp_path: Path) -> None:
    sys.path.insert(0, str(ROOT / "tools"))
    import event_reader_data as data
    import train_event_reader as trainer

    sample = data.dev_texts()[:12]
    candidates = [c for path in sample for c in data.labelled(path, data.gold_of(path))]
    params = {"steps": 20, "min_authorities": 1}
    for name in ("a.json", "b.json"):
        trainer.dump(trainer.fit(candidates, params), tmp_path / name)
    assert (tmp_path / "a.json").read_bytes() == (tmp_path / "b.json").read_bytes()
    assert len((tmp_path / "a.json").read_bytes()) > 1000
