"""Every Austrian and Swiss municipality of the official lists (tools/places_sources) is in the gazetteer,
also the small ones that GeoNames cities500 lacks."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pytest

from kommgraph.places import by_key, lookup, mentions
from kommgraph.places.store import index

TOOLS = Path(__file__).resolve().parents[2] / "tools"
# GeoNames numbers of Austrian municipalities merged before 2021 (Afiesl, Ahorn, Sankt Nikolai ob Draßling,
# Straß in Steiermark, Weitersfeld an der Mur): kept, since an IRI once given does not change.
STALE_GEONAMES = {"AT-41301", "AT-41302", "AT-61056", "AT-61058", "AT-62347"}


@pytest.fixture(scope="module")
def build():
    spec = importlib.util.spec_from_file_location("build_places", TOOLS / "build_places.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # puts tools/ on sys.path
    return importlib.import_module("places_alpine")


def source_count(name: str) -> int:
    """The count the vendored list states in its first line ("...: 2095")."""
    first = (TOOLS / "places_sources" / name).read_text(encoding="utf-8").splitlines()[0]
    return int(re.search(r": (\d+)$", first).group(1))


def official_keys(country: str, name: str) -> set[str]:
    lines = (TOOLS / "places_sources" / name).read_text(encoding="utf-8").splitlines()
    return {f"{country}-{line.split(chr(9))[0]}" for line in lines if not line.startswith("#")}


def municipal_keys(country: str) -> set[str]:
    rows = index().rows
    return {row[0] for row in rows if row[4] == country and row[3] in ("Gemeinde", "Statutarstadt")}


def test_every_austrian_municipality_of_the_official_list():
    official = official_keys("AT", "at_gemeinden.tsv")
    assert len(official) == source_count("at_gemeinden.tsv") == 2095
    assert municipal_keys("AT") == official | STALE_GEONAMES


def test_every_swiss_municipality_of_the_official_list():
    official = official_keys("CH", "ch_gemeinden.tsv")
    assert len(official) == source_count("ch_gemeinden.tsv") == 2136
    assert municipal_keys("CH") == official


@pytest.mark.parametrize(
    ("name", "key", "parent"),
    [
        ("Hinterhornbach", "AT-70815", "AT-708"),  # Tirol, under 100 inhabitants
        ("Kammersrohr", "CH-2549", "CH-B1107"),  # Solothurn, under 50 inhabitants
        ("Bister", "CH-6172", "CH-B2309"),
    ],
)
def test_a_small_municipality_is_found(name, key, parent):
    assert [p.key for p in lookup(name)] == [key]
    assert by_key(key).parent_key == parent
    assert by_key(key).kind == "Gemeinde"


def test_a_small_municipality_never_ranks_before_a_town_of_its_name():
    """ "Egg": the Zurich municipality (4,000) and the Vorarlberg one, before the Bavarian village."""
    assert [p.key for p in lookup("Egg")][:2] == ["CH-192", "AT-80211"]


def test_small_municipalities_keep_a_known_key_and_take_their_district(build):
    known = {
        "AT-7": {"key": "AT-7", "name": "Tirol"},
        "AT-708": {"key": "AT-708", "name": "Bezirk Reutte"},
        "CH-SO": {"key": "CH-SO", "name": "Solothurn"},
        "AT-70812": {"key": "AT-70812"},
    }
    official = [
        {"country": "AT", "code": "70812", "name": "Gramais", "state": "7", "district": "708"},
        {"country": "AT", "code": "70815", "name": "Hinterhornbach", "state": "7", "district": "708"},
        {"country": "CH", "code": "2549", "name": "Kammersrohr", "state": "SO", "district": "1107"},
    ]
    made = build.small_municipalities(official, known)
    assert [(p["key"], p["parent_key"], p["state"], p["population"]) for p in made] == [
        ("AT-70815", "AT-708", "Tirol", 0),
        ("CH-2549", "CH-SO", "Solothurn", 0),  # no district place known: the canton
    ]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Der stellvertretende Bürgermeister Jens Handreck berichtete.", []),  # a given name, not Jens BE
        ("Die Gemeinde Jens stimmte zu.", ["CH-738"]),
        ("Karl Meier und Linda Huber", []),  # villages under 500 inhabitants named like given names
        ("Emmerich und Lotte", ["05154008", "05566048"]),  # towns named so: still places
    ],
)
def test_a_small_place_named_like_a_given_name_needs_a_title(text, found):
    assert [m.place_candidates[0].key for m in mentions(text)] == found
