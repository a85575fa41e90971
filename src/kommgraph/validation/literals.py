"""The literal-form check: a typed literal whose text is not of its datatype's form
(``'2018-02-30' is not a valid xsd:date``), named by file and line.

The shapes then see a value of no known type and would say only that the type is wrong; such
findings about the same value are dropped (:func:`without_type_findings`), since this one says why.
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox

from kommgraph.core.literals import CHECKED_DATATYPES, form_problem
from kommgraph.store.dataset import GraphFile
from kommgraph.validation.findings import Finding
from kommgraph.validation.labels import _short

RULE = "check:literal-form"


def literal_findings(store: ox.Store, files: list[GraphFile]) -> list[Finding]:
    """One finding per ill-formed literal of ``xsd:date``, ``gYear``, ``integer``, … in the files' graphs."""
    by_graph: dict[str, list[Path]] = {}
    for graph_file in files:
        if graph_file.kind != "ontology":
            by_graph.setdefault(graph_file.graph, []).append(graph_file.path)
    findings = []
    ill_formed = _ill_formed(store, sorted(by_graph))
    stating = {
        q.graph_name.value
        for literal in ill_formed
        for q in store.quads_for_pattern(None, None, literal, None)
        if isinstance(q.graph_name, ox.NamedNode)
    }
    for graph, paths in sorted(by_graph.items()):
        if graph not in stating:
            continue
        for quad in store.quads_for_pattern(None, None, None, ox.NamedNode(graph)):
            literal = quad.object
            if literal not in ill_formed:
                continue
            problem = form_problem(literal.value, literal.datatype.value)
            file, line = _place(paths, literal.value)
            findings.append(
                Finding(
                    RULE,
                    "violation",
                    quad.subject.value if isinstance(quad.subject, ox.NamedNode) else str(quad.subject),
                    messages={
                        "en": f"{problem}.",
                        "de": f"{problem.replace(' is not a valid ', ' ist kein gültiges ')}.",
                    },
                    path=_short(quad.predicate.value),
                    value=literal.value,
                    file=file,
                    line=line,
                    path_iri=quad.predicate.value,
                )
            )
    return findings


_FEW_GRAPHS = 64


def _ill_formed(store: ox.Store, graphs: list[str]) -> set[ox.Literal]:
    """The distinct literals of a checked datatype in those graphs that are not of its form: each
    distinct value is checked once in Python, not each quad (1M triples hold far fewer values)."""
    if not graphs:
        return set()
    # many graphs: all of them (a superset; the quads are then taken from the files' graphs only)
    scope = "VALUES ?g { " + " ".join(f"<{g}>" for g in graphs) + " } " if len(graphs) <= _FEW_GRAPHS else ""
    # the datatypes are tested here: DATATYPE() in the query's filter made it twice as slow
    query = f"SELECT DISTINCT ?o WHERE {{ {scope}GRAPH ?g {{ ?s ?p ?o }} FILTER(isLiteral(?o)) }}"
    checked = set(CHECKED_DATATYPES)
    ill_formed = set()
    for row in store.query(query):
        literal = row[0]
        datatype = literal.datatype.value
        if datatype in checked and form_problem(literal.value, datatype) is not None:
            ill_formed.add(literal)
    return ill_formed


def _place(paths: list[Path], lexical: str) -> tuple[str, int]:
    """The first line of the files that holds the literal's text in quotes."""
    needles = (f'"{lexical}"', f"'{lexical}'")
    for path in paths:
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError):
            continue
        for number, line in enumerate(lines, start=1):
            if any(needle in line for needle in needles):
                return str(path), number
    return (str(paths[0]), 0) if paths else ("", 0)


def without_type_findings(findings: list[Finding]) -> list[Finding]:
    """Drop the shapes' findings about a value that the literal-form check already reports."""
    ill_formed = {(f.focus, f.path_iri, f.value) for f in findings if f.rule == RULE}
    return [
        f for f in findings if f.rule.startswith("check:") or (f.focus, f.path_iri, f.value) not in ill_formed
    ]
