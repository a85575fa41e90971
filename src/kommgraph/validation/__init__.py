"""Validation: SHACL shapes (pySHACL), SPARQL check queries and the evidence check, in one report.

Every finding names its rule, severity, the focus resource by label and IRI, the file and line where
that resource is stated, and a message in German and English. Temporal shapes compare only the
derived xsd:date bounds (see queries/rules/40-date-bounds.rq), so imprecise dates cause no false findings.

``validate`` checks one store (one scope). ``validate_loaded`` checks a loaded data directory the way
``kommgraph validate`` does: each source's named graph alone (with the reference data and the
ontology), then the union of all graphs for what spans sources; optionally a snapshot on a day
(``at``) and only the sources changed since a git revision (``since``).
"""

from kommgraph.validation.blank_nodes import blank_node_findings
from kommgraph.validation.catalogue import BUILTIN_RULES, rule_catalogue
from kommgraph.validation.checks import Check, check_files, check_findings, load_checks
from kommgraph.validation.context import Context, draft_only_subjects
from kommgraph.validation.evidence import evidence_findings
from kommgraph.validation.findings import LANGUAGES, SEVERITIES, UNION, Coverage, Finding, Report
from kommgraph.validation.labels import KGSH, label_of
from kommgraph.validation.locate import Locator, Token, blank_node_positions, locate, subject_lines, tokens
from kommgraph.validation.run import Progress, validate_loaded
from kommgraph.validation.scope import validate
from kommgraph.validation.shacl import core_findings, shacl_findings
from kommgraph.validation.shapes import core_shapes, shapes_graph
from kommgraph.validation.since import Plan, SinceError, changed_files, mentioned, plan_since
from kommgraph.validation.snapshot import snapshot_store
from kommgraph.validation.sparql_constraints import sparql_constraint_findings, target_nodes
from kommgraph.validation.stores import default_graph_as_rdflib, scope_store
from kommgraph.validation.text import text_report

__all__ = [
    "BUILTIN_RULES",
    "Check",
    "Context",
    "Coverage",
    "Finding",
    "KGSH",
    "LANGUAGES",
    "Locator",
    "Plan",
    "Progress",
    "Report",
    "SEVERITIES",
    "SinceError",
    "Token",
    "UNION",
    "blank_node_findings",
    "blank_node_positions",
    "changed_files",
    "check_files",
    "check_findings",
    "core_findings",
    "core_shapes",
    "default_graph_as_rdflib",
    "draft_only_subjects",
    "evidence_findings",
    "label_of",
    "load_checks",
    "locate",
    "mentioned",
    "plan_since",
    "rule_catalogue",
    "scope_store",
    "shacl_findings",
    "shapes_graph",
    "snapshot_store",
    "sparql_constraint_findings",
    "subject_lines",
    "target_nodes",
    "text_report",
    "tokens",
    "validate",
    "validate_loaded",
]
