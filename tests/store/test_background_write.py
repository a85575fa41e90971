"""The first build's store written by a child while the command validates and writes the release: the
store is marked valid only once the child has written all of it, and a failed, killed or abandoned
write leaves a store that the next command rebuilds (never a half-written one that is trusted).

The child is forked only from a process with one thread; this test process runs RocksDB's threads once
any test has opened a store on disk, so each case runs in a fresh interpreter of its own."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
import threading
from collections import Counter
from pathlib import Path

import pyoxigraph as ox
import pytest

from kommgraph.store import background, dataset, derive, persistent
from kommgraph.store.load import load
from kommgraph.synth import synthesize

from .test_persistent import assert_equal_to_fresh

INDEX = ox.NamedNode(derive.INDEX_GRAPH)
KGX = "https://w3id.org/kommgraph/index#"


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("synth") / "data"
    synthesize(out, 6, seed=5)
    return out


PRELUDE = """
import json, sys
from pathlib import Path
import pyoxigraph as ox
from kommgraph.store import persistent
from kommgraph.store.load import load
data = Path(sys.argv[1])
dirty = lambda: (data / ".kommgraph" / "all.dirty").exists()
"""


def in_fresh_process(script: str, data: Path, **environment: str) -> dict:
    """Run ``script`` (after ``PRELUDE``) in a new interpreter; what it printed last, as JSON."""
    env = {k: v for k, v in os.environ.items() if k != persistent.NO_STORE_VARIABLE} | environment
    code = PRELUDE + textwrap.dedent(script)
    done = subprocess.run(
        [sys.executable, "-c", code, str(data)], capture_output=True, text=True, timeout=300, env=env
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def dirty(data: Path) -> bool:
    return (data / ".kommgraph" / "all.dirty").exists()


def test_the_store_is_marked_valid_only_when_the_child_has_written_it(data):
    seen = in_fresh_process(
        """
        loaded = load(data, include_drafts=False, background=True)
        pending = loaded.persistent.writer is not None and loaded.persistent.store is None
        before = dirty()
        finished = loaded.finish()
        print(json.dumps([pending, before, finished, dirty(), loaded.persistent.writer is None]))
        """,
        data,
    )
    assert seen == [True, True, True, False, True]
    assert_equal_to_fresh(data)  # read from disk: what the child wrote


# each breaks one step of the store writer's child: the write itself (half a store on disk), or the
# answer rows it derives before writing
BROKEN_CHILD_STEPS = {
    "the write raises": """
        def broken(memory, path):
            ox.Store(str(path)).bulk_extend(list(memory)[:10])  # half a store
            raise OSError("disk full")
        persistent.persist = broken
        """,
    "the answer rows raise": """
        from kommgraph.store import derive
        def broken(memory):
            raise RuntimeError("rows broke")
        derive.derive_rows = broken
        """,
}


@pytest.mark.parametrize("step", sorted(BROKEN_CHILD_STEPS))
def test_a_failing_child_leaves_the_store_to_be_rebuilt(data, step):
    script = textwrap.dedent(BROKEN_CHILD_STEPS[step]) + textwrap.dedent(
        """
        loaded = load(data, background=True)
        print(json.dumps([loaded.finish(), dirty()]))
        """
    )
    seen = in_fresh_process(script, data)
    assert seen == [False, True]
    assert_equal_to_fresh(data)  # rebuilt, not trusted
    assert not dirty(data)


def test_a_killed_write_leaves_the_store_to_be_rebuilt(data):
    seen = in_fresh_process(
        """
        loaded = load(data, background=True)
        writer = loaded.persistent.writer.process
        loaded.close()  # not waited for: the child is killed
        print(json.dumps([writer.status is not None, dirty()]))
        """,
        data,
    )
    assert seen == [True, True]
    assert_equal_to_fresh(data)
    assert not dirty(data)


def test_the_store_is_written_before_the_command_goes_on_when_asked(data):
    script = (
        "loaded = load(data, background=True)\nprint(json.dumps([loaded.persistent.writer is None, dirty()]))"
    )
    assert in_fresh_process(script, data, **{background.NO_BACKGROUND_VARIABLE: "1"}) == [True, False]


def test_no_child_is_forked_beside_another_thread():
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        assert background.can_fork() is False
    finally:
        stop.set()
        other.join()


def test_no_child_once_this_process_has_opened_a_store_on_disk(data, monkeypatch):
    monkeypatch.delenv(persistent.NO_STORE_VARIABLE, raising=False)
    load(data).close()  # RocksDB's threads run from now on
    (data / ".kommgraph" / "all.json").unlink()
    loaded = load(data, background=True)
    assert loaded.persistent.writer is None and not dirty(data)
    loaded.close()


def kommgraph_build(data: Path, out: Path, **environment: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != persistent.NO_STORE_VARIABLE} | environment
    command = [sys.executable, "-m", "kommgraph", "build", "--data-dir", str(data), "--out", str(out)]
    return subprocess.run(command, capture_output=True, text=True, timeout=300, env=env)


def test_a_build_writes_the_same_files_with_the_store_written_in_the_background(data, tmp_path):
    assert kommgraph_build(data, tmp_path / "background").returncode == 0
    assert not dirty(data)
    assert_equal_to_fresh(data)
    (data / ".kommgraph" / "all.json").unlink()
    foreground = kommgraph_build(data, tmp_path / "foreground", **{background.NO_BACKGROUND_VARIABLE: "1"})
    assert foreground.returncode == 0
    names = sorted(p.name for p in (tmp_path / "foreground").iterdir())
    assert names == sorted(p.name for p in (tmp_path / "background").iterdir())
    for name in names:
        assert (tmp_path / "background" / name).read_bytes() == (tmp_path / "foreground" / name).read_bytes()


def test_a_build_that_fails_stops_the_write_and_writes_no_release(data, tmp_path):
    seen = in_fresh_process(
        f"""
        from kommgraph.api import build as build_module
        def failing(loaded, union):
            raise RuntimeError("validation broke")
        build_module.validate_with_drafts = failing
        try:
            build_module.build(data, Path({str(tmp_path / "out")!r}))
        except RuntimeError as error:
            print(json.dumps([str(error), dirty()]))
        """,
        data,
    )
    assert seen == ["validation broke", True]
    assert not (tmp_path / "out").exists()
    assert_equal_to_fresh(data)


def grouped(store) -> tuple[Counter, Counter]:
    """The quads outside the answer rows (blank nodes named alike), and each answer row (a blank subject
    of the index graph) as the sorted list of its predicates and objects: a row split or joined differs."""
    rows: dict = {}
    plain: Counter = Counter()
    for quad in store:
        if quad.graph_name == INDEX and isinstance(quad.subject, ox.BlankNode):
            rows.setdefault(quad.subject, []).append((str(quad.predicate), str(quad.object)))
        else:
            plain[tuple("_:b" if isinstance(t, ox.BlankNode) else str(t) for t in quad)] += 1
    return plain, Counter(tuple(sorted(row)) for row in rows.values())


@pytest.fixture(scope="module")
def synthetic_10k(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("synth10k") / "data"
    synthesize(out, 95, seed=1)
    return out


def test_the_answer_rows_derived_apart_are_those_of_one_derivation(synthetic_10k):
    files = dataset.discover(synthetic_10k)
    whole, apart = dataset.load_store(files), dataset.load_store(files)
    derive.derive(whole)
    assert derive.derive(apart, rows=False) == derive.derive(dataset.load_store(files))
    assert not any(apart.quads_for_pattern(None, ox.NamedNode(f"{KGX}rowOf"), None, INDEX))
    derive.derive_rows(apart)
    assert grouped(apart) == grouped(whole)


def test_a_first_build_leaves_the_store_a_whole_derivation_makes(synthetic_10k, tmp_path):
    """The child derives the answer rows into the store it writes; the parent goes on without them."""
    data = tmp_path / "data"
    shutil.copytree(synthetic_10k, data)
    seen = in_fresh_process(
        f"""
        rows = ox.NamedNode("{KGX}rowOf")
        loaded = load(data, include_drafts=False, background=True)
        in_memory = sum(1 for _ in loaded.store.quads_for_pattern(None, rows, None))
        print(json.dumps([loaded.persistent.writer is not None, in_memory, loaded.finish()]))
        """,
        data,
    )
    assert seen == [True, 0, True]
    loaded = load(data)
    assert loaded.store is not loaded.persistent.memory  # read from disk: what the child wrote
    expected = dataset.load_store(dataset.discover(data))
    derive.derive(expected)
    assert grouped(loaded.store) == grouped(expected)
    loaded.close()
