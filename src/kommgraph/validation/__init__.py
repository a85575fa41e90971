"""Validation: SHACL shapes (pySHACL), SPARQL check queries and the evidence check, in one report.

Every finding names its rule, severity, the focus resource by label and IRI, the file and line where
that resource is stated, and a message in German and English. Temporal shapes compare only the
derived xsd:date bounds (see queries/rules/40-date-bounds.rq), so imprecise dates cause no false findings.

``validate`` checks one store (one scope). ``validate_loaded`` checks a loaded data directory the way
``kommgraph validate`` does: each source's named graph alone (with the reference data and the
ontology), then the union of all graphs for what spans sources; optionally a snapshot on a day
(``at``) and only the sources changed since a git revision (``since``).
"""

from kommgraph.core.errors import SinceError
from kommgraph.validation.catalogue import BUILTIN_RULES, rule_catalogue
from kommgraph.validation.findings import LANGUAGES, SEVERITIES, UNION, Coverage, Finding, Report
from kommgraph.validation.run import Progress, validate_loaded
from kommgraph.validation.scope import validate
from kommgraph.validation.text import text_report

# The public names; everything else is reached through its module (kommgraph.validation.shacl, ...).
__all__ = [
    "BUILTIN_RULES",
    "Coverage",
    "Finding",
    "LANGUAGES",
    "Progress",
    "Report",
    "SEVERITIES",
    "SinceError",
    "UNION",
    "rule_catalogue",
    "text_report",
    "validate",
    "validate_loaded",
]
