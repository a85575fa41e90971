"""Dates of round 4 (issue 10): a decision verb after a date makes it the date of the decision."""

from __future__ import annotations

import pytest

from kommgraph.convert.extract.dates import cue_before, find_dates
from kommgraph.convert.extract.model import DateValue

PUBLISHED = DateValue("2031-10-05")


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Der Rat hat am 1. Oktober beschlossen, ein Musteramt zu gründen.", [("2031-10-01", "announced")]),
        ("Der Rat hat am 1. Oktober in seiner Sitzung zugestimmt.", [("2031-10-01", "announced")]),
        # a strong cue before the date keeps it the date of the change
        ("Der Rat hat zum 1. Januar die Gründung beschlossen.", [("2032-01-01", "effective")]),
        # no decision verb after the date: "am" looks ahead to the next 1. Dezember
        ("Am 1. Dezember wird das Musteramt gegründet.", [("2031-12-01", "effective")]),
        ("Am 1. Februar wird das Musteramt gegründet.", [("2032-02-01", "effective")]),
    ],
)  # fmt: skip
def test_decision_verb_after_the_date(sentence: str, expected: list[tuple[str, str]]) -> None:
    found = find_dates(sentence, PUBLISHED)
    assert [(d.value.value, cue_before(sentence, d)) for d in found] == expected
