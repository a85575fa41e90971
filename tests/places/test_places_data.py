"""The bundled data: size per country and kind, agreement of the two files, load time, self-containment."""

from __future__ import annotations

import ast
import collections
import json
import subprocess
import sys
from pathlib import Path

import pytest

from kommgraph.places import store

PACKAGE = Path(store.__file__).parent
COUNTS = {
    ("AT", "Bezirk"): 79,
    ("AT", "Gemeinde"): 2085,
    ("AT", "Land"): 9,
    ("AT", "Statutarstadt"): 15,
    ("AT", "Statutarstadt (Bezirk)"): 15,
    ("CH", "Bezirk"): 141,
    ("CH", "Gemeinde"): 2136,
    ("CH", "Kanton"): 26,
    ("DE", "Flecken"): 50,
    ("DE", "Gemeinde"): 8445,
    ("DE", "Kreis"): 87,
    ("DE", "Land"): 16,
    ("DE", "Landkreis"): 207,
    ("DE", "Markt"): 396,
    ("DE", "Stadt"): 1950,
    ("DE", "Stadtkreis"): 106,
    ("DE", "gemeindefreies Gebiet"): 31,
    ("DE", "kreisfreie Stadt"): 106,
}


def test_counts_per_country_and_kind():
    rows = store.index().rows
    assert dict(collections.Counter((row[4], row[3]) for row in rows)) == COUNTS


@pytest.mark.parametrize(
    ("length", "count"),
    [(2, 16), (5, 400), (8, 10978)],
)
def test_german_keys_have_the_ags_lengths(length, count):
    keys = [row[0] for row in store.index().rows if row[4] == "DE"]
    assert sum(1 for key in keys if len(key) == length and key.isdigit()) == count


def test_every_parent_exists():
    idx = store.index()
    missing = [row[0] for row in idx.rows if row[6] and idx.row_of(row[6]) is None]
    assert missing == []


def test_readable_list_and_index_agree():
    lines = (PACKAGE / "data" / "places.tsv").read_text(encoding="utf-8").splitlines()
    tsv = [line.split("\t")[:8] for line in lines if not line.startswith("#")]
    with (PACKAGE / "data" / "places.json").open(encoding="utf-8") as handle:
        rows = json.load(handle)["places"]
    assert [[*row[:7], str(row[7])] for row in rows] == tsv


def test_loading_is_fast_in_a_fresh_process():
    """CPU time, not wall time: the bound must hold on a busy CI machine too."""
    code = (
        "import time; t = time.process_time(); from kommgraph.places import mentions, lookup; "
        "mentions('Der Landkreis Gießen und die Stadt Kassel'); lookup('Frankfurt'); "
        "print(time.process_time() - t)"
    )
    seconds = float(
        subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
        ).stdout
    )
    assert seconds < 0.3


def test_the_package_imports_nothing_else_of_kommgraph():
    imported = set()
    for path in sorted(PACKAGE.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                imported.add(node.module.split(".")[0])
            elif isinstance(node, ast.Import):
                imported.update(alias.name.split(".")[0] for alias in node.names)
    standard = {"__future__", "dataclasses", "functools", "json", "pathlib", "re", "unicodedata"}
    compact_form = {"collections", "hashlib", "marshal", "os", "sys", "tempfile", "zlib"}  # places/compact.py
    assert imported <= standard | compact_form


def test_a_damaged_index_is_reported_with_its_file(tmp_path, monkeypatch):
    broken = tmp_path / "places.json"
    broken.write_text("{", encoding="utf-8")
    monkeypatch.setattr(store, "INDEX_FILE", broken)
    store.index.cache_clear()
    try:
        with pytest.raises(store.PlaceDataError, match=r"places\.json: cannot load the place index"):
            store.index()
    finally:
        store.index.cache_clear()
