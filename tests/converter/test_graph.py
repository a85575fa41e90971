"""The draft graph: evidence quotes match the text, every fact has a source, no blank nodes."""

from __future__ import annotations

import pytest
from rdflib import BNode, Literal
from rdflib.namespace import FOAF, PROV, RDF, SKOS
from tests.converter.helpers import TEXTS, fixture_stems

from kommgraph.convert.extract import DateValue
from kommgraph.convert.graph import date_literal, to_graph
from kommgraph.core.vocab import KG, OA, ORG
from kommgraph.store.sources import read_source

FACT_TYPES = [KG.AdministrativeUnit, FOAF.Person, ORG.Membership, KG.Renaming, KG.Founding, KG.Merger]
# The fixtures in which the converter must find nothing; every other one must give facts with evidence.
WITHOUT_FACTS = {"54_no_event_strategy", "55_no_unit_from_plural"}


@pytest.mark.parametrize("stem", fixture_stems())
def test_evidence_quotes_the_text(stem: str) -> None:
    doc = read_source(TEXTS / f"{stem}.txt")
    graph = to_graph(doc)
    evidence = list(graph.subjects(RDF.type, KG.Evidence))
    assert bool(evidence) == (stem not in WITHOUT_FACTS), f"{stem}: {len(evidence)} kg:Evidence"
    for node in evidence:
        start, end = int(graph.value(node, KG.start)), int(graph.value(node, KG.end))
        assert doc.text[start:end] == str(graph.value(node, OA.exact))


@pytest.mark.parametrize("stem", fixture_stems())
def test_every_fact_has_source_evidence_and_confidence(stem: str) -> None:
    graph = to_graph(read_source(TEXTS / f"{stem}.txt"))
    assert not any(isinstance(term, BNode) for triple in graph for term in triple)
    facts = [node for fact_type in FACT_TYPES for node in graph.subjects(RDF.type, fact_type)]
    assert bool(facts) == (stem not in WITHOUT_FACTS), f"{stem}: {len(facts)} facts"
    for node in facts:
        assert graph.value(node, PROV.wasDerivedFrom) is not None
        assert graph.value(node, KG.evidence) is not None
        assert graph.value(node, KG.confidence) is not None


def test_draft_status_and_authority_label() -> None:
    graph = to_graph(read_source(TEXTS / "09_founding_schafft.txt"))
    assert (None, KG.curationStatus, KG.Draft) in graph
    authority = next(graph.objects(None, ORG.unitOf))
    assert str(authority).endswith("authority/06631")  # the gazetteer's AGS of Landkreis Fulda
    assert str(graph.value(authority, SKOS.prefLabel)) == "Landkreis Fulda"


@pytest.mark.parametrize(
    ("value", "datatype"), [("2021-04-01", "date"), ("2021-03", "gYearMonth"), ("2019", "gYear")]
)
def test_dates_keep_their_precision(value: str, datatype: str) -> None:
    literal = date_literal(DateValue(value))
    assert isinstance(literal, Literal)
    assert str(literal) == value and str(literal.datatype).endswith(datatype)
