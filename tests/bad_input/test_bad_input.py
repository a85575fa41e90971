"""The bad-input corpus (cases.toml): each case gives its exact message and exit code, no traceback."""

from __future__ import annotations

import os
import shutil
import tomllib
from pathlib import Path

import pytest
from click.testing import CliRunner

from kommgraph.cli.main import main

HERE = Path(__file__).parent
DATA = HERE.parents[1] / "data"
CASES = tomllib.loads((HERE / "cases.toml").read_text(encoding="utf-8"))["case"]


def prepare(case: dict, tmp: Path) -> None:
    if case.get("data"):
        for part in ("ttl", "sources"):
            shutil.copytree(DATA / part, tmp / "data" / part)
        for path in (tmp / "data").rglob("*"):
            path.chmod(0o755 if path.is_dir() else 0o644)  # the bundled source texts are read-only
    for edit in case.get("edits", []):
        ((kind, value),) = edit.items()
        target = tmp / (value if isinstance(value, str) else value[0])
        target.parent.mkdir(parents=True, exist_ok=True)
        if kind == "write":
            target.write_text(value[1], encoding="utf-8")
        elif kind == "write_hex":
            target.write_bytes(bytes.fromhex(value[1]))
        elif kind == "replace":
            text = target.read_text(encoding="utf-8")
            assert text.count(value[1]) == 1, f"{case['name']}: {value[1]!r} not once in {target}"
            target.write_text(text.replace(value[1], value[2]), encoding="utf-8")
        elif kind == "repeat":
            target.write_text(value[1] * value[2], encoding="utf-8")
        elif kind == "delete":
            target.unlink()
        elif kind == "fifo":
            os.mkfifo(target)
        else:
            raise AssertionError(f"{case['name']}: unknown edit {kind}")


def fill(text: str, tmp: Path) -> str:
    return text.replace("{data}", str(tmp / "data")).replace("{tmp}", str(tmp))


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_bad_input_gives_its_message_and_exit_code(case, tmp_path):
    prepare(case, tmp_path)
    result = CliRunner().invoke(main, [fill(a, tmp_path) for a in case["args"]])
    output = result.output
    assert "Traceback" not in output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    missing = [line for line in (fill(x, tmp_path) for x in case["lines"]) if line not in output.splitlines()]
    assert missing == [], output
    assert result.exit_code == case["exit"], output


def test_every_case_has_a_unique_name():
    names = [c["name"] for c in CASES]
    assert len(names) == len(set(names)) and len(names) >= 20
