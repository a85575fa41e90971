"""The one canonical Turtle layout of kommgraph files (fixed prefixes, sorted, no blank nodes).

rdflib's ``longturtle`` writer sorts subjects, predicates and objects; with a fixed prefix table
and no blank nodes its output depends only on the triples, so the same graph always gives the
same bytes and one changed fact is one changed place in a diff. For graphs without blank nodes
:func:`fast_longturtle` writes the same bytes without rdflib's serialiser (about ten times faster).
"""

from __future__ import annotations

import re
import string
from collections import defaultdict
from collections.abc import Iterable, Mapping
from functools import lru_cache, partial
from typing import NamedTuple

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, XMLNS, XSD, split_uri
from rdflib.term import _is_valid_uri

from kommgraph.core.trig_layout import indented_block, trig_block, trig_of  # noqa: F401 - re-exported
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
    return canonical_layout(text, header)


def canonical_layout(text: str, header: str = "") -> str:
    """``longturtle`` text with its ``PREFIX`` lines sorted and first, ``header`` as comment lines."""
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
_LOOKUPS = 0
_FRESH_AFTER = 32  # rdflib's manager keeps every namespace it splits off in a trie that each lookup walks


def _namespace_manager(lookup: bool = False):
    """rdflib's namespace manager with kommgraph's prefixes; a fresh one every ``_FRESH_AFTER`` lookups,
    so that writing millions of IRIs stays linear (the namespaces it remembers do not change a result)."""
    global _NAMESPACES, _LOOKUPS
    if lookup:
        _LOOKUPS += 1
        if _LOOKUPS % _FRESH_AFTER == 0:
            _NAMESPACES = None
    if _NAMESPACES is None:
        _NAMESPACES = fresh_graph().namespace_manager
    return _NAMESPACES


@lru_cache(maxsize=65536)
def _pname(uri: str) -> tuple[str | None, str | None]:
    """(prefixed name or None, prefix used or None), as rdflib's longturtle ``get_pname`` finds them.

    rdflib splits the IRI (``split_uri``), takes the longest bound namespace that extends the split
    point and begins the IRI, else the split namespace itself, and failing a prefix for that, an IRI
    that is itself a bound namespace. The result depends only on the IRI and the bound prefixes (the
    namespaces rdflib remembers from earlier splits never extend a later split point), so it is found
    here from the prefix table, without rdflib's namespace manager (:func:`_pname_by_rdflib`, used for
    the IRIs ``split_uri`` cannot split; ``tests/converter`` compares both).
    """
    if not _is_valid_uri(uri):
        raise _Unsupported(f"invalid IRI {uri!r}")
    try:
        namespace, local = _split(uri)
    except ValueError:
        return _pname_by_rdflib(uri)
    bound = _bound_namespaces()
    prefix = None
    for candidate, candidate_prefix in _extending(namespace):  # bound_split's loop, once per namespace
        if uri.startswith(candidate):
            prefix, local = candidate_prefix, uri[len(candidate) :]
            break
    else:
        prefix = bound.get(namespace)
    if prefix is None:
        prefix = bound.get(uri)
        return (f"{prefix}:", prefix) if prefix is not None else (None, "")  # "" marks: rdflib would generate
    return _prefixed(prefix, local)


_NAME_CHARS = string.ascii_letters + string.digits + "-._%()"  # rdflib's name characters in ASCII
_SPLIT_START = re.compile(r"[A-Za-z0-9_]")


def _split(uri: str) -> tuple[str, str]:
    """rdflib's ``split_uri``, without its Unicode look-up per character where the IRI is ASCII."""
    start = len(uri.rstrip(_NAME_CHARS))
    found = _SPLIT_START.search(uri, start) if start and uri.isascii() and not uri.startswith(XMLNS) else None
    return split_uri(uri) if found is None else (uri[: found.start()], uri[found.start() :])


def _prefixed(prefix: str, local: str) -> tuple[str | None, str | None]:
    if "(" in local or ")" in local or "%" in local:
        local = _PERCENT.sub("\\\\%", local.replace("(", r"\(").replace(")", r"\)"))
    if local.endswith("."):
        return None, None
    return f"{prefix}:{local}", prefix


_BOUND: dict[str, str] | None = None


def _bound_namespaces() -> dict[str, str]:
    """Namespace -> prefix of the namespace manager's table."""
    global _BOUND
    if _BOUND is None:
        _BOUND = {str(namespace): prefix for prefix, namespace in _namespace_manager().namespaces()}
        if any(a != b and a.startswith(b) for a in _BOUND for b in _BOUND):
            raise AssertionError("nested namespaces in the prefix table")  # the loop in _pname assumes none
    return _BOUND


@lru_cache(maxsize=65536)
def _extending(namespace: str) -> tuple[tuple[str, str], ...]:
    """The bound namespaces (and prefixes) that extend ``namespace``: where
    :func:`~kommgraph.core.namespaces.bound_split` looks beyond the split point (mostly none)."""
    return tuple(
        (candidate, prefix)
        for candidate, prefix in _bound_namespaces().items()
        if len(candidate) > len(namespace) and candidate.startswith(namespace)
    )


def _pname_by_rdflib(uri: str) -> tuple[str | None, str | None]:
    """:func:`_pname` by rdflib's namespace manager itself."""
    manager = _namespace_manager(lookup=True)
    uri = URIRef(uri)
    try:
        prefix, namespace, local = manager.compute_qname(uri, generate=False)
    except KeyError:
        prefix = manager.store.prefix(uri)
        return (f"{prefix}:", prefix) if prefix is not None else (None, "")  # "" marks: rdflib would generate
    except Exception:
        prefix = manager.store.prefix(uri)
        return (f"{prefix}:", prefix) if prefix is not None else (None, None)
    return _prefixed(prefix, local)


def _label(uri: str, name: str | None) -> str:
    return "()" if uri == _NIL else name or f"<{uri}>"


_NIL = str(RDF.nil)
_TYPE = str(RDF.type)
_LABEL = str(RDFS.label)
_CLASS = str(RDFS.Class)


class Lit(NamedTuple):
    """A literal as plain strings, as a store hands it out: ``datatype`` None for ``xsd:string``."""

    value: str
    datatype: str | None
    language: str | None

    def to_rdflib(self) -> Literal:
        if self.language:
            return Literal(self.value, lang=self.language)
        if self.datatype is None:
            return Literal(self.value)
        return Literal(self.value, datatype=URIRef(self.datatype))


class IriLabels:
    """How each IRI (and each :class:`Lit`) is written and the prefix it uses; shared by the graphs of
    one document, because finding a prefixed name is the costly part of writing a triple."""

    def __init__(self) -> None:
        # term -> (label, prefix it uses or None/"", True where rdflib would invent a prefix)
        self.known: dict = {}

    def entry(self, term) -> tuple[str, str | None, bool]:
        if type(term) is Lit:
            used: set[str] = set()  # a language or xsd:string: _lit_label uses no prefix
            label = _lit_label(
                term, None if term.language or term.datatype is None else partial(self.label, used=used)
            )
            found = (label, next(iter(used), None), False)
        else:
            name, prefix = _pname(term)
            found = (_label(term, name), prefix, name is None and prefix == "")
        self.known[term] = found
        return found

    def label(self, iri: str, used: set, predicate: bool = False) -> str:
        label, prefix, invented = self.known.get(iri) or self.entry(iri)
        if predicate and invented:
            raise _Unsupported(f"rdflib would invent a prefix for {iri}")
        if prefix:
            used.add(prefix)
        return label


def fast_longturtle(graph: Graph) -> str:
    """rdflib's ``longturtle`` output for a graph without blank nodes, byte for byte.

    ``graph`` may be any iterable of rdflib triples. Raises ``_Unsupported`` for what it does not
    reproduce (blank nodes, a predicate namespace rdflib would invent a prefix for, invalid IRIs);
    :func:`canonical_turtle` then uses rdflib.
    """
    # IRIs are handled as plain strings: rdflib terms compare in Python, strings in C
    by_subject: dict[str, dict[str, list]] = {}
    references: defaultdict[str, int] = defaultdict(int)
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
    return longturtle_of(by_subject, references)


def longturtle_of(
    by_subject: dict[str, dict[str, Iterable]], references: Mapping[str, int], labels: IriLabels | None = None
) -> str:
    """The ``longturtle`` text of triples grouped by subject and predicate (IRIs as ``str``, literals
    as :class:`Lit` or rdflib ``Literal``), with ``references`` counting each IRI's uses as object.

    Mirrors ``rdflib.plugins.serializers.longturtle`` (rdflib 7): the ``PREFIX`` lines of the
    prefixes used, then one block per subject. Subjects typed ``rdfs:Class`` come first (sorted),
    then the others by (number of times they occur as an object, IRI); predicates ``rdf:type``,
    ``rdfs:label``, then sorted; objects sorted in rdflib's term order; literals written as rdflib
    writes them (the common kinds here, the others by rdflib itself).
    """
    labels = labels or IriLabels()
    used: set = set()
    known = labels.known
    entry = labels.entry
    add = used.add

    def iri_label(iri: str, predicate: bool = False) -> str:
        return labels.label(iri, used, predicate)

    blocks: dict[str, str] = {}
    classes: list[str] = []
    for s, properties in by_subject.items():
        blocks[s] = _subject_block(s, properties, known, entry, add, iri_label)
        if _CLASS in properties.get(_TYPE, ()):
            classes.append(s)
    used.discard(None)
    used.discard("")
    classes.sort()
    seen = set(classes)
    rest = sorted((references.get(s, 0), s) for s in by_subject if s not in seen)
    out = [prefix_lines(used)] + [blocks[s] for s in classes] + [blocks[s] for _, s in rest]
    return "".join(out).encode("utf-8", "replace").decode("utf-8")


class SubjectBlock(NamedTuple):
    """One subject's block of ``longturtle`` text (UTF-8, as :func:`longturtle_of` encodes it) and what
    places it: ``is_class`` blocks come first (by subject), the others by (``references``, subject);
    ``prefixes`` are those its text uses."""

    subject: str
    data: bytes
    references: int
    is_class: bool
    prefixes: frozenset

    @property
    def text(self) -> str:
        return self.data.decode("utf-8")

    @property
    def order(self) -> tuple:
        return (0, 0, self.subject) if self.is_class else (1, self.references, self.subject)


def prefix_lines(used) -> str:
    """The ``PREFIX`` lines ``longturtle`` writes for the prefixes ``used``."""
    store = _namespace_manager().store
    return "".join(f"PREFIX {prefix}: <{store.namespace(prefix)}>\n" for prefix in sorted(used))


def longturtle_blocks(
    by_subject: dict[str, dict[str, Iterable]], references: Mapping[str, int], labels: IriLabels | None = None
) -> list[SubjectBlock]:
    """The blocks of :func:`longturtle_of`, in its order (each with the prefixes it uses)."""
    labels = labels or IriLabels()
    known = labels.known
    entry = labels.entry
    classes: list[SubjectBlock] = []
    rest: list[SubjectBlock] = []
    for s, properties in by_subject.items():
        used: set = set()
        text = _subject_block(s, properties, known, entry, used.add, partial(labels.label, used=used))
        used.discard(None)
        used.discard("")
        data = text.encode("utf-8", "replace")
        if _CLASS in properties.get(_TYPE, ()):
            classes.append(SubjectBlock(s, data, 0, True, frozenset(used)))
        else:
            rest.append(SubjectBlock(s, data, references.get(s, 0), False, frozenset(used)))
    classes.sort(key=lambda block: block.subject)
    rest.sort(key=lambda block: (block.references, block.subject))
    return classes + rest


_ORDERS: dict[tuple, tuple] = {}


def _predicate_order(predicates: tuple) -> tuple:
    """``rdf:type``, ``rdfs:label``, then the other predicates sorted; kept per tuple of predicates
    (subjects share a few sets of predicates, in the order the store hands them out)."""
    order = _ORDERS.get(predicates)
    if order is None:
        if len(_ORDERS) > 65536:
            _ORDERS.clear()
        first = [p for p in (_TYPE, _LABEL) if p in predicates]
        order = _ORDERS[predicates] = (*first, *sorted(p for p in predicates if p != _TYPE and p != _LABEL))
    return order


def _subject_block(s: str, properties: dict, known: dict, entry, add, iri_label) -> str:
    """One subject's longturtle block: ``known``/``entry`` give an IRI's label, prefix and whether rdflib
    would invent its prefix; ``add`` records each prefix used; ``iri_label`` labels IRIs inside objects."""
    label, prefix, _ = known.get(s) or entry(s)
    add(prefix)
    parts = ["\n", label, "\n    "]
    append = parts.append
    order = _predicate_order(tuple(properties))
    for p in order:  # each predicate's line ends " ;\n    "; the last one's ending becomes " ;\n.\n"
        if p == _TYPE:
            append("a")
        else:
            label, prefix, invented = known.get(p) or entry(p)
            if invented:
                raise _Unsupported(f"rdflib would invent a prefix for {p}")
            add(prefix)
            append(label)
        objects = properties[p]
        if len(objects) == 1:
            (o,) = objects
            kind = type(o)
            if kind is str or kind is Lit:
                label, prefix, _ = known.get(o) or entry(o)
                add(prefix)
            else:
                label = _object_label(o, iri_label)
            append(" ")
            append(label)
        else:
            labels_ = []
            for o in _sorted_objects(list(objects)):
                kind = type(o)
                if kind is str or kind is Lit:
                    label, prefix, _ = known.get(o) or entry(o)
                    add(prefix)
                    labels_.append(label)
                else:
                    labels_.append(_object_label(o, iri_label))
            append("\n        " + " ,\n        ".join(labels_))
        append(" ;\n    ")
    if order:
        parts[-1] = " ;\n.\n"
    else:
        append(" ;\n.\n")
    return "".join(parts)


def _sorted_objects(objects: list) -> list:
    """Objects in rdflib's order (IRIs are plain strings here, and IRIs compare as strings)."""
    if len(objects) == 1:
        return objects
    if all(type(o) is str for o in objects):
        return sorted(objects)
    # literals: rdflib's own order; sorted by their text first, so that ties come out the same
    objects = sorted(objects, key=lambda o: (o,) if type(o) is str else (str(o), repr(o)))
    terms = [(URIRef(o) if type(o) is str else o.to_rdflib() if type(o) is Lit else o, o) for o in objects]
    return [original for _, original in sorted(terms, key=lambda pair: pair[0])]


def _object_label(o, iri_label) -> str:
    if type(o) is str:
        return iri_label(o)
    if type(o) is Lit:
        return _lit_label(o, iri_label)
    if o.datatype is not None:
        iri_label(str(o.datatype))  # rdflib registers the datatype's prefix even when it writes none
        if o.datatype == _INTEGER and type(o.value) is int:
            return _integer_label(o)  # offsets and counts: many, and the same across documents
    return _literal_label(o)


_quote_encode = Literal._quote_encode  # rdflib's quoting; it only uses str methods of its argument


def _quote(value: str) -> str:
    """rdflib's quoting of a literal's text; only a text with a quote, backslash or line break needs it."""
    if '"' in value or "\\" in value or "\n" in value or "\r" in value:
        return _quote_encode(value)
    return f'"{value}"'


_CANONICAL_INTEGER = re.compile(r"-?(?:0|[1-9][0-9]*)")


def _lit_label(o: Lit, iri_label) -> str:
    """What rdflib writes for ``o.to_rdflib()``, without making it where the rule is simple."""
    if o.language:
        return f"{_quote(o.value)}@{o.language}"
    datatype = o.datatype
    if datatype is None:
        return _quote(o.value)
    iri_label(datatype)
    if datatype == _INTEGER_IRI and _CANONICAL_INTEGER.fullmatch(o.value) and o.value != "-0":
        return o.value
    return _typed_label(o.value, datatype)


@lru_cache(maxsize=65536)
def _typed_label(value: str, datatype: str) -> str:
    return _literal_label(Literal(value, datatype=URIRef(datatype)))


_INTEGER = XSD.integer
_INTEGER_IRI = str(XSD.integer)


def _literal_label(o: Literal) -> str:
    return o._literal_n3(use_plain=True, qname_callback=lambda dt: _pname(str(dt))[0])


@lru_cache(maxsize=16384)
def _integer_label(o: Literal) -> str:
    return _literal_label(o)


def canonical_trig(dataset: Dataset, graph_order: list[URIRef]) -> str:
    """TriG with one block per named graph, in the order given, each block in the canonical layout."""
    return trig_of([(str(name), canonical_turtle(dataset.graph(name))) for name in graph_order])


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
