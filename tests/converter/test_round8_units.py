"""Round-8 rules for unit names, stated from German morphology and syntax: each rule with sentences of our
own, one the converter read wrongly before the rule and one where the rule must not fire. Evidence by dev
halves: docs/converter.md, "Round 8" (conv-units8)."""

from __future__ import annotations

import pytest

from kommgraph.convert.extract.units import find_mentions


def _names(sentence: str) -> list[str | None]:
    return [m.name for m in find_mentions(sentence)]


@pytest.mark.parametrize(
    ("sentence", "names"),
    [  # the yard of the authority's works: "-hof" after Bau-, Werk-, Betriebs-
        ("Der Bauhof übernimmt den Winterdienst.", ["Bauhof"]),
        ("Der Werkhof zieht an den Stadtrand.", ["Werkhof"]),
        ("Der neue Baubetriebshof wird dem Tiefbauamt zugeordnet.", ["Baubetriebshof", "Tiefbauamt"]),
        # other "-hof" nouns are places, not units
        ("Der Friedhof und der Bahnhof werden saniert.", []),
    ],
)
def test_yards_of_works(sentence: str, names: list[str]) -> None:
    assert _names(sentence) == names


@pytest.mark.parametrize(
    ("sentence", "names"),
    [  # quoted names after a plural head in the genitive, with adjectives between article and head
        (
            "Der Betrieb entstand aus der Fusion der früher selbständigen Bereiche „Bauhof und "
            "Friedhöfe“ sowie „Wasser und Kanal“.",
            ["Bereich Bauhof und Friedhöfe", "Bereich Wasser und Kanal"],
        ),
        # a quoted name keeps its commas; a quoted name with a head of its own takes no second head
        (
            "Ihre Bereiche „Bäderamt“ sowie „Märkte, Plakate und Feste“ werden verlegt.",
            ["Bäderamt", "Bereich Märkte, Plakate und Feste"],
        ),
        # without quotes, a genitive plural "Bereiche" names fields of work, not units
        ("Die Leitung der Bereiche Bau und Umwelt übernimmt Frau Muster.", []),
    ],
)
def test_quoted_names_after_plural_heads(sentence: str, names: list[str]) -> None:
    assert _names(sentence) == names


@pytest.mark.parametrize(
    ("sentence", "names"),
    [  # "und -planung": the second part of a compound after a hyphen continues the name
        (
            "Der Fachdienst Grünflächenpflege und -planung wird gebildet.",
            ["Fachdienst Grünflächenpflege und -planung"],
        ),
        ("Das Amt für Stadtentwicklung und -planung entsteht.", ["Amt für Stadtentwicklung und -planung"]),
        # a dash between words is no hyphenated part
        ("Die Abteilung Bau und - wie bisher - die Planung bleiben.", ["Abteilung Bau"]),
    ],
)
def test_hyphenated_second_part(sentence: str, names: list[str]) -> None:
    assert _names(sentence) == names


@pytest.mark.parametrize(
    ("sentence", "names"),
    [  # the town's own police is an institution of the authority, like its archive
        ("Die Stadtpolizei wird dem Ordnungsamt zugeordnet.", ["Stadtpolizei", "Ordnungsamt"]),
        ("Die Gemeindepolizei bekommt zwei Stellen mehr.", ["Gemeindepolizei"]),
        # the state's police is another body
        ("Die Landespolizei unterstützt den Einsatz.", []),
    ],
)
def test_own_police(sentence: str, names: list[str]) -> None:
    assert _names(sentence) == names


@pytest.mark.parametrize(
    ("sentence", "names"),
    [  # after "für" a list of fields: a compound on a unit ending after "und", without article, is a field
        (
            "Das Amt für Schulbau und Liegenschaftsverwaltung wird gebildet.",
            ["Amt für Schulbau und Liegenschaftsverwaltung"],
        ),
        (
            "Die Stabsstelle für Recht und Vertragsverwaltung entsteht.",
            ["Stabsstelle für Recht und Vertragsverwaltung"],
        ),
        # with an article, or with a name of its own after it, the compound is a unit of its own
        ("Das Amt für Umwelt und das Bauamt werden zusammengelegt.", ["Amt für Umwelt", "Bauamt"]),
        ("Das Amt für Schulen und Sportamt Nord werden verbunden.", ["Amt für Schulen", "Sportamt Nord"]),
    ],
)
def test_field_compound_after_fuer(sentence: str, names: list[str]) -> None:
    assert _names(sentence) == names


@pytest.mark.parametrize(
    ("sentence", "names"),
    [  # an item that is a compound on a unit ending has a head of its own: no second head before it
        (
            "Die Sachgebiete Bauamt, Standesamt und Gewerbeamt bitten um Terminvereinbarung.",
            ["Bauamt", "Standesamt", "Gewerbeamt"],
        ),
        # a single word that names a unit by itself (a yard of the works) too
        ("Die Bereiche Bauhof und Werkhof werden zusammengelegt.", ["Bauhof", "Werkhof"]),
        # one item a field: every item keeps the plural head
        (
            "Die Bereiche Hochbau sowie Bauhof werden zusammengefasst.",
            ["Bereich Hochbau", "Bereich Bauhof"],
        ),
        # items that are fields take the plural head
        (
            "Die Abteilungen Bau, Planung und Vermessung werden zusammengelegt.",
            ["Abteilung Bau", "Abteilung Planung", "Abteilung Vermessung"],
        ),
    ],
)
def test_list_items_with_own_head(sentence: str, names: list[str]) -> None:
    assert _names(sentence) == names


@pytest.mark.parametrize(
    ("sentence", "names"),
    [  # truncated compounds, each with an article of its own: one unit per part, with the last unit ending
        (
            "Sie informieren über die Aufgaben der Musik-, der Jugend- und der Seniorenabteilung.",
            ["Musikabteilung", "Jugendabteilung", "Seniorenabteilung"],
        ),
        ("Neu entstehen die Steuer- und die Sozialdirektion.", ["Steuerdirektion", "Sozialdirektion"]),
        # without a second article the coordination is one name
        ("Das Forst- und Jagdamt wird gebildet.", ["Forst- und Jagdamt"]),
        # the last compound names no unit: no parts either
        ("Die Hoch- und die Tiefbauarbeiten beginnen.", []),
    ],
)
def test_truncated_parts_with_articles(sentence: str, names: list[str]) -> None:
    assert _names(sentence) == names


@pytest.mark.parametrize(
    ("sentence", "names"),
    [  # a demonstrative with "für" stands for the head named before: one unit, its name the whole list
        (
            "Die Abteilung für Sport wird aufgelöst, sie wird in jene für Kultur und Bildung integriert.",
            ["Abteilung für Sport", "Abteilung für Kultur und Bildung"],
        ),
        # without a head before, the demonstrative stands for nothing
        ("Das sind jene für die Zukunft.", []),
    ],
)
def test_demonstrative_for_head(sentence: str, names: list[str]) -> None:
    assert _names(sentence) == names


@pytest.mark.parametrize(
    ("sentence", "names"),
    [  # a hyphenated spelling of an excluded compound is excluded too: the mayor's office is a post
        ("Er scheidet zum Jahresende aus dem Bürgermeister-Amt aus.", []),
        # a hyphenated unit compound stays a unit
        ("Das Bau-Amt zieht um.", ["Bau-Amt"]),
    ],
)
def test_hyphenated_spelling_of_excluded_compound(sentence: str, names: list[str]) -> None:
    assert _names(sentence) == names
