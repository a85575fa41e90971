"""Round-10 rules for unit names, stated from German morphology and syntax: each rule with sentences of our
own, one the converter read wrongly before the rule and one where the rule must not fire. Evidence by dev
halves: docs/converter.md, "Round 10: unit names" (conv-units10)."""

from __future__ import annotations

import pytest

from kommgraph.convert.extract.pipeline import _about_state_body
from kommgraph.convert.extract.units import find_mentions


def _names(sentence: str, other_bodies: bool = True) -> list[str | None]:
    return [m.name for m in find_mentions(sentence, other_bodies=other_bodies)]


def _aliases(sentence: str, other_bodies: bool = True) -> list[tuple[str, ...]]:
    return [m.aliases for m in find_mentions(sentence, other_bodies=other_bodies)]


@pytest.mark.parametrize(
    ("lead", "about"),
    [  # a text that opens with a state agency (Landesamt, Regierungspräsidium, ...) is about a state body
        ("Das neue Landesamt für Musterwesen nimmt im August seine Arbeit auf.", True),
        ("An der Spitze des Regierungspräsidiums Beispielfeld gibt es einen Wechsel.", True),
        ("Die Landesdirektion Probeland hat eine neue Präsidentin.", True),
        ("Zwei Bezirksregierungen bekommen neue Präsidenten.", True),
        # must not fire: a town's text that names a state agency stays about the town
        ("Die Stadt hat beim Regierungspräsidium einen Antrag gestellt.", False),
        ("Das Ordnungsamt zieht in neue Räume.", False),
    ],
)
def test_state_agency_makes_a_state_text(lead: str, about: bool) -> None:
    assert _about_state_body(None, lead) is about


@pytest.mark.parametrize(
    ("sentence", "names"),
    [  # in a state text, a state agency in the genitive is named in the nominative, with its seat or field
        ("An der Spitze des Regierungspräsidiums Beispielfeld gibt es einen Wechsel.",
         ["Regierungspräsidium Beispielfeld"]),
        ("Sie leitet künftig die Landesdirektion Probeland.", ["Landesdirektion Probeland"]),
        ("Die Aufsicht liegt beim Referat des Ministeriums für Muster und Probe.",
         [None, "Ministerium für Muster und Probe"]),
        ("Er wechselt an die Spitze der Bezirksregierung in Beispielfeld.",
         ["Bezirksregierung in Beispielfeld"]),
    ],
)  # fmt: skip
def test_state_agencies_in_a_state_text(sentence: str, names: list[str | None]) -> None:
    assert _names(sentence, other_bodies=False) == names


@pytest.mark.parametrize(
    "sentence",
    [  # must not fire: in a town's text the same agencies are other bodies
        "An der Spitze des Regierungspräsidiums Beispielfeld gibt es einen Wechsel.",
        "Sie leitet künftig die Landesdirektion Probeland.",
    ],
)
def test_state_agencies_in_a_town_text(sentence: str) -> None:
    assert _names(sentence) == []


def test_a_seat_after_in_is_also_named_after_the_head() -> None:
    sentence = "Er wechselt an die Spitze der Bezirksregierung in Beispielfeld."
    assert _aliases(sentence, other_bodies=False) == [("Bezirksregierung Beispielfeld",)]


@pytest.mark.parametrize(
    ("sentence", "names", "aliases"),
    [  # a compound named by its seat (a place the gazetteer knows) or a point of the compass after it
        ("Das Jobcenter Kassel zieht um.", ["Jobcenter Kassel"], [("Jobcenter",)]),
        ("Das Staatliche Bauamt Kassel baut.", ["Staatliches Bauamt Kassel"], [("Staatliches Bauamt",)]),
        ("Das Bürgerbüro Nord schließt.", ["Bürgerbüro Nord"], [("Bürgerbüro",)]),
        # must not fire: a common noun after the compound starts a phrase of its own
        ("Er sagt, dass das Bauamt Anträge prüft.", ["Bauamt"], [()]),
        ("Das Bauamt Kassels Nachbarn zieht um.", ["Bauamt"], [()]),
    ],
)
def test_compound_named_by_its_seat(sentence: str, names: list[str], aliases: list[tuple[str, ...]]) -> None:
    assert (_names(sentence), _aliases(sentence)) == (names, aliases)


def test_a_seated_unit_and_its_bare_name_are_one_unit() -> None:
    from kommgraph.convert.extract.merge import _same_unit_names
    from kommgraph.convert.extract.model import Facts, Span, Unit

    def unit(name: str, at: int, aliases: tuple[str, ...] = ()) -> Unit:
        return Unit(name, "OtherUnit", evidence=[Span(at, at + 10)], aliases=list(aliases))

    facts = Facts(None)
    facts.units = {
        "Bauamt Kassel": unit("Bauamt Kassel", 0, ("Bauamt",)),
        "Bauamt": unit("Bauamt", 20),
        "Bürgeramt Nord": unit("Bürgeramt Nord", 40, ("Bürgeramt",)),
        "Bürgeramt Süd": unit("Bürgeramt Süd", 60, ("Bürgeramt",)),
        "Bürgeramt": unit("Bürgeramt", 80),
    }
    _same_unit_names(facts)
    assert [(u.name, u.aliases) for u in facts.units.values()] == [
        ("Bauamt", ["Bauamt Kassel"]),
        ("Bürgeramt Nord", ["Bürgeramt"]),
        ("Bürgeramt Süd", ["Bürgeramt"]),
        ("Bürgeramt", []),
    ]


@pytest.mark.parametrize(
    ("sentence", "names"),
    [  # a unit compound right after a plain head is the head's name (an apposition)
        ("Die Aufgabe ist der Stabsstelle Zentraler Musterdienst zugeordnet.",
         ["Stabsstelle Zentraler Musterdienst"]),
        ("Heute bleibt die Abteilung Muster- und Probeverwaltung geschlossen.",
         ["Abteilung Muster- und Probeverwaltung"]),
        ("Die Fachabteilung Musteramt zieht um.", ["Fachabteilung Musteramt"]),
        # must not fire: a list of fields after the head, a standalone name
        ("Das Dezernat Musterdienst und Probe entsteht.", [None, "Musterdienst"]),
        ("Die Stabsstelle Bürgerservice zieht um.", ["Stabsstelle Bürgerservice"]),
    ],
)  # fmt: skip
def test_plain_head_named_by_a_compound(sentence: str, names: list[str]) -> None:
    assert _names(sentence) == names
