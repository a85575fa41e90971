"""Folding and tokenising of place names and texts, shared by the index, lookup and mentions."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

TOKEN = re.compile(r"\w+(?:[-'’]\w+)*|[()/]")
_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "’": "'"})
# spelled-out or abbreviated forms folded alike: "Sankt"/"St.", "Wr. Neustadt" (Wiener Neustadt)
_SAINT = {"sankt": "st", "saint": "st", "wr": "wiener"}


@lru_cache(maxsize=1 << 16)
def fold_word(word: str) -> str:
    """Case-, Umlaut- and accent-robust form of one word: "Gießen" and "GIESSEN" -> "giessen"."""
    folded = word.lower().translate(_UMLAUTS)
    if not folded.isascii():
        folded = "".join(ch for ch in unicodedata.normalize("NFKD", folded) if not unicodedata.combining(ch))
    return _SAINT.get(folded, folded)


def tokens(text: str) -> list[tuple[str, int, int]]:
    """(folded word, start, end) for every word and bracket of the text."""
    return [(fold_word(m.group()), m.start(), m.end()) for m in TOKEN.finditer(text)]


def fold(text: str) -> str:
    """The folded words of a name joined by single spaces: the key of the name index."""
    return " ".join(word for word, _, _ in tokens(text))
