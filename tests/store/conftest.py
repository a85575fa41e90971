"""The suite runs without the persistent store (tests/conftest.py); these tests are about it."""

import pytest

from kommgraph.store import persistent


@pytest.fixture(autouse=True)
def with_store(monkeypatch):
    monkeypatch.delenv(persistent.NO_STORE_VARIABLE, raising=False)
