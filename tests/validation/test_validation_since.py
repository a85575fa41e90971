"""``kommgraph validate --since REF`` in a temporary git repository: only the changed source is
validated alone, the union only where it reaches, and the report says what was covered."""

from __future__ import annotations

import json
import subprocess

import pytest
from click.testing import CliRunner

from kommgraph.cli.main import main

from .conftest import copy_data

OLD_BREAK = "003_9b221352012cf691"  # committed broken: not looked at by --since
NEW_BREAK = "000_d65d91dc76021873"  # broken after the commit: found by --since


def git(repo, *args):
    subprocess.run(
        [
            "git",
            "-c",
            "user.name=kommgraph test",
            "-c",
            "user.email=test@example.org",
            "-c",
            "commit.gpgsign=false",
            *args,
        ],
        cwd=repo,
        check=True,
        capture_output=True,
        timeout=60,
    )


def edit(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture
def repo(tmp_path):
    """A data repository whose last commit already has a broken source (003)."""
    root = tmp_path / "repo"
    data = copy_data(root / "data")
    (root / "README.md").write_text("kommgraph data\n", encoding="utf-8")
    git(root, "init", "-q", "-b", "main")
    git(root, "add", ".")
    git(root, "commit", "-q", "-m", "curated data")
    edit(
        data / "ttl" / f"{OLD_BREAK}.ttl",
        'skos:prefLabel "Bauamt"@de ;',
        'skos:prefLabel "des Bauamtes"@de ;',
    )
    git(root, "commit", "-q", "-am", "an old mistake")
    return root


def validate(repo, *args):
    result = CliRunner().invoke(
        main, ["validate", "--format", "json", "--data-dir", str(repo / "data"), *args]
    )
    return result.exit_code, json.loads(result.stdout) if result.stdout.startswith("{") else result.output


def test_since_validates_only_the_changed_source(repo):
    edit(
        repo / "data" / "ttl" / f"{NEW_BREAK}.ttl",
        'kg:validUntil "2018-06-01"^^xsd:date ;',
        'kg:validUntil "2019-06-01"^^xsd:date ;',
    )
    code, report = validate(repo, "--since", "HEAD")
    assert code == 1
    assert {f["file"].rsplit("/", 1)[-1] for f in report["findings"]} == {f"{NEW_BREAK}.ttl"}
    assert {f["rule"] for f in report["findings"]} == {
        "kgsh:EndAgreesWithEventShape",
        "kgsh:SuccessorStartShape",
    }
    coverage = report["coverage"]
    assert coverage["since"] == "HEAD" and coverage["changed_files"] == [f"data/ttl/{NEW_BREAK}.ttl"]
    assert coverage["sources"] == [NEW_BREAK] and OLD_BREAK in coverage["skipped_sources"]
    assert coverage["union"] == "focused" and coverage["union_focus_resources"] > 0
    # the full run finds the old mistake too
    code, full = validate(repo)
    assert {f["file"].rsplit("/", 1)[-1] for f in full["findings"]} == {
        f"{NEW_BREAK}.ttl",
        f"{OLD_BREAK}.ttl",
    }


def test_since_says_what_it_covered_in_text(repo):
    edit(
        repo / "data" / "ttl" / f"{NEW_BREAK}.ttl",
        'kg:validUntil "2018-06-01"^^xsd:date ;',
        'kg:validUntil "2019-06-01"^^xsd:date ;',
    )
    result = CliRunner().invoke(main, ["validate", "--since", "HEAD", "--data-dir", str(repo / "data")])
    assert f"covered:  changed since HEAD: data/ttl/{NEW_BREAK}.ttl" in result.output
    assert f"covered:  sources validated alone: {NEW_BREAK}" in result.output
    assert "covered:  union of all graphs: only the" in result.output
    assert "des Bauamtes" not in result.output


def test_a_changed_source_text_selects_its_source(repo):
    text = repo / "data" / "sources" / "002_874d347909a477c9.txt"
    text.chmod(0o644)
    text.write_text("Vorspann. " + text.read_text(encoding="utf-8"), encoding="utf-8")
    code, report = validate(repo, "--since", "HEAD")
    assert code == 1 and report["coverage"]["sources"] == ["002_874d347909a477c9"]
    assert {f["rule"] for f in report["findings"]} == {"check:source-hash", "check:evidence-offsets"}


def test_committed_changes_count_since_an_older_revision(repo):
    code, report = validate(repo, "--since", "HEAD~1")
    assert code == 1 and report["coverage"]["sources"] == [OLD_BREAK]
    assert {f["rule"] for f in report["findings"]} == {"check:inflected-unit-name-violation"}


def test_no_data_change_validates_nothing_and_says_so(repo):
    (repo / "README.md").write_text("changed\n", encoding="utf-8")
    code, report = validate(repo, "--since", "HEAD")
    assert code == 0 and report["findings"] == []
    assert report["coverage"]["sources"] == [] and report["coverage"]["union"] == "none"
    assert report["coverage"]["changed_files"] == ["README.md"]


def test_a_change_in_the_reference_data_validates_everything(repo):
    edit(repo / "data" / "ttl" / "reference" / "authorities.ttl", "# The local", "# Changed: the local")
    code, report = validate(repo, "--since", "HEAD")
    assert code == 1 and report["coverage"]["union"] == "full" and len(report["coverage"]["sources"]) == 5
    assert "reference data changed (authorities.ttl)" in report["coverage"]["full_because"]


def test_an_unknown_revision_is_a_usage_error(repo):
    code, output = validate(repo, "--since", "no-such-branch")
    assert code == 2 and "--since no-such-branch: no such revision" in output
