"""The learned event reader beside the rules, by cross-validation over dev without o, p; then the gate.

usage: python benchmarks/event_reader_cv.py [--folds 5] [--gate] [--json] [--l2 X]

Texts (round 11): the tune set, corpus/dev without the gate batches o, p, s, t and v (361 texts).
Folds by authority (``corpus/manifest-*.tsv`` via ``tools/unit_tagger_data.authorities``; no authority
in two folds; groups placed largest first into the fold with the fewest texts). Each fold's model is
trained on the other four folds' candidates (``tools/event_reader_data.py``), and every held-out text
is converted with each variant and scored by ``kommgraph evaluate``'s own ``score_graph``:
- rules: the converter without the reader;
- add>t: events the reader adds where the rules have none for the unit (P(type) > t);
- veto>t: rule events dropped whose unit the reader gives P(none) > t;
- both>a/v.
"chosen": for each held-out fold, the variant with the best events F1 on the OTHER folds (each scored
by its own held-out model), so no fold's threshold is picked on its own texts.

``--gate``: a model trained on all tune texts with the variant chosen on the whole cross-validation,
applied to o+p+s+t+v (118 texts never read by a rule): totals only, rules against the chosen variant.
corpus/test, corpus/holdout and corpus/fresh are never read.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

import event_reader_data as data  # noqa: E402
import train_event_reader as trainer  # noqa: E402
import unit_tagger_data  # noqa: E402

from kommgraph.cli.convert import _gazetteer  # noqa: E402
from kommgraph.convert.evaluate import Counts, score_graph  # noqa: E402
from kommgraph.convert.extract import event_reader  # noqa: E402
from kommgraph.convert.graph import to_graph  # noqa: E402
from kommgraph.store.sources import read_source  # noqa: E402

ADD = (0.5, 0.7, 0.9)
VETO = (0.7, 0.9, 0.97)
BOTH = ((0.7, 0.9), (0.9, 0.9), (0.9, 0.97))
VARIANTS = (
    ("rules", None, None),
    *((f"add>{a}", a, None) for a in ADD),
    *((f"veto>{v}", None, v) for v in VETO),
    *((f"both>{a}/{v}", a, v) for a, v in BOTH),
)
GATE = ("o-", "p-", "s-", "t-", "v-")


def score_texts(paths: list[Path], model, variants, gazetteer, timing: dict) -> dict:
    """{stem: {variant: (units Counts, events Counts)}}."""
    rows: dict = {}
    for path in paths:
        gold = data.gold_of(path)
        source = read_source(path)
        row = {}
        for label, add, veto in variants:
            event_reader.use(event_reader.Settings(add=add, veto=veto, model=model))
            t0 = time.perf_counter()
            graph = to_graph(source, gazetteer)
            timing.setdefault(label, []).append((time.perf_counter() - t0) * 1000)
            s = score_graph(gold, graph)
            row[label] = (s.units, s.events)
        rows[path.stem] = row
    event_reader.use(event_reader.Settings())  # the rules alone
    return rows


def total(rows: dict, stems, label: str) -> tuple[Counts, Counts]:
    u, e = Counts(), Counts()
    for stem in stems:
        u.add(rows[stem][label][0])
        e.add(rows[stem][label][1])
    return u, e


def line(name: str, n: int, label: str, u: Counts, e: Counts) -> str:
    ep, er, ef = e.prf()
    return f"| {name} | {n} | {label} | {ef} ({ep}/{er}) | {e.tp}/{e.predicted}/{e.gold} | {u.prf()[2]} |"


def cost(paths: list[Path]) -> str:
    """The reader's own cost: loading the shipped model, and ``apply`` (features, probabilities, add
    and veto) per text, with both parts on."""
    t0 = time.perf_counter()
    model = event_reader.load()
    load_ms = (time.perf_counter() - t0) * 1000
    observed = [data.observe(p)[1:] for p in paths]
    event_reader.use(event_reader.Settings(add=0.5, veto=0.9, model=model))
    t0 = time.perf_counter()
    for facts, reads in observed:
        event_reader.apply(facts, reads)
    per_text = (time.perf_counter() - t0) * 1000 / len(observed)
    event_reader.use(event_reader.Settings())
    return f"model load {load_ms:.1f} ms; reader {per_text:.3f} ms per text (add and veto on)"


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--gate", action="store_true", help="also train on tune, score the gate (totals)")
    ap.add_argument("--json", type=Path, help="write the table's numbers to this file")
    ap.add_argument("--l2", type=float)
    ap.add_argument("--cost", action="store_true", help="only time the model load and the reader")
    ap.add_argument("--quote-labels", action="store_true", help="label only by the gold quotes' sentences")
    args = ap.parse_args()
    data.WHOLE = not args.quote_labels
    if args.l2 is not None:
        trainer.PARAMS["l2"] = args.l2
    event_reader.use(event_reader.Settings())
    gazetteer = _gazetteer(None)
    paths = data.dev_texts(GATE)
    if args.cost:
        print(cost(paths))
        return 0
    candidates = {p.stem: data.labelled(p, data.gold_of(p), whole=data.WHOLE) for p in paths}
    folds = unit_tagger_data.authority_folds(paths, args.folds)  # paths of one directory: stem order
    rows: dict = {}
    timing: dict = {}
    for held in folds:
        train = [c for f in folds if f is not held for p in f for c in candidates[p.stem]]
        model = event_reader.Model(**trainer.fit(train))
        rows |= score_texts(held, model, VARIANTS, gazetteer, timing)
    fold_stems = [[p.stem for p in f] for f in folds]
    print("| texts | docs | variant | events F1 (P/R) | found/pred/gold | units F1 |")
    print("|---|---|---|---|---|---|")
    out: dict = {"cv": {}, "chosen": [], "gate": {}}
    everything = [s for f in fold_stems for s in f]
    for label, *_ in VARIANTS:
        u, e = total(rows, everything, label)
        print(line("tune", len(everything), label, u, e))
        out["cv"].setdefault("all", {})[label] = [*e.prf(), *u.prf()]
    chosen_u, chosen_e = Counts(), Counts()
    for k, stems in enumerate(fold_stems):
        others = [s for j, f in enumerate(fold_stems) if j != k for s in f]
        best = max(VARIANTS, key=lambda v: (total(rows, others, v[0])[1].prf()[2], v[0] == "rules"))[0]
        u, e = total(rows, stems, best)
        chosen_u.add(u)
        chosen_e.add(e)
        out["chosen"].append(best)
        for label in dict.fromkeys(("rules", best)):
            fu, fe = total(rows, stems, label)
            print(line(f"fold {k + 1}", len(stems), label + (" (chosen)" if label == best else ""), fu, fe))
            out["cv"].setdefault(f"fold {k + 1}", {})[label] = [*fe.prf(), *fu.prf()]
        for label, *_ in VARIANTS:
            fu, fe = total(rows, stems, label)
            out["cv"].setdefault(f"fold {k + 1}", {})[label] = [*fe.prf(), *fu.prf()]
    print(line("tune", len(everything), "chosen per fold", chosen_u, chosen_e))
    ms = {k: round(sum(v) / len(v), 2) for k, v in timing.items()}
    print(
        f"convert ms per text (graph included): rules {ms['rules']}, "
        + ", ".join(f"{k} {v}" for k, v in ms.items() if k != "rules")
    )
    if args.gate:
        best = max(VARIANTS, key=lambda v: (total(rows, everything, v[0])[1].prf()[2], v[0] == "rules"))
        model = event_reader.Model(**trainer.fit([c for p in paths for c in candidates[p.stem]]))
        gate = [
            p.with_suffix(".txt")
            for p in sorted((ROOT / "corpus" / "dev").glob("*.json"))
            if p.stem.startswith(GATE)
        ]
        gate_rows = score_texts(gate, model, [VARIANTS[0], best], gazetteer, {})
        stems = [p.stem for p in gate]
        for label in ("rules", best[0]):
            u, e = total(gate_rows, stems, label)
            print(line("gate o+p+s+t+v", len(stems), label, u, e))
            out["gate"][label] = [*e.prf(), *u.prf()]
    if args.json:
        args.json.write_text(json.dumps(out, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
