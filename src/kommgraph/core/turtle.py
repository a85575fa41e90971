"""The one canonical Turtle layout of kommgraph files (fixed prefixes, sorted, no blank nodes).

rdflib's ``longturtle`` writer sorts subjects, predicates and objects; with a fixed prefix table
and no blank nodes its output depends only on the triples, so the same graph always gives the
same bytes and one changed fact is one changed place in a diff. For graphs without blank nodes
:func:`fast_longturtle` writes the same bytes without rdflib's serialiser (about ten times faster).
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, XSD
from rdflib.term import _is_valid_uri

from kommgraph.core.vocab import PREFIXES


def bind_prefixes(graph: Graph) -> Graph:
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True, replace=True)
    return graph


def fresh_graph(identifier: URIRef | None = None) -> Graph:
    """An empty graph with kommgraph's prefixes and none of rdflib's defaults."""
    graph = Graph(identifier=identifier, bind_namespaces="none")
    return bind_prefixes(graph)


def canonical_turtle(graph: Graph, header: str = "", prefixes: dict[str, str] | None = None) -> str:
    """Serialise ``graph`` in the canonical layout; ``header`` becomes leading ``#`` comment lines.

    The one Turtle writer of kommgraph (data files, releases, descriptions, reports). ``graph`` is an
    rdflib Graph or a collection of triples (it may be iterated twice). Graphs without blank nodes and
    with kommgraph's prefixes only go through :func:`fast_longturtle` (the same bytes, many times
    faster); anything else, and graphs with more ``prefixes`` (DCAT, SHACL, ...), through rdflib's
    ``longturtle`` writer.
    """
    try:
        if prefixes:
            raise _Unsupported("more prefixes than kommgraph's")
        text = fast_longturtle(graph)
    except _Unsupported:
        text = _rdflib_longturtle(graph, prefixes)
    lines = text.split("\n")  # not splitlines(): it also breaks at \x1c-\x1e, \x85, \u2028 in literals
    used = {line for line in lines if line.startswith("PREFIX ")}
    body = [line for line in lines if not line.startswith("PREFIX ")]
    prefixes = sorted(used)
    comment = "".join(f"# {line}".rstrip() + "\n" for line in header.splitlines()) if header else ""
    return comment + "\n".join(prefixes) + "\n\n" + "\n".join(body).strip("\n") + "\n"


def _rdflib_longturtle(graph: Graph, prefixes: dict[str, str] | None = None) -> str:
    copy = fresh_graph()
    for prefix, namespace in (prefixes or {}).items():
        copy.bind(prefix, namespace, override=True, replace=True)
    for triple in graph:
        copy.add(triple)
    return copy.serialize(format="longturtle")


class _Unsupported(Exception):
    """The graph has something the fast writer does not reproduce (blank nodes, new prefixes, ...)."""


_PERCENT = re.compile(r"%(?![0-9A-Fa-f]{2})")
_NAMESPACES = None


def _namespace_manager():
    global _NAMESPACES
    if _NAMESPACES is None:
        _NAMESPACES = fresh_graph().namespace_manager
    return _NAMESPACES


@lru_cache(maxsize=65536)
def _pname(uri: str) -> tuple[str | None, str | None]:
    """(prefixed name or None, prefix used or None), as rdflib's longturtle ``get_pname`` finds them.

    rdflib splits the IRI, takes the longest bound namespace below the split point and, failing
    that, an IRI that is itself a bound namespace. The result depends only on the IRI and the
    bound prefixes (split namespaces seen before never change it), so it can be cached.
    """
    if not _is_valid_uri(uri):
        raise _Unsupported(f"invalid IRI {uri!r}")
    manager = _namespace_manager()
    uri = URIRef(uri)
    try:
        prefix, namespace, local = manager.compute_qname(uri, generate=False)
    except KeyError:
        prefix = manager.store.prefix(uri)
        return (f"{prefix}:", prefix) if prefix is not None else (None, "")  # "" marks: rdflib would generate
    except Exception:
        prefix = manager.store.prefix(uri)
        return (f"{prefix}:", prefix) if prefix is not None else (None, None)
    local = local.replace("(", r"\(").replace(")", r"\)")
    local = _PERCENT.sub("\\\\%", local)
    if local.endswith("."):
        return None, None
    return f"{prefix}:{local}", prefix


def _label(uri: str, name: str | None) -> str:
    return "()" if uri == _NIL else name or f"<{uri}>"


_NIL = str(RDF.nil)
_TYPE = str(RDF.type)
_LABEL = str(RDFS.label)
_CLASS = str(RDFS.Class)


def fast_longturtle(graph: Graph) -> str:
    """rdflib's ``longturtle`` output for a graph without blank nodes, byte for byte.

    Mirrors ``rdflib.plugins.serializers.longturtle`` (rdflib 7): the ``PREFIX`` lines of the
    prefixes used, then one block per subject. Subjects typed ``rdfs:Class`` come first (sorted),
    then the others by (number of times they occur as an object, IRI); predicates ``rdf:type``,
    ``rdfs:label``, then sorted; objects sorted in rdflib's term order; literals written by
    rdflib itself. ``graph`` may be any iterable of triples. Raises ``_Unsupported`` for what it
    does not reproduce (blank nodes, a predicate namespace rdflib would invent a prefix for,
    invalid IRIs); :func:`canonical_turtle` then uses rdflib.
    """
    # IRIs are handled as plain strings: rdflib terms compare in Python, strings in C
    by_subject: dict[str, dict[str, list]] = {}
    references: defaultdict[str, int] = defaultdict(int)
    used: set[str] = set()
    iri_labels: dict[str, str] = {}

    def iri_label(iri: str, predicate: bool = False) -> str:
        label = iri_labels.get(iri)
        if label is None:
            name, prefix = _pname(iri)
            if predicate and name is None and prefix == "":
                raise _Unsupported(f"rdflib would invent a prefix for {iri}")
            label = iri_labels[iri] = _label(iri, name)
            if prefix:
                used.add(prefix)
        return label

    for triple in graph:
        if len(triple) != 3:
            raise _Unsupported("not a triple")
        s, p, o = triple
        if not isinstance(s, URIRef) or not isinstance(p, URIRef):
            raise _Unsupported("subject or predicate is no IRI")
        if isinstance(o, URIRef):
            o = str(o)
            references[o] += 1
        elif not isinstance(o, Literal):
            raise _Unsupported(f"{type(o).__name__} {o!r}")
        by_subject.setdefault(str(s), {}).setdefault(str(p), []).append(o)

    blocks: dict[str, str] = {}
    classes: list[str] = []
    for s, properties in by_subject.items():
        parts = ["\n", iri_label(s), "\n    "]
        order = [p for p in (_TYPE, _LABEL) if p in properties]
        order += sorted(p for p in properties if p != _TYPE and p != _LABEL)
        for k, p in enumerate(order):
            if k:
                parts.append(" ;\n    ")
            parts.append("a" if p == _TYPE else iri_label(p, predicate=True))
            labels = [_object_label(o, iri_label) for o in _sorted_objects(properties[p])]
            if len(labels) == 1:
                parts += [" ", labels[0]]
            else:
                parts.append("\n        " + " ,\n        ".join(labels))
        parts.append(" ;\n.\n")
        blocks[s] = "".join(parts)
        if _CLASS in properties.get(_TYPE, ()):
            classes.append(s)
    classes.sort()
    seen = set(classes)
    rest = sorted((references[s], s) for s in by_subject if s not in seen)
    store = _namespace_manager().store
    out = [f"PREFIX {prefix}: <{store.namespace(prefix)}>\n" for prefix in sorted(used)]
    out += [blocks[s] for s in classes]
    out += [blocks[s] for _, s in rest]
    return "".join(out).encode("utf-8", "replace").decode("utf-8")


def _sorted_objects(objects: list) -> list:
    """Objects in rdflib's order (IRIs are plain strings here, and IRIs compare as strings)."""
    if len(objects) == 1:
        return objects
    if all(type(o) is str for o in objects):
        return sorted(objects)
    terms = sorted(URIRef(o) if type(o) is str else o for o in objects)  # literals: rdflib's own order
    return [str(o) if type(o) is URIRef else o for o in terms]


def _object_label(o, iri_label) -> str:
    if type(o) is str:
        return iri_label(o)
    if o.datatype is not None:
        iri_label(str(o.datatype))  # rdflib registers the datatype's prefix even when it writes none
        if o.datatype == _INTEGER and type(o.value) is int:
            return _integer_label(o)  # offsets and counts: many, and the same across documents
    return _literal_label(o)


_INTEGER = XSD.integer


def _literal_label(o: Literal) -> str:
    return o._literal_n3(use_plain=True, qname_callback=lambda dt: _pname(str(dt))[0])


@lru_cache(maxsize=16384)
def _integer_label(o: Literal) -> str:
    return _literal_label(o)


def canonical_trig(dataset: Dataset, graph_order: list[URIRef]) -> str:
    """TriG with one block per named graph, in the order given, each block in the canonical layout."""
    prefix_lines: set[str] = set()
    blocks = []
    for name in graph_order:
        graph = dataset.graph(name)
        text = canonical_turtle(graph)
        lines = text.split("\n")
        prefix_lines |= {line for line in lines if line.startswith("PREFIX ")}
        body = "\n".join(_indented([line for line in lines if not line.startswith("PREFIX ")]))
        blocks.append(f"<{name}> {{\n{body.strip(chr(10))}\n}}\n")
    return "\n".join(sorted(prefix_lines)) + "\n\n" + "\n".join(blocks)


_LONG_QUOTE = re.compile(r'(?<!\\)(?:\\\\)*(?:"""|' + r"''')")  # after an even run of backslashes


def _indented(lines: list[str]) -> list[str]:
    """Lines indented by four spaces, except those that continue a long (triple-quoted) string."""
    out, inside = [], False
    for line in lines:
        out.append(line if inside or not line else "    " + line)
        if len(_LONG_QUOTE.findall(line)) % 2:
            inside = not inside
    return out


def reformat(text: str, name: str = "<input>") -> str:
    """``text`` in the canonical layout, keeping its leading ``#`` comment lines as the header."""
    graph = fresh_graph()
    graph.parse(data=text, format="turtle", publicID=name)
    header_lines = []
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        header_lines.append(line[1:].removeprefix(" "))
    return canonical_turtle(graph, "\n".join(header_lines))
