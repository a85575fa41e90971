"""The store compacted after updates (store/compaction.py): a checkpoint taken by the update, compacted
and swapped in by a process of its own; readers meanwhile read the old store, and a copy made stale by
a later update is dropped."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from kommgraph.store import compaction
from kommgraph.store.load import load
from kommgraph.store.manifest import read_manifest
from kommgraph.synth import synthesize


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("synth") / "data"
    synthesize(out, 6, seed=7)
    return out


@pytest.fixture(autouse=True)
def with_compaction(monkeypatch):
    monkeypatch.delenv(compaction.NO_COMPACTION_VARIABLE, raising=False)


@pytest.fixture
def started(monkeypatch) -> list:
    """Every compaction an update starts (not run: the tests run them)."""
    calls: list = []
    monkeypatch.setattr(compaction, "COMPACT_ABOVE", 0)
    monkeypatch.setattr(compaction, "start", lambda *args: calls.append(args))
    return calls


def quads(folder: Path) -> list[str]:
    store = ox.Store.read_only(str(folder / "all"))
    return sorted(map(str, store))


def edit(data: Path, number: int) -> None:
    """One more word in the title of the ``number``-th source (one update of the store)."""
    path = sorted((data / "ttl").glob("*.ttl"))[number]
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('dct:title "', f'dct:title "Edit {number} ', 1), encoding="utf-8")


def updated(data: Path, number: int) -> Path:
    """The store after an edit of source ``number``; its folder."""
    edit(data, number)
    loaded = load(data)
    folder = loaded.persistent.folder
    loaded.close()
    return folder


def test_an_update_over_the_limit_starts_a_compaction_that_swaps_in_the_same_store(data, started):
    load(data).close()
    assert started == []  # a store built from scratch is written compact
    folder = updated(data, 0)
    generation = read_manifest(folder / "all.json").generation
    assert started == [(folder, "all", generation)]
    before = quads(folder)
    files = compaction.files_of(folder / "all")
    assert compaction.compact(folder, "all", generation)
    assert quads(folder) == before
    assert compaction.files_of(folder / "all") < files
    assert sorted(p.name for p in folder.iterdir() if p.name.startswith("all")) == [
        "all",
        "all.journal.json",
        "all.json",
    ]


def test_under_the_limit_or_switched_off_nothing_starts(data, monkeypatch):
    calls: list = []
    monkeypatch.setattr(compaction, "start", lambda *args: calls.append(args))
    load(data).close()
    updated(data, 0)
    assert calls == []  # a few updates of a small store leave few files
    monkeypatch.setattr(compaction, "COMPACT_ABOVE", 0)
    monkeypatch.setenv(compaction.NO_COMPACTION_VARIABLE, "1")
    updated(data, 1)
    assert calls == []


def test_a_reader_keeps_the_old_store_and_the_swap_waits_for_it(data, started):
    load(data).close()
    folder = updated(data, 0)
    generation = read_manifest(folder / "all.json").generation
    before = quads(folder)
    reader = load(data)  # holds the shared lock, reads the store as it is
    try:
        assert not compaction.compact(folder, "all", generation, wait=0.3)  # the reader did not let go
        assert sorted(map(str, reader.store)) == before
    finally:
        reader.close()
    assert not (folder / f"all.compacting-{generation}").exists()  # the copy is dropped
    assert quads(folder) == before and load(data).persistent is not None


def test_a_copy_made_stale_by_a_later_update_is_dropped(data, started, monkeypatch):
    load(data).close()
    folder = updated(data, 0)
    generation = read_manifest(folder / "all.json").generation
    monkeypatch.setenv(compaction.NO_COMPACTION_VARIABLE, "1")  # the next update leaves the copy
    updated(data, 1)
    assert (folder / f"all.compacting-{generation}").is_dir()
    after = quads(folder)
    assert not compaction.compact(folder, "all", generation)
    assert quads(folder) == after
    assert not (folder / f"all.compacting-{generation}").exists()


def test_commands_read_the_store_while_the_compaction_process_runs(data, monkeypatch):
    """The real process, with readers opening the store and querying it until it has finished."""
    monkeypatch.setattr(compaction, "COMPACT_ABOVE", 0)
    processes: list = []
    start = compaction.start
    monkeypatch.setattr(compaction, "start", lambda *args: processes.append(start(*args)))
    load(data).close()
    folder = updated(data, 0)
    expected = quads(folder)
    [process] = processes
    seen = set()
    while process.poll() is None or not seen:
        reader = load(data)
        try:
            assert reader.persistent is not None
            seen.add(len(reader.store))
            assert sorted(map(str, reader.store)) == expected
        finally:
            reader.close()
    assert process.wait(timeout=60) == 0
    assert quads(folder) == expected
    assert not any(p.name.startswith(("all.compacting", "all.old")) for p in folder.iterdir())
