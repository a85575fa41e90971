"""The data of a release in every RDF serialisation, written deterministically: N-Triples and N-Quads
lines sorted, Turtle and TriG in the canonical layout of :mod:`kommgraph.core.turtle`, JSON-LD nodes
sorted by ``@id`` with sorted keys, blank nodes labelled canonically."""

from __future__ import annotations

import json

import pyoxigraph as ox
from rdflib import BNode, Dataset, Graph, URIRef
from rdflib.compare import to_canonical_graph
from rdflib.namespace import XSD

from kommgraph.core import media
from kommgraph.core.turtle import bind_prefixes, canonical_trig, canonical_turtle
from kommgraph.core.vocab import DEFAULT_BASE, DERIVED_GRAPH, ONTOLOGY_GRAPH, REFERENCE_GRAPH, shorten
from kommgraph.publish.site import CONTEXT_FILE, DATA_NAME, HEADER, ONTOLOGY_FILE, Site, prefixes
from kommgraph.publish.store_turtle import store_turtles
from kommgraph.store.dataset import merge_into_default
from kommgraph.store.derive import INDEX_GRAPH
from kommgraph.store.terms import to_rdflib


def rebased_store(store: ox.Store, site: Site) -> ox.Store:
    """A copy of the named graphs with every IRI of the default base moved to ``site.base``, merged
    again into the default graph. The same store when the base is the default one."""
    if site.base == DEFAULT_BASE:
        return store

    def move(term):
        if isinstance(term, ox.NamedNode) and term.value.startswith(DEFAULT_BASE):
            return ox.NamedNode(site.rebase(term.value))
        return term

    copy = ox.Store()
    copy.extend(
        [
            ox.Quad(move(q.subject), move(q.predicate), move(q.object), move(q.graph_name))
            for q in store
            if not isinstance(q.graph_name, ox.DefaultGraph) and q.graph_name.value != INDEX_GRAPH
        ]
    )
    merge_into_default(copy)
    return copy


def graph_order(store: ox.Store, site: Site) -> list[str]:
    """Ontology, reference, each source (sorted), derived: the order of graphs in every dataset file."""
    ontology, reference, derived = (
        site.rebase(str(g)) for g in (ONTOLOGY_GRAPH, REFERENCE_GRAPH, DERIVED_GRAPH)
    )
    names = sorted(g.value for g in store.named_graphs())
    head = [g for g in (ontology, reference) if g in names]
    sources = [g for g in names if g not in (ontology, reference, derived, INDEX_GRAPH)]  # index: not data
    return head + sources + ([derived] if derived in names else [])


def _line_sorted(data: bytes) -> bytes:
    lines = sorted(set(data.decode("utf-8").splitlines()))
    return ("\n".join(line for line in lines if line) + "\n").encode("utf-8")


def _to_oxigraph(term):
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if term.language:
        return ox.Literal(str(term), language=term.language)
    return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype or XSD.string)))


def canonical_blank_nodes(triples: list) -> list:
    """The triples with blank nodes relabelled canonically (RGDA1, ``rdflib.compare``), so that lists in
    the ontology (``owl:unionOf``) get the same labels on every run; triples without blank nodes pass."""
    if not any(isinstance(t.subject, ox.BlankNode) or isinstance(t.object, ox.BlankNode) for t in triples):
        return list(triples)
    canonical = to_canonical_graph(_rdflib_graph(triples))
    return [ox.Triple(_to_oxigraph(s), _to_oxigraph(p), _to_oxigraph(o)) for s, p, o in canonical]


def ntriples(triples) -> bytes:
    """Sorted, duplicate-free N-Triples of oxigraph triples, blank nodes labelled canonically."""
    return _line_sorted(ox.serialize(canonical_blank_nodes(list(triples)), format=ox.RdfFormat.N_TRIPLES))


def nquads(quads) -> bytes:
    """Sorted N-Quads of oxigraph quads (named graphs only), blank nodes labelled canonically per graph."""
    by_graph: dict = {}
    for q in quads:
        by_graph.setdefault(q.graph_name, []).append(ox.Triple(q.subject, q.predicate, q.object))
    out = []
    for graph, triples in by_graph.items():
        out += [ox.Quad(t.subject, t.predicate, t.object, graph) for t in canonical_blank_nodes(triples)]
    return _line_sorted(ox.serialize(out, format=ox.RdfFormat.N_QUADS))


def _rdflib_graph(triples) -> Graph:
    graph = Graph()
    for t in triples:
        graph.add((to_rdflib(t.subject), to_rdflib(t.predicate), to_rdflib(t.object)))
    return graph


def turtle(triples, header: str = "") -> bytes:
    return canonical_turtle(_rdflib_graph(triples), header).encode("utf-8")


def trig(quads, names: list[str], header: str = "") -> bytes:
    dataset = Dataset()
    bind_prefixes(dataset)
    for q in quads:
        dataset.graph(URIRef(q.graph_name.value)).add(
            (to_rdflib(q.subject), to_rdflib(q.predicate), to_rdflib(q.object))
        )
    used = [n for n in names if len(dataset.graph(URIRef(n)))]
    comment = f"# {header}\n" if header else ""
    return (comment + canonical_trig(dataset, [URIRef(n) for n in used])).encode("utf-8")


def jsonld_context(site: Site) -> dict:
    return {"@context": dict(sorted(prefixes(site).items()))}


def _compact(iri: str, table: dict[str, str]) -> str:
    """A compact IRI for JSON-LD: never an empty local name, nor one that reads as a network path."""
    short = shorten(iri, table, accept=lambda local: bool(local) and not local.startswith("//"))
    return f"{short[0]}:{short[1]}" if short else iri


def jsonld(triples, site: Site, context: str | dict) -> bytes:
    """Compact JSON-LD written by hand so that it is deterministic: one node per subject, sorted by
    ``@id``, keys sorted, values sorted; literals keep their lexical form and datatype."""
    table = prefixes(site)
    triples = canonical_blank_nodes(list(triples))
    nodes: dict[str, dict[str, list]] = {}
    rdf_type = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
    xsd_string = "http://www.w3.org/2001/XMLSchema#string"
    for t in triples:
        subject = t.subject.value if isinstance(t.subject, ox.NamedNode) else f"_:{t.subject.value}"
        node = nodes.setdefault(subject, {})
        obj = t.object
        if t.predicate.value == rdf_type and isinstance(obj, ox.NamedNode):
            node.setdefault("@type", []).append(_compact(obj.value, table))
            continue
        key = _compact(t.predicate.value, table)
        if isinstance(obj, ox.NamedNode):
            value = {"@id": _compact(obj.value, table)}
        elif isinstance(obj, ox.BlankNode):
            value = {"@id": f"_:{obj.value}"}
        elif obj.language:
            value = {"@language": obj.language, "@value": obj.value}
        elif obj.datatype.value == xsd_string:
            value = obj.value
        else:
            value = {"@type": _compact(obj.datatype.value, table), "@value": obj.value}
        node.setdefault(key, []).append(value)
    graph = []
    for subject in sorted(nodes):
        out = {"@id": _compact(subject, table)}
        for key, values in nodes[subject].items():
            values = sorted(values, key=lambda v: json.dumps(v, sort_keys=True, ensure_ascii=False))
            out[key] = values[0] if len(values) == 1 and key != "@type" else values
        graph.append(out)
    context_value = context["@context"] if isinstance(context, dict) else context
    document = {"@context": context_value, "@graph": graph}
    return (json.dumps(document, ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode("utf-8")


def serialise(
    kind: media.MediaType,
    store: ox.Store,
    site: Site,
    triples=None,
    quads=None,
    names: list[str] | None = None,
    context: str | dict | None = None,
    header: str = "",
) -> bytes:
    """Triples (merged) or quads (per graph) in the format ``kind``."""
    if kind is media.TRIG:
        return trig(quads, names or graph_order(store, site), header)
    if kind is media.NQUADS:
        return nquads(quads)
    if kind is media.TURTLE:
        return turtle(triples, header)
    if kind is media.NTRIPLES:
        return ntriples(triples)
    if kind is media.JSONLD:
        return jsonld(triples, site, context if context is not None else jsonld_context(site))
    raise ValueError(f"{kind.label} is not an RDF serialisation")


def named_quads(store: ox.Store, names: list[str]) -> list[ox.Quad]:
    out = []
    for name in names:
        out += store.quads_for_pattern(None, None, None, ox.NamedNode(name))
    return out


def merged_triples(store: ox.Store, names: list[str]) -> list[ox.Triple]:
    """The set of triples of the named graphs given."""
    seen = {ox.Triple(q.subject, q.predicate, q.object) for q in named_quads(store, names)}
    return list(seen)


def data_graphs(store: ox.Store, site: Site) -> list[str]:
    ontology = site.rebase(str(ONTOLOGY_GRAPH))
    return [g for g in graph_order(store, site) if g != ontology]


def data_dumps(
    store: ox.Store, site: Site, kinds=media.DUMP_TYPES, turtles=store_turtles
) -> dict[str, bytes]:
    """``kommgraph.{trig,nq,ttl,nt,jsonld}``: the dataset (TriG, N-Quads) and the merged data, in the
    formats ``kinds``. The one writer of these files: ``publish`` writes all, ``build`` TriG and Turtle.
    ``turtles`` writes TriG and Turtle (:func:`store_turtles`, or the same bytes from a cache)."""
    names = graph_order(store, site)
    ontology = site.rebase(str(ONTOLOGY_GRAPH))
    data_names = [g for g in names if g != ontology]
    files = {}
    if media.TRIG in kinds or media.TURTLE in kinds:
        trig_bytes, turtle_bytes = turtles(store, names, data_names, HEADER)
        files[f"{DATA_NAME}.{media.TRIG.extension}"] = trig_bytes
        files[f"{DATA_NAME}.{media.TURTLE.extension}"] = turtle_bytes
    rest = [kind for kind in kinds if kind not in (media.TRIG, media.TURTLE)]
    if rest:
        quads = named_quads(store, names)
        data = merged_triples(store, data_names)
    for kind in rest:
        files[f"{DATA_NAME}.{kind.extension}"] = serialise(
            kind, store, site, triples=data, quads=quads, names=names, context=CONTEXT_FILE, header=HEADER
        )
    return {f"{DATA_NAME}.{kind.extension}": files[f"{DATA_NAME}.{kind.extension}"] for kind in kinds}


def dump_files(store: ox.Store, site: Site) -> dict[str, bytes]:
    """The data dumps, the bundled JSON-LD context and the ontology."""
    files = data_dumps(store, site)
    files[CONTEXT_FILE] = (json.dumps(jsonld_context(site), indent=1, sort_keys=True) + "\n").encode("utf-8")
    ontology = merged_triples(store, [site.rebase(str(ONTOLOGY_GRAPH))])
    files[ONTOLOGY_FILE] = turtle(ontology, "The kommgraph ontology (all modules of ontology/*.ttl).")
    return files


def resources(store: ox.Store, site: Site) -> list[str]:
    """Every IRI under the base that is the subject of a triple, and safe as a file path."""
    subjects = {
        q.subject.value
        for q in store.quads_for_pattern(None, None, None, ox.DefaultGraph())
        if isinstance(q.subject, ox.NamedNode)
    }
    return sorted(s for s in subjects if site.local(s))


def exists(store: ox.Store, iri: str) -> bool:
    node = ox.NamedNode(iri)
    return next(iter(store.quads_for_pattern(node, None, None, ox.DefaultGraph())), None) is not None


def resource_document(store: ox.Store, site: Site, iri: str, kind: media.MediaType) -> bytes:
    """What the document about ``iri`` says: the triples with it as subject and those pointing at it;
    the TriG form keeps them in the named graphs (sources) that state them."""
    node = ox.NamedNode(iri)
    if kind.dataset:
        names = graph_order(store, site)
        quads = [q for q in named_quads(store, names) if q.subject == node or q.object == node]
        return serialise(kind, store, site, quads=quads, names=names)
    triples = {
        ox.Triple(q.subject, q.predicate, q.object)
        for pattern in ((node, None, None), (None, None, node))
        for q in store.quads_for_pattern(*pattern, ox.DefaultGraph())
    }
    return serialise(kind, store, site, triples=list(triples), context=jsonld_context(site))
