"""The rule for planned changes (docs/temporal.md) holds in the query, in lineage and on the pages: the
2018 Frankfurt transfer is announced as planned (news of 2018-05-30) and reported as done (council
report of 2018-11-02)."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest
from click.testing import CliRunner

from conftest import DATA
from kommgraph.cli.main import main
from kommgraph.publish.pages import Pages
from kommgraph.publish.site import Site
from kommgraph.store.load import load
from kommgraph.temporal.known_at import known_at
from kommgraph.temporal.lineage import events

TRANSFER = (
    "https://w3id.org/kommgraph/id/event/06412000/"
    "2018-transfer-of-functions-amt-fuer-informations-und-kommunikationstechnik"
)
BEFORE_THE_REPORT = dt.date(2018, 6, 1)


@pytest.fixture(scope="module")
def loaded():
    return load(DATA)


def planned_column(*args: str) -> list[str]:
    result = CliRunner().invoke(
        main,
        [
            "query",
            "functions-moved",
            "-p",
            "pattern=E-Government",
            "--format",
            "csv",
            "--data-dir",
            str(DATA),
            *args,
        ],
        catch_exceptions=False,
    )
    assert result.exit_code == 0, result.output
    return [row["planned"] for row in csv.DictReader(io.StringIO(result.stdout))]


def test_the_query_shows_the_transfer_done_on_every_row_once_the_report_states_it():
    assert planned_column() == ["", "", "", ""]


def test_the_query_shows_it_planned_as_known_before_the_report():
    assert planned_column("--known-at", BEFORE_THE_REPORT.isoformat()) == ["planned"]


@pytest.mark.parametrize("day, planned", [(None, False), (BEFORE_THE_REPORT, True)])
def test_lineage_and_pages_agree_with_the_query(loaded, day, planned):
    store = loaded.store if day is None else known_at(loaded, day)
    assert events(store, [TRANSFER])[TRANSFER].planned is planned
    pages = Pages(store, Site())
    assert pages.still_planned(TRANSFER) is planned
    assert ("· geplant" in pages.page(TRANSFER)) is planned


def test_the_timeline_on_german_pages_speaks_german(loaded):
    from kommgraph.temporal import timeline
    from kommgraph.temporal.find import find_authority

    tl = timeline.build(loaded.store, find_authority(loaded.store, "06411000"))
    svg = timeline.to_svg(tl, lang="de")
    for words in ("Einheiten im Zeitverlauf", "ersetzt durch", "2021-04-01 Ausgliederung", "Daten unbekannt"):
        assert words in svg, words
    for words in ("units over time", "replaced by", "spun off", "no dates known"):
        assert words not in svg, words
