"""Each fixture text in texts/ gives exactly the facts in the JSON file beside it."""

from __future__ import annotations

import pytest
from tests.converter.helpers import TEXTS, expected, fixture_stems, summary

from kommgraph.convert.extract import extract
from kommgraph.store.sources import read_source

STEMS = fixture_stems()


def test_enough_fixtures() -> None:
    assert len(STEMS) >= 60


@pytest.mark.parametrize("stem", STEMS)
def test_metadata(stem: str) -> None:
    got = summary(extract(read_source(TEXTS / f"{stem}.txt")))
    want = expected(stem)
    assert (got["place"], got["issued"]) == (want["place"], want["issued"])


@pytest.mark.parametrize("stem", STEMS)
def test_units(stem: str) -> None:
    got = summary(extract(read_source(TEXTS / f"{stem}.txt")))
    assert got["units"] == expected(stem)["units"]


@pytest.mark.parametrize("stem", STEMS)
def test_events(stem: str) -> None:
    got = summary(extract(read_source(TEXTS / f"{stem}.txt")))
    assert got["events"] == expected(stem)["events"]


@pytest.mark.parametrize("stem", STEMS)
def test_persons(stem: str) -> None:
    got = summary(extract(read_source(TEXTS / f"{stem}.txt")))
    assert got["persons"] == expected(stem)["persons"]
