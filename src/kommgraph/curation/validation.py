"""Validating a project with drafts: only the curated data can fail; what a draft adds is a warning.

The drafts are checked together with the curated graph (a draft that contradicts a curated value shows
up), but a finding counts as a violation only if the curated data alone has it. A source whose text
changed after it was accepted, and that has been converted again, is awaiting review: its curated
checksum and quotes no longer match the text, which is a warning until the new draft is accepted.

The report and its findings are kommgraph.validation's (curation sits beside validation, below the cli,
and does not import it): they are handled as the dataclasses they are.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import replace
from typing import Any

import pyoxigraph as ox

from kommgraph.core.vocab import KG, KGID
from kommgraph.store.load import Loaded, load
from kommgraph.store.sources import read_text

DRAFT_SUFFIX = "/draft"
# curated findings that a changed source text causes, while a draft of the new text awaits review
STALE_RULES = ("check:source-hash", "check:evidence-offsets")


def validate_with_drafts(loaded: Loaded, validate: Callable[..., Any], **options) -> Any:
    """``validate(loaded, **options)``; with drafts loaded, the findings the curated data alone does
    not have become warnings, and a re-converted source's stale checksum and quotes too."""
    report = validate(loaded, **options)
    if not loaded.drafts or not loaded.drafts_included:
        return report
    curated = validate(load(loaded.layout.root, include_drafts=False), **options)
    awaiting = awaiting_review(loaded)
    findings = [_stale(f, awaiting) for f in curated.findings]
    known = {f.key() for f in curated.findings}
    findings += [_as_warning(f, "") for f in report.findings if f.key() not in known]
    findings.sort(key=lambda f: f.sort_key())
    return replace(report, findings=findings)


def awaiting_review(loaded: Loaded) -> set[str]:
    """Source IDs with a draft of their current text (the draft's kg:sha256 is the text's)."""
    sha = ox.NamedNode(str(KG.sha256))
    ids = set()
    for graph in loaded.drafts:
        if not graph.endswith(DRAFT_SUFFIX):
            continue
        source_id = graph[: -len(DRAFT_SUFFIX)].rsplit("/", 1)[-1]
        document = ox.NamedNode(str(KGID[f"source/{source_id}"]))
        quads = loaded.store.quads_for_pattern(document, sha, None, ox.NamedNode(graph))
        stated = {q.object.value for q in quads}
        path = loaded.layout.source_text(source_id)
        if stated and path.is_file():
            if hashlib.sha256(read_text(path).encode("utf-8")).hexdigest() in stated:
                ids.add(source_id)
    return ids


def _stale(finding: Any, awaiting: set[str]) -> Any:
    if finding.rule not in STALE_RULES or finding.severity != "violation":
        return finding
    for source_id in sorted(awaiting):
        if finding.focus in (str(KGID[f"source/{source_id}"]),) or finding.focus.startswith(
            str(KGID[f"evidence/{source_id}/"])
        ):
            return _as_warning(finding, source_id)
    return finding


def _as_warning(finding: Any, awaiting: str) -> Any:
    if finding.severity != "violation":
        return finding
    messages = dict(finding.messages)
    if awaiting:
        messages = {
            "de": f"{messages.get('de', '')} Ein neuer Entwurf der Quelle wartet auf Durchsicht "
            f"(kommgraph review {awaiting}).",
            "en": f"{messages.get('en', '')} A new draft of the source awaits review "
            f"(kommgraph review {awaiting}).",
        }
    return replace(finding, severity="warning", messages=messages)
