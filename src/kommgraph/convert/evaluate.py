"""Precision, recall and F1 of converter output against hand-annotated gold facts.

Matching follows ``GOLD-FORMAT.md`` and ``shared/tools/score_extraction.py`` exactly: names compared
after NFC, case folding, dash and quote normalisation, white-space folding and dropping a leading
article (a trailing parenthesised abbreviation may be left out); a gold unit also matches by one of its
``aliases``; persons are compared without academic titles; events match one-to-one within their type
class by a shared resulting unit name (original units when gold names none); dates must be lexically
equal; the place matches the gold ``place`` or one of its ``place_aliases``.

Besides the counts, every document's score lists what was missed (gold facts not found) and what was
invented (predicted facts that match no gold fact), so failure kinds can be counted.
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
ACADEMIC = re.compile(
    r"^((prof|dr|dipl|mag|ing|med|rer|nat|phil|jur|habil|h\.\s*c|dres|mba|ll\.m)[.\-\w]*\s+)+"
)


def norm(text: str) -> str:
    text = unicodedata.normalize("NFC", str(text)).casefold()
    text = text.replace("\u2013", "-").replace("\u2014", "-").replace("\u00ad", "")
    text = re.sub(r"[\"'\u201e\u201c\u201d\u00bb\u00ab]", "", text)
    text = re.sub(r"\s+", " ", text).strip(" .,;:")
    return re.sub(r"^(die|der|das|dem|den|des) ", "", text)


def norm_person(name: str) -> str:
    """A person's name without academic titles (Dr., Prof. Dr., Dipl.-Ing., Mag.)."""
    return ACADEMIC.sub("", norm(name)).strip()


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


def _shown(graph: Graph, node) -> str:
    """One label to show for a node: its preferred label, else the first label in order."""
    for prop in (SKOS.prefLabel, FOAF.name, RDFS.label, SKOS.altLabel):
        values = sorted(str(v) for v in graph.objects(node, prop))
        if values:
            return values[0]
    return str(node)


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
    missed: dict[str, list] = field(default_factory=dict)  # fact type -> gold facts not found
    invented: dict[str, list] = field(default_factory=dict)  # fact type -> predicted facts matching none

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

    def details(self) -> dict:
        """Counts, misses and inventions of one document, for ``evaluate --json``."""
        counts = (("units", self.units), ("events", self.events), ("persons", self.persons))
        out: dict = {name: {"tp": c.tp, "predicted": c.predicted, "gold": c.gold} for name, c in counts}
        out |= {"dates": self.dates, "issued": self.issued, "place": self.place}
        out["missed"] = {k: v for k, v in self.missed.items() if v}
        out["invented"] = {k: v for k, v in self.invented.items() if v}
        return out


def _unit_labels(graph: Graph, event, prop) -> set[str]:
    return set().union(set(), *(_labels(graph, o) for o in graph.objects(event, prop)))


def _unit_shown(graph: Graph, event, prop) -> list[str]:
    return sorted(_shown(graph, o) for o in graph.objects(event, prop))


def _events(graph: Graph) -> list[dict]:
    found = []
    for name in EVENT_NAMES:
        for node in graph.subjects(RDF.type, KG[name]):
            found.append({
                "type": name,
                "from": _unit_labels(graph, node, ORG.originalOrganization),
                "to": _unit_labels(graph, node, ORG.resultingOrganization),
                "effective": {str(o) for o in graph.objects(node, KG.effectiveDate)},
                "shown": {"type": name, "from": _unit_shown(graph, node, ORG.originalOrganization),
                          "to": _unit_shown(graph, node, ORG.resultingOrganization),
                          "effective": sorted(str(o) for o in graph.objects(node, KG.effectiveDate))},
            })  # fmt: skip
    return found


def _score_units(gold: dict, graph: Graph, score: Score) -> None:
    nodes = [(u, _labels(graph, u)) for u in set(graph.subjects(RDF.type, KG.AdministrativeUnit))]
    nodes = [(u, names) for u, names in nodes if names]
    gold_units = [
        (u["name"], set().union(variants(u["name"]), *(variants(a) for a in u.get("aliases", []))))
        for u in gold.get("units", [])
    ]
    found = [name for name, v in gold_units if any(v & names for _, names in nodes)]
    score.units = Counts(len(found), len(nodes), len(gold_units))
    score.missed["units"] = [name for name, v in gold_units if name not in found]
    every_gold = set().union(set(), *(v for _, v in gold_units))
    score.invented["units"] = sorted(_shown(graph, u) for u, names in nodes if not names & every_gold)


def _score_events(gold: dict, graph: Graph, score: Score) -> None:
    predicted = _events(graph)
    gold_events = [e for e in gold.get("events", []) if e.get("type") in EVENT_CLASSES]
    used: set[int] = set()
    missed, wrong_dates = [], []
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
                    exact = ge["effective"] in pe["effective"]
                    score.dates[0] += exact
                    if not exact:
                        wrong_dates.append({"event": _gold_event(ge), "predicted": sorted(pe["effective"])})
                break
        else:
            missed.append(_gold_event(ge))
    score.events.predicted, score.events.gold = len(predicted), len(gold_events)
    score.missed["events"] = missed
    score.missed["dates"] = wrong_dates
    unmatched = (pe["shown"] for i, pe in enumerate(predicted) if i not in used)
    score.invented["events"] = sorted(unmatched, key=str)


def _gold_event(event: dict) -> dict:
    return {k: event.get(k) for k in ("type", "from", "to", "effective")}


def score_graph(gold: dict, graph: Graph) -> Score:
    """Score one document's graph against its gold annotation."""
    score = Score(documents=1)
    _score_units(gold, graph, score)
    _score_events(gold, graph, score)
    names: dict[str, str] = {}
    for person in set(graph.subjects(RDF.type, FOAF.Person)):
        shown = _shown(graph, person)
        for value in graph.objects(person, FOAF.name):
            names.setdefault(norm_person(value), shown)
        if not list(graph.objects(person, FOAF.name)):
            for value in _labels(graph, person):
                names.setdefault(norm_person(value), shown)
    gold_names = {norm_person(p["name"]): p["name"] for p in gold.get("persons", [])}
    score.persons = Counts(len(names.keys() & gold_names.keys()), len(names), len(gold_names))
    score.missed["persons"] = sorted(v for k, v in gold_names.items() if k not in names)
    score.invented["persons"] = sorted({v for k, v in names.items() if k not in gold_names})
    issued, places, place_shown = set(), set(), []
    for source in graph.subjects(RDF.type, KG.SourceDocument):
        issued |= {str(o) for o in graph.objects(source, DCTERMS.issued)}
        for spatial in graph.objects(source, DCTERMS.spatial):
            places |= _labels(graph, spatial)
            place_shown.append(_shown(graph, spatial))
    if gold.get("published") and gold["published"] != "unknown":
        score.issued = [int(gold["published"] in issued), 1]
        if not score.issued[0]:
            score.missed["issued"] = [{"gold": gold["published"], "predicted": sorted(issued)}]
    if gold.get("place"):
        wanted = set().union(variants(gold["place"]), *(variants(a) for a in gold.get("place_aliases", [])))
        score.place = [int(bool(wanted & places)), 1]
        if not score.place[0]:
            score.missed["place"] = [{"gold": gold["place"], "predicted": sorted(place_shown)}]
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
    from kommgraph.store.sources import SourceError, read_source

    total, per_document = Score(), {}
    for stem, gold in read_gold(gold_dir).items():
        source = sources_dir / f"{stem}.txt"
        try:
            graph = to_graph(read_source(source), gazetteer) if source.exists() else Graph()
        except SourceError:
            raise
        except Exception as exc:  # a converter bug: name the document it met, as `convert` does
            raise RuntimeError(f"{source}: {type(exc).__name__}: {exc}") from exc
        per_document[stem] = score_graph(gold, graph)
        total.add(per_document[stem])
    return total, per_document
