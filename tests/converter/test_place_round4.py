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
