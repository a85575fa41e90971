"""Train the CRF unit tagger on corpus/dev, the five seeds and the converter's fixture texts.

usage: python tools/train_unit_tagger.py OUT   (needs `pip install python-crfsuite`, not a dependency)

Not shipped: in cross-validation over corpus/dev (round 3: 49 texts; round 8: 145 texts, folds by
authority, batches g and h held out) the tagger did not beat the rules on text like the unseen
(benchmarks/unit_tagger_cv.py, docs/converter.md "Round 3: learned unit tagger" and "Round 8: learned
unit reader"). Features: ``unit_tagger_features.features`` (the German set, with the rules' mentions).

Deterministic: the same corpus and features give the same model file, byte for byte (L-BFGS over
sequences in a fixed order; crfsuite writes no time stamp).
"""

from __future__ import annotations

import sys
from pathlib import Path

import pycrfsuite

PARAMS = {"c1": 0.05, "c2": 0.05, "max_iterations": 150, "feature.possible_transitions": True}


def train(seqs: list[tuple[list[list[str]], list[str]]], out: Path) -> None:
    trainer = pycrfsuite.Trainer(verbose=False)
    for feats, tags in seqs:
        trainer.append(feats, tags)
    trainer.set_params(PARAMS)
    out.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(out))


def main(argv: list[str]) -> int:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import unit_tagger_data as data

    if len(argv) != 1:
        print("usage: python tools/train_unit_tagger.py OUT", file=sys.stderr)
        return 2
    out = Path(argv[0])
    docs = data.dev_documents() + data.extra_documents()
    train([seq for doc in docs for seq in data.sequences(doc)], out)
    print(f"{out}: {out.stat().st_size} bytes from {len(docs)} documents")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
