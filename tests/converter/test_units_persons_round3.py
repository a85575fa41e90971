"""Person rules of round 3 (issue 10): bylines are no office holders, a genitive name is a name."""

from __future__ import annotations

import pytest

from kommgraph.convert.extract.persons import find_persons


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Erst wenn die Richter über Ernst Müllers Klage entschieden haben.", [("Ernst Müller", "Member")]),
        ("Birgit Keller Ministerin für Infrastruktur", [("Birgit Keller", "Member")]),
        ("Karin Istel, FinkenwerderZehn Jahre hat es gedauert.", []),
        ("von Mathias Schranz", []),
        ("Regula Weik", []),
        ("Anna Meier, Hamburg", []),
        ("Manfred Korzil (Geschäftsbereich V)  |  NOEN, Franz Baldauf", [("Manfred Korzil", "Member")]),
        ("Anna Meier, Bürgermeisterin", [("Anna Meier", "Mayor")]),
        ("Anna Meier, Amtsleiterin", [("Anna Meier", "Head")]),
    ],
)  # fmt: skip
def test_bylines_and_genitive_names(sentence: str, expected: list) -> None:
    assert [(p.name, p.role) for p in find_persons(sentence, None, False)] == expected
