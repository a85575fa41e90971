"""What every scope of one run shares: the whole store, shapes, checks, locations and drafts."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import pyoxigraph as ox
from rdflib import Graph

from kommgraph.core.vocab import DEFAULT_BASE, DERIVED_GRAPH, KG, ONTOLOGY_GRAPH, REFERENCE_GRAPH
from kommgraph.store.dataset import GraphFile
from kommgraph.store.derive import INDEX_GRAPH
from kommgraph.store.terms import to_rdflib
from kommgraph.validation.catalogue import rule_catalogue
from kommgraph.validation.checks import Check, load_checks
from kommgraph.validation.findings import Finding
from kommgraph.validation.labels import _short, label_of
from kommgraph.validation.lazy_locate import LazyLocator
from kommgraph.validation.shapes import core_shapes, shapes_graph
from kommgraph.validation.stores import default_graph_as_rdflib, scope_store


def draft_only_subjects(store: ox.Store, files: list[GraphFile]) -> set[str]:
    """Subjects stated only in draft graphs (converter output not yet reviewed)."""
    # pyoxigraph terms print as "<iri>": compare by .value
    status = {
        q.subject.value: q.object
        for q in store.quads_for_pattern(None, ox.NamedNode(str(KG.curationStatus)), None)
    }
    drafts = {
        f.graph for f in files if f.kind == "draft" or status.get(f.graph) == ox.NamedNode(str(KG.Draft))
    }
    if not drafts:
        return set()
    in_draft, elsewhere = set(), set()
    for quad in store:
        if isinstance(quad.graph_name, ox.DefaultGraph) or not isinstance(quad.subject, ox.NamedNode):
            continue
        if quad.graph_name.value in (str(DERIVED_GRAPH), INDEX_GRAPH):
            continue  # what the rules derive or index from a draft is no curator's statement
        (in_draft if quad.graph_name.value in drafts else elsewhere).add(quad.subject.value)
    return in_draft - elsewhere


ENGINES = ("oxigraph", "pyshacl")

_IRI_IN_TEXT = re.compile(r"https?://[^\s<>\"{}|^`\\,;]*[^\s<>\"{}|^`\\,;.]")


@dataclass
class Context:
    """What every scope of one run shares: the whole store (for labels and locations) and the index."""

    store: ox.Store
    files: list[GraphFile]
    locator: LazyLocator
    drafts: set[str]
    shapes: Graph
    core: Graph
    checks: list[Check]
    rules: dict[str, dict[str, str]]
    engine: str = "oxigraph"  # core SHACL constraints: "oxigraph" (SPARQL, sparql_core.py) or "pyshacl"
    _base: tuple[Graph, set] | None = None

    @classmethod
    def of(cls, store: ox.Store, files: list[GraphFile], engine: str | None = None) -> Context:
        """``engine`` defaults to $KOMMGRAPH_SHACL_ENGINE, else "oxigraph"; "pyshacl" is the reference."""
        engine = engine or os.environ.get("KOMMGRAPH_SHACL_ENGINE") or "oxigraph"
        if engine not in ENGINES:
            raise ValueError(f"unknown SHACL engine {engine!r} (expected one of {', '.join(ENGINES)})")
        shapes = shapes_graph()
        drafts = draft_only_subjects(store, files)
        return cls(
            store,
            files,
            LazyLocator(files, store),
            drafts,
            shapes,
            core_shapes(shapes),
            load_checks(),
            rule_catalogue(shapes),
            engine,
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
