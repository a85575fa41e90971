"""Validation: SHACL shapes (pySHACL), SPARQL check queries and the evidence check, in one report.

Every finding names its rule, severity, the focus resource by label and IRI, the file and line where
that resource is stated, and a message in German and English. Temporal shapes compare only the
derived xsd:date bounds (see queries/rules/40-date-bounds.rq), so imprecise dates cause no false findings.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox
from pyshacl import validate as shacl_validate
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, SH

from kommgraph import paths, queries
from kommgraph.dataset import DataLayout, GraphFile
from kommgraph.engines import OxigraphEngine, to_rdflib
from kommgraph.sources import read_text
from kommgraph.vocab import KG

SEVERITIES = ("violation", "warning", "info")
_SEVERITY = {SH.Violation: "violation", SH.Warning: "warning", SH.Info: "info"}
_LABEL_QUERY = """
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX foaf: <http://xmlns.com/foaf/0.1/>
PREFIX dct: <http://purl.org/dc/terms/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX oa: <http://www.w3.org/ns/oa#>
SELECT ?label WHERE {
  VALUES ?p { skos:prefLabel foaf:name dct:title rdfs:label oa:exact }
  ?focus ?p ?label .
} ORDER BY ?label LIMIT 1
"""


@dataclass
class Finding:
    rule: str
    severity: str
    focus: str
    label: str = ""
    messages: dict[str, str] = field(default_factory=dict)
    path: str = ""
    value: str = ""
    file: str = ""
    line: int = 0

    def message(self, lang: str = "en") -> str:
        return self.messages.get(lang) or self.messages.get("en") or next(iter(self.messages.values()), "")

    def as_dict(self, lang: str = "en") -> dict:
        return {
            "rule": self.rule, "severity": self.severity, "focus": self.focus, "label": self.label,
            "message": self.message(lang), "path": self.path, "value": self.value,
            "file": self.file, "line": self.line,
        }

    def sort_key(self) -> tuple:
        return (SEVERITIES.index(self.severity), self.file, self.line, self.rule, self.focus, self.message())


@dataclass
class Report:
    findings: list[Finding]
    checked: dict[str, int] = field(default_factory=dict)

    def count(self, severity: str) -> int:
        return sum(1 for f in self.findings if f.severity == severity)

    def fails(self, fail_on: str = "violation") -> bool:
        limit = SEVERITIES.index(fail_on)
        return any(SEVERITIES.index(f.severity) <= limit for f in self.findings)


def shapes_graph() -> Graph:
    graph = Graph()
    for path in sorted(paths.shapes_dir().glob("*.ttl")):
        graph.parse(path, format="turtle")
    return graph


def default_graph_as_rdflib(store: ox.Store) -> Graph:
    graph = Graph()
    for quad in store.quads_for_pattern(None, None, None, ox.DefaultGraph()):
        graph.add((to_rdflib(quad.subject), to_rdflib(quad.predicate), to_rdflib(quad.object)))
    return graph


def _short(term) -> str:
    text = str(term)
    for prefix, namespace in (("kg:", str(KG)), ("kgsh:", "https://w3id.org/kommgraph/shapes#"),
                              ("org:", "http://www.w3.org/ns/org#"), ("skos:", "http://www.w3.org/2004/02/skos/core#"),
                              ("prov:", "http://www.w3.org/ns/prov#"), ("dct:", "http://purl.org/dc/terms/"),
                              ("foaf:", "http://xmlns.com/foaf/0.1/"), ("oa:", "http://www.w3.org/ns/oa#")):
        if text.startswith(namespace):
            return prefix + text[len(namespace):]
    return text


def _rule_name(shapes: Graph, shape) -> str:
    """A node shape by its name; a property shape as ``NodeShape/path``."""
    if isinstance(shape, URIRef):
        return _short(shape)
    parent = next(shapes.subjects(SH.property, shape), None) or next(shapes.subjects(SH.sparql, shape), None)
    path = shapes.value(shape, SH.path)
    name = _short(parent) if parent is not None else "shape"
    return f"{name}/{_short(path)}" if path is not None else name


def shacl_findings(data: Graph, shapes: Graph) -> list[Finding]:
    conforms, results, _ = shacl_validate(
        data, shacl_graph=shapes, inference="none", advanced=True, allow_warnings=True, allow_infos=True,
    )
    findings = []
    if conforms:
        return findings
    details = set(results.objects(None, SH.detail))
    for result in results.subjects(RDF.type, SH.ValidationResult):
        if result in details:
            continue  # nested results of sh:node; the outer result carries the shape's message
        shape = results.value(result, SH.sourceShape)
        messages = _messages_by_language(shapes, shape, list(results.objects(result, SH.resultMessage)))
        path = results.value(result, SH.resultPath)
        value = results.value(result, SH.value)
        findings.append(Finding(
            rule=_rule_name(shapes, shape), severity=_SEVERITY.get(results.value(result, SH.resultSeverity), "violation"),
            focus=str(results.value(result, SH.focusNode)), messages=messages,
            path=_short(path) if path is not None else "", value=_short(value) if value is not None else "",
        ))
    return findings


def _messages_by_language(shapes: Graph, shape, messages: list) -> dict[str, str]:
    """Messages keyed by language. pySHACL drops the language tag when it fills in a SPARQL message
    template, so an untagged message is matched against the shape's tagged templates."""
    nodes = [shape, *shapes.objects(shape, SH.sparql)]
    templates = [m for node in nodes for m in shapes.objects(node, SH.message)]
    out: dict[str, str] = {}
    for message in messages:
        lang = message.language if isinstance(message, Literal) else None
        if not lang:
            for template in templates:
                pattern = re.sub(r"\\\{\\[?$]\w+\\\}", ".*", re.escape(str(template)))
                if template.language and re.fullmatch(pattern, str(message), flags=re.S):
                    lang = template.language
                    break
        out.setdefault(lang or "en", str(message))
    return out


def check_findings(store: ox.Store) -> list[Finding]:
    """Rows of ``queries/checks/*-violation.rq``: each row is a finding about ``?focus``."""
    engine = OxigraphEngine(store)
    findings = []
    for path in sorted(paths.checks_dir().glob("*-violation.rq")):
        text = path.read_text(encoding="utf-8")
        decorators = queries.parse_decorators(text)
        result = engine.select(text)
        for row in result.dicts():
            values = {k: _short(v) for k, v in row.items() if v is not None}
            messages = {lang: str(decorators.get(f"message_{lang}", decorators.get("summary", ""))).format_map(
                _Defaulting(values)) for lang in ("de", "en")}
            findings.append(Finding(rule=f"check:{path.stem}", severity=str(decorators.get("severity", "violation")),
                                    focus=str(row["focus"]), messages=messages))
    return findings


class _Defaulting(dict):
    def __missing__(self, key: str) -> str:
        return "?"


_EVIDENCE_QUERY = """
PREFIX kg: <https://w3id.org/kommgraph/ontology#>
PREFIX oa: <http://www.w3.org/ns/oa#>
SELECT ?evidence ?exact ?start ?end ?doc WHERE {
  ?evidence a kg:Evidence ; oa:exact ?exact ; kg:start ?start ; kg:end ?end ; kg:inDocument ?doc .
} ORDER BY ?evidence
"""
_HASH_QUERY = """
PREFIX kg: <https://w3id.org/kommgraph/ontology#>
SELECT ?doc ?sha WHERE { ?doc a kg:SourceDocument ; kg:sha256 ?sha . } ORDER BY ?doc
"""


def evidence_findings(store: ox.Store, layout: DataLayout) -> list[Finding]:
    """Each quote occurs in its source text at its offsets; each source's stored sha256 matches its file."""
    engine = OxigraphEngine(store)
    texts: dict[str, str | None] = {}

    def text_of(doc: str) -> str | None:
        source_id = doc.rsplit("/", 1)[-1]
        if source_id not in texts:
            path = layout.source_text(source_id)
            texts[source_id] = read_text(path) if path.exists() else None
        return texts[source_id]

    findings = []
    for doc, sha in engine.select(_HASH_QUERY).rows:
        text = text_of(str(doc))
        source_file = layout.source_text(str(doc).rsplit("/", 1)[-1])
        if text is None:
            findings.append(Finding("check:source-text", "violation", str(doc), messages={
                "de": f"Der Quelltext {source_file} fehlt.", "en": f"The source text {source_file} is missing."}))
            continue
        actual = hashlib.sha256(text.encode("utf-8")).hexdigest()
        if actual != str(sha):
            findings.append(Finding("check:source-hash", "violation", str(doc), messages={
                "de": f"{source_file} hat sich geändert: SHA-256 {actual[:12]}…, gespeichert {str(sha)[:12]}….",
                "en": f"{source_file} has changed: SHA-256 {actual[:12]}…, stored {str(sha)[:12]}…."}))
    for evidence, exact, start, end, doc in engine.select(_EVIDENCE_QUERY).rows:
        text = text_of(str(doc))
        if text is None:
            continue
        s, e = int(start), int(end)
        if text[s:e] != str(exact):
            where = text.find(str(exact))
            hint_de = f" Das Zitat steht bei {where}–{where + len(str(exact))}." if where >= 0 else " Das Zitat kommt im Text nicht vor."
            hint_en = f" The quote is at {where}–{where + len(str(exact))}." if where >= 0 else " The quote does not occur in the text."
            findings.append(Finding("check:evidence-offsets", "violation", str(evidence), messages={
                "de": f"Das Zitat steht nicht an den Positionen {s}–{e} der Quelle." + hint_de,
                "en": f"The quote is not at offsets {s}–{e} of the source." + hint_en}))
    return findings


def locate(files: list[GraphFile]) -> dict[str, tuple[str, int]]:
    """Where each subject is stated: the first file and line that begins with ``<IRI>``."""
    where: dict[str, tuple[str, int]] = {}
    pattern = re.compile(r"^<([^>]+)>")
    for graph_file in files:
        if graph_file.kind == "ontology":
            continue
        for number, line in enumerate(graph_file.path.read_text(encoding="utf-8").splitlines(), start=1):
            match = pattern.match(line)
            if match:
                where.setdefault(match.group(1), (str(graph_file.path), number))
    return where


def label_of(store: ox.Store, iri: str) -> str:
    if not iri.startswith(("http://", "https://")):
        return ""
    text = _LABEL_QUERY.replace("?focus", f"<{iri}>")
    rows = OxigraphEngine(store).select(text).rows
    return str(rows[0][0]) if rows else ""


def draft_only_subjects(store: ox.Store, files: list[GraphFile]) -> set[str]:
    """Subjects stated only in draft graphs (converter output not yet reviewed)."""
    status = {str(q.subject): q.object for q in store.quads_for_pattern(None, ox.NamedNode(str(KG.curationStatus)), None)}
    drafts = {f.graph for f in files if status.get(f.graph) == ox.NamedNode(str(KG.Draft))}
    if not drafts:
        return set()
    in_draft, elsewhere = set(), set()
    for quad in store:
        if isinstance(quad.graph_name, ox.DefaultGraph) or not isinstance(quad.subject, ox.NamedNode):
            continue
        (in_draft if quad.graph_name.value in drafts else elsewhere).add(quad.subject.value)
    return in_draft - elsewhere


def validate(store: ox.Store, files: list[GraphFile], layout: DataLayout) -> Report:
    """Validate the merged graph (data, derived and ontology) of a loaded and derived store."""
    data = default_graph_as_rdflib(store)
    findings = shacl_findings(data, shapes_graph()) + check_findings(store) + evidence_findings(store, layout)
    findings += blank_node_findings(files)
    where = locate(files)
    drafts = draft_only_subjects(store, files)
    for finding in findings:
        finding.label = finding.label or label_of(store, finding.focus)
        if not finding.file and finding.focus in where:
            finding.file, finding.line = where[finding.focus]
        if finding.focus in drafts and finding.severity == "violation":
            finding.severity = "warning"  # drafts are checked, but only reviewed data can fail a build
    findings.sort(key=Finding.sort_key)
    checked = {"triples": len(data), "files": len(files)}
    return Report(findings, checked)


def blank_node_findings(files: list[GraphFile]) -> list[Finding]:
    """Blank nodes churn diffs: curated data mints IRIs instead."""
    findings = []
    for graph_file in files:
        if graph_file.kind == "ontology":
            continue
        for number, line in enumerate(graph_file.path.read_text(encoding="utf-8").splitlines(), start=1):
            stripped = re.sub(r'"(?:[^"\\]|\\.)*"', '""', line)
            if re.search(r"(^|\s)(_:|\[)", stripped):
                findings.append(Finding("check:no-blank-nodes", "violation", str(graph_file.path), messages={
                    "de": "Leere Knoten sind in data/ttl nicht erlaubt: vergib eine IRI.",
                    "en": "Blank nodes are not allowed in data/ttl: mint an IRI."}, file=str(graph_file.path), line=number))
                break
    return findings


def text_report(report: Report, lang: str = "en", base: Path | None = None) -> str:
    lines = []
    for f in report.findings:
        where = f"{_relative(f.file, base)}:{f.line}" if f.file else "(no file)"
        label = f' "{f.label}"' if f.label else ""
        lines.append(f"{f.severity.upper():9} {where}  {f.rule}")
        lines.append(f"          {label.strip() or '(unnamed)'} <{f.focus}>")
        lines.append(f"          {f.message(lang)}" + (f" [{f.path}]" if f.path else ""))
    summary = (f"{report.count('violation')} violation(s), {report.count('warning')} warning(s), "
               f"{report.count('info')} info; {report.checked.get('triples', 0)} triples in "
               f"{report.checked.get('files', 0)} files checked")
    return "\n".join(lines + [summary]) + "\n"


def _relative(file: str, base: Path | None) -> str:
    try:
        return str(Path(file).resolve().relative_to((base or Path.cwd()).resolve()))
    except ValueError:
        return file
