"""A district title before a town's short name: the district named after that town with an addition.

In the gazetteer only one district is reached this way (its short name is shared by two towns, so it is no
alias of the district): the test has to name it.
"""

from __future__ import annotations

from kommgraph import places


def _mentioned(text: str) -> list[list[str]]:
    return [[p.short for p in m.place_candidates] for m in places.mentions(text)]


def test_a_district_office_with_the_seat_s_short_name_is_the_district() -> None:
    assert _mentioned("Ins Landratsamt Landsberg kommen zwei neue Sachgebiete.") == [
        ["Landkreis Landsberg am Lech"]
    ]


def test_a_town_title_before_the_short_name_stays_the_town() -> None:
    found = _mentioned("Die Stadt Landsberg bekommt zwei neue Sachgebiete.")
    assert found and all(not name.startswith("Landkreis") for name in found[0])
