"""Round-12 event rules (issue 10), from the failures of batches w, x, y and z (in dev, never tuned on
before): each rule with sentences of our own that failed before, and one where the rule must not fire or
the old reading stays."""

from __future__ import annotations

import pytest
from tests.converter.helpers import events_in

from kommgraph.convert.extract.event_posts import is_role

CASES = [
    (  # R1 failed before: a state of being placed with a cue of change is a move
        "Das Sachgebiet Beispielwesen ist jetzt der Abteilung 3 zugeordnet.",
        [("Relocation", ["Sachgebiet Beispielwesen"], ["Sachgebiet Beispielwesen"])],
    ),
    (  # R1 must not fire: a standing arrangement without a cue of change
        "Das Sachgebiet Beispielwesen ist der Abteilung 3 zugeordnet.",
        [],
    ),
    (  # R2 failed before: a relative clause that places the unit the main clause founds is no move of its own
        "In der Verwaltung soll eine Stabsstelle Beispielwesen entstehen, die direkt dem Bürgermeister "
        "unterstellt wird.",
        [("Founding", [], ["Stabsstelle Beispielwesen"])],
    ),
    (  # R3 failed before: premises taken over are no tasks
        "Das Musteramt übernimmt die frei werdenden Räume des Beispielamts.",
        [],
    ),
    (  # R3 failed before: a role taken over is no task
        "Das Musteramt übernimmt eine wichtige Rolle für die Sicherheit in der Stadt.",
        [],
    ),
    (  # R3 must stay: tasks taken over
        "Das Musteramt übernimmt die Aufgaben des Beispielamts.",
        [("TransferOfFunctions", ["Beispielamt"], ["Musteramt"])],
    ),
    (  # R3 failed before: closed on named days is a closing for a while
        "Das Musteramt zieht um. Daher ist das Musteramt an diesen beiden Tagen geschlossen.",
        [],
    ),
    (  # R4 failed before: "gibt es X nicht mehr" was read as a founding of X
        "Ab 1. Januar 2025 gibt es das Musteramt nicht mehr.",
        [("Dissolution", ["Musteramt"], [])],
    ),
    (  # R4 failed before: the future form
        "Das Musteramt wird es künftig nicht mehr geben.",
        [("Dissolution", ["Musteramt"], [])],
    ),
    (  # R4 must stay: "gibt es" without "nicht mehr" founds
        "Ab 1. Januar gibt es das Musteramt.",
        [("Founding", [], ["Musteramt"])],
    ),
    (  # R6 failed before: a place adjective between "Beim" and the parent; a list of quoted names
        'Beim Musterstädter Schulamt wurden die Abteilungen "Service für Beispiele" und "Service für Proben" '
        "geschaffen.",
        [
            ("Founding", [], ["Abteilung Service für Beispiele"]),
            ("Founding", [], ["Abteilung Service für Proben"]),
        ],
    ),
    (  # R7 failed before: a list of quoted names founded together
        "Neu gegründet wurden die Abteilungen „Beispiel“ und „Probe“.",
        [("Founding", [], ["Abteilung Beispiel"]), ("Founding", [], ["Abteilung Probe"])],
    ),
    (  # R8 failed before: "das bisher Y hieß" names the former name
        "Das Amt für Beispiele, das bisher Musteramt hieß, ist für die Schulen verantwortlich.",
        [("Renaming", ["Musteramt"], ["Amt für Beispiele"])],
    ),
    (  # R8 failed before: "das bisher als Y firmierte"
        "Das Amt für Familie und Proben, das bisher als Sozialamt firmierte, ist für die Jugend da.",
        [("Renaming", ["Sozialamt"], ["Amt für Familie und Proben"])],
    ),
    (  # R8 must stay: the new name after "heißt künftig"
        "Das Musteramt heißt künftig Amt für Beispiele.",
        [("Renaming", ["Musteramt"], ["Amt für Beispiele"])],
    ),
    (  # R9 failed before: a date between the verb and "die Bezeichnung"
        "Das Musteramt erhält ab 01.11.2013 die Bezeichnung „Amt für Beispiele“.",
        [("Renaming", ["Musteramt"], ["Amt für Beispiele"])],
    ),
    (  # R9 failed before: "führt die Bezeichnung „Y“"
        "Das Musterbüro führt die Bezeichnung „Fachstelle für Beispielarbeit“.",
        [("Renaming", ["Musterbüro"], ["Fachstelle für Beispielarbeit"])],
    ),
    (  # R10 failed before: a noun of renaming after a preposition, without a new name
        "Durch die Umbenennung des Musteramtes sollen hier die Bereiche „Probe“ und „Beispiel“ dargestellt "
        "werden.",
        [],
    ),
    (  # R10 must stay: the noun with its new name
        "Mit der Umbenennung des Musteramtes in Amt für Beispiele wird die Aufgabe deutlich.",
        [("Renaming", ["Musteramt"], ["Amt für Beispiele"])],
    ),
    (  # R12 failed before: a plural head with a number names the parts of a new structure (was a renaming)
        "Die drei neuen Ämter heißen Musteramt, Beispielamt und Probeamt.",
        [("Founding", [], ["Musteramt"]), ("Founding", [], ["Beispielamt"]), ("Founding", [], ["Probeamt"])],
    ),
    (  # R12 failed before: without a number or "neu" the parts exist: no event (was a renaming)
        "Die Fachbereiche heißen „Bürgerdienste“ und „Finanzwesen“.",
        [],
    ),
    (  # R13 failed before: "ein eigenes X erhalten" with the verb last (after a modal)
        "Die Gemeinde soll ein eigenes Musteramt bekommen.",
        [("Founding", [], ["Musteramt"])],
    ),
    (  # R11 failed before: an attributive participle describes
        "Die Sachgebiete Beispiel und Probe ergänzen die neu strukturierte Abteilung Muster.",
        [],
    ),
    (  # R11 failed before: "mit neuem Zuschnitt" describes
        "Zu diesem Musterdezernat mit neuem Zuschnitt, an dessen Spitze Max Muster steht, gehören auch das "
        "Sozialamt und das Jugendamt.",
        [],
    ),
    (  # R11 failed before: a plural noun of restructuring names changes in general
        "Der Bürgermeister äußert sich zu geplanten Umstrukturierungen des Musteramts.",
        [],
    ),
    (  # R11 must stay: the verb states the change
        "Die Abteilung Muster wird neu zugeschnitten.",
        [("ChangeEvent", ["Abteilung Muster"], ["Abteilung Muster"])],
    ),
]


@pytest.mark.parametrize(("body", "events"), CASES)
def test_round12_event_rules(body: str, events: list[tuple]) -> None:
    assert events_in(body) == events


@pytest.mark.parametrize(
    ("name", "role"),
    [
        ("Anlaufstelle", True),
        ("zentrale Anlaufstelle", True),
        ("Schnittstellen", True),
        ("Servicestelle", False),
        ("Anlaufstelle Beispielwesen", False),
        ("Koordinierungsstelle", False),
    ],
)
def test_a_role_is_no_unit(name: str, role: bool) -> None:
    assert is_role(name) is role


def test_a_founded_role_is_dropped() -> None:
    """R5: ``gibt es künftig eine Anlaufstelle für …`` founds no unit."""
    assert events_in("Künftig gibt es im Rathaus eine neue Anlaufstelle für alle Belange der Bürger.") == []
