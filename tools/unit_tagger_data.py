"""Training data for the CRF unit tagger: gold unit names aligned to their mentions, tagged BIO.

Alignment, per sentence (the converter's own sentences of the article and the news items after it):
1. a mention the rules find (``units.find_mentions``) whose nominative name is a gold name or alias
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

import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from unit_tagger_features import sentence_items, spans  # noqa: E402

from kommgraph.convert.extract import boilerplate, units  # noqa: E402
from kommgraph.convert.extract.sentences import Sentence, split  # noqa: E402
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


def extra_documents() -> list[Document]:
    """The five seeds and the converter's fixture texts: always in training, never scored here."""
    seeds = documents(SHARED / "gold" / "seeds", SHARED / "seeds")
    fixtures = documents(ROOT / "tests" / "converter" / "texts", ROOT / "tests" / "converter" / "texts")
    return seeds + fixtures


def sentences(path: Path) -> list[Sentence]:
    """The sentences the converter reads: the article, then the dated news items after it."""
    doc = read_source(path)
    page = boilerplate.layout(doc.text, doc.body_start)
    out = split(doc.text, *page.article)
    for start, end in page.news_items:
        out += split(doc.text, start, end)
    return out


def _pattern(name: str) -> re.Pattern:
    words = name.split()
    body = r"\s+".join(re.escape(w) + (ENDING if w[-1:].isalpha() else "") for w in words)
    return re.compile(r"(?<!\w)" + body + r"(?!\w)")


def bio(text: str, tokens: list, gold: list[list[str]]) -> list[str]:
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

    for m in units.find_mentions(text):
        if m.name and SCORER.variants(m.name) & wanted:
            mark(m.start, m.end)
    names = sorted({n for names in gold for n in names}, key=lambda n: (-len(n), n))
    for name in names:
        for found in _pattern(name).finditer(text):
            mark(found.start(), found.end())
    return tags


def sequences(doc: Document) -> list[tuple[list[list[str]], list[str]]]:
    """(features, BIO tags) of each sentence of a document."""
    out = []
    for sentence in sentences(doc.path):
        tokens, feats = sentence_items(sentence.folded)
        if tokens:
            out.append((feats, bio(sentence.folded, tokens, doc.gold_units)))
    return out


def align_report(docs: list[Document]) -> tuple[int, int]:
    """(gold units with at least one tagged mention, gold units)."""
    found = total = 0
    for doc in docs:
        tagged = set()
        for sentence in sentences(doc.path):
            tokens, feats = sentence_items(sentence.folded)
            tags = bio(sentence.folded, tokens, doc.gold_units)
            for s in spans(sentence.folded, tokens, tags):
                tagged |= SCORER.variants(s.name)
                tagged |= {SCORER.norm(sentence.folded[s.start : s.end])}
        for names in doc.gold_units:
            total += 1
            found += bool(set().union(*(SCORER.variants(n) for n in names)) & tagged) or any(
                _pattern(n).search(" ".join(s.folded for s in sentences(doc.path))) for n in names
            )
    return found, total
