"""Round-6 precision rules, read from real municipal texts that state no change (corpus/unlabelled): each
rule with a sentence of our own where the converter invented a change before the rule (it must give none
now) and one where the change is real and must stay."""

from __future__ import annotations

from pathlib import Path

import pytest

from kommgraph.convert.extract import extract
from kommgraph.store.sources import SourceDocument


def _events(body: str) -> list[tuple]:
    facts = extract(SourceDocument(path=Path("t.txt"), text=f"Beispielstadt, 5. Mai 2021.\n\n{body}\n"))
    return [(e.event_type, e.original, e.resulting) for e in facts.events]


@pytest.mark.parametrize(
    ("body", "events"),
    [  # a span of days, a weekday adverb, the public: closed for a while
        ("Das Standesamt ist vom 24. Dezember bis zum 2. Januar geschlossen.", []),
        ("Das Bürgerbüro ist mittwochs für den Besucherverkehr geschlossen.", []),
        ("Das Bürgerbüro wird zum 1. Juli geschlossen.", [("Dissolution", ["Bürgerbüro"], [])]),
    ],
)
def test_closing_for_a_while_is_no_dissolution(body: str, events: list[tuple]) -> None:
    assert _events(body) == events


@pytest.mark.parametrize(
    ("body", "events"),
    [  # a personal name right before or after the verb, or a person's title before a name
        ("Von den neuen Mitgliedern übernimmt Karin Beispiel das Finanzdepartement.", []),
        ("Die neue Stadtpräsidentin, Zelmira Muster, übernimmt die Präsidialdirektion.", []),
        ("Der Stadtpräsident Zelmiro von Muster wechselt in die Direktion für Sicherheit.", []),
        ("Das Tiefbauamt übernimmt das Vermessungsamt.", [("Absorption", ["Vermessungsamt"], ["Tiefbauamt"])]),
        (
            "Das Vermessungsamt wechselt in das Tiefbauamt.",
            [("Relocation", ["Vermessungsamt"], ["Vermessungsamt"])],
        ),
    ],
)
def test_a_person_who_takes_over_or_moves_changes_no_unit(body: str, events: list[tuple]) -> None:
    assert _events(body) == events


@pytest.mark.parametrize(
    ("body", "events"),
    [  # "seit" with a span of time says how long, not from when
        (
            "Stadträtin Karin Beispiel, seit einem Jahr auch für das Amt für Stadtservice zuständig, sagte das.",
            [],
        ),
        (
            "Seit dem 1. März ist das Ordnungsamt für die Aufgaben des Amtes für Stadtservice zuständig.",
            [("TransferOfFunctions", ["Amt für Stadtservice"], ["Ordnungsamt"])],
        ),
    ],
)
def test_a_standing_responsibility_is_no_transfer(body: str, events: list[tuple]) -> None:
    assert _events(body) == events


@pytest.mark.parametrize(
    ("body", "events"),
    [  # an inflected participle before a noun that is no unit: that noun ends, not a unit
        ("Infolge der aufgehobenen Massnahmen ist die Abteilung Bau wieder geöffnet.", []),
        ("Die Abteilung Bau wird aufgehoben.", [("Dissolution", ["Abteilung Bau"], [])]),
    ],
)
def test_an_attributive_participle_ends_its_own_noun(body: str, events: list[tuple]) -> None:
    assert _events(body) == events


@pytest.mark.parametrize(
    ("body", "events"),
    [  # new to a speaker or to a person (a post, a place of work), in a prepositional phrase
        (
            "Die Abteilung Verkehrsflächen wechselt in das Tiefbauamt. „Ich freue mich auf die Arbeit mit der"
            " neuen Abteilung“, sagt die Leiterin.",
            [("Relocation", ["Abteilung Verkehrsflächen"], ["Abteilung Verkehrsflächen"])],
        ),
        ("Herr Beispiel leitete das Bauamt. Wir wünschen Herrn Beispiel im neuen Amt alles Gute.", []),
        (  # a founding verb still founds
            "Wir freuen uns: Die Stadt hat die neue Abteilung Digitales gegründet.",
            [("Founding", [], ["Abteilung Digitales"])],
        ),
        (
            "Im neuen Amt für Klimaschutz werden die Aufgaben von Umweltamt und Energieagentur gebündelt.",
            [("Founding", [], ["Amt für Klimaschutz"])],
        ),
    ],
)
def test_a_unit_new_to_someone_is_no_founding(body: str, events: list[tuple]) -> None:
    assert _events(body) == events
