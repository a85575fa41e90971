"""The evidence check: quotes at their offsets in the source texts, and each source's sha256."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pyoxigraph as ox

from kommgraph.store.dataset import DataLayout
from kommgraph.store.sources import read_text
from kommgraph.store.terms import to_rdflib
from kommgraph.validation.findings import Finding

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
    texts: dict[str, str | None] = {}

    def text_of(doc: str) -> str | None:
        source_id = doc.rsplit("/", 1)[-1]
        if source_id not in texts:
            path = layout.source_text(source_id)
            texts[source_id] = read_text(path) if path.exists() else None
        return texts[source_id]

    findings = []
    for doc, sha in _rows(store, _HASH_QUERY):
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
    for evidence, exact, start, end, doc in _rows(store, _EVIDENCE_QUERY):
        if touched is not None and str(evidence) not in touched:
            continue
        text = text_of(str(doc))
        if text is None:
            continue
        s, e = _integer(start), _integer(end)
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


_INTEGER = "http://www.w3.org/2001/XMLSchema#integer"


def _rows(store: ox.Store, query: str) -> list[tuple]:
    """The query's rows, each term as its text (an IRI or a literal's lexical form) except the offsets.

    No conversion of every term into rdflib: at 1M triples that took longer than the queries."""
    solutions = store.query(query)
    names = [v.value for v in solutions.variables]
    return [
        tuple(term if name in ("start", "end") else term.value for name, term in zip(names, row, strict=True))
        for row in solutions
    ]


def _integer(term) -> int:
    """An offset as rdflib's ``int(Literal)`` reads it (fast for the usual xsd:integer)."""
    if isinstance(term, ox.Literal) and term.datatype.value == _INTEGER:
        try:
            return int(term.value)
        except ValueError:
            pass
    return int(to_rdflib(term))
