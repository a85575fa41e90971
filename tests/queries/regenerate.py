"""Run every case of tests/queries/NAME/CASE.json and show where the rows differ from the expected ones.

    python tests/queries/regenerate.py            # print a unified diff per changed case; exit 1 if any
    python tests/queries/regenerate.py --write    # also write the new rows (the "reviewed" record is
                                                  # dropped from a changed case: review it again)

Expected rows are reviewed by hand against the source texts in data/sources/ and carry a "reviewed"
record (date, by whom, what was checked). A regenerated case is not reviewed until someone reads it.
"""

from __future__ import annotations

import difflib
import json
import sys
from pathlib import Path

from kommgraph.query import catalogue as queries
from kommgraph.query.engines import OxigraphEngine
from kommgraph.query.result import display
from kommgraph.store.load import load

CASES = Path(__file__).resolve().parent
ROOT = CASES.parents[1]


def rows_of(case: dict, name: str, bundled) -> tuple[list[str], list[list[str]]]:
    stored = queries.catalogue()[name]
    store = load(ROOT / case["data"]).store if "data" in case else bundled.store
    result = OxigraphEngine(store).select(stored.bind(case["params"]))
    return result.variables, [[display(t) for t in row] for row in result.rows]


def main(write: bool) -> int:
    bundled = load(ROOT / "data")
    changed = 0
    for path in sorted(CASES.glob("*/*.json")):
        case = json.loads(path.read_text(encoding="utf-8"))
        variables, rows = rows_of(case, path.parent.name, bundled)
        if variables == case["variables"] and rows == case["rows"]:
            continue
        changed += 1
        old = json.dumps({"variables": case["variables"], "rows": case["rows"]}, ensure_ascii=False, indent=2)
        new = json.dumps({"variables": variables, "rows": rows}, ensure_ascii=False, indent=2)
        name = str(path.relative_to(ROOT))
        sys.stdout.writelines(
            difflib.unified_diff(old.splitlines(True), new.splitlines(True), name, name + " (now)")
        )
        if write:
            case.update(variables=variables, rows=rows)
            case.pop("reviewed", None)
            path.write_text(json.dumps(case, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"{changed} case(s) differ", file=sys.stderr)
    return 1 if changed else 0


if __name__ == "__main__":
    sys.exit(main("--write" in sys.argv[1:]))
