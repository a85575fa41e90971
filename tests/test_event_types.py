"""Which change events replace, begin and end a unit is defined once (kommgraph.core.vocab); the rules
that derive successions and lifespans must list the same types."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kommgraph.core.vocab import BEGINNING_EVENTS, ENDING_EVENTS, KG, SUCCESSION_EVENTS

RULES = Path(__file__).resolve().parents[1] / "queries" / "rules"


def listed_types(rule: str) -> set:
    text = (RULES / rule).read_text(encoding="utf-8")
    (values,) = re.findall(r"VALUES \?type \{([^}]*)\}", text)
    return {KG[name] for name in re.findall(r"kg:(\w+)", values)}


@pytest.mark.parametrize(
    "rule, types",
    [
        ("10-succession.rq", SUCCESSION_EVENTS),
        ("20-lifespan-start.rq", BEGINNING_EVENTS),
        ("21-lifespan-end.rq", ENDING_EVENTS),
    ],
)
def test_the_rule_lists_the_types_defined_in_vocab(rule, types):
    assert listed_types(rule) == set(types)


def test_a_spin_off_begins_the_new_unit_and_ends_the_part_spun_off():
    assert KG.SpinOff in BEGINNING_EVENTS and KG.SpinOff in ENDING_EVENTS


def test_founding_only_begins_and_dissolution_only_ends():
    assert KG.Founding in BEGINNING_EVENTS - ENDING_EVENTS
    assert KG.Dissolution in ENDING_EVENTS - BEGINNING_EVENTS
