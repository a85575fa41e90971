"""Round-7 event rules (issue 10), each with a sentence of our own where it fires and one where it must not
(or where it failed before): the subject of a passive founding far from its participle, several
``X wird zur Y`` in one clause and abbreviations after the names, ..."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.converter.helpers import events_in

from kommgraph.convert.extract import extract
from kommgraph.store.sources import SourceDocument


@pytest.mark.parametrize(
    ("body", "events"),
    [
        (  # failed before: the noun "Einrichtung" was read as the trigger, 60 characters from the unit
            "Die Stabsstelle Klima wurde im Sommer nach langen Beratungen im Kreistag als erste Einrichtung "
            "ihrer Art geschaffen.",
            [("Founding", [], ["Stabsstelle Klima"])],
        ),
        (  # a participle of "entstehen" in a relative clause founds nothing far before it
            "Die Stabsstelle Klima betreut Aufgaben, die im Sommer nach langen Beratungen im Kreistag "
            "entstanden sind.",
            [],
        ),
    ],
)
def test_passive_founding_reaches_its_subject(body: str, events: list[tuple]) -> None:
    assert events_in(body) == events


@pytest.mark.parametrize(
    ("body", "events"),
    [
        (  # failed before: one renaming, the first name paired with the last
            "Das Bauamt wird zum Amt für Bauen und das Ordnungsamt wird zum Amt für Sicherheit.",
            [
                ("Renaming", ["Bauamt"], ["Amt für Bauen"]),
                ("Renaming", ["Ordnungsamt"], ["Amt für Sicherheit"]),
            ],
        ),
        (  # failed before: an abbreviation in brackets after each name
            "Die Baudirektion (BD) wird zur Bau- und Umweltdirektion (BUD).",
            [("Renaming", ["Baudirektion"], ["Bau- und Umweltdirektion"])],
        ),
        (  # failed before: verb second
            "Damit wird die Baudirektion (BD) zur Bau- und Umweltdirektion (BUD).",
            [("Renaming", ["Baudirektion"], ["Bau- und Umweltdirektion"])],
        ),
        ("Die Baudirektion wird zur Zeit saniert.", []),
    ],
)
def test_becomes_names_each_pair(body: str, events: list[tuple]) -> None:
    assert events_in(body) == events


@pytest.mark.parametrize(
    ("body", "events"),
    [
        (  # failed before: the unit named first (the parent) was taken as the original
            "Im Dezernat II wird aus der Abteilung Grünflächen das Amt für Stadtgrün.",
            [("Renaming", ["Abteilung Grünflächen"], ["Amt für Stadtgrün"])],
        ),
        ("Im Dezernat II wird aus der Abteilung Grünflächen das Personal abgezogen.", []),
    ],
)
def test_verb_second_aus_x_wird_y_is_a_renaming(body: str, events: list[tuple]) -> None:
    assert events_in(body) == events


@pytest.mark.parametrize(
    ("body", "events"),
    [
        (  # failed before: the present "verschmilzt" was no trigger
            "Das Bauamt verschmilzt mit dem Tiefbauamt zum Amt für Bauen.",
            [("Merger", ["Bauamt", "Tiefbauamt"], ["Amt für Bauen"])],
        ),
        (  # right before too (kept): an adjective between "mit dem" and the partner
            "Das Bauamt fusioniert mit dem alten Tiefbauamt zum Amt für Bauen.",
            [("Merger", ["Bauamt", "Tiefbauamt"], ["Amt für Bauen"])],
        ),
        ("Das Bauamt wurde mit dem Tiefbauamt verglichen.", []),
    ],
)
def test_merging_with_a_partner(body: str, events: list[tuple]) -> None:
    assert events_in(body) == events


@pytest.mark.parametrize(
    ("body", "events"),
    [
        (  # failed before: "gemeinsame" (with an ending) was no trigger
            "Das Bauamt, das Tiefbauamt und das Planungsamt bilden ab 2024 das gemeinsame Amt für Bauen.",
            [("Merger", ["Bauamt", "Tiefbauamt", "Planungsamt"], ["Amt für Bauen"])],
        ),
        ("Das Bauamt und das Tiefbauamt bilden ab 2024 gemeinsame Arbeitsgruppen.", []),
    ],
)
def test_forming_a_common_unit_is_a_merger(body: str, events: list[tuple]) -> None:
    assert events_in(body) == events


@pytest.mark.parametrize(
    ("body", "events"),
    [
        (  # failed before: an article right before the verb is a demonstrative pronoun
            "Die Stabsstelle Klima arbeitet seit 2019. Die geht zum 1. Juli im Umweltamt auf.",
            [("Absorption", ["Stabsstelle Klima"], ["Umweltamt"])],
        ),
        (  # failed before: the trigger is read with the unit in the pronoun's place
            "Die Stabsstelle Klima arbeitet seit 2019. Sie geht zum 1. Juli im Umweltamt auf.",
            [("Absorption", ["Stabsstelle Klima"], ["Umweltamt"])],
        ),
        (  # the gender does not agree: "Der" is no Stabsstelle
            "Die Stabsstelle Klima arbeitet seit 2019. Der geht zum 1. Juli im Umweltamt auf.",
            [],
        ),
    ],
)
def test_demonstrative_pronoun_refers_back(body: str, events: list[tuple]) -> None:
    assert events_in(body) == events


@pytest.mark.parametrize(
    ("body", "events"),
    [
        (  # failed before: no event
            "Das Amt für Bauen ist 2019 aus dem Bauamt hervorgegangen.",
            [("Renaming", ["Bauamt"], ["Amt für Bauen"])],
        ),
        (  # failed before: no event
            "Aus dem Bauamt ging 2019 das Amt für Bauen hervor.",
            [("Renaming", ["Bauamt"], ["Amt für Bauen"])],
        ),
        (  # failed before: a founding without its origin
            "Das Amt für Bauen entstand 2005 aus dem Bauamt.",
            [("Renaming", ["Bauamt"], ["Amt für Bauen"])],
        ),
        (  # two origins stay a merger
            "Das Amt für Bauen entstand aus dem Bauamt und dem Tiefbauamt.",
            [("Merger", ["Bauamt", "Tiefbauamt"], ["Amt für Bauen"])],
        ),
        ("Das Amt für Bauen ging aus einer Initiative hervor.", []),
    ],
)
def test_one_origin_is_a_renaming(body: str, events: list[tuple]) -> None:
    assert events_in(body) == events


@pytest.mark.parametrize(
    ("body", "events"),
    [
        (  # failed before: no event
            "Die Bündelung von Bauamt und Tiefbauamt im Amt für Bauen erfolgt zum 1. Juli.",
            [("Merger", ["Bauamt", "Tiefbauamt"], ["Amt für Bauen"])],
        ),
        (  # failed before: tasks bundled in a unit are a transfer to it
            "Ab Juli werden die zentralen Aufgaben im Hauptamt gebündelt.",
            [("TransferOfFunctions", [], ["Hauptamt"])],
        ),
        ("Die Stadt will Kompetenzen bündeln und das Hauptamt stärken.", []),
    ],
)
def test_bundling_in_a_unit(body: str, events: list[tuple]) -> None:
    assert events_in(body) == events


@pytest.mark.parametrize(
    ("body", "events"),
    [
        (  # failed before: a noun of moving with the unit as genitive
            "Der Wechsel des Bauamts vom Dezernat I zum Dezernat II erfolgt am 1. Juli.",
            [("Relocation", ["Bauamt"], ["Bauamt"])],
        ),
        ("Der Wechsel des Leiters des Bauamts erfolgt am 1. Juli.", []),
        (  # failed before: "transferieren", and the mover as the object of an infinitive clause
            "Der Rat hat nach langer Beratung beschlossen, das Bauamt vom Dezernat I in das Dezernat II zu "
            "transferieren.",
            [("Relocation", ["Bauamt"], ["Bauamt"])],
        ),
        ("Die Daten werden ins Rechenzentrum transferiert.", []),
    ],
)
def test_moving_nouns_and_infinitives(body: str, events: list[tuple]) -> None:
    assert events_in(body) == events


@pytest.mark.parametrize(
    ("body", "events"),
    [
        (  # failed before: one renaming of the wrong pair; a comma and "zudem" open a main clause
            "Im Dezernat II erhält das Ordnungsamt die neue Abteilung Verkehr, zudem wird die Bezeichnung "
            "der Abteilung Bußgeld in „Abteilung Verwarnungen“ geändert.",
            [
                ("Founding", [], ["Abteilung Verkehr"]),
                ("Renaming", ["Abteilung Bußgeld"], ["Abteilung Verwarnungen"]),
            ],
        ),
        (  # one change: nothing to split
            "Das Ordnungsamt erhält die neue Abteilung Verkehr, zudem ziehen alle Ämter um.",
            [("Founding", [], ["Abteilung Verkehr"])],
        ),
    ],
)
def test_connective_adverb_opens_a_second_change(body: str, events: list[tuple]) -> None:
    assert events_in(body) == events


@pytest.mark.parametrize(
    ("body", "events"),
    [
        (  # failed before: the former parent was read as absorbed
            "Das Bauamt übernimmt vom Dezernat I das Vermessungsamt.",
            [("Relocation", ["Vermessungsamt"], ["Vermessungsamt"])],
        ),
        ("Das Bauamt übernimmt das Vermessungsamt.", [("Absorption", ["Vermessungsamt"], ["Bauamt"])]),
    ],
)
def test_taking_over_from_a_former_parent_is_a_move(body: str, events: list[tuple]) -> None:
    assert events_in(body) == events


@pytest.mark.parametrize(
    ("body", "events"),
    [
        (  # failed before: "heißt es" was always "it says"
            "Das Amt für Bauen arbeitet seit 2019. Mit Wirkung ab 1. Juli heißt es Amt für Stadtentwicklung.",
            [("Renaming", ["Amt für Bauen"], ["Amt für Stadtentwicklung"])],
        ),
        ("Das Amt für Bauen arbeitet seit 2019. Im Bericht heißt es, das Bauamt sei gut.", []),
        (  # "es" is no Stabsstelle
            "Die Stabsstelle Bau arbeitet seit 2019. Ab Juli heißt es Amt für Stadtentwicklung.",
            [],
        ),
    ],
)
def test_inverted_pronoun_after_a_verb_of_naming(body: str, events: list[tuple]) -> None:
    assert events_in(body) == events


@pytest.mark.parametrize(
    ("body", "events"),
    [
        (  # failed before: no event
            "Das Land bekommt ein eigenständiges Digitalministerium.",
            [("Founding", [], ["Digitalministerium"])],
        ),
        (  # failed before: no event (the receiving unit is no result)
            "Das Ordnungsamt erhält eine eigene Abteilung Verkehr.",
            [("Founding", [], ["Abteilung Verkehr"])],
        ),
        ("Das Ordnungsamt erhält eine eigene Telefonnummer.", []),
        ("Das Ordnungsamt erhält die Abteilung Verkehr.", []),
    ],
)
def test_receiving_a_unit_of_ones_own_founds_it(body: str, events: list[tuple]) -> None:
    assert events_in(body) == events


@pytest.mark.parametrize(
    ("body", "events"),
    [
        (  # failed before: the participle first, the unit after the auxiliary
            "Aufgelöst wird zum 1. Juli das Bauamt.",
            [("Dissolution", ["Bauamt"], [])],
        ),
        (  # failed before
            "Umbenannt wird das Bauamt in Amt für Bauen.",
            [("Renaming", ["Bauamt"], ["Amt für Bauen"])],
        ),
        (  # failed before
            "Eingegliedert wird das Bauamt in das Tiefbauamt.",
            [("Absorption", ["Bauamt"], ["Tiefbauamt"])],
        ),
        ("Gesagt wird viel über das Bauamt.", []),
    ],
)
def test_participle_first(body: str, events: list[tuple]) -> None:
    assert events_in(body) == events


@pytest.mark.parametrize(
    ("body", "events"),
    [
        (  # failed before: a split of the first unit into the others
            "Das Bauamt, das Umweltamt sowie das Ordnungsamt werden auf die drei Dezernenten aufgeteilt.",
            [],
        ),
        (
            "Das Bauamt wird in das Hochbauamt und das Tiefbauamt aufgeteilt.",
            [("Split", ["Bauamt"], ["Hochbauamt", "Tiefbauamt"])],
        ),
    ],
)
def test_units_shared_out_are_no_split(body: str, events: list[tuple]) -> None:
    assert events_in(body) == events


@pytest.mark.parametrize(
    ("body", "events"),
    [
        (  # failed before: a person (named before the object) takes the unit on, verb last
            "Künftig wird der neue Finanzrat Wolfgang Muster auch das Umweltamt übernehmen.",
            [],
        ),
    ],
)
def test_person_takes_over_with_the_verb_last(body: str, events: list[tuple]) -> None:
    assert events_in(body) == events


@pytest.mark.parametrize(
    ("body", "events"),
    [
        (  # failed before: one absorption, of the first unit into the last
            "Die Stabsstelle Klima ging im Umweltamt auf, das nun ins Bauamt integriert wird.",
            [
                ("Absorption", ["Stabsstelle Klima"], ["Umweltamt"]),
                ("Absorption", ["Umweltamt"], ["Bauamt"]),
            ],
        ),
        (  # a quoted designation after the unit
            "Die Stabsstelle Klima ging im Umweltamt „Natur und Klima“ auf, das nun ins Bauamt "
            "integriert wird.",
            [
                ("Absorption", ["Stabsstelle Klima"], ["Umweltamt"]),
                ("Absorption", ["Umweltamt"], ["Bauamt"]),
            ],
        ),
        ("Das Bauamt, das zum 1. Juli aufgelöst wird, zieht um.", [("Dissolution", ["Bauamt"], [])]),
        ("Das Bauamt, das im Rathaus ist, zieht um.", []),
    ],
)
def test_relative_clause_states_its_own_change(body: str, events: list[tuple]) -> None:
    assert events_in(body) == events


def test_pronoun_subject_of_two_joined_changes_does_not_crash() -> None:
    """Failed before with an IndexError (exit code 4): the pronoun's unit was looked up among the
    sentence's own mentions when the clause was cut in two."""
    body = "Das Bauamt arbeitet seit 2019. Es wird aufgelöst und das Amt für Bauen wird gegründet."
    assert events_in(body) == [("Dissolution", ["Bauamt"], []), ("Founding", [], ["Amt für Bauen"])]


@pytest.mark.parametrize(
    ("body", "events"),
    [
        (  # failed before: the founding after ", dafür" was lost
            "Das Bauamt wird aufgelöst, dafür kommen zwei neue Ämter für Hochbau und Tiefbau hinzu.",
            [
                ("Dissolution", ["Bauamt"], []),
                ("Founding", [], ["Amt für Hochbau"]),
                ("Founding", [], ["Amt für Tiefbau"]),
            ],
        ),
        ("Das Bauamt wird aufgelöst, dafür gibt es viele Gründe.", [("Dissolution", ["Bauamt"], [])]),
    ],
)
def test_dafuer_opens_a_second_change(body: str, events: list[tuple]) -> None:
    assert events_in(body) == events


@pytest.mark.parametrize(
    ("body", "events"),
    [
        (  # failed before: no event
            "Frau Muster leitet das Amt für Bauen, neuer offizieller Name des ehemaligen Bauamts.",
            [("Renaming", ["Bauamt"], ["Amt für Bauen"])],
        ),
        ("Frau Muster leitet das Amt für Bauen, dessen Name bleibt.", []),
    ],
)
def test_new_name_in_an_apposition(body: str, events: list[tuple]) -> None:
    assert events_in(body) == events


@pytest.mark.parametrize(
    ("body", "events"),
    [
        (  # failed before: the new parent (dative) was read as merged into the new unit
            "Die Mitarbeiter werden in eine neue Abteilung Sport zusammengefasst und der Direktion Bildung "
            "zugeordnet.",
            [("Founding", [], ["Abteilung Sport"])],
        ),
        (
            "Das Bauamt und das Tiefbauamt werden im neuen Amt für Bauen zusammengefasst.",
            [("Merger", ["Bauamt", "Tiefbauamt"], ["Amt für Bauen"])],
        ),
    ],
)
def test_staff_put_together_under_a_parent_found_a_unit(body: str, events: list[tuple]) -> None:
    assert events_in(body) == events


@pytest.mark.parametrize(
    ("body", "events"),
    [
        (  # failed before: a renaming of the first listed unit to the second
            "Die Bereiche Liegenschaften und Stadtwald werden dem Fachbereich 2 zugeordnet, der künftig "
            "„Finanzen, Liegenschaften und Stadtwald“ heißt.",
            [
                (
                    "Relocation",
                    ["Bereich Liegenschaften", "Bereich Stadtwald"],
                    ["Bereich Liegenschaften", "Bereich Stadtwald"],
                ),
                ("Renaming", ["Fachbereich 2"], ["Fachbereich Finanzen, Liegenschaften und Stadtwald"]),
            ],
        ),
        (  # failed before: a quoted name before the verb of naming (verb last)
            "Der Fachbereich 2 wird künftig „Finanzen und Liegenschaften“ heißen.",
            [("Renaming", ["Fachbereich 2"], ["Fachbereich Finanzen und Liegenschaften"])],
        ),
        ("Der Fachbereich 2 wird „Finanzen und Liegenschaften“ betreuen.", []),
    ],
)
def test_naming_in_a_relative_clause_after_a_participle(body: str, events: list[tuple]) -> None:
    assert events_in(body) == events


@pytest.mark.parametrize(
    ("body", "events"),
    [
        (  # failed before: the pronoun after the finite verb
            "Die Stabsstelle Klima arbeitet seit 2019. Zum 1. Juli wird sie aufgelöst.",
            [("Dissolution", ["Stabsstelle Klima"], [])],
        ),
        (  # failed before: one origin only
            "Der Eigenbetrieb Abwasser kehrt zurück. Dort verschmilzt er mit der Abteilung Tiefbau zum neuen "
            "Fachbereich Bauen.",
            [("Merger", ["Eigenbetrieb Abwasser", "Abteilung Tiefbau"], ["Fachbereich Bauen"])],
        ),
        (  # "es" is no Stabsstelle
            "Die Stabsstelle Klima arbeitet seit 2019. Zum 1. Juli wird es aufgelöst.",
            [],
        ),
    ],
)
def test_pronoun_subject_after_the_finite_verb(body: str, events: list[tuple]) -> None:
    assert events_in(body) == events


@pytest.mark.parametrize(
    ("body", "events"),
    [
        (  # failed before: "der" after a verb was read as a genitive of a noun
            "Zum 1. Juli wird der Fachbereich Bauen eingerichtet.",
            [("Founding", [], ["Fachbereich Bauen"])],
        ),
        (  # failed before
            "Dafür ist bereits der Eigenbetrieb Abwasser gegründet.",
            [("Founding", [], ["Eigenbetrieb Abwasser"])],
        ),
        ("Im Verantwortungsbereich des Bauamts wurde eine Hotline eingerichtet.", []),
    ],
)
def test_masculine_nominative_after_a_verb_is_no_genitive(body: str, events: list[tuple]) -> None:
    assert events_in(body) == events


@pytest.mark.parametrize(
    ("body", "events"),
    [
        # passed before only by the genitive misreading above; needed with it fixed
        ("Möglicherweise kommt auch noch der Fachbereich Bauen hinzu.", []),
        ("Eventuell wird das Bauamt aufgelöst.", []),  # failed before
        ("Das Bauamt wird aufgelöst.", [("Dissolution", ["Bauamt"], [])]),
    ],
)
def test_adverbs_of_possibility_state_no_change(body: str, events: list[tuple]) -> None:
    assert events_in(body) == events


def _dated(body: str) -> list[tuple]:
    facts = extract(SourceDocument(path=Path("t.txt"), text=f"Beispielstadt, 2021.\n\n{body}\n"))
    return [(e.event_type, e.effective.value if e.effective else None) for e in facts.events]


@pytest.mark.parametrize(
    ("body", "dated"),
    [
        (  # failed before: the decision's month was taken as the date of the change
            "Im März 2020 hat die Regierung über die neue Aufteilung der Ämter entschieden. Auf den "
            "1. Januar 2021 wurde die erste Etappe umgesetzt. Das Bauamt wechselte in das Dezernat II.",
            [("Relocation", "2021-01-01")],
        ),
        (  # a date with "zum" stays the date of the change, a decision after it notwithstanding
            "Zum 1. Juli 2021 hat der Rat die Auflösung des Bauamts beschlossen.",
            [("Dissolution", "2021-07-01")],
        ),
    ],
)
def test_decision_dates_and_auf_den(body: str, dated: list[tuple]) -> None:
    assert _dated(body) == dated


@pytest.mark.parametrize(
    ("body", "events"),
    [
        (  # failed before: read as a founding
            "Der neu gestaltete Fachbereich Bauen übernimmt die Aufgaben.",
            [("TransferOfFunctions", [], ["Fachbereich Bauen"])],
        ),
        (
            "Der neu gegründete Fachbereich Bauen übernimmt die Aufgaben.",
            [("TransferOfFunctions", [], ["Fachbereich Bauen"]), ("Founding", [], ["Fachbereich Bauen"])],
        ),
    ],
)
def test_reshaped_is_not_founded(body: str, events: list[tuple]) -> None:
    assert events_in(body) == events
