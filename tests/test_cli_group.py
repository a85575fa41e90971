"""The command group: every command in the table, whole one-line summaries, a fast --help, and the one
error handler that maps the library's errors to exit codes."""

from __future__ import annotations

import importlib
import os
import subprocess
import sys
import time

import click
import pytest
from click.testing import CliRunner

from kommgraph.cli import main as cli
from kommgraph.cli.options import FORMATS
from kommgraph.query import result

HELP_SECONDS = 1.5  # measured: about 0.15 s (docs/ARCHITECTURE.md); the bound leaves room for slow CI


def run(*args):
    return CliRunner().invoke(cli.main, [str(a) for a in args])


@pytest.mark.parametrize("name", sorted(cli.COMMANDS))
def test_every_command_in_the_table_is_defined_in_its_area_module(name):
    area, summary = cli.COMMANDS[name]
    module = importlib.import_module(f"kommgraph.cli.{area}")
    assert name in [c.name for c in module.COMMANDS]
    assert cli.main.get_command(click.Context(cli.main), name).short_help == summary


@pytest.mark.parametrize("area", sorted({area for area, _ in cli.COMMANDS.values()}))
def test_every_command_of_an_area_module_is_in_the_table(area):
    module = importlib.import_module(f"kommgraph.cli.{area}")
    table = {name: where for name, (where, _) in cli.COMMANDS.items()}
    assert all(table.get(command.name) == area for command in module.COMMANDS)


def test_help_lists_every_command_with_its_whole_summary_on_one_line():
    output = run("--help").output
    listed = output.split("Commands:\n", 1)[1].split("\n\n", 1)[0].splitlines()
    assert listed == [f"  {name:<10} {summary}" for name, (_, summary) in sorted(cli.COMMANDS.items())]
    assert not [line for line in listed if line.endswith("...")]


def test_the_output_formats_named_by_the_cli_are_those_of_the_results():
    assert FORMATS == result.FORMATS


def test_help_starts_fast_and_imports_no_command_module():
    env = {**os.environ, "COLUMNS": "80"}
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "kommgraph", "--help"],
        capture_output=True, text=True, timeout=60, env=env,
    )
    elapsed = time.perf_counter() - started
    assert done.returncode == 0, done.stderr
    assert elapsed < HELP_SECONDS
    imported = {line.rsplit("|", 1)[-1].strip() for line in done.stderr.splitlines() if "|" in line}
    assert not {"rdflib", "pyoxigraph", "pyshacl", "kommgraph.cli.query"} & imported


def test_an_unwritable_out_is_exit_3_naming_the_path(tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the output folder should be", encoding="utf-8")
    result = run("build", "--out", blocker / "dist")
    assert result.exit_code == 3, result.output
    assert f"cannot write {blocker / 'dist' / 'kommgraph.trig'}" in result.output


def test_an_unexpected_error_is_exit_4(monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("a bug")

    monkeypatch.setattr("kommgraph.cli.publish.run_build", broken)
    result = run("build")
    assert result.exit_code == 4
    assert "internal error: RuntimeError: a bug" in result.output
