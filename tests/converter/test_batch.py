"""`kommgraph convert --jobs N`: a process pool gives the bytes, order and errors of one process."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from tests.converter.helpers import TEXTS

from kommgraph.cli.convert import convert_command
from kommgraph.convert.batch import POOL_THRESHOLD, chunks, worker_count

SOURCES = sorted(TEXTS.glob("*.txt"))[:40]


def run(args):
    return CliRunner().invoke(convert_command, [str(a) for a in args])


def test_pool_output_equals_serial_output(tmp_path: Path) -> None:
    serial = run([*SOURCES, "--out", tmp_path / "serial", "--jobs", 1])
    pooled = run([*SOURCES, "--out", tmp_path / "pooled", "--jobs", 2])
    assert serial.exit_code == pooled.exit_code == 0, pooled.output
    assert pooled.output.replace("pooled", "serial") == serial.output
    for path in sorted((tmp_path / "serial").iterdir()):
        assert (tmp_path / "pooled" / path.name).read_bytes() == path.read_bytes(), path.name


def test_pool_names_the_bad_file_and_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"title: X\nno end of header\n\xff\n")
    result = run([*SOURCES[:20], bad, *SOURCES[20:], "--out", tmp_path / "out", "--jobs", 2])
    assert result.exit_code == 3
    assert f"Error: {bad} line 3: not UTF-8 (byte 0xff)" in result.output
    assert result.output.count(".ttl\n") == 20  # the files before the bad one, in order


def test_small_batches_use_one_process() -> None:
    assert worker_count(POOL_THRESHOLD - 1) == 1
    assert worker_count(10, jobs=3) == 3


@pytest.mark.parametrize(
    ("files", "workers", "sizes"),
    [
        (0, 2, []),
        (10, 2, [4, 4, 2]),
        (100, 2, [16] * 3 + [4] * 13),  # the last 64 files (2 workers × 2 × 16) in fours
        (70, 2, [16] + [4] * 13 + [2]),
        (200, 4, [16] * 5 + [4] * 30),
    ],
)
def test_chunks_keep_order_and_shrink_at_the_end(files, workers, sizes):
    paths = [Path(f"{k}.txt") for k in range(files)]
    parts = chunks(paths, workers)
    assert [len(part) for part in parts] == sizes
    assert [p for part in parts for p in part] == paths
