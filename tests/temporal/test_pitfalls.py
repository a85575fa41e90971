"""The quiet failures of today's RDF tools with imprecise dates, and that kommgraph is not caught by them."""

from __future__ import annotations

import datetime as dt

from rdflib import Graph, Literal
from rdflib.namespace import XSD
from tests.conftest import derived_graph_of

from kommgraph.core import dates
from kommgraph.validation.shacl import shacl_findings
from kommgraph.validation.shapes import shapes_graph

UNIT = """
@prefix kg: <https://w3id.org/kommgraph/ontology#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
<https://w3id.org/kommgraph/id/unit/06413000/stabsstelle-digitalisierung>
    kg:validFrom "2021-03"^^xsd:gYearMonth ; kg:validUntil "2023-01-01"^^xsd:date .
<https://w3id.org/kommgraph/id/unit/06413000/hauptamt>
    kg:validFrom "2021-03-01"^^xsd:date ; kg:validUntil "2023-01-01"^^xsd:date .
"""
NAIVE_FILTER = """
PREFIX kg: <https://w3id.org/kommgraph/ontology#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
SELECT ?unit WHERE { ?unit kg:validFrom ?from . FILTER(?from <= "2021-04-01"^^xsd:date) } ORDER BY ?unit
"""
BOUNDS_FILTER = """
PREFIX kg: <https://w3id.org/kommgraph/ontology#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
SELECT ?unit WHERE { ?unit kg:validFromLatest ?from . FILTER(?from <= "2021-04-01"^^xsd:date) } ORDER BY ?unit
"""
LESS_THAN_SHAPE = """
@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix kg: <https://w3id.org/kommgraph/ontology#> .
<urn:shape> a sh:NodeShape ; sh:targetSubjectsOf kg:validFrom ;
    sh:property [ sh:path kg:validFrom ; sh:lessThan kg:validUntil ] .
"""


def _units(rows) -> list[str]:
    return [str(row[0]).rsplit("/", 1)[-1] for row in rows]


def test_rdflib_gives_a_gyearmonth_no_value():
    assert Literal("2021-03", datatype=XSD.gYearMonth).value is None


def test_rdflib_date_filter_silently_drops_the_gyearmonth_unit():
    graph = Graph().parse(data=UNIT, format="turtle")
    assert _units(graph.query(NAIVE_FILTER)) == ["hauptamt"]  # the Stabsstelle is gone, without a word


def test_kommgraph_compares_through_derived_bounds_and_keeps_it():
    graph = derived_graph_of(UNIT)
    assert _units(graph.query(BOUNDS_FILTER)) == ["hauptamt", "stabsstelle-digitalisierung"]
    start = dates.parse("2021-03", dates.YEAR_MONTH)
    assert dates.exists_on(dt.date(2021, 4, 1), start, dates.parse("2023-01-01")) is dates.Answer.CERTAIN


def test_pyshacl_less_than_reports_a_gyearmonth_start_before_a_date_end_as_violation():
    import pyshacl

    data = Graph().parse(data=UNIT, format="turtle")
    conforms, results, text = pyshacl.validate(
        data, shacl_graph=Graph().parse(data=LESS_THAN_SHAPE, format="turtle")
    )
    assert not conforms  # although March 2021 certainly lies before 1 January 2023
    assert "Focus Node: <https://w3id.org/kommgraph/id/unit/06413000/stabsstelle-digitalisierung>" in text
    assert "LessThanConstraintComponent" in text


def test_kommgraph_shapes_accept_that_lifespan():
    findings = shacl_findings(derived_graph_of(UNIT), shapes_graph())
    assert [f for f in findings if "Lifespan" in f.rule] == []


def test_kommgraph_shapes_still_find_a_start_certainly_after_the_end():
    broken = UNIT.replace(
        '"2023-01-01"^^xsd:date .\n<https://w3id.org/kommgraph/id/unit/06413000/hauptamt>',
        '"2021-02-15"^^xsd:date .\n<https://w3id.org/kommgraph/id/unit/06413000/hauptamt>',
    )
    findings = shacl_findings(derived_graph_of(broken), shapes_graph())
    lifespan = [f for f in findings if "Lifespan" in f.rule]
    assert [f.focus.rsplit("/", 1)[-1] for f in lifespan] == ["stabsstelle-digitalisierung"]
