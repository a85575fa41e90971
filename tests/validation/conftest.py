"""Fixtures for the validation tests: writable copies of the bundled data and the broken-data fixtures."""

from __future__ import annotations

import re
import shutil
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data"
HERE = Path(__file__).resolve().parent
SCHEMAS = HERE / "schemas"
KGID = "https://w3id.org/kommgraph/id/"
PREFIXES = """
PREFIX dct: <http://purl.org/dc/terms/>
PREFIX foaf: <http://xmlns.com/foaf/0.1/>
PREFIX kg: <https://w3id.org/kommgraph/ontology#>
PREFIX oa: <http://www.w3.org/ns/oa#>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
"""


def copy_data(target: Path) -> Path:
    """A writable copy of the bundled data directory (ttl/ and sources/) at ``target``."""
    shutil.copytree(DATA / "ttl", target / "ttl")
    shutil.copytree(DATA / "sources", target / "sources")
    for path in target.rglob("*"):
        path.chmod(0o755 if path.is_dir() else 0o644)  # the bundled source texts are read-only
    return target


@pytest.fixture
def data(tmp_path) -> Path:
    return copy_data(tmp_path / "data")


def load_fixtures() -> list[dict]:
    return tomllib.loads((HERE / "fixtures.toml").read_text(encoding="utf-8"))["fixture"]


def expand(text: str) -> str:
    """``kgid:unit/x/y`` → ``<https://w3id.org/kommgraph/id/unit/x/y>``: a local name has no slashes."""
    return re.sub(r"\bkgid:([A-Za-z0-9_/.~-]*[A-Za-z0-9_/~-])", lambda m: f"<{KGID}{m.group(1)}>", text)


def break_data(root: Path, fixture: dict) -> None:
    """Apply a fixture's edits to the data directory ``root``."""
    path = root / fixture["file"]
    if "overwrite" in fixture:
        path.write_text(fixture["overwrite"], encoding="utf-8")
    if "append" in fixture:
        text = path.read_text(encoding="utf-8")
        path.write_text(text + PREFIXES + expand(fixture["append"]).strip() + "\n", encoding="utf-8")
    if "replace" in fixture:
        old, new = fixture["replace"]
        text = path.read_text(encoding="utf-8")
        assert text.count(old) == 1, f"{fixture['name']}: {old!r} occurs {text.count(old)} times in {path}"
        path.write_text(text.replace(old, new), encoding="utf-8")
    if "prepend_text" in fixture:
        name, prefix = fixture["prepend_text"]
        target = root / name
        target.write_text(prefix + target.read_text(encoding="utf-8"), encoding="utf-8")
    if "delete" in fixture:
        (root / fixture["delete"]).unlink()


def expected_line(root: Path, fixture: dict) -> int:
    """The line an independent reading gives: the first line that begins with ``<focus>`` (or that
    contains ``line_of``)."""
    lines = (root / fixture.get("expect_file", fixture["file"])).read_text(encoding="utf-8").splitlines()
    needle = fixture.get("line_of")
    for number, line in enumerate(lines, start=1):
        if (needle and needle in line) or (not needle and line.startswith(f"<{fixture['focus']}>")):
            return number
    raise AssertionError(f"{fixture['name']}: no line for {needle or fixture['focus']}")
