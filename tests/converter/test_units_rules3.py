"""Unit rules of round 3 (issue 10): each rule family with short sentences of its own.

Every case lists the named mentions of one sentence as (name, aliases), in order.
"""

from __future__ import annotations

import pytest

from kommgraph.convert.extract.units import find_mentions


def named(text: str) -> list[tuple[str, tuple[str, ...]]]:
    return [(m.name, m.aliases) for m in find_mentions(text) if m.name]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('Die Abteilung "Bürgerdienste Digital" wurde gegründet.',
         [("Abteilung Bürgerdienste Digital", ("Bürgerdienste Digital",))]),
        ("Der Kreis richtet ein eigenes Amt für „Digitalisierung und IT“ ein.",
         [("Amt für Digitalisierung und IT", ())]),
        ("Der Bereich „Stadt-, Verkehrsplanung und öffentlicher Raum“ wird geteilt.",
         [("Bereich Stadt-, Verkehrsplanung und öffentlicher Raum",
           ("Stadt-, Verkehrsplanung und öffentlicher Raum",))]),
        ("Das Amt „heute“ bleibt.", []),
    ],
)  # fmt: skip
def test_quoted_name_after_a_head(text: str, expected: list) -> None:
    assert named(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Dabei wird das Kommunale Jobcenter ausgegliedert.", [("Kommunales Jobcenter", ())]),
        ("Neu ist die Zentrale Vergabestelle im Rathaus.", [("Zentrale Vergabestelle", ())]),
        ("Dort sitzen der Allgemeine Soziale Dienst und das Bauamt.",
         [("Allgemeiner Sozialer Dienst", ()), ("Bauamt", ())]),
        ("Er verweist auf die Zentralen Dienste.", [("Zentrale Dienste", ())]),
        ("Die Kölner Stadtbibliothek bleibt.", [("Stadtbibliothek", ())]),
        ("Der Dienst beginnt um acht.", []),
    ],
)  # fmt: skip
def test_capitalised_adjectives_belong_to_the_name(text: str, expected: list) -> None:
    assert named(text) == expected


def test_a_compound_inside_a_list_is_an_item() -> None:
    text = "Dazu gehören das Bauamt, Melde- und Standesamt, Tourismus und das Bürgerbüro."
    assert named(text) == [("Bauamt", ()), ("Melde- und Standesamt", ()), ("Bürgerbüro", ())]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Demnach sollen die vier Straßenbauämter verschmelzen.", [("Straßenbauämter", ())]),
        ("Die Fachämter und die Bezirksämter bleiben.", []),
        ("Es wird folgende Ämter geben: Soziales (mit Betreuungsbehörden und Sozialamt); Jugend (mit "
         "Jugendamt).",
         [("Soziales", ()), ("Betreuungsbehörden", ()), ("Sozialamt", ()), ("Jugend", ()),
          ("Jugendamt", ())]),
    ],
)  # fmt: skip
def test_plural_compounds_and_bracketed_list_units(text: str, expected: list) -> None:
    assert named(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mit Edgar Wöltje, Fachdienstleiter Kultur, geht ein Urgestein.", [("Fachdienst Kultur", ())]),
        ("Die Abteilungsleitung Industrie und Maritime Wirtschaft übernimmt Anna Meier.",
         [("Abteilung Industrie und Maritime Wirtschaft", ("Industrie und Maritime Wirtschaft",))]),
        ("Sie ist jetzt Dezernentin für Soziales, Familie und Integration.",
         [("Dezernat für Soziales, Familie und Integration", ())]),
        ("Abteilungsleiter Kurt Starnberger übernimmt.", []),
        ("Referatsleiter Müller geht.", []),
    ],
)  # fmt: skip
def test_a_leaders_title_names_the_unit(text: str, expected: list) -> None:
    assert named(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Dort sind die beiden Stabsstellen der Gleichstellungsbeauftragten und des "
         "Datenschutzbeauftragten.",
         [("Stabsstelle der Gleichstellungsbeauftragten", ()),
          ("Stabsstelle des Datenschutzbeauftragten", ())]),
        ("Das meiste läuft über das Sekretariat des Baudepartements.",
         [("Sekretariat des Baudepartements", ()), ("Baudepartement", ())]),
        ("Das Sekretariat ist geschlossen.", []),
        ("Er leitete das Department für Zukunft und Wirtschaft.",
         [("Department für Zukunft und Wirtschaft", ())]),
        ("Das Amt für Gemeinden zählt 15 Mitarbeitende, das Amt für Zivilstand 16.",
         [("Amt für Gemeinden", ()), ("Amt für Zivilstand", ())]),
    ],
)  # fmt: skip
def test_owners_and_inflection(text: str, expected: list) -> None:
    assert named(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Das Amt für Informationsverarbeitung (AfI) wird aufgelöst.",
         [("Amt für Informationsverarbeitung", ("AfI",))]),
        ("Das Hauptamt (Amt 10) bleibt.", [("Hauptamt", ("Amt 10",))]),
        ("Das Ordnungsamt (2019) bleibt.", [("Ordnungsamt", ())]),
        ("Geschäftsbereich II (Finanzen und Eigentumsverwaltung): Christian Mürkl.",
         [("Geschäftsbereich II", ("Finanzen und Eigentumsverwaltung",))]),
        ("Die Ämter 10, 11 und 12 werden zusammengelegt.", [("Amt 10", ()), ("Amt 11", ()), ("Amt 12", ())]),
        ("Die Fachbereiche 1 (Zentrale Dienste) und 2 (Finanzen) werden zusammengelegt.",
         [("Fachbereich 1", ("Zentrale Dienste", "Fachbereich Zentrale Dienste")),
          ("Fachbereich 2", ("Finanzen", "Fachbereich Finanzen"))]),
    ],
)  # fmt: skip
def test_brackets_give_aliases(text: str, expected: list) -> None:
    assert named(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Das neue Dezernat erhält die Bezeichnung „Umwelt und Mobilität“.",
         [("Dezernat Umwelt und Mobilität", ("Umwelt und Mobilität",))]),
        ("Das Referat heißt künftig „Referat für Städtebau“ (SWU).", [("Referat für Städtebau", ("SWU",))]),
        ("Das Dezernat/ Sachgebiet II bleibt.", [("Dezernat II", ("Sachgebiet II",))]),
        ("Das Projekt erhält die Bezeichnung „Zukunft“.", []),
    ],
)  # fmt: skip
def test_naming_phrases_and_synonym_heads(text: str, expected: list) -> None:
    assert named(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Es entsteht eine neue Stabsstelle namens Smart City.",
         [("Stabsstelle Smart City", ("Smart City",))]),
        ("Ein Referat mit dem Namen „Zukunft“ entsteht.", [("Referat Zukunft", ("Zukunft",))]),
        ("Die neue Organisationseinheit „Digitale Verwaltung“ startet.", [("Digitale Verwaltung", ())]),
        ("Die Organisationseinheit wird kleiner.", []),
        ("Die städtische Wirtschaftsförderung wird eine GmbH.", [("Wirtschaftsförderung", ())]),
        ("Die städtische Verwaltung und die städtischen Mitarbeiter.", []),
    ],
)  # fmt: skip
def test_named_after_naming_words_and_own_institutions(text: str, expected: list) -> None:
    assert named(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Dafür werden die Bereiche Personal sowie Organisation und IT zur Chefsache.",
         [("Bereich Personal", ()), ("Bereich Organisation und IT", ("Organisation und IT",))]),
        ("Die Bereiche Bau und Umwelt werden zusammengelegt.", [("Bereich Bau", ()), ("Bereich Umwelt", ())]),
        ("Ihm gehören der Straßenverkehr und die Bereiche Arbeit und Soziales.", []),
        ("Er ist für die Bereiche Arbeit und Soziales zuständig.", []),
        ("Das Jugendamt war bislang mit dem Bereich Schulen und Kultur zusammengelegt.",
         [("Jugendamt", ()), ("Bereich Schulen und Kultur", ("Schulen und Kultur",))]),
        ("Er arbeitet im Bereich Umweltschutz.", []),
        ("Dazu zählt alles, was dem Bereich Klimaschutz zuzurechnen ist.", []),
        ("Die Stelle, die dem Bereich Klimaschutz zugeordnet ist, bleibt.", [("Bereich Klimaschutz", ())]),
    ],
)  # fmt: skip
def test_bereiche_are_units_unless_areas_of_work(text: str, expected: list) -> None:
    assert named(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Das Referat Presse und Öffentlichkeitsarbeit Ralf Meier leitet.",
         [("Referat Presse und Öffentlichkeitsarbeit", ("Presse und Öffentlichkeitsarbeit",))]),
        ("Im Ministerium entsteht eine Abteilung Digitalisierung.", []),
    ],
)  # fmt: skip
def test_a_name_ends_before_a_person_and_ministries_are_other_bodies(text: str, expected: list) -> None:
    assert named(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Die Sekretariatsstelle hat in die Stadtkanzlei gewechselt.", [("Stadtkanzlei", ())]),
        ("Die Sachbearbeiterstelle im Bauamt ist frei.", [("Bauamt", ())]),
        ("Dazu gehört die Kreismusikschule.", [("Kreismusikschule", ())]),
        ("Das Schulinspektorat wird dem Departement Bildung angegliedert.",
         [("Schulinspektorat", ()), ("Departement Bildung", ())]),
    ],
)  # fmt: skip
def test_posts_institutions_and_swiss_offices(text: str, expected: list) -> None:
    assert named(text) == expected


def test_a_numbered_name_with_a_dash_is_known_by_both_parts() -> None:
    assert named("Der Fachdienst 23 – Kreisentwicklung bleibt.") == [
        (
            "Fachdienst 23 – Kreisentwicklung",
            (
                "Fachdienst 23",
                "Kreisentwicklung",
                "Fachdienst 23 Kreisentwicklung",
                "Fachdienst Kreisentwicklung",
            ),
        )
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('Dazu sagte die Leiterin der Stabsstelle "Wir sind stolz".', []),
        ("Die kommunale Wärmeplanung startet.", []),
        ("Die kommunale Selbstverwaltung ist stark.", []),
    ],
)  # fmt: skip
def test_statements_and_activities_are_no_units(text: str, expected: list) -> None:
    assert named(text) == expected


def test_bullet_lines_after_an_announcing_sentence_name_units() -> None:
    from kommgraph.convert.extract.units import ListContext

    context = ListContext()
    lines = [
        "Ab dem 1. Januar gibt es zwei neue Ämter:",
        "• Verwaltungsservice",
        "• Stadtleben und Gesellschaft (mit Stadtbibliothek)",
        "- Amt für Jugend",
        "Was machen die neuen Ämter genau?",
        "• Schulen",
        "Er nannte drei Ziele:",
        "• Mehr Service",
    ]
    found = [[(m.name, m.unit_type) for m in find_mentions(line, context=context)] for line in lines]
    assert found == [
        [],
        [("Verwaltungsservice", "Amt")],
        [("Stadtleben und Gesellschaft", "Amt"), ("Stadtbibliothek", "OtherUnit")],
        [("Amt für Jugend", "Amt")],
        [],
        [],
        [],
        [],
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sie sind für Ordnungswesen, Gewerbe, Melde- und Standesamt, Tourismus zuständig.", []),
        ("Dazu gehören Bau-, Gewerbe- und Anlagenrecht, Bürgerservice und Personalwesen.", []),
        ("Er ist für Bürgerservice, Ordnungsamt und Feuerwehr zuständig.",
         [("Bürgerservice", ()), ("Ordnungsamt", ()), ("Feuerwehr", ())]),
        ("Dazu gehören Hauptamt, Bauamt, Ordnungsamt.",
         [("Hauptamt", ()), ("Bauamt", ()), ("Ordnungsamt", ())]),
    ],
)  # fmt: skip
def test_a_unit_in_an_enumeration_of_tasks_is_a_task(text: str, expected: list) -> None:
    assert named(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Die Stabsstelle B wird aufgelöst, dafür kommen zwei neue für Digitalisierung und Bürokratieabbau.",
         [("Stabsstelle B", ()), ("Stabsstelle für Digitalisierung", ()),
          ("Stabsstelle für Bürokratieabbau", ())]),
        ("Das Amt X ist eine für Bürger wichtige Stelle.", [("Amt X", ())]),
        ("Dazu kommt das Bürgerhaus – eine Servicestelle, in der man alles erledigt.", []),
        ("Neu ist – ein eigenes Amt für Digitalisierung.", [("Amt für Digitalisierung", ())]),
    ],
)  # fmt: skip
def test_elided_heads_and_describing_appositions(text: str, expected: list) -> None:
    assert named(text) == expected


def test_a_list_item_and_the_same_name_with_its_head_are_one_unit(tmp_path) -> None:
    from kommgraph.convert.extract import extract
    from kommgraph.store.sources import read_source

    source = tmp_path / "struktur.txt"
    source.write_text(
        "title: Neue Struktur\npublished: 2025-03-12\n---\n"
        "Künftig gliedert sich die Verwaltung in zwei Fachbereiche:\n\n"
        "• Zentrale Dienste und Finanzen\n• Bauen und Umwelt\n\n"
        "Das Hauptamt geht im Fachbereich Zentrale Dienste und Finanzen auf. "
        "Die Fachbereichsleitung Bauen und Umwelt übernimmt Stadtbaurat Michael Weber.\n",
        encoding="utf-8",
    )
    units = extract(read_source(source)).units
    assert {name: unit.aliases for name, unit in units.items()} == {
        "Fachbereich Zentrale Dienste und Finanzen": ["Zentrale Dienste und Finanzen"],
        "Fachbereich Bauen und Umwelt": ["Bauen und Umwelt"],
        "Hauptamt": [],
    }
