"""``kommgraph.trig`` and ``kommgraph.ttl`` written from the last release's pieces
(:mod:`kommgraph.publish.release_cache`), rendering only the graphs whose key changed, the derived
graph, and the subjects of the merged Turtle whose triples or references may have changed.

Why that is enough: a graph's TriG block depends only on its triples (and the fixed prefix table); a
subject's block in the merged Turtle depends only on the merged triples with it as subject, and its
place on whether it is a class and how many merged triples have it as object. A triple of the merged
data comes or goes only with a changed graph (its old and new version are both looked at) or a
changed derived triple (the derived graph's triples are kept as lines and compared), and then its
subject and object are among the IRIs rendered again. Anything this cannot settle (blank nodes, too
many IRIs, a literal that canonical_layout would rearrange) falls back to the full write.
"""

from __future__ import annotations

import hashlib
import logging
from bisect import bisect_left, insort
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from kommgraph.core.collector import collector_paused
from kommgraph.core.turtle import IriLabels, _Unsupported, longturtle_blocks
from kommgraph.core.vocab import DERIVED_GRAPH, KG
from kommgraph.publish import derived_blocks
from kommgraph.publish.block_splice import BlockIndex, index_of, splice
from kommgraph.publish.release_cache import DERIVED_BLOBS, GraphEntry, Pieces, read_pieces, write_pieces
from kommgraph.publish.store_turtle import (
    Rendered,
    _Blank,
    _object,
    joinable,
    prefix_line_set,
    render,
    render_graph,
    trig_head,
    turtle_head,
)
from kommgraph.store.derive import INDEX_GRAPH

log = logging.getLogger("kommgraph.publish")

# More IRIs than this to render again: the full write is as quick.
LIMIT = 50_000
MANY_GRAPHS = 1_000
_CHUNK = 500
_PLACEMENT = str(KG.placement)


def graph_keys(states) -> dict[str, str]:
    """A key per graph from the manifest's file states (path, kind, content hash of each file)."""
    by_graph: dict[str, list[str]] = {}
    for state in states:
        by_graph.setdefault(state.graph, []).append(f"{state.path}\t{state.kind}\t{state.sha256}")
    return {
        graph: hashlib.sha256("\n".join(sorted(lines)).encode("utf-8")).hexdigest()
        for graph, lines in by_graph.items()
    }


@dataclass
class ReleaseCache:
    """Where the pieces are kept, each graph's content key, the persistent store's generation, and
    what tells the subjects whose derived statements changed since an earlier generation."""

    folder: Path
    keys: dict[str, str]
    generation: int
    concluded_since: Callable[[int], set[str] | None]
    derived_name: str = str(DERIVED_GRAPH)


def cached_turtles(
    store: ox.Store, names: list[str], data_names: list[str], header: str, cache: ReleaseCache
) -> tuple[bytes, bytes]:
    """The bytes of :func:`~kommgraph.publish.store_turtle.store_turtles`, from the cache where it
    serves, else from scratch; the cache is then brought up to date."""
    with collector_paused():
        pieces = _new_pieces(store, names, data_names, header, cache)
    pieces.generation = cache.generation
    folder = cache.folder
    try:
        write_pieces(folder, pieces)
    except OSError as exc:  # the cache only saves time: the release does not depend on it
        log.warning("kommgraph: cannot keep the release cache in %s (%s)", folder, exc)
    return pieces.trig, pieces.ttl


def _new_pieces(store: ox.Store, names, data_names, header: str, cache: ReleaseCache) -> Pieces:
    old = read_pieces(cache.folder)
    if old is not None:
        try:
            pieces = update(store, names, data_names, header, old, cache)
        except (_Blank, _Unsupported, ValueError, KeyError, IndexError, UnicodeDecodeError) as exc:
            log.info("release cache not usable (%s): writing from scratch", exc)
            pieces = None
        if pieces is not None:
            return pieces
    rendered = render(store, names, data_names, header, lines_of={cache.derived_name}, track=True)
    pieces = pieces_of(rendered, header, data_names, cache.keys, cache.derived_name)
    _index_derived(store, rendered, pieces, cache.derived_name)
    return pieces


def _index_derived(store: ox.Store, rendered: Rendered, pieces: Pieces, derived_name: str) -> None:
    """The derived graph's subject blocks, kept when they make the block the full write made."""
    derived = next((p for p in rendered.graphs if p.name == derived_name), None)
    if derived is not None and derived.subjects is not None:  # the blocks the write rendered
        part = derived_blocks.from_blocks(derived_name, derived.subjects, pieces.prefix_sets)
    else:
        part = derived_blocks.whole(store, derived_name, IriLabels(), pieces.prefix_sets)
    if part is not None and part.block == (derived.block if derived is not None else None):
        pieces.derived_blocks = part.index


def _mention_bytes(iris) -> bytes:
    return "".join(f"{iri}\n" for iri in iris).encode("utf-8")


def _mentioned(entry: GraphEntry) -> set[str]:
    return set(entry.mentioned.decode("utf-8").split("\n")[:-1])


def pieces_of(rendered: Rendered, header: str, data_names, keys: dict[str, str], derived_name: str) -> Pieces:
    graphs = [  # the derived graph's IRIs are told by its triple lines
        GraphEntry(
            p.name,
            keys.get(p.name),
            p.prefixes,
            len(p.block),
            b"" if p.name == derived_name else _mention_bytes(p.mentioned),
        )
        for p in rendered.graphs
    ]
    pieces = Pieces(header, list(data_names), rendered.trig, rendered.ttl, graphs)
    derived = next((p for p in rendered.graphs if p.name == derived_name), None)
    pieces.derived = derived.triples if derived is not None and derived.triples is not None else []
    if rendered.subjects is not None:
        blocks = rendered.subjects
        pieces.merged = index_of(blocks, [b.data for b in blocks], pieces.prefix_sets)
        pieces.ttl_head = len(rendered.ttl) - sum(pieces.merged.lengths)
    return pieces


def _iris_of_lines(lines) -> set[str]:
    found = set()
    for line in lines:
        subject, _, rest = line.partition("\t")
        found.add(subject)
        value = rest.partition("\t")[2]
        if value.startswith("<"):
            found.add(value[1:-1])
    return found


def _lines_about(lines: list[str], subjects: set[str]) -> set[str]:
    """The lines (sorted, as :func:`triple_lines` makes them) whose subject is one of ``subjects``."""
    found = set()
    for subject in subjects:
        start = bisect_left(lines, subject + "\t")
        while start < len(lines) and lines[start].startswith(subject + "\t"):
            found.add(lines[start])
            start += 1
    return found


def _store_lines_about(store: ox.Store, graph: ox.NamedNode, subjects: set[str]) -> set[str]:
    found = set()
    for subject in subjects:
        for q in store.quads_for_pattern(ox.NamedNode(subject), None, None, graph):
            o = _object(q.object)
            p = q.predicate.value
            found.add(f"{subject}\t{p}\t<{o}>" if type(o) is str else f"{subject}\t{p}\t{o!r}")
    return found


def _derived_change(store: ox.Store, old: Pieces, cache: ReleaseCache) -> tuple[set[str], set[str]] | None:
    """The derived triple lines that may have changed, as the cache has them and as the store has them
    (equal: the derived graph is as the cache has it); None where the journal cannot tell."""
    if old.generation is None or old.derived is None:
        return None
    subjects = cache.concluded_since(old.generation)
    if subjects is None:
        return None
    node = ox.NamedNode(cache.derived_name)
    before = _lines_about(old.derived, subjects)
    after = _store_lines_about(store, node, subjects)
    placements = _placements(before) | _placements(after)  # derived subjects of their own
    return before | _lines_about(old.derived, placements), after | _store_lines_about(store, node, placements)


def _placements(lines: set[str]) -> set[str]:
    return {line.rpartition("\t")[2][1:-1] for line in lines if f"\t{_PLACEMENT}\t<" in line}


def _updated_lines(lines: list[str], before: set[str], after: set[str]) -> list[str]:
    """The sorted ``lines`` with ``before`` taken out and ``after`` put in."""
    kept = [line for line in lines if line not in before] if before else list(lines)
    if len(after) > 1_000:
        return sorted(kept + list(after))
    for line in after:
        insort(kept, line)
    return kept


def update(
    store: ox.Store, names: list[str], data_names: list[str], header: str, old: Pieces, cache: ReleaseCache
) -> Pieces | None:
    """The new pieces from ``old`` and what changed; None where only the full write can tell."""
    if old.header != header or old.merged is None or old.derived is None:
        return None
    keys, derived_name = cache.keys, cache.derived_name
    change = _derived_change(store, old, cache)
    if change is None:
        return None
    derived_unchanged = change[0] == change[1]
    data, old_data = set(data_names), set(old.data_names)
    before, offset = {}, old.trig_head
    for entry in old.graphs:
        before[entry.name] = (entry, offset)
        offset += entry.length + 1
    differing = sum(1 for name in names if name not in before or before[name][0].key != keys.get(name))
    if differing > MANY_GRAPHS:
        return None  # (a moved data directory, new reference data): the full write is as quick
    labels = IriLabels()
    entries: list[GraphEntry] = []
    blocks: list = []
    changed_derived = _iris_of_lines(change[0].symmetric_difference(change[1]))
    affected: set[str] = set(changed_derived)
    pieces = Pieces(header, list(data_names), b"", b"", entries, prefix_sets=old.prefix_sets)
    if derived_unchanged:
        pieces.derived, pieces.derived_blocks = old.derived, old.derived_blocks
        pieces.kept = {name: old.kept[name] for name in DERIVED_BLOBS}
    else:
        pieces.derived = _updated_lines(old.derived, *change)
    trig = memoryview(old.trig)
    for name in names:
        key, was = keys.get(name), before.get(name)
        in_data = name in data or name in old_data
        reusable = key is not None and was is not None and was[0].key == key
        if name == derived_name:
            reusable = was is not None and derived_unchanged
        if reusable:
            if (name in data) != (name in old_data):
                return None
            entry, start = was
            entries.append(entry)
            blocks.append(trig[start : start + entry.length])
            continue
        if name == derived_name:
            if not _derived_part(
                store, name, was, old, pieces, changed_derived, labels, trig, entries, blocks
            ):
                return None
            continue
        part, by_subject = render_graph(store, name, labels, lines=False)
        if part is not None and by_subject is None and in_data:
            return None  # blank nodes in the merged data
        if in_data:
            if was is not None:
                affected |= _mentioned(was[0])
            if part is not None:
                affected.update(part.mentioned)
        if part is not None:
            entries.append(
                GraphEntry(name, key, part.prefixes, len(part.block), _mention_bytes(part.mentioned))
            )
            blocks.append(part.block)
        if len(affected) > LIMIT:
            return None
    current = set(names)
    if derived_name not in current:  # no derived triple left (or none yet): its graph has no block
        pieces.derived_blocks = BlockIndex()
    for name, (entry, _) in before.items():
        if name not in current and name in old_data:
            affected |= _mentioned(entry)
    if len(affected) > LIMIT:
        return None
    prefixes = set().union(*(e.prefixes for e in entries)) if entries else set()
    pieces.trig = trig_head(header, prefixes) + b"\n".join(blocks)
    return _merged_turtle(store, names, data, old, pieces, affected, labels)


def _derived_part(
    store, name, was, old: Pieces, pieces: Pieces, changed, labels, trig, entries, blocks
) -> bool:
    """The derived graph's new block (spliced where its old blocks are known) into ``entries`` and
    ``blocks``; False where it has blank nodes."""
    part = None
    if was is not None and old.derived_blocks is not None:
        entry, start = was
        old_block = trig[start : start + entry.length]
        part = derived_blocks.spliced(
            store, name, old.derived_blocks, old_block, changed, labels, pieces.prefix_sets
        )
    if part is None:
        part = derived_blocks.whole(store, name, labels, pieces.prefix_sets)
    if part is None:  # written whole by the full write's renderer; the next change renders it whole again
        rendered, by_subject = render_graph(store, name, labels, lines=False)
        if rendered is not None and by_subject is None:
            return False
        if rendered is not None:
            entries.append(GraphEntry(name, None, rendered.prefixes, len(rendered.block), b""))
            blocks.append(rendered.block)
        pieces.derived_blocks = None
        return True
    pieces.derived_blocks = part.index
    if part.block is not None:
        entries.append(GraphEntry(name, None, part.prefixes, len(part.block), b""))
        blocks.append(part.block)
    return True


def _merged_about(store: ox.Store, iris: set[str], data: set[str]) -> dict:
    """The merged data triples with one of ``iris`` as subject, grouped as the full write groups them."""
    by_subject: dict[str, dict[str, dict]] = {}
    for iri in sorted(iris):
        properties: dict[str, dict] = {}
        for q in store.quads_for_pattern(ox.NamedNode(iri), None, None, None):
            graph = q.graph_name
            if type(graph) is not ox.NamedNode or graph.value not in data:
                continue
            properties.setdefault(q.predicate.value, {})[_object(q.object)] = None
        if properties:
            by_subject[iri] = properties
    return by_subject


def _reference_counts(store: ox.Store, iris, excluded: list[str]) -> dict[str, int]:
    """How many distinct merged data triples have each of ``iris`` as object."""
    counts: dict[str, int] = {}
    ordered = sorted(iris)
    condition = "FILTER(?g NOT IN (" + ", ".join(f"<{g}>" for g in excluded) + ")) " if excluded else ""
    for start in range(0, len(ordered), _CHUNK):
        block = " ".join(f"<{iri}>" for iri in ordered[start : start + _CHUNK])
        inner = (
            "SELECT DISTINCT ?s ?p ?x WHERE { VALUES ?x { "
            + block
            + " } GRAPH ?g { ?s ?p ?x } "
            + condition
            + "}"
        )
        query = "SELECT ?x (COUNT(*) AS ?n) WHERE { { " + inner + " } } GROUP BY ?x"
        for row in store.query(query):
            counts[row["x"].value] = int(row["n"].value)
    return counts


def _merged_turtle(
    store: ox.Store, names: list[str], data: set[str], old: Pieces, pieces: Pieces, affected, labels
) -> Pieces | None:
    """The merged Turtle: the old subject blocks outside ``affected`` copied, those inside rendered again,
    all in the full write's order."""
    by_subject = _merged_about(store, affected, data)
    # names are every named graph of the store (dumps.graph_order): the others are not data, nor is the
    # index graph (never released; a word index names units as objects)
    references = _reference_counts(store, by_subject, sorted((set(names) - data) | {INDEX_GRAPH}))
    fresh = longturtle_blocks(by_subject, references, labels)
    if fresh and not joinable(fresh):
        return None
    old_bytes = memoryview(old.ttl)[old.ttl_head :]
    merged, parts = splice(
        old.merged, old_bytes, affected, fresh, [b.data for b in fresh], pieces.prefix_sets
    )
    if not merged.subjects:
        return None
    head = turtle_head(pieces.header, prefix_line_set(pieces.prefix_sets.used(merged)))
    pieces.ttl = head + b"".join(parts)
    pieces.merged, pieces.ttl_head = merged, len(head)
    return pieces
