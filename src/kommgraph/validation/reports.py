"""A validation report in the formats CI systems and people read: text, JSON, JUnit XML, SARIF 2.1.0,
GitHub workflow annotations and the SHACL validation report graph in Turtle.

Every format is deterministic (the same report gives the same bytes) and names files relative to
``base`` (the working directory by default), as code hosts expect.
"""

from __future__ import annotations

import hashlib
import json
import xml.etree.ElementTree as ET
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, SH, XSD

from kommgraph import __version__
from kommgraph.core.vocab import PREFIXES
from kommgraph.validate import KGSH, SEVERITIES, UNION, Finding, Report, text_report

FORMATS = ("text", "json", "junit", "sarif", "github", "turtle")
SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
_SARIF_LEVEL = {"violation": "error", "warning": "warning", "info": "note"}
_GITHUB_COMMAND = {"violation": "error", "warning": "warning", "info": "notice"}
_SH_SEVERITY = {"violation": SH.Violation, "warning": SH.Warning, "info": SH.Info}
REPORT_IRI = "urn:kommgraph:validation-report"


def render(
    report: Report, fmt: str, *, lang: str = "en", fail_on: str = "violation", base: Path | None = None
) -> str:
    """``report`` in format ``fmt`` (one of FORMATS)."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown report format {fmt!r}: choose one of {', '.join(FORMATS)}")
    if fmt == "text":
        return text_report(report, lang, base)
    renderer = {
        "json": json_report,
        "junit": junit_report,
        "sarif": sarif_report,
        "github": github_report,
        "turtle": turtle_report,
    }[fmt]
    return renderer(report, lang=lang, fail_on=fail_on, base=base)


def relative(file: str, base: Path | None = None) -> str:
    """``file`` relative to ``base`` with forward slashes, or as given when it lies outside."""
    if not file:
        return ""
    try:
        return Path(file).resolve().relative_to((base or Path.cwd()).resolve()).as_posix()
    except ValueError:
        return Path(file).as_posix()


def _fails(finding: Finding, fail_on: str) -> bool:
    return SEVERITIES.index(finding.severity) <= SEVERITIES.index(fail_on)


def _description(report: Report, rule: str, lang: str) -> str:
    texts = report.rules.get(rule, {})
    return texts.get(lang) or texts.get("en") or rule


def _counts(report: Report) -> dict[str, int]:
    return {severity: report.count(severity) for severity in SEVERITIES}


# --------------------------------------------------------------------------------------------


def json_report(
    report: Report, *, lang: str = "en", fail_on: str = "violation", base: Path | None = None
) -> str:
    findings = []
    for finding in report.findings:
        entry = finding.as_dict(lang)
        entry["file"] = relative(finding.file, base)
        findings.append(entry)
    document = {
        "conforms": not report.fails(fail_on),
        "fail_on": fail_on,
        "counts": _counts(report),
        "checked": report.checked,
        "coverage": report.coverage.as_dict() if report.coverage else None,
        "findings": findings,
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


# --------------------------------------------------------------------------------------------


def junit_report(
    report: Report, *, lang: str = "en", fail_on: str = "violation", base: Path | None = None
) -> str:
    """One test case per rule that found nothing, and one per finding at or above ``fail_on`` (a
    failure); findings below it are listed in the output of their rule's test case."""
    failing: list[Finding] = [f for f in report.findings if _fails(f, fail_on)]
    failing_rules = {f.rule for f in failing}
    below: dict[str, list[Finding]] = {}
    for finding in report.findings:
        if not _fails(finding, fail_on):
            below.setdefault(finding.rule, []).append(finding)
    cases: list[ET.Element] = []
    for rule in sorted(set(report.rules) | set(below)):
        if rule in failing_rules:
            continue
        case = ET.Element("testcase", {"name": rule, "classname": _classname(rule)})
        if rule in below:
            out = ET.SubElement(case, "system-out")
            out.text = "\n".join(_line(f, lang, base) for f in below[rule])
        cases.append(case)
    for finding in failing:
        where = _where(finding, base)
        case = ET.Element(
            "testcase", {"name": f"{finding.rule} {where}".strip(), "classname": _classname(finding.rule)}
        )
        failure = ET.SubElement(case, "failure", {"type": finding.severity, "message": finding.message(lang)})
        failure.text = _line(finding, lang, base)
        cases.append(case)
    suite = ET.Element(
        "testsuite",
        {
            "name": "kommgraph validate",
            "tests": str(len(cases)),
            "failures": str(len(failing)),
            "errors": "0",
            "skipped": "0",
        },
    )
    properties = ET.SubElement(suite, "properties")
    for name, value in _properties(report, lang):
        ET.SubElement(properties, "property", {"name": name, "value": value})
    suite.extend(cases)
    root = ET.Element(
        "testsuites",
        {"name": "kommgraph", "tests": str(len(cases)), "failures": str(len(failing)), "errors": "0"},
    )
    root.append(suite)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def _classname(rule: str) -> str:
    kind = "checks" if rule.startswith("check:") else "shapes"
    return f"kommgraph.{kind}"


def _where(finding: Finding, base: Path | None) -> str:
    return f"{relative(finding.file, base)}:{finding.line}" if finding.file else ""


def _line(finding: Finding, lang: str, base: Path | None) -> str:
    where = _where(finding, base) or "(no file)"
    label = f'"{finding.label}" ' if finding.label else ""
    scope = f" [{finding.scope}]" if finding.scope and finding.scope != UNION else ""
    return f"{finding.severity.upper()} {where} {label}<{finding.focus}>: {finding.message(lang)}{scope}"


def _properties(report: Report, lang: str) -> list[tuple[str, str]]:
    props = [(f"checked.{k}", str(v)) for k, v in sorted(report.checked.items())]
    if report.coverage is not None:
        props += [(f"coverage.{i + 1}", line) for i, line in enumerate(report.coverage.describe(lang))]
    return props


# --------------------------------------------------------------------------------------------


def sarif_report(
    report: Report, *, lang: str = "en", fail_on: str = "violation", base: Path | None = None
) -> str:
    rule_ids = sorted(set(report.rules) | {f.rule for f in report.findings})
    index = {rule: i for i, rule in enumerate(rule_ids)}
    rules = [
        {
            "id": rule,
            "shortDescription": {"text": _description(report, rule, lang)},
            "defaultConfiguration": {"level": "error"},
            "properties": {"tags": ["kommgraph", "check" if rule.startswith("check:") else "shacl"]},
        }
        for rule in rule_ids
    ]
    results = []
    for finding in report.findings:
        result = {
            "ruleId": finding.rule,
            "ruleIndex": index[finding.rule],
            "level": _SARIF_LEVEL[finding.severity],
            "message": {"text": _message(finding, lang)},
            "partialFingerprints": {"kommgraphFinding/v1": _fingerprint(finding)},
            "properties": {
                "severity": finding.severity,
                "focus": finding.focus,
                "label": finding.label,
                "path": finding.path,
                "value": finding.value,
                "scope": finding.scope,
            },
        }
        location: dict = {}
        if finding.file:
            location["physicalLocation"] = {
                "artifactLocation": {"uri": relative(finding.file, base), "uriBaseId": "%SRCROOT%"},
                "region": {"startLine": max(finding.line, 1)},
            }
        if finding.focus.startswith(("http://", "https://")):
            location["logicalLocations"] = [
                {
                    "fullyQualifiedName": finding.focus,
                    "kind": "resource",
                    **({"name": finding.label} if finding.label else {}),
                }
            ]
        if location:
            result["locations"] = [location]
        results.append(result)
    run = {
        "tool": {
            "driver": {
                "name": "kommgraph",
                "version": __version__,
                "semanticVersion": __version__,
                "rules": rules,
            }
        },
        "invocations": [
            {
                "executionSuccessful": True,
                "properties": {
                    "failOn": fail_on,
                    "conforms": not report.fails(fail_on),
                    "coverage": report.coverage.as_dict() if report.coverage else None,
                },
            }
        ],
        "columnKind": "unicodeCodePoints",
        "results": results,
    }
    document = {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def _message(finding: Finding, lang: str) -> str:
    label = f'"{finding.label}" ' if finding.label else ""
    return f"{label}<{finding.focus}>: {finding.message(lang)}"


def _fingerprint(finding: Finding) -> str:
    return hashlib.sha256("\x1f".join(finding.key()).encode("utf-8")).hexdigest()[:32]


# --------------------------------------------------------------------------------------------


def github_report(
    report: Report, *, lang: str = "en", fail_on: str = "violation", base: Path | None = None
) -> str:
    """Workflow commands (``::error file=…,line=…,title=…::message``) that GitHub shows on the lines
    they name, then a plain summary line."""
    lines = []
    for finding in report.findings:
        props = []
        if finding.file:
            props += [
                f"file={_escape_property(relative(finding.file, base))}",
                f"line={max(finding.line, 1)}",
            ]
        props.append(f"title={_escape_property(f'kommgraph {finding.rule}')}")
        command = _GITHUB_COMMAND[finding.severity]
        lines.append(f"::{command} {','.join(props)}::{_escape_data(_message(finding, lang))}")
    counts = _counts(report)
    lines.append(
        f"kommgraph validate: {counts['violation']} violation(s), {counts['warning']} warning(s), "
        f"{counts['info']} info"
    )
    return "\n".join(lines) + "\n"


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


# --------------------------------------------------------------------------------------------


def turtle_report(
    report: Report, *, lang: str = "en", fail_on: str = "violation", base: Path | None = None
) -> str:
    """The SHACL validation report graph (sh:ValidationReport with one sh:ValidationResult per finding).

    Results get IRIs made from a hash of the finding, so the graph has no blank nodes and the same
    report gives the same text. Check queries report sh:SPARQLConstraintComponent as their component.
    """
    graph = Graph(bind_namespaces="none")
    for prefix, namespace in {**PREFIXES, "sh": str(SH), "kgsh": KGSH}.items():
        graph.bind(prefix, namespace, override=True, replace=True)
    node = URIRef(REPORT_IRI)
    graph.add((node, RDF.type, SH.ValidationReport))
    graph.add((node, SH.conforms, Literal(not report.findings)))
    for finding in report.findings:
        result = URIRef(f"{REPORT_IRI}:result:{_fingerprint(finding)}")
        graph.add((node, SH.result, result))
        graph.add((result, RDF.type, SH.ValidationResult))
        focus = (
            URIRef(finding.focus)
            if finding.focus.startswith(("http://", "https://"))
            else Literal(relative(finding.focus, base))
        )
        graph.add((result, SH.focusNode, focus))
        graph.add((result, SH.resultSeverity, _SH_SEVERITY[finding.severity]))
        graph.add(
            (
                result,
                SH.sourceConstraintComponent,
                URIRef(finding.component or str(SH.SPARQLConstraintComponent)),
            )
        )
        shape = finding.rule.split("/", 1)[0]
        if shape.startswith("kgsh:"):
            graph.add((result, SH.sourceShape, URIRef(KGSH + shape[len("kgsh:") :])))
        for message_lang, text in sorted(finding.messages.items()):
            graph.add((result, SH.resultMessage, Literal(text, lang=message_lang)))
        if finding.path_iri:
            graph.add((result, SH.resultPath, URIRef(finding.path_iri)))
        if finding.value:
            value = finding.value
            graph.add(
                (
                    result,
                    SH.value,
                    URIRef(value)
                    if value.startswith(("http://", "https://"))
                    else Literal(value, datatype=None if value else XSD.string),
                )
            )
    text = graph.serialize(format="longturtle")
    header = "# kommgraph validation report (SHACL validation report graph)\n"
    prefixes = sorted(line for line in text.splitlines() if line.startswith("PREFIX "))
    body = [line for line in text.splitlines() if not line.startswith("PREFIX ")]
    return header + "\n".join(prefixes) + "\n\n" + "\n".join(body).strip("\n") + "\n"
