"""``kommgraph publish``: the release folder, byte-identical on every rebuild from the same input.

What a release holds (file names come from :mod:`kommgraph.core.media`):

- ``kommgraph.trig`` / ``kommgraph.nq``: the dataset, one named graph per source plus the ontology,
  reference and derived graphs;
- ``kommgraph.ttl`` / ``kommgraph.nt`` / ``kommgraph.jsonld`` (+ ``context.jsonld``): the merged data
  (reference, sources, derived; without the ontology);
- ``ontology.ttl`` and ``ontology.html``; ``void.ttl`` and ``dcat.ttl`` (:mod:`kommgraph.publish.describe`);
- ``SHA256SUMS`` over every other file;
- with ``static``: ``index.html``, ``doc/{path}.{html,ttl,jsonld,nt,trig}`` for every resource
  ``{base}{path}``, ``timeline/{ags}.svg`` where :mod:`kommgraph.temporal.timeline` draws one, and ``.htaccess``
  with the redirect rules.

Determinism: N-Triples and N-Quads lines are sorted, Turtle and TriG use the canonical layout of
:mod:`kommgraph.core.turtle`, JSON-LD nodes are sorted by ``@id`` and written with sorted keys, nothing
carries a timestamp (dates in the descriptions come from the data).
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox
from rdflib import BNode, Dataset, Graph, URIRef
from rdflib.compare import to_canonical_graph
from rdflib.namespace import XSD

from kommgraph.core import media
from kommgraph.api.build import write_atomically
from kommgraph.store.dataset import merge_into_default
from kommgraph.query.engines import to_rdflib
from kommgraph.core.turtle import bind_prefixes, canonical_trig, canonical_turtle
from kommgraph.core.vocab import (
    DEFAULT_BASE,
    DERIVED_GRAPH,
    ONTOLOGY_GRAPH,
    ONTOLOGY_IRI,
    PREFIXES,
    REFERENCE_GRAPH,
)

DATA_NAME = "kommgraph"
CONTEXT_FILE = "context.jsonld"
ONTOLOGY_FILE = "ontology.ttl"
CHECKSUM_FILE = "SHA256SUMS"
HEADER = "kommgraph release, written by `kommgraph publish`: do not edit, edit data/ttl and publish again."
_SAFE_PATH = re.compile(r"^[A-Za-z0-9._~-]+(/[A-Za-z0-9._~-]+)*$")


class PublishError(ValueError):
    """The options of a publish do not fit together (a bad base IRI, ...)."""


# ---------------------------------------------------------------------------------------------- IRIs


@dataclass(frozen=True)
class Site:
    """Where the identifiers live (``base``) and where the release folder is served (``root``)."""

    base: str = DEFAULT_BASE
    root: str | None = None

    def __post_init__(self):
        if not re.match(r"^https?://[^\s<>\"{}|\\^`]+/$", self.base):
            raise PublishError(f"base IRI {self.base!r} must be an http(s) IRI that ends with '/'")
        if self.root is not None and not self.root.endswith("/"):
            raise PublishError(f"site URL {self.root!r} must end with '/'")

    @property
    def parent(self) -> str:
        """The folder above the base IRI, e.g. ``https://w3id.org/kommgraph/`` for ``…/kommgraph/id/``."""
        return self.base.rstrip("/").rsplit("/", 1)[0] + "/"

    @property
    def segment(self) -> str:
        """The last path segment of the base IRI (``id``), the prefix that the redirect rules match."""
        return self.base.rstrip("/").rsplit("/", 1)[1]

    @property
    def url(self) -> str:
        return self.root or self.parent

    def local(self, iri: str) -> str | None:
        """``unit/06412000/x`` for ``{base}unit/06412000/x``; None outside the base or unsafe as a path."""
        if not iri.startswith(self.base):
            return None
        path = iri[len(self.base) :]
        return path if _SAFE_PATH.match(path) and ".." not in path.split("/") else None

    def iri(self, local: str) -> str:
        return self.base + local

    def file_url(self, name: str) -> str:
        return self.url + name

    def rebase(self, iri: str) -> str:
        """An IRI minted under the default base, moved under this site's base."""
        return self.base + iri[len(DEFAULT_BASE) :] if iri.startswith(DEFAULT_BASE) else iri


def prefixes(site: Site) -> dict[str, str]:
    """kommgraph's prefix table with ``kgid`` on the configured base."""
    return {**PREFIXES, "kgid": site.base}


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
            if not isinstance(q.graph_name, ox.DefaultGraph)
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
    sources = [g for g in names if g not in (ontology, reference, derived)]
    return head + sources + ([derived] if derived in names else [])


# ------------------------------------------------------------------------------------ serialisations


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


def _compact(iri: str, table: list[tuple[str, str]]) -> str:
    for prefix, namespace in table:
        if (
            iri.startswith(namespace)
            and len(iri) > len(namespace)
            and not iri[len(namespace) :].startswith("//")
        ):
            return f"{prefix}:{iri[len(namespace) :]}"
    return iri


def jsonld(triples, site: Site, context: str | dict) -> bytes:
    """Compact JSON-LD written by hand so that it is deterministic: one node per subject, sorted by
    ``@id``, keys sorted, values sorted; literals keep their lexical form and datatype."""
    table = sorted(prefixes(site).items(), key=lambda item: (-len(item[1]), item[0]))
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


# ---------------------------------------------------------------------------- the parts of a release


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


def dump_files(store: ox.Store, site: Site) -> dict[str, bytes]:
    """The data dumps, the bundled JSON-LD context and the ontology."""
    names = graph_order(store, site)
    quads = named_quads(store, names)
    data = merged_triples(store, data_graphs(store, site))
    files = {}
    for kind in media.DUMP_TYPES:
        files[f"{DATA_NAME}.{kind.extension}"] = serialise(
            kind, store, site, triples=data, quads=quads, names=names, context=CONTEXT_FILE, header=HEADER
        )
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


def checksums(files: dict[str, bytes]) -> bytes:
    """``sha256sum``-compatible lines, sorted by file name (readable by ``sha256sum -c``)."""
    lines = [f"{hashlib.sha256(files[name]).hexdigest()}  {name}" for name in sorted(files)]
    return ("\n".join(lines) + "\n").encode("utf-8")


def htaccess(site: Site) -> bytes:
    """Apache redirect rules in the style of w3id.org: ``{base}{path}`` answers 303 to the document in
    the format the Accept header asks for (checked in the order of the media table; Apache cannot weigh
    q-values, the server can), HTML by default."""
    segment = re.escape(site.segment)
    lines = [
        f"# {HEADER}",
        f"# Place beside {site.segment}/ (at {site.parent}); documents are served from {site.url}",
        "Options -MultiViews",
        "",
    ]
    served = (*media.DUMP_TYPES, media.HTML, media.SVG)
    lines += [f"AddType {m.mime} .{m.extension}" for m in served]
    lines += ["AddCharset utf-8 " + " ".join(f".{m.extension}" for m in served if m.text)]
    lines += ["", "RewriteEngine on", ""]
    for kind in media.DOCUMENT_TYPES[1:]:
        accept = "|".join(re.escape(m) for m in (kind.mime, *kind.aliases))
        lines += [
            f"RewriteCond %{{HTTP_ACCEPT}} ({accept})",
            f"RewriteRule ^{segment}/(.+)$ {site.url}doc/$1.{kind.extension} [R=303,L]",
        ]
    lines += [f"RewriteRule ^{segment}/(.+)$ {site.url}doc/$1.html [R=303,L]", ""]
    if ONTOLOGY_IRI.startswith(site.parent):
        name = re.escape(ONTOLOGY_IRI[len(site.parent) :])
        lines += [
            f"RewriteCond %{{HTTP_ACCEPT}} ({re.escape(media.TURTLE.mime)})",
            f"RewriteRule ^{name}$ {site.url}{ONTOLOGY_FILE} [R=303,L]",
            f"RewriteRule ^{name}$ {site.url}ontology.html [R=303,L]",
            "",
        ]
    return "\n".join(lines).encode("utf-8")


def static_files(store: ox.Store, site: Site) -> dict[str, bytes]:
    """Pages and per-resource documents for static hosting, the timeline pictures, the redirect rules."""
    from kommgraph.publish import pages

    renderer = pages.Pages(store, site)
    files = {"index.html": renderer.index().encode("utf-8"), ".htaccess": htaccess(site)}
    for iri in resources(store, site):
        local = site.local(iri)
        files[f"doc/{local}.html"] = renderer.page(iri).encode("utf-8")
        for kind in media.DOCUMENT_TYPES[1:]:
            files[f"doc/{local}.{kind.extension}"] = resource_document(store, site, iri, kind)
    for ags, svg in renderer.timelines().items():
        files[f"timeline/{ags}.svg"] = svg.encode("utf-8")
    return files


def release_files(
    store: ox.Store, site: Site, static: bool = False, sparql_endpoint: str | None = None
) -> dict[str, bytes]:
    """Every file of the release by its path in the release folder; ``store`` is already rebased."""
    from kommgraph.publish import describe
    from kommgraph.publish import docs_ontology

    files = dump_files(store, site)
    files["ontology.html"] = docs_ontology.render(store, site).encode("utf-8")
    if static:
        files.update(static_files(store, site))
    dumps = {name: files[name] for name in describe.described_files(files)}
    files["void.ttl"] = describe.void_turtle(store, site, dumps, sparql_endpoint)
    files["dcat.ttl"] = describe.dcat_turtle(store, site, dumps, sparql_endpoint)
    files[CHECKSUM_FILE] = checksums(files)
    return dict(sorted(files.items()))


# --------------------------------------------------------------------------------------- writing


@dataclass
class PublishResult:
    report: object  # kommgraph.validate.Report
    files: dict[str, bytes] = field(default_factory=dict)
    written: list[Path] = field(default_factory=list)
    removed: list[Path] = field(default_factory=list)


def write_files(out: Path, files: dict[str, bytes]) -> tuple[list[Path], list[Path]]:
    """Write every file under a temporary name, then rename them into place; remove the files that the
    previous release in ``out`` listed in its SHA256SUMS and this one no longer has."""
    out = Path(out)
    previous = set()
    if (out / CHECKSUM_FILE).is_file():
        for line in (out / CHECKSUM_FILE).read_text(encoding="utf-8").splitlines():
            name = line.partition("  ")[2]
            if name and _SAFE_PATH.match(name) and ".." not in name.split("/"):
                previous.add(name)
    written = write_atomically({out / name: data for name, data in files.items()})
    removed = []
    for name in sorted(previous - set(files) - {CHECKSUM_FILE}):
        path = out / name
        if path.is_file():
            path.unlink()
            removed.append(path)
            parent = path.parent
            while parent != out and parent.is_dir() and not any(parent.iterdir()):
                parent.rmdir()
                parent = parent.parent
    return written, removed


def publish(
    data_dir: Path | None = None,
    out: Path = Path("dist"),
    base: str = DEFAULT_BASE,
    site_url: str | None = None,
    static: bool = False,
    sparql_endpoint: str | None = None,
    fail_on: str = "violation",
) -> PublishResult:
    """Load, derive and validate the data, then write the release; nothing is written on violations."""
    from kommgraph.api.build import load
    from kommgraph.validate import validate

    site = Site(base, site_url)
    loaded = load(data_dir)
    report = validate(loaded.store, loaded.files, loaded.layout)
    result = PublishResult(report)
    if report.fails(fail_on):
        return result
    store = rebased_store(loaded.store, site)
    result.files = release_files(store, site, static=static, sparql_endpoint=sparql_endpoint)
    result.written, result.removed = write_files(Path(out), result.files)
    return result
