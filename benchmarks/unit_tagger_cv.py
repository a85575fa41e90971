"""Rules, a CRF unit tagger and their combinations, by 5-fold cross-validation over corpus/dev documents.

usage: python benchmarks/unit_tagger_cv.py [--folds 5] [--json]

Folds: the dev documents sorted by name, document i in fold i mod 5. Each fold's CRF is trained on the
other four folds plus the five seeds and the converter's fixture texts (tests/converter/texts), and
tags the held-out fold. Unit scores use shared/tools/score_extraction.py's normalisation and matching
(`variants`, `predicted`): a gold unit is found when a predicted unit carries one of its name variants;
precision = found gold units / predicted units (the scorer's micro counts). corpus/test is never read.

Variants per held-out document:
- rules: the units of the converter's graph (what the scorer reads);
- crf: one unit per distinct name the CRF tags (inflected heads to the nominative);
- union: the rules' units plus every CRF name that no rule unit carries;
- veto: the rules' units without those whose every rule mention the CRF leaves untagged
  (a rule unit none of whose names the tagger's sentences show as a rule mention is kept).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tools"))

import pycrfsuite  # noqa: E402
import unit_tagger_data as data  # noqa: E402
import unit_tagger_features as learned_units  # noqa: E402
from train_unit_tagger import PARAMS, train  # noqa: E402

from kommgraph.convert.extract import units  # noqa: E402
from kommgraph.convert.graph import to_graph  # noqa: E402
from kommgraph.store.sources import read_source  # noqa: E402

S = data.SCORER
UNION_SURE = (0.0, 0.5, 0.7, 0.9)
VARIANTS = (
    "rules",
    "crf",
    *(f"union>{t}" for t in UNION_SURE),
    *(f"union-new>{t}" for t in UNION_SURE[::3]),
    "veto",
)
VETO_OUTSIDE = 0.9  # a rule mention is vetoed only where the CRF gives every token P(O) >= this


def rule_units(path: Path) -> list[set[str]]:
    units_, *_ = S.predicted(to_graph(read_source(path)))
    return [names for _, names in sorted(units_.items())]


DROP: tuple[str, ...] = ()  # feature prefixes left out (ablation: --without-rules-feature)


def strip(feats: list[list[str]]) -> list[list[str]]:
    if not DROP:
        return feats
    return [[f for f in token if not any(d in f for d in DROP)] for token in feats]


def crf_view(tagger: pycrfsuite.Tagger, path: Path) -> tuple[list[set[str]], set[str], set[str], float]:
    """(CRF units, names of rule mentions the CRF supports, names of all rule mentions, seconds)."""
    t0 = time.perf_counter()
    names: dict[str, set[str]] = {}
    supported, mentioned = set(), set()
    for sentence in data.sentences(path):
        tokens, feats = learned_units.sentence_items(sentence.folded)
        if not tokens:
            continue
        tagger.set(strip(feats))
        tags = tagger.tag()
        outside = [tagger.marginal("O", i) for i in range(len(tokens))]
        for s in learned_units.spans(
            sentence.folded, tokens, tags, learned_units.rule_names(sentence.folded)
        ):
            inside = [i for i, t in enumerate(tokens) if t.start >= s.start and t.end <= s.end]
            sure = min(1 - outside[i] for i in inside)
            key = S.norm(s.name)
            names[key] = (max(sure, names[key][0]) if key in names else sure, S.variants(s.name))
        for m in units.find_mentions(sentence.folded):
            if not m.name:
                continue
            mentioned |= S.variants(m.name)
            inside = [i for i, t in enumerate(tokens) if t.start >= m.start and t.end <= m.end]
            if any(outside[i] < VETO_OUTSIDE for i in inside):
                supported |= S.variants(m.name)
    seconds = time.perf_counter() - t0
    crf = [names[k] for k in sorted(names)]
    return crf, supported | set().union(*(c[1] for c in crf)), mentioned, seconds


def count(predicted: list[set[str]], gold: list[list[str]]) -> tuple[int, int, int]:
    gold_sets = [set().union(*(S.variants(n) for n in names)) for names in gold]
    found = sum(any(g & p for p in predicted) for g in gold_sets)
    return found, len(predicted), len(gold_sets)


def _overlaps(names: set[str], labels: set[str]) -> bool:
    """True when a name is one of the labels, or its words stand inside one of them or hold one."""
    return any(f" {a} " in f" {b} " or f" {b} " in f" {a} " for a in names for b in labels)


def combine(rules: list[set[str]], crf: list, supported: set[str], mentioned: set[str]) -> dict:
    out = {"rules": rules, "crf": [c[1] for c in crf]}
    for t in UNION_SURE:
        out[f"union>{t}"] = rules + [c[1] for c in crf if c[0] > t and not any(c[1] & r for r in rules)]
    for t in UNION_SURE[::3]:
        out[f"union-new>{t}"] = rules + [
            c[1] for c in crf if c[0] > t and not any(_overlaps(c[1], r) for r in rules)
        ]
    out["veto"] = [r for r in rules if r & supported or not r & mentioned]
    return out


def prf(found: int, predicted: int, gold: int) -> tuple[float, float, float]:
    p = found / predicted if predicted else 0.0
    r = found / gold if gold else 1.0
    return round(p, 3), round(r, 3), round(2 * p * r / (p + r), 3) if p + r else 0.0


def held_out_counts(train_seqs: list, held: list, model: Path, timing: dict) -> dict[str, list[int]]:
    """Train on ``train_seqs``, tag ``held``: found/predicted/gold per variant."""
    t0 = time.perf_counter()
    train(train_seqs, model)
    timing["train_s"].append(time.perf_counter() - t0)
    t0 = time.perf_counter()
    tagger = pycrfsuite.Tagger()
    tagger.open(str(model))
    timing["load_ms"].append((time.perf_counter() - t0) * 1000)
    counts = {v: [0, 0, 0] for v in VARIANTS}
    for doc in held:
        t0 = time.perf_counter()
        rules = rule_units(doc.path)
        timing["rules_ms"].append((time.perf_counter() - t0) * 1000)
        crf, supported, mentioned, seconds = crf_view(tagger, doc.path)
        timing["tag_ms"].append(seconds * 1000)
        for variant, predicted in combine(rules, crf, supported, mentioned).items():
            for k, n in enumerate(count(predicted, doc.gold_units)):
                counts[variant][k] += n
    return counts


def split_folds(docs: list, folds: int, fold: int) -> tuple[list, list]:
    """(training documents, held-out documents): document i is in fold i mod ``folds``."""
    return (
        [d for i, d in enumerate(docs) if i % folds != fold],
        [d for i, d in enumerate(docs) if i % folds == fold],
    )


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--without-rules-feature", action="store_true", help="ablation: no rule=B/I/O features")
    ap.add_argument("--dev-only", action="store_true", help="ablation: train without seeds and fixtures")
    ap.add_argument(
        "--nested",
        action="store_true",
        help="also choose the union's threshold (or the rules alone) by inner CV on each training part",
    )
    ap.add_argument("--c1", type=float)
    ap.add_argument("--c2", type=float)
    args = ap.parse_args()
    global DROP
    DROP = ("rule=",) if args.without_rules_feature else ()
    for key in ("c1", "c2"):
        if getattr(args, key) is not None:
            PARAMS[key] = getattr(args, key)
    dev = data.dev_documents()
    extra = [] if args.dev_only else data.extra_documents()
    extra_seqs = [(strip(f), t) for doc in extra for f, t in data.sequences(doc)]
    dev_seqs = {d.stem: [(strip(f), t) for f, t in data.sequences(d)] for d in dev}
    totals = {v: [0, 0, 0] for v in VARIANTS}
    nested = [0, 0, 0]
    chosen = []
    per_fold = []
    timing = {"tag_ms": [], "rules_ms": [], "load_ms": [], "train_s": []}
    with tempfile.TemporaryDirectory() as tmp:
        model = Path(tmp) / "fold.crfsuite"
        for fold in range(args.folds):
            train_docs, held = split_folds(dev, args.folds, fold)
            seqs = [seq for d in train_docs for seq in dev_seqs[d.stem]] + extra_seqs
            fold_counts = held_out_counts(seqs, held, model, timing)
            for v, c in fold_counts.items():
                totals[v] = [a + b for a, b in zip(totals[v], c, strict=True)]
            per_fold.append({v: prf(*c)[2] for v, c in fold_counts.items()} | {"documents": len(held)})
            if args.nested:
                inner = {v: [0, 0, 0] for v in VARIANTS}
                for k in range(args.folds - 1):
                    inner_train, inner_held = split_folds(train_docs, args.folds - 1, k)
                    inner_seqs = [seq for d in inner_train for seq in dev_seqs[d.stem]] + extra_seqs
                    for v, c in held_out_counts(
                        inner_seqs, inner_held, model, {k: [] for k in timing}
                    ).items():
                        inner[v] = [a + b for a, b in zip(inner[v], c, strict=True)]
                options = ["rules", *(f"union>{t}" for t in UNION_SURE)]
                best = max(options, key=lambda v: (prf(*inner[v])[2], -options.index(v)))
                chosen.append(best)
                nested = [a + b for a, b in zip(nested, fold_counts[best], strict=True)]
    result = {
        "micro": {
            v: dict(zip(("precision", "recall", "f1"), prf(*c), strict=True)) for v, c in totals.items()
        },
        "counts": {v: dict(zip(("found", "predicted", "gold"), c, strict=True)) for v, c in totals.items()},
        "per_fold_f1": per_fold,
        "ms_per_document": {k: round(sum(v) / len(v), 2) for k, v in timing.items() if k.endswith("ms")},
        "train_s_per_fold": round(sum(timing["train_s"]) / len(timing["train_s"]), 2),
        "documents": len(dev),
        "params": dict(PARAMS),
        "without_rules_feature": bool(DROP),
        "training_extra_documents": len(extra),
    }
    if args.nested:
        result["nested"] = {"chosen": chosen} | dict(
            zip(("precision", "recall", "f1"), prf(*nested), strict=True)
        )
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    print(
        "| variant | P | R | F1 | found/predicted/gold | "
        + " | ".join(f"fold {i + 1}" for i in range(args.folds))
        + " |"
    )
    print("|---|---|---|---|---|" + "---|" * args.folds)
    for v in VARIANTS:
        m = result["micro"][v]
        folds = " | ".join(str(f[v]) for f in per_fold)
        found = "/".join(str(n) for n in totals[v])
        print(f"| {v} | {m['precision']} | {m['recall']} | {m['f1']} | {found} | {folds} |")
    if args.nested:
        n = result["nested"]
        print(f"nested choice per fold {n['chosen']}: P {n['precision']} R {n['recall']} F1 {n['f1']}")
    print(
        f"documents per fold: {[f['documents'] for f in per_fold]}; time: {result['ms_per_document']}, "
        f"training {result['train_s_per_fold']} s per fold"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
