"""The persistent store: brought up to date by content hash, equal to a fresh load after every kind of
edit, rebuilt when corrupt, and left out where it cannot or should not be kept."""

from __future__ import annotations

import os
import shutil
from collections import Counter
from pathlib import Path

import pyoxigraph as ox
import pytest

from kommgraph.store import persistent
from kommgraph.store.load import load
from kommgraph.synth import synthesize

SYNTH_AUTHORITIES = 12


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("synth") / "data"
    synthesize(out, SYNTH_AUTHORITIES, seed=3)
    return out


def contents(store: ox.Store) -> Counter:
    """The quads; blank nodes (the ontology's OWL lists) get new names at every load: named alike."""

    def term(t):
        return "_:b" if isinstance(t, ox.BlankNode) else str(t)

    return Counter((term(q.subject), term(q.predicate), term(q.object), term(q.graph_name)) for q in store)


def fresh(root: Path, include_drafts: bool = True):
    return load(root, include_drafts=include_drafts, persist=False)


def assert_equal_to_fresh(root: Path, include_drafts: bool = True) -> None:
    loaded = load(root, include_drafts=include_drafts)
    assert loaded.persistent is not None
    expected = fresh(root, include_drafts)
    assert contents(loaded.store) == contents(expected.store)
    assert loaded.derived == expected.derived
    assert loaded.persistent.manifest.triples == persistent.default_graph_size(expected.store)
    assert loaded.drafts == expected.drafts
    assert [f.path for f in loaded.files] == [f.path for f in expected.files]
    loaded.close()


def first_source_with(root: Path, text: str) -> Path:
    return next(p for p in sorted((root / "ttl").glob("*.ttl")) if text in p.read_text(encoding="utf-8"))


def without_lines(path: Path, text: str) -> None:
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text("".join(line for line in lines if text not in line), encoding="utf-8")


EDITS = {
    # predicate lines dropped from the first source stating them: each changes what a rule concludes
    "stated start": "kg:validFrom",
    "stated end": "kg:validUntil",
    "parent": "org:subOrganizationOf",
    "authority": "org:unitOf",
    "original unit": "org:originalOrganization",
    "resulting unit": "org:resultingOrganization",
    "relocation target": "kg:newParent",
    "relocation origin": "kg:previousParent",
    "effective date": "kg:effectiveDate",
    "approximate": "kg:approximate",
}


@pytest.mark.parametrize("predicate", EDITS.values(), ids=EDITS.keys())
def test_an_edited_source_gives_what_a_fresh_load_gives(data, predicate):
    load(data).close()
    if not any(predicate in p.read_text(encoding="utf-8") for p in (data / "ttl").glob("*.ttl")):
        pytest.skip(f"the synthetic data states no {predicate}")
    without_lines(first_source_with(data, predicate), predicate)
    assert_equal_to_fresh(data)


def test_a_removed_an_added_and_two_edited_sources_at_once(data):
    sources = sorted((data / "ttl").glob("*.ttl"))
    moved = data / "aside.ttl"
    shutil.move(sources[1], moved)
    load(data).close()
    shutil.move(moved, sources[1])
    sources[4].unlink()
    without_lines(sources[6], "org:subOrganizationOf")
    without_lines(sources[7], "kg:validFrom")
    assert_equal_to_fresh(data)


def test_changed_reference_data_derives_everything_again(data):
    load(data).close()
    reference = data / "ttl" / "reference" / "authorities.ttl"
    without_lines(reference, "a kg:LocalAuthority")
    assert_equal_to_fresh(data)


def test_a_draft_is_kept_out_of_the_curated_view(data):
    load(data).close()
    draft = data / "ttl" / "drafts" / "x.ttl"
    draft.parent.mkdir()
    shutil.copy(sorted((data / "ttl").glob("*.ttl"))[2], draft)
    assert_equal_to_fresh(data, include_drafts=False)
    assert_equal_to_fresh(data, include_drafts=True)
    assert sorted(p.name for p in (data / ".kommgraph").glob("*.json") if "journal" not in p.name) == [
        "all.json",
        "curated.json",
    ]


def test_unchanged_files_are_not_reloaded(data):
    load(data).close()
    manifest = (data / ".kommgraph" / "all.json").read_bytes()
    source = sorted((data / "ttl").glob("*.ttl"))[0]
    os.utime(source, ns=(1, 1))  # touched, same content: only its mtime is remembered anew
    loaded = load(data)
    assert loaded.persistent.manifest.generation == 1
    loaded.close()
    assert (data / ".kommgraph" / "all.json").read_bytes() != manifest
    assert persistent.read_journal(data / ".kommgraph", "all")[-1]["generation"] == 1


@pytest.mark.parametrize(
    "damage",
    [
        "dirty marker",
        "manifest missing",
        "manifest unreadable",
        "other version",
        "store gone",
        "store garbage",
    ],
)
def test_a_damaged_store_is_rebuilt(data, damage):
    load(data).close()
    folder = data / ".kommgraph"
    if damage == "dirty marker":
        (folder / "all.dirty").write_text("", encoding="utf-8")
    elif damage == "manifest missing":
        (folder / "all.json").unlink()
    elif damage == "manifest unreadable":
        (folder / "all.json").write_text("{", encoding="utf-8")
    elif damage == "other version":
        text = (folder / "all.json").read_text(encoding="utf-8")
        (folder / "all.json").write_text(text.replace('"version": "', '"version": "0.0.0-'), encoding="utf-8")
    elif damage == "store gone":
        shutil.rmtree(folder / "all")
    else:
        for file in (folder / "all").iterdir():
            if file.is_file():
                file.write_bytes(b"garbage")
    without_lines(sorted((data / "ttl").glob("*.ttl"))[3], "kg:validFrom")
    assert_equal_to_fresh(data)
    assert not (folder / "all.dirty").exists()
    assert persistent.read_journal(folder, "all")[-1]["full"] is True


def test_a_syntax_error_leaves_the_store_as_it_was(data):
    from kommgraph.core.errors import LoadError

    load(data).close()
    source = sorted((data / "ttl").glob("*.ttl"))[0]
    source.write_text(source.read_text(encoding="utf-8") + "\nthis is not turtle\n", encoding="utf-8")
    with pytest.raises(LoadError, match=rf"^{source} line \d+ column \d+: "):
        load(data)
    assert not (data / ".kommgraph" / "all.dirty").exists()
    assert persistent.read_journal(data / ".kommgraph", "all")[-1]["generation"] == 1
    source.write_text(
        source.read_text(encoding="utf-8").replace("\nthis is not turtle\n", ""), encoding="utf-8"
    )
    assert_equal_to_fresh(data)  # the failed update kept no lock


def test_switched_off_by_the_environment(data, monkeypatch):
    monkeypatch.setenv(persistent.NO_STORE_VARIABLE, "1")
    assert load(data).persistent is None
    assert not (data / ".kommgraph").exists()


def test_where_the_store_cannot_be_kept_the_data_loads_into_memory(data):
    (data / ".kommgraph").write_text("a file where the store's folder would be", encoding="utf-8")
    loaded = load(data)
    assert loaded.persistent is None
    assert contents(loaded.store) == contents(fresh(data).store)


def test_a_second_reader_in_the_same_process_shares_the_store(data):
    first = load(data)
    second = load(data)
    assert second.persistent is not None
    assert contents(first.store) == contents(second.store)
    without_lines(sorted((data / "ttl").glob("*.ttl"))[0], "kg:validFrom")
    third = load(data)  # an update would wait for this process's own readers: memory instead
    assert third.persistent is None
    first.close()
    second.close()


def test_the_store_folder_ignores_itself(data):
    load(data).close()
    assert (data / ".kommgraph" / ".gitignore").read_text(encoding="utf-8") == "*\n"


def test_a_command_waits_for_an_update_in_progress_then_loads_into_memory(data, monkeypatch):
    import fcntl

    load(data).close()
    monkeypatch.setenv(persistent.WAIT_VARIABLE, "0.3")
    with open(data / ".kommgraph" / "lock", "a") as other:  # another command updating the store
        fcntl.flock(other, fcntl.LOCK_EX)
        waiting = load(data)
        fcntl.flock(other, fcntl.LOCK_UN)
    assert waiting.persistent is None
    assert contents(waiting.store) == contents(fresh(data).store)
    after = load(data)
    assert after.persistent is not None
    after.close()


def test_the_first_load_works_on_the_store_it_built_in_memory(data):
    first = load(data)
    assert first.persistent.memory is first.store  # validation and the release write read it there
    assert first.in_memory() is first.store  # not copied back from disk
    built = contents(first.store)
    first.close()
    again = load(data)  # from disk now: what was written there is what was worked on
    assert again.persistent.memory is None
    assert again.in_memory() is not again.store
    assert contents(again.store) == built
    again.close()


def test_the_store_on_disk_is_written_in_parts(data, monkeypatch):
    monkeypatch.setattr(persistent, "PERSIST_CHUNK", 1000)  # parts of 1000 quads, the last one shorter
    parts = []
    real = persistent.islice
    monkeypatch.setattr(persistent, "islice", lambda quads, size: parts.append(size) or real(quads, size))
    load(data).close()
    assert len(parts) > persistent.PERSIST_PARTS and set(parts) == {1000}
    assert_equal_to_fresh(data)  # read from disk


def test_a_small_store_is_written_in_three_parts(data, monkeypatch):
    parts = []
    real = persistent.islice
    monkeypatch.setattr(persistent, "islice", lambda quads, size: parts.append(size) or real(quads, size))
    loaded = load(data)
    quads = len(loaded.store)
    loaded.close()
    assert len(parts) == persistent.PERSIST_PARTS and parts[0] * 2 < quads <= parts[0] * 3
    assert_equal_to_fresh(data)


def test_the_first_curated_load_with_drafts_works_on_the_curated_store(data):
    draft = data / "ttl" / "drafts" / "x.ttl"
    draft.parent.mkdir()
    shutil.copy(sorted((data / "ttl").glob("*.ttl"))[2], draft)
    loaded = load(data, include_drafts=False)
    assert loaded.persistent.view == persistent.CURATED
    assert loaded.persistent.memory is loaded.store
    assert contents(loaded.store) == contents(fresh(data, include_drafts=False).store)
    loaded.close()
    assert_equal_to_fresh(data, include_drafts=False)  # read from disk


@pytest.mark.parametrize("small", [True, False])
def test_a_store_on_disk_is_taken_into_memory_whole(data, monkeypatch, small):
    """Small: loaded from the files again (quicker than reading the disk); else copied from the disk."""
    load(data).close()
    monkeypatch.setattr("kommgraph.store.load.SMALL_STORE", 10**9 if small else 0)
    loaded = load(data)
    assert loaded.persistent.memory is None
    assert loaded.small_on_disk() is small
    assert contents(loaded.in_memory()) == contents(loaded.store)
    loaded.close()
