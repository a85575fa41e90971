"""Kinds of places, the title words that announce them ("Stadt", "Landkreis") and their ranking."""

from __future__ import annotations

MUNICIPAL = "municipal"
DISTRICT = "district"
STATE = "state"

KIND_LEVEL = {
    "kreisfreie Stadt": MUNICIPAL,
    "Stadt": MUNICIPAL,
    "Markt": MUNICIPAL,
    "Flecken": MUNICIPAL,
    "Gemeinde": MUNICIPAL,
    "gemeindefreies Gebiet": MUNICIPAL,
    "Statutarstadt": MUNICIPAL,
    "Stadtkreis": DISTRICT,
    "Landkreis": DISTRICT,
    "Kreis": DISTRICT,
    "Bezirk": DISTRICT,
    "Statutarstadt (Bezirk)": DISTRICT,
    "Land": STATE,
    "Kanton": STATE,
}
LEVEL_RANK = {MUNICIPAL: 0, DISTRICT: 1, STATE: 2}
# Within a level: the Kreis-level record of a kreisfreie Stadt before a Landkreis of the same name
# ("Kassel": the town, its Stadtkreis, then the Landkreis Kassel), and so the district record of an Austrian
# Statutarstadt ("Graz": the town, the Bezirk Graz (Stadt), then the Bezirk Graz-Umgebung).
KIND_RANK = {"Stadtkreis": -1, "Statutarstadt (Bezirk)": -1}

# Title words before a name, by the level they announce. Titles of single towns found in the official
# names (", Hansestadt", ", Lutherstadt" ...) are added from the data when the index is built.
TITLES = {
    MUNICIPAL: (
        "Stadt",
        "Gemeinde",
        "Markt",
        "Marktgemeinde",
        "Flecken",
        "Hansestadt",
        "Landeshauptstadt",
        "Kreisstadt",
        "Große Kreisstadt",
        "Freie und Hansestadt",
        "Freie Hansestadt",
        "Stadtgemeinde",
        "Statutarstadt",
        "Universitätsstadt",
        "Bundesstadt",
        "Kurstadt",
    ),
    DISTRICT: ("Landkreis", "Kreis", "Stadtkreis", "Bezirk", "Bezirkshauptmannschaft", "Verwaltungsbezirk"),
    STATE: ("Land", "Bundesland", "Freistaat", "Kanton", "Canton"),
}


# Names of an authority's administration before the name of its place ("Landratsamt Bamberg" is the
# Landkreis, not the town; "Stadtverwaltung Bamberg" the town). Not in the data's titles: added on loading.
AUTHORITY_TITLES = {
    MUNICIPAL: (
        "Stadtverwaltung",
        "Gemeindeverwaltung",
        "Magistrat der Stadt",
        "Magistrat der Landeshauptstadt",
        "Rathaus der Stadt",
        "Stadtkanzlei",
    ),
    DISTRICT: (
        "Landratsamt",
        "Landratsamts",
        "Landratsamtes",
        "Kreisverwaltung",
        "Kreisverwaltungen",
        "Kreishaus",
        "Kreisverwaltung des Landkreises",
        "Bezirkshauptmannschaft",
    ),
    STATE: ("Landesregierung", "Staatskanzlei", "Kantonsverwaltung", "Regierungsrat des Kantons"),
}


def level(kind: str) -> str:
    return KIND_LEVEL.get(kind, MUNICIPAL)


def rank(kind: str) -> tuple[int, int]:
    return LEVEL_RANK[level(kind)], KIND_RANK.get(kind, 0)
