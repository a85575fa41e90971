"""The converter's rules come from the language, not from the corpus: no unit name, place or person of an
annotated text (corpus/, the seeds) may appear in the extraction code or its pattern files, comments included.

Words that are part of the language or of every country's geography (the Länder, "Landeshauptstadt") are
allowed where a gold file happens to use them as a place.
"""

from __future__ import annotations

import functools
import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CODE = ROOT / "src" / "kommgraph" / "convert"
GOLD_DIRS = [
    ROOT / "corpus" / "dev",
    ROOT / "corpus" / "test",
    ROOT / "corpus" / "holdout",
    ROOT / "corpus" / "fresh",
    ROOT.parent / "shared" / "gold" / "seeds",
]
# general words and the states that gold files also use as places
GENERAL = {
    "Baden-Württemberg",
    "Bayern",
    "Berlin",
    "Brandenburg",
    "Bremen",
    "Hamburg",
    "Hessen",
    "Mecklenburg-Vorpommern",
    "Niedersachsen",
    "Nordrhein-Westfalen",
    "Rheinland-Pfalz",
    "Saarland",
    "Sachsen",
    "Sachsen-Anhalt",
    "Schleswig-Holstein",
    "Thüringen",
    "Wien",
    "Freistaat",
    "Bundesland",
    "Region",
    "Landeshauptstadt",
    "Landesregierung",
    "Landesverwaltung",
    "Kanzleramt",
    "Bundeskanzleramt",
    "Halle",
    "Forst",  # the noun (forest: "Forst- und Jagdamt"), also a town a gold file uses as place
    # common nouns that gold files of district and state texts use as the place's alias
    "Bezirkshauptmannschaft",
    "BH",
    "Land",
    "Landkreis",
    "Regionalverband",  # the Saarland's district-level body: a gold alias of the place (af-09)
    "VG",  # the abbreviation of Verwaltungsgemeinschaft/Verbandsgemeinde: a place alias (ai-06)
    "Verwaltungsgemeinschaft",  # Austrian/Bavarian joint administrations: a gold alias of the place (ag-13)
}


@functools.cache
def corpus_facts() -> dict[str, str]:
    """Each fact's name, with the gold file that states it: multi-word unit names and aliases, places,
    persons."""
    facts: dict[str, str] = {}
    for folder in GOLD_DIRS:
        for gold_file in sorted(folder.glob("*.json")):
            gold = json.loads(gold_file.read_text(encoding="utf-8"))
            names = [
                n
                for u in gold.get("units", [])
                for n in [u["name"], *u.get("aliases", [])]
                if len(n.split()) >= 2
            ]
            names += [gold.get("place") or "", *gold.get("place_aliases", [])]
            names += [p["name"] for p in gold.get("persons", [])]
            for name in names:
                name = name.strip()
                if name and name != "unknown" and name not in GENERAL:
                    facts.setdefault(name, gold_file.name)
    return facts


def code_files() -> list[Path]:
    return sorted(p for p in CODE.rglob("*") if p.suffix in {".py", ".toml", ".txt", ".tsv", ".json"})


def test_the_corpus_is_there() -> None:
    assert len(corpus_facts()) > 500


@pytest.mark.parametrize("path", code_files(), ids=lambda p: str(p.relative_to(CODE)))
def test_no_corpus_fact_in_extraction_code(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    found = sorted(
        f"{name!r} (from {source})"
        for name, source in corpus_facts().items()
        # the substring test first: it turns almost every name away without compiling a pattern for it
        if name in text and re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text)
    )
    assert found == []
