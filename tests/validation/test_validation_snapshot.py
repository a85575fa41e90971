"""``--at DATE``: the snapshot on a day keeps the units and memberships that exist then, and finds
what only the day shows (a unit whose parent has already ended)."""

from __future__ import annotations

import datetime as dt
import json

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from kommgraph.cli.main import main
from kommgraph.store.load import load
from kommgraph.validation.snapshot import snapshot_store

KGID = "https://w3id.org/kommgraph/id/"
OLD = KGID + "unit/06412000/stabsstelle-e-government"  # until 2018-06-01
NEW = KGID + "unit/06412000/stabsstelle-digitalisierung"  # from 2018-06-01
RENAMING = KGID + "event/06412000/2018-06-01-renaming-stabsstelle-digitalisierung"
TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")


def present(store, iri):
    return any(True for _ in store.quads_for_pattern(ox.NamedNode(iri), TYPE, None))


@pytest.mark.parametrize("day, old, new", [("2018-05-31", True, False), ("2018-06-01", False, True)])
def test_the_snapshot_keeps_what_exists_on_the_day(day, old, new, data):
    store = snapshot_store(load(data).store, dt.date.fromisoformat(day))
    assert (present(store, OLD), present(store, NEW)) == (old, new)
    assert not present(store, RENAMING)  # events are transitions, not state


def test_a_start_known_only_as_a_year_keeps_the_unit_for_that_year(data):
    """Stabsstelle E-Government began "2012", flagged approximate: it is kept from 2011 on."""
    store = load(data).store
    assert present(snapshot_store(store, dt.date(2011, 3, 1)), OLD)
    assert not present(snapshot_store(store, dt.date(2010, 12, 31)), OLD)


@pytest.mark.parametrize("day", ["2010-01-01", "2018-05-31", "2018-06-01", "2021-04-01", "2030-01-01"])
def test_the_bundled_data_is_consistent_on_every_day(day, data):
    result = CliRunner().invoke(main, ["validate", "--at", day, "--union-only", "--data-dir", str(data)])
    assert result.exit_code == 0, result.output
    assert f"snapshot on {day}" in result.output


def test_a_parent_that_has_ended_is_found_only_on_the_day(data):
    path = data / "ttl" / "002_874d347909a477c9.ttl"
    path.write_text(
        path.read_text(encoding="utf-8")
        + (
            f"\n<{KGID}unit/06411000/amt-fuer-digitalisierung-und-it> "
            "<http://www.w3.org/ns/org#subOrganizationOf> "
            f"<{KGID}unit/06411000/it-abteilung> .\n"
        ),
        encoding="utf-8",
    )
    args = ["validate", "--format", "json", "--data-dir", str(data)]
    assert CliRunner().invoke(main, args).exit_code == 0  # without a day nothing is wrong
    result = CliRunner().invoke(main, [*args, "--at", "2021-06-01"])
    assert result.exit_code == 1
    findings = json.loads(result.stdout)["findings"]
    parent = next(f for f in findings if f["rule"] == "kgsh:AdministrativeUnitShape/org:subOrganizationOf")
    assert parent["focus"] == f"{KGID}unit/06411000/amt-fuer-digitalisierung-und-it"
    assert parent["message"] == "The parent (org:subOrganizationOf) must be an administrative unit."
    assert parent["file"].endswith("ttl/002_874d347909a477c9.ttl") and parent["line"] == 96
    # the day before the IT-Abteilung ended, the new Amt did not exist yet: nothing to report
    assert CliRunner().invoke(main, [*args, "--at", "2021-03-31"]).exit_code == 0
