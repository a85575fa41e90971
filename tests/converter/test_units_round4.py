"""Unit rules of round 4 (issue 10): name boundaries and the other forms of a name.

Each rule has a case it must change and a case it must leave alone, written from the construction.
"""

from __future__ import annotations

import pytest

from kommgraph.convert.extract.unit_variants import variants
from kommgraph.convert.extract.units import find_mentions


def named(text: str) -> list[tuple[str, tuple[str, ...]]]:
    return [(m.name, m.aliases) for m in find_mentions(text) if m.name]


def names(text: str) -> list[str]:
    return [m.name for m in find_mentions(text) if m.name]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a name's list closes with one "und": a second one starts a new phrase
        ("Das Amt für Muster und Probe und Teile des Beispielamtes ziehen um.",
         ["Amt für Muster und Probe", "Beispielamt"]),
        ("Das Amt für Muster, Probe und Beispiel zieht um.", ["Amt für Muster, Probe und Beispiel"]),
        ("Das Amt für Muster und Probe sowie Beispiel zieht um.",
         ["Amt für Muster und Probe sowie Beispiel"]),
    ],
)  # fmt: skip
def test_second_und_ends_a_name(text: str, expected: list[str]) -> None:
    assert names(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Das Sachgebiet 17.3 Musterbau zieht um.", ["Sachgebiet 17.3 Musterbau"]),
        ("Zum 1.7.2031 zieht das Sachgebiet 17 um.", ["Sachgebiet 17"]),
    ],
)  # fmt: skip
def test_dotted_section_number(text: str, expected: list[str]) -> None:
    assert names(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Der Fachbereich 17: Muster und Probe zieht um.", ["Fachbereich 17: Muster und Probe"]),
        ("Der Fachbereich 17: Frau Beispiel leitet ihn.", ["Fachbereich 17"]),
    ],
)  # fmt: skip
def test_colon_after_a_number(text: str, expected: list[str]) -> None:
    assert names(text) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Fachbereich 17 – Muster und Probe",
         ("Fachbereich 17", "Fachbereich 17 Muster und Probe", "Muster und Probe",
          "Fachbereich Muster und Probe")),
        ("Fachbereich 17: Muster und Probe",
         ("Fachbereich 17", "Fachbereich 17 Muster und Probe", "Muster und Probe",
          "Fachbereich Muster und Probe")),
        ("Amt 97 – Musteramt", ("Amt 97", "Amt 97 Musteramt", "Musteramt")),
        ("Dezernat Muster und Probe", ("Muster und Probe",)),
        ("Abteilung Muster", ()),  # one word alone names a topic
        ("Amt für Muster und Probe", ()),
        ("Abteilung Stadt Muster", ()),  # a stop word opens no area
        ("Beispielamt", ()),
    ],
)  # fmt: skip
def test_variants_of_a_name(name: str, expected: tuple[str, ...]) -> None:
    assert variants(name) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Der FB 12 zieht um.", [("FB 12", ("Fachbereich 12",))]),
        ("Das Dezernat XI (Muster und Probe) zieht um.",
         [("Dezernat XI", ("Muster und Probe", "Dezernat Muster und Probe"))]),
        ("Das Dezernat XI (MuP) zieht um.", [("Dezernat XI", ("MuP",))]),  # an abbreviation takes no head
    ],
)  # fmt: skip
def test_spelled_out_and_bracketed_forms(text: str, expected: list) -> None:
    assert named(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "-verwaltung"/"-behörde" after an authority's level: the authority itself
        ("Die Marktgemeindeverwaltung und die Kantonsbehörde prüfen das.", []),
        # after a task: a unit
        ("Die Musterverwaltung und die Probebehörde werden zusammengelegt.",
         ["Musterverwaltung", "Probebehörde"]),
    ],
)  # fmt: skip
def test_verwaltung_of_an_authority_level_is_no_unit(text: str, expected: list[str]) -> None:
    assert names(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Im Bereich Muster entstehen neue Stellen.", []),  # an area of work, also at a sentence's start
        ("Der Bereich Muster wird eine eigene Abteilung.", ["Bereich Muster"]),
        ("In den Bereichen Muster und Probe entstehen Stellen.", []),
        ("Die bereits bestehenden Bereiche Muster und Probe werden zusammengefasst.",
         ["Bereich Muster", "Bereich Probe"]),
        ("Zuständig ist sie für die beiden Bereiche Muster und Probe.", []),
    ],
)  # fmt: skip
def test_bereich_as_area_or_unit(text: str, expected: list[str]) -> None:
    assert names(text) == expected


def test_a_plural_list_with_quoted_items_and_brackets() -> None:
    text = (
        "Die Bereiche „e-Muster“ (Akten und Service), Probe (Netze) und Beispiel (Schutz) werden "
        "zusammengefasst."
    )
    assert names(text) == ["Bereich e-Muster", "Bereich Probe", "Bereich Beispiel"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # inside the brackets of a list of units, institutions belong to a unit
        ("Es gibt folgende Ämter: Kultur (mit Musterbibliotheken, Volkshochschulen); Jugend (mit Jugendamt).",
         ["Kultur", "Musterbibliothek", "Volkshochschule", "Jugend", "Jugendamt"]),
        # in running text, a bare institution noun is no unit
        ("Die Volkshochschulen bieten Kurse an.", []),
    ],
)  # fmt: skip
def test_institutions_in_the_brackets_of_a_unit_list(text: str, expected: list[str]) -> None:
    assert names(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Die Zuständigkeiten des Referats für Bürgerinnen und Bürger sind klar.", []),  # whom it serves
        ("Das Referat für Bürgerdienste und Ordnung öffnet.", ["Referat für Bürgerdienste und Ordnung"]),
        ("Die Geschäftsstelle der Musterkommission wird verlegt.", ["Geschäftsstelle der Musterkommission"]),
        ("Die Geschäftsstelle des Musterbeirats wird verlegt.", ["Geschäftsstelle des Musterbeirats"]),
        ("Die Geschäftsstelle der Stadt zieht um.", []),
    ],
)  # fmt: skip
def test_doublets_and_owners_of_bodies(text: str, expected: list[str]) -> None:
    assert names(text) == expected
