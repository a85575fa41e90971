"""kommgraph conflicts: where sources disagree, and how a curator's preference resolves it."""

from __future__ import annotations

import csv
import datetime as dt
import io

from kommgraph.core.dates import Answer
from kommgraph.query import catalogue as queries
from kommgraph.store.load import load
from kommgraph.temporal.conflicts import conflicts
from kommgraph.temporal.find import find_authority
from kommgraph.temporal.lineage import events
from kommgraph.temporal.snapshot import snapshot

RENAMING = "https://w3id.org/kommgraph/id/event/09999000/2020-01-01-renaming-amt-fuer-digitalisierung"


def _rows(output: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(output)))


def test_two_disagreeing_sources_are_reported_with_both_sources_and_quotes(run, conflict_dir):
    result = run("conflicts", "--data-dir", str(conflict_dir), "--format", "csv")
    assert result.exit_code == 0
    rows = {row["kind"]: row for row in _rows(result.output)}
    assert set(rows) == {"date", "event type", "alive after end"}
    date = rows["date"]
    assert (date["subject"], date["property"]) == (
        "kgid:event/09999000/2020-01-01-renaming-amt-fuer-digitalisierung",
        "kg:effectiveDate",
    )
    assert (date["value_a"], date["source_a"]) == ("2020-01-01", "Amtsblatt Musterstadt 3/2020 (2020-02-01)")
    assert (date["value_b"], date["source_b"]) == ("2020-04", "Neues Amt für Digitalisierung (2020-05-04)")
    assert date["quote_a"] == "Zum 1. Januar 2020 heißt das Amt für IT Amt für Digitalisierung."
    assert date["quote_b"].startswith("Seit April 2020")
    assert (date["status"], date["prevailing"]) == ("open", "")
    assert (rows["event type"]["value_a"], rows["event type"]["value_b"]) == ("absorption", "dissolution")
    alive = rows["alive after end"]
    assert (alive["label"], alive["value_a"], alive["value_b"]) == (
        "Poststelle",
        "ends 2019-10-01",
        "membership from 2020-03-01",
    )
    assert alive["quote_b"] == "Die Poststelle leitet seit dem 1. März 2020 Erika Muster."


def test_dates_of_different_precision_that_agree_are_no_conflict(conflict_dir):
    # the announcement: "2019" in one source, "2019-12-10" in the other
    rows = conflicts(load(conflict_dir).store).dicts()
    assert all(str(r["property"]).rsplit("#", 1)[-1] != "announcedDate" for r in rows)


def test_the_curated_data_has_no_conflicts(bundled):
    assert conflicts(bundled.store).rows == []


def test_a_recorded_preference_resolves_the_conflict_and_keeps_the_other_statement(run, preferred_dir):
    rows = {
        row["kind"]: row
        for row in _rows(run("conflicts", "--data-dir", str(preferred_dir), "--format", "csv").output)
    }
    assert (rows["date"]["status"], rows["date"]["prevailing"]) == (
        "resolved",
        "Neues Amt für Digitalisierung (2020-05-04)",
    )
    assert rows["date"]["value_a"] == "2020-01-01"  # source A's statement is still in the data
    assert rows["event type"]["status"] == "open"  # the preference is about the renaming only


def test_the_preference_decides_the_dates_the_engine_uses(conflict_dir, preferred_dir):
    day = dt.date(2020, 2, 15)
    for directory, expected in (
        (conflict_dir, {"Amt für IT": Answer.POSSIBLE, "Amt für Digitalisierung": Answer.POSSIBLE}),
        (preferred_dir, {"Amt für IT": Answer.CERTAIN}),
    ):
        store = load(directory).store
        snap = snapshot(store, find_authority(store, "Musterstadt"), day)
        statuses = {u.name: u.status for u in snap.units if u.name.startswith("Amt für")}
        assert statuses == expected
    store = load(preferred_dir).store
    renaming = events(store, [RENAMING])[RENAMING]
    assert str(renaming.date) == "2020-04"
    assert [s.title for s in renaming.sources] == [
        "Amtsblatt Musterstadt 3/2020",
        "Neues Amt für Digitalisierung",
    ]


def test_conflicts_as_known_before_the_second_source(run, conflict_dir):
    result = run("conflicts", "--data-dir", str(conflict_dir), "--known-at", "2020-03-01", "--format", "csv")
    assert _rows(result.output) == []


def test_the_stored_query_is_in_the_catalogue():
    stored = queries.catalogue()["conflicts"]
    assert "disagree" in stored.summary and stored.parameters == []
