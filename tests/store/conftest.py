"""The suite runs without the persistent store (tests/conftest.py); these tests are about it."""

import shutil
from pathlib import Path

import pytest

from kommgraph.store import persistent


@pytest.fixture(autouse=True)
def with_store(monkeypatch):
    monkeypatch.delenv(persistent.NO_STORE_VARIABLE, raising=False)


@pytest.fixture
def data(synthetic, tmp_path) -> Path:
    """A copy of the module's ``synthetic`` data directory (each module makes its own), free to edit."""
    target = tmp_path / "data"
    shutil.copytree(synthetic, target)
    return target
