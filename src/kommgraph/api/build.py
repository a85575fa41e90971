"""``kommgraph build``: load, derive, validate and write the dataset files.

Files are written only when no violation is found, each to a temporary name first and then renamed,
so that a failed build leaves the previous release untouched and nothing half-written.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from kommgraph.core.files import write_atomically
from kommgraph.publish.release import build_files
from kommgraph.store.load import Loaded, load
from kommgraph.validation import Report, validate


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
) -> BuildResult:
    """Validate and write the dataset files; draft graphs stay out unless ``include_drafts``."""
    loaded = load(data_dir, include_drafts=include_drafts)
    report = validate(loaded.store, loaded.files, loaded.layout)
    result = BuildResult(loaded, report)
    if report.fails(fail_on):
        return result
    files = build_files(loaded.store)
    result.written = write_atomically({Path(out_dir) / name: data for name, data in files.items()})
    return result
