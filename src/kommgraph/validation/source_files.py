"""Checks of the files themselves: each source text's metadata (its header or ``ID.meta.toml``
sidecar, see docs/sources.md) and curated Turtle files that state nothing.

These are findings, not input errors: ``validate`` lists every bad sidecar at once, with file and line,
and ``build``/``publish`` write nothing while one is there (exit code 1).
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox

from kommgraph.core.errors import SourceError
from kommgraph.store.dataset import DataLayout, GraphFile
from kommgraph.store.sources import parse_header, read_sidecar, read_text, sidecar_path
from kommgraph.validation.findings import Finding

METADATA_RULE = "check:source-metadata"
EMPTY_RULE = "check:empty-source-file"


def metadata_findings(layout: DataLayout, source_ids: list[str] | None = None) -> list[Finding]:
    """One finding per source text whose header or sidecar cannot be read, has an unknown key or a
    malformed line, or that has neither (``source_ids``: only those sources; default all texts)."""
    if not layout.sources_dir.is_dir():
        return []
    if source_ids is None:
        texts = sorted(layout.sources_dir.glob("*.txt"), key=lambda p: p.name)  # (one folder: by name)
    else:
        texts = [layout.source_text(s) for s in sorted(source_ids) if layout.source_text(s).exists()]
    findings = []
    for text_path in texts:
        problem = _metadata_problem(text_path)
        if problem is not None:
            findings.append(problem)
    return findings


def _metadata_problem(text_path: Path) -> Finding | None:
    try:
        text = read_text(text_path)
        header, _ = parse_header(text, text_path)
        sidecar = read_sidecar(text_path)
    except SourceError as exc:
        return _finding(str(exc), text_path)
    if header or sidecar or sidecar_path(text_path).exists():
        return None
    return _finding(
        f"{text_path} line 1: no metadata: neither a header nor a sidecar {sidecar_path(text_path).name}",
        text_path,
    )


def _finding(message: str, text_path: Path) -> Finding:
    """A finding from a ``SourceError`` message ``FILE line N: reason`` (or ``FILE: reason``)."""
    file, line, reason = _split(message, (sidecar_path(text_path), text_path))
    return Finding(
        METADATA_RULE,
        "violation",
        str(file),
        messages={
            "de": f"Metadaten der Quelle unbrauchbar: {reason}",
            "en": f"Bad source metadata: {reason}",
        },
        file=str(file),
        line=line,
    )


def _split(message: str, candidates: tuple[Path, ...]) -> tuple[Path, int, str]:
    for path in candidates:
        name = str(path)
        if message.startswith(f"{name} line "):
            number, _, reason = message[len(name) + 6 :].partition(": ")
            if number.isdigit():
                return path, int(number), reason
        if message.startswith(f"{name}: "):
            return path, 1, message[len(name) + 2 :]
    return candidates[-1], 1, message


def empty_file_findings(store: ox.Store, files: list[GraphFile]) -> list[Finding]:
    """A curated source file whose named graph holds no statement (emptied, or only comments)."""
    findings = []
    for graph_file in files:
        if graph_file.kind != "source":
            continue
        graph = ox.NamedNode(graph_file.graph)
        if next(iter(store.quads_for_pattern(None, None, None, graph)), None) is not None:
            continue
        findings.append(
            Finding(
                EMPTY_RULE,
                "violation",
                str(graph_file.path),
                messages={
                    "de": "Die Datei enthält keine Aussage: eine kuratierte Quelle ist nie leer "
                    "(lösche sie samt ihrem Quelltext, wenn sie entfallen soll).",
                    "en": "The file states nothing: a curated source is never empty "
                    "(delete it with its source text if it is to go).",
                },
                file=str(graph_file.path),
                line=1,
            )
        )
    return findings
