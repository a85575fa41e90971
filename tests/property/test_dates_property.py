"""The German date parser (kommgraph.convert.extract.dates): every written form of a day reads back as
that day, and no text makes it crash or return a span or value that is not one."""

from __future__ import annotations

import datetime as dt
import re

from hypothesis import given
from hypothesis import strategies as st

from kommgraph.convert.extract.dates import MONTHS, find_dates, parse_date
from kommgraph.convert.extract.model import DateValue

DAYS = st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2049, 12, 31))
MONTH_NAMES = {number: sorted(n for n, m in MONTHS.items() if m == number) for number in range(1, 13)}
VALUE_FORM = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")


def valid_value(value: str) -> bool:
    if not VALUE_FORM.fullmatch(value):
        return False
    parts = [int(p) for p in value.split("-")]
    try:
        dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except ValueError:
        return False
    return True


@given(DAYS, st.booleans(), st.booleans(), st.sampled_from(["", " "]))
def test_a_numeric_day_reads_back(day, pad_day, pad_month, space):
    d = f"{day.day:02d}" if pad_day else str(day.day)
    m = f"{day.month:02d}" if pad_month else str(day.month)
    assert parse_date(f"{d}.{space}{m}.{space}{day.year}") == DateValue(day.isoformat())


@given(DAYS, st.data())
def test_a_day_with_the_month_named_reads_back(day, data):
    name = data.draw(st.sampled_from(MONTH_NAMES[day.month]))
    written = data.draw(st.sampled_from([name, name.capitalize(), name.upper()]))
    assert parse_date(f"am {day.day}. {written} {day.year} wurde") == DateValue(day.isoformat())


@given(DAYS)
def test_an_iso_day_reads_back(day):
    assert parse_date(day.isoformat()) == DateValue(day.isoformat())
    assert find_dates(f"Stand: {day.isoformat()}.")[0].value == DateValue(day.isoformat())


@given(DAYS, st.integers(min_value=1, max_value=40))
def test_a_day_that_does_not_exist_is_no_date(day, bad_day):
    if bad_day <= 28:
        return
    try:
        dt.date(day.year, day.month, bad_day)
    except ValueError:
        found = find_dates(f"am {bad_day}.{day.month}.{day.year} beschlossen")
        assert all(len(f.value.value) < 10 for f in found)  # at most the year, never a false day


TEXT = st.text(
    alphabet=st.sampled_from("0123456789.-/ []~\nJanurFebMäzApilMaiJunJulAugSeptOktNovDezimseitbisEnde Jahr"),
    max_size=80,
) | st.text(max_size=80)


@given(TEXT, st.none() | DAYS)
def test_any_text_gives_spans_and_values_that_are_dates(text, published):
    published_value = DateValue(published.isoformat()) if published else None
    found = find_dates(text, published_value)
    starts = [f.start for f in found]
    assert starts == sorted(starts)
    for match in found:
        assert 0 <= match.start < match.end <= len(text)
        assert valid_value(match.value.value), (text, match)
    spans = sorted((f.start, f.end) for f in found)
    assert all(a_end <= b_start for (_, a_end), (b_start, _) in zip(spans, spans[1:], strict=False))
