"""Given names of Europe, from the person providers that the ``faker`` package (MIT) ships.

``faker/providers/person/<locale>/__init__.py`` holds the first names of each locale; the names of the
European locales are read from those files (not imported) once per process, on first use, and German
function words (``Im``, ``Seit``, ``Eine``) are left out. Without the package the set is empty and
persons are found by titles and phrases of leading only. (The first round used the name dictionary
of ``gender-guesser``, GPL-3.0 with a GFDL list; ``gender_guesser_names`` reads it for comparison.)
"""

from __future__ import annotations

import importlib.util
import re
from functools import cache
from pathlib import Path

from kommgraph.convert import startup_cache
from kommgraph.convert.extract.patterns import load

EUROPEAN_LOCALES = (
    "de_DE", "de_AT", "de_CH", "de_LI", "de_LU", "en_GB", "en_IE", "en_US", "fr_FR", "fr_CH", "fr_BE",
    "it_IT", "es_ES", "pt_PT", "nl_NL", "nl_BE", "da_DK", "sv_SE", "no_NO", "fi_FI", "is_IS", "pl_PL",
    "cs_CZ", "sk_SK", "hu_HU", "hr_HR", "sl_SI", "ro_RO", "el_GR", "tr_TR", "lt_LT", "lv_LV", "et_EE",
)  # fmt: skip
NAME = re.compile(r"^[A-ZÄÖÜÀ-Þ][a-zäöüßà-ÿ]+(?:-[A-ZÄÖÜÀ-Þ][a-zäöüßà-ÿ]+)?$")
SOURCE = "faker"


@cache
def given_names() -> frozenset[str]:
    names = gender_guesser_names() if SOURCE == "gender-guesser" else faker_names()
    stop = set(load("persons")["words"]["not_given_names"])
    return frozenset(n for n in names if n not in stop)


# "    first_names_male = (\n  "Anna",\n ...\n    )": the class attributes, read from the source text
# (importing 33 locale modules costs ≈ 0.3 s; reading them ≈ 0.07 s)
NAME_BLOCK = re.compile(
    r"^    first_names(?:_male|_female)?\b[^=\n]*=\s*(?P<body>[\[({].*?^    [\])}])", re.S | re.M
)
QUOTED = re.compile(r"[\"']([^\"'\n]+)[\"']")


def faker_names() -> set[str]:
    spec = importlib.util.find_spec("faker")
    if spec is None or spec.origin is None:
        return set()
    folder = Path(spec.origin).parent / "providers" / "person"
    paths = [path for locale in EUROPEAN_LOCALES if (path := folder / locale / "__init__.py").is_file()]
    # read once, then kept for later runs while these files stay as they are (size and time)
    key = "\n".join(f"{path} {path.stat().st_size} {path.stat().st_mtime_ns}" for path in paths)
    rules = f"{NAME_BLOCK.pattern}\n{QUOTED.pattern}\n{NAME.pattern}"
    return startup_cache.stored("given-names", f"{rules}\n{key}", lambda: _read_names(paths))


def _read_names(paths: list[Path]) -> set[str]:
    names: set[str] = set()
    for path in paths:
        for block in NAME_BLOCK.finditer(path.read_text(encoding="utf-8")):
            names.update(n for n in QUOTED.findall(block["body"]) if NAME.match(n))
    return names


EUROPEAN_COLUMNS = 39  # great_britain ... greece in gender-guesser's file's column order
COMMON_ENOUGH = frozenset("3456789ABCDEF")  # the file's frequency classes from MIN_FREQUENCY up


def gender_guesser_names() -> set[str]:
    try:
        import gender_guesser
    except ImportError:
        return set()
    path = Path(gender_guesser.__file__).parent / "data" / "nam_dict.txt"
    names = set()
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line[0] in "#=":
                continue
            if COMMON_ENOUGH.isdisjoint(line[30 : 30 + EUROPEAN_COLUMNS]):
                continue
            name = line[3:29].strip()
            if " " not in name and "+" not in name:
                names.add(name)
    return names


def is_given_name(word: str) -> bool:
    """``Karl-Heinz`` counts when ``Karl`` does."""
    return word.split("-")[0] in given_names()


PERSON_NAME = re.compile(r"\b(?P<given>[A-ZÄÖÜ][a-zäöüß]+(?:-[A-ZÄÖÜ][a-zäöüß]+)?)\s+[A-ZÄÖÜ][a-zäöüß]+")


def person_named_before(text: str, end: int) -> bool:
    """True when a given name and a surname stand in ``text[:end]``."""
    return any(is_given_name(m["given"]) for m in PERSON_NAME.finditer(text, 0, end))
