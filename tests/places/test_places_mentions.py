"""mentions: spans, titles, genitive, longest match, and the common words that are not places."""

from __future__ import annotations

import pytest

from kommgraph.places import mentions


def found(text: str) -> list[tuple[int, int, str, str]]:
    return [(m.start, m.end, text[m.start : m.end], m.place_candidates[0].key) for m in mentions(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Der Landkreis Gießen plant.", [(4, 20, "Landkreis Gießen", "06531")]),
        (
            "Die Stadt Kassel und Kassels Bürger.",
            [(4, 16, "Stadt Kassel", "06611000"), (21, 28, "Kassels", "06611000")],
        ),
        (
            "Offenbach am Main grenzt an Frankfurt.",
            [(0, 17, "Offenbach am Main", "06413000"), (28, 37, "Frankfurt", "06412000")],
        ),
        ("Aus Frankfurt (Oder) kam Post.", [(4, 20, "Frankfurt (Oder)", "12053000")]),
        ("Im Rhein-Sieg-Kreis wird gebaut.", [(3, 19, "Rhein-Sieg-Kreis", "05382")]),
        ("Des Rhein-Sieg-Kreises Amt.", [(4, 22, "Rhein-Sieg-Kreises", "05382")]),
        ("Die Hansestadt Lübeck meldet.", [(4, 21, "Hansestadt Lübeck", "01003000")]),
        ("Die Lutherstadt Wittenberg meldet.", [(4, 26, "Lutherstadt Wittenberg", "15091375")]),
        ("Der Markt Berchtesgaden meldet.", [(4, 23, "Markt Berchtesgaden", "09172116")]),
        ("Die Landeshauptstadt Wiesbaden meldet.", [(4, 30, "Landeshauptstadt Wiesbaden", "06414000")]),
        ("Im Kanton Bern und in Wien.", [(3, 14, "Kanton Bern", "CH-BE"), (22, 26, "Wien", "AT-90001")]),
        (
            "Der Kreis Gießen und die Universitätsstadt Gießen.",
            [(4, 16, "Kreis Gießen", "06531"), (25, 49, "Universitätsstadt Gießen", "06531005")],
        ),
        (
            "Die Stadt Hof und der Landkreis Hof.",
            [(4, 13, "Stadt Hof", "09464000"), (22, 35, "Landkreis Hof", "09475")],
        ),
        (
            "Seit 2020 in Essen und Weil am Rhein.",
            [(13, 18, "Essen", "05113000"), (23, 36, "Weil am Rhein", "08336091")],
        ),
        ("Die Stadt Essen meldet.", [(4, 15, "Stadt Essen", "05113000")]),
        ("Der Freistaat Bayern und Hessen.", [(4, 20, "Freistaat Bayern", "09"), (25, 31, "Hessen", "06")]),
        ("In GIESSEN und Muenchen.", [(3, 10, "GIESSEN", "06531005"), (15, 23, "Muenchen", "09162000")]),
        ("Die Stadt Zürich meldet.", [(4, 16, "Stadt Zürich", "CH-261")]),
        ("Die Stadt Graz meldet.", [(4, 14, "Stadt Graz", "AT-60101")]),
        ("Der Rat tagte in Weil. Weil es regnet.", [(17, 21, "Weil", "08336091")]),
        ("Nach Bautzen und Cottbus.", [(5, 12, "Bautzen", "14625020"), (17, 24, "Cottbus", "12052000")]),
    ],
)
def test_mentions(text, expected):
    assert found(text) == expected


def test_mention_candidates_are_ranked():
    (mention,) = mentions("Nachrichten aus Gießen.")
    assert [p.key for p in mention.place_candidates] == ["06531005", "06531"]


@pytest.mark.parametrize(
    "text",
    [
        "Nach dem Essen ging es weiter.",
        "Essen ist fertig.",
        "Weil der Rat zustimmte, geht es los.",
        "Das Elend der Haushalte.",
        "In den Kirchen wird gesammelt.",
        "Das Amt für Statistik zieht um.",
        "Am Ort des Geschehens.",
        "Im Wald und am See.",
        "Unter den Linden blüht es.",
        "Die Lage ist ernst.",
        "Auf dem Hof steht ein Wagen.",
        "Die Au ist überflutet.",
        "Halle 3 ist gesperrt.",
        "Laufen ist gesund.",
        "der landkreis gießen in kleinbuchstaben",
    ],
)
def test_common_words_are_not_places(text):
    assert found(text) == []


def test_mentions_of_empty_text():
    assert mentions("") == []
