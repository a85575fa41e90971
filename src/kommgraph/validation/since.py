"""Which sources changed since a git revision (--since), and what a changed source mentions."""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path

from kommgraph.core import paths
from kommgraph.core.errors import SinceError
from kommgraph.store.dataset import DataLayout, GraphFile


@dataclass
class Plan:
    sources: list[str]  # source IDs to validate alone
    full: (
        bool  # validate everything (reference data, ontology, shapes or checks changed, or a source removed)
    )
    changed: list[str]
    reason: str = ""


def _git(cwd: Path, *args: str) -> str:
    try:
        done = subprocess.run(
            ["git", *args], cwd=cwd, capture_output=True, text=True, check=False, timeout=60
        )
    except FileNotFoundError as exc:
        raise SinceError("--since needs git, which is not installed") from exc
    if done.returncode != 0:
        raise SinceError(f"git {' '.join(args)}: {done.stderr.strip() or 'failed'}")
    return done.stdout


def changed_files(root: Path, since: str) -> tuple[Path, list[Path]]:
    """The repository's top folder and every file that differs from ``since`` (committed, staged,
    unstaged or untracked)."""
    top = Path(_git(root, "rev-parse", "--show-toplevel").strip()).resolve()
    try:
        _git(top, "rev-parse", "--verify", "--quiet", f"{since}^{{commit}}")
    except SinceError as exc:
        raise SinceError(f"--since {since}: no such revision in {top}") from exc
    names = _git(top, "diff", "--name-only", "--no-renames", since, "--").splitlines()
    names += _git(top, "ls-files", "--others", "--exclude-standard").splitlines()
    return top, sorted({(top / n).resolve() for n in names if n})


def plan_since(layout: DataLayout, files: list[GraphFile], since: str) -> Plan:
    """The sources to validate after changes since ``since``: a changed ``ttl/ID.ttl`` or
    ``sources/ID.txt``/``ID.meta.toml`` selects source ID; anything else kommgraph reads selects all."""
    top, changed = changed_files(layout.root, since)
    relative = [str(p.relative_to(top)) for p in changed]
    known = {f.source_id for f in files if f.kind == "source"}
    ttl, sources = layout.ttl_dir.resolve(), layout.sources_dir.resolve()
    project = [d.resolve() for d in (paths.shapes_dir(), paths.queries_dir(), paths.ontology_file().parent)]
    selected: set[str] = set()
    reasons = []
    for path in changed:
        if path.parent == ttl and path.suffix == ".ttl":
            (selected.add(path.stem) if path.stem in known else reasons.append(f"{path.name} was removed"))
        elif path.parent == sources:
            source_id = path.name.removesuffix(".meta.toml").removesuffix(".txt")
            if source_id in known:
                selected.add(source_id)
        elif path.is_relative_to(ttl):
            reasons.append(f"the reference data changed ({path.name})")
        elif any(path.is_relative_to(d) for d in project):
            reasons.append(f"{path.relative_to(top)} changed")
    full = bool(reasons)
    chosen = sorted(known) if full else sorted(selected)
    return Plan(chosen, full, relative, "; ".join(dict.fromkeys(reasons)))
