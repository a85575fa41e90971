"""Round-8 event rules (issue 10), from the failures of the never-tuned batches g and h: each rule with a
sentence of our own that failed before and one where the rule must not fire."""

from __future__ import annotations

import pytest
from tests.converter.helpers import events_in


@pytest.mark.parametrize(
    ("body", "events"),
    [
        (  # failed before: no event (verb second, the receiving unit first)
            "Das Dezernat für Bildung erhält ab Juli zusätzlich das Amt für Sport.",
            [("Relocation", ["Amt für Sport"], ["Amt für Sport"])],
        ),
        (  # failed before: "bleibt" in the first clause blocked the move of the second
            "Das Dezernat für Bildung bleibt bei Frau Muster und erhält zusätzlich das Amt für Sport.",
            [("Relocation", ["Amt für Sport"], ["Amt für Sport"])],
        ),
        (  # failed before: no event
            "Zum Dezernat für Bildung gehört künftig die Stabsstelle Planung.",
            [("Relocation", ["Stabsstelle Planung"], ["Stabsstelle Planung"])],
        ),
        (  # failed before: no event ("gehört ... an")
            "Dem Dezernat für Bildung gehört neu die Stabsstelle Planung an.",
            [("Relocation", ["Stabsstelle Planung"], ["Stabsstelle Planung"])],
        ),
        # how things stand: no cue of change next to the verb
        ("Zum Dezernat für Bildung gehört die Stabsstelle Planung.", []),
        (  # the cue of change ("werden") belongs to a later clause
            "Zum Dezernat für Bildung gehören die Stabsstelle Planung und zwei Schulen, die von Vereinen "
            "betrieben werden.",
            [],
        ),
    ],
)
def test_a_unit_added_to_another_moves_under_it(body: str, events: list[tuple]) -> None:
    assert events_in(body) == events


@pytest.mark.parametrize(
    ("body", "events"),
    [
        # failed before: a TransferOfFunctions to the Dezernat the mayor takes over
        (
            "Da die Amtszeit des Leiters im Amt für Sport endet, wird Oberbürgermeister Dr. Max Muster das "
            "Amt für Sport ab Juli selbst übernehmen.",
            [],
        ),
        # failed before: the title is the subject right before the verb
        ("Der Sicherheitsdirektor übernimmt das Baudepartement.", []),
        # failed before: an accented given name after the title
        ("Der bisherige Finanzdirektor André Muster wechselt ins Baudepartement.", []),
        (  # a unit that takes over tasks stays a transfer
            "Das Amt für Sport übernimmt ab Juli die Aufgaben der Abteilung Bäder.",
            [("TransferOfFunctions", ["Abteilung Bäder"], ["Amt für Sport"])],
        ),
        (  # a title in a genitive before the unit names whose tasks they were
            "Die Aufgaben der Abteilung Bäder übernimmt nach dem Wechsel des Stadtdirektors Max Muster das "
            "Amt für Sport.",
            [("TransferOfFunctions", ["Abteilung Bäder"], ["Amt für Sport"])],
        ),
    ],
)
def test_a_person_who_takes_a_unit_over_changes_no_unit(body: str, events: list[tuple]) -> None:
    assert events_in(body) == events


@pytest.mark.parametrize(
    ("body", "events"),
    [
        # failed before: a Founding of the office that goes on
        ("Das Frauenbüro wird es auch nach der Reform in anderer Form weiter geben.", []),
        # failed before: a Founding of the office that opens again after a closing
        (
            "Nach der vorübergehenden Schließung der Meldestelle ist ab Montag die neu eröffnete Meldestelle "
            "am Markt wieder für alle da.",
            [],
        ),
        (  # a founding with "wird es geben" stays
            "Ab Juli wird es ein Frauenbüro geben.",
            [("Founding", [], ["Frauenbüro"])],
        ),
        (  # a new office opened for the first time stays a founding
            "Am Markt wurde die neue Meldestelle eröffnet.",
            [("Founding", [], ["Meldestelle"])],
        ),
    ],
)
def test_a_unit_that_goes_on_or_opens_again_is_not_founded(body: str, events: list[tuple]) -> None:
    assert events_in(body) == events


@pytest.mark.parametrize(
    ("body", "events"),
    [
        (  # failed before: a SpinOff without a result, the move into the Bauamt lost
            "Die Abteilung Grünflächen wird aus dem Amt für Umwelt herausgelöst und künftig dem Bauamt "
            "zugeordnet.",
            [("Relocation", ["Abteilung Grünflächen"], ["Abteilung Grünflächen"])],
        ),
        (  # failed before: no event (a dative, no "in": placed under the Bauamt, not merged into it)
            "Die Abteilung Grünflächen wurde zum 1. Mai abgezogen und dem Bauamt eingegliedert.",
            [("Relocation", ["Abteilung Grünflächen"], ["Abteilung Grünflächen"])],
        ),
        (  # a part taken out to stand on its own stays a spin-off
            "Die Abteilung Grünflächen wird aus dem Amt für Umwelt herausgelöst.",
            [("SpinOff", ["Abteilung Grünflächen"], [])],
        ),
        (  # "in das": merged into it, as before
            "Die Abteilung Grünflächen wird in das Bauamt eingegliedert.",
            [("Absorption", ["Abteilung Grünflächen"], ["Bauamt"])],
        ),
    ],
)
def test_a_unit_taken_out_and_placed_under_another_moves(body: str, events: list[tuple]) -> None:
    assert events_in(body) == events


@pytest.mark.parametrize(
    ("body", "events"),
    [
        (  # failed before: a ChangeEvent of the Bauhof, named in another clause
            "„Geplant ist ein Bereich für die Außendienste, zu denen etwa der Bauhof und das Gartenamt "
            "zählen“, sagt die Bürgermeisterin und betont, dass dieser Umstrukturierungsprozess Jahre dauern "
            "werde.",
            [],
        ),
        (  # the unit as the noun's genitive
            "Die Bürgermeisterin kündigte die Neuorganisation des Bauamtes an.",
            [("ChangeEvent", ["Bauamt"], ["Bauamt"])],
        ),
        (  # the unit as the subject of the noun's clause
            "Das Bauamt erhält einen neuen Zuschnitt.",
            [("ChangeEvent", ["Bauamt"], ["Bauamt"])],
        ),
    ],
)
def test_a_noun_of_restructuring_restructures_its_own_unit(body: str, events: list[tuple]) -> None:
    assert events_in(body) == events


@pytest.mark.parametrize(
    ("body", "events"),
    [
        (  # failed before: one merger of the parts, the split lost
            "Das Amt für Kultur und Sport wird aufgeteilt: Die Abteilung Sport wird mit dem Schulamt "
            "zusammengelegt.",
            [
                ("Split", ["Amt für Kultur und Sport"], []),
                ("Merger", ["Abteilung Sport", "Schulamt"], []),
            ],
        ),
        (  # a colon before a list of units opens no clause
            "Das Amt für Kultur und Sport wird aufgeteilt in: das Kulturamt und das Sportamt.",
            [("Split", ["Amt für Kultur und Sport"], ["Kulturamt", "Sportamt"])],
        ),
    ],
)
def test_a_colon_before_a_capital_opens_a_second_change(body: str, events: list[tuple]) -> None:
    assert events_in(body) == events


@pytest.mark.parametrize(
    ("body", "events"),
    [
        (  # failed before: a Merger of the Schulamt into the Bauamt (the second clause: a field moves)
            "Der Sport wird mit dem Schulamt zusammengelegt, die Kultur kommt ins Bauamt.",
            [("TransferOfFunctions", [], ["Bauamt"])],
        ),
        (  # a unit merged with a partner stays a merger
            "Das Sportamt wird mit dem Schulamt zusammengelegt.",
            [("Merger", ["Sportamt", "Schulamt"], [])],
        ),
    ],
)
def test_a_field_joined_with_a_unit_merges_no_units(body: str, events: list[tuple]) -> None:
    assert events_in(body) == events


@pytest.mark.parametrize(
    ("body", "events"),
    [
        (  # failed before: no event ("Aufbau" was no noun of founding)
            "Zu ihren Erfolgen zählt der Aufbau einer Pressestelle.",
            [("Founding", [], ["Pressestelle"])],
        ),
        # the structure of a unit that exists is no founding
        ("Der Aufbau des Bauamtes bleibt gleich.", []),
    ],
)
def test_building_up_a_unit_founds_it(body: str, events: list[tuple]) -> None:
    assert events_in(body) == events


@pytest.mark.parametrize(
    ("body", "events"),
    [
        (  # failed before: the noun "Splittung" was no word of splitting; the brackets name parents
            "Die Reform bringt die Splittung des bisherigen Amtes für Bau und Umwelt in ein Amt für Bau "
            "(wie bisher im Dezernat II) und in ein Amt für Umwelt (im Dezernat III).",
            [("Split", ["Amt für Bau und Umwelt"], ["Amt für Bau", "Amt für Umwelt"])],
        ),
        (  # failed before: the Dezernate in brackets were taken for parts
            "Das Amt für Bau und Umwelt wird in ein Amt für Bau (wie bisher im Dezernat II) und in ein Amt "
            "für Umwelt (im Dezernat III) aufgeteilt.",
            [("Split", ["Amt für Bau und Umwelt"], ["Amt für Bau", "Amt für Umwelt"])],
        ),
    ],
)
def test_splitting_noun_and_parents_in_brackets(body: str, events: list[tuple]) -> None:
    assert events_in(body) == events


@pytest.mark.parametrize(
    ("body", "events"),
    [
        (  # failed before: the name given in the next sentence founded nothing
            "Die Stadt gründet ein neues Amt. Der Arbeitstitel des neuen Amtes lautet: „Amt für Digitales“.",
            [("Founding", [], ["Amt für Digitales"])],
        ),
        (  # failed before: "nennt" with a demonstrative for the new unit
            "Der Bürgermeister schafft eine neue Stabsstelle. Diese nennt er die „Stabsstelle Klima“.",
            [("Founding", [], ["Stabsstelle Klima"])],
        ),
        (  # a name of a unit not spoken of as new renames nothing here and founds nothing
            "Der Name des Bauamtes lautet seit 1990 „Amt für Bauen“.",
            [],
        ),
    ],
)
def test_the_name_of_a_new_unit_given_in_a_sentence_of_its_own(body: str, events: list[tuple]) -> None:
    assert events_in(body) == events


@pytest.mark.parametrize(
    ("body", "events"),
    [
        (  # failed before: no event (a post as the subject, no unit moves)
            "Die Klimaschutzbeauftragte wird dem Amt für Umwelt zugeordnet.",
            [("TransferOfFunctions", [], ["Amt für Umwelt"])],
        ),
        (  # failed before: no event ("arbeitet künftig im")
            "Die Gleichstellungsbeauftragte arbeitet künftig im Hauptamt.",
            [("TransferOfFunctions", [], ["Hauptamt"])],
        ),
        (  # failed before: no event (a field as the subject of the second clause)
            "Nach der Wahl ändert sich vieles, die Kultur kommt künftig ins Bauamt.",
            [("TransferOfFunctions", [], ["Bauamt"])],
        ),
        # people of a unit are no task
        ("Die Mitarbeiter arbeiten künftig im Hauptamt.", []),
        # no cue of change: how things stand
        ("Die Klimaschutzbeauftragte arbeitet im Hauptamt.", []),
        (  # a unit as the subject still moves
            "Das Sportamt wird dem Dezernat für Bildung zugeordnet.",
            [("Relocation", ["Sportamt"], ["Sportamt"])],
        ),
    ],
)
def test_a_task_or_post_that_goes_to_a_unit_is_a_transfer(body: str, events: list[tuple]) -> None:
    assert events_in(body) == events


@pytest.mark.parametrize(
    ("body", "events"),
    [
        (  # failed before: no event (the noun "Zusammengehen" was no word of merging)
            "Am Montag startet das Zusammengehen des Bauamtes und des Umweltamtes zu einer "
            "Verwaltungsgemeinschaft.",
            [("Merger", ["Bauamt", "Umweltamt"], [])],
        ),
        # a person's going along with others merges nothing
        ("Das Zusammengehen mit den Nachbarn ist dem Bürgermeister wichtig.", []),
    ],
)
def test_going_together_merges(body: str, events: list[tuple]) -> None:
    assert events_in(body) == events
