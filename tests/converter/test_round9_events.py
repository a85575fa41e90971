"""Round-9 event rules (issue 10), from the failures of batches k and l (in dev, never tuned on before):
each rule with a sentence of our own that failed before, one that passes, and one where it must not fire."""

from __future__ import annotations

import pytest
from tests.converter.helpers import events_in


@pytest.mark.parametrize(
    ("body", "events"),
    [
        (  # failed before: "eines dritten Fachbereiches" was read as the Fachbereich named before
            "Der Fachbereich Finanzen hat zu viele Aufgaben. Mit der Einrichtung eines dritten "
            "Fachbereiches sollen die Aufgaben besser verteilt werden.",
            [],
        ),
        (  # failed before: the two Ämter were merged into the Amt named in the sentence before
            "Das Amt für Kultur bleibt bestehen. Die Stadt legt das Amt für Sport und das Amt für Schulen "
            "zu einem neuen Amt zusammen.",
            [("Merger", ["Amt für Sport", "Amt für Schulen"], [])],
        ),
        (  # passes: the unnamed new Amt takes the name given in the next sentence
            "Die Stadt legt das Amt für Sport und das Amt für Schulen zu einem neuen Amt zusammen. "
            "Dieses nennt sie das „Amt für Bildung und Sport“.",
            [("Merger", ["Amt für Sport", "Amt für Schulen"], ["Amt für Bildung und Sport"])],
        ),
        (  # must stay: a definite "das Amt" still refers back to the Amt named before
            "Das Amt für Sport zieht um. Das Amt wird zum 1. Juli aufgelöst.",
            [("Dissolution", ["Amt für Sport"], [])],
        ),
    ],
)
def test_an_indefinite_unit_refers_to_no_unit_named_before(body: str, events: list[tuple]) -> None:
    assert events_in(body) == events


@pytest.mark.parametrize(
    ("body", "events"),
    [
        (  # failed before: a Merger of the two units; the relative clause says what the new Bereich holds
            "Im Amt für Schulen entsteht der Bereich Ganztag, in dem alle Aufgaben der Nachmittagsbetreuung "
            "zusammengefasst sind.",
            [("Founding", [], ["Bereich Ganztag"])],
        ),
        (  # failed before: a Merger of the two units of the main clause; the purpose clause bundles a topic
            "Um das Thema Personal stärker zu bündeln, wird die Sachbearbeitung im Hauptamt zentralisiert – "
            "konkret in der Abteilung Personal.",
            [],
        ),
        (  # must still fire: units are merged in the relative clause
            "Neu ist das Amt für Bildung, in dem das Amt für Sport und das Amt für Schulen "
            "zusammengefasst werden.",
            [("Merger", ["Amt für Sport", "Amt für Schulen"], ["Amt für Bildung"])],
        ),
    ],
)
def test_an_aim_or_a_units_content_is_no_change(body: str, events: list[tuple]) -> None:
    assert events_in(body) == events


@pytest.mark.parametrize(
    ("body", "events"),
    [
        (  # failed before: no event ("Neu ist ..." first in the sentence says the unit is new)
            "Neu ist die Abteilung Stadtgrün, die Frau Muster leiten wird.",
            [("Founding", [], ["Abteilung Stadtgrün"])],
        ),
        (  # failed before: only the Relocation of the relative clause
            "Neu ist das Büro des Bürgermeisters, dem die Stabsstelle Presse unterstellt wurde.",
            [  # round 13: the relative clause is read after its main clause
                ("Founding", [], ["Büro des Bürgermeisters"]),
                ("Relocation", ["Stabsstelle Presse"], ["Stabsstelle Presse"]),
            ],
        ),
        # must not fire: what is new is a responsibility, not a unit
        ("Neu ist u. a. die Zuständigkeit des Amtes für Sport für die Bäder.", []),
        # must not fire: "neu" is not first; the unit is new to someone
        ("Für Frau Muster ist die Abteilung Stadtgrün neu.", []),
    ],
)
def test_neu_ist_first_founds_the_unit(body: str, events: list[tuple]) -> None:
    assert events_in(body) == events


@pytest.mark.parametrize(
    ("body", "events"),
    [
        (  # failed before: "dem neuen Amt" founded the Amt named first, not the unit founded just before
            "Das Amt für Sport bleibt, wie es ist. Die Stadt gründet das Büro für Bürgerdienste. Zehn "
            "Mitarbeiter gehören dem neuen Amt an.",
            [("Founding", [], ["Büro für Bürgerdienste"])],
        ),
        (  # failed before: the same, with the new unit as the subject
            "Das Amt für Sport bleibt, wie es ist. Die Stadt gründet das Büro für Bürgerdienste. Das neue "
            "Amt nimmt am 1. Juli die Arbeit auf.",
            [("Founding", [], ["Büro für Bürgerdienste"])],
        ),
        # unchanged: no unit was founded before, "das neue Amt" is the last Amt named (round 8's reading)
        (
            "Das Amt für Sport bleibt, wie es ist. Das neue Amt nimmt am 1. Juli die Arbeit auf.",
            [("Founding", [], ["Amt für Sport"])],
        ),
    ],
)
def test_the_new_unit_is_the_newest_founded(body: str, events: list[tuple]) -> None:
    assert events_in(body) == events
