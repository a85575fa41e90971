"""German forms of change the round-3 rules read: reflexive, perfect and verb-final forms, relative clauses,
passive agents, pronoun subjects that refer back, several changes in one sentence."""

from __future__ import annotations

from pathlib import Path

import pytest

from kommgraph.convert.extract import extract
from kommgraph.convert.extract.model import DateValue
from kommgraph.store.sources import SourceDocument


def _events(body: str) -> list[tuple]:
    facts = extract(SourceDocument(path=Path("t.txt"), text=f"Beispielstadt, 5. Mai 2021.\n\n{body}\n"))
    return [(e.event_type, e.original, e.resulting, e.effective) for e in facts.events]


@pytest.mark.parametrize(
    ("body", "events"),
    [
        (
            "Das Kulturamt und das Sportamt haben sich zum Amt für Kultur und Sport zusammengeschlossen.",
            [("Merger", ["Kulturamt", "Sportamt"], ["Amt für Kultur und Sport"], None)],
        ),
        (
            "Das Amt für Kultur und Sport ist aus dem Kulturamt und dem Sportamt hervorgegangen.",
            [("Merger", ["Kulturamt", "Sportamt"], ["Amt für Kultur und Sport"], None)],
        ),
        (
            "Aus dem Bauamt gehen zum 1. Juli 2021 das Hochbauamt und das Tiefbauamt hervor.",
            [("Split", ["Bauamt"], ["Hochbauamt", "Tiefbauamt"], DateValue("2021-07-01"))],
        ),
        (  # relative clause: the antecedent takes the others in
            "Das Amt für Kultur und Sport, in dem das Kulturamt und das Sportamt aufgegangen sind, hat "
            "120 Beschäftigte.",
            [("Merger", ["Kulturamt", "Sportamt"], ["Amt für Kultur und Sport"], None)],
        ),
        (  # relative clause of founding after a genitive
            "Leiter des Amtes für Klimaschutz, das zum 1. Juli gegründet wird, ist Paul Weber.",
            [("Founding", [], ["Amt für Klimaschutz"], DateValue("2021-07-01"))],
        ),
        (  # the result as subject: "ist aus der Zusammenlegung ... entstanden"
            "Das Amt für Bürgerdienste ist aus der Zusammenlegung des Meldeamtes und des Standesamtes "
            "entstanden.",
            [("Merger", ["Meldeamt", "Standesamt"], ["Amt für Bürgerdienste"], None)],
        ),
        (
            "Das Vermessungsamt soll zum 1. Januar 2022 im Bauamt aufgehen.",
            [("Absorption", ["Vermessungsamt"], ["Bauamt"], DateValue("2022-01-01"))],
        ),
        (
            "Das Bauamt übernimmt zum 1. Juli 2021 das Vermessungsamt.",
            [("Absorption", ["Vermessungsamt"], ["Bauamt"], DateValue("2021-07-01"))],
        ),
        (  # a passive agent takes the tasks
            "Die Aufgaben des Vermessungsamtes werden künftig vom Bauamt wahrgenommen.",
            [("TransferOfFunctions", ["Vermessungsamt"], ["Bauamt"], None)],
        ),
        (  # a pronoun that agrees with the unit spoken of
            "Die Stabsstelle Klimaschutz hat drei Jahre lang gearbeitet. Sie wird zum 31. Dezember 2021 "
            "aufgelöst.",
            [("Dissolution", ["Stabsstelle Klimaschutz"], [], DateValue("2021-12-31"))],
        ),
        (  # ... and not one that does not agree (Es is no Stabsstelle)
            "Die Stabsstelle Klimaschutz hat drei Jahre lang gearbeitet. Es wird zum 31. Dezember 2021 "
            "aufgelöst.",
            [],
        ),
        (  # ... and not a pronoun that acts on another unit (a person founding something)
            "Die Stabsstelle Klimaschutz wird von Anna Berg geleitet. Sie gründete 2010 das Umweltamt.",
            [("Founding", [], ["Umweltamt"], DateValue("2010"))],
        ),
        (  # a pronoun subject of a passive with another unit named: it is what changes
            "Die Stabsstelle Klimaschutz hat drei Jahre lang gearbeitet. Sie wird zum 1. Juli 2021 in das "
            "Umweltamt eingegliedert.",
            [("Absorption", ["Stabsstelle Klimaschutz"], ["Umweltamt"], DateValue("2021-07-01"))],
        ),
        (  # the date of a unit that begins work, said in the next sentence
            "Die Stadt richtet ein Amt für Digitalisierung ein. Es nimmt am 1. März 2022 die Arbeit auf.",
            [("Founding", [], ["Amt für Digitalisierung"], DateValue("2022-03-01"))],
        ),
        (  # three clauses, three changes (the renaming names no new name: no event)
            "Das Presseamt wird aufgelöst, das Kulturamt umbenannt und das Amt für Digitalisierung "
            "gegründet.",
            [("Dissolution", ["Presseamt"], [], None), ("Founding", [], ["Amt für Digitalisierung"], None)],
        ),
        (  # "das Amt" refers back; a second clause with the tasks fronted is a transfer, not an absorption
            "Das Presseamt feiert sein Jubiläum nicht mehr. Das Amt wird zum 1. Juli 2021 aufgelöst, seine "
            "Aufgaben übernimmt das Hauptamt.",
            [
                ("Dissolution", ["Presseamt"], [], DateValue("2021-07-01")),
                ("TransferOfFunctions", ["Presseamt"], ["Hauptamt"], DateValue("2021-07-01")),
            ],
        ),
        (  # a possessive refers back: "Seine Auflösung"
            "Das Presseamt hat zwölf Beschäftigte. Seine Auflösung ist zum 1. Juli 2021 geplant.",
            [("Dissolution", ["Presseamt"], [], DateValue("2021-07-01"))],
        ),
        (  # who is responsible from a date on, and who was before
            "Für das Wohngeld ist ab dem 1. Juli 2021 das Bürgeramt zuständig, bisher war es das Sozialamt.",
            [("TransferOfFunctions", ["Sozialamt"], ["Bürgeramt"], DateValue("2021-07-01"))],
        ),
        (
            "Der Kreistag hat die Bildung eines Dezernats für Digitalisierung beschlossen.",
            [("Founding", [], ["Dezernat für Digitalisierung"], None)],
        ),
        (  # "neu" with its own article is the first unit's alone; "Neu gibt es" is said of both
            # (round 8: "Zum X gehören künftig": the Bauamt moves under Dezernat II, a Relocation)
            "Zum Dezernat II gehören künftig das neu zu bildende Amt für Klimaschutz und das Bauamt.",
            [("Founding", [], ["Amt für Klimaschutz"], None), ("Relocation", ["Bauamt"], ["Bauamt"], None)],
        ),
        (
            "Neu gibt es ab dem 1. Juli 2021 das Kulturamt und das Sportamt.",
            [
                ("Founding", [], ["Kulturamt"], DateValue("2021-07-01")),
                ("Founding", [], ["Sportamt"], DateValue("2021-07-01")),
            ],
        ),
        (  # a founding said by its verb stays beside the merger into the new unit, on the merger's date
            "Zum 1. Juli 2021 werden das Meldeamt und das Standesamt in einem neu zu gründenden Bürgeramt "
            "zusammengefasst.",
            [
                ("Merger", ["Meldeamt", "Standesamt"], ["Bürgeramt"], DateValue("2021-07-01")),
                ("Founding", [], ["Bürgeramt"], DateValue("2021-07-01")),
            ],
        ),
        (  # ... but "neu" alone is the merger's result, no founding of its own
            "Zum 1. Juli 2021 werden das Meldeamt und das Standesamt zum neuen Bürgeramt zusammengelegt.",
            [("Merger", ["Meldeamt", "Standesamt"], ["Bürgeramt"], DateValue("2021-07-01"))],
        ),
        (  # "X entsteht aus A und B": a merger into X
            "Zum 1. Januar 2022 entsteht der Fachbereich Digitales aus der bisherigen Abteilung IT und der "
            "Stabsstelle E-Government.",
            [
                (
                    "Merger",
                    ["Abteilung IT", "Stabsstelle E-Government"],
                    ["Fachbereich Digitales"],
                    DateValue("2022-01-01"),
                )
            ],
        ),
        (  # "herausgelöst und dem Y zugeordnet": one move (the subject and "wird" serve both verbs), stated
            # as the vocabulary and the gold format do: a Relocation of the unit, from = to
            "Zum 1. Juli 2021 wird das Sachgebiet Grundstücke aus der Kämmerei herausgelöst und dem Bauamt "
            "zugeordnet.",
            [
                (
                    "Relocation",
                    ["Sachgebiet Grundstücke"],
                    ["Sachgebiet Grundstücke"],
                    DateValue("2021-07-01"),
                ),
            ],
        ),
        (  # "Zudem", "Gleichzeitig": the date of the change said before; tasks leave with the dissolved unit
            "Mit Wirkung vom 1. März 2023 wird das Ordnungsamt umbenannt in Amt für Ordnung. Zudem wird die "
            "Stabsstelle Statistik aufgelöst. Ihre Aufgaben gehen auf das Hauptamt über.",
            [
                ("Renaming", ["Ordnungsamt"], ["Amt für Ordnung"], DateValue("2023-03-01")),
                ("Dissolution", ["Stabsstelle Statistik"], [], DateValue("2023-03-01")),
                ("TransferOfFunctions", ["Stabsstelle Statistik"], ["Hauptamt"], DateValue("2023-03-01")),
            ],
        ),
        (  # spun off "als X": X is what results
            "Die IT-Abteilung wird zum 1. Januar 2022 als Eigenbetrieb IT-Service ausgegliedert.",
            [("SpinOff", ["IT-Abteilung"], ["Eigenbetrieb IT-Service"], DateValue("2022-01-01"))],
        ),
        (  # Swiss "neu" is an adverb ("from now on"), not a new unit
            "Die Dienstabteilung Verkehr wird neu dem Sicherheitsdepartement zugeteilt.",
            [
                ("Relocation", ["Dienstabteilung Verkehr"], ["Dienstabteilung Verkehr"], None),
            ],
        ),
        (
            "Der Gemeinderat hat die Schaffung einer Fachstelle Digitalisierung beschlossen.",
            [("Founding", [], ["Fachstelle Digitalisierung"], None)],
        ),
        (  # "als eigenes Amt" is a unit of its own, not the Amt named before: the part is what results
            "Das Ordnungsamt bleibt bestehen. Das Jobcenter wird als eigenes Amt ausgegliedert.",
            [("SpinOff", [], ["Jobcenter"], None)],
        ),
        (  # converted into "an own Amt" without a name: the unit goes on, restructured
            "Die Stabsstelle Digitalisierung wird zum 1. Januar 2022 in ein eigenes Amt umgewandelt.",
            [
                (
                    "ChangeEvent",
                    ["Stabsstelle Digitalisierung"],
                    ["Stabsstelle Digitalisierung"],
                    DateValue("2022-01-01"),
                )
            ],
        ),
        (  # the agent of a passive "übernommen" takes the tasks
            "Die Aufgaben des Presseamtes werden ab 1. Juli 2022 vom Hauptamt übernommen.",
            [("TransferOfFunctions", ["Presseamt"], ["Hauptamt"], DateValue("2022-07-01"))],
        ),
        (  # a person takes over the leadership: no absorption
            "Die Leitung des Bauamtes übernimmt die bisherige Leiterin des Planungsamtes, Eva Roth.",
            [],
        ),
    ],
)
def test_form_of_change(body: str, events: list[tuple]) -> None:
    assert _events(body) == events
