"""The pieces of the last release write, kept on disk, so that the next ``build`` renders only what changed.

``kommgraph.trig`` is a head and one block per graph; a source graph's block depends only on its
triples, which depend only on its file: its key is the file's content hash (from the persistent
store's manifest). ``kommgraph.ttl`` is a head and one block per subject, ordered by (class or not,
how often the subject is an object, IRI); a subject's block and place change only when a triple with
it as subject or object comes or goes, so only the IRIs that the changed graphs mention (before and
after) and the subjects and objects of derived triples that came or went are written again
(:mod:`kommgraph.publish.incremental_write`). Everything else is copied from the last files.

The derived graph's TriG block is laid out the same way (one indented block per subject, the same
order rule): only the subjects whose derived triples came or went, or whose derived references
changed, are rendered again.

Kept in ``DATA/.kommgraph/release-VIEW/``: copies of both files, the IRIs each graph mentions, the
derived graph's triples as lines, each subject's place and block length (in the merged Turtle and in
the derived graph's block), and ``index.json`` with the size and CRC-32 of each of these. A missing,
damaged or foreign cache is never used: the release is then written from scratch (the bytes are the
same either way; tests compare them).
"""

from __future__ import annotations

import json
import os
import secrets
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from kommgraph.core.version import __version__
from kommgraph.publish.block_splice import BlockIndex, PrefixSets

FORMAT = 2
DERIVED_BLOBS = ("derived", "derived_subjects", "derived_numbers")  # unchanged with the derived graph
BLOBS = ("trig", "ttl", "mentioned", "subjects", "numbers", *DERIVED_BLOBS)


@dataclass
class GraphEntry:
    name: str
    key: str | None
    prefixes: frozenset[str]  # PREFIX lines of its block
    length: int  # bytes of its block in the TriG file
    mentioned: bytes  # the IRIs it mentions, one a line


@dataclass
class Pieces:
    """A release write and what it was made of (``merged`` None: the Turtle was not written block by
    block, and the next write starts from scratch; ``derived_blocks`` None: the derived graph's TriG
    block is not known block by block, and is rendered whole when its triples change)."""

    header: str
    data_names: list[str]
    trig: bytes
    ttl: bytes
    graphs: list[GraphEntry]
    merged: BlockIndex | None = None  # the subject blocks of the merged Turtle
    prefix_sets: PrefixSets = field(default_factory=PrefixSets)  # of both indexes
    ttl_head: int = 0
    derived: list[str] | None = None  # the derived graph's triple lines, sorted
    derived_blocks: BlockIndex | None = None  # the subject blocks inside the derived graph's TriG block
    generation: int | None = None  # of the persistent store written from
    kept: dict[str, tuple[bytes, int]] = field(default_factory=dict)  # blobs as read, unchanged: (bytes, CRC)

    @property
    def trig_head(self) -> int:
        return len(self.trig) - sum(g.length for g in self.graphs) - max(len(self.graphs) - 1, 0)


def _crc(data: bytes) -> int:
    return zlib.crc32(data)


def write_pieces(folder: Path, pieces: Pieces) -> None:
    """Save ``pieces`` (each file atomically, the index last: a half-written cache fails its check)."""
    folder.mkdir(parents=True, exist_ok=True)
    makers = {
        "trig": lambda: pieces.trig,
        "ttl": lambda: pieces.ttl,
        "mentioned": lambda: b"".join(g.mentioned for g in pieces.graphs),
        "subjects": lambda: _lines(pieces.merged),
        "numbers": lambda: pieces.merged.numbers() if pieces.merged else b"",
        "derived": lambda: "\n".join(pieces.derived or []).encode("utf-8"),
        "derived_subjects": lambda: _lines(pieces.derived_blocks),
        "derived_numbers": lambda: pieces.derived_blocks.numbers() if pieces.derived_blocks else b"",
    }
    blobs = {name: make() for name, make in makers.items() if name not in pieces.kept}
    prefix_lines = sorted(set().union(*(g.prefixes for g in pieces.graphs)) if pieces.graphs else set())
    line_ids = {line: n for n, line in enumerate(prefix_lines)}
    index = {
        "format": FORMAT,
        "version": __version__,
        "header": pieces.header,
        "data_names": pieces.data_names,
        "graph_prefix_lines": prefix_lines,
        "graphs": [
            [g.name, g.key, sorted(line_ids[line] for line in g.prefixes), g.length, len(g.mentioned)]
            for g in pieces.graphs
        ],
        "has_subjects": pieces.merged is not None,
        "subject_count": len(pieces.merged.subjects) if pieces.merged else 0,
        "has_derived_blocks": pieces.derived_blocks is not None,
        "derived_count": len(pieces.derived_blocks.subjects) if pieces.derived_blocks else 0,
        "prefix_sets": [sorted(s) for s in pieces.prefix_sets.sets],
        "ttl_head": pieces.ttl_head,
        "has_derived": pieces.derived is not None,
        "generation": pieces.generation,
        "blobs": {name: [len(data), _crc(data)] for name, data in blobs.items()},
    }
    for name, (data, crc) in pieces.kept.items():  # unchanged: neither hashed nor written again
        index["blobs"][name] = [len(data), crc]
    (folder / "index.json").unlink(missing_ok=True)
    for name, data in blobs.items():
        _write_atomically(folder / name, data)
    _write_atomically(folder / "index.json", json.dumps(index, ensure_ascii=False).encode("utf-8"))


def _lines(index: BlockIndex | None) -> bytes:
    return "\n".join(index.subjects if index else []).encode("utf-8")


def _write_atomically(path: Path, data: bytes) -> None:
    temporary = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    try:
        temporary.write_bytes(data)
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)


def read_pieces(folder: Path) -> Pieces | None:
    """The saved pieces; None when they are missing, damaged or from another version."""
    try:
        index = json.loads((folder / "index.json").read_bytes())
        if index.get("format") != FORMAT or index.get("version") != __version__:
            return None
        blobs = {}
        for name in BLOBS:
            size, crc = index["blobs"][name]
            data = (folder / name).read_bytes()
            if len(data) != size or _crc(data) != crc:
                return None
            blobs[name] = data
        pieces = _pieces(index, blobs)
        pieces.kept = {name: (blobs[name], index["blobs"][name][1]) for name in DERIVED_BLOBS}
        return pieces
    except (OSError, ValueError, KeyError, TypeError, IndexError):
        return None


def _pieces(index: dict, blobs: dict[str, bytes]) -> Pieces:
    lines = index["graph_prefix_lines"]
    graphs, start = [], 0
    mentioned = blobs["mentioned"]
    for name, key, line_ids, length, size in index["graphs"]:
        prefixes = frozenset(lines[n] for n in line_ids)
        graphs.append(GraphEntry(name, key, prefixes, int(length), mentioned[start : start + size]))
        start += size
    if start != len(mentioned):
        raise ValueError("mentioned IRIs do not add up")
    pieces = Pieces(index["header"], list(index["data_names"]), blobs["trig"], blobs["ttl"], graphs)
    if sum(g.length for g in graphs) + max(len(graphs) - 1, 0) > len(pieces.trig):
        raise ValueError("graph blocks do not fit the TriG file")
    pieces.prefix_sets = PrefixSets([frozenset(s) for s in index["prefix_sets"]])
    if index["has_subjects"]:
        pieces.merged = _index(blobs["subjects"], blobs["numbers"], int(index["subject_count"]), pieces)
        pieces.ttl_head = int(index["ttl_head"])
        if pieces.ttl_head + sum(pieces.merged.lengths) != len(pieces.ttl):
            raise ValueError("subject blocks do not fit the Turtle file")
    if index["has_derived_blocks"]:
        count = int(index["derived_count"])
        pieces.derived_blocks = _index(blobs["derived_subjects"], blobs["derived_numbers"], count, pieces)
    generation = index["generation"]
    pieces.generation = None if generation is None else int(generation)
    if index["has_derived"]:
        text = blobs["derived"].decode("utf-8")
        pieces.derived = text.split("\n") if text else []
    return pieces


def _index(subjects: bytes, numbers: bytes, count: int, pieces: Pieces) -> BlockIndex:
    index = BlockIndex.parse(subjects, numbers, count)
    if index.prefix_ids and max(index.prefix_ids) >= len(pieces.prefix_sets.sets):
        raise ValueError("unknown prefix set")
    return index
