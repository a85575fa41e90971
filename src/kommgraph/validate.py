"""Validation: SHACL shapes (pySHACL), SPARQL check queries and the evidence check, in one report.

Every finding names its rule, severity, the focus resource by label and IRI, the file and line where
that resource is stated, and a message in German and English. Temporal shapes compare only the
derived xsd:date bounds (see queries/rules/40-date-bounds.rq), so imprecise dates cause no false findings.

``validate`` checks one store (one scope). ``validate_loaded`` checks a loaded data directory the way
``kommgraph validate`` does: each source's named graph alone (with the reference data and the
ontology), then the union of all graphs for what spans sources; optionally a snapshot on a day
(``at``) and only the sources changed since a git revision (``since``).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import subprocess
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urljoin

import pyoxigraph as ox
from pyshacl import validate as shacl_validate
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, SH

from kommgraph import dataset, derive, paths, queries
from kommgraph.dataset import DataLayout, GraphFile
from kommgraph.engines import OxigraphEngine, to_rdflib
from kommgraph.sources import read_text
from kommgraph.vocab import DEFAULT_BASE, DERIVED_GRAPH, KG, ONTOLOGY_GRAPH, REFERENCE_GRAPH

SEVERITIES = ("violation", "warning", "info")
LANGUAGES = ("de", "en")
_SEVERITY = {SH.Violation: "violation", SH.Warning: "warning", SH.Info: "info"}
KGSH = "https://w3id.org/kommgraph/shapes#"
UNION = "union"
Progress = Callable[[int, int, str], None]

# Checks that are code, not shapes or queries: their rule names, severities and descriptions.
BUILTIN_RULES = {
    "check:source-text": {
        "de": "Jede Quelle hat ihren Text in data/sources.",
        "en": "Every source has its text in data/sources.",
    },
    "check:source-hash": {
        "de": "Die gespeicherte SHA-256-Prüfsumme jeder Quelle passt zu ihrer Datei.",
        "en": "Each source's stored SHA-256 checksum matches its file.",
    },
    "check:evidence-offsets": {
        "de": "Jedes Zitat steht an seinen Positionen im Quelltext.",
        "en": "Every quote occurs in its source text at its offsets.",
    },
    "check:no-blank-nodes": {
        "de": "data/ttl enthält keine leeren Knoten.",
        "en": "data/ttl contains no blank nodes.",
    },
}


# --------------------------------------------------------------------------------------------
# Findings and reports


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
    scope: str = ""  # the source ID whose graph was validated alone, or "union"
    path_iri: str = field(default="", repr=False, compare=False)
    component: str = field(default="", repr=False, compare=False)  # the SHACL constraint component's IRI

    def message(self, lang: str = "en") -> str:
        return self.messages.get(lang) or self.messages.get("en") or next(iter(self.messages.values()), "")

    def as_dict(self, lang: str = "en") -> dict:
        return {
            "rule": self.rule,
            "severity": self.severity,
            "focus": self.focus,
            "label": self.label,
            "message": self.message(lang),
            "path": self.path,
            "value": self.value,
            "file": self.file,
            "line": self.line,
            "scope": self.scope,
        }

    def key(self) -> tuple:
        """What makes two findings the same, whichever scope found them."""
        return (self.rule, self.focus, self.path, self.value, self.message("en"))

    def sort_key(self) -> tuple:
        return (SEVERITIES.index(self.severity), self.file, self.line, self.rule, self.focus, self.message())


@dataclass
class Coverage:
    """What one validation run looked at, so that a partial (``--since``) run says what it left out."""

    sources: list[str] = field(default_factory=list)  # source IDs validated alone
    skipped: list[str] = field(default_factory=list)  # source IDs not validated alone
    union: str = "full"  # "full", "focused" (only resources the changed sources mention) or "none"
    focus_count: int = 0
    since: str | None = None
    at: str | None = None
    changed: list[str] = field(default_factory=list)  # files changed since ``since``, repository-relative
    reason: str = ""  # why a --since run validated everything

    def as_dict(self) -> dict:
        return {
            "sources": self.sources,
            "skipped_sources": self.skipped,
            "union": self.union,
            "union_focus_resources": self.focus_count,
            "since": self.since,
            "at": self.at,
            "changed_files": self.changed,
            "full_because": self.reason,
        }

    def describe(self, lang: str = "en") -> list[str]:
        de = lang == "de"
        lines = []
        if self.at:
            lines.append(
                f"Stichtag {self.at}: nur Einheiten und Mitgliedschaften, die an diesem Tag bestehen"
                if de
                else f"snapshot on {self.at}: only units and memberships that exist on that day"
            )
        if self.since is not None:
            changed = _listing(self.changed, lang) or ("keine" if de else "none")
            lines.append(
                f"geändert seit {self.since}: {changed}" if de else f"changed since {self.since}: {changed}"
            )
            if self.reason:
                lines.append(
                    f"alles geprüft, weil {self.reason}"
                    if de
                    else f"validated everything because {self.reason}"
                )
        alone = _listing(self.sources, lang) or ("keine" if de else "none")
        lines.append(f"einzeln geprüfte Quellen: {alone}" if de else f"sources validated alone: {alone}")
        if self.skipped:
            skipped = _listing(self.skipped, lang)
            if self.union != "full":
                lines.append(
                    f"nicht geprüft (nur wo die geprüften Quellen sie berühren): {skipped}"
                    if de
                    else f"not validated (only where the sources validated touch them): {skipped}"
                )
            else:
                lines.append(
                    f"nicht einzeln geprüft (--union-only): {skipped}"
                    if de
                    else f"not validated alone (--union-only): {skipped}"
                )
        union = {
            "full": ("Gesamtgraph: vollständig", "union of all graphs: complete"),
            "focused": (
                f"Gesamtgraph: nur die {self.focus_count} Ressourcen, die die geprüften Quellen nennen",
                f"union of all graphs: only the {self.focus_count} resources the sources validated mention",
            ),
            "none": (
                "Gesamtgraph: nicht geprüft (keine Datenänderung)",
                "union of all graphs: not validated (no data changed)",
            ),
        }[self.union]
        lines.append(union[0] if de else union[1])
        return lines


def _listing(items: list[str], lang: str, most: int = 6) -> str:
    """Items joined by commas; a long list shortened to its first and last items and its length."""
    if len(items) <= most:
        return ", ".join(items)
    total = f"{len(items)} insgesamt" if lang == "de" else f"{len(items)} in all"
    return f"{', '.join(items[:3])}, …, {items[-1]} ({total})"


@dataclass
class Report:
    findings: list[Finding]
    checked: dict[str, int] = field(default_factory=dict)
    coverage: Coverage | None = None
    rules: dict[str, dict[str, str]] = field(default_factory=dict)  # rule -> description by language

    def count(self, severity: str) -> int:
        return sum(1 for f in self.findings if f.severity == severity)

    def fails(self, fail_on: str = "violation") -> bool:
        limit = SEVERITIES.index(fail_on)
        return any(SEVERITIES.index(f.severity) <= limit for f in self.findings)


# --------------------------------------------------------------------------------------------
# Where resources are stated: a small Turtle tokenizer (rdflib and Oxigraph keep no line numbers)


@dataclass(frozen=True)
class Token:
    kind: str
    text: str
    line: int
    column: int


_TOKEN = re.compile(
    r'''
    (?P<ws>[ \t\r\n]+)
  | (?P<comment>\#[^\n]*)
  | (?P<iri><[^<>"{}|^`\\\s]*>)
  | (?P<lstring>"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^'\\]|\\.|'(?!''))*\'\'\')
  | (?P<string>"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')
  | (?P<langtag>@[A-Za-z]+(?:-[A-Za-z0-9]+)*)
  | (?P<datatype>\^\^)
  | (?P<bnode>_:[^\s<>"'{}|^`\\;,()\[\]\#]*[^\s<>"'{}|^`\\;,()\[\]\#.])
  | (?P<number>[+-]?(?:\d*\.\d+(?:[eE][+-]?\d+)?|\d+(?:[eE][+-]?\d+)?))
  | (?P<pname>[^\s<>"'{}|^`\\;,()\[\]\#:.@][^\s<>"'{}|^`\\;,()\[\]\#:]*?
               :(?:[^\s<>"'{}|^`;,()\[\]\#\\.]|\\.|\.(?=[^\s;,()\[\]\#.]))*
               |:(?:[^\s<>"'{}|^`;,()\[\]\#\\.]|\\.|\.(?=[^\s;,()\[\]\#.]))*)
  | (?P<punct>[\[\]();,.{}])
  | (?P<word>[A-Za-z][A-Za-z0-9_-]*)
''',
    re.X,
)


def tokens(text: str) -> Iterator[Token]:
    """The tokens of a Turtle text with their 1-based line and column; whitespace and comments dropped."""
    position, line, line_start = 0, 1, 0
    while position < len(text):
        match = _TOKEN.match(text, position)
        kind, end = (match.lastgroup, match.end()) if match else ("other", position + 1)
        chunk = text[position:end]
        if kind not in ("ws", "comment"):
            yield Token(kind, chunk, line, position - line_start + 1)
        newlines = chunk.count("\n")
        if newlines:
            line += newlines
            line_start = position + chunk.rindex("\n") + 1
        position = end


def subject_lines(text: str) -> dict[str, int]:
    """The first line on which each IRI is the subject of a statement (prefixed names resolved)."""
    prefixes: dict[str, str] = {}
    base = ""
    lines: dict[str, int] = {}
    stream = tokens(text)
    depth, expect_subject = 0, True
    for token in stream:
        lowered = token.text.lower()
        if token.kind in ("langtag", "word") and lowered in ("@prefix", "prefix"):
            name, iri = next(stream, None), next(stream, None)
            if name is not None and iri is not None and iri.kind == "iri":
                prefixes[name.text[:-1]] = urljoin(base, iri.text[1:-1])
            expect_subject = token.kind == "word"  # "@prefix …" ends with ".", "PREFIX …" does not
            continue
        if token.kind in ("langtag", "word") and lowered in ("@base", "base"):
            iri = next(stream, None)
            if iri is not None and iri.kind == "iri":
                base = urljoin(base, iri.text[1:-1])
            expect_subject = token.kind == "word"
            continue
        if token.kind == "punct":
            if token.text in "[(":
                depth += 1
            elif token.text in "])":
                depth = max(depth - 1, 0)
            elif token.text == "." and depth == 0:
                expect_subject = True
                continue
            expect_subject = False
            continue
        if expect_subject and depth == 0:
            iri = _resolve(token, prefixes, base)
            if iri is not None:
                lines.setdefault(iri, token.line)
        expect_subject = False
    return lines


def _resolve(token: Token, prefixes: dict[str, str], base: str) -> str | None:
    if token.kind == "iri":
        return urljoin(base, token.text[1:-1]) if base else token.text[1:-1]
    if token.kind == "pname":
        prefix, _, local = token.text.partition(":")
        if prefix in prefixes:
            return prefixes[prefix] + re.sub(r"\\(.)", r"\1", local)
    return None


def blank_node_positions(text: str) -> list[Token]:
    """Where a Turtle text makes blank nodes: ``_:x`` labels, ``[ … ]`` and non-empty ``( … )`` lists."""
    found = []
    previous: Token | None = None
    for token in tokens(text):
        if token.kind == "bnode" or (token.kind == "punct" and token.text == "["):
            found.append(token)
        elif token.kind == "punct" and token.text == ")" and previous is not None and previous.text == "(":
            found.pop()  # "()" is rdf:nil, no blank node
        elif token.kind == "punct" and token.text == "(":
            found.append(token)
        previous = token
    return found


class Locator:
    """The files and lines where each resource is the subject of a statement, over the data files."""

    def __init__(self, files: list[GraphFile]):
        self.entries: dict[str, list[tuple[GraphFile, int]]] = {}
        for graph_file in files:
            if graph_file.kind == "ontology":
                continue
            for iri, line in subject_lines(graph_file.path.read_text(encoding="utf-8")).items():
                self.entries.setdefault(iri, []).append((graph_file, line))

    def find(self, iri: str, graphs: list[str] | None = None) -> tuple[str, int] | None:
        """The file and line of ``iri``, preferring the files loaded into ``graphs`` (in their order)."""
        entries = self.entries.get(iri, [])
        for graph in graphs or []:
            for graph_file, line in entries:
                if graph_file.graph == graph:
                    return str(graph_file.path), line
        return (str(entries[0][0].path), entries[0][1]) if entries else None


def locate(files: list[GraphFile]) -> dict[str, tuple[str, int]]:
    """Where each subject is first stated: its file and line."""
    locator = Locator(files)
    return {iri: (str(entries[0][0].path), entries[0][1]) for iri, entries in locator.entries.items()}


def blank_node_findings(files: list[GraphFile]) -> list[Finding]:
    """Blank nodes churn diffs: curated data mints IRIs instead. One finding per line that makes one."""
    findings = []
    for graph_file in files:
        if graph_file.kind == "ontology":
            continue
        seen = set()
        for token in blank_node_positions(graph_file.path.read_text(encoding="utf-8")):
            if token.line in seen:
                continue
            seen.add(token.line)
            findings.append(
                Finding(
                    "check:no-blank-nodes",
                    "violation",
                    str(graph_file.path),
                    messages={
                        "de": f"Leerer Knoten „{token.text}“ in Spalte {token.column}: "
                        "data/ttl erlaubt keine leeren Knoten, "
                        "vergib eine IRI.",
                        "en": f"Blank node '{token.text}' at column {token.column}: "
                        "data/ttl allows no blank nodes, mint an IRI.",
                    },
                    file=str(graph_file.path),
                    line=token.line,
                )
            )
    return findings


# --------------------------------------------------------------------------------------------
# SHACL


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


_SHORT = (
    ("kgid:", DEFAULT_BASE),
    ("kg:", str(KG)),
    ("kgsh:", KGSH),
    ("org:", "http://www.w3.org/ns/org#"),
    ("skos:", "http://www.w3.org/2004/02/skos/core#"),
    ("prov:", "http://www.w3.org/ns/prov#"),
    ("dct:", "http://purl.org/dc/terms/"),
    ("foaf:", "http://xmlns.com/foaf/0.1/"),
    ("oa:", "http://www.w3.org/ns/oa#"),
    ("xsd:", "http://www.w3.org/2001/XMLSchema#"),
    ("sh:", str(SH)),
)


def _short(term) -> str:
    text = str(term)
    for prefix, namespace in _SHORT:
        if prefix != "kgid:" and text.startswith(namespace):
            return prefix + text[len(namespace) :]
    return text


def _rule_name(shapes: Graph, shape) -> str:
    """A node shape by its name; a property shape as ``NodeShape/path``."""
    if isinstance(shape, URIRef):
        return _short(shape)
    parent = next(shapes.subjects(SH.property, shape), None) or next(shapes.subjects(SH.sparql, shape), None)
    path = shapes.value(shape, SH.path)
    name = _short(parent) if parent is not None else "shape"
    return f"{name}/{_short(path)}" if path is not None else name


def _templates(shapes: Graph, *nodes) -> dict[str, str]:
    """The ``sh:message`` of the first node that has any, by language (untagged counts as English)."""
    for node in nodes:
        if node is None:
            continue
        found: dict[str, str] = {}
        for message in sorted(shapes.objects(node, SH.message), key=str):
            lang = message.language if isinstance(message, Literal) and message.language else "en"
            found.setdefault(lang, str(message))
        if found:
            return found
    return {}


_PLACEHOLDER = re.compile(r"\{[?$](\w+)\}")


# Messages for shapes that have no sh:message, by constraint component: {path}, {value}, {param}.
_FALLBACK = {
    "MinCountConstraintComponent": (
        "{path}: zu wenige Werte, mindestens {param} verlangt.",
        "{path}: too few values, at least {param} required.",
    ),
    "MaxCountConstraintComponent": (
        "{path}: zu viele Werte, höchstens {param} erlaubt.",
        "{path}: too many values, at most {param} allowed.",
    ),
    "ClassConstraintComponent": ("{path}: {value} ist kein {param}.", "{path}: {value} is not a {param}."),
    "DatatypeConstraintComponent": (
        "{path}: {value} hat nicht den Datentyp {param}.",
        "{path}: {value} does not have the datatype {param}.",
    ),
    "NodeKindConstraintComponent": (
        "{path}: {value} ist nicht von der Art {param}.",
        "{path}: {value} is not of the node kind {param}.",
    ),
    "PatternConstraintComponent": (
        "{path}: {value} passt nicht zum Muster {param}.",
        "{path}: {value} does not match the pattern {param}.",
    ),
    "InConstraintComponent": (
        "{path}: {value} ist keiner der erlaubten Werte.",
        "{path}: {value} is not an allowed value.",
    ),
    "LanguageInConstraintComponent": (
        "{path}: {value} hat keine erlaubte Sprache.",
        "{path}: {value} is not in an allowed language.",
    ),
}


def _fallback_messages(
    shapes: Graph, component, shape, path: str, value: str, given: list[str]
) -> dict[str, str]:
    name = str(component).rsplit("#", 1)[-1] if component is not None else ""
    templates = _FALLBACK.get(name)
    if templates is None:
        text = given[0] if given else name
        return {
            "de": f"{path or 'Ressource'}: verletzt {name}. ({text})",
            "en": f"{path or 'resource'}: {text}",
        }
    param_name = name.removesuffix("ConstraintComponent")
    param_name = param_name[0].lower() + param_name[1:]
    param = shapes.value(shape, SH[param_name])
    values = {
        "path": path or "–",
        "value": value or "–",
        "param": _short(param) if param is not None else "?",
    }
    return {lang: template.format(**values) for lang, template in zip(LANGUAGES, templates, strict=True)}


def core_shapes(shapes: Graph) -> Graph:
    """The shapes without their SHACL-SPARQL constraints, which ``sparql_constraint_findings`` runs."""
    core = Graph()
    for triple in shapes:
        if triple[1] != SH.sparql:
            core.add(triple)
    return core


def shacl_findings(
    data: Graph,
    shapes: Graph,
    focus_nodes: list[str] | None = None,
    *,
    store: ox.Store | None = None,
    core: Graph | None = None,
    inplace: bool = False,
) -> list[Finding]:
    """The findings of the shapes: the core constraints by pySHACL, the SHACL-SPARQL ones by Oxigraph.

    pySHACL parses a SPARQL constraint's query again for every focus node, which takes seconds on a
    few thousand triples; Oxigraph runs each constraint once with all its focus nodes bound.
    ``store`` holds the same triples as ``data`` in its default graph (made from ``data`` if not given).
    """
    if store is None:
        store = ox.Store()
        store.extend([ox.Quad(_to_ox(s), _to_ox(p), _to_ox(o)) for s, p, o in data])
    core = core if core is not None else core_shapes(shapes)
    findings = core_findings(data, shapes, core, focus_nodes, inplace=inplace)
    return findings + sparql_constraint_findings(store, shapes, set(focus_nodes) if focus_nodes else None)


def _to_ox(term):
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)) if term.datatype else None)
    return ox.BlankNode(str(term))


def core_findings(
    data: Graph, shapes: Graph, core: Graph, focus_nodes: list[str] | None = None, *, inplace: bool = False
) -> list[Finding]:
    """pySHACL over the core constraints; ``inplace`` spares the copy of a data graph made for this call."""
    conforms, results, _ = shacl_validate(
        data,
        shacl_graph=core,
        inference="none",
        advanced=True,
        allow_warnings=True,
        allow_infos=True,
        inplace=inplace,
        focus_nodes=[URIRef(n) for n in focus_nodes] if focus_nodes else None,
    )
    findings: list[Finding] = []
    if conforms:
        return findings
    details = set(results.objects(None, SH.detail))
    for result in results.subjects(RDF.type, SH.ValidationResult):
        if result in details:
            continue  # nested results of sh:node; the outer result carries the shape's message
        shape = results.value(result, SH.sourceShape)
        path = results.value(result, SH.resultPath)
        value = results.value(result, SH.value)
        short_path = _short(path) if path is not None else ""
        short_value = _short(value) if value is not None else ""
        given = sorted(str(m) for m in results.objects(result, SH.resultMessage))
        messages = _templates(shapes, shape) or _fallback_messages(
            shapes, results.value(result, SH.sourceConstraintComponent), shape, short_path, short_value, given
        )
        findings.append(
            Finding(
                rule=_rule_name(shapes, shape),
                severity=_SEVERITY.get(results.value(result, SH.resultSeverity), "violation"),
                focus=str(results.value(result, SH.focusNode)),
                messages=messages,
                path=short_path,
                value=short_value,
                path_iri=str(path) if isinstance(path, URIRef) else "",
                component=str(results.value(result, SH.sourceConstraintComponent) or ""),
            )
        )
    return findings


_TARGETS = {
    SH.targetClass: "?this a/<http://www.w3.org/2000/01/rdf-schema#subClassOf>* <{}>",
    SH.targetSubjectsOf: "?this <{}> ?any",
    SH.targetObjectsOf: "?any <{}> ?this",
}


def target_nodes(store: ox.Store, shapes: Graph, shape) -> set[str]:
    """The focus nodes of a shape's targets in the store's default graph."""
    nodes = {str(n) for n in shapes.objects(shape, SH.targetNode)}
    for kind, pattern in _TARGETS.items():
        for target in shapes.objects(shape, kind):
            query = "SELECT DISTINCT ?this WHERE { " + pattern.format(target) + " FILTER(isIRI(?this)) }"
            nodes |= {s["this"].value for s in store.query(query)}
    return nodes


def _prefix_block(shapes: Graph, constraint) -> str:
    lines = []
    for declarations in shapes.objects(constraint, SH.prefixes):
        for declaration in shapes.objects(declarations, SH.declare):
            prefix, namespace = shapes.value(declaration, SH.prefix), shapes.value(declaration, SH.namespace)
            if prefix is not None and namespace is not None:
                lines.append(f"PREFIX {prefix}: <{namespace}>")
    return "\n".join(sorted(set(lines)))


def _with_focus(select: str, nodes: set[str]) -> str:
    """The query with ``$this`` as ``?this``, bound to ``nodes`` by a VALUES block opening its WHERE."""
    text = re.sub(r"\$this\b", "?this", select)
    where = re.search(r"\bWHERE\s*\{", text, flags=re.I) or re.search(r"\{", text)
    values = "VALUES ?this { " + " ".join(f"<{n}>" for n in sorted(nodes)) + " } "
    return text[: where.end()] + " " + values + text[where.end() :]


def sparql_constraint_findings(
    store: ox.Store, shapes: Graph, focus: set[str] | None = None
) -> list[Finding]:
    """SHACL-SPARQL constraints (``sh:sparql``): each solution is a result about ``$this``."""
    findings = []
    for shape in sorted(set(shapes.subjects(SH.sparql, None)), key=str):
        if shapes.value(shape, SH.deactivated) == Literal(True):
            continue
        nodes = target_nodes(store, shapes, shape)
        if focus is not None:
            nodes &= focus
        if not nodes:
            continue
        severity = _SEVERITY.get(shapes.value(shape, SH.severity), "violation")
        for constraint in sorted(shapes.objects(shape, SH.sparql), key=str):
            if shapes.value(constraint, SH.deactivated) == Literal(True):
                continue
            select = str(shapes.value(constraint, SH.select))
            query = _prefix_block(shapes, constraint) + "\n" + _with_focus(select, nodes)
            templates = _templates(shapes, constraint, shape)
            seen = set()
            solutions = store.query(query)
            names = [v.value for v in solutions.variables]
            for solution in solutions:
                values = {name: solution[name] for name in names if solution[name] is not None}
                this = values.get("this")
                if this is None:
                    continue
                value, path = values.get("value", this), values.get("path")
                key = (
                    this.value,
                    str(path),
                    str(value),
                    tuple(sorted((k, str(v)) for k, v in values.items())),
                )
                if key in seen:
                    continue
                seen.add(key)
                texts = {k: getattr(v, "value", str(v)) for k, v in values.items() if v is not None}
                messages = {
                    lang: _PLACEHOLDER.sub(lambda m, t=texts: t.get(m.group(1), m.group(0)), template)
                    for lang, template in templates.items()
                } or {"de": "Verstößt gegen eine SPARQL-Bedingung.", "en": "Violates a SPARQL constraint."}
                findings.append(
                    Finding(
                        rule=_short(shape),
                        severity=severity,
                        focus=this.value,
                        messages=messages,
                        path=_short(path.value) if path is not None else "",
                        value=_short(getattr(value, "value", value)),
                        path_iri=path.value if path is not None else "",
                        component=str(SH.SPARQLConstraintComponent),
                    )
                )
    return findings


def rule_catalogue(shapes: Graph | None = None) -> dict[str, dict[str, str]]:
    """Every rule kommgraph checks, with a description in German and English: shapes, checks, built-ins."""
    shapes = shapes if shapes is not None else shapes_graph()
    rules: dict[str, dict[str, str]] = {}
    for node in sorted(set(shapes.subjects(RDF.type, SH.NodeShape)), key=str):
        for constraint in sorted(
            shapes.objects(node, SH.property), key=lambda n: str(shapes.value(n, SH.path))
        ):
            rules.setdefault(_rule_name(shapes, constraint), _templates(shapes, constraint))
        for constraint in shapes.objects(node, SH.sparql):
            rules.setdefault(_short(node), _templates(shapes, constraint))
    for path in check_files():
        decorators = queries.parse_decorators(path.read_text(encoding="utf-8"))
        summary = str(decorators.get("summary", path.stem))
        rules[f"check:{path.stem}"] = {"de": str(decorators.get("summary_de", summary)), "en": summary}
    rules.update(BUILTIN_RULES)
    return dict(sorted(rules.items()))


# --------------------------------------------------------------------------------------------
# SPARQL checks and the evidence check


def check_files() -> list[Path]:
    return sorted(paths.checks_dir().glob("*-violation.rq"))


@dataclass(frozen=True)
class Check:
    name: str
    text: str
    decorators: dict


def load_checks() -> list[Check]:
    checks = []
    for path in check_files():
        text = path.read_text(encoding="utf-8")
        checks.append(Check(path.stem, text, queries.parse_decorators(text)))
    return checks


def check_findings(
    store: ox.Store, touched: set[str] | None = None, checks: list[Check] | None = None
) -> list[Finding]:
    """Rows of ``queries/checks/*-violation.rq``: each row is a finding about ``?focus``.

    With ``touched``, only rows that name one of those resources are kept.
    """
    engine = OxigraphEngine(store)
    findings = []
    for check in checks if checks is not None else load_checks():
        text, decorators = check.text, check.decorators
        for row in engine.select(text).dicts():
            if touched is not None and not any(
                str(v) in touched for v in row.values() if isinstance(v, URIRef)
            ):
                continue
            values = {k: _display(store, v) for k, v in row.items() if v is not None}
            values |= {f"{k}_iri": str(v) for k, v in row.items() if isinstance(v, URIRef)}
            messages = {
                lang: str(decorators.get(f"message_{lang}", decorators.get("summary", ""))).format_map(
                    _Defaulting(values)
                )
                for lang in LANGUAGES
            }
            findings.append(
                Finding(
                    rule=f"check:{check.name}",
                    severity=str(decorators.get("severity", "violation")),
                    focus=str(row["focus"]),
                    messages=messages,
                )
            )
    return findings


class _Defaulting(dict):
    def __missing__(self, key: str) -> str:
        return "?"


def _display(store: ox.Store, term) -> str:
    """A value as a message shows it: a resource by its label, a literal by its text."""
    if isinstance(term, URIRef):
        return (label_of(store, str(term)) if str(term).startswith(DEFAULT_BASE) else "") or _short(term)
    return str(term)


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


def evidence_findings(store: ox.Store, layout: DataLayout, touched: set[str] | None = None) -> list[Finding]:
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
        if touched is not None and str(doc) not in touched:
            continue
        text = text_of(str(doc))
        source_file = Path(layout.root.name, "sources", layout.source_text(str(doc).rsplit("/", 1)[-1]).name)
        if text is None:
            findings.append(
                Finding(
                    "check:source-text",
                    "violation",
                    str(doc),
                    messages={
                        "de": f"Der Quelltext {source_file} fehlt.",
                        "en": f"The source text {source_file} is missing.",
                    },
                )
            )
            continue
        actual = hashlib.sha256(text.encode("utf-8")).hexdigest()
        if actual != str(sha):
            findings.append(
                Finding(
                    "check:source-hash",
                    "violation",
                    str(doc),
                    messages={
                        "de": f"{source_file} hat sich geändert: "
                        f"SHA-256 {actual[:12]}…, gespeichert {str(sha)[:12]}….",
                        "en": f"{source_file} has changed: SHA-256 {actual[:12]}…, stored {str(sha)[:12]}….",
                    },
                )
            )
    for evidence, exact, start, end, doc in engine.select(_EVIDENCE_QUERY).rows:
        if touched is not None and str(evidence) not in touched:
            continue
        text = text_of(str(doc))
        if text is None:
            continue
        s, e = int(start), int(end)
        if text[s:e] != str(exact):
            where = text.find(str(exact))
            hint_de = (
                f" Das Zitat steht bei {where}–{where + len(str(exact))}."
                if where >= 0
                else " Das Zitat kommt im Text nicht vor."
            )
            hint_en = (
                f" The quote is at {where}–{where + len(str(exact))}."
                if where >= 0
                else " The quote does not occur in the text."
            )
            findings.append(
                Finding(
                    "check:evidence-offsets",
                    "violation",
                    str(evidence),
                    messages={
                        "de": f"Das Zitat steht nicht an den Positionen {s}–{e} der Quelle." + hint_de,
                        "en": f"The quote is not at offsets {s}–{e} of the source." + hint_en,
                    },
                )
            )
    return findings


# --------------------------------------------------------------------------------------------
# Labels


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
# Events and memberships have no name of their own: they are named by their kind, date and units.
_EVENT_LABEL_QUERY = """
PREFIX kg: <https://w3id.org/kommgraph/ontology#>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?kind ?date ?original ?resulting WHERE {
  ?focus a ?type . ?type rdfs:subClassOf* kg:ChangeEvent ; rdfs:label ?kind . FILTER(LANG(?kind) = "de")
  OPTIONAL { ?focus kg:effectiveDate ?date }
  OPTIONAL { ?focus org:originalOrganization/skos:prefLabel ?original }
  OPTIONAL { ?focus org:resultingOrganization/skos:prefLabel ?resulting }
} ORDER BY DESC(?type != kg:ChangeEvent) ?kind ?original ?resulting LIMIT 1
"""
_MEMBERSHIP_LABEL_QUERY = """
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX foaf: <http://xmlns.com/foaf/0.1/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?person ?role ?unit WHERE {
  ?focus a org:Membership .
  OPTIONAL { ?focus org:member/foaf:name ?person }
  OPTIONAL { ?focus org:role/rdfs:label ?role . FILTER(LANG(?role) = "de") }
  OPTIONAL { ?focus org:organization/skos:prefLabel ?unit }
} ORDER BY ?person ?role ?unit LIMIT 1
"""


def label_of(store: ox.Store, iri: str) -> str:
    """A human name for a resource: its label, or for events and memberships one made from their parts."""
    if not iri.startswith(("http://", "https://")) or any(c in iri for c in '<>"{}|^`\\ '):
        return ""
    engine = OxigraphEngine(store)
    rows = engine.select(_LABEL_QUERY.replace("?focus", f"<{iri}>")).rows
    if rows:
        return str(rows[0][0])
    rows = engine.select(_EVENT_LABEL_QUERY.replace("?focus", f"<{iri}>")).rows
    if rows:
        kind, date, original, resulting = (str(v) if v is not None else "" for v in rows[0])
        units = " → ".join(u for u in (original, resulting) if u)
        return " ".join(p for p in (kind, date) if p) + (f": {units}" if units else "")
    rows = engine.select(_MEMBERSHIP_LABEL_QUERY.replace("?focus", f"<{iri}>")).rows
    if rows and any(rows[0]):
        return " – ".join(str(v) for v in rows[0] if v is not None)
    return ""


def draft_only_subjects(store: ox.Store, files: list[GraphFile]) -> set[str]:
    """Subjects stated only in draft graphs (converter output not yet reviewed)."""
    # pyoxigraph terms print as "<iri>": compare by .value
    status = {
        q.subject.value: q.object
        for q in store.quads_for_pattern(None, ox.NamedNode(str(KG.curationStatus)), None)
    }
    drafts = {f.graph for f in files if status.get(f.graph) == ox.NamedNode(str(KG.Draft))}
    if not drafts:
        return set()
    in_draft, elsewhere = set(), set()
    for quad in store:
        if isinstance(quad.graph_name, ox.DefaultGraph) or not isinstance(quad.subject, ox.NamedNode):
            continue
        if quad.graph_name.value == str(DERIVED_GRAPH):
            continue  # what the rules derive from a draft is no curator's statement
        (in_draft if quad.graph_name.value in drafts else elsewhere).add(quad.subject.value)
    return in_draft - elsewhere


# --------------------------------------------------------------------------------------------
# One scope


_IRI_IN_TEXT = re.compile(r"https?://[^\s<>\"{}|^`\\,;]*[^\s<>\"{}|^`\\,;.]")


@dataclass
class Context:
    """What every scope of one run shares: the whole store (for labels and locations) and the index."""

    store: ox.Store
    files: list[GraphFile]
    locator: Locator
    drafts: set[str]
    shapes: Graph
    core: Graph
    checks: list[Check]
    rules: dict[str, dict[str, str]]
    _base: tuple[Graph, set] | None = None

    @classmethod
    def of(cls, store: ox.Store, files: list[GraphFile]) -> Context:
        shapes = shapes_graph()
        drafts = draft_only_subjects(store, files)
        return cls(
            store,
            files,
            Locator(files),
            drafts,
            shapes,
            core_shapes(shapes),
            load_checks(),
            rule_catalogue(shapes),
        )

    @contextmanager
    def data_graph(self, store: ox.Store) -> Iterator[Graph]:
        """The default graph of ``store`` as an rdflib Graph for pySHACL.

        Building an rdflib graph costs far more than validating one source; the ontology and the
        reference data, which every source's scope holds, are built once and lent to each scope with
        its own triples added, which are taken out again afterwards.
        """
        triples = {
            (q.subject, q.predicate, q.object)
            for q in store.quads_for_pattern(None, None, None, ox.DefaultGraph())
        }
        if self._base is None:
            shared = scope_store(self.store, [str(REFERENCE_GRAPH), str(ONTOLOGY_GRAPH)])
            base_triples = {
                (q.subject, q.predicate, q.object)
                for q in shared.quads_for_pattern(None, None, None, ox.DefaultGraph())
            }
            self._base = (default_graph_as_rdflib(shared), base_triples)
        graph, base = self._base
        if not base <= triples:  # e.g. a snapshot left some of it out
            yield default_graph_as_rdflib(store)
            return
        extra = [tuple(to_rdflib(term) for term in triple) for triple in triples - base]
        for triple in extra:
            graph.add(triple)
        try:
            yield graph
        finally:
            for triple in extra:
                graph.remove(triple)
            if len(graph) != len(base):
                self._base = None  # something else changed it: build it anew next time

    def named(self, message: str, lang: str) -> str:
        """``message`` with each resource IRI pySHACL filled in replaced by the resource's label."""

        def name(match: re.Match) -> str:
            iri = match.group(0)
            if not iri.startswith(DEFAULT_BASE):
                return _short(iri)  # a vocabulary term: kg:Renaming reads better than its label here
            label = label_of(self.store, iri)
            return (f"„{label}“" if lang == "de" else f'"{label}"') if label else iri

        return _IRI_IN_TEXT.sub(name, message)

    def graphs_stating(self, finding: Finding) -> list[str]:
        """The named graphs where the finding's focus has the finding's property, else any statement."""
        subject = ox.NamedNode(finding.focus) if finding.focus.startswith(("http://", "https://")) else None
        if subject is None:
            return []
        predicate = ox.NamedNode(finding.path_iri) if finding.path_iri else None
        for pattern in (
            ((subject, predicate), (subject, None)) if predicate is not None else ((subject, None),)
        ):
            graphs = sorted(
                {
                    q.graph_name.value
                    for q in self.store.quads_for_pattern(*pattern, None)
                    if isinstance(q.graph_name, ox.NamedNode)
                }
            )
            if graphs:
                return graphs
        return []

    def annotate(self, findings: list[Finding], scope: str, scope_graph: str | None) -> None:
        for finding in findings:
            finding.scope = finding.scope or scope
            finding.label = finding.label or label_of(self.store, finding.focus)
            if not finding.rule.startswith("check:"):
                finding.messages = {lang: self.named(text, lang) for lang, text in finding.messages.items()}
            if not finding.file:
                preferred = [scope_graph] if scope_graph else self.graphs_stating(finding)
                where = self.locator.find(finding.focus, preferred + [str(REFERENCE_GRAPH)])
                if where:
                    finding.file, finding.line = where
            if finding.focus in self.drafts and finding.severity == "violation":
                finding.severity = "warning"  # drafts are checked, but only reviewed data can fail a build


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
    """
    context = context or Context.of(store, files)
    if focus is not None and not focus:
        return Report([], {"triples": 0, "files": len(files)}, rules=context.rules)
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
    findings += check_findings(store, focus, context.checks)
    findings += evidence_findings(store, layout, focus)
    if blank_nodes:
        findings += blank_node_findings(files)
    context.annotate(findings, scope, scope_graph)
    findings = list({(*f.key(), f.file, f.line): f for f in findings}.values())
    findings.sort(key=Finding.sort_key)
    checked = {"triples": triples, "files": len(files)}
    return Report(findings, checked, rules=context.rules)


# --------------------------------------------------------------------------------------------
# Snapshot on a day


_DATED_QUERY = """
PREFIX kg: <https://w3id.org/kommgraph/ontology#>
PREFIX org: <http://www.w3.org/ns/org#>
SELECT ?thing ?fromEarliest ?fromLatest ?untilEarliest ?untilLatest WHERE {
  { ?thing a kg:AdministrativeUnit } UNION { ?thing a org:Membership }
  OPTIONAL { ?thing kg:validFromEarliest ?fromEarliest ; kg:validFromLatest ?fromLatest }
  OPTIONAL { ?thing kg:validUntilEarliest ?untilEarliest ; kg:validUntilLatest ?untilLatest }
}
"""
_EVENTS_QUERY = """
PREFIX kg: <https://w3id.org/kommgraph/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT DISTINCT ?thing WHERE { ?thing a ?type . ?type rdfs:subClassOf* kg:ChangeEvent . }
"""
# Links by which a resource belongs to another: on a day, both ends must exist.
_BELONGS = {
    str(URIRef("http://www.w3.org/ns/org#" + name))
    for name in ("organization", "postIn", "subOrganizationOf", "unitOf", "memberOf")
}


def snapshot_store(store: ox.Store, day: dt.date) -> ox.Store:
    """The state on ``day``, by the derived xsd:date bounds.

    Left out: units and memberships that certainly do not exist on the day, the change events
    (transitions, not state), and, in turn, undated or only possibly existing resources that belong
    (org:organization, org:postIn, org:subOrganizationOf, …) to something left out. A unit or
    membership that certainly exists on the day keeps its links to what is left out, so that the
    shapes report them (a head of a unit that does not exist, a parent that has ended); every other
    link to something left out (succession, purpose, undated links) is dropped.
    """
    gone: set[str] = set()
    certain: set[str] = set()
    for thing, from_earliest, from_latest, until_earliest, until_latest in (
        OxigraphEngine(store).select(_DATED_QUERY).rows
    ):
        bounds = [
            None if v is None else dt.date.fromisoformat(str(v))
            for v in (from_earliest, from_latest, until_earliest, until_latest)
        ]
        if (bounds[0] and bounds[0] > day) or (bounds[3] and bounds[3] <= day):
            gone.add(str(thing))
        elif bounds[1] and bounds[1] <= day and (bounds[2] is None or bounds[2] > day):
            certain.add(str(thing))
    gone |= {str(row[0]) for row in OxigraphEngine(store).select(_EVENTS_QUERY).rows}
    links = [
        (q.subject.value, q.predicate.value, q.object.value)
        for q in store
        if isinstance(q.subject, ox.NamedNode)
        and isinstance(q.object, ox.NamedNode)
        and q.predicate.value in _BELONGS
    ]
    changed = True
    while changed:  # what belongs to something gone is gone too, unless it certainly exists on the day
        changed = False
        for subject, _, target in links:
            if target in gone and subject not in gone and subject not in certain:
                gone.add(subject)
                changed = True
    snapshot = ox.Store()
    snapshot.extend([q for q in store if not _leaves_snapshot(q, gone, certain)])
    return snapshot


def _leaves_snapshot(quad: ox.Quad, gone: set[str], certain: set[str]) -> bool:
    if isinstance(quad.subject, ox.NamedNode) and quad.subject.value in gone:
        return True
    if isinstance(quad.object, ox.NamedNode) and quad.object.value in gone:
        return not (quad.subject.value in certain and quad.predicate.value in _BELONGS)
    return False


# --------------------------------------------------------------------------------------------
# Which sources changed since a git revision


class SinceError(ValueError):
    """``--since`` cannot be answered: no git, no repository, or an unknown revision."""


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


def mentioned(store: ox.Store, graphs: list[str]) -> set[str]:
    """Every IRI a named graph states something about or points at."""
    found: set[str] = set()
    for graph in graphs:
        for quad in store.quads_for_pattern(None, None, None, ox.NamedNode(graph)):
            for term in (quad.subject, quad.object):
                if isinstance(term, ox.NamedNode):
                    found.add(term.value)
    return found


# --------------------------------------------------------------------------------------------
# The whole run


def validate_loaded(
    loaded,
    *,
    per_source: bool = True,
    since: str | None = None,
    sources: list[str] | None = None,
    at: dt.date | None = None,
    progress: Progress | None = None,
) -> Report:
    """Validate a loaded data directory (``kommgraph.build.load``): each source's graph alone, then
    the union of all graphs; findings of the union that a source alone already showed are not repeated.

    ``since`` (a git revision) or ``sources`` (source IDs) limit the run to those sources alone and
    the union's checks to the resources they mention.
    """
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
    union_focus = None if plan.full else mentioned(store, [by_id[s].graph for s in plan.sources])
    context = Context.of(store, files)
    steps = len(chosen) + 1
    reports: list[Report] = []
    shared = [f for f in files if f.kind in ("reference", "ontology")]
    for number, source_id in enumerate(chosen, start=1):
        if progress:
            progress(number, steps, source_id)
        graph_file = by_id[source_id]
        part = scope_store(store, [graph_file.graph, str(REFERENCE_GRAPH), str(ONTOLOGY_GRAPH)])
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
        report.findings += _scoped(blank_node_findings([graph_file]), source_id)
        reports.append(report)
    if progress:
        progress(steps, steps, UNION)
    if union_focus is None or union_focus:
        whole = snapshot_store(store, at) if at is not None else store
        report = validate(
            whole, files, layout, scope=UNION, focus=union_focus, context=context, blank_nodes=False
        )
        if plan.full:
            report.findings += _scoped(
                blank_node_findings([f for f in files if f.kind == "reference"]), "reference"
            )
        reports.append(report)
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
    findings.sort(key=Finding.sort_key)
    coverage = Coverage(
        sources=list(chosen),
        skipped=[s for s in sorted(by_id) if s not in chosen],
        since=since,
        at=at.isoformat() if at else None,
        changed=plan.changed,
        reason=plan.reason if since is not None else "",
        union="full" if union_focus is None else ("focused" if union_focus else "none"),
        focus_count=len(union_focus or ()),
    )
    data_triples = sum(1 for _ in store.quads_for_pattern(None, None, None, ox.DefaultGraph()))
    checked = {"triples": data_triples, "files": len(files), "sources": len(chosen), "scopes": len(reports)}
    return Report(findings, checked, coverage, context.rules)


def scope_store(store: ox.Store, graphs: list[str]) -> ox.Store:
    """A new store with only the named graphs given, merged into its default graph (read graph by
    graph, so the cost grows with the graphs taken, not with the whole store)."""
    part = ox.Store()
    for graph in graphs:
        part.extend(store.quads_for_pattern(None, None, None, ox.NamedNode(graph)))
    dataset.merge_into_default(part)
    return part


def _scoped(findings: list[Finding], scope: str) -> list[Finding]:
    for finding in findings:
        finding.scope = scope
    return findings


# --------------------------------------------------------------------------------------------
# Text


def text_report(report: Report, lang: str = "en", base: Path | None = None) -> str:
    lines = []
    for f in report.findings:
        where = f"{_relative(f.file, base)}:{f.line}" if f.file else "(no file)"
        label = f' "{f.label}"' if f.label else ""
        scope = f"  [{f.scope}]" if f.scope and f.scope != UNION else ""
        lines.append(f"{f.severity.upper():9} {where}  {f.rule}{scope}")
        lines.append(f"          {label.strip() or '(unnamed)'} <{f.focus}>")
        lines.append(f"          {f.message(lang)}" + (f" [{f.path}]" if f.path else ""))
    if report.coverage is not None:
        lines += [
            ("geprüft:  " if lang == "de" else "covered:  ") + line for line in report.coverage.describe(lang)
        ]
    if lang == "de":
        summary = (
            f"{report.count('violation')} Verstoß/Verstöße, {report.count('warning')} Warnung(en), "
            f"{report.count('info')} Hinweis(e); {report.checked.get('triples', 0)} Tripel in "
            f"{report.checked.get('files', 0)} Dateien geprüft"
        )
    else:
        summary = (
            f"{report.count('violation')} violation(s), {report.count('warning')} warning(s), "
            f"{report.count('info')} info; {report.checked.get('triples', 0)} triples in "
            f"{report.checked.get('files', 0)} files checked"
        )
    return "\n".join(lines + [summary]) + "\n"


def _relative(file: str, base: Path | None) -> str:
    try:
        return str(Path(file).resolve().relative_to((base or Path.cwd()).resolve()))
    except ValueError:
        return file
