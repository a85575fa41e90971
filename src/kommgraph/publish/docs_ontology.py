"""Documentation of the kommgraph ontology (all modules of ``ontology/*.ttl``) as one HTML page.

pyLODE was tried first: its current release (3.4.1) fails on import (it reads a ``pyproject.toml``
that its wheel does not ship), and 3.2.1 works offline but titles the page after one of the concept
schemes of the file instead of the ontology. This module therefore renders its own template, in
German and English, with the same look and no external assets as the other pages.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pyoxigraph as ox

from kommgraph.core import media
from kommgraph.core.vocab import KG, ONTOLOGY_GRAPH, ONTOLOGY_IRI, OWL_NS
from kommgraph.publish import page_facts as pages
from kommgraph.publish.site import Site

OWL = str(OWL_NS)
RDFS = pages.RDFS
SKOS = pages.SKOS
DCT = pages.DCT
KINDS = (
    ("classes", "Klassen", (OWL + "Class", RDFS + "Class")),
    ("object-properties", "Objekteigenschaften", (OWL + "ObjectProperty",)),
    ("datatype-properties", "Dateneigenschaften", (OWL + "DatatypeProperty",)),
    (
        "annotation-properties",
        "Annotationseigenschaften",
        (OWL + "AnnotationProperty", pages.RDF_TYPE[:-4] + "Property"),
    ),
    ("datatypes", "Datentypen", (RDFS + "Datatype",)),
    ("schemes", "Begriffsschemata", (SKOS + "ConceptScheme",)),
)


@dataclass
class Term:
    iri: str
    anchor: str
    labels: dict[str, str]
    definitions: dict[str, str]
    relations: list[tuple[str, list]] = field(default_factory=list)
    concepts: list = field(default_factory=list)


class _Reader:
    def __init__(self, store: ox.Store, graph: str):
        self.store = store
        self.graph = ox.NamedNode(graph)

    def objects(self, subject: str, predicate: str) -> list:
        quads = self.store.quads_for_pattern(ox.NamedNode(subject), ox.NamedNode(predicate), None, self.graph)
        return sorted((q.object for q in quads), key=pages.sort_key)

    def subjects(self, predicate: str, obj: str) -> list[str]:
        quads = self.store.quads_for_pattern(None, ox.NamedNode(predicate), ox.NamedNode(obj), self.graph)
        return sorted({q.subject.value for q in quads if isinstance(q.subject, ox.NamedNode)})

    def texts(self, subject: str, predicate: str) -> dict[str, str]:
        out: dict[str, str] = {}
        for literal in self.objects(subject, predicate):
            if isinstance(literal, ox.Literal):
                out.setdefault(literal.language or "", literal.value)
        return out


def _anchor(iri: str) -> str:
    return iri[len(str(KG)) :] if iri.startswith(str(KG)) else pages.prefixed(iri).replace(":", "-")


def _ref(iri: str) -> dict:
    local = iri.startswith(str(KG))
    return {"href": f"#{_anchor(iri)}" if local else iri, "label": pages.prefixed(iri), "local": local}


def render(store: ox.Store, site: Site) -> str:
    """The ontology page; reads the ontology graph of a (possibly rebased) release store."""
    graph = site.rebase(str(ONTOLOGY_GRAPH))
    reader = _Reader(store, graph)
    relations = (
        ("Unterklasse von", RDFS + "subClassOf"),
        ("Unterproperty von", RDFS + "subPropertyOf"),
        ("Domäne", RDFS + "domain"),
        ("Wertebereich", RDFS + "range"),
        ("invers zu", OWL + "inverseOf"),
        ("äquivalent zu", OWL + "equivalentClass"),
        ("Schema", SKOS + "inScheme"),
    )
    sections = []
    seen: set[str] = set()
    for anchor, heading, types in KINDS:
        iris = sorted(
            {
                s
                for t in types
                for s in reader.subjects(pages.RDF_TYPE, t)
                if s.startswith(str(KG)) and s not in seen
            }
        )
        seen |= set(iris)
        terms = []
        for iri in iris:
            labels = reader.texts(iri, RDFS + "label") or reader.texts(iri, SKOS + "prefLabel")
            term = Term(
                iri,
                _anchor(iri),
                labels,
                reader.texts(iri, SKOS + "definition") or reader.texts(iri, RDFS + "comment"),
            )
            for name, predicate in relations:
                values = [
                    _ref(o.value) for o in reader.objects(iri, predicate) if isinstance(o, ox.NamedNode)
                ]
                if values:
                    term.relations.append((name, values))
            if anchor == "schemes":
                for concept in reader.subjects(SKOS + "inScheme", iri):
                    seen.add(concept)
                    term.concepts.append(
                        {
                            "iri": concept,
                            "anchor": _anchor(concept),
                            "labels": reader.texts(concept, SKOS + "prefLabel")
                            or reader.texts(concept, RDFS + "label"),
                            "definitions": reader.texts(concept, SKOS + "definition"),
                        }
                    )
            terms.append(term)
        if terms:
            sections.append({"anchor": anchor, "heading": heading, "terms": terms})
    documented = {term.anchor for section in sections for term in section["terms"]}
    documented |= {c["anchor"] for section in sections for term in section["terms"] for c in term.concepts}
    for section in sections:
        for term in section["terms"]:
            for _, values in term.relations:
                for value in values:
                    if value["local"] and value["href"][1:] not in documented:
                        value["href"] = None  # a kg: term without a definition of its own: no dead link
    meta = {
        "title": reader.texts(ONTOLOGY_IRI, DCT + "title"),
        "description": reader.texts(ONTOLOGY_IRI, DCT + "description"),
        "version": next((o.value for o in reader.objects(ONTOLOGY_IRI, OWL + "versionInfo")), ""),
        "version_iri": next((o.value for o in reader.objects(ONTOLOGY_IRI, OWL + "versionIRI")), ""),
        "license": next((o.value for o in reader.objects(ONTOLOGY_IRI, DCT + "license")), ""),
        "created": next((o.value for o in reader.objects(ONTOLOGY_IRI, DCT + "created")), ""),
    }
    title = meta["title"].get("de") or "kommgraph-Ontologie"
    return (
        pages.environment()
        .get_template("ontology.html")
        .render(
            root="",
            title=title,
            meta=meta,
            sections=sections,
            iri=ONTOLOGY_IRI,
            namespace=str(KG),
            crumbs=[pages.Link("index.html", "Start", "")],
            alternates=[(media.TURTLE, "ontology.ttl")],
        )
    )
