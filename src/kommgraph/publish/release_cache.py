"""The pieces of the last release write, kept on disk, so that the next ``build`` renders only what changed.

``kommgraph.trig`` is a head and one block per graph; a source graph's block depends only on its
triples, which depend only on its file: its key is the file's content hash (from the persistent
store's manifest). ``kommgraph.ttl`` is a head and one block per subject, ordered by (class or not,
how often the subject is an object, IRI); a subject's block and place change only when a triple with
it as subject or object comes or goes, so only the IRIs that the changed graphs mention (before and
after) and the subjects and objects of derived triples that came or went are written again
(:mod:`kommgraph.publish.incremental_write`). Everything else is copied from the last files.

Kept in ``DATA/.kommgraph/release-VIEW/``: copies of both files, the IRIs each graph mentions, the
derived graph's triples as lines, each subject's place and block length, and ``index.json`` with the
size and CRC-32 of each of these. A missing, damaged or foreign cache is never used: the release is
then written from scratch (the bytes are the same either way; tests compare them).
"""

from __future__ import annotations

import json
import os
import secrets
import zlib
from array import array
from dataclasses import dataclass, field
from pathlib import Path

from kommgraph.core.version import __version__

FORMAT = 1
BLOBS = ("trig", "ttl", "mentioned", "subjects", "derived", "numbers")


@dataclass
class GraphEntry:
    name: str
    key: str | None
    prefixes: frozenset[str]  # PREFIX lines of its block
    length: int  # bytes of its block in the TriG file
    mentioned: bytes  # the IRIs it mentions, one a line


@dataclass
class Pieces:
    """A release write and what it was made of (``subjects`` None: the Turtle was not written block by
    block, and the next write starts from scratch)."""

    header: str
    data_names: list[str]
    trig: bytes
    ttl: bytes
    graphs: list[GraphEntry]
    subjects: list[str] | None = None
    references: array = field(default_factory=lambda: array("q"))  # -1 for a class: classes come first
    lengths: array = field(default_factory=lambda: array("q"))
    prefix_ids: array = field(default_factory=lambda: array("i"))  # into prefix_sets
    prefix_sets: list[frozenset[str]] = field(default_factory=list)  # prefix names
    ttl_head: int = 0
    derived: list[str] | None = None  # the derived graph's triple lines, sorted
    generation: int | None = None  # of the persistent store written from
    kept: dict[str, tuple[bytes, int]] = field(default_factory=dict)  # blobs as read: (bytes, CRC)

    @property
    def trig_head(self) -> int:
        return len(self.trig) - sum(g.length for g in self.graphs) - max(len(self.graphs) - 1, 0)


def _crc(data: bytes) -> int:
    return zlib.crc32(data)


def _numbers(pieces: Pieces) -> bytes:
    return pieces.references.tobytes() + pieces.lengths.tobytes() + pieces.prefix_ids.tobytes()


def write_pieces(folder: Path, pieces: Pieces) -> None:
    """Save ``pieces`` (each file atomically, the index last: a half-written cache fails its check)."""
    folder.mkdir(parents=True, exist_ok=True)
    blobs = {
        "trig": pieces.trig,
        "ttl": pieces.ttl,
        "mentioned": b"".join(g.mentioned for g in pieces.graphs),
        "subjects": "\n".join(pieces.subjects or []).encode("utf-8"),
        "numbers": _numbers(pieces),
    }
    if "derived" not in pieces.kept:
        blobs["derived"] = "\n".join(pieces.derived or []).encode("utf-8")
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
        "has_subjects": pieces.subjects is not None,
        "subject_count": len(pieces.subjects or []),
        "prefix_sets": [sorted(s) for s in pieces.prefix_sets],
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
        pieces.kept = {"derived": (blobs["derived"], index["blobs"]["derived"][1])}
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
    if index["has_subjects"]:
        count = int(index["subject_count"])
        text = blobs["subjects"].decode("utf-8")
        pieces.subjects = text.split("\n") if count else []
        numbers = blobs["numbers"]
        width = 8 * count
        pieces.references = _array("q", numbers[:width])
        pieces.lengths = _array("q", numbers[width : 2 * width])
        pieces.prefix_ids = _array("i", numbers[2 * width :])
        if not (len(pieces.subjects) == len(pieces.references) == len(pieces.prefix_ids) == count):
            raise ValueError("subject arrays differ in length")
        pieces.prefix_sets = [frozenset(s) for s in index["prefix_sets"]]
        pieces.ttl_head = int(index["ttl_head"])
        if pieces.ttl_head + sum(pieces.lengths) != len(pieces.ttl):
            raise ValueError("subject blocks do not fit the Turtle file")
    generation = index["generation"]
    pieces.generation = None if generation is None else int(generation)
    if index["has_derived"]:
        text = blobs["derived"].decode("utf-8")
        pieces.derived = text.split("\n") if text else []
    return pieces


def _array(kind: str, data: bytes) -> array:
    values = array(kind)
    values.frombytes(data)
    return values
