"""The SPARQL check queries (queries/checks/*-violation.rq): each row is a finding."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
from rdflib import URIRef

from kommgraph.core import paths
from kommgraph.core.vocab import DEFAULT_BASE
from kommgraph.query import catalogue as queries
from kommgraph.query.engines import OxigraphEngine
from kommgraph.validation.findings import LANGUAGES, Finding
from kommgraph.validation.labels import _short, label_of


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
