"""Round-13 rules for effective dates (see docs/converter.md "Round 13"), with sentences of our own."""

from __future__ import annotations

from pathlib import Path

from kommgraph.convert.extract import extract
from kommgraph.convert.extract.dates import UndatedYears, days_with_year, find_dates
from kommgraph.convert.extract.model import DateValue
from kommgraph.store.sources import SourceDocument


def _years(text: str, sentences: list[str]) -> list[str | None]:
    undated = UndatedYears(days_with_year(text))
    return [(y.value if (y := undated.year_for(s)) else None) for s in sentences]


def test_a_day_without_a_year_takes_the_year_the_text_gives_that_day() -> None:
    sentences = [
        "Die neue Geschäftsverteilung tritt zum 1. April 2031 in Kraft.",
        "Der Rat hatte sie im Mai 2030 beschlossen.",
        "Zum 1. April wechselt das Standesamt in das Dezernat II.",
    ]
    assert _years(" ".join(sentences), sentences)[2] == "2031"


def test_another_day_without_a_year_takes_the_last_year_named() -> None:
    sentences = [
        "Die neue Geschäftsverteilung tritt zum 1. April 2031 in Kraft.",
        "Der Rat hatte sie im Mai 2030 beschlossen.",
        "Zum 1. Juli wechselt das Standesamt in das Dezernat II.",
    ]
    assert _years(" ".join(sentences), sentences)[2] == "2030"


def test_a_day_written_with_its_year_is_not_a_day_without_one() -> None:
    sentence = "In der Sitzung am 9. Mai ging es um Änderungen, die zum 1. Januar 2032 gelten."
    assert _years(sentence, [sentence]) == [None]


def test_a_day_given_with_two_years_decides_nothing() -> None:
    assert days_with_year("am 1. April 2030 und am 1. April 2031") == {}


def test_an_undated_page_dates_a_change_by_the_day_given_with_its_year() -> None:
    text = (
        "Die neue Geschäftsverteilung tritt zum 1. April 2031 in Kraft. Der Rat hatte sie im Mai 2030 "
        "beschlossen. Zum 1. April wird das Standesamt in Bürgeramt umbenannt."
    )
    doc = SourceDocument(path=Path("t.txt"), text=f"title: unknown\npublished: unknown\n---\n{text}\n")
    renamings = [e for e in extract(doc).events if e.event_type == "Renaming"]
    assert [e.effective.value for e in renamings] == ["2031-04-01"]


def test_a_day_spelled_out_as_an_ordinal_is_a_day() -> None:
    found = find_dates(
        "Zum ersten Juli legt die Stadt das Bauamt und das Planungsamt zusammen.", DateValue("2030-11")
    )
    assert [d.value.value for d in found] == ["2031-07-01"]
    found = find_dates("Am fünfzehnten März 2031 wird das Amt gegründet.")
    assert [d.value.value for d in found] == ["2031-03-15"]


def test_an_ordinal_without_a_month_is_no_date() -> None:
    assert find_dates("Zum ersten Mal tagt der Ausschuss im neuen Rathaus.", DateValue("2030-11")) == []
