"""The whole run: each source's graph alone, then the union of all graphs, in one report."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace

from kommgraph.core.literals import quiet_rdflib_conversions
from kommgraph.core.vocab import ONTOLOGY_GRAPH, REFERENCE_GRAPH
from kommgraph.store import derive
from kommgraph.store.rederive import mentioned
from kommgraph.validation import attribution, incremental
from kommgraph.validation.blank_nodes import blank_node_findings
from kommgraph.validation.context import Context
from kommgraph.validation.findings import UNION, Coverage, Finding, Report
from kommgraph.validation.literals import RULE as LITERAL_RULE
from kommgraph.validation.literals import literal_findings, without_type_findings
from kommgraph.validation.scope import default_graph_size, validate
from kommgraph.validation.since import Plan, plan_since
from kommgraph.validation.snapshot import snapshot_store
from kommgraph.validation.source_files import (
    EMPTY_RULE,
    METADATA_RULE,
    empty_file_findings,
    metadata_findings,
)
from kommgraph.validation.stores import source_scope_store

Progress = Callable[[int, int, str], None]
WHOLE_FILE_RULES = (EMPTY_RULE, METADATA_RULE, LITERAL_RULE)


def validate_loaded(
    loaded,
    *,
    per_source: bool = True,
    since: str | None = None,
    sources: list[str] | None = None,
    at: dt.date | None = None,
    progress: Progress | None = None,
    union_focus: set[str] | None = None,
    from_union: bool = True,
) -> Report:
    """Validate a loaded data directory (``kommgraph.store.load.load``): each source's graph alone, then
    the union of all graphs; findings of the union that a source alone already showed are not repeated.

    ``since`` (a git revision) or ``sources`` (source IDs) limit the run to those sources alone and
    the union's checks to the resources they mention (and to ``union_focus`` besides).
    A full run takes each source's findings from the union's where it can (``from_union``,
    :mod:`kommgraph.validation.attribution`); False validates every source alone (the reference).
    """
    quiet_rdflib_conversions()
    if loaded.small_on_disk() and since is None and sources is None:
        loaded = incremental.in_memory(loaded)  # a whole run over a small store: quicker in memory
    store, files, layout = loaded.store, loaded.files, loaded.layout
    by_id = {f.source_id: f for f in files if f.kind == "source"}
    if since is not None:
        plan = plan_since(layout, files, since)
    elif sources is not None:
        unknown = sorted(set(sources) - set(by_id))
        if unknown:
            raise ValueError(f"no such source: {', '.join(unknown)}")
        plan = Plan(sorted(set(sources)), False, [])
    else:
        plan = Plan(sorted(by_id), True, [])
    chosen = plan.sources if per_source else []
    chosen_set = set(chosen)  # 10,000 sources: a list here made the skipped list quadratic
    extra_focus = union_focus or set()
    union_focus = (
        None if plan.full else mentioned(store, [by_id[s].graph for s in plan.sources]) | extra_focus
    )
    context = Context.of(store, files)
    steps = len(chosen) + 1
    shared = [f for f in files if f.kind in ("reference", "ontology")]

    def alone(number: int, source_id: str) -> Report:
        if progress:
            progress(number, steps, source_id)
        return _alone(store, by_id[source_id], shared, layout, context, at)

    union_report = None
    if union_focus is None or union_focus:
        union_report = _union(store, files, layout, context, at, union_focus, plan.full)
    if from_union and plan.full and at is None and chosen:
        reports = _from_union(union_report, chosen, by_id, layout, store, context, alone)
    else:
        reports = [alone(number, source_id) for number, source_id in enumerate(chosen, start=1)]
    if progress:
        progress(steps, steps, UNION)
    if union_report is not None:
        reports.append(union_report)
    findings: list[Finding] = []
    seen: set[tuple] = set()
    placed: set[tuple] = set()
    for report in reports:
        for finding in report.findings:
            place = (*finding.key(), finding.file, finding.line)
            if place in placed or (finding.scope == UNION and finding.key() in seen):
                continue  # the union repeats what a source alone showed
            seen.add(finding.key())
            placed.add(place)
            findings.append(finding)
    findings = without_type_findings(findings)
    findings.sort(key=Finding.sort_key)
    coverage = Coverage(
        sources=list(chosen),
        skipped=[s for s in sorted(by_id) if s not in chosen_set],
        since=since,
        at=at.isoformat() if at else None,
        changed=plan.changed,
        reason=plan.reason if since is not None else "",
        union="full" if union_focus is None else ("focused" if union_focus else "none"),
        focus_count=len(union_focus or ()),
    )
    data_triples = default_graph_size(store)
    scopes = len(chosen) + (union_report is not None)
    checked = {"triples": data_triples, "files": len(files), "sources": len(chosen), "scopes": scopes}
    return Report(findings, checked, coverage, context.rules)


def _alone(store, graph_file, shared, layout, context: Context, at) -> Report:
    """One source's graph with the reference data and the ontology, derived and validated alone."""
    source_id = graph_file.source_id
    part = source_scope_store(store, graph_file.graph, str(REFERENCE_GRAPH), str(ONTOLOGY_GRAPH))
    derive.derive(part)
    if at is not None:
        part = snapshot_store(part, at)
    report = validate(
        part,
        [graph_file, *shared],
        layout,
        scope=source_id,
        scope_graph=graph_file.graph,
        context=context,
        blank_nodes=False,
    )
    report.findings += _scoped(blank_node_findings([graph_file], store), source_id)
    report.findings += _whole_file(store, layout, [graph_file], context, source_id, graph_file.graph)
    return report


def _whole_file(store, layout, graph_files, context: Context, scope: str, graph: str | None) -> list[Finding]:
    """Empty files, the texts' metadata and ill-formed literals of some source files."""
    whole_file = empty_file_findings(store, graph_files)
    whole_file += metadata_findings(layout, [f.source_id for f in graph_files])
    whole_file += literal_findings(store, graph_files)
    context.annotate(whole_file, scope, graph)  # labels of the resources named
    return whole_file


def _union(store, files, layout, context: Context, at, union_focus, full: bool) -> Report:
    whole = snapshot_store(store, at) if at is not None else store
    report = validate(
        whole, files, layout, scope=UNION, focus=union_focus, context=context, blank_nodes=False
    )
    if full:
        report.findings += _scoped(
            blank_node_findings([f for f in files if f.kind == "reference"], store), "reference"
        )
        # every file again (what a source alone showed is dropped below), so that --union-only
        # checks them too, and the texts that no Turtle file cites
        whole_file = metadata_findings(layout) + empty_file_findings(store, files)
        whole_file += literal_findings(store, files)
        context.annotate(whole_file, UNION, None)
        report.findings += whole_file
    return report


def _from_union(union_report, chosen, by_id, layout, store, context: Context, alone) -> list[Report]:
    """Each source's report: validated alone where it must be (:mod:`kommgraph.validation.attribution`),
    else the union's findings about what only it mentions and the checks of its own files."""
    sources = [by_id[s] for s in chosen]
    file_source = {str(f.path): f.source_id for f in sources}
    for source_id in chosen:
        for name in (f"{source_id}.txt", f"{source_id}.meta.toml"):
            file_source[str(layout.sources_dir / name)] = source_id
    known = attribution.mentions(store, sources)
    union = [f for f in union_report.findings if f.scope == UNION]
    of_files = [f for f in union if f.rule in WHOLE_FILE_RULES]  # what a source alone finds in its files
    union = [f for f in union if f.rule not in WHOLE_FILE_RULES]
    needed = attribution.alone_needed(union, known, chosen[0], file_source)
    own = attribution.attributed(union, known)
    detached = [f for f in sources if f.source_id not in needed]
    blank = attribution.by_source(blank_node_findings(detached, store), file_source)
    files_of = attribution.by_source([replace(f) for f in of_files], file_source)
    reports = []
    for number, source_id in enumerate(chosen, start=1):
        if source_id in needed:
            reports.append(alone(number, source_id))
            continue
        findings = own.get(source_id, []) + blank.get(source_id, []) + files_of.get(source_id, [])
        reports.append(Report(_scoped(findings, source_id)))
    return reports


def _scoped(findings: list[Finding], scope: str) -> list[Finding]:
    for finding in findings:
        finding.scope = scope
    return findings


def validate_current(loaded, *, per_source: bool = True, progress: Progress | None = None) -> Report:
    """``validate_loaded`` of everything, but from the persistent store's cache of findings where it
    has one: only what changed since is checked again (:mod:`kommgraph.validation.incremental`)."""
    kind = "validate" if per_source else "validate-union"

    def full(whole) -> Report:
        return validate_loaded(whole, per_source=per_source, progress=progress)

    def partial(part, source_ids: list[str], focus: set[str]) -> Report:
        if per_source:
            return validate_loaded(part, sources=source_ids, progress=progress, union_focus=focus)
        report = validate_loaded(part, per_source=False, sources=[], progress=progress, union_focus=focus)
        report.findings += _whole_files(part, source_ids)  # what a full --union-only run checks in them
        return report

    return incremental.incremental(loaded, kind, full, partial)


def validate_union(loaded) -> Report:
    """What ``build`` checks (:func:`kommgraph.validation.scope.validate` of the whole store), from the
    cache of findings where the persistent store has one."""

    def full(whole) -> Report:
        return validate(whole.store, whole.files, whole.layout)

    def partial(part, source_ids: list[str], focus: set[str]) -> Report:
        context = Context.of(part.store, part.files)
        report = validate(
            part.store, part.files, part.layout, focus=focus, context=context, blank_nodes=False
        )
        whole_files = _whole_files(part, source_ids, context, blank_nodes=True)
        report.findings = without_type_findings(report.findings + whole_files)
        return report

    return incremental.incremental(loaded, "build", full, partial)


def _whole_files(
    loaded, source_ids: list[str], context: Context | None = None, *, blank_nodes: bool = False
) -> list[Finding]:
    """The checks of whole files (empty files, literals, the texts' metadata; blank nodes where the
    full run checks them) of some sources."""
    store, layout = loaded.store, loaded.layout
    changed = [f for f in loaded.files if f.kind == "source" and f.source_id in set(source_ids)]
    findings = (blank_node_findings(changed) if blank_nodes else []) + empty_file_findings(store, changed)
    findings += metadata_findings(layout, source_ids) + literal_findings(store, changed)
    (context or Context.of(store, loaded.files)).annotate(findings, UNION, None)
    return _scoped(findings, UNION)
