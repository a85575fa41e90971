"""Validation after an edit: check what changed, keep the findings of what did not.

A full run's findings are cached beside the persistent store (``DATA/.kommgraph/VIEW.findings-KIND.json``)
with the store's generation, the source texts' states and a hash of the shapes and checks. The next run
learns from the store's journal which graphs changed since (and what their old versions mentioned),
adds the sources whose texts changed, and checks again only

- each changed source alone (``kommgraph validate``), and
- the union, focused on the resources the changed sources mention (before and after the edit), the
  units below them and their placements (whose derived facts may have changed), and every resource
  pointing at one of these (a shape on it may test the class or the dates of what it points at).

The cached findings about anything else are kept. The merged report is what a full run reports;
``tests/store/test_incremental_validation.py`` compares the two on data with injected violations.
A full run is made instead whenever the cache cannot bridge the gap: no cache, another version or
shapes, the store rebuilt, reference data or the ontology changed, source texts added or removed,
or draft graphs present.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path

from kommgraph.core import paths
from kommgraph.core.files import write_atomically
from kommgraph.core.version import __version__
from kommgraph.core.vocab import ONTOLOGY_GRAPH
from kommgraph.store import persistent, rederive
from kommgraph.store.sources import read_bytes, read_once
from kommgraph.validation.catalogue import rule_catalogue
from kommgraph.validation.findings import UNION, Coverage, Finding, Report
from kommgraph.validation.literals import without_type_findings

FORMAT = 1


def checks_hash() -> str:
    """The shapes and check queries: other rules, other findings."""
    digest = hashlib.sha256(__version__.encode())
    for folder in (paths.shapes_dir(), paths.checks_dir()):
        for file in sorted(folder.rglob("*")):
            if file.is_file():
                digest.update(str(file.relative_to(folder)).encode() + b"\0" + file.read_bytes() + b"\0")
    return digest.hexdigest()


def text_states(loaded, previous: dict[str, list] | None = None) -> dict[str, list]:
    """Size, mtime and content hash of every file in sources/ (texts and sidecars); the hash is taken
    again only where size or mtime moved."""
    folder = loaded.layout.sources_dir
    previous = previous or {}
    states = {}
    if not folder.is_dir():
        return states
    # sorted by name (one folder): comparing 19,000 Path objects costs a second at 1M triples
    for path in sorted(folder.iterdir(), key=lambda p: p.name):
        if not path.is_file():
            continue
        stat = path.stat()
        before = previous.get(path.name)
        if before and before[0] == stat.st_size and before[1] == stat.st_mtime_ns:
            states[path.name] = before
        else:  # read once for the whole run (sources.read_once): the checks read the texts again
            states[path.name] = [stat.st_size, stat.st_mtime_ns, hashlib.sha256(read_bytes(path)).hexdigest()]
    return states


def _cache_path(loaded, kind: str) -> Path:
    opened = loaded.persistent
    return opened.folder / f"{opened.view}.findings-{kind}.json"


def read_cache(loaded, kind: str) -> dict | None:
    try:
        data = json.loads(_cache_path(loaded, kind).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("format") != FORMAT or data.get("checks") != checks_hash():
        return None
    return data


def write_cache(loaded, kind: str, report: Report, texts: dict[str, list]) -> None:
    data = {
        "format": FORMAT,
        "checks": checks_hash(),
        "generation": loaded.persistent.manifest.generation,
        "texts": texts,
        "sources": sorted(f.source_id for f in loaded.files if f.kind == "source"),
        "checked": report.checked,
        "findings": [asdict(f) for f in report.findings],
    }
    try:
        write_atomically({_cache_path(loaded, kind): json.dumps(data, ensure_ascii=False) + "\n"})
    except OSError:
        pass  # a cache that cannot be written costs time at the next run, nothing else


Full = Callable[[object], Report]
Partial = Callable[[object, list[str], set[str]], Report]


def incremental(loaded, kind: str, full: Full, partial: Partial) -> Report:
    """``full(loaded)`` when the cache cannot be used (and cache its result); else the cached findings
    of what did not change merged with ``partial(part, changed source IDs, union focus)``, where
    ``part`` is ``loaded`` with a small store in memory: the changed sources' graphs, the ontology, and
    every statement about the focus and its neighbours. Checks over it read the same statements about
    the focus as over the whole store, without scanning a store on disk of millions of triples."""
    with read_once():  # the texts' states and the checks read each source file once
        return _incremental(loaded, kind, full, partial)


def _incremental(loaded, kind: str, full: Full, partial: Partial) -> Report:
    if loaded.persistent is None:
        return full(loaded)
    cache = read_cache(loaded, kind)
    texts = text_states(loaded, cache.get("texts") if cache else None)
    plan = _plan(loaded, cache, texts)
    if plan is None:
        report = full(in_memory(loaded))  # whole-store checks run several times faster in memory
        write_cache(loaded, kind, report, texts)
        return report
    changed_ids, focus, changed_files = plan
    cached = [Finding(**entry) for entry in cache["findings"]]
    if not changed_ids and not focus:
        report = Report(cached, dict(cache["checked"]), None, {})
        report.checked["triples"] = loaded.persistent.manifest.triples
        report.coverage = _full_coverage(loaded, kind)
        report.rules = rule_catalogue()
        return report
    store = loaded.store
    around = rederive.neighbourhood(store, focus)
    whole = [f.graph for f in loaded.files if f.source_id in set(changed_ids)] + [str(ONTOLOGY_GRAPH)]
    part = dataclasses.replace(loaded, store=rederive.copy_about(store, around, whole), persistent=None)
    fresh = partial(part, changed_ids, focus)
    kept = [
        f
        for f in cached
        if f.scope not in changed_ids
        and f.file not in changed_files
        and not (f.scope == UNION and f.focus in focus)
    ]
    findings = merge(kept + fresh.findings)
    checked = dict(cache["checked"])
    checked["triples"] = loaded.persistent.manifest.triples  # the part's own count is of the part
    report = Report(findings, checked, _full_coverage(loaded, kind), fresh.rules)
    write_cache(loaded, kind, report, texts)
    return report


def in_memory(loaded):
    """``loaded`` with its store copied into memory."""
    return dataclasses.replace(loaded, store=loaded.in_memory(), persistent=None)


def _full_coverage(loaded, kind: str) -> Coverage | None:
    """What a full run of ``kind`` says it covered."""
    if kind == "build":
        return None
    sources = sorted(f.source_id for f in loaded.files if f.kind == "source")
    if kind == "validate-union":
        return Coverage(sources=[], skipped=sources, union="full")
    return Coverage(sources=sources, skipped=[], union="full")


def _plan(loaded, cache: dict | None, texts: dict[str, list]) -> tuple[list[str], set[str], set[str]] | None:
    """Changed source IDs, the union's focus and the changed files; None: validate everything."""
    if cache is None or loaded.drafts:
        return None
    since = persistent.changes_since(loaded.persistent, int(cache["generation"]))
    if since is None:
        return None
    graphs, old_mentioned = since
    by_graph = {f.graph: f for f in loaded.files}
    ids = {f.source_id: f for f in loaded.files if f.kind == "source"}
    if cache.get("sources") != sorted(ids):
        return None  # a source added or removed: the union's checks of uncited texts, and its findings
    before = cache["texts"]
    if set(before) != set(texts):
        return None  # a text added or removed
    changed_ids = {name.split(".", 1)[0] for name in texts if texts[name][2] != before[name][2]}
    for graph in graphs:
        graph_file = by_graph.get(graph)
        if graph_file is None or graph_file.kind != "source":
            return None  # reference data or the ontology: everything may differ
        changed_ids.add(graph_file.source_id)
    changed_ids &= set(ids)
    store = loaded.store
    touched = old_mentioned | rederive.touched_by(store, [ids[i].graph for i in changed_ids])
    subjects = rederive.affected(store, touched)
    focus = subjects | rederive.pointing_at(store, subjects)
    changed_files = {str(ids[i].path) for i in changed_ids} | {
        str(loaded.layout.sources_dir / name) for name in texts if name.split(".", 1)[0] in changed_ids
    }
    return sorted(changed_ids), focus, changed_files


def merge(findings: list[Finding]) -> list[Finding]:
    """The findings as one full run reports them: what a source alone showed is not repeated by the
    union, and one finding per place (see ``kommgraph.validation.run``)."""
    alone = [f for f in findings if f.scope != UNION]
    union = [f for f in findings if f.scope == UNION]
    merged: list[Finding] = []
    seen: set[tuple] = set()
    placed: set[tuple] = set()
    for finding in alone + union:
        place = (*finding.key(), finding.file, finding.line)
        if place in placed or (finding.scope == UNION and finding.key() in seen):
            continue
        seen.add(finding.key())
        placed.add(place)
        merged.append(finding)
    merged = without_type_findings(merged)
    merged.sort(key=Finding.sort_key)
    return merged
