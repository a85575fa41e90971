"""The ready-made CI files run the commands they claim to, and the docs cover every option and format."""

from __future__ import annotations

import re
import shlex
import subprocess

import pytest
import yaml
from click.testing import CliRunner

from kommgraph.cli.main import main
from kommgraph.validation import reports

from .conftest import ROOT, SCHEMAS, copy_data

PRE_COMMIT = ROOT / ".pre-commit-config.yaml"
WORKFLOW = ROOT / "examples" / "ci" / "github-workflow.yml"
DOCS = ROOT / "docs" / "validation.md"


def hooks() -> dict[str, dict]:
    config = yaml.safe_load(PRE_COMMIT.read_text(encoding="utf-8"))
    return {hook["id"]: hook for repo in config["repos"] for hook in repo["hooks"]}


def command(text: str) -> list[str]:
    words = shlex.split(text, comments=True)
    assert words[0] == "kommgraph"
    return words[1:]


def test_pre_commit_has_a_local_fmt_and_validate_hook():
    config = yaml.safe_load(PRE_COMMIT.read_text(encoding="utf-8"))
    assert [repo["repo"] for repo in config["repos"]] == ["local"]
    assert hooks()["kommgraph-fmt"]["entry"] == "kommgraph fmt --check"
    assert hooks()["kommgraph-validate"]["entry"].startswith("kommgraph validate")


def test_the_fmt_hook_passes_on_the_files_pre_commit_hands_it(tmp_path):
    data = copy_data(tmp_path / "data")
    hook = hooks()["kommgraph-fmt"]
    staged = sorted(str(p) for p in (data / "ttl").rglob("*.ttl"))
    assert all(re.search(hook["files"], s[len(str(tmp_path)) + 1 :]) for s in staged)
    result = CliRunner().invoke(main, [*command(hook["entry"]), *staged])
    assert result.exit_code == 0, result.output


def test_the_validate_hook_passes_in_a_repository_with_a_change(tmp_path):
    data = copy_data(tmp_path / "data")
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", "-c", "commit.gpgsign=false"]
    subprocess.run([*git, "init", "-q"], cwd=tmp_path, check=True, timeout=60)
    subprocess.run([*git, "add", "."], cwd=tmp_path, check=True, timeout=60)
    subprocess.run([*git, "commit", "-q", "-m", "data"], cwd=tmp_path, check=True, timeout=60)
    path = data / "ttl" / "003_9b221352012cf691.ttl"
    path.write_text(
        path.read_text(encoding="utf-8").replace('"Bauamt"@de', '"des Bauamtes"@de'), encoding="utf-8"
    )
    result = CliRunner().invoke(
        main, [*command(hooks()["kommgraph-validate"]["entry"]), "--data-dir", str(data)]
    )
    assert result.exit_code == 1 and "des Bauamtes" in result.output
    assert "sources validated alone: 003_9b221352012cf691" in result.output


def test_the_workflow_annotates_and_keeps_the_junit_report(tmp_path, monkeypatch):
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    steps = next(iter(workflow["jobs"].values()))["steps"]
    validate = next(s for s in steps if "kommgraph validate" in s.get("run", ""))
    args = command(validate["run"])
    assert args[:3] == ["validate", "--format", "github"]
    junit = args[args.index("--report") + 1].removeprefix("junit:")
    upload = next(s for s in steps if s.get("uses", "").startswith("actions/upload-artifact"))
    assert upload["if"] == "always()" and upload["with"]["path"] == junit
    # run the step on broken data, from the repository root as the runner does
    data = copy_data(tmp_path / "data")
    path = data / "ttl" / "003_9b221352012cf691.ttl"
    path.write_text(
        path.read_text(encoding="utf-8").replace('"Bauamt"@de', '"des Bauamtes"@de'), encoding="utf-8"
    )
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, args)  # finds ./data like the runner's checkout
    assert result.exit_code == 1
    assert result.stdout.startswith("::error file=data/ttl/003_9b221352012cf691.ttl,line=56,")
    xmlschema = pytest.importorskip("xmlschema", reason="the test extra needs xmlschema")
    xmlschema.XMLSchema(SCHEMAS / "junit-10.xsd").validate(str(tmp_path / junit))


def test_the_docs_cover_every_format_option_and_exit_code():
    text = DOCS.read_text(encoding="utf-8")
    for fmt in reports.FORMATS:
        assert f"`{fmt}`" in text, fmt
    for option in (
        "--format",
        "--fail-on",
        "--since",
        "--at",
        "--lang",
        "--out",
        "--report",
        "--union-only",
        "--check",
    ):
        assert option in text, option
    for code in range(5):
        assert re.search(rf"^\| {code} \|", text, flags=re.M), code
    assert ".pre-commit-config.yaml" in text and "examples/ci/github-workflow.yml" in text
