"""Dates: a reorganisation put into force as a whole, Swiss "auf den", participles of past changes."""

from __future__ import annotations

from pathlib import Path

import pytest

from kommgraph.convert.extract import extract
from kommgraph.convert.extract.dates import enactment_date, find_dates
from kommgraph.convert.extract.model import DateValue
from kommgraph.store.sources import read_source

PUBLISHED = DateValue("2024-07-10")


@pytest.mark.parametrize(
    "sentences, expected",
    [
        (["Die Organisationsverfügung soll zum 01.03.2025 wirksam werden."], "2025-03-01"),
        (["Unter Berücksichtigung der Frist wird sie auf den 1. Mai 2025 in Kraft gesetzt."], "2025-05-01"),
        (["Die neue Struktur gilt ab 1. Oktober 2024."], "2024-10-01"),
        (["Am 1. Januar 2018 trat das neue Gemeindegesetz in Kraft."], None),  # background, past tense
        (["Die Gebühren steigen zum 1. Mai 2025."], None),  # nothing put into force
        (
            [
                "Die Änderungen treten zum 1. März 2025 in Kraft.",
                "Die Verordnung tritt zum 1. April 2025 in Kraft.",
            ],
            "2025-04-01",
        ),
    ],
)
def test_enactment_date(sentences: list[str], expected: str | None) -> None:
    found = enactment_date(sentences, PUBLISHED)
    assert (found.value if found else None) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Sie leitet die im Januar neu geschaffene Stabsstelle.", ["2024-01"]),
        ("Die zum 1. März eingerichtete Stelle arbeitet schon.", ["2024-03-01"]),
        ("Ab Januar gelten neue Regeln.", ["2025-01"]),
        ("Die ab Januar zuständige Stelle zieht um.", ["2025-01"]),
    ],
)
def test_a_participle_after_a_date_without_year_means_it_has_passed(text: str, expected: list[str]) -> None:
    assert [d.value.value for d in find_dates(text, PUBLISHED)] == expected


def test_changes_dated_nowhere_else_take_the_enactment_date(tmp_path: Path) -> None:
    path = tmp_path / "x.txt"
    path.write_text(
        "title: Neue Organisation\npublished: 2024-07-10\n---\nNeue Organisation\n\n"
        "Das Amt für Ordnung wird in Amt für Sicherheit umbenannt. "
        "Die Verordnung wird auf den 1. Januar 2025 in Kraft gesetzt.\n",
        encoding="utf-8",
    )
    events = extract(read_source(path)).events
    assert [(e.event_type, e.effective.value if e.effective else None) for e in events] == [
        ("Renaming", "2025-01-01")
    ]
