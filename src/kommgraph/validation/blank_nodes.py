"""The blank-node check: curated data in data/ttl mints IRIs instead of blank nodes."""

from __future__ import annotations

import pyoxigraph as ox

from kommgraph.store.dataset import GraphFile
from kommgraph.validation.findings import Finding
from kommgraph.validation.locate import blank_node_positions


def blank_node_findings(files: list[GraphFile], store: ox.Store | None = None) -> list[Finding]:
    """Blank nodes churn diffs: curated data mints IRIs instead. One finding per line that makes one.

    ``store``: the files loaded, each into its graph. A file is tokenized (for the lines) only where its
    graph holds a blank node: the parser has seen every token already, and a ``(`` or ``[`` in a
    literal made the reference data's files (≈ 1 s CPU at 1M triples) be tokenized for nothing."""
    findings = []
    blank_graphs: dict[str, bool] = {}
    for graph_file in files:
        if graph_file.kind == "ontology":
            continue
        text = graph_file.path.read_text(encoding="utf-8")
        if not _may_make_blank_nodes(text):
            continue
        if store is not None and not _holds_blank_node(store, graph_file.graph, blank_graphs):
            continue
        seen = set()
        for token in blank_node_positions(text):
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


def _may_make_blank_nodes(text: str) -> bool:
    """False when the text has none of the characters a blank node's token starts with (``_:``, ``[``,
    ``(``): tokenizing it would find none, and at 1M triples tokenizing every file took 15 s."""
    return "_:" in text or "[" in text or "(" in text


def _holds_blank_node(store: ox.Store, graph: str, known: dict[str, bool]) -> bool:
    """The named graph has a blank subject or object (asked once per graph: reference files share one)."""
    if graph not in known:
        ask = f"ASK {{ GRAPH {ox.NamedNode(graph)} {{ ?s ?p ?o FILTER(isBlank(?s) || isBlank(?o)) }} }}"
        known[graph] = bool(store.query(ask))
    return known[graph]
