"""Train the CRF unit tagger on corpus/dev, the five seeds and the converter's fixture texts.

usage: python tools/train_unit_tagger.py [OUT]   (default: the model file inside the package)

Deterministic: the same corpus and features give the same model file, byte for byte (L-BFGS over
sequences in a fixed order; crfsuite writes no time stamp).
"""

from __future__ import annotations

import sys
from pathlib import Path

import pycrfsuite

PARAMS = {"c1": 0.05, "c2": 0.05, "max_iterations": 150, "feature.possible_transitions": True}
DEFAULT_OUT = (
    Path(__file__).resolve().parent.parent / "src" / "kommgraph" / "convert" / "extract" / "models"
    / "unit_tagger.crfsuite"
)


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

    out = Path(argv[0]) if argv else DEFAULT_OUT
    docs = data.dev_documents() + data.extra_documents()
    train([seq for doc in docs for seq in data.sequences(doc)], out)
    print(f"{out}: {out.stat().st_size} bytes from {len(docs)} documents")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
