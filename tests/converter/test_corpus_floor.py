"""The converter on the real annotated corpus (corpus/dev): scores must not fall below what was reached.

Floors sit a few points under the scores measured when they were set (docs/converter.md); raise them
when the converter gets better. corpus/test is held out and never scored here.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kommgraph.convert.evaluate import evaluate_sources

DEV = Path(__file__).resolve().parents[2] / "corpus" / "dev"
# Round 7 folded the 48 texts of round 6's unseen set (batches e and f) into dev; round 8 folded round 7's
# unseen set (batches g and h: German, Austrian and Swiss municipalities, scored twice before) the same way,
# and added batches k and l (49 new texts, annotated without running the converter): dev went from 97 to 196
# texts and its scores fell from units 0.881, events 0.658, persons 0.944 to units 0.798, events 0.554,
# persons 0.922, exact dates 0.889, place 0.908 (main 165f6db); round 8's event rules (conv-events8) then
# gave events 0.603, and its unit rules (conv-units8) units 0.817: the floors follow.
# Round 9 folded round 8's unseen set (batches i and j, 46 texts) into dev and added batches o and p (49 texts
# annotated blind, never read by any rule): dev went from 196 to 291 texts and, with round 9's rules, scores
# units 0.785, events 0.553, persons 0.919, exact dates 0.876, place 0.914 (main 042d227). The floors are
# lower than round 8's because the set changed (a harder mix), not because the converter got worse: on round
# 8's texts every score rose (docs/converter.md, "Round 9").
# Round 10 folded round 9's unseen set (batches m and n, 48 texts: German municipalities and districts,
# Austrian and Swiss towns, German state agencies; batch n the hardest of the corpus) into dev: dev 339 scores
# units 0.768, events 0.519, persons 0.910, exact dates 0.879, place 0.897 with round 9's converter (712485b).
# Round 10 then added batches s and t (48 texts annotated blind; German cities and state bodies, small German,
# Austrian and Swiss towns): dev 387 scores units 0.756, events 0.492, persons 0.908, exact dates 0.881, place
# 0.884 with the same converter; batch v (21 texts, blind, the same mix) gave dev 408: units 0.750, events
# 0.479, persons 0.911, exact dates 0.874, place 0.865. Round 10's rules (conv-events10, conv-units10,
# conv-place10) then gave dev 408 units 0.762, events 0.493, persons 0.911, exact dates 0.893, place 0.902.
# Round 11 folded round 10's unseen set (batches q, r, u: 71 texts, German districts and municipalities,
# Austrian and Swiss towns, German authorities of every level) into dev: dev 479 scores units 0.754, events
# 0.470, persons 0.912, exact dates 0.873, place 0.894 (main b4eca5f's converter). The events floor falls with
# the harder set (q and u score events 0.18 and 0.17), not with the converter.
# The convention review (corpus/REVIEW-round11.md) and round 11's rules (conv-units11, conv-events11,
# conv-place11) then gave dev 479 units 0.766, events 0.492, persons 0.912, exact dates 0.885, place 0.931.
# Round 12 folded round 11's unseen set (batches w, x, y, z: 96 texts, German districts and municipalities,
# Austrian and Swiss towns, German authorities of every level, change texts of all three countries) into dev:
# dev 575 scores units 0.749, events 0.450, persons 0.909, exact dates 0.864, place 0.897 with the same
# converter (main deeeb6a). The floors fall with the harder set (its events 0.221, place 70 of 96), not with
# the converter.
# Round 12's rules (conv-units12, conv-events12, conv-place12) then gave dev 575 units 0.761, events 0.481,
# persons 0.910, exact dates 0.877, place 0.918.
# Round 13 folded round 12's unseen set (batches aa, ab, ac, ad: 92 texts, German municipalities and
# districts, Austrian, Swiss and German state bodies, change texts of federal bodies) into dev: dev 667 scores
# units 0.760, events 0.451, persons 0.907, exact dates 0.857, place 0.907 with the same converter (main
# 7f61c48). The events and dates floors fall with the harder set (its events 0.315, exact dates 10 of 15),
# not with the converter.
# Round 13's rules (conv-units13, conv-events13, conv-place13) then gave dev 667 units 0.766, events 0.482,
# persons 0.916, exact dates 0.865, place 0.922 (the unseen set of round 13 did not move: docs/converter.md).
# Round 14 folded round 13's unseen set (batches ae, af, ag, ah, ai: 85 texts, German municipalities,
# districts and Land bodies, small Austrian and Swiss municipalities) into dev: dev 752 scores units 0.755,
# events 0.450, persons 0.905, exact dates 0.856, place 0.900 with the same converter (main 8a4aec4). The
# floors fall with the harder set (its events 0.142, place 60 of 85), not with the converter.
FLOORS = {"units": 0.75, "events": 0.44, "persons": 0.90}
# exact dates are a share of the *matched* events: round 5 (conv-units5) lowered it from 0.88 because two
# more events now match (their unit names are found) whose dates the text does not give exactly enough;
# the events with an exact date stayed 34 (of 37 matched before, of 39 after). Round 8 (conv-place8) raised
# dev 196 to exact dates 0.920 and place 0.923: the floors follow with room for other branches' merges.
# round 9 (conv-place9) gave dev 242 exact dates 0.909 and place 0.930: the place floor follows; the dates
# floor stays, as other branches' events change which events match.
# round 11 (conv-place11) gave dev 479 exact dates 0.897 and place 0.931: the place floor follows to 0.91.
# round 12's fold (batches w, x, y, z; see above) gave dev 575 exact dates 0.864 and place 0.897.
# round 12 (conv-place12) gave dev 575 exact dates 0.879 and place 0.918: the place floor follows to 0.90.
# round 13's fold (batches aa, ab, ac, ad; see above) gave dev 667 exact dates 0.857, place 0.907.
# round 13 (conv-place13) gave dev 667 exact dates 0.865 and place 0.922: the place floor follows to 0.91.
# round 14's fold (batches ae, af, ag, ah, ai; see above) gave dev 752 exact dates 0.856, place 0.900.
SHARE_FLOORS = {"event_dates_exact": 0.85, "place": 0.89}


@pytest.fixture(scope="module")
def summary() -> dict:
    if not any(DEV.glob("*.json")):
        pytest.skip("corpus/dev is not in this checkout")
    total, _ = evaluate_sources(DEV, DEV)
    return total.summary()


@pytest.mark.parametrize("fact", sorted(FLOORS))
def test_f1_floor(summary: dict, fact: str) -> None:
    assert summary[fact]["f1"] >= FLOORS[fact]


@pytest.mark.parametrize("share", sorted(SHARE_FLOORS))
def test_share_floor(summary: dict, share: str) -> None:
    assert summary[share] >= SHARE_FLOORS[share]


SCORER = Path(__file__).resolve().parents[3] / "shared" / "tools" / "score_extraction.py"


def test_evaluate_gives_the_scorers_totals(summary: dict, tmp_path: Path) -> None:
    """`kommgraph evaluate` and shared/tools/score_extraction.py match facts the same way."""
    if not SCORER.exists():
        pytest.skip("shared/tools/score_extraction.py is not beside this checkout")
    import importlib.util

    from kommgraph.convert.graph import convert_file

    spec = importlib.util.spec_from_file_location("score_extraction", SCORER)
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)
    # The scorer walks its event types as a set, whose order follows Python's string hashing and so changes
    # from process to process; where one gold event could match predicted events of two types (corpus/dev
    # ae-11), which one it takes, and so the exact-date share, depends on that order. `evaluate` walks them
    # sorted; the scorer is compared in the same order.
    scorer.ALL_EVENT_NAMES = sorted(scorer.ALL_EVENT_NAMES)
    for source in sorted(DEV.glob("*.txt")):
        convert_file(source, tmp_path)
    theirs = scorer.score(str(DEV), str(tmp_path))
    for key in ("units", "events", "persons"):
        assert theirs[key] == summary[key]
    for key in ("event_dates_exact", "issued_exact", "place", "documents"):
        assert theirs[key] == summary[key]
