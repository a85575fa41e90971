"""Atomic releases: ``publish`` killed (SIGKILL, a subprocess) at many points, the switch included,
leaves the old or the new release whole; the next run leaves no temporary files; modes follow the umask.

A release is "whole" when ``sha256sum -c SHA256SUMS`` passes and the folder holds no other file."""

from __future__ import annotations

import functools
import hashlib
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from kommgraph.publish import writer
from kommgraph.publish.release import publish, write_files

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data"
KILLER = Path(__file__).with_name("kill_publish.py")
OLD_BASE = "https://old.example.org/id/"


def files_of(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def whole(folder: Path) -> bytes:
    """The folder's SHA256SUMS if the folder is exactly the release it lists (``sha256sum -c`` passes
    and there is no other file); fails the test otherwise."""
    files = files_of(folder)
    listed = {}
    for line in files["SHA256SUMS"].decode().splitlines():
        digest, _, name = line.partition("  ")
        listed[name] = digest
    assert sorted(files) == sorted([*listed, "SHA256SUMS"])
    assert [n for n, d in listed.items() if hashlib.sha256(files[n]).hexdigest() != d] == []
    return files["SHA256SUMS"]


def leftovers(out: Path) -> list[str]:
    beside = [p.name for p in out.parent.iterdir() if p.name.startswith(f".{out.name}.")]
    inside = [p.name for p in out.rglob(".*.tmp")] if out.exists() else []
    return sorted(beside + inside)


def run_killer(out: Path, kill_at: int, *, copy_from: Path | None = None, no_exchange: bool = False):
    env = {**os.environ, "KILL_AT": str(kill_at), "PYTHONPATH": str(ROOT / "src")}
    if no_exchange:
        env["NO_EXCHANGE"] = "1"
    if copy_from is not None:
        command = [sys.executable, str(KILLER), "--copy", str(copy_from), str(out)]
    else:
        command = [sys.executable, str(KILLER), "publish", "--data-dir", str(DATA), "--out", str(out)]
    return subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)


def steps_of(done: subprocess.CompletedProcess) -> int:
    assert done.returncode == 0, done.stderr
    return int(done.stderr.rsplit("steps=", 1)[1])


@pytest.fixture(scope="module")
def releases(tmp_path_factory):
    """Two releases of the bundled data under different bases (so that every file differs): a small one
    (dumps only) and a static one (~470 files, many dropped again by the small one)."""
    folder = tmp_path_factory.mktemp("atomic")
    small_old, small_new, static_old = folder / "small-old", folder / "small-new", folder / "static-old"
    publish(DATA, small_old, base=OLD_BASE)
    publish(DATA, small_new)
    publish(DATA, static_old, base=OLD_BASE, static=True)
    return small_old, small_new, static_old


def kill_and_check(old: Path, new: Path, out: Path, kill_at: int, copy: bool) -> str:
    """Kill a write of ``new`` over a copy of ``old`` at ``kill_at``; the folder is one of them, whole;
    the next write leaves the new release and no temporary file. Returns "old" or "new"."""
    shutil.copytree(old, out, copy_function=os.link)  # the writer never changes a file in place
    killed = run_killer(out, kill_at, copy_from=new if copy else None)
    assert killed.returncode == -signal.SIGKILL, (kill_at, killed.stderr)
    sums, old_sums, new_sums = whole(out), whole_cached(old), whole_cached(new)
    assert sums in (old_sums, new_sums), kill_at
    write_files(out, files_of(new))  # the next run
    assert whole(out) == new_sums
    assert leftovers(out) == [], kill_at
    shutil.rmtree(out)
    return "old" if sums == old_sums else "new"


@functools.cache
def whole_cached(folder: Path) -> bytes:
    return whole(folder)


def test_publish_killed_at_every_step_of_its_switch_leaves_a_whole_release(releases, tmp_path):
    """The real command, SIGKILLed: before the first and the last file written, before the exchange
    (the switch), just after it, and while the old release is removed."""
    small_old, small_new, _ = releases
    out = tmp_path / "dist"
    shutil.copytree(small_old, out)
    steps = steps_of(run_killer(out, -1))
    shutil.rmtree(out)
    written = len(files_of(small_new))  # steps: written files, the exchange, one unlink per old file
    points = [0, written - 1, written, written + 1, written + 5, steps - 1]
    outcomes = [kill_and_check(small_old, small_new, tmp_path / f"dist-{n}", n, copy=False) for n in points]
    assert outcomes == ["old", "old", "old", "new", "new", "new"]


def test_the_writer_killed_at_forty_points_leaves_a_whole_release(releases, tmp_path):
    """The same steps without loading and validating: a static release replaced by a small one."""
    small_old, small_new, static_old = releases
    out = tmp_path / "dist"
    shutil.copytree(static_old, out)
    steps = steps_of(run_killer(out, -1, copy_from=small_new))
    shutil.rmtree(out)
    assert steps > 400  # the small release written, the exchange, every file of the static one removed
    spread = range(10, steps - 10, (steps - 20) // 20)
    points = sorted({*range(0, 10), *spread, *range(steps - 10, steps)})
    outcomes = [kill_and_check(static_old, small_new, tmp_path / f"d{n}", n, copy=True) for n in points]
    assert outcomes.count("old") > 10 and outcomes.count("new") > 10
    assert outcomes == sorted(outcomes, key=["old", "new"].index)  # old until the switch, new after it


def test_without_the_exchange_a_kill_between_the_renames_is_repaired_by_the_next_run(releases, tmp_path):
    small_old, small_new, _ = releases
    out = tmp_path / "dist"
    shutil.copytree(small_old, out)
    steps = steps_of(run_killer(out, -1, copy_from=small_new, no_exchange=True))
    shutil.rmtree(out)
    shutil.copytree(small_old, out)
    # the fallback's steps: the new files written, the exchange tried, the old folder renamed away,
    # the new one renamed in, then one step per old file removed
    second_rename = steps - len(files_of(small_old)) - 1
    killed = run_killer(out, second_rename, copy_from=small_new, no_exchange=True)
    assert killed.returncode == -signal.SIGKILL
    assert not out.exists()
    (aside,) = [p for p in tmp_path.iterdir() if p.name.startswith(".dist.old-")]
    assert whole(aside) == whole(small_old)
    assert writer.clean_leftovers(out) != []  # the next run: the old release put back, the new removed
    assert whole(out) == whole(small_old) and leftovers(out) == []


def test_stray_temporary_files_of_older_versions_are_removed(tmp_path):
    out = tmp_path / "dist"
    out.mkdir()
    (out / "keep.txt").write_text("mine")
    (out / ".kommgraph.ttl.abc123xy.tmp").write_text("half")
    (out / "doc").mkdir()
    (out / "doc" / ".x.html.k2j4_9zz.tmp").write_text("half")
    writer.write_release(out, {"a.txt": b"A"})
    assert files_of(out) == {"a.txt": b"A", "keep.txt": b"mine"}
    assert leftovers(out) == []


def test_files_and_folders_get_the_umask_modes(tmp_path):
    previous = os.umask(0o022)
    try:
        writer.write_release(tmp_path / "dist", {"a.txt": b"A", "doc/b.html": b"B"})
        writer.write_release(tmp_path / "dist", {"a.txt": b"A2", "doc/b.html": b"B2"})
    finally:
        os.umask(previous)
    modes = {
        p.relative_to(tmp_path).as_posix(): oct(p.stat().st_mode & 0o777) for p in sorted(tmp_path.rglob("*"))
    }
    assert modes == {"dist": "0o755", "dist/a.txt": "0o644", "dist/doc": "0o755", "dist/doc/b.html": "0o644"}


def test_build_keeps_the_other_files_of_the_folder(tmp_path):
    out = tmp_path / "dist"
    out.mkdir()
    (out / "CNAME").write_text("example.org\n")
    writer.write_release(out, {"kommgraph.ttl": b"new"})
    assert files_of(out) == {"CNAME": b"example.org\n", "kommgraph.ttl": b"new"}
