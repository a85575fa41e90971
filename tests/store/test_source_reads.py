"""Source files read once per validation run, and sidecars read without tomllib where they are plain."""

from __future__ import annotations

import tomllib

import pytest

from kommgraph.core.errors import SourceError
from kommgraph.store import sources
from kommgraph.store.sources import read_bytes, read_once, read_sidecar, read_text


def test_inside_read_once_a_file_is_read_from_disk_once(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("first", encoding="utf-8")
    with read_once():
        assert read_bytes(path) == b"first"
        path.write_text("second", encoding="utf-8")
        assert read_text(path) == "first"
        with read_once():  # nested: the same reads
            assert read_text(path) == "first"
    assert read_text(path) == "second"


def test_a_failed_read_is_not_kept(tmp_path):
    path = tmp_path / "missing.txt"
    with read_once():
        with pytest.raises(SourceError, match=r"missing.txt: cannot read: No such file or directory"):
            read_text(path)
        path.write_text("now", encoding="utf-8")
        assert read_text(path) == "now"


@pytest.mark.parametrize(
    "text",
    [
        'title = "Eichwald ordnet"\npublished = "1989-01-01"\n',
        "",
        "\n\n",
        'a = "tab\there"\n',
        'a = "escaped \\" quote"\n',
        'a = "x" # comment\n',
        'a = "ä"\r\n',
        "a = 1\n",
        'a = "x"\na = "y"\n',
        'a = "unclosed\n',
        "published = 1989-01-01\n",
    ],
)
def test_plain_sidecars_read_as_tomllib_reads_them(text):
    plain = sources._plain_toml(text)
    if plain is not None:
        assert plain == tomllib.loads(text)


def test_plain_sidecar_takes_no_parser(tmp_path, monkeypatch):
    (tmp_path / "s.meta.toml").write_text('title = "T"\nplace = "unknown"\n', encoding="utf-8")

    def refuse(text):
        raise AssertionError("tomllib should not be needed")

    monkeypatch.setattr(sources.tomllib, "loads", refuse)
    assert read_sidecar(tmp_path / "s.txt") == {"title": "T"}


def test_a_sidecar_tomllib_refuses_keeps_its_message(tmp_path):
    (tmp_path / "s.meta.toml").write_text('title = "T"\ntitle = "U"\n', encoding="utf-8")
    with pytest.raises(SourceError, match=r"s.meta.toml line 2: Cannot overwrite a value$"):
        read_sidecar(tmp_path / "s.txt")
