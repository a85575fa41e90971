"""After edits, the findings from the cache and what changed equal a validation from scratch.

Synthetic data with every kind of injected violation; each test validates once (filling the cache),
edits, and compares the report of ``kommgraph validate`` (and of build's check) with a run that
loads into memory and validates everything.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from kommgraph.cli.main import main
from kommgraph.store.load import load
from kommgraph.synth import KINDS, synthesize
from kommgraph.validation import validate
from kommgraph.validation.run import validate_union


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("synth") / "data"
    synthesize(out, 14, seed=5, injections={kind: 1 for kind in KINDS})
    return out


def report(data: Path, *options: str, store: bool = True) -> dict:
    args = ["validate", "--data-dir", str(data), "--format", "json", *options]
    result = CliRunner().invoke(main, args if store else [*args, "--no-store"], env={} if store else None)
    assert result.exit_code in (0, 1), result.output
    return json.loads(result.stdout)


def sources(data: Path) -> list[Path]:
    return sorted((data / "ttl").glob("*.ttl"))


def without_lines(path: Path, text: str) -> None:
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text("".join(line for line in lines if text not in line), encoding="utf-8")


def drop(predicate: str, number: int = 2):
    def edit(data: Path) -> None:
        candidates = [p for p in sources(data) if predicate in p.read_text(encoding="utf-8")]
        without_lines(candidates[number % len(candidates)], predicate)

    return edit


def quote_moved(data: Path) -> None:
    text = sorted((data / "sources").glob("*.txt"))[3]
    content = text.read_text(encoding="utf-8")
    text.write_text(content.replace("Die ", "Der ", 1), encoding="utf-8")


def two_sources(data: Path) -> None:
    drop("skos:prefLabel", 1)(data)
    drop("org:subOrganizationOf", 4)(data)


def violation_fixed(data: Path) -> None:
    """The source with the injected second authority loses both: the finding goes away."""
    drop("org:unitOf", 0)(data)


EDITS = {
    "label removed": drop("skos:prefLabel"),
    "evidence removed": drop("kg:evidence"),
    "parent removed": drop("org:subOrganizationOf"),
    "authority removed": violation_fixed,
    "event's unit removed": drop("org:resultingOrganization"),
    "start removed": drop("kg:validFrom"),
    "text changed": quote_moved,
    "two sources": two_sources,
}


@pytest.mark.parametrize("edit", EDITS.values(), ids=EDITS.keys())
@pytest.mark.parametrize("options", [(), ("--union-only",)], ids=["validate", "union-only"])
def test_validate_after_an_edit_equals_a_full_run(data, edit, options):
    first = report(data, *options)
    assert first["findings"], "the injected violations are found"
    edit(data)
    assert report(data, *options) == report(data, *options, store=False)
    assert report(data, *options) == report(data, *options, store=False)  # and again, unchanged


@pytest.mark.parametrize("edit", EDITS.values(), ids=EDITS.keys())
def test_builds_check_after_an_edit_equals_a_full_run(data, edit):
    loaded = load(data, include_drafts=False)
    validate_union(loaded)
    loaded.close()
    edit(data)
    loaded = load(data, include_drafts=False)
    cached = validate_union(loaded)
    loaded.close()
    fresh = load(data, include_drafts=False, persist=False)
    expected = validate(fresh.store, fresh.files, fresh.layout)
    assert [f.as_dict() for f in cached.findings] == [f.as_dict() for f in expected.findings]
    assert cached.checked == expected.checked


def test_an_unchanged_store_answers_from_the_cache(data, monkeypatch):
    first = report(data)
    from kommgraph.validation import run

    def refuse(*args, **kwargs):
        raise AssertionError("validated again although nothing changed")

    monkeypatch.setattr(run, "validate_loaded", refuse)
    assert report(data) == first
