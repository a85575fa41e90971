"""Loading the bundled index (data/places.json) once, lazily; Place objects are made on first use.

tools/build_places.py writes the index with every name form already folded, so that loading is one
json.load (no per-row Python work); data/places.tsv is the same list for people to read and diff.
After the first load the index is kept in a compact form (:mod:`.compact`) that later starts read
instead of the JSON, unpacking only the rows and names a text needs.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from . import compact, kinds, normalize
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
    # [key, name, short, kind, country, state, parent_key, population], sorted by key
    rows: Sequence[list]
    # folded name form -> [row, how, row, how, ...]
    names: Mapping[str, list[int]]
    # first folded word -> second folded word ("" for one-word forms) -> name forms that may occur in text,
    # as word lists, longest first
    forms: Mapping[str, dict[str, list[list[str]]]]
    # first folded word -> [[title words], level], longest first
    titles: dict[str, list[list]]
    # folded single-word place names that are German words or given names:
    # "noun" | "noun-city" | "word" | "name"
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
            keys = self.rows.keys() if isinstance(self.rows, compact.Rows) else [row[0] for row in self.rows]
            self._by_key = {key: number for number, key in enumerate(keys)}
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


# Official names with an abbreviated or bracketed addition, and how texts write them: "Limburg a. d. Lahn"
# is "Limburg an der Lahn" or "Limburg", "Halle (Saale)" "Halle an der Saale", "Bad Homburg v. d. Höhe"
# "Bad Homburg". Folded words of the abbreviation -> spelled out.
_ADDITION = re.compile(
    r"^(?P<bare>.+?)\s+(?:(?P<abbr>(?:[aivb]|o)\.\s*(?:d\.)?)\s*(?P<rest>\S.*)|\((?P<river>[^)]+)\))$"
)
_SPELLED = {
    "a d": "an der",
    "i d": "in der",
    "v d": "vor der",
    "a": "am",
    "i": "im",
    "b": "bei",
    "o d": "ob der",
}


def usual_forms(short: str) -> list[str]:
    """How texts write an official name with an abbreviated or bracketed addition: ``Limburg a. d. Lahn``
    → ``Limburg``, ``Limburg an der Lahn``; ``Halle (Saale)`` → ``Halle``, ``Halle an der Saale``."""
    if "." not in short and "(" not in short:
        return []
    m = _ADDITION.match(short)
    if not m or (m["river"] and not m["river"][:1].isupper()):
        return []
    usual = [m["bare"]]
    if m["river"]:
        usual.append(f"{m['bare']} an der {m['river']}")
    elif fold(m["abbr"]) in _SPELLED:
        usual.append(f"{m['bare']} {_SPELLED[fold(m['abbr'])]} {m['rest']}")
    return usual


def _add_usual_forms(rows: list[list], names: dict[str, list[int]], forms: dict) -> None:
    """Adds, as other usual forms, the bare name and the spelled-out addition of official names such as
    "Limburg a. d. Lahn" and "Halle (Saale)" (tools/build_places.py indexes only the official spelling), and
    the -kreis compound of a district's two-word name."""
    for number, row in enumerate(rows):
        short, kind = row[2], row[3]
        head = short.split(" ")[0]
        if kind in ("Kreis", "Landkreis") and " " in short and head.endswith("kreis") and head != "Landkreis":
            # a compound in -kreis names the district alone: "Musterkreis Beispielstadt" → "Musterkreis"
            _add_form(number, fold(head), names, forms)
        if "." not in short and "(" not in short or kind in ("Stadtkreis", "Statutarstadt (Bezirk)"):
            continue
        for form in usual_forms(short):
            _add_form(number, fold(form), names, forms)
            if kind in ("Kreis", "Landkreis") and form.startswith(("Landkreis ", "Kreis ")):
                # "Landkreis Muster a.d. Fluss" is also "Muster" alone ("das Musterer Landratsamt")
                _add_form(number, fold(form.split(" ", 1)[1]), names, forms)


def _add_form(row: int, folded: str, names: dict[str, list[int]], forms: dict) -> None:
    flat = names.setdefault(folded, [])
    if row in flat[::2]:
        return
    flat += [row, ALIAS]
    words = folded.split(" ")
    by_second = forms.setdefault(words[0], {}).setdefault(words[1] if len(words) > 1 else "", [])
    if words not in by_second:
        by_second.append(words)
        by_second.sort(key=lambda form: -len(form))


@cache
def index() -> Index:
    """The index: from its compact form when an earlier run kept one, else from the JSON (then kept)."""
    path = compact.cache_path(INDEX_FILE, _BUILDERS)
    data = compact.read(path) if path is not None else None
    if data is not None:
        rows, names, forms = (
            compact.Rows(data["rows"], data["keys"]),
            compact.Buckets(data["names"]),
            compact.Buckets(data["forms"]),
        )
        return Index(rows, names, forms, data["titles"], data["common_words"])
    built = _index_from_json()
    if path is not None:
        compact.write(
            path, compact.pack(built.rows, built.names, built.forms, built.titles, built.common_words)
        )
    return built


#: the modules whose code shapes the index built from the JSON: a change to one builds it anew
_BUILDERS = [Path(__file__), Path(kinds.__file__), Path(normalize.__file__), Path(compact.__file__)]


def _index_from_json() -> Index:
    try:
        with INDEX_FILE.open(encoding="utf-8") as handle:
            data = json.load(handle)
        titles = _with_authority_titles(data["titles"])
        _add_usual_forms(data["places"], data["names"], data["forms"])
        return Index(data["places"], data["names"], data["forms"], titles, data["common_words"])
    except (OSError, ValueError, KeyError) as error:
        raise PlaceDataError(
            f"{INDEX_FILE}: cannot load the place index ({error}); rebuild it with tools/build_places.py"
        ) from error
