"""The curated graphs: every gold fact, every quote verbatim at its offsets, one layout, shared IRIs."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
import tomllib

import pytest
from rdflib import BNode, Graph, URIRef
from rdflib.namespace import RDF

from conftest import DATA, SHARED
from kommgraph.core import turtle
from kommgraph.core.vocab import KG, OA, PROV
from kommgraph.store.sources import METADATA_KEYS, read_source

SOURCES = sorted(p.stem for p in (DATA / "sources").glob("*.txt"))
FACT_CLASSES = [KG.AdministrativeUnit, KG.ChangeEvent, KG.Strategy, KG.Measure, KG.Function]


def graph_of(stem: str) -> Graph:
    return Graph().parse(DATA / "ttl" / f"{stem}.ttl")


def test_there_are_five_sources():
    assert len(SOURCES) == 5


@pytest.mark.parametrize("stem", SOURCES)
def test_each_source_has_a_curated_graph_and_sidecar(stem):
    assert (DATA / "ttl" / f"{stem}.ttl").is_file()
    meta = tomllib.loads((DATA / "sources" / f"{stem}.meta.toml").read_text(encoding="utf-8"))
    assert {"title", "published", "place", "publisher", "type"} <= set(meta) <= set(METADATA_KEYS) | {"notes"}


def test_the_council_report_has_its_number_with_its_year():
    assert read_source(DATA / "sources" / "001_58ae47960ac759d4.txt").metadata["identifier"] == "B 350/2018"


@pytest.mark.parametrize("stem", SOURCES)
def test_every_quote_is_verbatim_at_its_offsets(stem):
    text = read_source(DATA / "sources" / f"{stem}.txt").text
    graph = graph_of(stem)
    evidences = list(graph.subjects(RDF.type, KG.Evidence))
    assert evidences
    for evidence in evidences:
        start, end = int(graph.value(evidence, KG.start)), int(graph.value(evidence, KG.end))
        assert text[start:end] == str(graph.value(evidence, OA.exact)), evidence


@pytest.mark.parametrize("stem", SOURCES)
def test_stored_checksum_matches_the_source(stem):
    graph = graph_of(stem)
    doc = URIRef(f"https://w3id.org/kommgraph/id/source/{stem}")
    assert str(graph.value(doc, KG.sha256)) == read_source(DATA / "sources" / f"{stem}.txt").sha256


@pytest.mark.parametrize("stem", SOURCES)
def test_every_fact_names_its_source_and_a_quote_from_it(stem):
    graph = graph_of(stem)
    doc = URIRef(f"https://w3id.org/kommgraph/id/source/{stem}")
    facts = {s for c in FACT_CLASSES for s in graph.subjects(RDF.type, c)}
    facts |= {
        s
        for cls in (KG.Founding, KG.Renaming, KG.SpinOff, KG.TransferOfFunctions)
        for s in graph.subjects(RDF.type, cls)
    }
    for fact in facts:
        assert (fact, PROV.wasDerivedFrom, doc) in graph, fact
        assert any(graph.value(e, KG.inDocument) == doc for e in graph.objects(fact, KG.evidence)), fact


@pytest.mark.parametrize("path", sorted((DATA / "ttl").rglob("*.ttl")), ids=lambda p: p.name)
def test_files_are_in_the_canonical_layout_without_blank_nodes(path):
    text = path.read_text(encoding="utf-8")
    assert not any(
        isinstance(t, BNode) for triple in Graph().parse(data=text, format="turtle") for t in triple
    )
    assert turtle.reformat(text, str(path)) == text


def test_one_renaming_stated_by_two_sources_is_one_event_with_the_same_units():
    event = URIRef(
        "https://w3id.org/kommgraph/id/event/06412000/2018-06-01-renaming-stabsstelle-digitalisierung"
    )
    news, report = graph_of("000_d65d91dc76021873"), graph_of("001_58ae47960ac759d4")
    for graph in (news, report):
        assert (event, RDF.type, KG.Renaming) in graph
    org = "http://www.w3.org/ns/org#"
    for prop in ("originalOrganization", "resultingOrganization"):
        assert set(news.objects(event, URIRef(org + prop))) == set(report.objects(event, URIRef(org + prop)))


def test_dates_keep_their_precision():
    offenbach = graph_of("003_9b221352012cf691")
    founded = offenbach.value(
        URIRef("https://w3id.org/kommgraph/id/unit/06413000/stabsstelle-digitalisierung"), KG.validFrom
    )
    assert (str(founded), str(founded.datatype)) == ("2021-03", "http://www.w3.org/2001/XMLSchema#gYearMonth")


SCORER = SHARED / "tools" / "score_extraction.py"


@pytest.mark.skipif(
    not SCORER.exists(), reason="../shared/tools/score_extraction.py is not beside the project"
)
def test_curated_graphs_hold_every_gold_fact():
    spec = importlib.util.spec_from_file_location("score_extraction", SCORER)
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)
    result = scorer.score(SHARED / "gold" / "seeds", DATA / "ttl")
    assert [result[k]["f1"] for k in ("units", "events", "persons")] == [1.0, 1.0, 1.0]
    assert (result["event_dates_exact"], result["issued_exact"], result["place"]) == (1.0, 1.0, 1.0)


@pytest.mark.skipif(
    not SCORER.exists(), reason="../shared/tools/score_extraction.py is not beside the project"
)
def test_scorer_command_line_reports_full_marks():
    out = subprocess.run(
        [sys.executable, str(SCORER), str(SHARED / "gold" / "seeds"), str(DATA / "ttl"), "--json"],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    assert json.loads(out.stdout)["events"]["f1"] == 1.0
