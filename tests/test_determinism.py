"""Byte-identical output across processes: `build` and `publish --static` run twice, each in a fresh
interpreter with a different PYTHONHASHSEED (set and dict order of strings differ between them)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def run(seed: str, *args: str) -> None:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    done = subprocess.run(
        [sys.executable, "-m", "kommgraph", *args, "--data-dir", str(ROOT / "data")],
        capture_output=True, text=True, timeout=600, env=env,
    )
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.slow
@pytest.mark.parametrize("command", [["build"], ["publish", "--static"]], ids=["build", "publish"])
def test_two_processes_with_different_hash_seeds_write_the_same_bytes(tmp_path, command):
    first, second = tmp_path / "first", tmp_path / "second"
    run("1", *command, "--out", str(first))
    run("4242", *command, "--out", str(second))
    one, two = files(first), files(second)
    assert sorted(one) == sorted(two)
    assert [name for name in one if one[name] != two[name]] == []
    assert len(one) >= 2
