"""Round-11 rules for unit names, stated from German morphology and syntax: each rule with sentences of our
own, one the converter read wrongly before the rule and one where the rule must not fire. Evidence by tune
halves and the gate: docs/converter-round11-conv-units11.md (conv-units11)."""

from __future__ import annotations

import pytest

from kommgraph.convert.extract.units import find_mentions


def _names(sentence: str) -> list[str | None]:
    return [m.name for m in find_mentions(sentence)]


@pytest.mark.parametrize(
    ("sentence", "names"),
    [  # a plural head named by a naming verb: the names follow the verb as they follow the head
        ("Die zwei neuen Fachbereiche heißen Muster und Probe sowie Beispiel- und Testwesen.",
         ["Fachbereich Muster und Probe", "Fachbereich Beispiel- und Testwesen"]),
        ("Die Abteilungen heißen künftig „Musterwesen“ und „Probewesen“.",
         ["Abteilung Musterwesen", "Abteilung Probewesen"]),
        # quoted names: each quoted item is a name, also when an "und" joins two quotes in a sowie-list
        ("Die drei Fachbereiche heißen „Muster, Probe und Test“, „Beispielwesen“ sowie „Prüfwesen“ und "
         "„Versuchswesen“.",
         ["Fachbereich Muster, Probe und Test", "Fachbereich Beispielwesen", "Fachbereich Prüfwesen",
          "Fachbereich Versuchswesen"]),
        # a short bracket and a verb before a colon that announces quoted names
        ('Es soll nur noch zwei Sachgebiete (statt der Ämter) geben: "Muster und Probe" sowie "Test und '
         'Beispiel".',
         ["Sachgebiet Muster und Probe", "Sachgebiet Test und Beispiel"]),
        # a quoted name is a name whatever its word: a word that elsewhere ends a name ("Stadt")
        ("Sie führen die Departemente „Probewesen“ und „Stadt“.",
         ["Departement Probewesen", "Departement Stadt"]),
    ],
)  # fmt: skip
def test_plural_head_named_after_a_verb_or_in_quotes(sentence: str, names: list[str]) -> None:
    assert _names(sentence) == names


@pytest.mark.parametrize(
    ("sentence", "names"),
    [  # must not fire: a colon list without quotes still splits at semicolons; a verb without names
        ("Es gibt folgende Ämter: Musterwesen; Probewesen; Testwesen.",
         ["Musterwesen", "Probewesen", "Testwesen"]),
        ("Wie die Fachbereiche heißen, ist noch offen.", []),
    ],
)  # fmt: skip
def test_plural_head_without_names_after_the_verb(sentence: str, names: list[str]) -> None:
    assert _names(sentence) == names


@pytest.mark.parametrize(
    ("sentence", "names"),
    [  # examples after "wie" without an article name units of the plural head; "oder" closes the list,
        # so an "und" before it stays inside an item
        ("Es gibt Fachbereiche wie Muster/Probe, Ordnung und Sicherheit oder Test/Beispiel.",
         ["Fachbereich Muster/Probe", "Fachbereich Ordnung und Sicherheit", "Fachbereich Test/Beispiel"]),
        ("Es gibt Sachgebiete wie etwa Musterwesen und Probewesen.",
         ["Sachgebiet Musterwesen", "Sachgebiet Probewesen"]),
        # must not fire: examples with an article of their own name themselves
        ("Ämter wie das Musteramt und das Probeamt ziehen um.", ["Musteramt", "Probeamt"]),
    ],
)  # fmt: skip
def test_plural_head_with_examples(sentence: str, names: list[str]) -> None:
    assert _names(sentence) == names


@pytest.mark.parametrize(
    ("sentence", "names"),
    [  # a bare enumeration closed by a unit, or by "oder", is no list name of the first compound
        ("Zuvor gab es die Gliederung mit Musteramt, Kämmerei und Probeamt.",
         ["Musteramt", "Kämmerei", "Probeamt"]),
        ("Sie sind verteilt, wie etwa Musterbüro, Probe oder Test.", ["Musterbüro"]),
        # must not fire: a list name of single words after a compound stays one name
        ("Das Musteramt, Probe, Test zieht um.", ["Musteramt, Probe, Test"]),
    ],
)  # fmt: skip
def test_enumeration_after_a_compound(sentence: str, names: list[str]) -> None:
    assert _names(sentence) == names


@pytest.mark.parametrize(
    ("sentence", "names"),
    [  # a "-stelle" after a share of working time or a kind of worker is a post, no unit
        ("Für das Musterbüro reicht eine Halbtagsstelle aus.", ["Musterbüro"]),
        ("Im Musteramt entsteht eine Beispiel-Teilzeitstelle.", ["Musteramt"]),
        ("Der Ausschuss beschließt die Schaffung einer Fachkraftstelle.", []),
        # must not fire: offices on "-stelle"
        ("Die Meldestelle und die Zulassungsstelle ziehen um.", ["Meldestelle", "Zulassungsstelle"]),
    ],
)  # fmt: skip
def test_posts_on_stelle(sentence: str, names: list[str]) -> None:
    assert _names(sentence) == names


@pytest.mark.parametrize(
    ("sentence", "names"),
    [  # "für", a definite article, adjectives and one noun that ends the phrase: the unit's name
        ("Hinzu kommt das Amt für den Ländlichen Musterraum.", ["Amt für den Ländlichen Musterraum"]),
        ("Neu ist eine Stabsstelle für die kommunalen Musterbetriebe.",
         ["Stabsstelle für die kommunalen Musterbetriebe"]),
        # must not fire: no adjective (a task), or the phrase goes on (a genitive, "zuständig")
        ("Die Abteilung ist für die Einführung der Musterakte zuständig.", [None]),
        ("Das Amt für die gesamte Verwaltung der Stadt bleibt.", [None]),
        ("Eine Arbeitsgruppe für die Musterplanung wird gebildet.", [None]),
    ],
)  # fmt: skip
def test_head_named_with_an_article_after_fuer(sentence: str, names: list[str | None]) -> None:
    assert _names(sentence) == names


@pytest.mark.parametrize(
    ("sentence", "names"),
    [  # a word in capitals (a heading) is read in its ordinary case against the word lists
        ("AUSBILDUNG IM LANDRATSAMT", []),
        ("DER RAT ALS GESAMTBEHÖRDE", []),
        # must not fire: a unit compound in capitals stays a unit
        ("DAS MUSTERAMT ZIEHT UM", ["MUSTERAMT"]),
    ],
)  # fmt: skip
def test_words_in_capitals(sentence: str, names: list[str]) -> None:
    assert _names(sentence) == names


@pytest.mark.parametrize(
    ("sentence", "names"),
    [  # a kind prefix before "Behörde" makes a head that needs a name; in the plural it names a kind
        ("Aus diesem Anlass lädt die Verwaltungsbehörde zum Musterfest.", [None]),
        ("Sie zählte zu den damals 25 Verwaltungsbehörden des Musterlandes.", []),
        ("Partner sind neben den Fachabteilungen der Verwaltung die Musterbetriebe.", []),
        # named after the head it is a unit (before: the bare compound "Fachbehörde")
        ("Die Fachbehörde Musterwesen zieht um.", ["Fachbehörde Musterwesen"]),
        # must not fire: a plural head with a list
        ("Die Fachabteilungen Muster und Probe bleiben.", ["Fachabteilung Muster", "Fachabteilung Probe"]),
    ],
)  # fmt: skip
def test_kind_prefixed_heads(sentence: str, names: list[str | None]) -> None:
    assert _names(sentence) == names


@pytest.mark.parametrize(
    ("sentence", "names"),
    [  # a bare compound as a predicate noun or in a self-description names a role, no unit
        ("Das Musterbüro ist Servicestelle für alle Fragen.", ["Musterbüro"]),
        ("Wir verstehen uns auch als Beispielservicestelle.", []),
        # must not fire: with an article the compound names a unit
        ("Zuständig ist das Musteramt.", ["Musteramt"]),
        ("Die Servicestelle im Musteramt ist neu.", ["Servicestelle", "Musteramt"]),
    ],
)  # fmt: skip
def test_predicate_nouns(sentence: str, names: list[str]) -> None:
    assert _names(sentence) == names
