"""``convert`` runs in linear time: a text with very many dates (the case that was quadratic: each date
was compared with every date found before it) is read in time proportional to its length."""

from __future__ import annotations

import time

from kommgraph.convert.extract.dates import find_dates


def seconds(text: str) -> float:
    """The best of three runs (a pause of the machine in one run is not the code's), each on a text of its
    own so that no cache answers."""
    times = []
    for run in range(3):
        distinct = f"{text} Lauf {run}"
        started = time.perf_counter()
        found = find_dates(distinct)
        times.append(time.perf_counter() - started)
        assert len(found) == text.count("2020")
    return min(times)


def test_many_dates_on_one_line_take_linear_time():
    seconds("1.1.2020 " * 1000)  # warm up
    small, large = seconds("1.1.2020 " * 2_500), seconds("1.1.2020 " * 20_000)
    # linear: ~8x; the quadratic version took ~64x (and over a minute for the large one)
    assert large < 20 * max(small, 0.01), (small, large)
    assert large < 10
