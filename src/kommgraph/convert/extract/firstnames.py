"""Given names of Europe, from the name dictionary that the ``gender-guesser`` package ships.

The dictionary (``gender_guesser/data/nam_dict.txt``, ≈ 45 000 names with a frequency per country) is
read once per process, on first use. A name counts when it is common enough (frequency class ≥ 3) in
at least one European country and is no German function word (``Im``, ``Seit``, ``Eine``). Without the
package the set is empty and persons are found by titles and phrases of leading only.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from kommgraph.convert.extract.patterns import load

EUROPEAN_COLUMNS = 39  # great_britain ... greece in the file's column order


COMMON_ENOUGH = frozenset("3456789ABCDEF")  # the file's frequency classes from MIN_FREQUENCY up


@cache
def given_names() -> frozenset[str]:
    try:
        import gender_guesser
    except ImportError:
        return frozenset()
    path = Path(gender_guesser.__file__).parent / "data" / "nam_dict.txt"
    stop = set(load("persons")["words"]["not_given_names"])
    names = set()
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line[0] in "#=":
                continue
            columns = line[30 : 30 + EUROPEAN_COLUMNS]
            if COMMON_ENOUGH.isdisjoint(columns):
                continue
            name = line[3:29].strip()
            if " " not in name and "+" not in name and name not in stop:
                names.add(name)
    return frozenset(names)


def is_given_name(word: str) -> bool:
    """``Karl-Heinz`` counts when ``Karl`` does."""
    return word.split("-")[0] in given_names()
