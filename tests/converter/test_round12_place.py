"""Round-12 rules for the document's place, counted from the misses of batches w, x, y and z (tune set:
corpus/dev without o, p, s, t and v): each rule with texts of our own, one the converter read wrongly before
the rule and one where it must not fire. Evidence by tune halves: docs/converter.md ("Round 12").
"""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.converter.helpers import place_of

from kommgraph.convert.extract import place_bodies

UNKNOWN = {"title": "unknown", "publisher": "unknown"}


# --- an Austrian Bezirkshauptmannschaft named by its seat's adjective, or once and then "die BH"


@pytest.mark.parametrize(
    "text",
    [
        "Die Lilienfelder BH wird interimistisch geführt. Der BH-Chef wechselt in die Landesregierung, "
        "deren Landesamtsdirektion die Stelle ausschreibt.",
        "Erstmals tagte die Landesregierung in der Bezirkshauptmannschaft Lilienfeld. Die BH wird umgebaut.",
    ],
)
def test_a_district_authority_named_once_and_referred_back_to(tmp_path: Path, text: str) -> None:
    place, key, labels = place_of(tmp_path, UNKNOWN, text)
    assert (place, key) == ("Bezirk Lilienfeld", "AT-314")
    assert "Bezirkshauptmannschaft Lilienfeld" in labels


def test_a_district_authority_named_once_without_reference_is_not_the_place() -> None:
    text = "Der Gemeinderat von Lilienfeld beschließt ein Bauamt; die Genehmigung der BH Lilienfeld fehlt."
    assert place_bodies.austrian_district("", "", text) is None


def test_an_adjective_of_no_austrian_district_is_ignored() -> None:
    assert place_bodies.austrian_district("", "", "Die Musterauer BH wird umgebaut. Die BH zieht um.") is None


# --- associations of municipalities for a task, their names with prepositions, their initials


@pytest.mark.parametrize(
    ("header", "text", "expected"),
    [
        (  # a task compound, named once and then by its kind word alone
            {"title": "Abwasserverband plant Neubau", "publisher": "Musterzeitung"},
            "Musterstadt. Der Abwasserverband Musterbach will sein Betriebsgelände erweitern. Der "
            "Abwasserverband baut ein Verwaltungsgebäude.",
            ("Abwasserverband Musterbach", None, set()),
        ),
        (  # a name joined by a preposition and an article, its abbreviation defined in brackets
            {"title": "Wasserzweckverband: neuer Geschäftsleiter", "publisher": "Gemeinde Musterdorf"},
            "An der Sitzung des Zweckverbandes zur Wasserversorgung der Mustergruppe (ZWM) stellte der "
            "Vorsitzende den neuen Geschäftsleiter vor. Er war seit 2018 beim ZWM.",
            ("Zweckverband zur Wasserversorgung der Mustergruppe", None, {"ZWM"}),
        ),
        (  # its own press office; the text uses its initials without defining them
            {"title": "Neue Dezernate", "publisher": "Landschaftsverband Musterland"},
            "Musterstadt. Der Ausschuss hat eine neue LVM-Dezernatsstruktur beschlossen. Die LVM-Direktorin "
            "stellte sie vor.",
            ("Landschaftsverband Musterland", None, {"LVM"}),
        ),
    ],
)
def test_an_association_for_a_task_is_the_place(tmp_path: Path, header: dict, text: str, expected) -> None:
    assert place_of(tmp_path, header, text) == expected


def test_initials_of_an_association() -> None:
    assert place_bodies._initials("Landschaftsverband Musterland") == "LVM"
    assert place_bodies._initials("Muster-Zweckverband Beispielland") == "MZVB"


def test_a_sports_association_is_no_association_of_municipalities() -> None:
    text = "Der Sportverband Musterland ehrt die Sieger. Der Sportverband Musterland lädt ein."
    assert place_bodies.association("Sportverband Musterland", "", text) is None


# --- an Amt of municipalities named once, then by its constitution's words


@pytest.mark.parametrize(
    ("header", "text", "expected"),
    [
        (
            {"title": "Erweiterung: Amt wird zur Baustelle", "publisher": "Musterzeitung"},
            "Musterstadt | Das Amt Musterland wächst mit seinen Aufgaben. Der Amtsausschuss stimmte zu.",
            ("Amt Musterland", None, {"Musterland"}),
        ),
        (
            UNKNOWN,
            "Im kommenden Jahr soll es vier Fachbereiche in der Amtsverwaltung Musterland geben. Die "
            "Mitglieder "
            "des Amtsausschusses stimmten zu. Der Amtsdirektor erläuterte die Gründe.",
            ("Amt Musterland", None, {"Musterland", "Amtsverwaltung Musterland"}),
        ),
    ],
)
def test_an_amt_named_once(tmp_path: Path, header: dict, text: str, expected) -> None:
    assert place_of(tmp_path, header, text) == expected


def test_an_office_called_amt_is_no_amt_of_municipalities() -> None:
    text = "Das Amt Umwelt zieht um. Das Amt bekommt neue Räume."
    assert place_bodies.municipal_amt("", "", text) is None


# --- Verwaltungsgemeinschaft and Samtgemeinde


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Zum ersten Juli hat die Verwaltungsgemeinschaft Musterhofen das Standesamt übernommen. Das "
            "Standesamt wurde bisher von der Verwaltungsgemeinschaft Musterhofen parallel geführt.",
            ("Verwaltungsgemeinschaft Musterhofen", None, {"Musterhofen", "VG Musterhofen"}),
        ),
        (
            "Zu einem Tag der offenen Tür lädt die Samtgemeinde Musterlühe ein, sagt "
            "Samtgemeinde-Bürgermeister "
            "Hans Beispiel.",
            ("Samtgemeinde Musterlühe", None, {"Musterlühe"}),
        ),
    ],
)
def test_a_municipal_association(tmp_path: Path, text: str, expected) -> None:
    assert place_of(tmp_path, UNKNOWN, text) == expected


# --- a German Bezirk of the third level


@pytest.mark.parametrize(
    ("header", "text"),
    [
        (
            UNKNOWN,
            "Die Erweiterung der Bezirksverwaltung Musterfranken ist abgeschlossen. Auf den Bezirk sind neue "
            "Aufgaben hinzugekommen, heißt es in einer Mitteilung des Bezirks.",
        ),
        (
            {"title": "Gäste im Bezirk Musterfranken", "publisher": "Bezirk Musterfranken"},
            "Musterstadt. Teilnehmer der Bayerischen Staatskanzlei waren im Bezirk Musterfranken zu Gast.",
        ),
    ],
)
def test_a_bezirk_of_the_third_level_is_the_place(tmp_path: Path, header: dict, text: str) -> None:
    assert place_of(tmp_path, header, text)[:2] == ("Bezirk Musterfranken", None)


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Das Bezirksamt Musterfeld baut um. Der Bezirk Musterfeld hat eine Bezirksbürgermeisterin.", None),
        ("Der Bezirk Musterfranken ehrt. Der Bezirk Musterfranken lädt ein. Der Bezirk feiert.", "AT"),
        ("Die Bezirke Musterfranken und Beispielfranken legen Kliniken zusammen. Der Bezirk zahlt.", None),
    ],
)
def test_no_bezirk_of_the_third_level(text: str, country: str | None) -> None:
    assert place_bodies.higher_district("", "", text, country) is None


# --- the council or administration of a municipality the gazetteer lacks


def test_a_council_named_after_its_municipality(tmp_path: Path) -> None:
    text = (
        "Der Gemeinderat Musterwil hat die Strukturen der Gemeindeverwaltung prüfen lassen. Per 1. September "
        "wird die Abteilung Bau in drei Abteilungen gegliedert."
    )
    assert place_of(tmp_path, UNKNOWN, text)[0] == "Musterwil"


def test_a_councillor_is_no_municipality(tmp_path: Path) -> None:
    text = "Gemeinderätin Anna Musterli übernimmt das Ressort Bau von dem Gemeinderat Musterli nicht."
    assert place_of(tmp_path, UNKNOWN, text)[0] != "Musterli"
