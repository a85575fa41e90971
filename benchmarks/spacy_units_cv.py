"""A spaCy unit recogniser beside the rules: 5 folds by authority over the tune set, then the gate.

usage: nice -n 10 python benchmarks/spacy_units_cv.py [--folds 5] [--epochs N] [--seed S] [--no-gate]
       [--only-fold K] [--json OUT] [--added OUT]

TUNE = corpus/dev without batches o, p, s, t, v; GATE = o+p+s+t+v (the model trained on the whole
tune set; only its totals are printed or written). Folds: tune texts grouped by authority
(``corpus/manifest-*.tsv``; no authority in two folds), groups placed largest first into the fold with
the fewest texts (ties by name), as ``unit_tagger_data.authority_folds``. Every model is also trained on
the five seeds and the converter's fixture texts. corpus/test, holdout and fresh are never read.
Variants, each scored by ``kommgraph evaluate``'s ``score_graph`` (units and events) through the
converter (``spacy_units_reader.use``): rules; spacy (alone); union; veto. ``--added`` writes, for
the tune folds only, the units the union gains and invents per text (for reading kinds, not committed).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tools"))

import spacy_units_data as sdata  # noqa: E402
import spacy_units_reader as reader  # noqa: E402
import unit_tagger_data as data  # noqa: E402

from kommgraph.convert.evaluate import Counts, score_graph  # noqa: E402
from kommgraph.convert.graph import to_graph  # noqa: E402
from kommgraph.store.sources import read_source  # noqa: E402

VARIANTS = ("rules", "spacy", "union", "veto")
MODE = {"spacy": "alone", "union": "union", "veto": "veto"}


class Reads:
    """The converter's recorded sentences per document (``unit_tagger_data.read``), read once."""

    def __init__(self):
        self.by_stem: dict[str, list] = {}

    def of(self, docs: list) -> list:
        out = []
        for d in docs:
            if d.stem not in self.by_stem:
                self.by_stem[d.stem] = data.read(d)
            out += self.by_stem[d.stem]
        return out


def score(held: list, tagger: reader.Tagger, added: dict | None) -> dict:
    """{stem: {variant: (units Counts, events Counts)}} of the held-out documents."""
    rows = {}
    for doc in held:
        gold = json.loads(doc.path.with_suffix(".json").read_text(encoding="utf-8"))
        source = read_source(doc.path)
        reader.use(None)
        rules = score_graph(gold, to_graph(source))
        row = {"rules": (rules.units, rules.events)}
        for variant, mode in MODE.items():
            reader.use(reader.Hook(tagger, mode))
            got = score_graph(gold, to_graph(source))
            row[variant] = (got.units, got.events)
            if added is not None and variant == "union":
                added[doc.stem] = {
                    "gained": sorted(set(rules.missed["units"]) - set(got.missed["units"])),
                    "invented": sorted(set(got.invented["units"]) - set(rules.invented["units"])),
                }
        reader.use(None)
        rows[doc.stem] = row
    return rows


def totals(rows: dict) -> dict:
    out: dict = {"documents": len(rows)}
    for v in VARIANTS:
        u, e = Counts(), Counts()
        for row in rows.values():
            u.add(row[v][0])
            e.add(row[v][1])
        out[v] = {
            "units": [*u.prf(), u.tp, u.predicted, u.gold],
            "events": [*e.prf(), e.tp, e.predicted, e.gold],
        }
    return out


def counts(c: Counts) -> list[int]:
    return [c.tp, c.predicted, c.gold]


def cv_totals(result: dict, rows: dict) -> list[str]:
    """Totals over all folds and over the two halves of the tune set (odd/even file order)."""
    result["tune_cv"] = totals(rows)
    table = line("tune CV", result["tune_cv"])
    for half, pick in (("half odd", 0), ("half even", 1)):
        stems = sorted(rows)[pick::2]
        result[f"tune_cv_{half}"] = totals({s: rows[s] for s in stems})
        table += line(f"tune CV {half}", result[f"tune_cv_{half}"])
    return table


def merge(paths: list[str], out: str | None) -> int:
    """Join the results of runs over different folds (``--only-fold``) into one."""
    result: dict = {"folds": {}, "rows": {}}
    for path in paths:
        part = json.loads(Path(path).read_text(encoding="utf-8"))
        result["folds"] |= part.get("folds", {})
        result["rows"] |= part.get("rows", {})
        result |= {k: v for k, v in part.items() if k not in result or k in ("gate", "cost")}
    rows = {s: {v: tuple(Counts(*c) for c in row[v]) for v in VARIANTS} for s, row in result["rows"].items()}
    table = [row for k, block in sorted(result["folds"].items()) for row in line(k, block)]
    table += cv_totals(result, rows) if rows else []
    table += line("gate", result["gate"]) if "gate" in result else []
    print("\n".join(table))
    if out:
        Path(out).write_text(json.dumps(result, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return 0


def tag_cost(nlp, reads: list, docs: list) -> dict:
    """ms per document of the model alone over the documents' sentences; load time and size on disk."""
    import spacy
    from spacy.tokens import Doc

    fresh = reader.Tagger(nlp)
    t0 = time.perf_counter()
    for d in docs:
        for r in reads.by_stem[d.stem]:
            fresh.tags(r.text, r.tokens)
    per_doc = (time.perf_counter() - t0) * 1000 / len(docs)
    sentences = [r for d in docs for r in reads.by_stem[d.stem]]
    t0 = time.perf_counter()
    batch = [Doc(nlp.vocab, *sdata.words_and_spaces(r.text, r.tokens)) for r in sentences]
    for _ in nlp.pipe(batch, batch_size=256):
        pass
    batched = (time.perf_counter() - t0) * 1000 / len(docs)
    with tempfile.TemporaryDirectory() as tmp:
        nlp.to_disk(tmp)
        size = sum(p.stat().st_size for p in Path(tmp).rglob("*") if p.is_file())
        t0 = time.perf_counter()
        spacy.load(tmp)
        load = (time.perf_counter() - t0) * 1000
    return {
        "tag_ms_per_doc": round(per_doc, 2),
        "batched_ms_per_doc": round(batched, 2),
        "load_ms": round(load, 1),
        "model_bytes": size,
    }


def line(label: str, block: dict) -> list[str]:
    out = []
    for v in VARIANTS:
        u, e = block[v]["units"], block[v]["events"]
        out.append(
            f"| {label} | {block['documents']} | {v} | {u[2]} ({u[0]}/{u[1]}) | {u[3]}/{u[4]}/{u[5]} "
            f"| {e[2]} ({e[0]}/{e[1]}) |"
        )
    return out


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--epochs", type=int, default=8)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--width", type=int, default=reader.TOK2VEC["width"])
    ap.add_argument("--depth", type=int, default=reader.TOK2VEC["depth"])
    ap.add_argument("--no-gate", action="store_true")
    ap.add_argument("--no-align", action="store_true", help="skip the alignment count (reads tune twice)")
    ap.add_argument("--no-folds", action="store_true")
    ap.add_argument("--only-fold", type=int, nargs="*", help="run only these folds (1-based)")
    ap.add_argument("--json", help="write the totals to this file")
    ap.add_argument("--merge", nargs="+", help="join the JSON results of several runs (with --json OUT)")
    ap.add_argument("--added", help="tune folds: write what the union gains and invents per text here")
    args = ap.parse_args()
    if args.merge:
        return merge(args.merge, args.json)
    tok2vec = {"width": args.width, "depth": args.depth}
    tune, gate, extra = sdata.tune_documents(), sdata.gate_documents(), data.extra_documents()
    reads = Reads()
    t0 = time.process_time()
    reads.of(tune + extra)
    result: dict = {
        "epochs": args.epochs, "seed": args.seed, "tok2vec": tok2vec, "tune_documents": len(tune),
        "gate_documents": len(gate), "read_cpu_s": round(time.process_time() - t0, 1), "folds": {},
    }  # fmt: skip
    if not args.no_align:
        found, total = data.align_report(tune)
        result["aligned_gold_units"] = [found, total]
        print(f"alignment: {found}/{total} tune gold units tagged at least once", flush=True)
    all_rows: dict = {}
    added: dict = {}
    table = ["| texts | docs | variant | units F1 (P/R) | found/pred/gold | events F1 (P/R) |", "|---|" * 6]
    folds = [] if args.no_folds else data.authority_folds(tune, args.folds)
    for k, held in enumerate(folds, 1):
        if args.only_fold and k not in args.only_fold:
            continue
        train_docs = [d for f in folds if f is not held for d in f]
        c0, w0 = time.process_time(), time.perf_counter()
        nlp, losses = reader.train(reads.of(train_docs + extra), args.epochs, args.seed, tok2vec)
        cpu, wall = time.process_time() - c0, time.perf_counter() - w0
        rows = score(held, reader.Tagger(nlp), added)
        all_rows |= rows
        block = totals(rows) | {
            "train_cpu_s": round(cpu, 1),
            "train_wall_s": round(wall, 1),
            "losses": losses,
        }
        result["folds"][f"fold {k}"] = block
        table += line(f"fold {k}", block)
        print(
            "\n".join(line(f"fold {k}", block)), f"train cpu {cpu:.0f}s wall {wall:.0f}s", losses, flush=True
        )
        if k == (args.only_fold or [1])[0]:
            result["cost"] = tag_cost(nlp, reads, held)
            print("cost", result["cost"], flush=True)
    if all_rows:
        result["rows"] = {
            stem: {v: [counts(c) for c in row[v]] for v in VARIANTS} for stem, row in all_rows.items()
        }
        table += cv_totals(result, all_rows)
    if not args.no_gate:
        c0 = time.process_time()
        nlp, losses = reader.train(reads.of(tune + extra), args.epochs, args.seed, tok2vec)
        cpu = time.process_time() - c0
        result["gate"] = totals(score(gate, reader.Tagger(nlp), None)) | {"train_cpu_s": round(cpu, 1)}
        table += line("gate", result["gate"])
    print("\n".join(table))
    if args.json:
        Path(args.json).write_text(json.dumps(result, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    if args.added:
        Path(args.added).write_text(json.dumps(added, indent=1, sort_keys=True, ensure_ascii=False), "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
