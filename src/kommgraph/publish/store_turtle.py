"""TriG and Turtle of a release straight from the store, in the canonical layout of
:mod:`kommgraph.core.turtle`, without copying the data into rdflib.

One pass over the named graphs: each quad becomes plain strings (IRIs as ``str``, literals as
:class:`~kommgraph.core.turtle.Lit`), grouped by subject and predicate once for its graph's TriG block
and once for the merged Turtle. Each subject's block is rendered once per graph; the merged Turtle
takes the block of a subject that one graph alone states from that graph (at 1M triples most of them)
and renders only the subjects several graphs state. The bytes are those of rdflib's ``longturtle``
writer over the same triples (tests compare them); a graph with blank nodes (the ontology's lists) or
with something the fast layout does not reproduce is written by rdflib, as before.

:func:`render` also returns the pieces the two files are made of (each graph's block, each subject's
block of the merged Turtle, with what places them), so that :mod:`kommgraph.publish.release_cache` can
write the next release from them, rendering only what changed.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

import pyoxigraph as ox
from rdflib import Graph

from kommgraph.core.collector import collector_paused
from kommgraph.core.turtle import (
    _CLASS,
    _TYPE,
    IriLabels,
    Lit,
    SubjectBlock,
    _subject_block,
    _Unsupported,
    canonical_layout,
    canonical_turtle,
    longturtle_of,
    prefix_lines,
    trig_block,
)
from kommgraph.store.terms import to_rdflib

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


class _Blank(Exception):
    """The graph has a blank node: rdflib writes it (nested ``[ ]`` and lists)."""


def _object(term) -> str | Lit:
    kind = type(term)
    if kind is ox.NamedNode:
        return term.value
    if kind is ox.Literal:
        language = term.language
        if language:
            return _lit(Lit, (term.value, None, language))
        datatype = term.datatype.value
        return _lit(Lit, (term.value, None if datatype == XSD_STRING else datatype, None))
    raise _Blank


_lit = tuple.__new__  # a Lit without the Python-level __new__ of a NamedTuple


def grouped(quads) -> tuple[dict, dict]:
    """Triples of one graph by subject and predicate, and how often each IRI is an object.

    A graph's quads come from the store by subject and predicate (its graph-subject-predicate index):
    each run of one subject and predicate is looked up once (any order gives the same result)."""
    by_subject: dict[str, dict[str, list]] = {}
    iris: list[str] = []  # the IRI objects, counted at the end
    named, literal = ox.NamedNode, ox.Literal
    last_subject = last_predicate = None
    properties: dict = {}
    objects: list = []
    for q in quads:
        subject = q.subject
        if type(subject) is not named:
            raise _Blank
        term = q.object
        kind = type(term)
        if kind is named:
            o = term.value
            iris.append(o)
        elif kind is literal:
            language = term.language
            if language:
                o = _lit(Lit, (term.value, None, language))
            else:
                datatype = term.datatype.value
                o = _lit(Lit, (term.value, None if datatype == XSD_STRING else datatype, None))
        else:
            raise _Blank
        s = subject.value
        predicate = q.predicate.value
        if s != last_subject:
            last_subject, last_predicate = s, None
            properties = by_subject.get(s)
            if properties is None:
                properties = by_subject[s] = {}
        if predicate != last_predicate:
            last_predicate = predicate
            objects = properties.get(predicate)
            if objects is None:
                objects = properties[predicate] = []
        objects.append(o)
    references: defaultdict[str, int] = defaultdict(int)
    references.update(Counter(iris))
    return by_subject, references


def _rdflib_turtle(quads_or_triples, header: str = "") -> str:
    graph = Graph()
    for t in quads_or_triples:
        graph.add((to_rdflib(t.subject), to_rdflib(t.predicate), to_rdflib(t.object)))
    return canonical_turtle(graph, header)


def _turtle(by_subject, references, labels: IriLabels, fallback, header: str = "") -> str:
    try:
        return canonical_layout(longturtle_of(by_subject, references, labels), header)
    except _Unsupported:
        return _rdflib_turtle(fallback(), header)


class Merged:
    """The set union of the data graphs, grouped as :func:`grouped` groups one graph; for each subject,
    the blocks of the one graph that states it (None: several graphs, or a graph written by rdflib)."""

    def __init__(self) -> None:
        self.by_subject: dict[str, dict[str, dict | list]] = {}
        self.references: defaultdict[str, int] = defaultdict(int)
        self.blank = False
        self.owner: dict[str, dict | None] = {}

    def add(self, by_subject: dict[str, dict[str, list]], blocks: dict | None = None, counts=None) -> None:
        """``counts``: the graph's ``references`` (:func:`grouped`), else counted here."""
        owner, references = self.owner, self.references
        if counts is None:
            counts = Counter(
                o
                for properties in by_subject.values()
                for objects in properties.values()
                for o in objects
                if type(o) is str
            )
        for iri, count in counts.items():  # an object another graph states as well is taken off below
            references[iri] += count
        merged_subjects = self.by_subject
        for subject, properties in by_subject.items():
            merged = merged_subjects.get(subject)
            if merged is None:  # one graph's objects are distinct: its lists serve until another adds
                merged_subjects[subject] = properties.copy()
                owner[subject] = blocks
                continue
            owner[subject] = None
            for predicate, objects in properties.items():
                known = merged.get(predicate)
                if known is None:
                    known = merged[predicate] = {}
                elif type(known) is list:
                    known = merged[predicate] = dict.fromkeys(known)
                for o in objects:
                    if o not in known:
                        known[o] = None
                    elif type(o) is str:
                        references[o] -= 1


# ------------------------------------------------------------------ subject blocks, rendered once each


_PREFIX_SETS: dict[frozenset, frozenset] = {}


def subject_blocks(by_subject: dict, labels: IriLabels, reuse: dict | None = None) -> dict:
    """Each subject's ``longturtle`` block and the prefixes it uses: ``{subject: (text, prefixes)}``.
    ``reuse``: a subject's blocks dict from the one graph that states it (:attr:`Merged.owner`); a
    subject stated by one graph only has the same block in it and in the merged data."""
    known, entry = labels.known, labels.entry
    interned = _PREFIX_SETS.setdefault
    out = {}
    for s, properties in by_subject.items():
        blocks = reuse.get(s) if reuse is not None else None
        if blocks is not None:
            out[s] = blocks[s]
            continue
        used: set = set()
        text = _subject_block(s, properties, known, entry, used.add, _no_rdflib_terms)
        used.discard(None)
        used.discard("")
        prefixes = frozenset(used)
        out[s] = (text, interned(prefixes, prefixes))
    return out


def _no_rdflib_terms(iri: str, predicate: bool = False) -> str:
    """``iri_label`` of :func:`_subject_block` for objects from the store: those are IRIs and
    :class:`Lit`, never rdflib terms (which would need it); rdflib writes anything else."""
    raise _Unsupported(f"an rdflib term in the store's triples ({iri})")


def block_order(by_subject: dict, references) -> list[tuple[str, bool]]:
    """(subject, is a class) in ``longturtle``'s order: classes by IRI, then the others by (times
    used as object, IRI)."""
    classes = sorted(s for s, properties in by_subject.items() if _CLASS in properties.get(_TYPE, ()))
    seen = set(classes)
    rest = sorted((references.get(s, 0), s) for s in by_subject if s not in seen)
    return [(s, True) for s in classes] + [(s, False) for _, s in rest]


def joined_body(blocks: dict, order) -> tuple[str, set] | None:
    """The blocks in ``order`` as one text (as ``longturtle`` encodes it) and the prefixes used; None
    where :func:`canonical_layout` would move a line (a literal line beginning ``PREFIX``)."""
    body = "".join([blocks[s][0] for s, _ in order]).encode("utf-8", "replace").decode("utf-8")
    if "\nPREFIX " in body:
        return None
    used = set().union(*{blocks[s][1] for s, _ in order})
    return body, used


def graph_block(name: str, body: str) -> str | None:
    """:func:`trig_block` of a graph's canonical Turtle made of the joined subject blocks ``body``, without
    splitting it into lines; None where a long string's lines would keep their indentation."""
    if '"""' in body or "'''" in body:
        return None
    text = body.strip("\n").replace("\n", "\n    ")  # every line indented, then the empty ones not
    while "\n    \n" in text:
        text = text.replace("\n    \n", "\n\n")
    return f"<{name}> {{\n    " + text + "\n}\n"


@dataclass
class GraphPart:
    """One graph's block of the TriG file, the ``PREFIX`` lines it needs, and the IRIs it mentions
    (subjects and objects: the subjects of the merged Turtle whose block or place it can change)."""

    name: str
    prefixes: frozenset[str]
    block: bytes
    mentioned: list[str]
    triples: list[str] | None = None  # one line per triple, for the derived graph (see triple_lines)
    # with the triple lines: the graph's subject blocks in order (None: rdflib wrote the graph)
    subjects: list[SubjectBlock] | None = None


@dataclass
class Rendered:
    """Both files and the pieces they were made of (``subjects`` None: the merged Turtle was not
    written block by block, e.g. it has blank nodes)."""

    trig: bytes
    ttl: bytes
    graphs: list[GraphPart] = field(default_factory=list)
    subjects: list[SubjectBlock] | None = None


def triple_lines(by_subject: dict) -> list[str]:
    """Each triple as one line (subject, predicate, ``<IRI>`` or the literal's repr), sorted."""
    return sorted(
        f"{s}\t{p}\t<{o}>" if type(o) is str else f"{s}\t{p}\t{o!r}"
        for s, properties in by_subject.items()
        for p, objects in properties.items()
        for o in objects
    )


def _mentioned_quads(quads) -> list[str]:
    found = set()
    for q in quads:
        found.update(t.value for t in (q.subject, q.object) if type(t) is ox.NamedNode)
    return sorted(found)


def render_graph(store: ox.Store, name: str, labels: IriLabels, lines: bool = False, track: bool = True):
    """``(GraphPart or None for an empty graph, its triples grouped or None where it has blank nodes)``."""
    part, by_subject, _, _ = _render_graph(store, name, labels, lines, track)
    return part, by_subject


def _render_graph(store: ox.Store, name: str, labels: IriLabels, lines: bool = False, track: bool = True):
    """:func:`render_graph`, and its subject blocks (:func:`subject_blocks`; None where rdflib wrote it)."""
    node = ox.NamedNode(name)

    def quads():
        return store.quads_for_pattern(None, None, None, node)

    try:
        by_subject, references = grouped(quads())
    except _Blank:
        prefixes, block = trig_block(name, _rdflib_turtle(quads()))
        mentioned = _mentioned_quads(quads()) if track else []
        return GraphPart(name, prefixes, block.encode("utf-8"), mentioned), None, None, None
    if not by_subject:
        return None, by_subject, None, references
    blocks, text = _graph_text(name, by_subject, references, labels, quads)
    prefixes, block = text
    # the IRIs mentioned: the subjects and the IRIs counted as objects
    mentioned = sorted(references.keys() | by_subject.keys()) if track else []
    part = GraphPart(name, prefixes, block.encode("utf-8"), mentioned)
    if lines:
        part.triples = triple_lines(by_subject)
        if blocks is not None:
            part.subjects = ordered_blocks(blocks, by_subject, references)
    return part, by_subject, blocks, references


def _graph_text(name: str, by_subject, references, labels: IriLabels, quads):
    """(subject blocks or None, (``PREFIX`` lines, TriG block)) of one graph."""
    try:
        blocks = subject_blocks(by_subject, labels)
    except _Unsupported:
        return None, trig_block(name, _rdflib_turtle(quads()))
    joined = joined_body(blocks, block_order(by_subject, references))
    block = graph_block(name, joined[0]) if joined is not None else None
    if block is None:
        return blocks, trig_block(name, _turtle(by_subject, references, labels, quads))
    return blocks, (frozenset(prefix_line_set(joined[1])), block)


def trig_head(header: str, prefixes) -> bytes:
    comment = f"# {header}\n" if header else ""
    return (comment + "\n".join(sorted(prefixes)) + "\n\n").encode("utf-8")


def turtle_head(header: str, prefixes) -> bytes:
    """What :func:`canonical_layout` puts before the first subject block (which begins with ``\\n``)."""
    comment = "".join(f"# {line}".rstrip() + "\n" for line in header.splitlines()) if header else ""
    return (comment + ("\n".join(sorted(prefixes)) + "\n" if prefixes else "\n")).encode("utf-8")


def prefix_line_set(used) -> set[str]:
    """The ``PREFIX`` lines of the prefix names ``used``."""
    return set(prefix_lines(used).splitlines())


def joinable(blocks: list[SubjectBlock]) -> bool:
    """The blocks can be joined as they are (canonical_layout would move no line of a literal)."""
    return bool(blocks) and not any(b"\nPREFIX " in block.data for block in blocks)


def render(
    store: ox.Store,
    names: list[str],
    data_names: list[str],
    header: str = "",
    lines_of=(),
    track: bool = False,
) -> Rendered:
    """Both files, and their pieces; ``lines_of``: graphs whose triples are kept as lines; ``track``:
    the IRIs each graph mentions are collected (for the release cache)."""
    labels = IriLabels()
    merged = Merged()
    data = set(data_names)
    parts = []
    for name in names:
        part, by_subject, blocks, counts = _render_graph(store, name, labels, name in lines_of, track)
        if part is None:
            continue
        parts.append(part)
        if name in data:
            if by_subject is None:
                merged.blank = True
            else:
                merged.add(by_subject, blocks, counts)
    trig = trig_head(header, set().union(*(p.prefixes for p in parts)) if parts else set())
    trig += b"\n".join(p.block for p in parts)
    if not track and not merged.blank and merged.by_subject:  # the plain write: no pieces kept
        joined = _merged_body(merged, labels)
        if joined is not None:
            ttl = turtle_head(header, prefix_line_set(joined[1])) + joined[0].encode("utf-8")
            return Rendered(trig, ttl, parts, None)
    subjects = None
    if not merged.blank:
        try:
            subjects = _merged_blocks(merged, labels)
        except _Unsupported:
            subjects = None
    if subjects is not None and joinable(subjects):
        used = set().union(*(b.prefixes for b in subjects))
        ttl = turtle_head(header, prefix_line_set(used)) + b"".join(b.data for b in subjects)
    else:
        subjects = None
        triples = _merged_triples(store, data_names)
        if merged.blank:
            ttl = _rdflib_turtle(triples, header).encode("utf-8")
        else:
            ttl = _turtle(merged.by_subject, merged.references, labels, lambda: triples, header).encode()
    return Rendered(trig, ttl, parts, subjects if track else None)


def _merged_blocks(merged: Merged, labels: IriLabels) -> list[SubjectBlock]:
    """The merged Turtle's subject blocks in order (as :func:`longturtle_blocks` makes them), each
    subject that one graph alone states taken from that graph's blocks."""
    return ordered_blocks(
        subject_blocks(merged.by_subject, labels, merged.owner), merged.by_subject, merged.references
    )


def _merged_body(merged: Merged, labels: IriLabels) -> tuple[str, set] | None:
    """:func:`joined_body` of the merged data (None: rdflib writes it, or a line would move)."""
    try:
        blocks = subject_blocks(merged.by_subject, labels, merged.owner)
    except _Unsupported:
        return None
    return joined_body(blocks, block_order(merged.by_subject, merged.references))


def ordered_blocks(blocks: dict, by_subject: dict, references) -> list[SubjectBlock]:
    """:func:`subject_blocks` as :func:`~kommgraph.core.turtle.longturtle_blocks` gives them."""
    make, get = tuple.__new__, references.get
    out = []
    for s, is_class in block_order(by_subject, references):
        text, prefixes = blocks[s]
        out.append(
            make(
                SubjectBlock,
                (s, text.encode("utf-8", "replace"), 0 if is_class else get(s, 0), is_class, prefixes),
            )
        )
    return out


def _merged_triples(store: ox.Store, data_names: list[str]) -> list:
    seen = {
        ox.Triple(q.subject, q.predicate, q.object)
        for name in data_names
        for q in store.quads_for_pattern(None, None, None, ox.NamedNode(name))
    }
    return list(seen)


def store_turtles(
    store: ox.Store, names: list[str], data_names: list[str], header: str = ""
) -> tuple[bytes, bytes]:
    """``(TriG of the graphs names, in that order; Turtle of the merged data_names)``."""
    with collector_paused():
        rendered = render(store, names, data_names, header)
    return rendered.trig, rendered.ttl
