"""Round-11 event rules (issue 10), from the failures of batches q, r and u (in dev, never tuned on before):
each rule with sentences of our own that failed before, and one where the rule must not fire."""

from __future__ import annotations

import pytest
from tests.converter.helpers import events_in

from kommgraph.convert.extract.event_posts import is_post


@pytest.mark.parametrize(
    ("body", "events"),
    [
        (  # failed before: "Einrichtungen" (facilities) read as a founding of the unit named beside
            "Das Amt für Beispielwesen betreut mehrere Einrichtungen wie Museen und Bäder.",
            [],
        ),
        (  # must stay: the singular noun of founding
            "Der Rat beschloss die Einrichtung eines Amtes für Beispielwesen.",
            [("Founding", [], ["Amt für Beispielwesen"])],
        ),
    ],
)
def test_facilities_are_no_founding(body: str, events: list[tuple]) -> None:
    assert events_in(body) == events


@pytest.mark.parametrize(
    ("name", "post"),
    [
        ("Amtsleiterstelle", True),
        ("Verwaltungs-Teilzeitstelle", True),
        ("Fachkraftstelle", True),
        ("Sachbearbeiterstelle", True),
        ("Planstellen", True),
        ("Stabsstelle Beispielmanagement", False),
        ("Servicestelle", False),
        ("Fachstelle Musterwesen", False),
    ],
)
def test_a_post_is_a_compound_of_a_job_or_a_working_time(name: str, post: bool) -> None:
    assert is_post(name) is post


@pytest.mark.parametrize(
    ("body", "events"),
    [
        (  # failed before: a post created, read as the founding of a unit
            "Der Ausschuss stimmte der Schaffung einer Fachkraftstelle für Schulsozialarbeit zu.",
            [],
        ),
        (  # failed before: the unit where a post is created ("bei der X"), read as founded
            "Dafür wird bei der Musterverwaltung eine zusätzliche Sachbearbeiterstelle geschaffen.",
            [],
        ),
        (  # must stay: a unit founded beside another ("bei der" names where it is placed)
            "Bei der Musterverwaltung wird eine neue Abteilung Beispielwesen eingerichtet.",
            [("Founding", [], ["Abteilung Beispielwesen"])],
        ),
    ],
)
def test_posts_are_no_units_of_a_founding(body: str, events: list[tuple]) -> None:
    assert events_in(body) == events


@pytest.mark.parametrize(
    ("body", "events"),
    [
        (  # failed before: "unter der Bezeichnung „Y“ geführt"
            "Künftig soll das Amt für Beispiel und Muster unter der Bezeichnung „Amt für Beispiel und "
            "Probe“ geführt werden.",
            [("Renaming", ["Amt für Beispiel und Muster"], ["Amt für Beispiel und Probe"])],
        ),
        (  # failed before: "X wird neu als Y bezeichnet"
            "Die Abteilung Beispiel wird neu als Abteilung Musterdienste bezeichnet.",
            [("Renaming", ["Abteilung Beispiel"], ["Abteilung Musterdienste"])],
        ),
        (  # must not fire: "als ... bezeichnet" without "neu" describes, it does not rename
            "Das Amt für Beispielwesen wird oft als Abteilung Muster bezeichnet.",
            [],
        ),
    ],
)
def test_renaming_by_a_designation(body: str, events: list[tuple]) -> None:
    assert events_in(body) == events


@pytest.mark.parametrize(
    ("body", "events"),
    [
        (  # failed before: "X ins Leben rufen" in the active voice
            'Der Landrat rief im Frühjahr das "Amt für Beispielwesen" ins Leben.',
            [("Founding", [], ["Amt für Beispielwesen"])],
        ),
        (  # must not fire: what is called into being is no unit
            "Die Stadt rief eine Stiftung ins Leben, die das Amt für Beispielwesen unterstützt.",
            [],
        ),
        (  # failed before: the noun "Einsetzung" in a council paper's list
            "Einsetzung einer Stabsstelle Beispielmanagement beim Gemeindepräsidium.",
            [("Founding", [], ["Stabsstelle Beispielmanagement"])],
        ),
        (  # failed before: an apposition to a new noun names the new unit
            "Der Gemeinderat billigte ein neues Amt, ein „Beispiel- und Musteramt“, das im Herbst startet.",
            [("Founding", [], ["Beispiel- und Musteramt"])],
        ),
        (  # failed before: a town receives a unit with a participle phrase before it
            "Die Gemeinde Musterdorf erhält ein direkt dem Bürgermeister unterstelltes Amt für "
            "Beispielwesen.",
            [("Founding", [], ["Amt für Beispielwesen"])],
        ),
        (  # must not fire: what is received comes from the unit
            "Die Stadt Musterstadt erhält eine Förderung vom zuständigen Amt für Beispielwesen.",
            [],
        ),
    ],
)
def test_founding_wording(body: str, events: list[tuple]) -> None:
    assert events_in(body) == events


@pytest.mark.parametrize(
    ("body", "events"),
    [
        (  # failed before: marriages concluded in an office, read as its dissolution
            "Das Amt für Beispielwesen hat im letzten Jahr viele Ehen geschlossen.",
            [],
        ),
        (  # failed before: an agreement concluded
            "Mit dem Amt für Beispielwesen wurde eine Vereinbarung geschlossen.",
            [],
        ),
        (  # must stay: an office closed for good
            "Das Amt für Beispielwesen wird zum Jahresende geschlossen.",
            [("Dissolution", ["Amt für Beispielwesen"], [])],
        ),
    ],
)
def test_what_is_concluded_is_not_dissolved(body: str, events: list[tuple]) -> None:
    assert events_in(body) == events


@pytest.mark.parametrize(
    ("body", "events"),
    [
        (  # failed before: a person takes a unit into the portfolio, read as a transfer of tasks
            "Neu übernimmt Kreisrat Muster den Fachbereich Beispielwesen.",
            [("Relocation", ["Fachbereich Beispielwesen"], ["Fachbereich Beispielwesen"])],
        ),
        (  # failed before: two units taken into a portfolio, nothing read
            "Zusätzlich bekommt Muster die Beispielstelle sowie den Musterdienst.",
            [("Relocation", ["Beispielstelle", "Musterdienst"], ["Beispielstelle", "Musterdienst"])],
        ),
        (  # must stay: a unit takes over another's tasks
            "Künftig übernimmt das Amt für Beispiel die Aufgaben der Abteilung Muster.",
            [("TransferOfFunctions", ["Abteilung Muster"], ["Amt für Beispiel"])],
        ),
    ],
)
def test_a_person_takes_a_unit_into_the_portfolio(body: str, events: list[tuple]) -> None:
    assert events_in(body) == events


@pytest.mark.parametrize(
    ("body", "events"),
    [
        (  # failed before: the former holder of a passive taken as the new one
            "Das neue Amt für Beispielwesen wurde zum 1. März gegründet. Diese Arbeiten wurden bisher von "
            "der Stabsstelle Muster wahrgenommen.",
            [
                ("Founding", [], ["Amt für Beispielwesen"]),
                ("TransferOfFunctions", ["Stabsstelle Muster"], ["Amt für Beispielwesen"]),
            ],
        ),
        (  # must stay: without "bisher" the agent holds the tasks from now on
            "Die Aufgaben werden künftig von der Stabsstelle Muster wahrgenommen.",
            [("TransferOfFunctions", [], ["Stabsstelle Muster"])],
        ),
    ],
)
def test_a_former_holder_in_the_passive(body: str, events: list[tuple]) -> None:
    assert events_in(body) == events


@pytest.mark.parametrize(
    ("body", "events"),
    [
        (  # failed before: "es schaffte, dass" (managed to) read as a founding
            "Gelobt wurde die Abteilung Beispiel, die es schaffte, den Umzug in zwei Tagen zu erledigen.",
            [],
        ),
        (  # must stay: "schafft" with a unit as its object
            "Die Stadt schafft eine Abteilung Beispiel.",
            [("Founding", [], ["Abteilung Beispiel"])],
        ),
    ],
)
def test_managing_is_no_founding(body: str, events: list[tuple]) -> None:
    assert events_in(body) == events
