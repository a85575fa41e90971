"""Progress bars: on a terminal only; piped, redirected or in CI the commands' output is unchanged."""

from __future__ import annotations

import io
import sys
import threading

import pytest
from click.testing import CliRunner

from kommgraph.cli.main import main
from kommgraph.core import progress


def invoke(*args: str):
    return CliRunner().invoke(main, [str(a) for a in args])


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_shown_on_a_terminal_only(monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    assert progress.shown(Terminal()) is True
    assert progress.shown(io.StringIO()) is False


def test_never_shown_in_ci(monkeypatch):
    monkeypatch.setenv("CI", "true")
    assert progress.shown(Terminal()) is False


def test_a_bar_that_is_not_shown_writes_nothing(capsys):
    with progress.bar("build", enabled=False) as bar:
        bar.phase("validating")
        bar.step(1, 2, "x")
    assert capsys.readouterr() == ("", "")


def test_a_shown_bar_is_cleared_at_the_end(monkeypatch):
    stderr = Terminal()
    monkeypatch.setattr(sys, "stderr", stderr)
    with progress.bar("validate", enabled=True) as bar:
        bar.step(3, 4, "union")
    text = stderr.getvalue()
    assert "validate: union" in text and "3/4" in text
    assert text.endswith("\x1b[?25h") or "\x1b[2K" in text  # the line is erased, the cursor back


def test_a_shown_bar_starts_no_thread(monkeypatch):
    """build forks its background writers only while it runs one thread (store/background.py)."""
    monkeypatch.setattr(sys, "stderr", Terminal())
    before = threading.active_count()
    with progress.bar("build", enabled=True) as bar:
        bar.phase("derive")
        assert threading.active_count() == before
    assert "build: derive" in sys.stderr.getvalue()


@pytest.fixture()
def synthetic(tmp_path):
    out = tmp_path / "data"
    assert invoke("synth", "--authorities", 3, "--seed", 1, "--out", out).exit_code == 0
    return out


@pytest.mark.parametrize("on_terminal", [False, True])
def test_build_writes_the_same_lines_with_or_without_a_bar(synthetic, tmp_path, monkeypatch, on_terminal):
    monkeypatch.setattr(progress, "shown", lambda stream=None: on_terminal)
    result = invoke("build", "--data-dir", synthetic, "--out", tmp_path / "dist")
    assert result.exit_code == 0, result.output
    words = [line.split()[0] for line in result.stdout.splitlines()]
    assert words == ["loaded", "derived", "valid", "wrote", "wrote"]
    assert ("build: writing" in result.stderr) is on_terminal


def test_synth_shows_a_bar_on_a_terminal_only(tmp_path, monkeypatch):
    quiet = invoke("synth", "--authorities", 3, "--seed", 1, "--out", tmp_path / "a")
    assert quiet.exit_code == 0 and quiet.stderr == ""
    monkeypatch.setattr(progress, "shown", lambda stream=None: True)
    shown = invoke("synth", "--authorities", 3, "--seed", 1, "--out", tmp_path / "b")
    assert shown.exit_code == 0 and "synth" in shown.stderr and "3/3" in shown.stderr
    assert shown.stdout.replace(f"{tmp_path}/b", "OUT") == quiet.stdout.replace(f"{tmp_path}/a", "OUT")
