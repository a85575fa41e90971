"""Fixtures of the temporal tests: small data directories of their own beside the bundled data."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from kommgraph.store.load import load

HERE = Path(__file__).resolve().parent
DATA = HERE / "data"


@pytest.fixture(scope="session")
def conflict_dir() -> Path:
    return DATA / "conflict"


@pytest.fixture
def preferred_dir(tmp_path) -> Path:
    """The conflict data with a curator's preference added to the reference data."""
    target = tmp_path / "data"
    shutil.copytree(DATA / "conflict", target)
    shutil.copy(DATA / "preference.ttl", target / "ttl" / "reference" / "preference.ttl")
    return target


@pytest.fixture(scope="session")
def relocation():
    return load(DATA / "relocation")


@pytest.fixture
def run():
    """Run a kommgraph command in-process; returns the click Result."""
    from kommgraph.cli.main import main

    runner = CliRunner()

    def invoke(*args: str):
        return runner.invoke(main, list(args), catch_exceptions=False)

    return invoke
