"""Round-5 event rules, each with a sentence where it fires and one where it must not: membership verbs
with a cue of the future (``gehört künftig zu``, ``wird ... umfassen``), ``wandern in``."""

from __future__ import annotations

import pytest
from tests.converter.helpers import events_in


@pytest.mark.parametrize(
    ("body", "events"),
    [
        ("Das Bauamt gehört zum Baudezernat.", []),
        ("Das Bauamt gehört künftig zum Baudezernat.", [("Relocation", ["Bauamt"], ["Bauamt"])]),
        (
            "Das Bauamt und das Tiefbauamt gehören ab 2022 zum Baudezernat.",
            [("Relocation", ["Bauamt", "Tiefbauamt"], ["Bauamt", "Tiefbauamt"])],
        ),
    ],
)
def test_belonging_with_a_future_cue_is_a_move(body: str, events: list[tuple]) -> None:
    assert events_in(body) == events


@pytest.mark.parametrize(
    ("body", "events"),
    [
        ("Das Baudezernat umfasst das Bauamt und das Tiefbauamt.", []),
        (
            "Das Baudezernat wird künftig das Bauamt und das Tiefbauamt umfassen.",
            [("Relocation", ["Bauamt", "Tiefbauamt"], ["Bauamt", "Tiefbauamt"])],
        ),
        (  # a unit named before the auxiliary is no member
            "Bisher Leiter des Kulturamts, sein Bereich wird das Bauamt umfassen.",
            [("Relocation", ["Bauamt"], ["Bauamt"])],
        ),
    ],
)
def test_holding_with_a_future_cue_moves_the_members(body: str, events: list[tuple]) -> None:
    assert events_in(body) == events


@pytest.mark.parametrize(
    ("body", "events"),
    [
        ("Die Kinder wandern in den Stadtwald.", []),
        (  # the new parent is no named unit
            "Das Bauamt und das Tiefbauamt wandern in Müllers eigenes Dezernat.",
            [("Relocation", ["Bauamt", "Tiefbauamt"], ["Bauamt", "Tiefbauamt"])],
        ),
        (
            "Das Bauamt und das Tiefbauamt wandern in das Baudezernat.",
            [("Relocation", ["Bauamt", "Tiefbauamt"], ["Bauamt", "Tiefbauamt"])],
        ),
    ],
)
def test_wandering_units_move(body: str, events: list[tuple]) -> None:
    assert events_in(body) == events


@pytest.mark.parametrize(
    ("body", "events"),
    [
        (
            "Das Bauamt und das Tiefbauamt wechseln in das Baudezernat.",
            [("Relocation", ["Bauamt", "Tiefbauamt"], ["Bauamt", "Tiefbauamt"])],
        ),
        ("Das Bauamt wechselt in das Baudezernat.", [("Relocation", ["Bauamt"], ["Bauamt"])]),
    ],
)
def test_units_moved_together_are_one_change(body: str, events: list[tuple]) -> None:
    assert events_in(body) == events


@pytest.mark.parametrize(
    ("body", "events"),
    [
        ("Das Bauamt ist dem Baudezernat angegliedert.", []),
        (
            "Fachlich angegliedert werden zudem das Kulturamt und das Bauamt.",
            [("Relocation", ["Kulturamt", "Bauamt"], ["Kulturamt", "Bauamt"])],
        ),
        (  # the dative is the new parent, not a unit that moves
            "Ihrem Baudezernat wurden folgende Aufgaben zugeteilt: Bauaufsicht und Denkmalpflege.",
            [],
        ),
    ],
)
def test_participle_first_moves_the_units_after_it(body: str, events: list[tuple]) -> None:
    assert events_in(body) == events


@pytest.mark.parametrize(
    ("body", "events"),
    [
        ("Das Bauamt ist an das Baudezernat angebunden.", []),
        ("Das Bauamt wird an das Baudezernat angebunden.", [("Relocation", ["Bauamt"], ["Bauamt"])]),
        (
            "Die Anbindung des Kulturamts an das Baudezernat ist beschlossen.",
            [("Relocation", ["Kulturamt"], ["Kulturamt"])],
        ),
        (  # tasks, no unit, are bound: a transfer of tasks to the unit
            "Kern der Reform ist das Anbinden der Kulturarbeit an die Stabsstelle Wirtschaft.",
            [("TransferOfFunctions", [], ["Stabsstelle Wirtschaft"])],
        ),
        ("Die Anbindung des Bauamts an das Glasfasernetz wird verbessert.", []),
    ],
)
def test_binding_to_a_unit(body: str, events: list[tuple]) -> None:
    assert events_in(body) == events


@pytest.mark.parametrize(
    ("body", "events"),
    [
        (
            "Die Aufgaben des Bauamts werden künftig vom Tiefbauamt wahrgenommen.",
            [("TransferOfFunctions", ["Bauamt"], ["Tiefbauamt"])],
        ),
        (
            "Die Aufgaben des Bauamts werden künftig in einem eigenen Amt für Denkmalpflege wahrgenommen.",
            [("SpinOff", ["Bauamt"], ["Amt für Denkmalpflege"])],
        ),
    ],
)
def test_tasks_to_a_unit_of_their_own_are_a_spin_off(body: str, events: list[tuple]) -> None:
    assert events_in(body) == events


@pytest.mark.parametrize(
    ("body", "events"),
    [
        ("Das Bürgerbüro wird als Bürgerbüro weitergeführt.", []),
        (
            "Das bisherige Bürgerbüro wird als Amt für Bürgerdienste weitergeführt.",
            [("Renaming", ["Bürgerbüro"], ["Amt für Bürgerdienste"])],
        ),
        (
            "Der bisherige Bereich Frauen wird im Hauptamt als „Büro für Gleichstellung“ verankert.",
            [("Renaming", ["Bereich Frauen"], ["Büro für Gleichstellung"])],
        ),
    ],
)
def test_continued_under_another_name_is_a_renaming(body: str, events: list[tuple]) -> None:
    assert events_in(body) == events


@pytest.mark.parametrize(
    ("body", "events"),
    [
        (
            "Dabei wechselt das Bauamt aus dem Baudezernat in das neu einzurichtende Dezernat für Umwelt.",
            [("Relocation", ["Bauamt"], ["Bauamt"]), ("Founding", [], ["Dezernat für Umwelt"])],
        ),
        (
            "Dabei wechselt das Bauamt aus dem Baudezernat in das Dezernat für Umwelt.",
            [("Relocation", ["Bauamt"], ["Bauamt"])],
        ),
    ],
)
def test_a_new_parent_of_a_move_is_founded(body: str, events: list[tuple]) -> None:
    assert events_in(body) == events
