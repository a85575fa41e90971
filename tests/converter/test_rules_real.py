"""Rule families added for real documents (issue 10): one short sentence per rule, own wording."""

from __future__ import annotations

from pathlib import Path

import pytest

from kommgraph.convert.extract import extract
from kommgraph.convert.extract.dates import find_dates
from kommgraph.convert.extract.events import find_events, two_changes
from kommgraph.convert.extract.model import DateValue
from kommgraph.convert.extract.persons import find_persons, title_role
from kommgraph.convert.extract.places import country_of
from kommgraph.convert.extract.units import find_mentions
from kommgraph.store.sources import SourceDocument

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
         ["Bürgerdienste", "Standesamt", "Soziales", "Schule und Sport"]),
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


@pytest.mark.parametrize(
    ("clause", "parts"),
    [
        ("«U0» wurde per 1. Februar aufgelöst und an die «U1» übertragen.",
         ["«U0» wurde per 1. Februar aufgelöst", "«U0» wurde an die «U1» übertragen."]),
        ("Aus «U0» und «U1» entsteht «U2».", ["Aus «U0» und «U1» entsteht «U2»."]),
        ("«U0» und «U1» werden zusammengelegt.", ["«U0» und «U1» werden zusammengelegt."]),
    ],
)  # fmt: skip
def test_two_changes_in_one_clause(clause: str, parts: list[str]) -> None:
    assert two_changes(clause) == parts


def test_several_renamings_from_becomes() -> None:
    found = find_events("Aus dem «U0» wird das «U1», und aus dem «U2» das «U3».", {0, 1, 2, 3}, [], None)
    assert [(f.event_type, f.original, f.resulting) for f in found] == [
        ("renaming", [0], [1]),
        ("renaming", [2], [3]),
    ]


def test_since_in_a_description_loses_to_the_change_date() -> None:
    text = "Die seit 1920 zuständige «U0» wurde per 1. Februar 2017 aufgelöst."
    (found,) = find_events(text, {0}, find_dates(text, PUBLISHED), PUBLISHED)
    assert found.date == DateValue("2017-02-01")


def _facts(body: str):
    return extract(SourceDocument(path=Path("t.txt"), text=body))


def test_a_generic_head_refers_back_and_a_day_takes_the_last_year_named() -> None:
    facts = _facts(
        "Das Ende der Magistratsabteilung 1 kam im Jahr 2017. Die seit 1920 für Personal zuständige "
        "Behörde wurde per 1. Februar aufgelöst.\n"
    )
    assert [(e.event_type, e.original, e.effective) for e in facts.events] == [
        ("Dissolution", ["Magistratsabteilung 1"], DateValue("2017-02-01"))
    ]


def test_founding_of_coordinated_new_units() -> None:
    facts = _facts(
        "Zum 1. Januar 2019 sollen ein Landesamt für Geoinformation sowie ein Landesamt für Ländlichen "
        "Raum geschaffen werden, teilte das Ministerium mit.\n"
    )
    assert sorted((e.event_type, tuple(e.resulting)) for e in facts.events) == [
        ("Founding", ("Landesamt für Geoinformation",)),
        ("Founding", ("Landesamt für Ländlichen Raum",)),
    ]


def test_extended_by_a_unit_is_an_absorption() -> None:
    (found,) = find_events("«U0» wird zum 1. Mai um das «U1» erweitert.", {0, 1}, [], None)
    assert (found.event_type, found.original, found.resulting) == ("absorption", [1], [0])
