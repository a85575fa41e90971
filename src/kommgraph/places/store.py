"""Loading the bundled index (data/places.json) once, lazily; Place objects are made on first use.

tools/build_places.py writes the index with every name form already folded, so that loading is one
json.load (no per-row Python work); data/places.tsv is the same list for people to read and diff.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from .kinds import AUTHORITY_TITLES
from .model import Place
from .normalize import fold

DATA = Path(__file__).with_name("data")
INDEX_FILE = DATA / "places.json"

OFFICIAL, ALIAS, NOT_IN_TEXT = 0, 1, 2  # how a form names a place: see tools/build_places.py name_forms


class PlaceDataError(RuntimeError):
    """The bundled index is missing or damaged; the message names the file."""


@dataclass
class Index:
    rows: list[list]  # [key, name, short, kind, country, state, parent_key, population], sorted by key
    # folded name form -> [row, how, row, how, ...]
    names: dict[str, list[int]]
    # first folded word -> second folded word ("" for one-word forms) -> name forms that may occur in text,
    # as word lists, longest first
    forms: dict[str, dict[str, list[list[str]]]]
    # first folded word -> [[title words], level], longest first
    titles: dict[str, list[list]]
    # folded single-word place names that are German words -> "noun" | "noun-city" | "word"
    common_words: dict[str, str]
    _places: dict[int, Place] = field(default_factory=dict)
    _by_key: dict[str, int] | None = None

    def place(self, row: int) -> Place:
        found = self._places.get(row)
        if found is None:
            key, name, short, kind, country, state, parent, population = self.rows[row]
            found = self._places[row] = Place(
                key, name, short, kind, country, state, parent or None, population
            )
        return found

    def row_of(self, key: str) -> int | None:
        if self._by_key is None:
            self._by_key = {row[0]: number for number, row in enumerate(self.rows)}
        return self._by_key.get(key)

    def hits(self, folded: str) -> list[tuple[Place, int]]:
        flat = self.names.get(folded, ())
        return [(self.place(flat[k]), flat[k + 1]) for k in range(0, len(flat), 2)]


def _with_authority_titles(titles: dict[str, list[list]]) -> dict[str, list[list]]:
    """The data's title words plus the names of administrations (kinds.AUTHORITY_TITLES), longest first."""
    for title_level, names in AUTHORITY_TITLES.items():
        for name in names:
            words = fold(name).split(" ")
            entries = titles.setdefault(words[0], [])
            if [words, title_level] not in entries:
                entries.append([words, title_level])
            entries.sort(key=lambda entry: -len(entry[0]))
    return titles


@cache
def index() -> Index:
    try:
        with INDEX_FILE.open(encoding="utf-8") as handle:
            data = json.load(handle)
        titles = _with_authority_titles(data["titles"])
        return Index(data["places"], data["names"], data["forms"], titles, data["common_words"])
    except (OSError, ValueError, KeyError) as error:
        raise PlaceDataError(
            f"{INDEX_FILE}: cannot load the place index ({error}); rebuild it with tools/build_places.py"
        ) from error
