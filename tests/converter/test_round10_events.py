"""Round-10 event rules (issue 10), from the failures of batches m and n (in dev, never tuned on before):
each rule with sentences of our own that failed before, and one where the rule must not fire."""

from __future__ import annotations

import pytest
from tests.converter.helpers import events_in


@pytest.mark.parametrize(
    ("body", "events"),
    [
        (  # failed before: a SpinOff of the Amt with nothing it results in
            "Der Stadtrat hatte beschlossen, das Amt für Soziales als Ganzes auszugliedern.",
            [],
        ),
        (  # failed before: moved out of a building, read as a SpinOff
            "Die Gemeinde hat ihr Bauamt in ein anderes Gebäude ausgelagert.",
            [],
        ),
        (  # must stay: a spin-off into a named unit
            "Das Amt für Sport wird aus dem Hauptamt ausgegliedert und als Eigenbetrieb Sportstätten "
            "geführt.",
            [("SpinOff", ["Amt für Sport"], ["Eigenbetrieb Sportstätten"])],
        ),
    ],
)
def test_a_spin_off_needs_a_unit_it_results_in(body: str, events: list[tuple]) -> None:
    assert events_in(body) == events


@pytest.mark.parametrize(
    ("body", "events"),
    [
        (  # failed before: staff taken into the town's service, read as a transfer of tasks
            "Die Mitarbeiterinnen und Mitarbeiter des Bauamtes wurden zum 1. Januar in den Dienst des "
            "Landkreises übernommen.",
            [],
        ),
        (  # failed before: a portfolio given to a post (the dative of a title), read as a transfer
            "Dem neugewählten Beigeordneten soll das Amt für Kultur übertragen werden.",
            [],
        ),
        (  # failed before: the post of a unit ("Betriebsleiter" + unit) takes over a share of work
            "Das Tiefbauamt sucht Personal. Künftig wird der Betriebsleiter Bauhof diese Stelle übernehmen.",
            [],
        ),
        (  # must stay: a unit takes over the tasks of another
            "Die Aufgaben des Amtes für Sport übernimmt künftig das Amt für Schulen.",
            [("TransferOfFunctions", ["Amt für Sport"], ["Amt für Schulen"])],
        ),
        (  # must stay: tasks given to a unit in the dative
            "Die Aufgaben der Gewerbeaufsicht werden ab Juli dem Ordnungsamt übertragen.",
            [("TransferOfFunctions", [], ["Ordnungsamt"])],
        ),
    ],
)
def test_people_on_one_side_of_a_transfer_move_no_tasks_of_units(body: str, events: list[tuple]) -> None:
    assert events_in(body) == events


@pytest.mark.parametrize(
    ("body", "events"),
    [
        (  # failed before: a transfer that was only considered
            "Wie der Bürgermeister sagte, sei durchaus überlegt worden, das Amt für Sport an einen Verein zu "
            "übertragen.",
            [],
        ),
    ],
)
def test_a_change_only_considered_is_not_stated(body: str, events: list[tuple]) -> None:
    assert events_in(body) == events


@pytest.mark.parametrize(
    ("body", "events"),
    [
        (  # failed before: "übernahm bisher" names who held the task before the new unit
            "Das Amt für Zuwanderung wurde zum 1. März neu gegründet. Diese Aufgabe übernahm bisher das "
            "Ordnungsamt.",
            [
                ("Founding", [], ["Amt für Zuwanderung"]),
                ("TransferOfFunctions", ["Ordnungsamt"], ["Amt für Zuwanderung"]),
            ],
        ),
        (  # failed before: "kümmerte sich früher"
            "Das Amt für Zuwanderung wurde zum 1. März neu gegründet. Darum kümmerte sich früher das "
            "Sozialamt.",
            [
                ("Founding", [], ["Amt für Zuwanderung"]),
                ("TransferOfFunctions", ["Sozialamt"], ["Amt für Zuwanderung"]),
            ],
        ),
        (  # failed before: "Bisher war X dafür zuständig"
            "Das Amt für Zuwanderung wurde neu gegründet. Bisher war das Ordnungsamt dafür zuständig.",
            [
                ("Founding", [], ["Amt für Zuwanderung"]),
                ("TransferOfFunctions", ["Ordnungsamt"], ["Amt für Zuwanderung"]),
            ],
        ),
        (  # must not fire: without "bisher", "früher" ... the sentence describes, it states no change
            "Das Ordnungsamt war für die Meldestelle zuständig.",
            [],
        ),
        (  # must not fire: "übernahm" without "bisher" mostly tells a person's career ("übernahm dieses Amt")
            "Der 40-Jährige übernahm im Jahr 2019 dieses Amt für Umwelt.",
            [],
        ),
    ],
)
def test_a_former_holder_gives_its_tasks_to_the_unit_spoken_of(body: str, events: list[tuple]) -> None:
    assert events_in(body) == events


@pytest.mark.parametrize(
    ("body", "events"),
    [
        (  # failed before: "nur noch" counts what is left; no unit is founded
            "Statt sechs gibt es jetzt nur noch vier Abteilungen: die Abteilungen „Verkehr“ und „Bau“.",
            [],
        ),
        (  # must stay: "gibt es seit" founds
            "Seit Januar gibt es die neue Abteilung Verkehr.",
            [("Founding", [], ["Abteilung Verkehr"])],
        ),
    ],
)
def test_only_what_is_left_is_no_founding(body: str, events: list[tuple]) -> None:
    assert events_in(body) == events


@pytest.mark.parametrize(
    ("body", "events"),
    [
        (  # failed before: "obliegen nun" names who holds the tasks now
            "Das Amt für Jugend wurde aufgelöst. Die Zuständigkeiten für die Jugendhilfe obliegen nun dem "
            "Fachdienst Jugend.",
            [
                ("Dissolution", ["Amt für Jugend"], []),
                ("TransferOfFunctions", ["Amt für Jugend"], ["Fachdienst Jugend"]),
            ],
        ),
        (  # failed before: the cue of change first
            "Künftig obliegt die Gewerbeaufsicht dem Ordnungsamt.",
            [("TransferOfFunctions", [], ["Ordnungsamt"])],
        ),
        (  # must not fire: without a cue of change "obliegt" describes a standing duty
            "Die Gewerbeaufsicht obliegt dem Ordnungsamt.",
            [],
        ),
    ],
)
def test_obliegen_with_a_cue_of_change_moves_tasks(body: str, events: list[tuple]) -> None:
    assert events_in(body) == events


@pytest.mark.parametrize(
    ("body", "events"),
    [
        (  # failed before: the reflexive sums up what the text details; no change of its own
            "Das Jugendamt hat sich neu aufgestellt.",
            [],
        ),
        (  # must stay: the passive states the change
            "Das Jugendamt wird zum 1. Juli neu aufgestellt.",
            [("ChangeEvent", ["Jugendamt"], ["Jugendamt"])],
        ),
    ],
)
def test_a_unit_that_has_reorganised_itself_is_a_summary(body: str, events: list[tuple]) -> None:
    assert events_in(body) == events
