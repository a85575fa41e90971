"""tools/corpus_split.py and tools/score_groups.py: the round workflow's tune/gate sets and group totals."""

from __future__ import annotations

import importlib.util
from pathlib import Path

TOOLS = Path(__file__).resolve().parents[2] / "tools"


def _tool(name: str):
    spec = importlib.util.spec_from_file_location(name, TOOLS / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_split_puts_the_gate_batches_apart(tmp_path: Path) -> None:
    dev = tmp_path / "dev"
    dev.mkdir()
    for stem in ("o-01_a", "aa-01_b", "aa-02_c"):
        (dev / f"{stem}.json").write_text("{}", encoding="utf-8")
        (dev / f"{stem}.txt").write_text("x", encoding="utf-8")
    counts = _tool("corpus_split").split(dev, tmp_path / "sets", {"o"})
    assert counts == {"tune": 2, "gate": 1}
    assert sorted(p.name for p in (tmp_path / "sets" / "gate").iterdir()) == ["o-01_a.json", "o-01_a.txt"]
    assert (tmp_path / "sets" / "tune" / "aa-02_c.txt").resolve() == (dev / "aa-02_c.txt").resolve()


def _doc(tp: int, predicted: int, gold: int, place: int) -> dict:
    counts = {"tp": tp, "predicted": predicted, "gold": gold}
    return {"units": counts, "events": counts, "persons": counts, "dates": [1, 2], "place": [place, 1]}


def test_group_totals_sum_the_chosen_batches() -> None:
    documents = {"o-01_a": _doc(1, 2, 2, 1), "aa-01_b": _doc(2, 2, 4, 0), "ab-01_c": _doc(0, 1, 1, 1)}
    line = _tool("score_groups").line
    assert line(documents, "aa", "aa") == (
        "aa n=1  units 0.667 (2/2/4)  events 0.667 (2/2/4)  persons 0.667 (2/2/4)  dates 1/2 place 0/1"
    )
    assert line(documents, "rest", "-o").startswith("rest n=2  units 0.500 (2/3/5)")
    assert line(documents, "all", "all").endswith("dates 3/6 place 2/3")
