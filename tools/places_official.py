"""The official lists of all Austrian and Swiss municipalities, vendored in tools/places_sources/.

GeoNames cities500 (the other source of build_places.py) has only places of 500+ inhabitants, so hundreds of
small municipalities were missing. These lists are complete:

- at_gemeinden.tsv: Statistik Austria's Gemeinden (OGDEXT_GEM_1, 1 January 2021, CC BY 4.0) as kept, with
  code and name only, in the GitHub repository ginseng666/GeoJSON-TopoJSON-Austria (CC BY 4.0, Flooh Perlot).
- ch_gemeinden.tsv: the BFS Historisiertes Gemeindeverzeichnis (amtliches Gemeindeverzeichnis; published
  2022-12-15, state 1 January 2023) as kept in the GitHub repository cynkra/munch (R package, GPL-3; data
  (c) BFS, free use with the source named).

``python tools/places_official.py vendor ...`` rewrites the TSVs from those repositories' files (see --help);
build_places.py reads only the TSVs, so the build stays offline and reproducible.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from pathlib import Path

SOURCES = Path(__file__).resolve().parent / "places_sources"
AT_FILE, CH_FILE = "at_gemeinden.tsv", "ch_gemeinden.tsv"
OFFICIAL_STATES = "(Statistik Austria 2021-01-01, BFS 2023-01-01)"  # as written in the TSVs' first lines
VIENNA = "90001"  # the source also has Vienna's 23 Gemeindebezirke (901xx-923xx), which are no municipalities


def official_municipalities(folder: Path = SOURCES) -> list[dict[str, str]]:
    """Rows {country, code, name, state (Land digit or canton), district} of both lists, in file order."""
    rows = []
    for country, name in (("AT", AT_FILE), ("CH", CH_FILE)):
        with (folder / name).open(encoding="utf-8", newline="") as handle:
            lines = (line for line in handle if not line.startswith("#"))
            for code, label, state, district in csv.reader(lines, delimiter="\t", quoting=csv.QUOTE_NONE):
                rows.append(
                    {"country": country, "code": code, "name": label, "state": state, "district": district}
                )
    return rows


def austrian_rows(topojson: Path) -> list[list[str]]:
    """(Gemeindekennziffer, name, Land digit, Bezirk code) of each municipality in 'gemeinden'."""
    geometries = json.loads(topojson.read_text(encoding="utf-8"))["objects"]["gemeinden"]["geometries"]
    rows = []
    for g in geometries:
        code, name = g["properties"]["iso"], g["properties"]["name"]
        if code.startswith("9") and code != VIENNA:
            continue
        rows.append([code, name, code[0], code[:3]])
    return sorted(rows)


def swiss_rows(mutations: Path, districts: Path) -> list[list[str]]:
    """(BFS-Gemeindenummer, official name, canton, BFS district number) of the municipalities in force (not
    abolished; no lake parts, no unallocated areas) of the historicised list."""
    with districts.open(encoding="utf-8", newline="") as handle:
        district_of = {row["dHistId"]: row["dId"] for row in csv.DictReader(handle)}
    with mutations.open(encoding="utf-8", newline="") as handle:
        rows = [
            [row["mId"], row["mLongName"], row["cAbbreviation"], district_of[row["dHistId"]]]
            for row in csv.DictReader(handle)
            if row["mEntryMode"] == "Municipality" and row["mAbolitionNumber"] == "NA"
        ]
    return sorted(rows, key=lambda r: int(r[0]))


def write_tsv(path: Path, header: list[str], rows: list[list[str]]) -> None:
    with path.open("w", encoding="utf-8", newline="\n") as handle:
        for line in header:
            handle.write(f"# {line}\n")
        handle.write("# code\tname\tstate\tdistrict\n")
        for row in rows:
            handle.write("\t".join(row) + "\n")


def vendor(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="places_official.py vendor", description=__doc__)
    parser.add_argument(
        "--at-topojson", type=Path, required=True, help="2021/simplified-99.9/gemeinden_999_topo.json"
    )
    parser.add_argument("--at-commit", required=True, help="commit of ginseng666/GeoJSON-TopoJSON-Austria")
    parser.add_argument(
        "--ch-mutations", type=Path, required=True, help="inst/csv/mut/municipality_mutations.csv"
    )
    parser.add_argument(
        "--ch-districts", type=Path, required=True, help="inst/csv/mut/district_mutations.csv"
    )
    parser.add_argument("--ch-commit", required=True, help="commit of cynkra/munch")
    args = parser.parse_args(argv)
    at_rows = austrian_rows(args.at_topojson)
    write_tsv(
        SOURCES / AT_FILE,
        [
            f"Austrian municipalities (Gemeindekennziffer), state 1 January 2021: {len(at_rows)}",
            "Source: Statistik Austria, OGDEXT_GEM_1 (CC BY 4.0), as kept in the GitHub repository",
            f"ginseng666/GeoJSON-TopoJSON-Austria (CC BY 4.0, Flooh Perlot), commit {args.at_commit},",
            "2021/simplified-99.9/gemeinden_999_topo.json (iso, name; Vienna's Gemeindebezirke left out)",
        ],
        at_rows,
    )
    ch_rows = swiss_rows(args.ch_mutations, args.ch_districts)
    write_tsv(
        SOURCES / CH_FILE,
        [
            f"Swiss municipalities (BFS-Gemeindenummer), state 1 January 2023: {len(ch_rows)}",
            "Source: Bundesamt fuer Statistik (BFS), Historisiertes Gemeindeverzeichnis der Schweiz",
            "(published 2022-12-15; free use, source to be named), as kept in the GitHub repository",
            f"cynkra/munch (GPL-3), commit {args.ch_commit},",
            "inst/csv/mut/municipality_mutations.csv and district_mutations.csv",
        ],
        ch_rows,
    )
    print(f"AT {len(at_rows)}, CH {len(ch_rows)}")
    return 0


if __name__ == "__main__":
    if sys.argv[1:2] != ["vendor"]:
        print("usage: python tools/places_official.py vendor --help", file=sys.stderr)
        raise SystemExit(2)
    raise SystemExit(vendor(sys.argv[2:]))
