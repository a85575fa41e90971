"""Round-13 rules for the document's place, counted from the misses of the tune set (batches aa–ad weighed
most): each rule with texts of our own, one the converter read wrongly before the rule and one where it must
not fire. Counts and scores: docs/converter.md "Round 13".
"""

from __future__ import annotations

from pathlib import Path

from tests.converter.helpers import place_of

from kommgraph import places as gazetteer
from kommgraph.convert.extract import place_bodies, place_levels, places

UNKNOWN = {"title": "unknown", "publisher": "unknown"}


# --- an adjective's place: the form the text writes out


def test_an_adjective_names_the_place_the_text_writes_out() -> None:
    context = "Brüggen. Im Brügger Rathaus werden zwei Ämter zusammengelegt."
    form, found = places._adjective_place(gazetteer, "Brügger", context)
    assert form == "Brüggen" and found[0].country == "DE"


def test_an_adjective_keeps_its_first_form_when_the_text_writes_none_out() -> None:
    form, found = places._adjective_place(gazetteer, "Brügger", "Im Brügger Gemeinderat wird umverteilt.")
    assert form == "Brügg" and found[0].country == "CH"


# --- a district named with its title word: a town of that name elsewhere is the district


def test_a_town_named_like_a_district_named_in_the_text_is_that_district() -> None:
    town = gazetteer.by_key("07132096")  # a Roth in the Westerwald, far from the Landkreis Roth
    district = gazetteer.by_key("09576")
    votes = {town.key: 9.0, district.key: 4.0}
    place_levels.district_over_namesake(gazetteer, votes, {town.key: town, district.key: district})
    assert votes == {town.key: 0.0, district.key: 13.0}


def test_a_town_in_its_namesake_district_keeps_its_votes() -> None:
    town = gazetteer.by_key("09576143")  # the district's own seat
    district = gazetteer.by_key("09576")
    votes = {town.key: 9.0, district.key: 4.0}
    place_levels.district_over_namesake(gazetteer, votes, {town.key: town, district.key: district})
    assert votes == {town.key: 9.0, district.key: 4.0}


def test_a_town_in_its_namesake_district_stays_the_town(tmp_path: Path) -> None:
    text = (
        "Passau. Der Oberbürgermeister von Passau ordnet das Rathaus neu: Das Amt für Schulen und das "
        "Sportamt werden zusammengelegt. Der Landkreis Passau ist nicht betroffen."
    )
    place, key, _ = place_of(tmp_path, UNKNOWN, text)
    assert key == "09262000"


def test_a_district_body_in_a_city_of_its_own_speaks_for_the_namesake_landkreis(tmp_path: Path) -> None:
    text = (
        "Das Landratsamt in Passau wird erweitert. Landrat und Kreistag haben den Neubau beschlossen; "
        "die Kreisverwaltung bekommt dort ein neues Amt für Digitales."
    )
    place, key, _ = place_of(tmp_path, UNKNOWN, text)
    assert (place, key) == ("Landkreis Passau", "09275")


# --- a ministry named by its field, with no Land named, is the place


def test_a_ministry_named_by_its_field_is_the_place(tmp_path: Path) -> None:
    text = (
        "Das Agrarministerium bekommt eine neue Struktur. Aus vier Sektionen werden drei, teilte das "
        "Ministerium am Montag mit. Im Ministerium entsteht außerdem eine Stabsstelle für Krisen."
    )
    place, key, _ = place_of(tmp_path, UNKNOWN, text)
    assert (place, key) == ("Agrarministerium", None)


def test_a_ministry_gets_its_full_name_where_the_text_gives_it() -> None:
    text = (
        'Das Agrarministerium wird umgebaut. Das "Bundesministerium für Landwirtschaft und Ernährung" '
        "hat künftig fünf Sektionen, teilte das Ministerium mit."
    )
    assert place_bodies.field_ministry("", text) == "Bundesministerium für Landwirtschaft und Ernährung"


def test_a_ministry_of_a_named_land_leaves_the_land_the_place(tmp_path: Path) -> None:
    text = (
        "Das bayerische Agrarministerium bekommt eine neue Struktur. Aus vier Abteilungen in Bayern werden "
        "drei, teilte das Ministerium mit. Im Ministerium entsteht eine Stabsstelle."
    )
    place, key, _ = place_of(tmp_path, UNKNOWN, text)
    assert key == "09"


# --- a person's former or next employer is not the place


def test_a_former_employer_named_with_its_title_is_not_the_place(tmp_path: Path) -> None:
    text = (
        "Das Ordnungsamt hat einen neuen Leiter. Er war zuvor zwölf Jahre bei der Stadt Tübingen tätig und "
        "hat für die Stadt Tübingen die Bußgeldstelle geleitet. Im Hechinger Rathaus beginnt er am Montag."
    )
    _, key, _ = place_of(tmp_path, UNKNOWN, text)
    assert key == "08417031"


def test_a_career_clause_hides_only_the_employer() -> None:
    from kommgraph.convert.extract.place_career import without_career_places

    text = "Sie wird zur Stadt Tübingen wechseln. Die Stabsstelle ist für die Stadt Hechingen tätig."
    assert without_career_places(text) == text.replace("Tübingen", "x" * len("Tübingen"))


# --- a minister speaks for a Land


def test_a_minister_makes_a_text_about_a_state_body(tmp_path: Path) -> None:
    text = (
        "Erfurt (dpa) - Die Bereitschaftspolizei bekommt eine neue Struktur. Statt zwei Abteilungen soll es "
        "drei geben, sagte Innenministerin Erika Beispiel am Dienstag in Erfurt. Der Standort bleibt."
    )
    _, key, _ = place_of(tmp_path, UNKNOWN, text)
    assert key == "16"


def test_a_minister_visiting_a_town_leaves_the_town_the_place(tmp_path: Path) -> None:
    text = (
        "Erfurt (dpa) - Das Bürgeramt bekommt eine neue Struktur, sagte Oberbürgermeister Max Beispiel am "
        "Dienstag in Erfurt. Auch Innenministerin Erika Muster kam zur Eröffnung nach Erfurt."
    )
    _, key, _ = place_of(tmp_path, UNKNOWN, text)
    assert key == "16051000"


# --- a headline's speaker before the colon is no place


def test_a_headline_speaker_named_after_a_given_name_is_no_place(tmp_path: Path) -> None:
    text = (
        "Quandtfeld: Wir sparen Kosten, nicht Leistungen\n\nDas Ministerium für Verkehr hat künftig vier "
        "Abteilungen statt sechs. „Eine klarere Struktur“, sagte Minister Dr. Erik Quandtfeld am Montag."
    )
    place, _, _ = place_of(tmp_path, UNKNOWN, text)
    assert place != "Quandtfeld"


def test_a_town_before_the_headline_colon_stays_the_place(tmp_path: Path) -> None:
    text = (
        "Hechingen: Neues Amt für Digitales\n\nDie Stadt bekommt ein Amt für Digitales, sagte "
        "Bürgermeister Erik Quandtfeld am Montag im Rathaus."
    )
    _, key, _ = place_of(tmp_path, UNKNOWN, text)
    assert key == "08417031"


# --- an association's name in the publisher line's own form


def test_an_association_keeps_the_publisher_s_form_of_its_name(tmp_path: Path) -> None:
    header = {
        "title": "Die neue VG Hinterwald-Lohbach im Überblick",
        "publisher": "Verbandsgemeinde Hinterwald-Lohbach",
    }
    text = (
        "Die neue VG Hinterwald-Lohbach im Überblick\n\nDie Verwaltung hat vier Fachbereiche. Der "
        "Verbandsgemeinderat hat die Geschäftsverteilung beschlossen."
    )
    place, key, _ = place_of(tmp_path, header, text)
    assert (place, key) == ("Verbandsgemeinde Hinterwald-Lohbach", None)


def test_an_association_without_publisher_line_keeps_the_headline_s_form(tmp_path: Path) -> None:
    header = {"title": "Die neue VG Hinterwald-Lohbach im Überblick", "publisher": "unknown"}
    text = (
        "Die neue VG Hinterwald-Lohbach im Überblick\n\nDie Verwaltung der Verbandsgemeinde hat vier "
        "Fachbereiche. Der Verbandsgemeinderat hat die Geschäftsverteilung beschlossen."
    )
    place, _, _ = place_of(tmp_path, header, text)
    assert place == "Verbandsgemeinde Hinterwald-Lohbach im Überblick"
