"""Round-13 rules for unit names, stated from German word formation and syntax: each rule with sentences of
our own, one the converter read wrongly before the rule and one where the rule must not fire. Evidence by
tune and the gate: docs/converter.md "Round 13" (conv-units13)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kommgraph.convert.extract import extract
from kommgraph.convert.extract.units import find_mentions
from kommgraph.store.sources import SourceDocument


def _names(sentence: str) -> list[str | None]:
    return [m.name for m in find_mentions(sentence)]


def _units(body: str) -> list[str]:
    facts = extract(SourceDocument(path=Path("t.txt"), text=f"Beispielstadt, 5. Mai 2021.\n\n{body}\n"))
    return sorted(facts.units)


@pytest.mark.parametrize(
    ("sentence", "names"),
    [  # a "-Stelle" after a person noun names a post, hyphenated or not
        ("Der Kreistag hat die Beigeordneten-Stelle im Jahr 1994 eingeführt.", []),
        ("Die Dezernenten-Stelle wird zum Mai neu besetzt.", []),
        ("Für die Geschäftsführerstelle gibt es drei Bewerbungen.", []),
        # a "-Stelle" after a field of work is an office, also hyphenated
        ("Die Muster-Servicestelle zieht in das Rathaus.", ["Muster-Servicestelle"]),
        ("Die Kfz-Zulassungsstelle zieht in das Rathaus.", ["Kfz-Zulassungsstelle"]),
    ],
)
def test_a_hyphenated_stelle_after_a_person_is_a_post(sentence: str, names: list[str | None]) -> None:
    assert _names(sentence) == names


@pytest.mark.parametrize(
    ("body", "units"),
    [  # a job centre is run jointly with the federal employment agency: named bare, no unit of the town
        ("Das Jobcenter und das Sozialamt ziehen in das neue Haus am Markt.", ["Sozialamt"]),
        ("Die Leiterin des Jobcenters Musterland berichtete im Ausschuss über das Jahr.", []),
        # run by the authority alone, or named after a head: a unit
        (
            "Das kommunale Jobcenter und das Sozialamt ziehen in das neue Haus am Markt.",
            ["Jobcenter", "Sozialamt"],
        ),
        (
            "Der Kreis ist seit Jahren Optionskommune. Das Jobcenter zieht in das neue Haus am Markt.",
            ["Jobcenter"],
        ),
        (
            "Das Jobcenter bleibt in kommunaler Trägerschaft. Es zieht in das neue Haus am Markt.",
            ["Jobcenter"],
        ),
        ("Das Jobcenter wird als eigenes Amt aus dem Sozialamt ausgegliedert.", ["Jobcenter", "Sozialamt"]),
        (
            "Sie leitet künftig die Fachbereiche „Soziales“ und „Jobcenter“ der Verwaltung.",
            ["Fachbereich Soziales", "Jobcenter"],
        ),
    ],
)
def test_a_joint_body_named_bare_is_no_unit(body: str, units: list[str]) -> None:
    assert _units(body) == units


@pytest.mark.parametrize(
    ("sentence", "names"),
    [  # a capitalised adjective after an article names a bare head: a proper name inside a sentence
        ("Der Betrieb untersteht wieder dem Technischen Dezernat.", ["Technisches Dezernat"]),
        ("Die Leiterin der Zentralen Leitstelle bekommt mehr Aufgaben.", ["Zentrale Leitstelle"]),
        # with the strong ending inside a list, without an article
        (
            "Dazu gehören das Amt für Muster, Zentraler Betriebshof.",
            ["Amt für Muster", "Zentraler Betriebshof"],
        ),
        # lowercase adjectives describe; a strong ending of another gender belongs elsewhere; an authority
        # noun with an adjective is the authority itself
        ("Die Leiterin der zentralen Leitstelle bekommt mehr Aufgaben.", [None]),
        ("Dazu gehören das Amt für Muster, Zentrales Betriebshof.", ["Amt für Muster", "Betriebshof"]),
        ("Das Haus wird Schritt für Schritt zur Digitalen Behörde.", [None]),
    ],
)
def test_a_capitalised_adjective_names_a_bare_head(sentence: str, names: list[str | None]) -> None:
    assert _names(sentence) == names


@pytest.mark.parametrize(
    ("sentence", "names"),
    [  # a leader's title after a compound's comma starts a new clause, no field of the name
        (
            "Sie bilden nun das Muster- und Probeamt, Amtsleiter ist der frühere Chef.",
            ["Muster- und Probeamt"],
        ),
        # a list closed by "und" and an article enumerates separate things
        (
            "Bleiben werden die Musterdirektion, das Bauamt, Finanzen und das Marketing.",
            ["Musterdirektion", "Bauamt"],
        ),
        # a list name after a compound stays one name
        ("Zuständig ist das Ordnungsamt, Gewerbe, Verkehr.", ["Ordnungsamt, Gewerbe, Verkehr"]),
    ],
)
def test_a_list_name_after_a_compound_ends_at_a_title_or_an_enumeration(
    sentence: str, names: list[str]
) -> None:
    assert _names(sentence) == names


@pytest.mark.parametrize(
    ("sentence", "names"),
    [  # a slash joins the first part of a compound as "und" does
        ("Die Dezernenten X (Haupt-/Musterdezernat) und Y (Bau) sind Beamte.", ["Haupt-/Musterdezernat"]),
        # a preposition ending like an adjective ends a name; an inflected adjective continues it
        (
            "Wir sprachen mit dem Leiter des Amtes für Bildung, Kultur und Sport, über Aufbau und Arbeit.",
            ["Amt für Bildung, Kultur und Sport"],
        ),
        (
            "Das Amt für Bildung, kulturelle Angelegenheiten und Sport zieht um.",
            ["Amt für Bildung, kulturelle Angelegenheiten und Sport"],
        ),
        ("Das Musterdezernat / Probeamt zieht um.", ["Musterdezernat", "Probeamt"]),
    ],
)
def test_compound_parts_and_name_ends(sentence: str, names: list[str]) -> None:
    assert _names(sentence) == names


@pytest.mark.parametrize(
    ("sentence", "names"),
    [  # between numbered items of a plural head "und" separates, even in a list closed by "sowie"
        (
            "Er ist zuständig für die Ämter 10 (Muster und Probe), 32 (Test, Beispiel und Fall) "
            "und 40 (Lehre) sowie für das Musterbüro.",
            ["Amt 10", "Amt 32", "Amt 40", "Musterbüro"],
        ),
        # "und" between fields inside a bracket stays inside the item
        ("Die Ämter 10 (Muster und Probe) und 20 ziehen um.", ["Amt 10", "Amt 20"]),
    ],
)
def test_und_between_numbered_items_separates(sentence: str, names: list[str]) -> None:
    assert _names(sentence) == names


@pytest.mark.parametrize(
    ("sentence", "names"),
    [  # "-amt" as an office a person holds: how it is held or whose it is
        ("Die Mitglieder des Rates arbeiten weiter im Nebenamt.", []),
        ("Der Vorsitz bleibt ein Vollamt.", []),
        ("Der Vorsitzende muss die Befähigung zum Richteramt haben.", []),
        # an agency on "-amt", also after a stem ending in "-er"
        ("Das Steueramt und das Katasteramt ziehen um.", ["Steueramt", "Katasteramt"]),
    ],
)
def test_an_office_a_person_holds_is_no_agency(sentence: str, names: list[str]) -> None:
    assert _names(sentence) == names


@pytest.mark.parametrize(
    ("sentence", "names"),
    [  # a lowercase adjective of the public sector or a career grade: the sector or the grade
        ("Er war zuvor im mittleren Verwaltungsdienst tätig.", []),
        ("Die Zuständigkeiten im öffentlichen Gesundheitsdienst werden gebündelt.", []),
        # other adjectives, and a capitalised one, leave the unit
        ("Die städtische Bauverwaltung zieht um.", ["Bauverwaltung"]),
        ("Der Allgemeine Soziale Dienst zieht um.", ["Allgemeiner Sozialer Dienst"]),
    ],
)
def test_a_sector_or_grade_is_no_unit(sentence: str, names: list[str]) -> None:
    assert _names(sentence) == names


@pytest.mark.parametrize(
    ("sentence", "names"),
    [  # a capitalised adjective before a head named with "für" belongs to the name, in the nominative
        (
            "Sie war zuvor im Musterländischen Staatsministerium für Soziales tätig.",
            ["Musterländisches Staatsministerium für Soziales"],
        ),
        (
            "Umbenannt wird von Musterländisches Staatsministerium für Beispiele in Musterländisches "
            "Staatsministerium für Proben.",
            [
                "Musterländisches Staatsministerium für Beispiele",
                "Musterländisches Staatsministerium für Proben",
            ],
        ),
        ("Das Städtische Amt für Muster zieht um.", ["Städtisches Amt für Muster"]),
        # lowercase, and capitalised after a colon (a title), it stays out
        ("Das neue Amt für Muster zieht um.", ["Amt für Muster"]),
        ("Kreisverwaltung: Eigenes Amt für Muster in der Region", ["Amt für Muster"]),
    ],
)
def test_a_capitalised_adjective_before_a_head_with_fuer(sentence: str, names: list[str]) -> None:
    assert [m.name for m in find_mentions(sentence, other_bodies=False)] == names
