"""``kommgraph build``: load, derive, validate and write the dataset files.

Files are written only when no violation is found, by the release writer
(:mod:`kommgraph.publish.writer`): beside the old folder, switched in by one rename, the other files of
the folder kept, so that a failed or killed build leaves the previous release whole.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from kommgraph.curation.validation import validate_with_drafts
from kommgraph.publish import background_release
from kommgraph.publish.incremental_write import ReleaseCache, graph_keys
from kommgraph.publish.release import build_files
from kommgraph.publish.writer import write_release
from kommgraph.store import persistent
from kommgraph.store.load import Loaded, load
from kommgraph.validation import Report
from kommgraph.validation.run import validate_union


@dataclass
class BuildResult:
    loaded: Loaded
    report: Report
    written: list[Path] = field(default_factory=list)


def build(
    data_dir: Path | None = None,
    out_dir: Path = Path("dist"),
    fail_on: str = "violation",
    include_drafts: bool = False,
    phase: Callable[[str], None] = lambda name: None,
) -> BuildResult:
    """Validate and write the dataset files; draft graphs stay out unless ``include_drafts``.
    ``phase`` is told the name of each step as it begins (a progress bar)."""
    phase("loading and deriving")
    # a persistent store built from scratch is written to disk by a child meanwhile (store.background)
    loaded = load(data_dir, include_drafts=include_drafts, background=True)
    try:
        result = _validate_and_write(loaded, Path(out_dir), fail_on, phase)
    except BaseException:
        loaded.close()  # the store's write is stopped and stays marked unfinished
        raise
    phase("finishing the store")
    loaded.finish()
    return result


def _validate_and_write(loaded: Loaded, out_dir: Path, fail_on: str, phase) -> BuildResult:
    # the release files are rendered and staged by a child meanwhile (publish.background_release)
    pending = background_release.start(out_dir, lambda: build_files(loaded.store, _release_cache(loaded)))
    try:
        phase("validating")
        # validation.validate, or what changed since the cached findings; with drafts, only what the
        # curated data alone has can stop it
        report = validate_with_drafts(loaded, validate_union)
    except BaseException:
        if pending is not None:
            pending.discard()
        raise
    result = BuildResult(loaded, report)
    if report.fails(fail_on):
        if pending is not None:
            pending.discard()
        return result
    phase("writing")
    written = pending.commit() if pending is not None else None
    if written is None:  # no child, or it failed: here, as before (the same errors)
        files = build_files(loaded.store, _release_cache(loaded))
        written = write_release(out_dir, files)
    result.written = written
    return result


def _release_cache(loaded: Loaded) -> ReleaseCache | None:
    """Where the pieces of the last release write are kept (beside the persistent store, one folder
    per view), and what tells which of them still hold; none without a persistent store."""
    opened = loaded.persistent
    if opened is None:
        return None
    return ReleaseCache(
        opened.folder / f"release-{opened.view}",
        graph_keys(opened.manifest.files),
        opened.manifest.generation,
        partial(persistent.concluded_since, opened),
    )
