"""The ontology defines every kg: term in use, each documented in German and English."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from kommgraph.core import paths
from kommgraph.core.vocab import KG, ONTOLOGY_IRI

ROOT = Path(__file__).resolve().parents[1]
KG_TERM = re.compile(r"(?:\bkg:|https://w3id\.org/kommgraph/ontology#)([A-Za-z][A-Za-z0-9_]*)")
USERS = ["data/ttl/**/*.ttl", "shapes/*.ttl", "queries/**/*.rq", "src/kommgraph/**/*.py", "tests/shapes/**/*"]


@pytest.fixture(scope="module")
def ontology() -> Graph:
    graph = Graph()
    for path in paths.ontology_files():
        graph.parse(path)
    return graph


def used_terms() -> dict[str, str]:
    used = {}
    for pattern in USERS:
        for path in sorted(ROOT.glob(pattern)):
            if path.is_file():
                for name in KG_TERM.findall(path.read_text(encoding="utf-8")):
                    used.setdefault(name, str(path.relative_to(ROOT)))
    return used


def defined(ontology: Graph) -> set[str]:
    return {str(s)[len(str(KG)) :] for s in ontology.subjects(RDF.type, None) if str(s).startswith(str(KG))}


def test_every_used_kg_term_is_defined(ontology):
    names = defined(ontology)
    missing = {name: where for name, where in used_terms().items() if name not in names}
    assert missing == {}


def test_ontology_has_version_iri_and_info(ontology):
    iri = URIRef(ONTOLOGY_IRI)
    assert (iri, RDF.type, OWL.Ontology) in ontology
    assert ontology.value(iri, OWL.versionIRI) is not None
    assert ontology.value(iri, OWL.versionInfo) is not None


def classes_and_properties(ontology: Graph) -> list[URIRef]:
    kinds = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty)
    return sorted(s for k in kinds for s in ontology.subjects(RDF.type, k) if str(s).startswith(str(KG)))


@pytest.mark.parametrize("lang", ["de", "en"])
def test_every_term_has_label_and_definition_in_both_languages(ontology, lang):
    lacking = [
        str(t)
        for t in classes_and_properties(ontology)
        if not any(getattr(o, "language", None) == lang for o in ontology.objects(t, RDFS.label))
        or not any(getattr(o, "language", None) == lang for o in ontology.objects(t, SKOS.definition))
    ]
    assert lacking == []


def test_every_property_has_a_range(ontology):
    props = [t for t in classes_and_properties(ontology) if (t, RDF.type, OWL.Class) not in ontology]
    assert props and [str(p) for p in props if ontology.value(p, RDFS.range) is None] == []


def test_every_class_is_aligned_to_a_standard_vocabulary(ontology):
    standard = (
        "http://www.w3.org/ns/org#",
        "http://www.w3.org/ns/prov#",
        "http://www.w3.org/2004/02/skos/core#",
        "http://xmlns.com/foaf/0.1/",
        "http://www.w3.org/ns/oa#",
        "http://purl.org/dc/terms/",
    )

    def aligned(cls, seen=()):
        for sup in ontology.objects(cls, RDFS.subClassOf):
            if str(sup).startswith(standard) or (sup not in seen and aligned(sup, (*seen, cls))):
                return True
        return False

    classes = [c for c in ontology.subjects(RDF.type, OWL.Class) if str(c).startswith(str(KG))]
    assert [str(c) for c in classes if not aligned(c)] == []


@pytest.mark.parametrize(
    ("scheme", "member"),
    [(KG.UnitTypes, KG.Stabsstelle), (KG.DocumentTypes, KG.CouncilReport), (KG.Roles, KG.CoHead)],
)
def test_concept_schemes_are_part_of_the_ontology(ontology, scheme, member):
    assert (scheme, RDF.type, SKOS.ConceptScheme) in ontology
    assert (member, SKOS.inScheme, scheme) in ontology


def test_the_core_contract_terms_exist(ontology):
    contract = [
        "LocalAuthority",
        "AdministrativeUnit",
        "ChangeEvent",
        "Founding",
        "Renaming",
        "Merger",
        "Split",
        "SpinOff",
        "Absorption",
        "Relocation",
        "TransferOfFunctions",
        "Dissolution",
        "Function",
        "SourceDocument",
        "Evidence",
        "Strategy",
        "ags",
        "ars",
        "unitType",
        "effectiveDate",
        "announcedDate",
        "transferredFunction",
        "decidedBy",
        "evidence",
        "start",
        "end",
        "inDocument",
        "sha256",
        "authority",
        "presentedOn",
        "projectCount",
        "measure",
        "validFrom",
        "validUntil",
        "succeededBy",
        "precededBy",
        "spunOffFrom",
        "Head",
        "CoHead",
        "PoliticallyResponsible",
    ]
    assert [t for t in contract if t not in defined(ontology)] == []


def test_org_axioms_that_the_published_file_breaks_are_stated(ontology):
    org = "http://www.w3.org/ns/org#"
    assert (URIRef(org + "unitOf"), RDFS.subPropertyOf, URIRef(org + "subOrganizationOf")) in ontology
    assert (URIRef(org + "Post"), RDFS.subClassOf, URIRef(org + "Organization")) in ontology
