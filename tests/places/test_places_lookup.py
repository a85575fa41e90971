"""lookup, by_key and authority_iri against the bundled data (keys as the source data has them)."""

from __future__ import annotations

import pytest

from kommgraph.places import Place, authority_iri, by_key, lookup


@pytest.mark.parametrize(
    ("query", "keys"),
    [
        ("Kassel", ("06611000", "06611", "06633")),
        ("Gießen", ("06531005", "06531")),
        ("Landkreis Gießen", ("06531",)),
        ("Kreis Gießen", ("06531",)),
        ("Landkreis Kassel", ("06633",)),
        ("Stadt Kassel", ("06611000",)),
        ("Rhein-Sieg-Kreis", ("05382",)),
        ("Hansestadt Lübeck", ("01003000",)),
        ("Lutherstadt Wittenberg", ("15091375",)),
        ("Markt Berchtesgaden", ("09172116",)),
        ("Frankfurt", ("06412000", "12053000")),
        ("Frankfurt am Main", ("06412000", "06412")),
        ("Frankfurt (Oder)", ("12053000", "12053")),
        ("Offenbach am Main", ("06413000", "06413")),
        ("Region Hannover", ("03241",)),
        ("Landeshauptstadt Hannover", ("03241001",)),
        ("Städteregion Aachen", ("05334",)),
        ("Kreis Gütersloh", ("05754",)),
        ("Berlin", ("11000000", "11", "11000")),
        ("Hessen", ("06",)),
        ("Salzburg", ("AT-50101", "07143291", "AT-5", "AT-501")),
        ("Bautzen", ("14625020", "14625")),
        ("Cottbus", ("12052000", "12052")),
        ("Halle", ("15002000", "05754012", "03255016", "03456008")),
        ("Freistaat Bayern", ("09",)),
        ("Wien", ("AT-90001", "AT-9", "AT-900")),
        ("Tirol", ("AT-7",)),
        ("Kanton Bern", ("CH-BE",)),
        ("Kanton Zürich", ("CH-ZH",)),
        ("Kanton Genf", ("CH-GE",)),
        ("St. Gallen", ("CH-SG", "CH-3203", "AT-61264", "CH-B1721")),
    ],
)
def test_lookup_finds_places_in_order(query, keys):
    assert tuple(place.key for place in lookup(query)) == keys


@pytest.mark.parametrize(
    ("query", "first_key"),
    [
        ("München", "09162000"),
        ("Muenchen", "09162000"),
        ("MÜNCHEN", "09162000"),
        ("Köln", "05315000"),
        ("Koeln", "05315000"),
        ("giessen", "06531005"),
        ("Hamburg", "02000000"),
        ("Bremen", "04011000"),
        ("Halle", "15002000"),
        ("Offenbach", "06413000"),
        ("Freiburg", "08311000"),
        ("Sankt Gallen", "CH-SG"),
    ],
)
def test_lookup_is_case_and_umlaut_robust_and_prefers_the_larger_town(query, first_key):
    assert lookup(query)[0].key == first_key


@pytest.mark.parametrize(
    "query",
    ["", "   ", "Nirgendwo-am-See", "Kanton Graz", "Kanton Linz"],
)
def test_lookup_finds_nothing(query):
    assert lookup(query) == ()


def test_by_key_returns_the_whole_record():
    assert by_key("06611000") == Place(
        key="06611000",
        name="Kassel, documenta-Stadt",
        short="Kassel",
        kind="kreisfreie Stadt",
        country="DE",
        state="Hessen",
        parent_key="06611",
        population=197230,
    )


@pytest.mark.parametrize(
    ("key", "name", "short", "kind", "country", "state", "parent_key"),
    [
        ("06531", "Gießen, Landkreis", "Landkreis Gießen", "Landkreis", "DE", "Hessen", "06"),
        ("05382", "Rhein-Sieg-Kreis", "Rhein-Sieg-Kreis", "Kreis", "DE", "Nordrhein-Westfalen", "05"),
        ("06", "Hessen", "Hessen", "Land", "DE", "Hessen", None),
        ("09172116", "Berchtesgaden, M", "Berchtesgaden", "Markt", "DE", "Bayern", "09172"),
        ("01003000", "Lübeck, Hansestadt", "Lübeck", "kreisfreie Stadt", "DE", "Schleswig-Holstein", "01003"),
        ("AT-9", "Wien", "Wien", "Land", "AT", "Wien", None),
        ("CH-ZH", "Zürich", "Zürich", "Kanton", "CH", "Zürich", None),
    ],
)
def test_by_key(key, name, short, kind, country, state, parent_key):
    place = by_key(key)
    assert (place.name, place.short, place.kind, place.country, place.state, place.parent_key) == (
        name,
        short,
        kind,
        country,
        state,
        parent_key,
    )


@pytest.mark.parametrize("key", ["", "99999999", "AT-10", "CH-XX", "Kassel"])
def test_by_key_unknown_is_none(key):
    assert by_key(key) is None


@pytest.mark.parametrize(
    ("key", "iri"),
    [
        ("06611000", "https://w3id.org/kommgraph/id/authority/06611000"),
        ("06531", "https://w3id.org/kommgraph/id/authority/06531"),
        ("AT-9", "https://w3id.org/kommgraph/id/authority/AT-9"),
        ("CH-BE", "https://w3id.org/kommgraph/id/authority/CH-BE"),
    ],
)
def test_authority_iri(key, iri):
    assert authority_iri(by_key(key)) == iri
    assert authority_iri(key) == iri


def test_authority_iri_with_another_base():
    assert authority_iri("06531", base="http://example.org/id/") == "http://example.org/id/authority/06531"
