"""Round-13 rules for persons (see docs/converter.md "Round 13"), with sentences of our own."""

from __future__ import annotations

from pathlib import Path

from kommgraph.convert.extract import extract
from kommgraph.convert.extract.persons import find_persons
from kommgraph.store.sources import SourceDocument


def _names(sentence: str, place: str | None = None) -> list[tuple[str, str]]:
    return [(p.name, p.title) for p in find_persons(sentence, place, False)]


# --- an office after a title is no surname; the search goes on from that office


def test_an_office_after_an_address_is_the_title_of_the_name_after_it() -> None:
    assert _names("Zum Abschluss dankte Herr Landesrat Obermoser allen Beteiligten.") == [
        ("Obermoser", "Landesrat")
    ]


def test_an_office_after_a_title_is_no_person() -> None:
    assert _names("Die Fragen beantwortete Frau Hofrätin gern.") == []


def test_the_place_after_a_title_is_no_person() -> None:
    assert _names("Der Bürgermeister Lindenhof begrüßt die neue Abteilung.", place="Lindenhof") == []


def test_a_surname_after_a_title_in_another_text_stays_a_person() -> None:
    assert _names("Der Bürgermeister Lindenhof begrüßt die neue Abteilung.", place="Musterberg") == [
        ("Lindenhof", "Bürgermeister")
    ]


# --- two name words after a title, the first a given name the dictionary lacks


def test_a_given_name_the_dictionary_lacks_belongs_to_the_surname_after_it() -> None:
    assert _names("Dazu erklärte Ministerin Zorba Quandtfeld (parteilos) am Montag:") == [
        ("Zorba Quandtfeld", "Ministerin")
    ]


def test_a_known_given_name_after_a_field_starts_a_name_of_its_own() -> None:
    names = _names("Den Bereich leitet künftig Verwaltungsvorstand Bau Thomas Quandtfeld.")
    assert ("Bau Thomas", "Verwaltungsvorstand") not in names
    assert ("Thomas Quandtfeld", "") in names or ("Thomas Quandtfeld", "Verwaltungsvorstand") in names


# --- a surname alone that is a word of a unit's name is the unit's field


def _persons_in(body: str) -> list[str]:
    facts = extract(SourceDocument(path=Path("t.txt"), text=f"Beispielstadt, 5. Mai 2031.\n\n{body}\n"))
    return sorted({m.person for m in facts.memberships})


def test_a_field_after_a_leader_title_is_no_person() -> None:
    body = (
        "Die Abteilung Werke wird neu gegliedert. Künftig führt sie der Abteilungsleiter Werke, der dem "
        "Bürgermeister Max Quandtfeld berichtet."
    )
    assert _persons_in(body) == ["Max Quandtfeld"]


def test_a_surname_alone_that_names_no_unit_stays_a_person() -> None:
    body = "Die Abteilung Werke wird neu gegliedert, sagte Abteilungsleiter Quandtfeld."
    assert _persons_in(body) == ["Quandtfeld"]


# --- a Swiss double surname before a party in brackets


def test_a_double_surname_ends_before_a_party_in_brackets() -> None:
    assert _names("Das Ressort führte bisher Erika Quandtfeld Brunner (SP) mit Erfolg.") == [
        ("Erika Quandtfeld Brunner", "")
    ]


def test_a_single_surname_before_a_party_stays_single() -> None:
    assert _names("Das Ressort führte bisher Erika Quandtfeld (SP) mit Erfolg.") == [("Erika Quandtfeld", "")]


# --- names with letters of other European languages


def test_a_name_with_slavic_or_turkish_letters_is_read_whole() -> None:
    assert _names("Das sagte Landrätin Jelena Kovačević am Montag.") == [("Jelena Kovačević", "Landrätin")]
    assert _names("Das sagte Landrat Mehmet Yılmazoğlu am Montag.") == [("Mehmet Yılmazoğlu", "Landrat")]


def test_a_word_in_another_script_is_no_name() -> None:
    assert _names("Das sagte Landrat Иван am Montag.") == []
