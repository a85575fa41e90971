"""Round-4 event rules, each with a sentence where it fires and one where it must not: denied, possible
or demanded changes; "Das heißt" is no renaming; a demonstrative article is no pronoun."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.converter.helpers import events_in

from kommgraph.convert.extract import extract
from kommgraph.store.sources import SourceDocument


@pytest.mark.parametrize(
    ("body", "events"),
    [
        ("Das Bauamt wird nicht aufgelöst.", []),
        ("Das Bauamt wird aufgelöst.", [("Dissolution", ["Bauamt"], [])]),
        ("Das Bauamt existiert nicht mehr.", [("Dissolution", ["Bauamt"], [])]),
        ("Es wird kein neues Amt für Klimaschutz gegründet.", []),
        ("Es wird ein neues Amt für Klimaschutz gegründet.", [("Founding", [], ["Amt für Klimaschutz"])]),
        ("Eine Zusammenlegung des Bauamtes und des Tiefbauamtes ist nicht geplant.", []),
        (
            "Eine Zusammenlegung des Bauamtes und des Tiefbauamtes ist geplant.",
            [("Merger", ["Bauamt", "Tiefbauamt"], [])],
        ),
        (  # the negation denies the name, not the new unit
            "Der Name des neuen Amtes für Klimaschutz steht noch nicht fest.",
            [("Founding", [], ["Amt für Klimaschutz"])],
        ),
    ],
)
def test_negated_change_is_not_stated(body: str, events: list[tuple]) -> None:
    assert events_in(body) == events


@pytest.mark.parametrize(
    ("body", "events"),
    [
        ("Das Bauamt und das Tiefbauamt könnten zusammengelegt werden.", []),
        ("Die Fraktion fordert, das Bauamt und das Tiefbauamt zusammenzulegen.", []),
        (
            "Das Bauamt und das Tiefbauamt sollen zusammengelegt werden.",
            [("Merger", ["Bauamt", "Tiefbauamt"], [])],
        ),
        (  # a demand that was decided is a planned change
            "Der Rat hat der Forderung zugestimmt, das Bauamt und das Tiefbauamt zusammenzulegen.",
            [("Merger", ["Bauamt", "Tiefbauamt"], [])],
        ),
    ],
)
def test_possible_or_demanded_change_is_not_stated(body: str, events: list[tuple]) -> None:
    assert events_in(body) == events


@pytest.mark.parametrize(
    ("body", "events"),
    [
        ("Das heißt: Die Arbeit im Bauamt wird anders organisiert.", []),
        ("Das Bauamt heißt künftig Amt für Bauen.", [("Renaming", ["Bauamt"], ["Amt für Bauen"])]),
    ],
)
def test_das_heisst_is_no_renaming(body: str, events: list[tuple]) -> None:
    assert events_in(body) == events


@pytest.mark.parametrize(
    ("body", "events"),
    [
        (
            "Die Stabsstelle Klima arbeitet seit drei Jahren. Diese neue Aufteilung gibt es schon lange.",
            [],
        ),
        (
            "Die Stabsstelle Klima arbeitet seit drei Jahren. Diese wird zum Jahresende aufgelöst.",
            [("Dissolution", ["Stabsstelle Klima"], [])],
        ),
    ],
)
def test_demonstrative_article_is_no_pronoun(body: str, events: list[tuple]) -> None:
    assert events_in(body) == events


@pytest.mark.parametrize(
    ("body", "events"),
    [
        (  # a former merged state with "bislang": the change is the parting
            "Frau Weber erhält das Jugendamt, das bislang mit dem Sozialamt zusammengelegt war.",
            [("Split", ["Sozialamt"], ["Jugendamt"])],
        ),
        (
            "Das Jugendamt und das Sozialamt werden zusammengelegt.",
            [("Merger", ["Jugendamt", "Sozialamt"], [])],
        ),
    ],
)
def test_former_merged_state_is_a_split(body: str, events: list[tuple]) -> None:
    assert events_in(body) == events


@pytest.mark.parametrize(
    ("body", "events"),
    [
        ("Das Jobcenter wird als eigenes Amt ausgegliedert.", [("SpinOff", [], ["Jobcenter"])]),
        (
            "Die IT-Abteilung wird als Eigenbetrieb IT-Service ausgegliedert.",
            [("SpinOff", ["IT-Abteilung"], ["Eigenbetrieb IT-Service"])],
        ),
    ],
)
def test_spun_off_as_own_unit_is_the_result(body: str, events: list[tuple]) -> None:
    assert events_in(body) == events


@pytest.mark.parametrize(
    ("body", "events"),
    [
        (  # "In der neuen Abteilung X ... aufgehen": the new unit named before takes the other in
            "Das Bundesamt richtet eine neue Abteilung Digitalpolitik ein. In der neuen Abteilung "
            "Digitalpolitik soll auch der bisherige Stab Planung aufgehen.",
            [
                ("Founding", [], ["Abteilung Digitalpolitik"]),
                ("Absorption", ["Stab Planung"], ["Abteilung Digitalpolitik"]),
            ],
        ),
        (  # "in der neuen Abteilung" that names no unit takes nothing in
            "In der neuen Abteilung soll auch der bisherige Stab Planung aufgehen.",
            [],
        ),
    ],
)
def test_absorbed_into_the_new_unit(body: str, events: list[tuple]) -> None:
    assert events_in(body) == events


@pytest.mark.parametrize(
    ("body", "events"),
    [
        ("Das Gesundheitsamt hat eine Hotline eingerichtet.", []),
        ("Das Bauamt startet eine Umfrage zum Radverkehr.", []),
        ("Die Stadt hat das Amt für Klimaschutz gegründet.", [("Founding", [], ["Amt für Klimaschutz"])]),
        ("Das Amt für Klimaschutz startet im Juni.", [("Founding", [], ["Amt für Klimaschutz"])]),
        (
            "Das Amt für Klimaschutz hat im Juni die Arbeit aufgenommen.",
            [("Founding", [], ["Amt für Klimaschutz"])],
        ),
        ("Das Bauamt richtet eine Stabsstelle Klima ein.", [("Founding", [], ["Stabsstelle Klima"])]),
    ],
)
def test_subject_of_active_founding_verb_founds(body: str, events: list[tuple]) -> None:
    assert events_in(body) == events


@pytest.mark.parametrize(
    ("body", "events"),
    [
        ("Das Bürgerbüro schließt am Freitag um 12 Uhr.", []),
        ("Das Bürgerbüro bleibt wegen Umbau geschlossen.", []),
        ("Das Bürgerbüro wird zum Jahresende geschlossen.", [("Dissolution", ["Bürgerbüro"], [])]),
    ],
)
def test_temporary_closing_is_no_dissolution(body: str, events: list[tuple]) -> None:
    assert events_in(body) == events


@pytest.mark.parametrize(
    ("body", "events"),
    [
        ("Die Leiterin des Bauamtes wechselt in das Umweltamt.", []),
        (
            "Die Abteilung Verkehr wechselt in das Umweltamt.",
            [("Relocation", ["Abteilung Verkehr"], ["Abteilung Verkehr"])],
        ),
    ],
)
def test_people_of_a_unit_move_not_the_unit(body: str, events: list[tuple]) -> None:
    assert events_in(body) == events


@pytest.mark.parametrize(
    ("body", "events", "parent"),
    [
        (  # a move to a named unit: one Relocation, no second event for its tasks; new parent
            "Die Abteilung Verkehr wird dem Umweltamt zugeordnet.",
            [("Relocation", ["Abteilung Verkehr"], ["Abteilung Verkehr"])],
            "Umweltamt",
        ),
        (  # a move whose new parent is no named unit stays a relocation
            "Die Abteilung Verkehr wechselt in das Dezernat des Kreisbeigeordneten.",
            [("Relocation", ["Abteilung Verkehr"], ["Abteilung Verkehr"])],
            None,
        ),
    ],
)
def test_move_to_named_unit_is_one_relocation(body: str, events: list[tuple], parent: str | None) -> None:
    facts = extract(SourceDocument(path=Path("t.txt"), text=f"Beispielstadt, 5. Mai 2021.\n\n{body}\n"))
    assert [(e.event_type, e.original, e.resulting) for e in facts.events] == events
    assert facts.units["Abteilung Verkehr"].parent == parent


@pytest.mark.parametrize(
    ("body", "events"),
    [
        (  # the result as subject: "entsteht durch die Zusammenlegung von X und Y"
            "Das Amt für Geoinformation entsteht durch die Zusammenlegung des Vermessungsamtes und des "
            "Katasteramtes.",
            [("Merger", ["Vermessungsamt", "Katasteramt"], ["Amt für Geoinformation"])],
        ),
        (  # "durch" naming the agent of a passive: the subject is merged, not the result
            "Das Vermessungsamt wird durch die Stadt mit dem Katasteramt zusammengelegt.",
            [("Merger", ["Vermessungsamt", "Katasteramt"], [])],
        ),
    ],
)
def test_result_made_by_merging(body: str, events: list[tuple]) -> None:
    assert events_in(body) == events
