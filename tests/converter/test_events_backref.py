"""A pronoun subject that refers back to the unit of the previous sentence, in a sentence of two clauses.

The pronoun is replaced by a placeholder for the unit spoken of, numbered after the sentence's own
mentions; the next clause's topic must be read from the same numbering (it once indexed the sentence's
own list and crashed on real text).
"""

from __future__ import annotations

from pathlib import Path

from kommgraph.convert.extract import extract
from kommgraph.store.sources import SourceDocument


def test_pronoun_subject_of_the_first_of_two_clauses() -> None:
    body = (
        "Das Amt für Straßenbau ist seit Jahren für die Brücken zuständig. "
        "Es wird zum 1. Mai 2024 aufgelöst; seine Aufgaben übernimmt das Tiefbauamt."
    )
    facts = extract(SourceDocument(path=Path("t.txt"), text=f"Beispielstadt, 5. Mai 2021.\n\n{body}\n"))
    assert [(e.event_type, e.original, e.resulting, e.effective.value) for e in facts.events] == [
        ("Dissolution", ["Amt für Straßenbau"], [], "2024-05-01"),
        ("TransferOfFunctions", ["Amt für Straßenbau"], ["Tiefbauamt"], "2024-05-01"),
    ]
