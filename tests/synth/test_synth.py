"""``kommgraph synth``: valid by construction, deterministic, and each injected kind gives its finding."""

from __future__ import annotations

import json
import re

import pytest
from click.testing import CliRunner

from kommgraph.cli.main import main
from kommgraph.store.load import load
from kommgraph.synth import KINDS, synthesize
from kommgraph.validation.run import validate_loaded

EVIDENCE = re.compile(
    r'kg:end (\d+) ;\n    kg:inDocument <[^>]+> ;\n    kg:start (\d+) ;\n    oa:exact "([^"]*)"'
)


def findings(data_dir):
    report = validate_loaded(load(data_dir))
    return sorted((f.rule, f.focus, f.file.rsplit("/", 1)[-1] if f.file else "") for f in report.findings)


def test_synthetic_data_has_no_findings(tmp_path):
    synthesize(tmp_path / "d", 18, 7)  # two rounds of the nine event types
    assert findings(tmp_path / "d") == []


def test_same_seed_same_bytes_other_seed_other_bytes(tmp_path):
    for name, seed in (("a", 5), ("b", 5), ("c", 6)):
        synthesize(tmp_path / name, 9, seed)

    def files(name):
        root = tmp_path / name
        return {p.relative_to(root): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}

    assert files("a") == files("b")
    assert files("a") != files("c")


def test_every_quote_is_the_text_at_its_offsets(tmp_path):
    synthesize(tmp_path / "d", 9, 2)
    checked = 0
    for ttl in sorted((tmp_path / "d" / "ttl").glob("*.ttl")):
        text = (tmp_path / "d" / "sources" / f"{ttl.stem}.txt").read_text(encoding="utf-8")
        for end, start, exact in EVIDENCE.findall(ttl.read_text(encoding="utf-8")):
            assert text[int(start) : int(end)] == exact
            checked += 1
    assert checked >= 9 * 5


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_each_injected_kind_gives_its_finding(tmp_path, kind):
    result = synthesize(tmp_path / "d", 18, 4, {kind: 2})
    expected = sorted((i.rule, i.focus) for i in result.injected)
    assert len({i.source_id for i in result.injected}) == 2
    got = findings(tmp_path / "d")
    assert sorted({(rule, focus) for rule, focus, _ in got}) == expected
    assert {file for _, _, file in got} == {f"{i.source_id}.ttl" for i in result.injected}


def test_cli_writes_the_directory_and_the_manifest(tmp_path):
    out = tmp_path / "d"
    result = CliRunner().invoke(
        main, ["synth", "--authorities", "9", "--seed", "3", "--out", str(out), "--inject", "bad-date=1"]
    )
    assert result.exit_code == 0, result.output
    manifest = json.loads((out / "synth.json").read_text(encoding="utf-8"))
    lines = result.output.splitlines()
    assert lines[0] == f"wrote    {out}: 9 sources, {manifest['triples']} triples"
    assert lines[1] == "injected 1 × bad-date (finding kgsh:AdministrativeUnitShape/kg:validFrom)"
    assert [i["kind"] for i in manifest["injected"]] == ["bad-date"]
    assert len(list((out / "ttl").glob("*.ttl"))) == 9


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--inject", "nonsense=1"], "expected KIND=COUNT with KIND one of"),
        (["--inject", "bad-date=x"], "expected KIND=COUNT with KIND one of"),
        (["--inject", "succession-cycle=5"], "succession-cycle=5: only 1 sources can take it"),
    ],
)
def test_cli_usage_errors(tmp_path, args, message):
    result = CliRunner().invoke(main, ["synth", "--authorities", "9", "--out", str(tmp_path / "d"), *args])
    assert result.exit_code == 2
    assert message in result.output
