"""The derived graph's block of ``kommgraph.trig`` written subject by subject, so that after an edit only
the subjects whose derived triples (or derived references) changed are rendered again.

The block :func:`~kommgraph.publish.store_turtle.render_graph` writes for a graph is ``<name> {``, then
the graph's ``longturtle`` subject blocks (:func:`~kommgraph.core.turtle.longturtle_blocks`, in their
order), each indented by four spaces, then ``}`` and a line break: each subject block begins with a
line break and ends with ``.`` and one. So the block is spliced like the merged Turtle
(:mod:`kommgraph.publish.block_splice`). Whatever this cannot write as the full write would (blank
nodes, a literal with a line that starts with ``PREFIX``, a long string whose indentation depends on
the blocks before it) gives None, and the caller renders the graph whole.
"""

from __future__ import annotations

from dataclasses import dataclass

import pyoxigraph as ox

from kommgraph.core.turtle import IriLabels, SubjectBlock, _Unsupported, indented_block, longturtle_blocks
from kommgraph.publish.block_splice import BlockIndex, PrefixSets, index_of, splice
from kommgraph.publish.store_turtle import _Blank, grouped, joinable, prefix_line_set

CLOSE = b"}\n"


def opening(name: str) -> bytes:
    return f"<{name}> {{".encode()


@dataclass
class DerivedPart:
    """The graph's TriG block (None: the graph is empty, it has no block), its ``PREFIX`` lines and the
    index of the subject blocks inside it."""

    block: bytes | None
    prefixes: frozenset[str]
    index: BlockIndex


def _indented(blocks: list[SubjectBlock]) -> list[bytes] | None:
    out = []
    for block in blocks:
        data = block.data
        if b'"""' not in data and b"'''" not in data:  # no long string: every line but the empty ends
            out.append(b"\n    " + data[1:-1].replace(b"\n", b"\n    ") + b"\n")
            continue
        text = indented_block(block.text)
        if text is None:
            return None
        out.append(text.encode("utf-8"))
    return out


def _rendered(by_subject: dict, references, labels: IriLabels) -> tuple[list, list[bytes]] | None:
    try:
        blocks = longturtle_blocks(by_subject, references, labels)
    except _Unsupported:
        return None
    if blocks and not joinable(blocks):
        return None
    data = _indented(blocks)
    return None if data is None else (blocks, data)


def _part(name: str, index: BlockIndex, parts: list, prefix_sets: PrefixSets) -> DerivedPart:
    if not index.subjects:
        return DerivedPart(None, frozenset(), index)
    block = opening(name) + b"".join(parts) + CLOSE
    return DerivedPart(block, frozenset(prefix_line_set(prefix_sets.used(index))), index)


def whole(store: ox.Store, name: str, labels: IriLabels, prefix_sets: PrefixSets) -> DerivedPart | None:
    """The graph ``name`` rendered block by block."""
    try:
        by_subject, references = grouped(store.quads_for_pattern(None, None, None, ox.NamedNode(name)))
    except _Blank:
        return None
    try:
        blocks = longturtle_blocks(by_subject, references, labels)
    except _Unsupported:
        return None
    return from_blocks(name, blocks, prefix_sets)


def from_blocks(name: str, blocks: list[SubjectBlock], prefix_sets: PrefixSets) -> DerivedPart | None:
    """The graph ``name`` from its subject blocks (those of :func:`longturtle_blocks`, in its order)."""
    if blocks and not joinable(blocks):
        return None
    data = _indented(blocks)
    if data is None:
        return None
    return _part(name, index_of(blocks, data, prefix_sets), data, prefix_sets)


def spliced(
    store: ox.Store,
    name: str,
    old: BlockIndex,
    old_block: memoryview,
    changed: set[str],
    labels: IriLabels,
    prefix_sets: PrefixSets,
) -> DerivedPart | None:
    """The graph's block from its ``old_block`` (indexed by ``old``): the blocks of the ``changed`` IRIs
    (subjects or objects of the derived triples that came or went) rendered again, the rest copied."""
    head = opening(name)
    if (
        bytes(old_block[: len(head)]) != head
        or bytes(old_block[-len(CLOSE) :]) != CLOSE
        or len(head) + sum(old.lengths) + len(CLOSE) != len(old_block)
    ):
        raise ValueError("the derived graph's blocks do not fit its TriG block")
    node = ox.NamedNode(name)
    try:
        by_subject, _ = grouped(
            q for iri in sorted(changed) for q in store.quads_for_pattern(ox.NamedNode(iri), None, None, node)
        )
    except _Blank:
        return None
    references = {
        s: sum(1 for _ in store.quads_for_pattern(None, None, ox.NamedNode(s), node)) for s in by_subject
    }
    rendered = _rendered(by_subject, references, labels)
    if rendered is None:
        return None
    blocks, data = rendered
    body = old_block[len(head) : len(old_block) - len(CLOSE)]
    index, parts = splice(old, body, changed, blocks, data, prefix_sets)
    return _part(name, index, parts, prefix_sets)
