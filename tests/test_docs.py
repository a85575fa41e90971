"""The README documents every command and every stored query; CI runs the README's test command."""

from __future__ import annotations

import re
from pathlib import Path

import click
import pytest

from kommgraph.cli.main import main
from kommgraph.query import catalogue as queries

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("command", main.list_commands(click.Context(main)))
def test_every_command_is_in_the_readme(command):
    """As a whole word: `kommgraph queries` does not count for `query`."""
    assert re.search(rf"kommgraph {re.escape(command)}(?![\w-])", README)


@pytest.mark.parametrize("name", sorted(queries.catalogue()))
def test_every_stored_query_is_in_the_readme(name):
    assert f"`{name}`" in README


def test_ci_runs_the_readme_test_command():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "python -m pytest -q" in README and "python -m pytest -q" in ci


@pytest.mark.parametrize("code", ["`0` ok", "`1` violations", "`2` usage", "`3` input", "`4` internal"])
def test_readme_states_the_exit_codes(code):
    assert code in README
