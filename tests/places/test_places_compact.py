"""The compact form of the place index (places/compact.py) gives exactly what the JSON index gives."""

from __future__ import annotations

import pytest

from kommgraph.places import compact, store


@pytest.fixture(scope="module")
def from_json() -> store.Index:
    return store._index_from_json()


@pytest.fixture(scope="module")
def packed(from_json) -> dict:
    idx = from_json
    return compact.pack(idx.rows, idx.names, idx.forms, idx.titles, idx.common_words)


def test_every_row_and_key_is_the_same(from_json, packed):
    rows = compact.Rows(packed["rows"], packed["keys"])
    assert len(rows) == len(from_json.rows)
    assert list(rows) == from_json.rows
    assert rows.keys() == [row[0] for row in from_json.rows]


@pytest.mark.parametrize("field", ["names", "forms"])
def test_every_name_form_is_the_same(from_json, packed, field):
    full = getattr(from_json, field)
    buckets = compact.Buckets(packed[field])
    assert {key: buckets[key] for key in full} == full
    assert buckets.get("kein ort dieses namens") is None
    assert buckets.get("kein ort dieses namens", ()) == ()
    assert "kein ort dieses namens" not in buckets
    with pytest.raises(KeyError, match="kein ort"):
        buckets["kein ort"]


def test_index_from_the_compact_file_answers_as_the_json(tmp_path, monkeypatch, from_json):
    monkeypatch.setenv("KOMMGRAPH_REGEX_CACHE", str(tmp_path))
    store.index.cache_clear()
    try:
        first = store.index()  # builds from the JSON and writes the compact file
        assert isinstance(first.rows, list)
        assert [path.name[:7] for path in tmp_path.iterdir()] == ["places-"]
        store.index.cache_clear()
        second = store.index()
        assert isinstance(second.rows, compact.Rows)
        for key in ("06611000", "AT-60101", "CH-ZH", "nicht da"):
            assert second.row_of(key) == from_json.row_of(key)
        for name in ("kassel", "giessen", "frankfurt am main", "halle", "zuerich"):
            assert second.hits(name) == from_json.hits(name)
            assert second.forms.get(name) == from_json.forms.get(name)
        assert second.titles == from_json.titles
        assert second.common_words == from_json.common_words
    finally:
        store.index.cache_clear()


def test_no_cache_folder_means_the_json(monkeypatch):
    monkeypatch.setenv("KOMMGRAPH_REGEX_CACHE", "")
    assert compact.cache_path(store.INDEX_FILE, store._BUILDERS) is None
    store.index.cache_clear()
    try:
        assert isinstance(store.index().rows, list)
    finally:
        store.index.cache_clear()


@pytest.mark.parametrize("content", [b"", b"\x00garbage", b"\xe9\x00\x00\x00"])
def test_a_damaged_file_is_ignored(tmp_path, content):
    path = tmp_path / "places-x.marshal"
    path.write_bytes(content)
    assert compact.read(path) is None


def test_a_file_of_another_format_is_ignored(tmp_path):
    path = tmp_path / "places-x.marshal"
    compact.write(path, {"format": compact.FORMAT + 1})
    assert compact.read(path) is None


def test_the_key_changes_with_the_data_file(tmp_path, monkeypatch):
    monkeypatch.setenv("KOMMGRAPH_REGEX_CACHE", str(tmp_path / "cache"))
    data = tmp_path / "places.json"
    data.write_text("{}", encoding="utf-8")
    before = compact.cache_path(data, [])
    data.write_text("{ }", encoding="utf-8")
    assert compact.cache_path(data, []) != before
    assert before.parent == tmp_path / "cache"
