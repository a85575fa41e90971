"""Every command that reads data answers from the persistent store what it answers from memory,
before and after an edit; the store is made in the data directory and nowhere else."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

import kommgraph
from kommgraph.cli.main import main

FRANKFURT = "06412000"
UNIT = "https://w3id.org/kommgraph/id/unit/06412000/stabsstelle-digitalisierung"

COMMANDS = {
    "query": ["query", "replaced-units", "--format", "csv"],
    "query with parameter": ["query", "lineage", "-p", f"unit={UNIT}", "--format", "csv"],
    "snapshot": ["snapshot", FRANKFURT, "--at", "2019-01-01", "--format", "json"],
    "lineage": ["lineage", UNIT, "--format", "json"],
    "timeline": ["timeline", FRANKFURT, "--format", "text"],
    "conflicts": ["conflicts", "--format", "csv"],
    "validate": ["validate", "--format", "json"],
}


def run(args: list[str], data: Path, *extra: str) -> str:
    result = CliRunner().invoke(main, [*args, "--data-dir", str(data), *extra])
    assert result.exit_code in (0, 1), result.output
    return result.stdout


def rename_a_unit(data: Path) -> None:
    for path in sorted((data / "ttl").glob("*.ttl")):
        text = path.read_text(encoding="utf-8")
        if '"Stabsstelle Digitalisierung"@de' in text:
            path.write_text(
                text.replace('"Stabsstelle Digitalisierung"@de', '"Stabsstelle Digitales"@de'), "utf-8"
            )
            return
    raise AssertionError("no file names the unit")


@pytest.mark.parametrize("args", COMMANDS.values(), ids=COMMANDS.keys())
def test_a_command_answers_from_the_store_as_from_memory(data_copy, args):
    manifest = data_copy / ".kommgraph" / "all.json"
    assert run(args, data_copy) == run(args, data_copy, "--no-store")
    assert manifest.is_file()
    before = manifest.read_bytes()
    rename_a_unit(data_copy)
    assert run(args, data_copy) == run(args, data_copy, "--no-store")
    assert manifest.read_bytes() != before  # the store was brought up to date, not bypassed


def test_no_store_option_makes_none(data_copy):
    run(COMMANDS["query"], data_copy, "--no-store")
    assert not (data_copy / ".kommgraph").exists()


def test_the_python_api_reads_the_store(data_copy):
    graph = kommgraph.open(data_copy)
    assert graph.loaded.persistent is not None
    rows = graph.query("replaced-units").rows
    graph.loaded.close()
    memory = kommgraph.open(data_copy, engine="rdflib")  # a copy into rdflib: the same rows
    assert sorted(map(str, rows)) == sorted(map(str, memory.query("replaced-units").rows))
