"""Event rules of the third round (issue 10): one short sentence of own wording per rule."""

from __future__ import annotations

from pathlib import Path

import pytest

from kommgraph.convert.extract import extract
from kommgraph.convert.extract.model import DateValue
from kommgraph.store.sources import SourceDocument


def _events(body: str) -> list[tuple]:
    facts = extract(SourceDocument(path=Path("t.txt"), text=f"Musterstadt, 2. November 2020.\n\n{body}\n"))
    return [(e.event_type, e.original, e.resulting, e.effective) for e in facts.events]


@pytest.mark.parametrize(
    ("body", "events"),
    [
        (  # a quoted name without head takes the head of the unit it names
            "Das Dezernat IV erhält die Bezeichnung „Bildung und Sport“.",
            [("Renaming", ["Dezernat IV"], ["Dezernat Bildung und Sport"], None)],
        ),
        (  # a unit spoken of as new is founded under the quoted name; "bzw." names it twice
            "Das neue Referat bzw. Sachgebiet erhält den Namen „Klima, Energie und Umwelt“.",
            [("Founding", [], ["Referat Klima, Energie und Umwelt"], None)],
        ),
        (
            "Die Bezeichnung von Referat III wird von „Recht“ in „Recht und Ordnung“ geändert.",
            [("Renaming", ["Referat III"], ["Referat Recht und Ordnung"], None)],
        ),
        (  # a second clause after a comma, with a change of its own
            "Das Amt 30 erhält die Bezeichnung „Recht und Sicherheit“, die Stabsstelle Revision entfällt.",
            [
                ("Renaming", ["Amt 30"], ["Amt Recht und Sicherheit"], None),
                ("Dissolution", ["Stabsstelle Revision"], [], None),
            ],
        ),
        (
            "Das Presseamt wird aufgelöst, das Kulturamt wird in Amt für Kultur umbenannt.",
            [
                ("Dissolution", ["Presseamt"], [], None),
                ("Renaming", ["Kulturamt"], ["Amt für Kultur"], None),
            ],
        ),
        (  # every unit of a list ends
            "Das Presseamt und das Kulturamt werden aufgelöst.",
            [("Dissolution", ["Presseamt"], [], None), ("Dissolution", ["Kulturamt"], [], None)],
        ),
        (  # a closing sentence dates every change said before without a date
            "Das Presseamt wird nach langer Beratung aufgelöst. Das Kulturamt wird umbenannt in Amt für "
            "Kultur. Die vom Oberbürgermeister zu erlassende Verfügung soll zum 01.03.2021 wirksam werden.",
            [
                ("Dissolution", ["Presseamt"], [], DateValue("2021-03-01")),
                ("Renaming", ["Kulturamt"], ["Amt für Kultur"], DateValue("2021-03-01")),
            ],
        ),
        (  # new units announced by their number, then listed by bullet lines: one founding
            "Die Stadt ordnet ihre Verwaltung nach einem Beschluss des Rates neu. "
            "Ab dem 1. März 2021 gibt es drei neue Ämter:\n• Bürgerservice\n• Bauen und Wohnen\n"
            "• Kultur und Freizeit\nDie Ämter werden von den bisherigen Leitungen geführt.",
            [
                (
                    "Founding",
                    [],
                    ["Bürgerservice", "Bauen und Wohnen", "Kultur und Freizeit"],
                    DateValue("2021-03-01"),
                )
            ],
        ),
        (  # ... or by paragraphs that begin with a unit of the announced type: one founding each
            "Zum 1. Juli 2021 wird es statt der bisher acht Ämter nur noch zwei Fachbereiche geben.\n\n"
            "Fachbereich 1 (Finanzen und Personal): Leitung Anna Roth.\n\n"
            "Fachbereich 2 (Bauen und Ordnung): Leitung Jan Wolf.",
            [
                ("Founding", [], ["Fachbereich 1"], DateValue("2021-07-01")),
                ("Founding", [], ["Fachbereich 2"], DateValue("2021-07-01")),
            ],
        ),
        (  # a noun of renaming, then the new names: each a renaming (the original is the unit spoken of)
            "Die Reform hat einen Namenswechsel zur Folge: Neu gibt es die Bau- und Umweltdirektion "
            "sowie die Finanz- und Personaldirektion.",
            [
                ("Renaming", [], ["Bau- und Umweltdirektion"], None),
                ("Renaming", [], ["Finanz- und Personaldirektion"], None),
            ],
        ),
        (  # a unit that becomes "an own X" without a name: it goes on, restructured; a second clause
            "Aus dem Sachgebiet Steuern wird eine eigene Abteilung, das Referat „Beteiligungen“ kommt "
            "neu hinzu.",
            [
                ("ChangeEvent", ["Sachgebiet Steuern"], ["Sachgebiet Steuern"], None),
                ("Founding", [], ["Referat Beteiligungen"], None),
            ],
        ),
        (  # a state (Zustandspassiv): the unit goes on, its parts are founded
            "Der Fachbereich Finanzen ist nun aufgeteilt in den Fachdienst Kasse und den Fachdienst Steuern.",
            [("Founding", [], ["Fachdienst Kasse", "Fachdienst Steuern"], None)],
        ),
        (  # divided into a number of parts named in the next sentences, dated by a general sentence before
            "Seit dem 01.02.2021 sind die Fachbereiche in Fachdienste unterteilt. Der Fachbereich Bauen "
            "ist in zwei Fachdienste unterteilt. Den Fachdienst Hochbau leitet Eva Schulz, den Fachdienst "
            "Tiefbau leitet Olaf Berg.",
            [("Founding", [], ["Fachdienst Hochbau", "Fachdienst Tiefbau"], DateValue("2021-02-01"))],
        ),
        (  # what stays is no change
            "Im neuen Organigramm wird es weiterhin sechs Ämter geben. Das Bauamt bleibt dem Dezernat II "
            "zugeordnet.",
            [],
        ),
        (  # a unit moved to another parent: one Relocation of the unit (the new parent becomes its parent)
            "Die Abteilung Statistik wechselt zum 1. März 2021 vom Hauptamt in das Amt für Digitalisierung.",
            [
                ("Relocation", ["Abteilung Statistik"], ["Abteilung Statistik"], DateValue("2021-03-01")),
            ],
        ),
        (  # tasks allotted to a unit (possessive dative) move no unit
            "Ihrem Fachbereich wurden folgende Aufgaben zugeteilt: Wahlen, Statistik sowie Standesamt.",
            [],
        ),
        (  # a bare head with a quoted name after "für" is that unit
            "Die Verwaltung richtet zum 1. Juli 2021 ein eigenes Amt für „Digitalisierung und IT“ ein.",
            [("Founding", [], ["Amt für Digitalisierung und IT"], DateValue("2021-07-01"))],
        ),
        (  # a plural of units that were, not new ones
            "Die bisherigen drei Fachbereiche bleiben bestehen:\n• Finanzen\n• Bauen",
            [],
        ),
    ],
)
def test_round3_event_rule(body: str, events: list[tuple]) -> None:
    assert _events(body) == events
