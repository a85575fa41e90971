"""Round 6 (issue 10): constructions of German that the converter missed, and the start-up helper.

Each rule has a sentence it must change (it failed before the rule) and one it must leave alone, written
from the construction, with names of no annotated text.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kommgraph.convert.extract import extract
from kommgraph.convert.extract.patterns import literal_alternation
from kommgraph.convert.extract.units import find_mentions
from kommgraph.store.sources import SourceDocument


def named(text: str) -> list[tuple[str, str]]:
    return [(m.name, m.unit_type) for m in find_mentions(text) if m.name]


def events(text: str) -> list[tuple[str, list[str], list[str], list[str]]]:
    doc = SourceDocument(path=Path("t.txt"), text=f"Musterstadt, 2. Mai 2024. {text}\n")
    return [(e.event_type, e.original, e.resulting, e.functions) for e in extract(doc).events]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a plural genitive with capitalised adjectives is a proper name: it belongs to the owned head
        ("Das Departement der Technischen Dienste wird aufgelöst.",
         [("Departement der Technischen Dienste", "OtherUnit")]),
        ("Drei Departemente (Baudepartement, Departement der Städtischen Werke, Schuldepartement)",
         [("Baudepartement", "OtherUnit"), ("Departement der Städtischen Werke", "OtherUnit"),
          ("Schuldepartement", "OtherUnit")]),
        # a lower-case adjective is an ordinary genitive, no name
        ("Das Büro der neuen Mitarbeiter wird aufgelöst.", []),
        # an owner that is a person's office stays as before
        ("Das Büro des Bürgermeisters wird aufgelöst.", [("Büro des Bürgermeisters", "OtherUnit")]),
    ],
)  # fmt: skip
def test_genitive_owner_with_a_capitalised_adjective(text: str, expected: list[tuple[str, str]]) -> None:
    assert named(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an Austrian district authority is named by its seat, with or without "in"
        ("Die Bezirkshauptmannschaft Musterbach wird aufgelöst.",
         [("Bezirkshauptmannschaft Musterbach", "OtherUnit")]),
        ("Die Bezirkshauptmannschaft in Musterbach wird aufgelöst.",
         [("Bezirkshauptmannschaft in Musterbach", "OtherUnit")]),
        # its units keep their own names
        ("Die Abteilung Soziales der Bezirkshauptmannschaft Musterbach zieht um.",
         [("Abteilung Soziales", "Abteilung"), ("Bezirkshauptmannschaft Musterbach", "OtherUnit")]),
        # without a seat, or in the plural, it names none
        ("Die Bezirkshauptmannschaft wird aufgelöst.", []),
        ("Neben den Bezirkshauptmannschaften bleiben alle Außenstellen erhalten.", []),
    ],
)  # fmt: skip
def test_district_authority_named_by_its_seat(text: str, expected: list[tuple[str, str]]) -> None:
    assert named(text) == expected


def test_district_authority_dissolved() -> None:
    assert events("Die Bezirkshauptmannschaft in Musterbach wird aufgelöst.") == [
        ("Dissolution", ["Bezirkshauptmannschaft in Musterbach"], [], [])
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "X wird künftig vom Y betreut": Y takes X on (a cue of change before the agent)
        ("Die Schuldnerberatung wird künftig vom Musteramt betreut.",
         [("TransferOfFunctions", [], ["Musteramt"], ["Schuldnerberatung"])]),
        ("Die Aufgaben des Probeamtes werden ab 1. Juli vom Musteramt bearbeitet.",
         [("TransferOfFunctions", ["Probeamt"], ["Musteramt"], [])]),
        # without a cue, or with "weiterhin", a standing arrangement: no change
        ("Die Schuldnerberatung wird vom Musteramt betreut.", []),
        ("Die Schuldnerberatung wird auch weiterhin vom Musteramt betreut.", []),
    ],
)  # fmt: skip
def test_looked_after_from_now_on(text: str, expected: list) -> None:
    assert events(text) == expected


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        (["Amtsleiterin", "Amtsleiter", "Amt"], "Amt(?:sleiter(?:in)?)?"),
        (["ab", "ac", "a"], "a(?:b|c)?"),
        # a shorter word before a longer one it starts: the plain alternation keeps that order
        (["Amt", "Amtsleiter"], "Amt|Amtsleiter"),
        (["Dr.", "Prof."], r"(?:Dr\.|Prof\.)"),
    ],
)
def test_literal_alternation_factors_prefixes(words: list[str], expected: str) -> None:
    assert literal_alternation(words) == expected


WORDS = ["Bürgermeisterin", "Bürgermeister", "Bürger", "Beigeordnete", "Beigeordneter", "Amt", "Amtsleiter"]


@pytest.mark.parametrize(
    "text",
    ["die Bürgermeisterin Anna", "Bürgermeister und Beigeordneter", "Amtsleiterin Amt", "Bürgersteig", "Be"],
)
@pytest.mark.parametrize("after", ["", r"\b", r"\s+\w+", r"in\b"])
def test_literal_alternation_matches_as_the_plain_one(text: str, after: str) -> None:
    ordered = sorted(WORDS, key=len, reverse=True)
    plain = re.compile(f"(?:{'|'.join(map(re.escape, ordered))}){after}")
    factored = re.compile(f"(?:{literal_alternation(ordered)}){after}")
    assert [m.span() for m in factored.finditer(text)] == [m.span() for m in plain.finditer(text)]
