"""Round-12 rules for unit names, stated from German word formation and syntax: each rule with sentences of
our own, one the converter read wrongly before the rule and one where the rule must not fire. Evidence by
tune halves and the gate: docs/converter.md ("Round 12") (conv-units12)."""

from __future__ import annotations

import pytest

from kommgraph.convert.extract.units import find_mentions


def _names(sentence: str) -> list[str | None]:
    return [m.name for m in find_mentions(sentence)]


@pytest.mark.parametrize(
    ("sentence", "names"),
    [  # a "-stelle" named by what is done there needs a name, like "Fachstelle": bare, it names none
        ("Das Musterbüro ist die erste Anlaufstelle im Haus.", ["Musterbüro", None]),
        ("Die Beratungsstelle zieht in das Erdgeschoss.", [None]),
        ("Die Leitstelle koordiniert die Einsätze.", [None]),
        # with a name after it, it is a unit
        ("Die Leitstelle Musterschutz wird gegründet.", ["Leitstelle Musterschutz"]),
        ("Die Anlaufstelle für Beispielfragen öffnet im Mai.", ["Anlaufstelle für Beispielfragen"]),
    ],
)  # fmt: skip
def test_a_stelle_named_by_its_activity_needs_a_name(sentence: str, names: list[str | None]) -> None:
    assert _names(sentence) == names


@pytest.mark.parametrize(
    ("sentence", "names"),
    [  # a number after a head names the unit; a comma after it opens an apposition, "sowie" a new item
        ("Er leitet den Bereich 4, Musterwesen.", ["Bereich 4"]),
        ("Aufgaben aus dem Fachbereich VII sowie Probewesen und Testwesen gehen über.", ["Fachbereich VII"]),
        # a name right after the number stays part of it
        ("Das Ressort III Muster und Probe wird geteilt.", ["Ressort III Muster und Probe"]),
        ("Das Amt 2, das Amt 3 und das Amt 4 ziehen um.", ["Amt 2", "Amt 3", "Amt 4"]),
    ],
)  # fmt: skip
def test_a_number_ends_a_name_before_a_comma(sentence: str, names: list[str]) -> None:
    assert _names(sentence) == names


@pytest.mark.parametrize(
    ("sentence", "names"),
    [  # "freiwillig": a body of volunteers beside the administration
        ("Angegliedert werden die Freiwillige Feuerwehr und das Musteramt.", ["Musteramt"]),
        ("Eine Übung mit der freiwilligen Feuerwehr fand statt.", []),
        # without the adjective the standalone word stays a unit
        ("Das Musteramt und die Feuerwehr ziehen um.", ["Musteramt", "Feuerwehr"]),
    ],
)  # fmt: skip
def test_a_body_of_volunteers_is_no_unit(sentence: str, names: list[str]) -> None:
    assert _names(sentence) == names


@pytest.mark.parametrize(
    ("sentence", "names"),
    [  # quoted names after a "-bereich" plural are proper names, also after "für die"
        ("Er trägt die Verantwortung für die Fachbereiche „Muster“ und „Probewesen“.",
         ["Fachbereich Muster", "Fachbereich Probewesen"]),
        # unquoted, they stay areas of work
        ("Er ist zuständig für die Fachbereiche Muster und Probewesen.", []),
    ],
)  # fmt: skip
def test_quoted_names_after_a_bereich_plural(sentence: str, names: list[str]) -> None:
    assert _names(sentence) == names


@pytest.mark.parametrize(
    ("sentence", "names"),
    [  # "Servicebetrieb" is a head: a name after it names the enterprise, bare it refers back
        ("Das Musteramt und der Servicebetrieb Probepflege bilden ein neues Amt.",
         ["Musteramt", "Servicebetrieb Probepflege", None]),
        ("Der Servicebetrieb zieht um.", [None]),
    ],
)  # fmt: skip
def test_servicebetrieb_is_a_head(sentence: str, names: list[str | None]) -> None:
    assert _names(sentence) == names


@pytest.mark.parametrize(
    ("sentence", "names"),
    [  # a slash between the fields of a plain head's name keeps one name
        ("Das Ressort Musterbau / Probeschutz wird geteilt.", ["Ressort Musterbau / Probeschutz"]),
        ("Der Fachdienst Muster / Probe / Planung bleibt.", ["Fachdienst Muster / Probe / Planung"]),
        # a stop word after the slash starts a phrase of its own
        ("Die Abteilung Muster / Die Abteilung Probe", ["Abteilung Muster", "Abteilung Probe"]),
    ],
)  # fmt: skip
def test_a_slash_joins_the_fields_of_one_name(sentence: str, names: list[str]) -> None:
    assert _names(sentence) == names


@pytest.mark.parametrize(
    ("sentence", "names"),
    [  # a quantifier after "für" says whom or what a unit serves: no name
        ("Das Musterbüro ist die Anlaufstelle für alle Fragen.", ["Musterbüro", None]),
        ("Es gibt eine Fachstelle für jede Anfrage.", [None]),
        # a field after "für" names the unit
        ("Die Fachstelle für Musterfragen zieht um.", ["Fachstelle für Musterfragen"]),
    ],
)  # fmt: skip
def test_a_quantifier_after_fuer_names_no_unit(sentence: str, names: list[str | None]) -> None:
    assert _names(sentence) == names


@pytest.mark.parametrize(
    ("sentence", "names"),
    [  # a centre named by what it offers needs a name, like "Kompetenzzentrum"
        ("Das Dienstleistungszentrum Musterbau wird gegründet.", ["Dienstleistungszentrum Musterbau"]),
        ("Das Dienstleistungszentrum ist im Rathaus.", []),
        # the rescue service is a service the authority provides or buys, no unit; inside a name it stays
        ("Der Rettungsdienst rückt aus.", []),
        ("Das Amt für Musterschutz und Rettungsdienst zieht um.",
         ["Amt für Musterschutz und Rettungsdienst"]),
    ],
)  # fmt: skip
def test_service_words(sentence: str, names: list[str]) -> None:
    assert _names(sentence) == names


@pytest.mark.parametrize(
    ("sentence", "names"),
    [  # an office or body right after a plain head, without an article, names the unit that serves it
        ("Die Stabsstelle Landrätin zieht in den Neubau.", ["Stabsstelle Landrätin"]),
        ("Die Geschäftsstelle Kreistag und Musterwesen ist neu.",
         ["Geschäftsstelle Kreistag und Musterwesen"]),
        ("Der Fachbereich Oberbürgermeisterin wird aufgelöst.", ["Fachbereich Oberbürgermeisterin"]),
        # a person's name after the office: the head refers back, the office is a title
        ("Die Stabsstelle Landrat Max Muster stellte sich vor.", [None]),
    ],
)  # fmt: skip
def test_a_head_named_by_the_office_it_serves(sentence: str, names: list[str | None]) -> None:
    assert _names(sentence) == names


@pytest.mark.parametrize(
    ("sentence", "names"),
    [  # a "-stelle" compound with "für" and a field: the field belongs to the name, as after "Stabsstelle"
        ("Die neue Ankaufstelle für Musterunterkünfte zieht um.", ["Ankaufstelle für Musterunterkünfte"]),
        # a quantifier after "für" is no field
        ("Die Servicestelle für alle Anliegen ist offen.", ["Servicestelle"]),
    ],
)  # fmt: skip
def test_a_stelle_compound_named_by_a_field(sentence: str, names: list[str]) -> None:
    assert _names(sentence) == names


@pytest.mark.parametrize(
    ("sentence", "names"),
    [  # a numbered "Sektion" is a section of a ministry; unnumbered it may be a club's branch
        ("Die Sektion 6, Musterstandort und Probe, verantwortet sie.", ["Sektion 6"]),
        ("Die Sektion Musterdorf des Beispielvereins tagt.", []),
    ],
)  # fmt: skip
def test_numbered_sections(sentence: str, names: list[str]) -> None:
    assert _names(sentence) == names
