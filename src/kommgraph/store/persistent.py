"""The persistent store: the loaded, derived dataset on disk in ``DATA/.kommgraph/``, kept up to date.

Two views, each an Oxigraph store with its manifest: ``all`` (drafts included: query, validate, the
temporal commands, the Python API) and ``curated`` (drafts left out: build, publish, serve). When the
data has no drafts the two are the same, and ``curated`` reads the ``all`` store.

Opening a view compares the files with the manifest (size and mtime, then the content hash). Files
changed, added or removed are parsed first (a syntax error leaves the store untouched), then their
graphs are dropped and reloaded, the merged default graph is corrected for them, and the rules run
again. A store that cannot be opened, has no readable manifest, was built by another version or
format, or carries the ``dirty`` marker of an update that did not finish is deleted and rebuilt:
never trusted. Deleting ``.kommgraph/`` is always safe.

A view built from scratch is loaded and derived in memory (the fastest way), and that store in memory
is what the command goes on with (``Opened.memory``: validation and the release write read it, nothing
is copied back from disk); it is written to disk by pyoxigraph's bulk loader, ``bulk_extend`` in
``PERSIST_PARTS`` parts of at most ``PERSIST_CHUNK`` quads, each part an iterator over the store (no
list of quads in Python). Measured at 1M triples (2.24M quads with the merged default graph and the
derived graph), CPU after load + derive in one process on a shared 2-core machine
(benchmarks/results/scale-build8.md; scale-build4.md for the older options): one call for the whole
store 18.4–19.7 s, peak 2.75 GB; 3 parts of 750k quads 19.0 s, peak 1.55 GB (lists of quads: 21.1–22.8 s,
1.85 GB); 5 parts of 500k 21.8 s, peak 1.33 GB, but the store is left at 496 MB instead of 306 MB: from
the fourth part on, RocksDB has overlapping level-0 files to compact (with lists of quads, as before,
26.0 s); dumping N-Quads to a file and ``bulk_load``-ing it 24.0 s; a transactional ``extend`` 87 s.
Writing the 1.24M quads of the named graphs alone (no merged default graph) costs 13 s: RocksDB's
ingestion, ≈ 8 µs a quad, is the floor, ≈ 3× a bare bulk load of the files into memory by itself.
``bulk_extend`` holds the GIL (a second Python thread did not run meanwhile), so it cannot overlap
validation in a thread; ``bulk_load`` of a dump releases it but costs about a quarter more CPU. ``build``
asks for the write in the background (``open_view(..., background=True)``): a forked child writes the
store (:mod:`kommgraph.store.background`) while the command validates and writes the release; the
store's manifest and journal are written at once, its ``dirty`` marker is removed only when the child
has written everything (``Opened.finish``), and the exclusive lock is kept until then. The child also
derives the answer rows of the row rules (``derive.derive_rows``, 2.6 s CPU at 1M triples) into its copy
of the store before the write: only the store's indexed queries read them, not validation or the
release, so the command's store in memory goes on without them.

An update on disk leaves small RocksDB files that slow the store's reads down (about twice after nine
updates at 1M triples); once there are many, a process of its own compacts a checkpoint of the store
and swaps it in (:mod:`kommgraph.store.compaction`).
"""

from __future__ import annotations

import json
import logging
import math
import os
import shutil
from dataclasses import dataclass
from functools import partial
from itertools import islice
from pathlib import Path

import pyoxigraph as ox

from kommgraph.core import paths
from kommgraph.core.files import write_atomically
from kommgraph.core.vocab import DERIVED_GRAPH
from kommgraph.store import answer_rows, compaction, dataset, derive, rederive
from kommgraph.store.background import Writer, can_fork, start
from kommgraph.store.dataset import GraphFile, draft_graphs
from kommgraph.store.lock import Busy, StoreLock
from kommgraph.store.manifest import Manifest, compare, read_manifest, rules_hash

FOLDER = ".kommgraph"
NO_STORE_VARIABLE = "KOMMGRAPH_NO_STORE"
WAIT_VARIABLE = "KOMMGRAPH_STORE_WAIT"  # seconds to wait for another command's update (default 120)
ALL, CURATED = "all", "curated"

log = logging.getLogger("kommgraph.store")


@dataclass
class Opened:
    """A view of the persistent store, read-only, with the shared lock that keeps it unchanged."""

    store: ox.Store
    manifest: Manifest
    lock: StoreLock
    folder: Path
    view: str
    # the same dataset in memory, when this process has just built the view from the files: validation
    # and the release write read it there instead of copying the store on disk back into memory. While
    # ``writer`` runs it holds no answer rows (the child derives them: only the store on disk needs them)
    memory: ox.Store | None = None
    # the child writing this view to disk (``store`` is None until it has finished; see ``finish``)
    writer: PendingWrite | None = None

    def finish(self) -> bool:
        """Wait for the store's write in the background, if there is one; mark the store valid when the
        write succeeded, and let other commands read it. False: the store was not written (the next
        command rebuilds it; what this command did from the store in memory stands)."""
        if self.writer is None:
            return True
        pending, self.writer = self.writer, None
        written = pending.process.wait()
        if written:
            pending.dirty.unlink()
            self.lock.shared(float(os.environ.get(WAIT_VARIABLE) or 120))
        else:
            log.warning(
                "kommgraph: the store in %s was not written; it is rebuilt at the next use", self.folder
            )
        return written

    def close(self) -> None:
        if self.writer is not None:  # not waited for: the store stays marked unfinished
            self.writer.process.abort()
            self.writer = None
        self.store = None
        self.memory = None
        self.lock.release()


@dataclass
class PendingWrite:
    """A view being written to disk by a child process, and its marker of an unfinished update."""

    process: Writer
    view: str
    manifest: Manifest
    dirty: Path


def wanted(root: Path) -> bool:
    """A persistent store for this data directory: not switched off, not the bundled sample."""
    if os.environ.get(NO_STORE_VARIABLE, "") not in ("", "0"):
        return False
    try:
        return Path(root).resolve() != paths.sample_data_dir().resolve()
    except FileNotFoundError:
        return True


def open_view(
    root: Path, files: list[GraphFile], include_drafts: bool, background: bool = False
) -> Opened | None:
    """The up-to-date view of ``root``'s persistent store; None where it cannot be kept (the data
    directory is not writable, or another command holds the store too long): load into memory then.
    ``background``: a view rebuilt from scratch may be written to disk while the command goes on with
    it in memory; the caller must call ``Opened.finish`` (or ``close``) when done."""
    folder = Path(root) / FOLDER
    try:
        folder.mkdir(exist_ok=True)
        ignore = folder / ".gitignore"  # a data repository never commits the store
        if not ignore.exists():
            ignore.write_text("*\n", encoding="utf-8")
        lock = StoreLock(folder / "lock")
    except OSError as exc:
        log.info("no persistent store in %s (%s): loading into memory", folder, exc)
        return None
    wait = float(os.environ.get(WAIT_VARIABLE) or 120)
    try:
        lock.shared(wait)
        opened = _current(folder, files, include_drafts, lock)
        if opened is not None:
            return opened
        if lock.held_here():  # this process reads the store already: waiting would wait for itself
            lock.release()
            return None
        lock.exclusive(wait)
        built, pending = _update(folder, files, include_drafts, background)
        if pending is not None:  # the exclusive lock is kept until the write has finished
            return Opened(None, pending.manifest, lock, folder, pending.view, built[pending.view], pending)
        lock.shared(wait)
        opened = _current(folder, files, include_drafts, lock)
        if opened is not None:
            opened.memory = built.get(opened.view)
    except Busy:
        log.warning(
            "kommgraph: %s is busy (another command updates or reads it); loading into memory", folder
        )
        lock.release()
        return None
    except OSError as exc:
        log.warning("kommgraph: cannot keep the store in %s (%s); loading into memory", folder, exc)
        lock.release()
        return None
    except BaseException:  # a file that does not parse: the error is the command's, the lock is not kept
        lock.release()
        raise
    if opened is None:  # pragma: no cover - only if the files change while this command updates
        lock.release()
    return opened


def _current(folder: Path, files: list[GraphFile], include_drafts: bool, lock: StoreLock) -> Opened | None:
    """The view, if its store is whole and its manifest matches the files; else None."""
    view = ALL if include_drafts else CURATED
    for candidate in [ALL] if include_drafts else [CURATED, ALL]:
        manifest = _whole_manifest(folder, candidate)
        if manifest is None or (candidate == ALL and not include_drafts and manifest.drafts):
            continue
        if candidate == CURATED and manifest.drafts == [] and view == CURATED:
            continue  # a curated store is kept only while there are drafts to leave out
        changes = compare(files, manifest.files)
        if changes.any or changes.touched or manifest.rules != rules_hash():
            continue  # (touched: the update refreshes the mtimes, so that the hashes are not taken again)
        try:
            store = ox.Store.read_only(str(folder / candidate))
        except (OSError, RuntimeError):
            continue
        return Opened(store, manifest, lock, folder, candidate)
    return None


def _whole_manifest(folder: Path, view: str) -> Manifest | None:
    if (folder / f"{view}.dirty").exists() or not (folder / view).is_dir():
        return None
    manifest = read_manifest(folder / f"{view}.json")
    return manifest if manifest is not None and manifest.include_drafts == (view == ALL) else None


def _update(
    folder: Path, files: list[GraphFile], include_drafts: bool, background: bool = False
) -> tuple[dict[str, ox.Store], PendingWrite | None]:
    """Bring the view up to date under the exclusive lock. The curated view needs the ``all`` view
    first: only that tells whether there are drafts to leave out. Returns the in-memory stores of the
    views rebuilt from the files, and the write still running in the background (only of the view the
    command reads: the ``all`` view when it has no drafts or drafts are included)."""
    built = {}
    pending = None
    last = background and include_drafts
    memory, pending = _update_view(folder, ALL, files, background, last)
    if memory is not None:
        built[ALL] = memory
    if pending is None and not include_drafts and _whole_manifest(folder, ALL).drafts:
        built.pop(ALL, None)  # not the view asked for: let it go before the next one is loaded
        memory, pending = _update_view(folder, CURATED, files, background, True)
        if memory is not None:
            built[CURATED] = memory
    return built, pending


def _update_view(
    folder: Path, view: str, files: list[GraphFile], background: bool = False, last: bool = True
) -> tuple[ox.Store | None, PendingWrite | None]:
    """Incrementally where the store is whole, else rebuilt from scratch (then its store in memory)."""
    manifest = _whole_manifest(folder, view)
    if manifest is not None and manifest.rules == rules_hash():
        try:
            store = ox.Store(str(folder / view))
        except (OSError, RuntimeError):  # RocksDB reports corruption as RuntimeError
            store = None
        if store is not None:
            _apply_changes(folder, view, store, manifest, files)
            return None, None
        log.warning("kommgraph: the store in %s cannot be opened; rebuilding it", folder)
    return _rebuild(folder, view, files, background, last)


def _rebuild(
    folder: Path, view: str, files: list[GraphFile], background: bool = False, last: bool = True
) -> tuple[ox.Store, PendingWrite | None]:
    """Load and derive in memory (the fastest way), then write it to disk in one bulk load; the store
    in memory is returned, for the command to work on. With ``background``, where it is the view the
    command reads (``last``, or the ``all`` view without drafts) and this process may fork, the write
    runs in a child and its pending write is returned."""
    include_drafts = view == ALL
    previous = read_manifest(folder / f"{view}.json")
    memory = dataset.load_store(files)
    drafts = draft_graphs(memory, files)
    if drafts and not include_drafts:
        memory = dataset.load_store([f for f in files if f.graph not in drafts])
    read_here = last or (view == ALL and not drafts)
    in_child = background and read_here and can_fork()
    # written by a child: the answer rows are derived there too, since only the store on disk needs them
    counts = derive.derive(memory, rows=not in_child)
    triples = default_graph_size(memory)
    dirty = _mark_dirty(folder, view)
    shutil.rmtree(folder / view, ignore_errors=True)
    states = compare(files, []).states
    generation = (previous.generation if previous else 0) + 1
    manifest = Manifest(include_drafts, rules_hash(), states, drafts, counts, generation, triples)
    if in_child:
        # the manifest and journal first (the dirty marker keeps the store untrusted until the child is done)
        manifest.write(folder / f"{view}.json")
        append_journal(folder, view, generation, (), (), full=True)
        process = start(partial(derive_and_persist, memory, folder / view))
        return memory, PendingWrite(process, view, manifest, dirty)
    persist(memory, folder / view)
    manifest.write(folder / f"{view}.json")
    append_journal(folder, view, generation, (), (), full=True)
    dirty.unlink()
    return memory, None


# Parts of the bulk load into the store on disk: Oxigraph's bulk loader buffers what it is given before it
# writes its files (all 2.2 million quads of a national graph at once took 1.9 GB more at the peak), and
# each part leaves one level-0 file per index that RocksDB compacts once there are four of them.
PERSIST_PARTS = 3
PERSIST_CHUNK = 1_000_000  # quads a part at most (larger stores: more parts, compacted once)


def derive_and_persist(memory: ox.Store, path: Path) -> None:
    """The store writer's work (in the child): the answer rows into its copy of the store in memory,
    then the whole store to disk."""
    derive.derive_rows(memory)
    persist(memory, path)


def persist(memory: ox.Store, path: Path) -> None:
    """Copy a store in memory into a new store on disk at ``path`` (see the module's notes)."""
    store = ox.Store(str(path))
    total = len(memory)
    part = max(1, min(PERSIST_CHUNK, math.ceil(total / PERSIST_PARTS)))
    quads = iter(memory)
    for _ in range(math.ceil(total / part)):
        store.bulk_extend(islice(quads, part))
    store.flush()
    del store


def _apply_changes(
    folder: Path, view: str, store: ox.Store, manifest: Manifest, files: list[GraphFile]
) -> set[str] | None:
    """Reload the graphs whose files changed; the graphs reloaded (None: derived afresh as a whole)."""
    include_drafts = view == ALL
    changes = compare(files, manifest.files)
    if not changes.any:
        manifest.files = changes.states  # only mtimes moved: remember them, so the hash is not taken again
        manifest.write(folder / f"{view}.json")
        return set()
    staging = ox.Store()  # parse first: a file that does not parse leaves the store as it was
    reloaded = [f for f in files if f.graph in changes.changed_graphs]
    for graph_file in reloaded:
        dataset.load_file(staging, graph_file)
    unchanged_drafts = {g for g in manifest.drafts if g not in changes.changed_graphs}
    drafts = sorted(unchanged_drafts | set(draft_graphs(staging, reloaded)))
    kept_graphs = sorted({f.graph for f in reloaded if include_drafts or f.graph not in drafts})
    old_mentioned = rederive.touched_by(store, changes.changed_graphs)
    touched = old_mentioned | rederive.data_resources(store, rederive.mentioned(staging, kept_graphs))
    local = _sources_only(changes.changed_graphs, files, manifest) and len(touched) <= LOCAL_LIMIT
    if local:
        subjects = rederive.affected(store, touched)
        # every triple the update adds to or takes from the default graph has one of these subjects
        counted = (
            subjects
            | rederive.mentioned(store, changes.changed_graphs)
            | rederive.mentioned(staging, kept_graphs)
        )
        triples_before = rederive.default_triples_about(store, counted)
        around = rederive.neighbourhood(store, subjects)
        _, before = rederive.conclusions(rederive.local_store(store, around, subjects), subjects)
    dirty = _mark_dirty(folder, view)
    if local:
        rederive.remove_conclusions(store, subjects)
    else:
        drop_derived(store)
    for graph in sorted(changes.changed_graphs):
        drop_graph(store, graph)
    store.extend(q for g in kept_graphs for q in staging.quads_for_pattern(None, None, None, ox.NamedNode(g)))
    if kept_graphs:
        dataset.merge_into_default(store, kept_graphs)
    if local:
        derived, after = rederive.conclusions(rederive.local_store(store, around, set()), subjects)
        rederive.add_conclusions(store, derived)
        answer_rows.redraw(store, counted | {q.subject.value for q in derived})
        counts = rederive.counts_delta(before, after, manifest.derived)
        counted |= {
            t.subject.value for t in derived
        }  # new placements: none of their triples was there before
        triples = manifest.triples + rederive.default_triples_about(store, counted) - triples_before
    else:
        counts = derive.derive(store)
        triples = default_graph_size(store)
    store.flush()
    generation = manifest.generation + 1
    compacting = compaction.after_update(folder, view, store, generation)  # a checkpoint, to compact
    del store
    manifest = Manifest(include_drafts, rules_hash(), changes.states, drafts, counts, generation, triples)
    manifest.write(folder / f"{view}.json")
    concluded = sorted(subjects | {t.subject.value for t in derived}) if local else None
    append_journal(
        folder, view, generation, changes.changed_graphs, old_mentioned, full=False, concluded=concluded
    )
    dirty.unlink()
    if compacting:  # off this command's path, in a process of its own (store/compaction.py)
        compaction.start(folder, view, generation)
    return set(changes.changed_graphs)


# More resources than this touched at once: deriving the whole store again is as quick.
LOCAL_LIMIT = 20_000


def _sources_only(graphs: set[str], files: list[GraphFile], manifest: Manifest) -> bool:
    """Only source and draft graphs changed (reference data or the ontology reach everything)."""
    kinds = {f.graph: f.kind for f in files} | {state.graph: state.kind for state in manifest.files}
    return all(kinds.get(graph) in ("source", "draft") for graph in graphs)


JOURNAL_LENGTH = 100  # updates remembered for the validation cache


def append_journal(
    folder: Path, view: str, generation: int, graphs, mentioned, *, full: bool, concluded=None
) -> None:
    """What each update changed (graphs, and what their old versions mentioned): a cache of findings
    made at an earlier generation learns from it what to check again. ``concluded``: the subjects
    whose derived statements were drawn again (None: the rules ran over everything)."""
    path = folder / f"{view}.journal.json"
    entries = [] if full else read_journal(folder, view)
    entry = {"generation": generation, "full": full, "graphs": sorted(graphs), "mentioned": sorted(mentioned)}
    entry["concluded"] = concluded
    entries = [*entries, entry][-JOURNAL_LENGTH:]
    write_atomically({path: json.dumps(entries, ensure_ascii=False) + "\n"})


def read_journal(folder: Path, view: str) -> list[dict]:
    try:
        entries = json.loads((folder / f"{view}.journal.json").read_text(encoding="utf-8"))
        return entries if isinstance(entries, list) else []
    except (OSError, ValueError):
        return []


def changes_since(opened: Opened, generation: int) -> tuple[set[str], set[str]] | None:
    """Graphs changed since ``generation`` and what their old versions mentioned; None when the
    journal does not reach back that far (or the store was rebuilt in between)."""
    if generation == opened.manifest.generation:
        return set(), set()
    entries = {e["generation"]: e for e in read_journal(opened.folder, opened.view)}
    graphs: set[str] = set()
    mentioned: set[str] = set()
    for number in range(generation + 1, opened.manifest.generation + 1):
        entry = entries.get(number)
        if entry is None or entry.get("full"):
            return None
        graphs.update(entry["graphs"])
        mentioned.update(entry["mentioned"])
    return graphs, mentioned


def concluded_since(opened: Opened, generation: int) -> set[str] | None:
    """The subjects whose derived statements may have changed since ``generation`` (the release cache
    reads only theirs); None when the journal cannot tell."""
    if generation == opened.manifest.generation:
        return set()
    entries = {e["generation"]: e for e in read_journal(opened.folder, opened.view)}
    subjects: set[str] = set()
    for number in range(generation + 1, opened.manifest.generation + 1):
        entry = entries.get(number)
        if entry is None or entry.get("full") or entry.get("concluded") is None:
            return None
        subjects.update(entry["concluded"])
    return subjects


def default_graph_size(store: ox.Store) -> int:
    solution = next(iter(store.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")))
    return int(solution["n"].value)


def _mark_dirty(folder: Path, view: str) -> Path:
    """Written before the store changes, removed after: found at the next opening if the update died."""
    marker = folder / f"{view}.dirty"
    marker.write_text(
        "an update of this store did not finish; it is rebuilt at the next use\n", encoding="utf-8"
    )
    return marker


def drop_derived(store: ox.Store) -> None:
    """Take what the rules derived out of the default graph and drop their graph (derive adds only
    triples that no graph states, so the default graph keeps every stated triple)."""
    derived = ox.NamedNode(str(DERIVED_GRAPH))
    store.update(f"DELETE {{ ?s ?p ?o }} WHERE {{ GRAPH {derived} {{ ?s ?p ?o }} }}")
    store.remove_graph(derived) if store.contains_named_graph(derived) else None


def drop_graph(store: ox.Store, graph: str) -> None:
    """Drop a named graph and the triples of the merged default graph that only it stated."""
    name = ox.NamedNode(graph)
    store.update(
        f"DELETE {{ ?s ?p ?o }} WHERE {{ GRAPH {name} {{ ?s ?p ?o }} "
        f"FILTER NOT EXISTS {{ GRAPH ?other {{ ?s ?p ?o }} FILTER(?other != {name}) }} }}"
    )
    if store.contains_named_graph(name):
        store.remove_graph(name)
