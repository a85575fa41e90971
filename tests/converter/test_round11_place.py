"""Round-11 rules for the document's place, counted from the misses of corpus/dev without batches o, p, s, t
and v (batches q, r and u first): each rule with texts of our own, one the converter read wrongly before the
rule and one where it must not fire. Evidence by dev halves: docs/converter-round11-conv-place11.md.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.converter.helpers import place_of

from kommgraph.convert.extract import dates, place_bodies
from kommgraph.convert.extract.model import DateValue
from kommgraph.convert.extract.place_names import bare_forms

UNKNOWN = {"title": "unknown", "publisher": "unknown"}


@pytest.mark.parametrize(
    ("name", "titles", "forms"),
    [
        ("Musterheim im Gau", ("Stadt",), {"Musterheim", "Stadt Musterheim"}),
        ("Musterbach/Region", (), {"Musterbach"}),
        ("Beispielau an der See", ("BH", "Bezirk"), {"Beispielau", "BH Beispielau", "Bezirk Beispielau"}),
        ("Musterheim", ("Stadt",), set()),  # no addition
        ("Am/Bei", (), set()),  # too short a name before it
    ],
)
def test_an_official_name_without_its_addition(name: str, titles: tuple[str, ...], forms: set[str]) -> None:
    assert bare_forms(name, titles) == forms


def test_a_town_with_an_addition_carries_its_bare_name(tmp_path: Path) -> None:
    text = "Die Stadt Wörth am Rhein richtet ein Amt für Klimaschutz ein. Wörth wächst."
    place, key, labels = place_of(tmp_path, UNKNOWN, text)
    assert (place, key) == ("Wörth am Rhein", "07334501")
    assert {"Wörth", "Stadt Wörth"} <= labels


def test_a_slashed_addition_is_left_off_too(tmp_path: Path) -> None:
    text = "Eislingen/Fils – Der Gemeinderat hat ein neues Bürgerbüro beschlossen."
    _, key, labels = place_of(tmp_path, UNKNOWN, text)
    assert key == "08117019"
    assert "Eislingen" in labels


def test_an_austrian_district_authority_is_known_by_its_bare_name(tmp_path: Path) -> None:
    text = (
        "Die Bezirkshauptmannschaft Ried im Innkreis feiert 150 Jahre. "
        "Die BH Ried im Innkreis hat heute fünf Abteilungen."
    )
    place, key, labels = place_of(tmp_path, UNKNOWN, text)
    assert (place, key) == ("Bezirk Ried im Innkreis", "AT-412")
    assert {"Bezirkshauptmannschaft Ried", "BH Ried"} <= labels


@pytest.mark.parametrize(
    ("header", "text", "key"),
    [  # the seat town's dateline, the Bezirkshauptmannschaft the subject: the Bezirk
        (
            UNKNOWN,
            "Schärding – Die Bezirkshauptmannschaft wird 150 Jahre alt. In Schärding feiert man. "
            "Die BH Schärding hat eine neue Abteilung. Die BH Schärding lädt ein.",
            "AT-414",
        ),
        (
            {"title": "BH Schärding: neue Abteilung für Umwelt", "publisher": "unknown"},
            "Schärding – Der Bezirkshauptmann stellt die Abteilung vor. In Schärding ist man stolz.",
            "AT-414",
        ),
        # a town's council, the district authority named once: the town
        (
            UNKNOWN,
            "Schärding – Der Gemeinderat von Schärding hat ein Bauamt geschaffen. "
            "Die Stadt Schärding braucht dafür keine Genehmigung der BH Schärding.",
            "AT-41422",
        ),
    ],
)
def test_a_district_authority_is_its_bezirk(tmp_path: Path, header: dict, text: str, key: str) -> None:
    assert place_of(tmp_path, header, text)[1] == key


def test_two_district_authorities_alike_choose_none() -> None:
    text = "Die BH Schärding und die BH Kufstein tauschen Erfahrungen aus."
    assert place_bodies.austrian_district("", "", text) is None


@pytest.mark.parametrize(
    ("header", "text", "place"),
    [
        (  # the Amt's own page: its constitution's words and its name
            {"title": "Verwaltung", "publisher": "Amt Musterland-Beispiel"},
            "Die Amtsverwaltung des Amtes Musterland-Beispiel hat ihren Sitz in Pinneberg. "
            "Der Amtsdirektor leitet sie.",
            "Amt Musterland-Beispiel",
        ),
        (  # named three times in a paper's report
            UNKNOWN,
            "Das Amt Musterland-Beispiel baut um. Der Amtsausschuss des Amtes Musterland-Beispiel "
            "stimmte zu. Die Gemeinden des Amtes Musterland-Beispiel zahlen die Umlage.",
            "Amt Musterland-Beispiel",
        ),
    ],
)
def test_an_amt_of_municipalities_is_the_place(tmp_path: Path, header: dict, text: str, place: str) -> None:
    assert place_of(tmp_path, header, text)[:2] == (place, None)


@pytest.mark.parametrize(
    ("publisher", "title", "text"),
    [  # a town's own paper names its partner Amt
        (
            "Stadt Pinneberg",
            "",
            "Die Stadt Pinneberg und das Amt Musterland bilden eine Verwaltungsgemeinschaft. Die Mitarbeiter "
            "des Amtes Musterland wechseln. Die Amtsverwaltung des Amtes Musterland zieht um.",
        ),
        # an office, no Amt of municipalities: no words of its constitution
        ("", "", "Das Amt Umwelt zieht um. Das Amt Umwelt bekommt Räume. Das Amt Umwelt wächst."),
    ],
)
def test_no_amt_of_municipalities(publisher: str, title: str, text: str) -> None:
    assert place_bodies.municipal_amt(publisher, title, text) is None


@pytest.mark.parametrize(
    ("header", "text", "expected"),
    [
        (  # a paper's report from the seat town: the association in the lead, by name and abbreviation
            {"title": "unknown", "publisher": "Musterzeitung"},
            "Pinneberg. Der Zweckverband Abfallwirtschaft Kreis Musterland (ZAM) wird umgebaut. Die "
            "ZAM-Service-Gesellschaft geht im Verband auf, teilt der ZAM mit.",
            ("Zweckverband Abfallwirtschaft Kreis Musterland", None, {"ZAM"}),
        ),
        (  # its own press office
            {"title": "Neuer Dezernent beim MVB", "publisher": "Landschaftsverband Musterland-Beispiel"},
            "Pinneberg (mvb). Die Landschaftsversammlung im Landschaftsverband Musterland-Beispiel (MVB) "
            "hat einen Sozialdezernenten gewählt.",
            ("Landschaftsverband Musterland-Beispiel", None, {"MVB"}),
        ),
        (  # a hyphenated compound without a name after it
            UNKNOWN,
            "Kreis Pinneberg. Der Wege-Zweckverband wird umstrukturiert. Der Wege-Zweckverband (WZM) hat "
            "einen neuen Vorsteher. Der WZM organisiert die Abfuhr.",
            ("Wege-Zweckverband", None, {"WZM"}),
        ),
    ],
)
def test_an_association_of_municipalities_is_the_place(
    tmp_path: Path, header: dict, text: str, expected: tuple
) -> None:
    assert place_of(tmp_path, header, text) == expected


@pytest.mark.parametrize(
    ("publisher", "title", "text"),
    [  # named once, late: a town's report
        (
            "",
            "",
            "Der Gemeinderat von Pinneberg hat ein Amt für Klimaschutz geschaffen. Es arbeitet mit vielen "
            "Partnern zusammen, auch mit dem Zweckverband Wasser Musterland.",
        ),
        # a town's own publisher line names its partner
        (
            "Stadt Pinneberg",
            "",
            "Der Zweckverband Wasser Musterland (ZWM) baut. Der ZWM und die Stadt teilen sich die Kosten.",
        ),
    ],
)
def test_no_association_of_municipalities(publisher: str, title: str, text: str) -> None:
    assert place_bodies.association(publisher, title, text) is None


@pytest.mark.parametrize(
    ("sentence", "published", "values"),
    [
        ("Die Stelle, die übermorgen in Betrieb geht, liegt im Rathaus.", "2031-12-30", ["2032-01-01"]),
        ("Ab morgen ist das Bürgerbüro im Erdgeschoss.", "2031-03-04", ["2031-03-05"]),
        ("Das Amt öffnet am Morgen.", "2031-03-04", []),  # the noun
        ("Das Amt hat heute morgen geöffnet.", "2031-03-04", []),  # this morning
        ("Die Stelle geht übermorgen in Betrieb.", "2031-03", []),  # no day to count from
    ],
)
def test_days_ahead(sentence: str, published: str, values: list[str]) -> None:
    found = dates.find_dates(sentence, DateValue(published))
    assert [d.value.value for d in found] == values


@pytest.mark.parametrize(
    ("sentence", "cue"),
    [  # a council's commission or an election closing a long clause: the date of a decision
        (
            "Im Juni 2031 hat der Kreistag des Landkreises die Kreisverwaltung mit der Umsetzung des "
            "Beispielkonzepts und der Einrichtung einer eigenständigen Stabsstelle Beispiel beauftragt.",
            "announced",
        ),
        ("Am 12. März 2031 bestätigten die Stimmberechtigten alle Mitglieder des Stadtrats.", "announced"),
        ("Am 3. Mai 2031 wählte der Rat eine neue Leiterin.", "announced"),
        # the change itself
        ("Im Februar 2032 hat die neue Stabsstelle ihre Arbeit aufgenommen.", "effective"),
    ],
)
def test_decisions_dated(sentence: str, cue: str) -> None:
    match = dates.find_dates(sentence, None)[0]
    assert dates.cue_before(sentence, match) == cue


def test_an_authoritys_own_publisher_line_names_a_place_the_gazetteer_lacks(tmp_path: Path) -> None:
    header = {"title": "Gemeinderat reduziert sein Pensum", "publisher": "Gemeinde Beispielwil"}
    text = "Per 1. Januar reduziert ein Gemeinderat sein Pensum. Der Präsident übernimmt zwei Bereiche."
    assert place_of(tmp_path, header, text)[0] == "Beispielwil"


def test_an_authoritys_own_publisher_line_outweighs_a_biography(tmp_path: Path) -> None:
    header = {"title": "Köpfe der Kreisverwaltung", "publisher": "Landkreis Emsland (Ratsinformationssystem)"}
    text = (
        "Köpfe der Kreisverwaltung\n\nDie Leiterin des Fachbereichs Gesundheit ist im Kreis Höxter "
        "aufgewachsen und hat in Münster studiert. Seit 2031 leitet sie den Fachbereich."
    )
    assert place_of(tmp_path, header, text)[1] == "03454"


def test_a_papers_publisher_line_is_no_authority(tmp_path: Path) -> None:
    header = {"title": "unknown", "publisher": "Stadtanzeiger Beispielwil"}
    text = "Der Gemeinderat hat ein Bauamt geschaffen."
    assert place_of(tmp_path, header, text)[0] is None
