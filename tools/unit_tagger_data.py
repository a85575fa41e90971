"""Training data for the CRF unit tagger: gold unit names aligned to their mentions, tagged BIO.

The sentences and the rules' mentions are those the converter itself reads (recorded from
``pipeline.extract`` through ``unit_tagger_features.Reader.observe``), so training sees what the
tagger sees inside the converter. Alignment, per sentence:
1. a mention the rules find whose nominative name is a gold name or alias
   is tagged as it stands: this covers inflected forms (``des Amtes für X``) and plural lists
   (``die Ämter für Umwelt und Verkehr``: the rules cut ``Ämter für Umwelt`` and ``Verkehr`` and
   name them ``Amt für Umwelt`` / ``Amt für Verkehr``; a list item is tagged when its name is gold);
2. every other occurrence of a gold name or alias (longest first), each word allowed a German
   inflection ending (``-s``, ``-es``, ``-en``, ``-n``, ``-e``, ``-er``, ``-em``), on token bounds,
   not overlapping a span tagged before.
A gold unit named only in a form neither step finds (``Ämtern``, a back-reference) stays untagged;
``align_report`` counts them.
"""

from __future__ import annotations

import csv
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import unit_tagger_features as learned  # noqa: E402

from kommgraph.convert.extract.pipeline import extract  # noqa: E402
from kommgraph.convert.extract.unit_phrases import Mention, Token  # noqa: E402
from kommgraph.store.sources import read_source  # noqa: E402

SHARED = ROOT.parent / "shared"
if not SHARED.exists():
    SHARED = Path("/work/shared")
ENDING = r"(?:es|en|er|em|s|n|e)?"


def load_scorer():
    """The project's scorer (``shared/tools/score_extraction.py``) as a module."""
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "score_extraction", SHARED / "tools" / "score_extraction.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


SCORER = load_scorer()


@dataclass
class Document:
    stem: str
    path: Path
    gold_units: list[list[str]]  # each unit: its name, then its aliases


def _gold_units(gold: dict) -> list[list[str]]:
    out = []
    for unit in gold.get("units", []):
        if isinstance(unit, str):
            out.append([unit])
        else:
            out.append([unit["name"], *unit.get("aliases", [])])
    return out


def documents(gold_dir: Path, text_dir: Path) -> list[Document]:
    docs = []
    for path in sorted(gold_dir.glob("*.json")):
        text = text_dir / f"{path.stem}.txt"
        if text.exists():
            gold = json.loads(path.read_text(encoding="utf-8"))
            docs.append(Document(path.stem, text, _gold_units(gold)))
    return docs


def dev_documents() -> list[Document]:
    return documents(ROOT / "corpus" / "dev", ROOT / "corpus" / "dev")


def authorities() -> dict[str, str]:
    """The authority of each corpus text by its stem (``corpus/manifest-*.tsv``)."""
    out = {}
    for manifest in sorted((ROOT / "corpus").glob("manifest-*.tsv")):
        with manifest.open(encoding="utf-8", newline="") as rows:
            for row in csv.DictReader(rows, delimiter="\t"):
                if row.get("authority"):
                    out[Path(row["file"]).stem] = row["authority"]
    return out


def authority_folds(docs: list, folds: int) -> list[list]:
    """The documents (anything with a ``stem``) in ``folds`` groups, no authority in two: authorities
    largest first, each into the fold with the fewest texts (ties by name)."""
    authority = authorities()
    groups: dict[str, list] = {}
    for d in docs:
        groups.setdefault(authority.get(d.stem, d.stem), []).append(d)
    out: list[list] = [[] for _ in range(folds)]
    for name in sorted(groups, key=lambda a: (-len(groups[a]), a)):
        smallest = min(range(folds), key=lambda k: (len(out[k]), k))
        out[smallest] += groups[name]
    return [sorted(f, key=lambda d: d.stem) for f in out]


def extra_documents() -> list[Document]:
    """The five seeds and the converter's fixture texts: always in training, never scored here."""
    seeds = documents(SHARED / "gold" / "seeds", SHARED / "seeds")
    fixtures = documents(ROOT / "tests" / "converter" / "texts", ROOT / "tests" / "converter" / "texts")
    return seeds + fixtures


def _pattern(name: str) -> re.Pattern:
    words = name.split()
    body = r"\s+".join(re.escape(w) + (ENDING if w[-1:].isalpha() else "") for w in words)
    return re.compile(r"(?<!\w)" + body + r"(?!\w)")


def bio(text: str, tokens: list, gold: list[list[str]], mentions: list[Mention]) -> list[str]:
    tags = ["O"] * len(tokens)
    wanted = set().union(*(SCORER.variants(n) for names in gold for n in names)) if gold else set()

    def mark(start: int, end: int) -> None:
        inside = [i for i, t in enumerate(tokens) if t.start >= start and t.end <= end]
        if not inside or any(tags[i] != "O" for i in inside):
            return
        if tokens[inside[0]].start != start or tokens[inside[-1]].end != end:
            return
        for k, i in enumerate(inside):
            tags[i] = "B" if k == 0 else "I"

    for m in mentions:
        if m.name and SCORER.variants(m.name) & wanted:
            mark(m.start, m.end)
    names = sorted({n for names in gold for n in names}, key=lambda n: (-len(n), n))
    for name in names:
        for found in _pattern(name).finditer(text):
            mark(found.start(), found.end())
    return tags


@dataclass
class Read:
    """One sentence as the converter read it."""

    text: str
    tokens: list[Token]
    mentions: list[Mention]
    tags: list[str]  # gold B/I/O


def read(doc: Document) -> list[Read]:
    """The sentences of a document with the rules' mentions, recorded from the converter, tagged."""
    seen: list[tuple[str, list[Token], list[Mention]]] = []
    learned.use(learned.Reader(observe=lambda *sentence: seen.append(sentence)))
    try:
        extract(read_source(doc.path))
    finally:
        learned.use(None)
    return [Read(t, toks, ms, bio(t, toks, doc.gold_units, ms)) for t, toks, ms in seen if toks]


def sequences(
    doc: Document, use_rules: bool = True, feature_set: str = "german"
) -> list[tuple[list[list[str]], list[str]]]:
    """(features, BIO tags) of each sentence of a document."""
    return [to_sequence(r, use_rules, feature_set) for r in read(doc)]


def to_sequence(
    r: Read, use_rules: bool = True, feature_set: str = "german"
) -> tuple[list[list[str]], list[str]]:
    rules = learned.rule_tags(r.tokens, r.mentions) if use_rules else None
    return learned.features(r.tokens, rules, feature_set), r.tags


def align_report(docs: list[Document]) -> tuple[int, int]:
    """(gold units with at least one tagged mention, gold units)."""
    found = total = 0
    for doc in docs:
        tagged = set()
        reads = read(doc)
        for r in reads:
            for s in learned.spans(r.text, r.tokens, r.tags):
                tagged |= SCORER.variants(s.name)
                tagged |= {SCORER.norm(r.text[s.start : s.end])}
        whole = " ".join(r.text for r in reads)
        for names in doc.gold_units:
            total += 1
            found += bool(set().union(*(SCORER.variants(n) for n in names)) & tagged) or any(
                _pattern(n).search(whole) for n in names
            )
    return found, total
