"""``kommgraph build`` renders and stages its release in a forked child while it validates
(:mod:`kommgraph.publish.background_release`): the bytes are those of a build in one process, a
violation leaves neither the release nor a staging folder, and a child that fails leaves the parent to
write the release itself, with the same messages.

The child is forked only from a process with one thread, so each build runs in a fresh interpreter."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from kommgraph.publish import background_release
from kommgraph.store import background, persistent
from kommgraph.synth import synthesize


@pytest.fixture(scope="module")
def valid(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("synth") / "data"
    synthesize(out, 6, seed=5)
    return out


@pytest.fixture(scope="module")
def invalid(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("synth") / "data"
    synthesize(out, 6, seed=5, injections={"missing-label": 1})
    return out


def build(data: Path, out: Path, *, store: bool = True, **environment: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in (persistent.NO_STORE_VARIABLE,)}
    env |= {persistent.NO_STORE_VARIABLE: "0" if store else "1"} | environment
    command = [sys.executable, "-m", "kommgraph", "build", "--data-dir", str(data), "--out", str(out)]
    return subprocess.run(command, capture_output=True, text=True, timeout=300, env=env)


def files(folder: Path) -> dict[str, bytes]:
    paths = sorted(p for p in folder.rglob("*") if p.is_file())
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in paths}


@pytest.mark.parametrize("store", [True, False], ids=["first-build", "no-store"])
def test_the_release_of_the_child_has_the_bytes_of_one_process(valid, tmp_path, store):
    data = tmp_path / "data"
    os.system(f"cp -r {valid} {data}")
    forked = build(data, tmp_path / "forked", store=store)
    os.system(f"rm -rf {data}/.kommgraph")
    alone = build(data, tmp_path / "alone", store=store, **{background.NO_BACKGROUND_VARIABLE: "1"})
    assert (forked.returncode, alone.returncode) == (0, 0), forked.stderr + alone.stderr
    assert files(tmp_path / "forked") == files(tmp_path / "alone")
    assert sorted(files(tmp_path / "forked")) == ["kommgraph.trig", "kommgraph.ttl"]


def test_a_violation_leaves_no_release_and_no_staging_folder(invalid, tmp_path):
    done = build(invalid, tmp_path / "dist", store=False)
    assert done.returncode == 1
    assert "nothing was written" in done.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == []


def test_the_old_files_of_the_folder_are_kept(valid, tmp_path):
    out = tmp_path / "dist"
    out.mkdir()
    (out / "notes.txt").write_text("mine")
    done = build(valid, out, store=False)
    assert done.returncode == 0, done.stderr
    assert sorted(files(out)) == ["kommgraph.trig", "kommgraph.ttl", "notes.txt"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dist"]


def test_an_output_under_a_file_gets_the_message_of_one_process(valid, tmp_path):
    blocker = tmp_path / "site"
    blocker.write_text("a file")
    out = blocker / "dist"
    forked = build(valid, out, store=False)
    alone = build(valid, out, store=False, **{background.NO_BACKGROUND_VARIABLE: "1"})
    assert (forked.returncode, forked.stderr) == (alone.returncode, alone.stderr)
    assert f"cannot write {out}/kommgraph.trig: {blocker} is not a folder" in forked.stderr
    assert blocker.read_text() == "a file"


def in_fresh_process(script: str, folder: Path) -> list:
    """Run ``script`` in a new interpreter with one thread (``out`` is ``folder/dist``); what it printed
    last, as JSON."""
    prelude = (
        "import json, sys\nfrom pathlib import Path\nfrom kommgraph.publish import background_release\n"
        "out = Path(sys.argv[1]) / 'dist'\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", prelude + script, str(folder)], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_a_child_that_fails_leaves_the_release_to_the_parent(tmp_path):
    script = """
def broken():
    raise OSError("disk full")
pending = background_release.start(out, broken)
print(json.dumps([pending is not None, pending.commit()]))
"""
    assert in_fresh_process(script, tmp_path) == [True, None]
    assert list(tmp_path.iterdir()) == []


def test_a_discarded_release_leaves_nothing(tmp_path):
    script = """
pending = background_release.start(out, lambda: {"a.ttl": b"a\\n"})
pending.discard()
print(json.dumps(pending is not None))
"""
    assert in_fresh_process(script, tmp_path) is True
    assert list(tmp_path.iterdir()) == []


def test_a_child_killed_while_it_stages_leaves_nothing(tmp_path):
    """The race CI met: validation fails while the child is writing its staging folder; the kill leaves the
    folder without the child's message, and discard must still remove it."""
    script = """
import time
def stuck():
    (out.parent / ".dist.new-stuck").mkdir()
    (out.parent / ".dist.new-stuck" / "a.ttl").write_bytes(b"half")
    time.sleep(60)
pending = background_release.start(out, stuck)
deadline = time.monotonic() + 30
while not (out.parent / ".dist.new-stuck" / "a.ttl").exists() and time.monotonic() < deadline:
    time.sleep(0.01)
pending.discard()
print(json.dumps(pending is not None))
"""
    assert in_fresh_process(script, tmp_path) is True
    assert list(tmp_path.iterdir()) == []


def test_a_committed_release_is_switched_in(tmp_path):
    script = """
pending = background_release.start(out, lambda: {"a.ttl": b"a\\n", "b/c.ttl": b"c\\n"})
print(json.dumps([str(p.relative_to(out)) for p in pending.commit()]))
"""
    assert in_fresh_process(script, tmp_path) == ["a.ttl", "b/c.ttl"]
    assert files(tmp_path / "dist") == {"a.ttl": b"a\n", "b/c.ttl": b"c\n"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dist"]


def test_no_child_is_forked_in_the_foreground(tmp_path, monkeypatch):
    monkeypatch.setenv(background.NO_BACKGROUND_VARIABLE, "1")
    assert background_release.start(tmp_path / "dist", lambda: {}) is None
