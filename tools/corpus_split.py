"""Split corpus/dev into a tune set and a gate set of symbolic links (issue 10's round workflow).

    python tools/corpus_split.py OUT [--dev corpus/dev] [--gate o,p,s,t,v]

OUT/tune gets every text with its gold file except the gate's batches (the prefix of a file name before
the first ``-``); OUT/gate gets those. Helpers tune on OUT/tune and only score OUT/gate (`kommgraph
evaluate --gold OUT/gate --sources OUT/gate --json`), as a stand-in for text no rule was written from.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def split(dev: Path, out: Path, gate: set[str]) -> dict[str, int]:
    counts = {"tune": 0, "gate": 0}
    for part in counts:
        (out / part).mkdir(parents=True, exist_ok=True)
    for gold in sorted(dev.glob("*.json")):
        part = "gate" if gold.name.split("-", 1)[0] in gate else "tune"
        for path in (gold, gold.with_suffix(".txt")):
            link = out / part / path.name
            if not link.exists():
                link.symlink_to(path.resolve())
        counts[part] += 1
    return counts


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--dev", type=Path, default=Path("corpus/dev"))
    parser.add_argument("--gate", default="o,p,s,t,v")
    args = parser.parse_args(argv)
    counts = split(args.dev, args.out, set(args.gate.split(",")))
    print(f"tune {counts['tune']} texts, gate {counts['gate']} texts in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
