"""Austria and Switzerland: official numbers from GeoNames' admin codes, Statutarstädte, ranking against
German villages of the same name."""

from __future__ import annotations

import re

import pytest

from kommgraph.places import by_key, lookup, mentions
from kommgraph.places.store import index


@pytest.mark.parametrize(
    ("query", "keys"),
    [
        ("Graz", ("AT-60101", "AT-601")),
        ("Stadt Graz", ("AT-60101",)),
        ("Bezirk Graz", ("AT-601",)),
        ("Graz-Umgebung", ("AT-606",)),
        ("Stadt Zürich", ("CH-261",)),
        ("Kanton Zürich", ("CH-ZH",)),
        ("Zürich", ("CH-261", "CH-ZH", "CH-B112")),
        ("Bezirk Zürich", ("CH-B112",)),
        ("Winterthur", ("CH-230", "CH-B110")),
        ("Bezirkshauptmannschaft Baden", ("AT-306",)),
        ("Politischer Bezirk Baden", ("AT-306",)),
        ("Bezirk Baden", ("AT-306", "CH-B1902")),
        ("Baden", ("AT-30604", "CH-4021", "AT-306", "CH-B1902")),
        ("St. Pölten", ("AT-30201", "AT-302", "AT-319")),
        ("Sankt Pölten", ("AT-30201", "AT-302", "AT-319")),
        ("Linz", ("AT-40101", "07138041", "AT-401")),
        ("Stadt Salzburg", ("AT-50101", "07143291")),
        ("Land Salzburg", ("AT-5",)),
        ("Stadt Wien", ("AT-90001",)),
        ("Bundesland Wien", ("AT-9",)),
        ("Vienna", ("AT-90001", "AT-9")),
        ("Klagenfurt", ("AT-20101",)),
        ("Krems", ("AT-30101", "AT-20642", "AT-313")),  # AT-20642: Krems in Kärnten
        ("Waidhofen/Ybbs", ("AT-30301",)),
        ("Wiener Neustadt", ("AT-30401", "AT-304", "AT-323")),
        ("Genf", ("CH-6621", "CH-GE")),
        ("Bern", ("CH-351", "CH-BE")),
        ("Verwaltungskreis Bern-Mittelland", ("CH-B246",)),
        ("Biel", ("CH-371", "CH-B242")),
    ],
)
def test_lookup_austria_and_switzerland(query, keys):
    assert tuple(place.key for place in lookup(query)) == keys


@pytest.mark.parametrize(
    ("key", "short", "kind", "state", "parent_key"),
    [
        ("AT-60101", "Graz", "Statutarstadt", "Steiermark", "AT-601"),
        ("AT-601", "Graz", "Statutarstadt (Bezirk)", "Steiermark", "AT-6"),
        ("AT-90001", "Wien", "Statutarstadt", "Wien", "AT-900"),
        ("AT-10201", "Rust", "Statutarstadt", "Burgenland", "AT-102"),
        ("AT-306", "Bezirk Baden", "Bezirk", "Niederösterreich", "AT-3"),
        ("AT-30604", "Baden", "Gemeinde", "Niederösterreich", "AT-306"),
        ("CH-261", "Zürich", "Gemeinde", "Zürich", "CH-B112"),
        ("CH-B1902", "Bezirk Baden", "Bezirk", "Aargau", "CH-AG"),
        ("CH-6621", "Genève", "Gemeinde", "Genf", "CH-GE"),  # canton without districts: parent the canton
    ],
)
def test_by_key_austria_and_switzerland(key, short, kind, state, parent_key):
    place = by_key(key)
    assert (place.short, place.kind, place.state, place.parent_key) == (short, kind, state, parent_key)


def test_the_fifteen_statutarstaedte_have_their_bezirk_code_plus_01():
    rows = [row for row in index().rows if row[3] == "Statutarstadt"]
    assert sorted(row[2] for row in rows) == [
        "Eisenstadt",
        "Graz",
        "Innsbruck",
        "Klagenfurt am Wörthersee",
        "Krems an der Donau",
        "Linz",
        "Rust",
        "Salzburg",
        "Sankt Pölten",
        "Steyr",
        "Villach",
        "Waidhofen an der Ybbs",
        "Wels",
        "Wien",
        "Wiener Neustadt",
    ]
    assert [row[0] for row in rows if row[0] != row[6] + "01"] == []


@pytest.mark.parametrize(
    ("country", "pattern"),
    [("AT", r"AT-(\d|\d{3}|\d{5})"), ("CH", r"CH-([A-Z]{2}|B\d{3,4}|\d{1,4})")],
)
def test_keys_are_official_numbers(country, pattern):
    keys = [row[0] for row in index().rows if row[4] == country]
    assert [key for key in keys if not re.fullmatch(pattern, key)] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Die Stadt Zürich und der Kanton Zürich.",
            [("Stadt Zürich", "CH-261"), ("Kanton Zürich", "CH-ZH")],
        ),
        (
            "In Linz, Graz und St. Pölten.",
            [("Linz", "AT-40101"), ("Graz", "AT-60101"), ("St. Pölten", "AT-30201")],
        ),
        ("Die Bezirkshauptmannschaft Baden meldet.", [("Bezirkshauptmannschaft Baden", "AT-306")]),
        (
            "Die Stadt Salzburg und das Land Salzburg.",
            [("Stadt Salzburg", "AT-50101"), ("Land Salzburg", "AT-5")],
        ),
        ("Nach Winterthur und Genf.", [("Winterthur", "CH-230"), ("Genf", "CH-6621")]),
    ],
)
def test_mentions_austria_and_switzerland(text, expected):
    assert [(text[m.start : m.end], m.place_candidates[0].key) for m in mentions(text)] == expected
