"""The one label rule (kommgraph.core.labels): property order, language, stable choice, fallback."""

import pytest

from kommgraph.core.labels import NAME_OR_QUOTE_PROPERTIES, label, stated_label

PREF = "http://www.w3.org/2004/02/skos/core#prefLabel"
NAME = "http://xmlns.com/foaf/0.1/name"
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
EXACT = "http://www.w3.org/ns/oa#exact"
IRI = "https://w3id.org/kommgraph/id/unit/x/Amt_1"


def objects_from(table: dict[str, list[tuple[str, str | None]]]):
    return lambda iri, prop: table.get(prop, [])


@pytest.mark.parametrize(
    ("table", "expected"),
    [
        ({PREF: [("Amt B", "de"), ("Office", "en"), ("Amt A", "de")]}, "Amt A"),
        ({PREF: [("Office", "en")], RDFS_LABEL: [("Amt", "de")]}, "Office"),
        ({NAME: [("Erika Muster", None)], RDFS_LABEL: [("Person", "de")]}, "Erika Muster"),
        ({RDFS_LABEL: [("Z", None), ("Y", "en")]}, "Y"),
        ({EXACT: [("ein Zitat", None)]}, "Amt_1"),
        ({}, "Amt_1"),
    ],
)
def test_label_follows_property_order_then_language_then_text(table, expected):
    assert label(objects_from(table), IRI) == expected


def test_quotes_name_resources_only_when_asked():
    objects = objects_from({EXACT: [("ein Zitat", None)]})
    assert stated_label(objects, IRI) is None
    assert stated_label(objects, IRI, properties=NAME_OR_QUOTE_PROPERTIES) == "ein Zitat"
