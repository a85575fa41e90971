"""The derivation rules (queries/rules/*.rq): succession, lifespans, authority, and date bounds."""

from __future__ import annotations

import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import XSD

from conftest import derived_graph_of
from kommgraph.core.vocab import KG, ORG

PREFIXES = """
PREFIX kg: <https://w3id.org/kommgraph/ontology#>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
PREFIX x: <http://example.org/>
"""


def derived(turtle: str):
    return derived_graph_of(PREFIXES + turtle)


X = "http://example.org/"


@pytest.mark.parametrize(
    "value, datatype, earliest, latest",
    [
        ("2018-06-01", XSD.date, "2018-06-01", "2018-06-01"),
        ("2021-03", XSD.gYearMonth, "2021-03-01", "2021-03-31"),
        ("2021-04", XSD.gYearMonth, "2021-04-01", "2021-04-30"),
        ("2020-02", XSD.gYearMonth, "2020-02-01", "2020-02-29"),
        ("2021-02", XSD.gYearMonth, "2021-02-01", "2021-02-28"),
        ("1900-02", XSD.gYearMonth, "1900-02-01", "1900-02-28"),
        ("2000-02", XSD.gYearMonth, "2000-02-01", "2000-02-29"),
        ("2019", XSD.gYear, "2019-01-01", "2019-12-31"),
    ],
)
def test_date_bounds_follow_the_precision(value, datatype, earliest, latest):
    graph = derived(f'x:u kg:validFrom "{value}"^^<{datatype}> .')
    u = URIRef(X + "u")
    assert graph.value(u, KG.validFromEarliest) == Literal(earliest, datatype=XSD.date)
    assert graph.value(u, KG.validFromLatest) == Literal(latest, datatype=XSD.date)


def test_an_approximate_year_widens_by_a_year_each_side():
    graph = derived('x:u kg:validFrom "2012"^^xsd:gYear ; kg:approximate kg:validFrom .')
    u = URIRef(X + "u")
    assert (str(graph.value(u, KG.validFromEarliest)), str(graph.value(u, KG.validFromLatest))) == (
        "2011-01-01",
        "2013-12-31",
    )


def test_bounds_for_event_dates_and_unit_ends():
    graph = derived(
        'x:e kg:effectiveDate "2018"^^xsd:gYear ; kg:announcedDate "2017-11"^^xsd:gYearMonth . '
        'x:u kg:validUntil "2018-06-01"^^xsd:date .'
    )
    e, u = URIRef(X + "e"), URIRef(X + "u")
    assert str(graph.value(e, KG.effectiveDateLatest)) == "2018-12-31"
    assert str(graph.value(e, KG.announcedDateLatest)) == "2017-11-30"
    assert str(graph.value(u, KG.validUntilEarliest)) == "2018-06-01"


@pytest.mark.parametrize("event_type", ["Renaming", "Merger", "Split", "SpinOff", "Absorption"])
def test_succession_is_derived_from_replacing_events(event_type):
    graph = derived(f"x:e a kg:{event_type} ; org:originalOrganization x:a ; org:resultingOrganization x:b .")
    a, b = URIRef(X + "a"), URIRef(X + "b")
    assert (a, KG.succeededBy, b) in graph and (b, KG.precededBy, a) in graph


@pytest.mark.parametrize("event_type", ["TransferOfFunctions", "Relocation"])
def test_no_succession_where_no_unit_replaces_another(event_type):
    graph = derived(f"x:e a kg:{event_type} ; org:originalOrganization x:a ; org:resultingOrganization x:b .")
    assert list(graph.triples((None, KG.succeededBy, None))) == []


def test_lifespans_come_from_events_where_no_source_states_them():
    graph = derived(
        "x:e a kg:Renaming ; org:originalOrganization x:a ; org:resultingOrganization x:b ; "
        'kg:effectiveDate "2021-03"^^xsd:gYearMonth . '
        'x:f a kg:Founding ; org:resultingOrganization x:c ; kg:effectiveDate "2020"^^xsd:gYear . '
        'x:c kg:validFrom "2020-05-04"^^xsd:date .'
    )
    a, b, c = (URIRef(X + n) for n in "abc")
    assert graph.value(a, KG.validUntil) == Literal("2021-03", datatype=XSD.gYearMonth)
    assert graph.value(b, KG.validFrom) == Literal("2021-03", datatype=XSD.gYearMonth)
    assert list(graph.objects(c, KG.validFrom)) == [Literal("2020-05-04", datatype=XSD.date)]  # stated wins


def test_authority_is_derived_along_the_parent_chain():
    graph = derived(
        "x:town a kg:LocalAuthority . x:amt a kg:AdministrativeUnit ; org:unitOf x:town . "
        "x:abt a kg:AdministrativeUnit ; org:subOrganizationOf x:amt . "
        "x:sg a kg:AdministrativeUnit ; org:subOrganizationOf x:abt ."
    )
    assert graph.value(URIRef(X + "sg"), ORG.unitOf) == URIRef(X + "town")
    assert graph.value(URIRef(X + "abt"), ORG.unitOf) == URIRef(X + "town")


def test_bundled_data_derivations(bundled):
    assert bundled.derived["10-succession"] == 4  # two replacements, each in both directions
    assert bundled.derived["40-date-bounds"] > 0
