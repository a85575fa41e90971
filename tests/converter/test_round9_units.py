"""Round-9 rules for unit names, stated from German morphology and syntax: each rule with sentences of our
own, one the converter read wrongly before the rule and one where the rule must not fire. Evidence by dev
halves: docs/converter.md ("Round 9", conv-units9)."""

from __future__ import annotations

import pytest

from kommgraph.convert.extract.units import find_mentions


def _names(sentence: str) -> list[str | None]:
    return [m.name for m in find_mentions(sentence)]


@pytest.mark.parametrize(
    ("sentence", "names"),
    [  # an "und" before the list's last comma joins two words of one item
        (
            "Zur Abteilung gehören die Bereiche Muster und Probe, Lehre und Forschung und Planung und Bau.",
            [None, "Bereich Muster und Probe", "Bereich Lehre und Forschung", "Bereich Planung und Bau"],
        ),
        (
            "Das Amt besteht aus den Sachgebieten Muster und Probe, Beispielwesen, Lehre und Forschung.",
            [
                None,
                "Sachgebiet Muster und Probe",
                "Sachgebiet Beispielwesen",
                "Sachgebiet Lehre",
                "Sachgebiet Forschung",
            ],
        ),
        # a list closed by "sowie" (also where "sowie" leads out of the list) keeps "und" inside its items
        (
            "Ihm unterstehen die Sachgebiete Muster, Lehre und Forschung, Planung und Bau sowie das Bauamt.",
            ["Sachgebiet Muster", "Sachgebiet Lehre und Forschung", "Sachgebiet Planung und Bau", "Bauamt"],
        ),
        # must not fire: one closing "und"
        (
            "Neu sind die Abteilungen Muster, Probe und Beispielwesen.",
            ["Abteilung Muster", "Abteilung Probe", "Abteilung Beispielwesen"],
        ),
    ],
)
def test_und_inside_list_items(sentence: str, names: list[str]) -> None:
    assert _names(sentence) == names


@pytest.mark.parametrize(
    ("sentence", "names"),
    [  # a kind prefix (Fach-, Verwaltungs-) before a head makes a head: named after it, bare it names none
        ("Neu ist die Fachabteilung Muster- und Probebau.", ["Fachabteilung Muster- und Probebau"]),
        ("Künftig gibt es pro Ressort eine Verwaltungsabteilung.", [None]),
        ("Geplant ist eine neue Fachabteilung unter dem Dach der Verwaltung.", [None]),
        # must not fire: a field before the head stays a compound that names a unit
        ("Die Bauabteilung zieht um.", ["Bauabteilung"]),
    ],
)
def test_kind_prefix_heads(sentence: str, names: list[str | None]) -> None:
    assert _names(sentence) == names


@pytest.mark.parametrize(
    ("sentence", "names"),
    [  # a list item of a name may start with inflected adjectives
        (
            "Die Ämter gehen in das Referat Muster, Probe, öffentliche Sicherheit und Ordnung über.",
            ["Referat Muster, Probe, öffentliche Sicherheit und Ordnung"],
        ),
        # must not fire: an article after the comma starts a unit of its own
        (
            "Das Referat Muster, das Bauamt und die Stadtkasse ziehen um.",
            ["Referat Muster", "Bauamt", "Stadtkasse"],
        ),
    ],
)
def test_adjectives_in_list_items(sentence: str, names: list[str | None]) -> None:
    assert _names(sentence) == names


@pytest.mark.parametrize(
    ("sentence", "names"),
    [  # a list without "und" after a singular head that ends the clause is the head's one name
        (
            "Sie führt weiter das Departement Muster, Probe, Beispielwesen.",
            ["Departement Muster, Probe, Beispielwesen"],
        ),
        (
            "Die Abteilung, die zur Direktion Muster, wirtschaftliche und ländliche Probe gehört, zieht um.",
            [None, "Direktion Muster, wirtschaftliche und ländliche Probe"],
        ),
        # must not fire: the list goes on past the clause (a comma and a lower-case word after one item)
        ("Das Amt Muster, erklärte sie, wird geteilt.", ["Amt Muster"]),
    ],
)
def test_list_name_ending_the_clause(sentence: str, names: list[str | None]) -> None:
    assert _names(sentence) == names


@pytest.mark.parametrize(
    ("sentence", "names"),
    [  # "Dezernat", "Referat" owned by the head of the administration (genitive)
        (
            "Das Amt wird ins Referat des Oberbürgermeisters integriert.",
            [None, "Referat des Oberbürgermeisters"],
        ),
        ("Zum Dezernat der Landrätin gehört das Bauamt.", ["Dezernat der Landrätin", "Bauamt"]),
        (
            "Die Ämter gehen an die Referate des Oberbürgermeisters und der Landrätin.",
            ["Referat des Oberbürgermeisters", "Referat der Landrätin"],
        ),
        # must not fire: another member of the executive names the portfolio by its fields
        ("Zum Dezernat des Kreisbeigeordneten gehört das Bauamt.", [None, "Bauamt"]),
    ],
)
def test_heads_owned_by_the_chief(sentence: str, names: list[str | None]) -> None:
    assert _names(sentence) == names


@pytest.mark.parametrize(
    ("sentence", "names"),
    [  # an enumeration of nouns with their own articles holds things of one kind: with a named unit in it,
        # an institution-like noun in it is a unit too
        (
            "Sie leitet das Amt Muster mit der Wirtschaftsförderung, den Beauftragten, dem Rechtsamt und "
            "der Pressestelle.",
            ["Amt Muster", "Wirtschaftsförderung", "Rechtsamt", "Pressestelle"],
        ),
        # must not fire: no named unit in the enumeration
        ("Wichtig sind die Wirtschaftsförderung, die Stadtplanung und die Entwicklung.", []),
    ],
)
def test_enumeration_with_a_unit(sentence: str, names: list[str | None]) -> None:
    assert _names(sentence) == names


@pytest.mark.parametrize(
    ("sentence", "names"),
    [  # a plural compound in the genitive ("der ...ämter") speaks of the kind, not of a group of units
        ("Das Projekt dient der Evaluierung der Musterämter im ganzen Land.", []),
        ("Das Jubiläum der Bezirksverwaltungsbehörden wird gefeiert.", []),
        # must not fire: a plural with a definite nominative article or a numeral names a group of units
        ("Die vier Musterämter werden zusammengelegt.", ["Musterämter"]),
    ],
)
def test_genitive_plural_compounds(sentence: str, names: list[str | None]) -> None:
    assert _names(sentence) == names


@pytest.mark.parametrize(
    ("sentence", "names"),
    [  # a compound on "-bereich" after "für die" names areas of work, like "Bereiche" does
        ("Die Stellen für die Geschäftsbereiche Muster, Probe und Beispielwesen werden ausgeschrieben.", []),
        # must not fire: as subject the plural head lists units
        (
            "Die Geschäftsbereiche Muster und Probe werden zusammengelegt.",
            ["Geschäftsbereich Muster", "Geschäftsbereich Probe"],
        ),
    ],
)
def test_compound_areas_after_fuer(sentence: str, names: list[str | None]) -> None:
    assert _names(sentence) == names


@pytest.mark.parametrize(
    ("sentence", "names"),
    [  # a settlement's "-zentrum" is the middle of a place (like Stadtzentrum, Ortszentrum)
        ("Das neue Gemeindehaus steht im Dorfzentrum.", []),
        # must not fire: other "-zentrum" compounds name units
        ("Das Kompetenzzentrum Muster wird gegründet.", ["Kompetenzzentrum Muster"]),
    ],
)
def test_place_centres(sentence: str, names: list[str | None]) -> None:
    assert _names(sentence) == names


@pytest.mark.parametrize(
    ("sentence", "names"),
    [  # a leader's title names its unit also with a plural field word or a truncated compound after it
        ("Sie wird Sachgebietsleiterin Musterangelegenheiten.", ["Sachgebiet Musterangelegenheiten"]),
        ("Er ist künftig Sachgebietsleiter Tief- und Musterbau.", ["Sachgebiet Tief- und Musterbau"]),
        # must not fire: a person's name after the title
        ("Er begrüßte Abteilungsleiter Max Beispiel.", []),
    ],
)
def test_title_with_plural_field(sentence: str, names: list[str | None]) -> None:
    assert _names(sentence) == names


@pytest.mark.parametrize(
    ("sentence", "names"),
    [  # a truncated part with its own article before a coordinated compound takes its unit ending
        (
            "Er übernimmt das Ressort Muster mit dem Beispiel- sowie dem Tief- und Musterbauamt.",
            ["Ressort Muster", "Beispielamt", "Tief- und Musterbauamt"],
        ),
        # must not fire: without a second article the coordination is one name
        ("Das Forst- und Musteramt bleibt.", ["Forst- und Musteramt"]),
    ],
)
def test_truncated_part_before_a_coordination(sentence: str, names: list[str | None]) -> None:
    assert _names(sentence) == names


@pytest.mark.parametrize(
    ("sentence", "names"),
    [  # a quoted name that opens the sentence as the object of a verb of leading, a person its subject
        ("„Kunst und Muster“ übernimmt Maria Beispiel, zuletzt Leiterin des Museums.", ["Kunst und Muster"]),
        # not read: an adverb between the verb and the person
        ("„Muster, Probe, Beispielwesen“ leitet künftig Max Beispiel.", []),
        # must not fire: quoted speech, or no person after the verb
        ("„Wir schaffen das“ führt Maria weiter aus.", []),
        ("„Kunst und Muster“ übernimmt die Aufgaben.", []),
    ],
)
def test_quoted_name_led_by_a_person(sentence: str, names: list[str | None]) -> None:
    assert _names(sentence) == names
