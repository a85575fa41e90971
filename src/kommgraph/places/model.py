"""The records the gazetteer hands out."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Place:
    """One municipality, district, Land or canton.

    key: Germany the AGS (8 digits municipality, 5 digits Kreis, 2 digits Land); Austria "AT-" + the number
    of Statistik Austria (Gemeinde "AT-60101", Bezirk "AT-601", Land "AT-6"); Switzerland "CH-" + the
    BFS-Gemeindenummer ("CH-261"), "CH-B" + the BFS district number ("CH-B112"), "CH-" + the canton
    abbreviation ("CH-ZH"). short: the usual name ("Kassel", "Landkreis Gießen", "Bezirk Baden").
    """

    key: str
    name: str
    short: str
    kind: str
    country: str
    state: str
    parent_key: str | None
    population: int = 0


@dataclass(frozen=True)
class Mention:
    """A place name found in a text: text[start:end], with the places it may mean, likeliest first."""

    start: int
    end: int
    place_candidates: tuple[Place, ...]
