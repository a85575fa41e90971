"""What a persistent store was built from: each file's path, graph, size, mtime and content hash.

``.kommgraph/VIEW.json`` beside the store ``.kommgraph/VIEW/``. The size and mtime are the fast check;
when they differ the SHA-256 of the content decides, so a touched but unchanged file costs one hash.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, field, fields
from pathlib import Path

from kommgraph.core import paths
from kommgraph.core.files import write_atomically
from kommgraph.core.version import __version__
from kommgraph.store.dataset import GraphFile

# Raised whenever the store's layout or the manifest's meaning changes: an older store is rebuilt.
FORMAT = 1


@dataclass(frozen=True)
class FileState:
    path: str  # absolute
    graph: str
    kind: str
    size: int
    mtime_ns: int
    sha256: str

    @property
    def identity(self) -> tuple[str, str]:
        return (self.path, self.graph)


@dataclass
class Manifest:
    include_drafts: bool
    rules: str  # hash of queries/rules/*.rq: other rules mean other derived triples
    files: list[FileState] = field(default_factory=list)
    drafts: list[str] = field(default_factory=list)  # draft graphs found (loaded or left out)
    derived: dict[str, int] = field(default_factory=dict)
    generation: int = 0  # counts the updates; the validation cache names the generation it checked
    triples: int = 0  # in the merged default graph (counting them in the store on disk takes seconds)
    version: str = __version__
    format: int = FORMAT

    def as_json(self) -> str:
        # shallow copies, not dataclasses.asdict: its deep copy of 10,000 file states took 0.12 s a write
        data = {f.name: getattr(self, f.name) for f in fields(self)}
        data["files"] = [dict(vars(state)) for state in self.files]
        return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"

    def write(self, path: Path) -> None:
        write_atomically({path: self.as_json()})


def read_manifest(path: Path) -> Manifest | None:
    """The manifest at ``path``; None when it is missing, unreadable or from another version or format."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("format") != FORMAT or data.get("version") != __version__:
            return None
        files = [FileState(**entry) for entry in data["files"]]
        return Manifest(
            include_drafts=bool(data["include_drafts"]),
            rules=str(data["rules"]),
            files=files,
            drafts=list(data["drafts"]),
            derived={str(k): int(v) for k, v in data["derived"].items()},
            generation=int(data["generation"]),
            triples=int(data["triples"]),
        )
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def rules_hash() -> str:
    digest = hashlib.sha256()
    for rule in sorted(paths.rules_dir().glob("*.rq")):
        digest.update(rule.name.encode() + b"\0" + rule.read_bytes() + b"\0")
    return digest.hexdigest()


def file_hash(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@dataclass
class Changes:
    """How the files on disk differ from a manifest."""

    states: list[FileState]  # the current state of every file, in discovery order
    changed_graphs: set[str]  # graphs with a file changed, added or removed
    touched: bool  # a size or mtime differs although the content does not (the manifest is refreshed)

    @property
    def any(self) -> bool:
        return bool(self.changed_graphs)


def compare(files: list[GraphFile], old: list[FileState]) -> Changes:
    """The current states of ``files`` and the graphs whose files differ from ``old``."""
    before = {state.identity: state for state in old}
    states, changed, touched = [], set(), False
    for graph_file in files:
        path = os.path.abspath(graph_file.path)  # not resolve(): 11,000 realpath calls take seconds
        stat = os.stat(path)
        previous = before.pop((path, graph_file.graph), None)
        if previous and previous.size == stat.st_size and previous.mtime_ns == stat.st_mtime_ns:
            states.append(previous)
            continue
        digest = file_hash(Path(path))
        states.append(
            FileState(path, graph_file.graph, graph_file.kind, stat.st_size, stat.st_mtime_ns, digest)
        )
        if previous is None or previous.sha256 != digest:
            changed.add(graph_file.graph)
        else:
            touched = True
    changed.update(state.graph for state in before.values())  # removed files
    return Changes(states, changed, touched)
