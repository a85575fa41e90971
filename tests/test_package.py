"""Packaging: the wheel carries ontology/, shapes/, queries/ and data; both entry points start."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(out),
            str(ROOT),
        ],
        check=True,
        timeout=300,
        capture_output=True,
    )
    return next(out.glob("kommgraph-*.whl"))


def test_wheel_ships_ontology_shapes_queries_and_data(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    for expected in [
        "kommgraph/ontology/kommgraph.ttl",
        "kommgraph/shapes/core.ttl",
        "kommgraph/shapes/events.ttl",
        "kommgraph/queries/replaced-units.rq",
        "kommgraph/queries/rules/40-date-bounds.rq",
        "kommgraph/data/ttl/reference/authorities.ttl",
        "kommgraph/data/sources/000_d65d91dc76021873.txt",
        "kommgraph/data/kommgraph.toml",
        "kommgraph/cli/main.py",
        "kommgraph/temporal/queries/stated-dates.rq",
        "kommgraph/temporal/queries/derived-lifespans.rq",
    ]:
        assert expected in names, expected


def test_console_script_points_at_a_real_function():
    from importlib.metadata import entry_points

    (script,) = [e for e in entry_points(group="console_scripts") if e.name == "kommgraph"]
    assert callable(script.load())


# Both entry points, through this interpreter: `kommgraph` need not be on PATH (a fresh clone, tox, CI).
@pytest.mark.parametrize(
    "command",
    [
        [
            sys.executable,
            "-c",
            "import sys; from kommgraph.cli.main import run; sys.argv[0] = 'kommgraph'; run()",
        ],
        [sys.executable, "-m", "kommgraph"],
    ],
    ids=["console-script", "python-m"],
)
def test_entry_points_start(command):
    result = subprocess.run([*command, "--help"], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0 and "Usage: " in result.stdout and "build" in result.stdout
