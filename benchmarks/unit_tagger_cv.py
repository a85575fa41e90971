"""Rules, a CRF unit tagger and their combinations, by cross-validation over corpus/dev, folds by authority.

usage: python benchmarks/unit_tagger_cv.py [--folds 5] [--heldout-gh | --tune | --gate]
       [--without-rules-feature]
       [--features base|german] [--c1 X --c2 Y] [--nested] [--json]

Folds: the dev texts grouped by their authority (``corpus/manifest-*.tsv``; no authority in two folds),
groups placed largest first into the fold with the fewest texts (ties by name). ``--heldout-gh``
instead trains on every dev text outside batches g and h and tags g and h (the batches the rules were
never tuned on). Each CRF is trained on its training texts plus the five seeds and the converter's
fixture texts. corpus/test, corpus/holdout and corpus/fresh are never read.

The rules are the converter as it is (tuned on dev: their cross-validated score is optimistic; the
g+h figures are the fairer comparison). Scores are ``kommgraph evaluate``'s (``score_graph``).
Variants per held-out text:
- rules: the converter without the model;
- crf: one unit per distinct name the CRF tags (the rules' name where a tagged run is a rule mention);
- union>t: the converter with the model (``learned.with_tagged``): the CRF's names where no rule
  mention stands, each token's P(B or I) above t, fed into the mentions events are read from
  (units and events scored);
- veto: the rules' units without those whose every rule mention the CRF gives P(O) >= 0.9.
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
import unit_tagger_features as learned  # noqa: E402
from train_unit_tagger import PARAMS, train  # noqa: E402

from kommgraph.convert.evaluate import Counts, score_graph  # noqa: E402
from kommgraph.convert.graph import to_graph  # noqa: E402
from kommgraph.store.sources import read_source  # noqa: E402

S = data.SCORER
UNION_SURE = (0.5, 0.7, 0.9, 0.97)
VARIANTS = ("rules", "crf", *(f"union>{t}" for t in UNION_SURE), "veto")
VETO_OUTSIDE = 0.9
UNSEEN = ("g-", "h-")  # batches never tuned on
GATE = ("o-", "p-", "s-", "t-", "v-")  # round 12's gate: left out of the folds with --tune
SHOW_AT = 0.7  # --show-added: the union's added false and gained true units at this threshold


class Setup:
    def __init__(self, use_rules: bool, feature_set: str):
        self.use_rules, self.feature_set = use_rules, feature_set
        self.reads: dict[str, list] = {}

    def reads_of(self, doc) -> list:
        if doc.stem not in self.reads:
            self.reads[doc.stem] = data.read(doc)
        return self.reads[doc.stem]

    def seqs(self, docs: list) -> list:
        return [data.to_sequence(r, self.use_rules, self.feature_set) for d in docs for r in self.reads_of(d)]


def crf_view(setup: Setup, tagger, doc) -> tuple[list[set[str]], set[str], set[str], float]:
    """(CRF units, names of rule mentions the CRF supports, names of all rule mentions, seconds)."""
    t0 = time.perf_counter()
    names: dict[str, set[str]] = {}
    supported, mentioned = set(), set()
    for r in setup.reads_of(doc):
        rules = learned.rule_tags(r.tokens, r.mentions) if setup.use_rules else None
        tagger.set(learned.features(r.tokens, rules, setup.feature_set))
        tags = tagger.tag()
        outside = [tagger.marginal("O", i) for i in range(len(r.tokens))]
        named = {(m.start, m.end): m.name for m in r.mentions if m.name}
        for s in learned.spans(r.text, r.tokens, tags, named):
            names.setdefault(S.norm(s.name), S.variants(s.name))
        for m in r.mentions:
            if not m.name:
                continue
            mentioned |= S.variants(m.name)
            inside = [i for i, t in enumerate(r.tokens) if t.start >= m.start and t.end <= m.end]
            if any(outside[i] < VETO_OUTSIDE for i in inside):
                supported |= S.variants(m.name)
    crf = [names[k] for k in sorted(names)]
    return crf, supported | set().union(*crf), mentioned, time.perf_counter() - t0


def unit_counts(predicted: list[set[str]], gold: list[list[str]]) -> Counts:
    gold_sets = [set().union(*(S.variants(n) for n in names)) for names in gold]
    return Counts(sum(any(g & p for p in predicted) for g in gold_sets), len(predicted), len(gold_sets))


def graph_units(graph) -> list[set[str]]:
    units_, *_ = S.predicted(graph)
    return [names for _, names in sorted(units_.items())]


def held_out(setup: Setup, train_docs: list, extra: list, held: list, model: Path, timing: dict) -> dict:
    """Train on ``train_docs`` + ``extra``, score ``held``: {stem: {variant: (units, events)}}."""
    t0 = time.perf_counter()
    train(setup.seqs(train_docs) + setup.seqs(extra), model)
    timing["train_s"].append(time.perf_counter() - t0)
    tagger = pycrfsuite.Tagger()
    tagger.open(str(model))
    out = {}
    for doc in held:
        gold = json.loads(doc.path.with_suffix(".json").read_text(encoding="utf-8"))
        source = read_source(doc.path)
        learned.use(None)
        rules_graph = to_graph(source)
        rules_score = score_graph(gold, rules_graph)
        row = {"rules": (rules_score.units, rules_score.events)}
        for t in UNION_SURE:
            learned.use(
                learned.Reader(tagger, sure=t, use_rules=setup.use_rules, feature_set=setup.feature_set)
            )
            t0 = time.perf_counter()
            union = score_graph(gold, to_graph(source))
            timing["convert_ms"].append((time.perf_counter() - t0) * 1000)
            row[f"union>{t}"] = (union.units, union.events)
            if t == SHOW_AT:
                row["added"] = sorted(set(union.invented["units"]) - set(rules_score.invented["units"]))
                row["gained"] = sorted(set(rules_score.missed["units"]) - set(union.missed["units"]))
        learned.use(None)
        crf, supported, mentioned, seconds = crf_view(setup, tagger, doc)
        timing["tag_ms"].append(seconds * 1000)
        row["crf"] = (unit_counts(crf, doc.gold_units), None)
        rules = graph_units(rules_graph)
        veto = [r for r in rules if r & supported or not r & mentioned]
        row["veto"] = (unit_counts(veto, doc.gold_units), None)
        out[doc.stem] = row
    return out


def total(rows: dict, stems, variant: str) -> tuple[Counts, Counts | None]:
    units_, events = Counts(), Counts()
    for stem in stems:
        u, e = rows[stem][variant]
        units_.add(u)
        if e is not None:
            events.add(e)
    return units_, (events if rows and rows[next(iter(stems))][variant][1] is not None else None)


def report(rows: dict, groups: list[tuple[str, list[str]]]) -> dict:
    out = {}
    for label, stems in groups:
        if not stems:
            continue
        out[label] = {"documents": len(stems)}
        for v in VARIANTS:
            u, e = total(rows, stems, v)
            out[label][v] = {"units": [*u.prf(), u.tp, u.predicted, u.gold]} | (
                {"events": [*e.prf(), e.tp, e.predicted, e.gold]} if e else {}
            )
    return out


def run(args, setup: Setup, dev: list, extra: list, timing: dict) -> tuple[dict, list]:
    rows: dict = {}
    with tempfile.TemporaryDirectory() as tmp:
        model = Path(tmp) / "fold.crfsuite"
        if args.gate:
            held = [d for d in dev if d.stem.startswith(GATE)]
            train_docs = [d for d in dev if not d.stem.startswith(GATE)]
            rows |= held_out(setup, train_docs, extra, held, model, timing)
            return rows, [("gate o+p+s+t+v (trained on the tune set; totals only)", [d.stem for d in held])]
        if args.heldout_gh:
            held = [d for d in dev if d.stem.startswith(UNSEEN)]
            train_docs = [d for d in dev if not d.stem.startswith(UNSEEN)]
            rows |= held_out(setup, train_docs, extra, held, model, timing)
            return rows, [("g+h (trained on the rest of dev)", [d.stem for d in held])]
        folds = data.authority_folds(dev, args.folds)
        groups = []
        for k, held in enumerate(folds):
            train_docs = [d for f in folds if f is not held for d in f]
            rows |= held_out(setup, train_docs, extra, held, model, timing)
            groups.append((f"fold {k + 1}", [d.stem for d in held]))
    stems = [d.stem for d in dev]
    groups = [
        ("all", stems),
        ("g+h", [s for s in stems if s.startswith(UNSEEN)]),
        ("not g+h", [s for s in stems if not s.startswith(UNSEEN)]),
        *groups,
    ]
    return rows, groups


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--heldout-gh", action="store_true", help="train on dev outside batches g, h; tag g, h")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--without-rules-feature", action="store_true", help="ablation: no rule=B/I/O features")
    ap.add_argument("--features", choices=learned.SETS, default="german")
    ap.add_argument("--show-added", action="store_true", help=f"list what union>{SHOW_AT} adds per text")
    ap.add_argument("--rows", help="write per-text counts (units, events per variant) to this JSON file")
    ap.add_argument("--tune", action="store_true", help="round 12: folds over dev without o, p, s, t, v")
    ap.add_argument("--gate", action="store_true", help="round 12: train on the tune set, tag o+p+s+t+v")
    ap.add_argument("--c1", type=float)
    ap.add_argument("--c2", type=float)
    args = ap.parse_args()
    for key in ("c1", "c2"):
        if getattr(args, key) is not None:
            PARAMS[key] = getattr(args, key)
    setup = Setup(not args.without_rules_feature, args.features)
    dev, extra = data.dev_documents(), data.extra_documents()
    if args.tune:
        dev = [d for d in dev if not d.stem.startswith(GATE)]
    timing = {"tag_ms": [], "convert_ms": [], "train_s": []}
    rows, groups = run(args, setup, dev, extra, timing)
    result = {
        "scores": report(rows, groups),
        "ms": {k: round(sum(v) / len(v), 2) for k, v in timing.items() if v and k.endswith("ms")},
        "train_s": round(sum(timing["train_s"]) / len(timing["train_s"]), 1),
        "params": dict(PARAMS),
        "rules_feature": setup.use_rules,
        "features": setup.feature_set,
    }
    if args.json:
        print(json.dumps(result, indent=1))
        return 0
    print(f"params {PARAMS} rules feature {setup.use_rules} features {setup.feature_set}")
    print("| texts | docs | variant | units P | R | F1 | found/pred/gold | events F1 (P/R) |")
    print("|---|---|---|---|---|---|---|---|")
    for label, block in result["scores"].items():
        for v in VARIANTS:
            u = block[v]["units"]
            e = block[v].get("events")
            ev = f"{e[2]} ({e[0]}/{e[1]})" if e else ""
            counts = f"{u[3]}/{u[4]}/{u[5]}"
            print(f"| {label} | {block['documents']} | {v} | {u[0]} | {u[1]} | {u[2]} | {counts} | {ev} |")
    if args.rows:
        per_text = {
            stem: {v: [[c.tp, c.predicted, c.gold] if c else None for c in row[v]] for v in VARIANTS}
            for stem, row in rows.items()
        }
        Path(args.rows).write_text(json.dumps(per_text, indent=0, sort_keys=True), encoding="utf-8")
    if args.show_added:
        for stem, row in sorted(rows.items()):
            if row["added"] or row["gained"]:
                print(f"{stem}: gained {row['gained']} invented {row['added']}")
    print(f"time: {result['ms']} ms per text; training {result['train_s']} s per model")
    return 0


if __name__ == "__main__":
    sys.exit(main())
