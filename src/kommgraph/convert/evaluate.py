"""Precision, recall and F1 of converter output against hand-annotated gold facts.

Matching follows ``GOLD-FORMAT.md``: names compared after NFC, case folding, dash and quote
normalisation, white-space folding and dropping a leading article (a trailing parenthesised
abbreviation may be left out); events match one-to-one within their type class by a shared
resulting unit name (original units when gold names none); dates must be lexically equal.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph
from rdflib.namespace import DCTERMS, FOAF, RDF, RDFS, SKOS

from kommgraph.core.vocab import KG, ORG

EVENT_CLASSES = {
    "founding": {"Founding"},
    "renaming": {"Renaming"},
    "merger": {"Merger", "Absorption"},
    "split": {"Split", "SpinOff"},
    "transfer_of_tasks": {"TransferOfFunctions"},
    "dissolution": {"Dissolution"},
    "restructuring": {"Relocation", "Split", "SpinOff", "Merger", "Absorption", "ChangeEvent"},
}
EVENT_NAMES = sorted(set().union(*EVENT_CLASSES.values()))


def norm(text: str) -> str:
    text = unicodedata.normalize("NFC", str(text)).casefold()
    text = text.replace("\u2013", "-").replace("\u2014", "-").replace("\u00ad", "")
    text = re.sub(r"[\"'\u201e\u201c\u201d\u00bb\u00ab]", "", text)
    text = re.sub(r"\s+", " ", text).strip(" .,;:")
    return re.sub(r"^(die|der|das|dem|den|des) ", "", text)


def variants(name: str) -> set[str]:
    n = norm(name)
    short = re.sub(r"\s*\([^()]*\)$", "", n).strip()
    return {n, short} if short else {n}


def _labels(graph: Graph, node) -> set[str]:
    out: set[str] = set()
    for prop in (SKOS.prefLabel, SKOS.altLabel, RDFS.label, FOAF.name):
        for value in graph.objects(node, prop):
            out |= variants(value)
    return out


@dataclass
class Counts:
    tp: int = 0
    predicted: int = 0
    gold: int = 0

    def add(self, other: Counts) -> None:
        self.tp += other.tp
        self.predicted += other.predicted
        self.gold += other.gold

    def prf(self) -> tuple[float, float, float]:
        p = self.tp / self.predicted if self.predicted else (1.0 if self.gold == 0 else 0.0)
        r = self.tp / self.gold if self.gold else 1.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return round(p, 3), round(r, 3), round(f, 3)


@dataclass
class Score:
    units: Counts = field(default_factory=Counts)
    events: Counts = field(default_factory=Counts)
    persons: Counts = field(default_factory=Counts)
    dates: list[int] = field(default_factory=lambda: [0, 0])
    issued: list[int] = field(default_factory=lambda: [0, 0])
    place: list[int] = field(default_factory=lambda: [0, 0])
    documents: int = 0

    def add(self, other: Score) -> None:
        for name in ("units", "events", "persons"):
            getattr(self, name).add(getattr(other, name))
        for name in ("dates", "issued", "place"):
            mine, theirs = getattr(self, name), getattr(other, name)
            mine[0] += theirs[0]
            mine[1] += theirs[1]
        self.documents += other.documents

    def summary(self) -> dict:
        share = lambda pair: round(pair[0] / pair[1], 3) if pair[1] else None  # noqa: E731
        result = {name: dict(zip(("precision", "recall", "f1"), getattr(self, name).prf(), strict=True))
                  for name in ("units", "events", "persons")}  # fmt: skip
        result |= {"event_dates_exact": share(self.dates), "issued_exact": share(self.issued),
                   "place": share(self.place), "documents": self.documents}  # fmt: skip
        return result


def _unit_labels(graph: Graph, event, prop) -> set[str]:
    return set().union(set(), *(_labels(graph, o) for o in graph.objects(event, prop)))


def _events(graph: Graph) -> list[dict]:
    found = []
    for name in EVENT_NAMES:
        for node in graph.subjects(RDF.type, KG[name]):
            found.append({
                "type": name,
                "from": _unit_labels(graph, node, ORG.originalOrganization),
                "to": _unit_labels(graph, node, ORG.resultingOrganization),
                "effective": {str(o) for o in graph.objects(node, KG.effectiveDate)},
            })  # fmt: skip
    return found


def score_graph(gold: dict, graph: Graph) -> Score:
    """Score one document's graph against its gold annotation."""
    score = Score(documents=1)
    units = [_labels(graph, u) for u in set(graph.subjects(RDF.type, KG.AdministrativeUnit))]
    units = [names for names in units if names]
    gold_units = [variants(u["name"]) for u in gold.get("units", [])]
    score.units = Counts(sum(1 for v in gold_units if any(v & n for n in units)), len(units), len(gold_units))
    predicted = _events(graph)
    gold_events = [e for e in gold.get("events", []) if e.get("type") in EVENT_CLASSES]
    used: set[int] = set()
    for ge in gold_events:
        gto = set().union(set(), *(variants(x) for x in ge.get("to") or []))
        gfrom = set().union(set(), *(variants(x) for x in ge.get("from") or []))
        for i, pe in enumerate(predicted):
            if i in used or pe["type"] not in EVENT_CLASSES[ge["type"]]:
                continue
            if (gto and pe["to"] & gto) or (not gto and gfrom and pe["from"] & gfrom):
                used.add(i)
                score.events.tp += 1
                if ge.get("effective"):
                    score.dates[1] += 1
                    score.dates[0] += ge["effective"] in pe["effective"]
                break
    score.events.predicted, score.events.gold = len(predicted), len(gold_events)
    names: set[str] = set()
    for person in set(graph.subjects(RDF.type, FOAF.Person)):
        names |= {norm(o) for o in graph.objects(person, FOAF.name)} or _labels(graph, person)
    gold_names = {norm(p["name"]) for p in gold.get("persons", [])}
    score.persons = Counts(len(names & gold_names), len(names), len(gold_names))
    issued, places = set(), set()
    for source in graph.subjects(RDF.type, KG.SourceDocument):
        issued |= {str(o) for o in graph.objects(source, DCTERMS.issued)}
        for spatial in graph.objects(source, DCTERMS.spatial):
            places |= _labels(graph, spatial)
    if gold.get("published") and gold["published"] != "unknown":
        score.issued = [int(gold["published"] in issued), 1]
    if gold.get("place"):
        score.place = [int(norm(gold["place"]) in places), 1]
    return score


def read_gold(gold_dir: Path) -> dict[str, dict]:
    """Gold annotations by stem; a file that is not valid JSON raises ValueError naming it."""
    gold = {}
    for path in sorted(gold_dir.glob("*.json")):
        try:
            gold[path.stem] = json.loads(path.read_text(encoding="utf-8"))
        except json.JSONDecodeError as exc:
            raise ValueError(f"{path} line {exc.lineno}: not valid JSON: {exc.msg}") from exc
    return gold


def evaluate_sources(gold_dir: Path, sources_dir: Path, gazetteer=None) -> tuple[Score, dict[str, Score]]:
    """Convert each source that has a gold file and score it; sources without gold are skipped."""
    from kommgraph.convert.graph import to_graph
    from kommgraph.store.sources import read_source

    total, per_document = Score(), {}
    for stem, gold in read_gold(gold_dir).items():
        source = sources_dir / f"{stem}.txt"
        graph = to_graph(read_source(source), gazetteer) if source.exists() else Graph()
        per_document[stem] = score_graph(gold, graph)
        total.add(per_document[stem])
    return total, per_document
