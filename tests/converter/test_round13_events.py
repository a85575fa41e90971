"""Round-13 event rules (issue 10), from the events missed on tune (batches aa–ad weighed most): each rule
with sentences of our own that failed before, and one where the rule must not fire."""

from __future__ import annotations

import pytest
from tests.converter.helpers import events_in

CASES = [
    (  # R1 failed before: the dative first names the new parent, "der" after it is the nominative
        "Dem Dezernat 4 wird im kommenden Jahr der Fachbereich Beispielwesen zugeordnet.",
        [("Relocation", ["Fachbereich Beispielwesen"], ["Fachbereich Beispielwesen"])],
    ),
    (  # R1 failed before: the participle first, the units after the dative
        "Zugeordnet werden dem Dezernat 4 außerdem das Musteramt und das Beispielamt.",
        [("Relocation", ["Musteramt", "Beispielamt"], ["Musteramt", "Beispielamt"])],
    ),
    (  # R1 must not fire: the participle first without a change is how things stand
        "Zugeordnet ist dem Dezernat 4 das Musteramt.",
        [],
    ),
    (  # R1 failed before: "untersteht" with a cue of change
        "Das Musteramt untersteht ab sofort dem Dezernat für Beispielwesen.",
        [("Relocation", ["Musteramt"], ["Musteramt"])],
    ),
    (  # R1 must not fire: "untersteht" without a cue of change
        "Das Musteramt untersteht dem Dezernat für Beispielwesen.",
        [],
    ),
    (  # R1 failed before: placed by "angesiedelt" (the unit after "in dem" is the parent)
        "Das Musteramt wird künftig in dem Dezernat für Beispielwesen angesiedelt.",
        [("Relocation", ["Musteramt"], ["Musteramt"])],
    ),
    (  # R1 must not fire: a state passive or a former place is no move
        "Das Musteramt, das bislang im Dezernat für Beispielwesen angesiedelt war, wird neue Räume beziehen.",
        [],
    ),
    (  # R1 must not fire: where a unit founded in the text is placed is part of its founding
        "Die Stadt richtet zum 1. Juli eine neue Stabsstelle Beispielwesen ein. Sie wird im Dezernat 4 "
        "angesiedelt.",
        [("Founding", [], ["Stabsstelle Beispielwesen"])],
    ),
    (  # R1 must not fire: a person placed in a unit is no task moved
        "Die neue Person soll künftig im Dezernat für Beispielwesen angesiedelt sein.",
        [],
    ),
    (  # R1 must not fire: a dative after a preposition is no new parent
        "Das Musteramt wird gemeinsam mit dem Beispielamt dem Dezernat 4 zugeordnet.",
        [("Relocation", ["Musteramt"], ["Musteramt"])],
    ),
]


PORTFOLIO = [
    (  # R2 failed before: a person's portfolio gains units ("ist künftig für X zuständig")
        "Stadträtin Erika Beispiel wird künftig auch für das Musteramt und das Beispielamt zuständig sein.",
        [("Relocation", ["Musteramt", "Beispielamt"], ["Musteramt", "Beispielamt"])],
    ),
    (  # R2 failed before: "verantwortet" with its objects, the plural head before a list
        "Kämmerer Max Beispiel verantwortet ab Juli die Fachbereiche Finanzen und Steuern.",
        [
            (
                "Relocation",
                ["Fachbereich Finanzen", "Fachbereich Steuern"],
                ["Fachbereich Finanzen", "Fachbereich Steuern"],
            )
        ],
    ),
    (  # R2 failed before: units fall into someone's area of responsibility
        "Das Musteramt und das Beispielamt fallen künftig in den Zuständigkeitsbereich von Max Beispiel.",
        [("Relocation", ["Musteramt", "Beispielamt"], ["Musteramt", "Beispielamt"])],
    ),
    (  # R2 must not fire: without a cue of change the sentence says how things stand
        "Stadträtin Erika Beispiel ist für das Musteramt zuständig.",
        [],
    ),
    (  # R2 must not fire: "nicht mehr nur für X": X stays, more is added
        "Der Dezernent wird künftig nicht mehr nur für das Musteramt zuständig sein.",
        [],
    ),
    (  # R2 must not fire: a post that leads is who changes
        "Als neue Referatsleiterin ist Erika Beispiel künftig für das Musteramt zuständig.",
        [],
    ),
]


PRECISION = [
    (  # R3 failed before: a unit taken over by someone who is no unit (a person, a council member)
        "Das Ressort Beispielwesen wird derweil von einer neu gewählten Gemeinderätin übernommen.",
        [],
    ),
    (  # R3 must stay: tasks taken over by a unit named as the agent
        "Die Aufgaben des Musteramts werden künftig vom Beispielamt übernommen.",
        [("TransferOfFunctions", ["Musteramt"], ["Beispielamt"])],
    ),
    (  # R3 failed before: the moving unit is the subject after a colon, not near the sentence start
        "Die Bürgermeisterin verfügte am Montag einen neuen Zuschnitt der Dezernate: Das Musteramt wechselt "
        "ab sofort zum Dezernat 4.",
        [("Relocation", ["Musteramt"], ["Musteramt"])],
    ),
    (  # R3 failed before: "Für X ist künftig Y zuständig", the unit first
        "Für das Musteramt ist ab sofort das Beispielamt zuständig.",
        [("Relocation", ["Musteramt"], ["Musteramt"])],
    ),
]


RELATIVES = [
    (  # R4 failed before: a relative clause after a preposition states a change of its own, read apart
        "Das Musteramt wird zum Amt für Beispielwesen, in das auch die Fachstelle Probe des Dezernats 4 "
        "integriert wird.",
        [
            ("Renaming", ["Musteramt"], ["Amt für Beispielwesen"]),
            ("Absorption", ["Fachstelle Probe"], ["Amt für Beispielwesen"]),
        ],
    ),
    (  # R4 failed before: a relative clause with a dative pronoun places another unit under the new one
        "Die Stadt gründet zum 1. Juli das Amt für Beispielwesen, dem künftig das Musteramt zugeordnet wird.",
        [("Founding", [], ["Amt für Beispielwesen"]), ("Relocation", ["Musteramt"], ["Musteramt"])],
    ),
    (  # R4 must not fire: a prepositional relative clause without a change of its own
        "Das Musteramt wird zum Amt für Beispielwesen, in dem die Fachstelle Probe ihre Räume hat.",
        [("Renaming", ["Musteramt"], ["Amt für Beispielwesen"])],
    ),
]


APART = [
    (  # R5 failed before: the participle written apart
        "Das Musteramt und das Beispielamt werden zum Amt für Probe zusammen gefasst.",
        [("Merger", ["Musteramt", "Beispielamt"], ["Amt für Probe"])],
    ),
    (  # R5 must not fire: "zusammen arbeiten" is no merger
        "Das Musteramt und das Beispielamt werden künftig enger zusammen arbeiten.",
        [],
    ),
]

NAMED = [
    (  # R6 failed before: a pronoun named by a verb of naming refers back to the unit spoken of
        "Das Musteramt hat zwölf Mitarbeiter. Es heißt ab dem kommenden Jahr Amt für Beispielwesen.",
        [("Renaming", ["Musteramt"], ["Amt für Beispielwesen"])],
    ),
    (  # R6 must not fire: "Es heißt, ..." is "it is said"; the change after it is the other unit's
        "Das Musteramt hat zwölf Mitarbeiter. Es heißt, das Beispielamt heiße künftig Amt für Probe.",
        [("Renaming", ["Beispielamt"], ["Amt für Probe"])],
    ),
]

TAKEN = [
    (  # R7 failed before: a person takes units into the own portfolio
        "Stadtrat Max Beispiel übernimmt das Musteramt sowie das Beispielamt in seinen Bereich.",
        [("Relocation", ["Musteramt", "Beispielamt"], ["Musteramt", "Beispielamt"])],
    ),
    (  # R7 must not fire: without the possessive phrase a person takes over a unit's lead
        "Stadtrat Max Beispiel übernimmt das Musteramt.",
        [],
    ),
]


@pytest.mark.parametrize(
    ("body", "events"), CASES + PORTFOLIO + PRECISION + RELATIVES + APART + NAMED + TAKEN
)
def test_round13_event_rules(body: str, events: list[tuple]) -> None:
    assert events_in(body) == events
