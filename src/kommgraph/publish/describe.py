"""Dataset descriptions generated from the data: VoID (statistics, partitions, dumps) and DCAT 3 in the
DCAT-AP.de 2.0 profile (dataset, distributions with media types and checksums, licence, publisher,
temporal coverage, political geocoding of each authority).

Every node has an IRI under the base (no blank nodes) and nothing carries the time of the run, so a
description changes only when the data or the files change.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

import pyoxigraph as ox
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, FOAF, RDF, XSD

from kommgraph.core import media
from kommgraph.core.turtle import canonical_turtle
from kommgraph.core.vocab import DCAT, DCATDE, FORMATS, KG, ONTOLOGY_IRI, SPDX, VCARD, VOID, shorten
from kommgraph.publish.dumps import data_graphs, merged_triples
from kommgraph.publish.project import Project
from kommgraph.publish.site import DATA_NAME, Site

SHA256 = URIRef("http://dcat-ap.de/def/hashAlgorithms/sha/256")
THEME_GOVERNMENT = URIRef("http://publications.europa.eu/resource/authority/data-theme/GOVE")
GEOCODING = "http://dcat-ap.de/def/politicalGeocoding/"
MUNICIPALITY_KEY = GEOCODING + "municipalityKey/"
LEVEL_MUNICIPALITY = URIRef(GEOCODING + "Level/municipality")
FORMAT_FEATURES = {
    "turtle": "Turtle",
    "ntriples": "N-Triples",
    "trig": "TriG",
    "nquads": "N-Quads",
    "jsonld": "JSON-LD",
}

EXTRA_PREFIXES = {
    "dcat": str(DCAT),
    "void": str(VOID),
    "spdx": str(SPDX),
    "vcard": str(VCARD),
    "dcatde": str(DCATDE),
}


def described_files(files: dict[str, bytes]) -> list[str]:
    """The data dumps of a release, described as distributions and VoID data dumps."""
    return [f"{DATA_NAME}.{m.extension}" for m in media.DUMP_TYPES if f"{DATA_NAME}.{m.extension}" in files]


def dataset_iri(site: Site) -> URIRef:
    return URIRef(site.iri(f"dataset/{DATA_NAME}"))


def _key(iri: str) -> str:
    """A short, path-safe name for a class or property IRI: ``kg-AdministrativeUnit``."""
    short = shorten(iri, accept=lambda local: local.replace("_", "").replace("-", "").isalnum())
    if short:
        return f"{short[0]}-{short[1]}"
    return hashlib.sha256(iri.encode("utf-8")).hexdigest()[:16]


def _namespace(iri: str) -> str:
    cut = max(iri.rfind("#"), iri.rfind("/"))
    return iri[: cut + 1]


def _turtle(graph: Graph, header: str) -> bytes:
    """The canonical layout of :mod:`kommgraph.core.turtle`, with the DCAT/VoID prefixes bound too."""
    return canonical_turtle(graph, header, EXTRA_PREFIXES).encode("utf-8")


# ---------------------------------------------------------------------------------------- facts


@dataclass
class Statistics:
    triples: int
    entities: int
    subjects: int
    objects: int
    classes: dict[str, int]  # class IRI -> instances
    properties: dict[str, int]  # property IRI -> triples
    graphs: dict[str, int]  # named graph IRI -> triples
    vocabularies: list[str]


def statistics(store: ox.Store, site: Site) -> Statistics:
    names = data_graphs(store, site)
    triples = merged_triples(store, names)
    rdf_type = ox.NamedNode(str(RDF.type))
    classes: dict[str, set] = {}
    properties: dict[str, int] = {}
    for t in triples:
        properties[t.predicate.value] = properties.get(t.predicate.value, 0) + 1
        if t.predicate == rdf_type and isinstance(t.object, ox.NamedNode):
            classes.setdefault(t.object.value, set()).add(t.subject)
    subjects = {t.subject for t in triples}
    entities = {s for s in subjects if isinstance(s, ox.NamedNode) and s.value.startswith(site.base)}
    graphs = {n: len(list(store.quads_for_pattern(None, None, None, ox.NamedNode(n)))) for n in names}
    vocabularies = sorted({_namespace(p) for p in properties} | {_namespace(c) for c in classes})
    return Statistics(
        len(triples),
        len(entities),
        len(subjects),
        len({t.object for t in triples}),
        {c: len(s) for c, s in sorted(classes.items())},
        dict(sorted(properties.items())),
        graphs,
        vocabularies,
    )


def authorities(store: ox.Store) -> list[tuple[str, str, str]]:
    """``(IRI, name, AGS)`` of every local authority, sorted by AGS."""
    rows = store.query(f"""
        SELECT ?a ?name ?ags WHERE {{
          ?a a <{KG.LocalAuthority}> ; <{KG.ags}> ?ags .
          OPTIONAL {{ ?a <http://www.w3.org/2004/02/skos/core#prefLabel> ?name }}
        }} ORDER BY ?ags ?a""")
    seen, out = set(), []
    for row in rows:
        if row["a"].value not in seen:
            seen.add(row["a"].value)
            out.append(
                (row["a"].value, row["name"].value if row["name"] else row["ags"].value, row["ags"].value)
            )
    return out


def temporal_coverage(store: ox.Store) -> tuple[str | None, str | None]:
    """The earliest and latest day the valid times and event dates of the data can mean (xsd:date)."""
    early = " ".join(
        f"<{KG[p]}>"
        for p in (
            "validFromEarliest",
            "validUntilEarliest",
            "effectiveDateEarliest",
            "validFrom",
            "validUntil",
            "effectiveDate",
        )
    )
    late = " ".join(
        f"<{KG[p]}>"
        for p in (
            "validFromLatest",
            "validUntilLatest",
            "effectiveDateLatest",
            "validFrom",
            "validUntil",
            "effectiveDate",
        )
    )

    def bound(function: str, properties: str) -> str | None:
        query = f"""SELECT ({function}(?d) AS ?bound) WHERE {{
            VALUES ?p {{ {properties} }} ?s ?p ?d FILTER(datatype(?d) = <{XSD.date}>) }}"""
        row = next(iter(store.query(query)))
        return row["bound"].value if row["bound"] else None

    return bound("MIN", early), bound("MAX", late)


def latest_source_date(store: ox.Store) -> str | None:
    query = f"""SELECT (MAX(?d) AS ?latest) WHERE {{ ?s a <{KG.SourceDocument}> ; <{DCTERMS.issued}> ?d
                FILTER(datatype(?d) = <{XSD.date}>) }}"""
    row = next(iter(store.query(query)))
    return row["latest"].value if row["latest"] else None


# ------------------------------------------------------------------------------------------- VoID


def void_graph(
    store: ox.Store,
    site: Site,
    dumps: dict[str, bytes],
    sparql_endpoint: str | None = None,
    project: Project | None = None,
) -> Graph:
    project = project or Project()
    stats = statistics(store, site)
    graph = Graph()
    dataset = dataset_iri(site)
    add = graph.add
    add((dataset, RDF.type, VOID.Dataset))
    for lang, text in project.title.items():
        add((dataset, DCTERMS.title, Literal(text, lang=lang)))
    for lang, text in project.description.items():
        add((dataset, DCTERMS.description, Literal(text, lang=lang)))
    if project.licence:
        add((dataset, DCTERMS.license, URIRef(project.licence)))
    add((dataset, FOAF.homepage, URIRef(site.file_url("index.html"))))
    add((dataset, VOID.triples, Literal(stats.triples)))
    add((dataset, VOID.entities, Literal(stats.entities)))
    add((dataset, VOID.distinctSubjects, Literal(stats.subjects)))
    add((dataset, VOID.distinctObjects, Literal(stats.objects)))
    add((dataset, VOID.classes, Literal(len(stats.classes))))
    add((dataset, VOID.properties, Literal(len(stats.properties))))
    add((dataset, VOID.uriSpace, Literal(site.base)))
    add((dataset, VOID.vocabulary, URIRef(ONTOLOGY_IRI + "#")))
    for namespace in stats.vocabularies:
        add((dataset, VOID.vocabulary, URIRef(namespace)))
    for name in dumps:
        add((dataset, VOID.dataDump, URIRef(site.file_url(name))))
        kind = media.by_extension(name.rsplit(".", 1)[1])
        if kind and kind.name in FORMAT_FEATURES:
            add((dataset, VOID.feature, FORMATS[FORMAT_FEATURES[kind.name]]))
    if sparql_endpoint:
        add((dataset, VOID.sparqlEndpoint, URIRef(sparql_endpoint)))
    for cls, count in stats.classes.items():
        partition = URIRef(f"{dataset}/class/{_key(cls)}")
        add((dataset, VOID.classPartition, partition))
        add((partition, VOID["class"], URIRef(cls)))
        add((partition, VOID.entities, Literal(count)))
    for prop, count in stats.properties.items():
        partition = URIRef(f"{dataset}/property/{_key(prop)}")
        add((dataset, VOID.propertyPartition, partition))
        add((partition, VOID.property, URIRef(prop)))
        add((partition, VOID.triples, Literal(count)))
    for name, count in stats.graphs.items():
        add((dataset, VOID.subset, URIRef(name)))
        add((URIRef(name), RDF.type, VOID.Dataset))
        add((URIRef(name), VOID.triples, Literal(count)))
    units = sorted(
        row["u"].value for row in store.query(f"SELECT ?u WHERE {{ ?u a <{KG.AdministrativeUnit}> }}")
    )
    for unit in units[:3]:
        add((dataset, VOID.exampleResource, URIRef(unit)))
    return graph


def void_turtle(
    store: ox.Store,
    site: Site,
    dumps: dict[str, bytes],
    sparql_endpoint: str | None = None,
    project: Project | None = None,
) -> bytes:
    return _turtle(
        void_graph(store, site, dumps, sparql_endpoint, project),
        "VoID description of the kommgraph release, generated from the data by `kommgraph publish`.",
    )


# ------------------------------------------------------------------------------------- DCAT-AP.de


def dcat_graph(
    store: ox.Store,
    site: Site,
    dumps: dict[str, bytes],
    sparql_endpoint: str | None = None,
    project: Project | None = None,
) -> Graph:
    project = project or Project()
    graph = Graph()
    add = graph.add
    dataset = dataset_iri(site)
    catalog = URIRef(site.iri(f"catalog/{DATA_NAME}"))
    agent = URIRef(site.iri(f"publisher/{DATA_NAME}-publisher"))
    contact = URIRef(site.iri(f"contact/{DATA_NAME}"))
    homepage = URIRef(project.homepage or site.file_url("index.html"))
    language = URIRef(project.language_iri)
    licence = URIRef(project.licence) if project.licence else None

    add((catalog, RDF.type, DCAT.Catalog))
    add((catalog, DCTERMS.title, Literal("kommgraph-Katalog", lang="de")))
    add((catalog, DCTERMS.description, Literal("Der Datensatz kommgraph und seine Verteilungen.", lang="de")))
    add((catalog, DCTERMS.publisher, agent))
    add((catalog, DCTERMS.language, language))
    if licence:
        add((catalog, DCTERMS.license, licence))
    add((catalog, FOAF.homepage, homepage))
    add((catalog, DCAT.dataset, dataset))

    add((agent, RDF.type, FOAF.Agent))
    add((agent, RDF.type, FOAF.Organization))
    add((agent, FOAF.name, Literal(project.publisher)))
    add((agent, FOAF.homepage, homepage))
    add((contact, RDF.type, VCARD.Kind))
    add((contact, RDF.type, VCARD.Organization))
    add((contact, VCARD.fn, Literal(project.publisher)))
    add((contact, VCARD.hasURL, homepage))
    if project.email:
        add((contact, VCARD.hasEmail, URIRef(f"mailto:{project.email}")))

    add((dataset, RDF.type, DCAT.Dataset))
    for lang, text in project.title.items():
        add((dataset, DCTERMS.title, Literal(text, lang=lang)))
    for lang, text in project.description.items():
        add((dataset, DCTERMS.description, Literal(text, lang=lang)))
    add((dataset, DCTERMS.identifier, Literal(str(dataset))))
    for keyword in project.keywords:
        add((dataset, DCAT.keyword, Literal(keyword, lang=project.language[:2].lower())))
    add((dataset, DCAT.theme, THEME_GOVERNMENT))
    add((dataset, DCTERMS.publisher, agent))
    add((dataset, DCAT.contactPoint, contact))
    if licence:
        add((dataset, DCTERMS.license, licence))
    add((dataset, DCTERMS.language, language))
    add((dataset, DCAT.landingPage, URIRef(site.file_url("index.html"))))
    add((dataset, DCTERMS.conformsTo, URIRef(ONTOLOGY_IRI)))
    modified = latest_source_date(store)
    if modified:
        add((dataset, DCTERMS.modified, Literal(modified, datatype=XSD.date)))
    start, end = temporal_coverage(store)
    if start or end:
        period = URIRef(f"{dataset}/temporal")
        add((dataset, DCTERMS.temporal, period))
        add((period, RDF.type, DCTERMS.PeriodOfTime))
        if start:
            add((period, DCAT.startDate, Literal(start, datatype=XSD.date)))
        if end:
            add((period, DCAT.endDate, Literal(end, datatype=XSD.date)))
    places = authorities(store)
    if places:
        add((dataset, DCATDE.politicalGeocodingLevelURI, LEVEL_MUNICIPALITY))
    for _, _, ags in places:
        add((dataset, DCATDE.politicalGeocodingURI, URIRef(MUNICIPALITY_KEY + ags)))
        add((dataset, DCTERMS.spatial, URIRef(MUNICIPALITY_KEY + ags)))

    service = None
    if sparql_endpoint:
        service = URIRef(site.iri(f"service/{DATA_NAME}-sparql"))
        add((catalog, DCAT.service, service))
        add((service, RDF.type, DCAT.DataService))
        add((service, DCTERMS.title, Literal("SPARQL-Endpunkt von kommgraph", lang="de")))
        add((service, DCAT.endpointURL, URIRef(sparql_endpoint)))
        add((service, DCAT.servesDataset, dataset))
        if licence:
            add((service, DCTERMS.license, licence))
        add((service, DCTERMS.conformsTo, URIRef("https://www.w3.org/TR/sparql11-protocol/")))

    for name, data in dumps.items():
        kind = media.by_extension(name.rsplit(".", 1)[1])
        distribution = URIRef(site.iri(f"distribution/{name}"))
        checksum = URIRef(f"{distribution}/sha256")
        add((dataset, DCAT.distribution, distribution))
        add((distribution, RDF.type, DCAT.Distribution))
        add((distribution, DCTERMS.title, Literal(f"kommgraph als {kind.label}", lang="de")))
        add((distribution, DCAT.accessURL, URIRef(site.file_url(name))))
        add((distribution, DCAT.downloadURL, URIRef(site.file_url(name))))
        add((distribution, DCAT.mediaType, URIRef(kind.iana)))
        add((distribution, DCTERMS.format, URIRef(kind.eu_file_type)))
        if licence:
            add((distribution, DCTERMS.license, licence))
        attribution = project.attribution or (
            f"{project.publisher}, {project.licence_label}" if project.licence_label else None
        )
        if attribution:
            add((distribution, DCATDE.licenseAttributionByText, Literal(attribution)))
        add((distribution, DCAT.byteSize, Literal(str(len(data)), datatype=XSD.decimal)))
        add((distribution, SPDX.checksum, checksum))
        add((checksum, RDF.type, SPDX.Checksum))
        add((checksum, SPDX.algorithm, SHA256))
        add((checksum, SPDX.checksumValue, Literal(hashlib.sha256(data).hexdigest(), datatype=XSD.hexBinary)))
        if service is not None:
            add((distribution, DCAT.accessService, service))
    return graph


def dcat_turtle(
    store: ox.Store,
    site: Site,
    dumps: dict[str, bytes],
    sparql_endpoint: str | None = None,
    project: Project | None = None,
) -> bytes:
    return _turtle(
        dcat_graph(store, site, dumps, sparql_endpoint, project),
        "DCAT-AP.de 2.0 description of the kommgraph release, generated by `kommgraph publish`.",
    )
