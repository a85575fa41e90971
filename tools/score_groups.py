"""Totals of `kommgraph evaluate --json` output per group of corpus batches (issue 10's round notes).

    python tools/score_groups.py EVALUATE.json NAME=SPEC [NAME=SPEC ...]

SPEC is ``all``, a comma-separated list of batch prefixes (the part of a file name before the first ``-``:
``aa,ab``), or the same list after ``-`` for every batch except those (``-o,p,s,t,v``). Each group prints
units, events and persons F1 with (found/predicted/gold), exact dates of matched events and place.
"""

from __future__ import annotations

import json
import sys

COLUMNS = ("tp", "predicted", "gold")


def _f1(found: int, predicted: int, gold: int) -> float:
    precision = found / predicted if predicted else 0.0
    recall = found / gold if gold else 0.0
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def select(documents: dict, spec: str) -> list[str]:
    batch = {name: name.split("-", 1)[0] for name in documents}
    if spec == "all":
        return list(documents)
    if spec.startswith("-"):
        left_out = set(spec[1:].split(","))
        return [name for name in documents if batch[name] not in left_out]
    chosen = set(spec.split(","))
    return [name for name in documents if batch[name] in chosen]


def line(documents: dict, name: str, spec: str) -> str:
    keys = select(documents, spec)
    parts = [f"{name} n={len(keys)}"]
    for fact in ("units", "events", "persons"):
        found, predicted, gold = (sum(documents[k][fact][column] for k in keys) for column in COLUMNS)
        parts.append(f"{fact} {_f1(found, predicted, gold):.3f} ({found}/{predicted}/{gold})")
    dates = [sum(documents[k]["dates"][i] for k in keys) for i in (0, 1)]
    place = [sum(documents[k]["place"][i] for k in keys) for i in (0, 1)]
    parts.append(f"dates {dates[0]}/{dates[1]} place {place[0]}/{place[1]}")
    return "  ".join(parts)


def main(argv: list[str]) -> int:
    if len(argv) < 1:
        print(__doc__, file=sys.stderr)
        return 2
    with open(argv[0], encoding="utf-8") as handle:
        documents = json.load(handle)["per_document"]
    for group in argv[1:] or ["all=all"]:
        name, _, spec = group.partition("=")
        print(line(documents, name, spec or "all"))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
