"""Train the learned event reader: multinomial logistic regression, full-batch gradient descent.

usage: python tools/train_event_reader.py OUT.json   (the shipped one: src/kommgraph/convert/extract/models/)

Trains on dev without batches o, p (the gate) and s, t (the lead's unseen samples). Deterministic: the
candidates come in file order, features are sorted, the descent starts at zero and runs a fixed number
of steps; weights are rounded and written with sorted keys, so the same input gives the same bytes.
The converter's thresholds are ``event_reader.ADD_THRESHOLD``/``VETO_THRESHOLD`` (None: off).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

import event_reader_data as data  # noqa: E402

LABELS = [
    "none",
    "founding",
    "renaming",
    "merger",
    "split",
    "transfer_of_tasks",
    "dissolution",
    "restructuring",
]
# a feature is kept when texts of at least ``min_authorities`` authorities show it: words of the
# language, not the names and places of one authority's texts
PARAMS = {"l2": 1.0, "steps": 300, "rate": 0.1, "min_authorities": 3, "digits": 3}


def fit(candidates: list, params: dict | None = None) -> dict:
    """{"labels", "weights": {feature: [w per label]}} from labelled candidates."""
    p = PARAMS | (params or {})
    authority = data.unit_data.authorities()
    seen: dict[str, set[str]] = {}
    for c in candidates:
        for f in c.features:
            seen.setdefault(f, set()).add(authority.get(c.stem, c.stem))
    vocab = sorted(f for f, where in seen.items() if len(where) >= p["min_authorities"])
    index = {f: k for k, f in enumerate(vocab)}
    rows, cols = [], []
    for r, c in enumerate(candidates):
        for f in sorted(set(c.features)):
            if f in index:
                rows.append(r)
                cols.append(index[f])
    rows_a, cols_a = np.array(rows, dtype=np.int64), np.array(cols, dtype=np.int64)
    n, d, k = len(candidates), len(vocab), len(LABELS)
    y = np.zeros((n, k))
    y[np.arange(n), [LABELS.index(c.label) for c in candidates]] = 1.0
    w = np.zeros((d, k))
    # sum of the log losses + l2/2 |w|^2, by gradient steps scaled per feature by its curvature bound
    # (a quarter of its frequency, plus l2): stable for rare and frequent features alike
    frequency = np.bincount(cols_a, minlength=d).astype(float)
    scale = (p["rate"] / (0.25 * frequency + p["l2"]))[:, None]
    for _ in range(p["steps"]):
        scores = np.zeros((n, k))
        np.add.at(scores, rows_a, w[cols_a])
        scores -= scores.max(axis=1, keepdims=True)
        probs = np.exp(scores)
        probs /= probs.sum(axis=1, keepdims=True)
        grad = np.zeros_like(w)
        np.add.at(grad, cols_a, (probs - y)[rows_a])
        w -= scale * (grad + p["l2"] * w)
    weights = {}
    for f, row in zip(vocab, w, strict=True):
        rounded = [round(float(x), p["digits"]) for x in row]
        if any(abs(x) >= 10 ** -p["digits"] for x in rounded):
            weights[f] = [x if x != 0 else 0.0 for x in rounded]
    return {"labels": LABELS, "weights": weights}


def dump(model: dict, out: Path) -> None:
    body = dict(model)
    out.write_text(
        json.dumps(body, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n", "utf-8"
    )


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("out", type=Path)
    args = ap.parse_args()
    candidates = [c for path in data.dev_texts() for c in data.labelled(path, data.gold_of(path))]
    model = fit(candidates)
    dump(model, args.out)
    print(f"{len(candidates)} candidates, {len(model['weights'])} features -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
