"""VoID and DCAT-AP.de descriptions, generated from the data and checked against the official shapes."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from pyshacl import validate
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS, RDF, XSD

from kommgraph.core.vocab import KG, VOID

HERE = Path(__file__).resolve().parent
# The DCAT-AP.de 2.0 shapes (CC BY 4.0, see dcat-ap-de-2.0/LICENSE and README.md), shipped with the tests.
DCAT_AP_DE = HERE / "dcat-ap-de-2.0"
SPEC = ("dcat-ap-spec-german-messages.ttl", "dcat-ap-spec-german-additions.ttl", "dcat-ap-de-deprecated.ttl",
        "dcat-ap_2.1.1_shacl_shapes.ttl")
SPDX = Namespace("http://spdx.org/rdf/terms#")
DCATDE = Namespace("http://dcat-ap.de/def/dcatde/")
DATASET = URIRef("https://w3id.org/kommgraph/id/dataset/kommgraph")
AGS = ("06411000", "06412000", "06413000", "08222000")



@pytest.fixture(scope="module")
def void(release) -> Graph:
    return Graph().parse(release / "void.ttl")


@pytest.fixture(scope="module")
def dcat(release) -> Graph:
    return Graph().parse(release / "dcat.ttl")


def shapes(*names: str) -> Graph:
    graph = Graph()
    for name in names:
        graph.parse(DCAT_AP_DE / name, format="turtle")
    return graph


def data_graph(dcat: Graph) -> Graph:
    """The description with the local stand-ins for the remote controlled vocabularies."""
    graph = Graph()
    for triple in dcat:
        graph.add(triple)
    return graph.parse(HERE / "dcat-ap-de-vocabularies.ttl")


def test_void_counts_what_the_dumps_hold(release, void):
    merged = Graph().parse(release / "kommgraph.nt", format="nt")
    assert void.value(DATASET, VOID.triples) == Literal(len(merged))
    units = set(merged.subjects(RDF.type, KG.AdministrativeUnit))
    partition = URIRef(f"{DATASET}/class/kg-AdministrativeUnit")
    assert (DATASET, VOID.classPartition, partition) in void
    assert void.value(partition, VOID.entities) == Literal(len(units))
    entities = {s for s in merged.subjects() if str(s).startswith("https://w3id.org/kommgraph/id/")}
    assert void.value(DATASET, VOID.entities) == Literal(len(entities))
    assert void.value(DATASET, VOID.uriSpace) == Literal("https://w3id.org/kommgraph/id/")
    assert (DATASET, VOID.vocabulary, URIRef("http://www.w3.org/ns/org#")) in void
    dumps = set(void.objects(DATASET, VOID.dataDump))
    assert URIRef("https://w3id.org/kommgraph/kommgraph.trig") in dumps and len(dumps) == 5
    assert void.value(DATASET, VOID.sparqlEndpoint) is None  # only when served


def test_dcat_distributions_carry_media_types_and_checksums(release, dcat):
    distributions = set(dcat.objects(DATASET, DCAT.distribution))
    assert len(distributions) == 5
    for distribution in distributions:
        name = str(dcat.value(distribution, DCAT.downloadURL)).rsplit("/", 1)[1]
        data = (release / name).read_bytes()
        checksum = dcat.value(distribution, SPDX.checksum)
        assert dcat.value(checksum, SPDX.checksumValue) == Literal(hashlib.sha256(data).hexdigest(),
                                                                  datatype=XSD.hexBinary)
        assert dcat.value(distribution, DCAT.byteSize).toPython() == len(data)
        assert str(dcat.value(distribution, DCAT.mediaType)).startswith("https://www.iana.org/assignments/media-types/")
    trig = URIRef("https://w3id.org/kommgraph/id/distribution/kommgraph.trig")
    assert dcat.value(trig, DCAT.mediaType) == URIRef("https://www.iana.org/assignments/media-types/application/trig")
    assert dcat.value(trig, DCTERMS.format) == URIRef(
        "http://publications.europa.eu/resource/authority/file-type/RDF_TRIG")


def test_dcat_names_licence_geocoding_and_temporal_coverage(dcat):
    assert dcat.value(DATASET, DCTERMS.license) == URIRef("http://dcat-ap.de/def/licenses/cc-by/4.0")
    geocoding = set(dcat.objects(DATASET, DCATDE.politicalGeocodingURI))
    assert geocoding == {URIRef(f"http://dcat-ap.de/def/politicalGeocoding/municipalityKey/{a}") for a in AGS}
    period = dcat.value(DATASET, DCTERMS.temporal)
    # the earliest valid time: the Stabsstelle E-Government "about 2012", widened by a year
    assert dcat.value(period, DCAT.startDate) == Literal("2011-01-01", datatype=XSD.date)
    assert dcat.value(period, DCAT.endDate).toPython().year >= 2021
    assert dcat.value(DATASET, DCTERMS.publisher) is not None


def test_dcat_description_conforms_to_dcat_ap_de(dcat):
    conforms, _, text = validate(data_graph(dcat), shacl_graph=shapes(*SPEC), allow_warnings=False)
    assert conforms, text
    assert "Results" not in text  # not even a warning


def test_the_shapes_catch_a_broken_description(dcat):
    broken = data_graph(dcat)
    broken.remove((DATASET, DCTERMS.title, None))
    broken.add((DATASET, DCAT.theme, URIRef("http://example.org/not-a-theme")))
    conforms, _, text = validate(broken, shacl_graph=shapes(*SPEC))
    assert not conforms
    assert "dct:title MUSS vorhanden" in text
    assert "dcat:theme MUSS eine IRI aus diesem Vokabular verwenden" in text


def test_govdata_conventions_want_only_the_contributor_id(dcat):
    """The conventions profile adds GovData's delivery rules: a contributor ID (assigned by GovData to
    whoever delivers) is the one violation left."""
    conforms, report, _ = validate(data_graph(dcat), shacl_graph=shapes(*SPEC, "dcat-ap-konventionen.ttl"))
    sh = Namespace("http://www.w3.org/ns/shacl#")
    results = report.subjects(sh.resultSeverity, sh.Violation)
    violations = {str(report.value(r, sh.resultPath)) for r in results}
    assert not conforms
    assert violations == {str(DCATDE.contributorID)}
