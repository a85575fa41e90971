"""`.pre-commit-hooks.yaml` through `pre-commit try-repo` against this checkout, in a temporary git
repository holding a data project: the hooks pass on valid data and fail on broken data. Offline: the
hooks are `language: unsupported` and run the kommgraph of this environment."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import DATA

ROOT = Path(__file__).resolve().parents[2]
GIT = ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", "-c", "commit.gpgsign=false"]

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="needs git")


def pre_commit() -> list[str]:
    pytest.importorskip("pre_commit", reason="the test extra installs pre-commit")
    return [sys.executable, "-m", "pre_commit"]


@pytest.fixture
def data_repo(tmp_path) -> Path:
    """A git repository whose root is a data project: a copy of the bundled sample."""
    repo = tmp_path / "stadtdaten"
    shutil.copytree(DATA, repo)
    subprocess.run([*GIT, "init", "-q"], cwd=repo, check=True, timeout=60)
    subprocess.run([*GIT, "add", "."], cwd=repo, check=True, timeout=60)
    subprocess.run([*GIT, "commit", "-q", "-m", "data"], cwd=repo, check=True, timeout=60)
    return repo


def try_repo(repo: Path, hook: str, tmp_path: Path) -> subprocess.CompletedProcess:
    env = {
        **os.environ,
        "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"),
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
        "KOMMGRAPH_DATA": "",
        "NO_COLOR": "1",
    }
    return subprocess.run(
        [*pre_commit(), "try-repo", str(ROOT), hook, "--all-files", "--color", "never"],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.mark.parametrize("hook", ["kommgraph-validate", "kommgraph-fmt"])
def test_the_hook_passes_on_a_valid_data_project(data_repo, tmp_path, hook):
    result = try_repo(data_repo, hook, tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"kommgraph {hook.removeprefix('kommgraph-')}" in result.stdout
    assert "Passed" in result.stdout


@pytest.mark.parametrize(
    "hook, said",
    [
        ("kommgraph-validate", "ttl/003_9b221352012cf691.ttl line 1 column 1"),
        ("kommgraph-fmt", "ttl/003_9b221352012cf691.ttl line 1 column 1"),
    ],
)
def test_the_hook_fails_on_a_broken_data_project(data_repo, tmp_path, hook, said):
    broken = data_repo / "ttl" / "003_9b221352012cf691.ttl"
    broken.write_text("kaputt\n" + broken.read_text(encoding="utf-8"), encoding="utf-8")
    subprocess.run([*GIT, "commit", "-q", "-am", "broken"], cwd=data_repo, check=True, timeout=60)
    result = try_repo(data_repo, hook, tmp_path)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Failed" in result.stdout
    assert "- exit code: 3" in result.stdout
    assert said in result.stdout
