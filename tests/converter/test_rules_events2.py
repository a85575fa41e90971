"""Event rules of the second round (issue 10): one short sentence per rule, own wording."""

from __future__ import annotations

from pathlib import Path

import pytest

from kommgraph.convert.extract import extract
from kommgraph.convert.extract.model import DateValue
from kommgraph.convert.extract.units import find_mentions
from kommgraph.store.sources import SourceDocument


def _events(body: str) -> list[tuple]:
    facts = extract(SourceDocument(path=Path("t.txt"), text=f"Musterstadt, 2. November 2020.\n\n{body}\n"))
    return [(e.event_type, e.original, e.resulting, e.effective) for e in facts.events]


@pytest.mark.parametrize(
    ("body", "events"),
    [
        (
            "Die Bezeichnung „Amt für Sport“ wird in „Amt für Sport und Freizeit“ geändert.",
            [("Renaming", ["Amt für Sport"], ["Amt für Sport und Freizeit"], None)],
        ),
        (
            "Das Amt für Recht und Ordnung wird zum 1. Januar 2021 getrennt. Künftig gibt es wieder "
            "ein eigenes Rechtsamt und ein eigenes Ordnungsamt.",
            [("Split", ["Amt für Recht und Ordnung"], ["Rechtsamt", "Ordnungsamt"], DateValue("2021-01-01"))],
        ),
        (
            "Das Ordnungsamt wird zum 1. März neu strukturiert.",
            [("ChangeEvent", ["Ordnungsamt"], ["Ordnungsamt"], DateValue("2021-03-01"))],
        ),
        (
            "Die Stadt hat ihr Hauptamt neu aufgestellt. Das Hauptamt und das Personalamt wurden zum "
            "Amt für Zentrale Dienste zusammengelegt.",
            [("Merger", ["Hauptamt", "Personalamt"], ["Amt für Zentrale Dienste"], None)],
        ),
        (
            "Die Stadt gründet das Amt für Bildung. In dem Amt für Bildung soll auch die bisherige "
            "Stabsstelle Schulentwicklung aufgehen.",
            [
                ("Founding", [], ["Amt für Bildung"], None),
                ("Absorption", ["Stabsstelle Schulentwicklung"], ["Amt für Bildung"], None),
            ],
        ),
        ("Damit wird die Zuordnung des früheren Ordnungsamts zum Rechtsamt aufgehoben.", []),
        (
            "Die Stadt hat die Auflösung des Ordnungsamts beschlossen.",
            [("Dissolution", ["Ordnungsamt"], [], None)],
        ),
        ("Ihr Vertreter war Udo Huber, der zurück in die Landesamtsdirektion wechselt.", []),
        ("Amtsleiter Reinhard Kober wechselt am 1. Mai an die Spitze des Schulverwaltungsamtes.", []),
        (
            "Die Zuständigkeit für Märkte wechselt vom Bauamt zum Ordnungsamt.",
            [("TransferOfFunctions", ["Bauamt"], ["Ordnungsamt"], None)],
        ),
        (
            "Zu ihm gehören das bisherige Umweltamt, das Gesundheitsamt sowie ein neues Amt für Mobilität.",
            [("Founding", [], ["Amt für Mobilität"], None)],
        ),
        (
            "Das Bürgeramt übernimmt die Aufgaben des Standesamts.",
            [("TransferOfFunctions", ["Standesamt"], ["Bürgeramt"], None)],
        ),
        ("Das Bürgeramt übernimmt das Standesamt.", [("Absorption", ["Standesamt"], ["Bürgeramt"], None)]),
        (
            "Die Aufgaben des Sportamts gehen an das Kulturamt über.",
            [("TransferOfFunctions", ["Sportamt"], ["Kulturamt"], None)],
        ),
        (
            "Das Sportamt wird aufgelöst und das Amt für Bewegung gegründet.",
            [("Dissolution", ["Sportamt"], [], None), ("Founding", [], ["Amt für Bewegung"], None)],
        ),
        (
            "Der Rat will die Zusammenlegung der Ämter für Sport und für Kultur zu einem Amt für Freizeit.",
            [("Merger", ["Amt für Sport", "Amt für Kultur"], ["Amt für Freizeit"], None)],
        ),
        (
            "Die Stadt richtet eine Stabsstelle Digitalisierung ein. "
            "Sie soll zum 1. April ihre Arbeit aufnehmen.",
            [("Founding", [], ["Stabsstelle Digitalisierung"], DateValue("2021-04-01"))],
        ),
        (
            "Das Ordnungsamt und das Bürgeramt werden zusammengelegt. "
            "Das neue Amt heißt Amt für Bürgerdienste.",
            [("Merger", ["Ordnungsamt", "Bürgeramt"], ["Amt für Bürgerdienste"], None)],
        ),
        (
            "Künftig bilden das Amt für Sport und das Amt für Kultur gemeinsam das Amt für Freizeit.",
            [("Merger", ["Amt für Sport", "Amt für Kultur"], ["Amt für Freizeit"], None)],
        ),
    ],
)
def test_event_rules(body: str, events: list[tuple]) -> None:
    assert _events(body) == events


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ('Er teilt mit, dass der "Koordinierungsstab Flüchtlingspolitik" aufgelöst wird.',
         ["Koordinierungsstab Flüchtlingspolitik"]),
        ("Der „Stab Planung, Grundsatzfragen und Sonderaufgaben“ bleibt.",
         ["Stab Planung, Grundsatzfragen und Sonderaufgaben"]),
        ("Der Krisenstab tagte.", ["Krisenstab"]),
        ("Zuständig ist die Pressestelle, Tel.: 0331 289.", ["Pressestelle"]),
        ("Der Bereich Stadt-, Verkehrsplanung und öffentlicher Raum entsteht.",
         ["Bereich Stadt-, Verkehrsplanung und öffentlicher Raum"]),
        ("Das setzt Maßstäbe, sagte er und übergab den Staffelstab.", []),
    ],
)  # fmt: skip
def test_stab_compounds_and_quoted_whole_names(text: str, names: list[str]) -> None:
    assert [m.name for m in find_mentions(text)] == names
