"""kommgraph snapshot: an authority's units on a day, certain or possible, with parents and heads."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from tests.conftest import derived_graph_of

from kommgraph.core.dates import Answer
from kommgraph.temporal.find import find_authority
from kommgraph.temporal.known_at import known_at
from kommgraph.temporal.snapshot import snapshot
from kommgraph.validation.checks import check_findings
from kommgraph.validation.shacl import shacl_findings
from kommgraph.validation.shapes import shapes_graph


def _statuses(result) -> dict[str, str]:
    payload = json.loads(result.output)
    return {u["name"]: u["status"] for u in payload["units"]}


def test_frankfurt_before_the_renaming_has_the_stabsstelle_e_government(run):
    result = run("snapshot", "06412000", "--at", "2018-05-31")
    assert result.exit_code == 0
    assert "Stabsstelle E-Government (Stabsstelle, 2012~ – 2018-06-01): exists" in result.output
    assert "Stabsstelle Digitalisierung" not in result.output


def test_frankfurt_on_the_day_of_the_renaming_has_the_stabsstelle_digitalisierung(run):
    result = run("snapshot", "06412000", "--at", "2018-06-01")
    assert result.exit_code == 0
    assert "Stabsstelle Digitalisierung (Stabsstelle, 2018-06-01 – …): exists" in result.output
    assert "Stabsstelle E-Government" not in result.output


def test_offenbach_in_march_2021_possibly_has_its_stabsstelle(run):
    tree = run("snapshot", "Offenbach am Main", "--at", "2021-03-15")
    assert "Stabsstelle Digitalisierung (Stabsstelle, 2021-03 – …): possibly exists" in tree.output
    statuses = _statuses(run("snapshot", "Offenbach am Main", "--at", "2021-03-15", "--format", "json"))
    assert statuses["Stabsstelle Digitalisierung"] == "possible"
    assert statuses["Hauptamt"] == "certain"


def test_offenbach_on_1_april_2021_has_it(run):
    tree = run("snapshot", "offenbach am main", "--at", "2021-04-01")
    assert "Stabsstelle Digitalisierung (Stabsstelle, 2021-03 – …): exists" in tree.output
    assert "co-head: Anne Schwarz, Leitung im Tandem" in tree.output
    assert (
        _statuses(run("snapshot", "06413000", "--at", "2021-04-01", "--format", "json"))[
            "Stabsstelle Digitalisierung"
        ]
        == "certain"
    )


def test_offenbach_before_march_2021_has_none(run):
    output = run("snapshot", "06413000", "--at", "2021-02-28").output
    assert "── Stabsstelle Digitalisierung" not in output
    assert "placed in: Stabsstelle Digitalisierung (not in this snapshot)" in output  # its AG, undated


def test_the_tree_shows_parents_and_heads(run):
    output = run("snapshot", "Darmstadt", "--at", "2021-03-31").output
    assert "└── Amt für Interne Dienste (Amt, no dates known): exists\n" in output
    assert "    └── IT-Abteilung (Abteilung, … – 2021-04-01): exists\n" in output
    assert "head: Joachim Fröhlich, Leiter der IT-Abteilung" in output


def test_json_names_parents_and_heads(run):
    payload = json.loads(run("snapshot", "06411000", "--at", "2021-04-01", "--format", "json").output)
    units = {u["name"]: u for u in payload["units"]}
    assert set(units) == {"Amt für Digitalisierung und IT", "Amt für Interne Dienste"}
    amt = units["Amt für Digitalisierung und IT"]
    assert amt["heads"][0]["person"] == "Joachim Fröhlich"
    assert amt["valid_from"] == {
        "value": "2021-04-01",
        "earliest": "2021-04-01",
        "latest": "2021-04-01",
        "precision": "day",
        "approximate": False,
    }


def test_the_turtle_snapshot_validates_on_its_own(run):
    result = run("snapshot", "Offenbach am Main", "--at", "2021-03-15", "--format", "ttl")
    assert result.exit_code == 0
    assert "kg:possiblyIncludes" in result.output and "kg:certainlyIncludes" in result.output
    graph = derived_graph_of(result.output)
    violations = [f for f in shacl_findings(graph, shapes_graph()) if f.severity == "violation"]
    assert violations == []
    assert (
        run("snapshot", "Offenbach am Main", "--at", "2021-03-15", "--format", "ttl").output == result.output
    )


def test_the_turtle_snapshot_passes_the_check_queries(run, bundled):
    import pyoxigraph as ox

    ttl = run("snapshot", "06412000", "--at", "2018-05-31", "--format", "ttl").output
    store = ox.Store()
    store.load(ttl.encode(), format=ox.RdfFormat.TURTLE)
    assert check_findings(store) == []
    assert "unit/06412000/stabsstelle-e-government>" in ttl
    assert "unit/06412000/stabsstelle-digitalisierung>" not in ttl


@pytest.mark.parametrize(
    ("day", "parents"),
    [
        ("2020-06-30", {"Hauptamt": "certain"}),
        ("2020-07-01", {"Dezernat I": "certain"}),
        ("2022-06-01", {"Dezernat I": "possible", "Dezernat II": "possible"}),
        ("2023-01-01", {"Dezernat II": "certain"}),
    ],
)
def test_a_relocation_dates_the_placement(relocation, day, parents):
    store = relocation.store
    snap = snapshot(store, find_authority(store, "09999000"), dt.date.fromisoformat(day))
    unit = snap.unit("Stabsstelle Digitalisierung")
    assert {p.name: str(p.status) for p in unit.parents} == parents


def test_a_new_head_keeps_the_unit_and_is_dated(relocation):
    store = relocation.store
    musterstadt = find_authority(store, "Musterstadt")
    before = snapshot(store, musterstadt, dt.date(2020, 6, 30)).unit("Stabsstelle Digitalisierung")
    after = snapshot(store, musterstadt, dt.date(2020, 7, 1)).unit("Stabsstelle Digitalisierung")
    assert before.iri == after.iri
    assert [h.person for h in before.heads] == ["Erika Muster"]
    assert [h.person for h in after.heads] == ["Max Beispiel"]


def test_snapshot_as_known_before_the_relocation_was_published(relocation):
    known = known_at(relocation, dt.date(2020, 7, 10))
    snap = snapshot(known, find_authority(known, "Musterstadt"), dt.date(2020, 7, 1))
    assert [p.name for p in snap.unit("Stabsstelle Digitalisierung").parents] == ["Hauptamt"]
    assert snap.unit("Dezernat I") is None  # no source issued by then mentions it


def test_known_at_on_the_command_line(run):
    result = run("snapshot", "06412000", "--at", "2018-06-01", "--known-at", "2018-05-01")
    assert "(no units known on this day)" in result.output
    result = run("snapshot", "06412000", "--at", "2018-06-01", "--known-at", "2018-06-01")
    assert "Stabsstelle Digitalisierung" in result.output and "Bürgeramt" not in result.output


def test_unknown_authority_and_bad_day_are_usage_errors(run):
    unknown = run("snapshot", "Atlantis", "--at", "2018-06-01")
    assert unknown.exit_code == 2 and "Frankfurt am Main (06412000)" in unknown.output
    bad = run("snapshot", "06412000", "--at", "2018-13-01")
    assert bad.exit_code == 2 and "YYYY-MM-DD" in bad.output


def test_status_of_memberships_follows_the_unit(bundled):
    store = bundled.store
    snap = snapshot(store, find_authority(store, "06413000"), dt.date(2021, 3, 15))
    heads = snap.unit("Stabsstelle Digitalisierung").heads
    assert {h.person: h.status for h in heads} == {
        "Anne Schwarz": Answer.POSSIBLE,
        "Marius Müller": Answer.POSSIBLE,
    }
