"""A district title before a town's short name: the district named after that town with an addition."""

from __future__ import annotations

from kommgraph import places


def _mentioned(text: str) -> list[list[str]]:
    return [[p.short for p in m.place_candidates] for m in places.mentions(text)]


def test_a_district_office_with_the_seat_s_short_name_is_the_district() -> None:
    # the Landkreis is called "Neumarkt i. d. OPf."; texts write "Landratsamt Neumarkt"
    assert _mentioned("Das Landratsamt Neumarkt zieht um.") == [["Landkreis Neumarkt i. d. OPf."]]


def test_a_town_title_before_the_short_name_stays_the_town() -> None:
    found = _mentioned("Die Stadt Neumarkt zieht um.")
    assert found and all(not name.startswith("Landkreis") for name in found[0])
