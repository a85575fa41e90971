"""Place of round 4 (issue 10): a dateline or an address names a place even where its name is a word."""

from __future__ import annotations

from kommgraph.convert.extract import places


def test_a_dateline_names_a_place_that_is_also_a_german_word() -> None:
    article = "Brechen (pm) – Die Stadtverwaltung richtet ein Amt für Digitales ein.\n"
    found = places.candidates("Neues Amt", article, "https://www.example.org/x", "Pressestelle", article)
    assert [c.name for c in found] == ["Brechen"]


def test_the_same_word_in_running_text_names_no_place() -> None:
    article = "Brechen die Bürger das neue Amt? Die Stadtverwaltung richtet ein Amt für Digitales ein.\n"
    found = places.candidates("Neues Amt", article, "https://www.example.org/x", "Pressestelle", article)
    assert found == []


def test_a_newspaper_publisher_gives_way_to_a_place_in_the_text() -> None:
    article = "Der Gemeinderat von Gotha richtet ein Amt für Digitales ein.\n"
    found = places.candidates("Neues Amt", article, "https://www.example.org/x", "Suhler Zeitung", article)
    assert [c.name for c in found] == ["Gotha", "Suhl"]


def test_an_authority_publisher_votes() -> None:
    article = "Der Gemeinderat richtet ein Amt für Digitales ein.\n"
    found = places.candidates("Neues Amt", article, "https://www.example.org/x", "Stadt Suhl", article)
    assert [c.name for c in found] == ["Suhl"]


def test_a_body_of_the_district_before_a_name_means_the_district() -> None:
    article = "Der Kreistag richtet ein Amt für Digitales ein.\n"
    found = places.candidates("Neues Amt", article, "https://www.example.org/x", "Kreisarchiv Gotha", article)
    assert [c.name for c in found][:1] == ["Landkreis Gotha"]


def test_a_state_body_publisher_makes_the_land_the_place() -> None:
    article = "Die Staatskanzlei richtet eine Abteilung ein. In Suhl entsteht ein Büro. Suhl lobt das.\n"
    found = places.candidates(
        "Neue Abteilung", article, "https://www.example.org/x", "Staatskanzlei Thüringen", article
    )
    assert [c.name for c in found][:1] == ["Thüringen"]
