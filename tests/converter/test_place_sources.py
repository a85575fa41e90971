"""The document's place from the header's publisher line, the page address and abbreviations."""

from __future__ import annotations

from pathlib import Path

import pytest

from kommgraph.convert.extract import extract, metadata, place_urls, places
from kommgraph.places.normalize import fold
from kommgraph.store.sources import read_source

BODY = (
    "Der Stadtrat hat eine neue Organisationsverordnung beschlossen. Das Bauamt heißt künftig Amt für Bauen."
)


def _place(tmp_path: Path, header: str, body: str = BODY) -> str | None:
    path = tmp_path / "x.txt"
    path.write_text(header + "---\n" + body + "\n", encoding="utf-8")
    return extract(read_source(path)).metadata.place


@pytest.mark.parametrize(
    "header, expected",
    [
        ("source-url: https://www.example.org/a/b\npublisher: Stadt Uster\n", "Uster"),
        (
            "source-url: https://www.example.org/a/b\npublisher: Landratsamt Ostallgäu\n",
            "Landkreis Ostallgäu",
        ),
        ("source-url: https://www.example.org/a/b\npublisher: Bamberger Tagblatt\n", "Bamberg"),
    ],
)
def test_the_publisher_line_names_the_place(tmp_path: Path, header: str, expected: str) -> None:
    assert _place(tmp_path, header) == expected


@pytest.mark.parametrize(
    "url, expected",
    [
        ("https://bambergspektrum.de/nachrichten/politik/123/", "Bamberg"),
        ("https://www.augsburger-online.de/lokales/artikel-1", "Augsburg"),
        ("https://www.freiburg.de/pb/1234.html", "Freiburg im Breisgau"),
    ],
)
def test_the_page_address_names_the_place(tmp_path: Path, url: str, expected: str) -> None:
    assert _place(tmp_path, f"source-url: {url}\npublisher: local news website\n") == expected


@pytest.mark.parametrize("word", ["bergspektrum", "tagesspiegel", "kreiszeitung", "wochenblatt"])
def test_host_words_that_start_with_no_town_name_none(word: str) -> None:
    import kommgraph.places as gazetteer

    assert place_urls.host_compound(gazetteer, word) == ()


def test_the_abbreviation_wr_is_folded_like_wiener() -> None:
    assert fold("Wr. Neustadt") == fold("Wiener Neustadt")


def test_a_text_of_another_country_takes_that_countrys_place_of_the_name() -> None:
    text = "Mit 1. Jänner gibt es im Magistrat fünf Geschäftsbereiche, sagt der ÖVP-Bürgermeister der Stadt."
    found = places.candidates("Magistrat: neue Struktur", text, "https://www.example.at/feldkirchen/x")
    assert [(c.key, c.name) for c in found[:1]] == [("AT-21002", "Feldkirchen in Kärnten")]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Das Landratsamt Bamberg richtet ein Sachgebiet Digitalisierung ein.", "Landkreis Bamberg"),
        ("Die Kreisverwaltung Fulda schafft eine Stabsstelle Klimaschutz.", "Landkreis Fulda"),
        ("Die Stadtverwaltung Bamberg schafft eine Stabsstelle Klimaschutz.", "Bamberg"),
        ("Der Magistrat der Stadt Steyr bekommt eine neue Struktur.", "Steyr"),
    ],
)
def test_the_issuing_administration_decides_the_level(text: str, expected: str) -> None:
    assert [c.name for c in places.candidates("", text)[:1]] == [expected]


@pytest.mark.parametrize(
    "head, expected",
    [
        (
            "Kanzleramt: neue Abteilung. Der Chef des Bundeskanzleramts ordnet die Abteilungen neu.",
            "Bundeskanzleramt",
        ),
        (
            "Das Bundesministerium für Bildung und Forschung gründet ein Referat. "
            "Im Bundesministerium für Bildung und Forschung arbeiten 1000 Menschen.",
            "Bundesministerium für Bildung und Forschung",
        ),
        ("Das Bundesministerium für Bildung gründet ein Referat.", None),  # named once
        ("Das Bundesamt für Statistik und das Bundesamt für Statistik ... sagte die Landesregierung.", None),
    ],
)
def test_a_federal_body_is_the_place_of_a_text_about_it(head: str, expected: str | None) -> None:
    assert metadata._federal_body(head) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Bamberg (dpa) - Die Verwaltung wird umgebaut. Auch in Coburg und in Hof gibt es neue Ämter.",
            "Bamberg",
        ),
        (
            "Bad Homburg, 12. Mai 2021 – Die Verwaltung bekommt ein Amt für Digitales. "
            "Auch Oberursel plant das.",
            "Bad Homburg v. d. Höhe",
        ),
    ],
)
def test_a_dateline_names_the_place(text: str, expected: str) -> None:
    assert [c.name for c in places.candidates("", text)[:1]] == [expected]


def test_a_postal_address_names_the_place() -> None:
    article = "Die Verwaltung bekommt ein Amt für Digitales."
    body = article + "\nKontakt\nPresseamt, Maximiliansplatz 3, 96047 Bamberg\n"
    assert [c.name for c in places.candidates("", article, body=body)[:1]] == ["Bamberg"]
    assert places.candidates("", article) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("In Limburg an der Lahn", "Limburg a. d. Lahn"),
        ("In Limburg", "Limburg a. d. Lahn"),
        ("In Frankfurt an der Oder", "Frankfurt (Oder)"),
        ("In Bad Homburg", "Bad Homburg v. d. Höhe"),
    ],
)
def test_official_names_with_additions_are_found_as_texts_write_them(text: str, expected: str) -> None:
    from kommgraph.places import mentions

    assert [m.place_candidates[0].short for m in mentions(text)] == [expected]


@pytest.mark.parametrize(
    "name, expected_labels",
    [
        ("Limburg an der Lahn", {"Limburg", "Limburg an der Lahn", "Stadt Limburg"}),
        ("Tirol", {"Land Tirol"}),
        ("Landkreis Fulda", {"Fulda", "Kreis Fulda"}),
        ("Enzkreis", set()),
    ],
)
def test_the_place_carries_the_names_texts_give_it(name: str, expected_labels: set[str]) -> None:
    found = places.resolve(name)
    assert expected_labels <= set(found.labels)
    assert not any(label.startswith("Kreis ") and label.endswith("kreis") for label in found.labels)
