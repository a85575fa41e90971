"""Rule families added for real documents (issue 10): one short sentence per rule, own wording."""

from __future__ import annotations

import pytest

from kommgraph.convert.extract.dates import find_dates
from kommgraph.convert.extract.model import DateValue
from kommgraph.convert.extract.persons import find_persons, title_role
from kommgraph.convert.extract.places import country_of
from kommgraph.convert.extract.units import find_mentions

PUBLISHED = DateValue("2020-11-02")


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "Die Führerscheinstelle und die Verkehrsbehörde ziehen um.",
            ["Führerscheinstelle", "Verkehrsbehörde"],
        ),
        ("Die Sozialdirektion übernimmt.", ["Sozialdirektion"]),
        ("Die Bäderverwaltung und das Bürgerbüro bleiben.", ["Bäderverwaltung", "Bürgerbüro"]),
        ("Der Vollzugsdienst wird verstärkt.", ["Vollzugsdienst"]),
        ("Die Stadtverwaltung und die Baustelle.", []),
        ("Insgesamt gibt es ein Fachamt weniger.", []),
    ],
)
def test_compounds_by_head_ending(text: str, names: list[str]) -> None:
    assert [m.name for m in find_mentions(text)] == names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Es entstehen die Abteilungen Bau, Planung und Vermessung.",
         ["Abteilung Bau", "Abteilung Planung", "Abteilung Vermessung"]),
        ("Geplant sind die Ämter für Umwelt und Verkehr.", ["Amt für Umwelt", "Amt für Verkehr"]),
        ("Dazu gehören die Abteilungen Verkehr, Gewerbe und Gaststätten sowie Vollzug.",
         ["Abteilung Verkehr", "Abteilung Gewerbe und Gaststätten", "Abteilung Vollzug"]),
        ("Es wird folgende Ämter geben: Bürgerdienste (mit Standesamt); Soziales; Schule und Sport.",
         ["Bürgerdienste", "Soziales", "Schule und Sport"]),
        ("Er ist für die Bereiche Personal und Organisation zuständig.", []),
    ],
)  # fmt: skip
def test_plural_heads_with_lists(text: str, names: list[str]) -> None:
    assert [m.name for m in find_mentions(text)] == names


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Das Büro des Oberbürgermeisters wächst.", "Büro des Oberbürgermeisters"),
        ("Die Stabsstelle der Frauenbeauftragten bleibt.", "Stabsstelle der Frauenbeauftragten"),
        ("Das Departement des Innern gibt ab.", "Departement des Innern"),
    ],
)  # fmt: skip
def test_genitive_owner_belongs_to_the_name(text: str, name: str) -> None:
    assert [m.name for m in find_mentions(text)] == [name]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Der FD 10 wird geteilt.", ["FD 10"]),
        ("Das Dezernat IV und der Fachbereich 3 tauschen.", ["Dezernat IV", "Fachbereich 3"]),
        ("Das FD ist kein Name.", []),
    ],
)
def test_numbered_and_abbreviated_designations(text: str, names: list[str]) -> None:
    assert [m.name for m in find_mentions(text)] == names


def test_state_heads_count_only_in_a_text_about_a_state_body() -> None:
    text = "Das Landesamt für Bau und Verkehr und das Innenministerium arbeiten zusammen."
    assert [m.name for m in find_mentions(text, other_bodies=False)] == [
        "Landesamt für Bau und Verkehr",
        "Innenministerium",
    ]
    assert [m.name for m in find_mentions(text)] == []


def test_tasks_named_like_units_are_no_units() -> None:
    functions: set[str] = set()
    found = find_mentions("Die Aufgaben der Wohngeldstelle gehen an das Sozialamt.", functions=functions)
    assert [m.name for m in found] == ["Sozialamt"]
    assert functions == {"Wohngeldstelle"}


@pytest.mark.parametrize(
    ("text", "persons"),
    [
        ("Ministerin Birgit Keller (Linke) stellte die Pläne vor.", [("Birgit Keller", "Ministerin")]),
        ("Neue Leiterin ist Anna-Lena Berger.", [("Anna-Lena Berger", "Leiterin")]),
        ("Karl-Heinz Zeller, Ordnungsdezernent, erklärte es.", [("Karl-Heinz Zeller", "Ordnungsdezernent")]),
        ("Leiter wird der bisherige Stadtplaner Jens de Buck.", [("Jens de Buck", "Stadtplaner")]),
        ("Rosmarie Widmer Gysel bleibt Vorsteherin.", [("Rosmarie Widmer Gysel", "")]),
        ("Bürgermeister Busemann ändert die Struktur.", [("Busemann", "Bürgermeister")]),
        ("Stuhr - Von Andreas Hapke. Die Verwaltung zieht um.", []),
        ("Das Foto (Bild: Urs Bucher) zeigt den Rat.", []),
        ("Das sagte CDU-Fraktionsvorsitzender Jan Donhauser.", []),
        ("Die Fachbereichsleiterin Bürgerservice bleibt.", []),
    ],
)  # fmt: skip
def test_persons_by_given_name_and_title(text: str, persons: list[tuple[str, str]]) -> None:
    assert [(p.name, p.title) for p in find_persons(text, None, False)] == persons


@pytest.mark.parametrize(
    ("title", "role"),
    [("Staatssekretärin", "PoliticallyResponsible"), ("Amtsdirektorin", "Head"), ("Landeshauptfrau", "Head"),
     ("Oberbürgermeister", "Mayor"), ("Pressefoto", "Member")],
)  # fmt: skip
def test_title_roles_by_ending(title: str, role: str) -> None:
    assert title_role(title) == role


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("ab Januar", "2021-01"),  # a month before publication that looks ahead: next year
        ("ab Dezember", "2020-12"),
        ("seit April", "2020-04"),
        ("vom 1. April 2021 an", "2021-04-01"),
    ],
)
def test_dates_without_year_and_effective_after(text: str, value: str) -> None:
    assert [d.value.value for d in find_dates(text, PUBLISHED)] == [value]


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Mit 1. Jänner wird die Magistratsabteilung geteilt, sagt Landesrat X.", "AT"),
        ("Der Regierungsrat verteilt die Departemente neu.", "CH"),
        ("Die Stadt Kassel gründet ein Amt.", None),
    ],
)
def test_country_cues(text: str, country: str | None) -> None:
    assert country_of(text) == country
