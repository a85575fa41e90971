"""Validating one scope: a store checked by the shapes, the check queries and the evidence check."""

from __future__ import annotations

import pyoxigraph as ox

from kommgraph.core.literals import quiet_rdflib_conversions
from kommgraph.store.dataset import DataLayout, GraphFile
from kommgraph.store.sources import read_once
from kommgraph.validation.blank_nodes import blank_node_findings
from kommgraph.validation.checks import check_findings
from kommgraph.validation.context import Context
from kommgraph.validation.evidence import evidence_findings
from kommgraph.validation.findings import UNION, Finding, Report
from kommgraph.validation.literals import literal_findings, without_type_findings
from kommgraph.validation.shacl import shacl_findings
from kommgraph.validation.source_files import empty_file_findings, metadata_findings
from kommgraph.validation.sparql_constraints import sparql_constraint_findings
from kommgraph.validation.sparql_core import sparql_core_findings


def default_graph_size(store: ox.Store) -> int:
    solution = next(iter(store.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")))
    return int(solution["n"].value)


def validate(
    store: ox.Store,
    files: list[GraphFile],
    layout: DataLayout,
    *,
    scope: str = UNION,
    scope_graph: str | None = None,
    focus: set[str] | None = None,
    context: Context | None = None,
    blank_nodes: bool = True,
) -> Report:
    """Validate the merged default graph (data, derived and ontology) of a loaded and derived store.

    ``focus`` limits the shapes to those resources and the checks to rows naming them. ``context``
    carries the whole data set when ``store`` holds only part of it (one source's graph).
    ``blank_nodes`` also runs the other checks of whole files (empty files, source metadata).
    """
    with read_once():  # the metadata and the evidence checks read the same source texts
        return _validate(store, files, layout, scope, scope_graph, focus, context, blank_nodes)


def _validate(store, files, layout, scope, scope_graph, focus, context, blank_nodes) -> Report:
    quiet_rdflib_conversions()
    context = context or Context.of(store, files)
    if focus is not None and not focus:
        return Report([], {"triples": 0, "files": len(files)}, rules=context.rules)
    if context.engine == "pyshacl":
        with context.data_graph(store) as data:
            triples = len(data)
            findings = shacl_findings(
                data,
                context.shapes,
                sorted(focus) if focus else None,
                store=store,
                core=context.core,
                inplace=True,
            )
    else:  # no copy into rdflib: the core constraints as SPARQL on the store itself
        triples = default_graph_size(store)
        findings = sparql_core_findings(store, context.shapes, context.core, sorted(focus) if focus else None)
        findings += sparql_constraint_findings(store, context.shapes, focus or None)
    findings += check_findings(store, focus, context.checks)
    findings += evidence_findings(store, layout, focus)
    if blank_nodes:  # the checks of whole files: blank nodes, empty files, the sources' metadata
        findings += blank_node_findings(files, store)
        findings += empty_file_findings(store, files)
        findings += metadata_findings(layout)
        findings += literal_findings(store, files)
        findings = without_type_findings(findings)
    context.annotate(findings, scope, scope_graph)
    findings = list({(*f.key(), f.file, f.line): f for f in findings}.values())
    findings.sort(key=Finding.sort_key)
    checked = {"triples": triples, "files": len(files)}
    return Report(findings, checked, rules=context.rules)
