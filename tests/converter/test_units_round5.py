"""Unit rules of round 5 (issue 10): name boundaries on unseen text.

Each rule has a case it must change and a case it must leave alone, written from the construction.
"""

from __future__ import annotations

import pytest

from kommgraph.convert.extract.sentences import split
from kommgraph.convert.extract.units import find_mentions


def named(text: str) -> list[tuple[str | None, tuple[str, ...]]]:
    return [(m.name, m.aliases) for m in find_mentions(text) if m.name]


def sentences(text: str) -> list[str]:
    return [s.folded for s in split(text)]


LONG = "Dies ist eine gewöhnliche Zeile eines Textes, die so lang ist wie die anderen Zeilen hier."


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a quotation opened with „ and not closed on the line goes on in the next line
        (f"{LONG}\nDas Amt heißt „Muster\nProbe“ ab Mai.", [LONG, "Das Amt heißt „Muster Probe“ ab Mai."]),
        # a line that ends in a conjunction, article or preposition goes on
        (f"{LONG}\nDas Amt für Muster und\nProbe zieht um.",
         [LONG, "Das Amt für Muster und Probe zieht um."]),
        # a short line closed by its quote is a heading of its own
        (f"{LONG}\nDas „Musteramt“\nProbe zieht um.", [LONG, "Das „Musteramt“", "Probe zieht um."]),
        (f"{LONG}\nNeues Musteramt\nProbe zieht um.", [LONG, "Neues Musteramt", "Probe zieht um."]),
    ],
)  # fmt: skip
def test_line_break_inside_a_sentence(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a short form given by "kurz"/"abgekürzt" in an apposition or in brackets is an altLabel
        ("Die Stabsstelle Muster, kurz SMP, wird gegründet.", [("Stabsstelle Muster", ("SMP",))]),
        ("Das Amt für Muster (kurz: AfM) zieht um.", [("Amt für Muster", ("AfM",))]),
        ("Das Beispielamt, abgekürzt „BA“, zieht um.", [("Beispielamt", ("BA",))]),
        # "kurz" as an adverb gives no short form
        ("Das Beispielamt, kurz gesagt, zieht um.", [("Beispielamt", ())]),
        ("Das Beispielamt, kurz danach, zieht um.", [("Beispielamt", ())]),
    ],
)  # fmt: skip
def test_short_form_in_an_apposition(text: str, expected: list[tuple[str, tuple[str, ...]]]) -> None:
    assert named(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a demonstrative with a genitive stands for a same-named unit of another owner: owners join the names
        ("Die IT-Abteilung des Rates sowie jene des Klinikums (MK) und des Verbunds ziehen um.",
         ["IT-Abteilung des Rates", "IT-Abteilung des Klinikums", "IT-Abteilung des Verbunds"]),
        ("Die Personalabteilung des Landratsamtes und die der Stadt werden zusammengelegt.",
         ["Personalabteilung des Landratsamtes", "Personalabteilung der Stadt"]),
        ("Das Amt für Muster des Kantons Probe und jenes des Kantons Beispiel werden vereint.",
         ["Amt für Muster des Kantons Probe", "Amt für Muster des Kantons Beispiel"]),
        # without the demonstrative the owner stays outside the name
        ("Die Rechtsabteilung der Stadt zieht um.", ["Rechtsabteilung"]),
        ("Die Personalabteilung des Landratsamtes und die Stadt einigen sich.", ["Personalabteilung"]),
    ],
)  # fmt: skip
def test_owners_tell_same_named_units_apart(text: str, expected: list[str]) -> None:
    assert [name for name, _ in named(text)] == expected
