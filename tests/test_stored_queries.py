"""Expected rows of every stored query on the curated data: tests/queries/NAME/CASE.json."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kommgraph.query import catalogue as queries
from kommgraph.query.engines import OxigraphEngine
from kommgraph.query.result import display
from kommgraph.store.load import load

CASES = Path(__file__).parent / "queries"
ROOT = Path(__file__).resolve().parents[1]


def case_files() -> list[Path]:
    return sorted(CASES.glob("*/*.json"))


@pytest.mark.parametrize("name", sorted(queries.catalogue()))
def test_every_stored_query_has_expected_rows_and_a_summary(name):
    assert list((CASES / name).glob("*.json")), f"add tests/queries/{name}/CASE.json"
    assert queries.catalogue()[name].summary


@pytest.mark.parametrize("path", case_files(), ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_expected_rows_were_reviewed_against_the_sources(path):
    """Rows written by `python tests/queries/regenerate.py --write` lose this record until read again."""
    reviewed = json.loads(path.read_text(encoding="utf-8")).get("reviewed", {})
    assert reviewed.get("date") and reviewed.get("checked"), f"{path}: review against data/sources"


@pytest.mark.parametrize("path", case_files(), ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_stored_query_gives_the_expected_rows(path, bundled):
    case = json.loads(path.read_text(encoding="utf-8"))
    stored = queries.catalogue()[path.parent.name]
    store = load(ROOT / case["data"]).store if "data" in case else bundled.store  # a fixture data dir
    result = OxigraphEngine(store).select(stored.bind(case["params"]))
    assert result.variables == case["variables"]
    assert [[display(t) for t in row] for row in result.rows] == case["rows"]
