"""An event named in a finding by its kind and date: with two dates (two sources disagree) the name must
not depend on the order the store holds them in (it once took the first one inserted)."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from kommgraph.validation.labels import label_of

KG = "https://w3id.org/kommgraph/ontology#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
XSD = "http://www.w3.org/2001/XMLSchema#"
EVENT = "https://w3id.org/kommgraph/id/event/09999000/2020-renaming"


def store_with_dates(dates: list[tuple[str, str]]) -> ox.Store:
    store = ox.Store()
    renaming = ox.NamedNode(f"{KG}Renaming")
    store.add(ox.Quad(renaming, ox.NamedNode(f"{RDFS}subClassOf"), ox.NamedNode(f"{KG}ChangeEvent")))
    store.add(ox.Quad(renaming, ox.NamedNode(f"{RDFS}label"), ox.Literal("Umbenennung", language="de")))
    store.add(
        ox.Quad(
            ox.NamedNode(EVENT), ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), renaming
        )
    )
    for value, datatype in dates:
        literal = ox.Literal(value, datatype=ox.NamedNode(f"{XSD}{datatype}"))
        store.add(ox.Quad(ox.NamedNode(EVENT), ox.NamedNode(f"{KG}effectiveDate"), literal))
    return store


@pytest.mark.parametrize(
    "dates",
    [
        [("2020-04", "gYearMonth"), ("2020-01-01", "date")],
        [("2020-01-01", "date"), ("2020-04", "gYearMonth")],
        [("2021-06-01", "date"), ("2020-01-01", "date")],
    ],
)
def test_the_earliest_written_date_names_the_event_whatever_the_order(dates):
    assert label_of(store_with_dates(dates), EVENT) == "Umbenennung 2020-01-01"
