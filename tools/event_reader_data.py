"""Training data for the learned event reader: candidates the converter reads, labelled from the gold.

The converter is run as it is; ``event_reader.Settings.observe`` records its article sentences (with
their unit mentions as ``«U<i>»`` placeholders and the mentions' resolved names) and the rules' events
before the reader would act. Candidates are (sentence, named mention) pairs, as ``event_reader``
builds them. Labels: each gold event's evidence quote is located in the source text (white space
folded); the sentences it overlaps are its sentences; the gold ``to`` names (``from`` when no ``to``)
are matched to the candidates of those sentences by the scorer's name variants. A matched candidate is
labelled with the gold type; every other candidate is ``none``. ``align_report`` counts why a gold
event aligns to no candidate.
"""

from __future__ import annotations

import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import json  # noqa: E402

import unit_tagger_data as unit_data  # noqa: E402

from kommgraph.convert.extract import event_reader  # noqa: E402
from kommgraph.convert.extract.pipeline import extract  # noqa: E402
from kommgraph.store.sources import read_source  # noqa: E402

SCORER = unit_data.SCORER
NONE = event_reader.NONE
WHOLE = True  # label by the whole text's gold events where the quotes give no label


@dataclass
class Candidate:
    stem: str
    name: str
    features: list[str]
    label: str
    rule_types: tuple[str, ...]


def _folded(text: str) -> tuple[str, list[int]]:
    """The text with white space runs folded to one space and soft hyphens dropped; each char's offset."""
    out, where = [], []
    space = False
    for k, ch in enumerate(text):
        if ch == "\u00ad":
            continue
        if ch.isspace():
            if not space:
                out.append(" ")
                where.append(k)
            space = True
            continue
        space = False
        out.append(ch)
        where.append(k)
    return "".join(out), where


def _find_quote(folded: str, where: list[int], quote: str) -> tuple[int, int] | None:
    q, _ = _folded(quote.strip())
    for probe in (q, q[:60], q[-60:]):
        probe = probe.strip(' .…"„“')
        if len(probe) < 12:
            continue
        k = folded.find(probe)
        if k >= 0:
            return where[k], where[min(k + len(probe), len(where) - 1)]
    return None


def _variants(names: list[str]) -> set[str]:
    return set().union(*(SCORER.variants(n) for n in names)) if names else set()


def observe(path: Path):
    """(facts before the reader, article reads) of one text, as the converter records them."""
    seen = []
    previous = event_reader.current()
    event_reader.use(event_reader.Settings(observe=lambda facts, reads: seen.append((facts, list(reads)))))
    try:
        source = read_source(path)
        extract(source)
    finally:
        event_reader.use(previous)
    facts, reads = seen[0]
    return source, facts, reads


def labelled(path: Path, gold: dict, reasons: Counter | None = None, whole: bool = WHOLE) -> list[Candidate]:
    """The candidates of one text with their gold labels; ``reasons`` counts alignments and failures.

    ``whole``: a candidate the quotes do not label takes the type of a gold event that changes its unit
    anywhere in the text (the rules may state it from another sentence than the annotator quoted)."""
    source, facts, reads = observe(path)
    cands = [
        (r, i, n, event_reader.features(r, i, rules))
        for r, i, n, rules in event_reader.candidates(facts, reads)
    ]
    roles = event_reader.rule_roles(facts)
    labels: dict[int, str] = {}
    folded, where = _folded(source.text)
    for ge in gold.get("events", []):
        if ge.get("type") not in event_reader.KIND:
            continue
        wanted = _variants(ge.get("to") or ge.get("from") or [])
        found = _find_quote(folded, where, ge.get("evidence", ""))
        reason = "aligned"
        if found is None:
            reason = "quote not found in the text"
        else:
            start, end = found
            inside = [read for read in reads if read.span.start < end and start < read.span.end]
            spread = len(inside) > 1
            hits = [
                k
                for k, (read, _i, name, _f) in enumerate(cands)
                if any(read is r for r in inside) and SCORER.variants(name) & wanted and k not in labels
            ]
            if not inside:
                reason = "quote outside the article sentences (headline, list, noise)"
            elif not hits:
                reason = "unit not among the sentence's mentions" + (
                    " (quote spans sentences)" if spread else ""
                )
            else:
                labels[hits[0]] = ge["type"]
                reason = "aligned" + (" (quote spans sentences)" if spread else "")
        if reasons is not None:
            reasons[reason] += 1
    changes = [(_variants(ge.get("to") or ge.get("from") or []), ge["type"]) for ge in gold.get("events", [])]
    for k, (_read, _i, name, _f) in enumerate(cands):
        if whole and k not in labels:
            kinds = (t for v, t in changes if t in event_reader.KIND and SCORER.variants(name) & v)
            labels[k] = next(kinds, NONE)
    return [
        Candidate(path.stem, name, feats, labels.get(k, NONE), roles.get((read.span.start, name), ()))
        for k, (read, _i, name, feats) in enumerate(cands)
    ]


def dev_texts(exclude: tuple[str, ...] = ("o-", "p-", "s-", "t-")) -> list[Path]:
    """The dev texts with gold, without the gate's batches (o, p) and the lead's unseen ones (s, t)."""
    dev = ROOT / "corpus" / "dev"
    return [
        p.with_suffix(".txt")
        for p in sorted(dev.glob("*.json"))
        if not p.stem.startswith(exclude) and p.with_suffix(".txt").exists()
    ]


def gold_of(path: Path) -> dict:
    return json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))


def align_report(paths: list[Path]) -> Counter:
    reasons: Counter = Counter()
    for path in paths:
        labelled(path, gold_of(path), reasons)
    return reasons


if __name__ == "__main__":
    report = align_report(dev_texts())
    for reason, count in report.most_common():
        print(f"{count:5d}  {reason}")
