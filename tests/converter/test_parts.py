"""Building blocks: dates, unit names, sentences with hard line breaks."""

from __future__ import annotations

import pytest

from kommgraph.convert.extract.dates import find_dates
from kommgraph.convert.extract.model import DateValue
from kommgraph.convert.extract.sentences import split
from kommgraph.convert.extract.units import find_mentions

PUBLISHED = DateValue("2020-11-02")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("zum 1. Juni 2019", "2019-06-01"),
        ("mit Wirkung vom 01.06.2019", "2019-06-01"),
        ("am 3.5.21", "2021-05-03"),
        ("seit März 2021", "2021-03"),
        ("ab 1. Jänner 2022", "2022-01-01"),
        ("im Jahr 2017", "2017"),
        ("zum 1. April", "2021-04-01"),  # before publication (2020-11-02): the next 1 April
        ("wurde zum 1. April umbenannt", "2020-04-01"),  # past tense: this year's
        ("im Jahresverlauf", "2020"),
        ("im kommenden Jahr", "2021"),
        ("2021-07-15", "2021-07-15"),
    ],
)
def test_date_forms(text: str, value: str) -> None:
    assert [d.value.value for d in find_dates(text, PUBLISHED)] == [value]


def test_approximate_years_ago() -> None:
    (found,) = find_dates("In den vergangenen sechs Jahren hat", PUBLISHED)
    assert found.value == DateValue("2014", approximate=True)


def test_news_stamp_dates_no_change() -> None:
    assert find_dates("[13.4.2021] Die Stadt", PUBLISHED) == []


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("des Amtes für öffentliche Ordnung", ["Amt für öffentliche Ordnung"]),
        ("im Hauptamt und beim Personalreferat", ["Hauptamt", "Personalreferat"]),
        ("zum Ordnungsamt, Gewerbe, Verkehr verlagert", ["Ordnungsamt, Gewerbe, Verkehr"]),
        ("der Stabsstelle Digitales Rathaus", ["Stabsstelle Digitales Rathaus"]),
        (
            "des Amts für Informations- und Kommunikationstechnik",
            ["Amt für Informations- und Kommunikationstechnik"],
        ),
        (
            "das Referat 12 und der Fachbereich Jugend und Familie",
            ["Referat 12", "Fachbereich Jugend und Familie"],
        ),
        ("die Deutsche Telekom AG und das Ehrenamt", []),
        ("mit der Stadtplanung und dem Bauamt", ["Stadtplanung", "Bauamt"]),
    ],
)
def test_unit_names_in_nominative(text: str, names: list[str]) -> None:
    assert [m.name for m in find_mentions(text) if m.name] == names


def test_sentence_spans_hard_line_breaks() -> None:
    text = (
        "Um die Verwaltung der Stadt Kleve zu modernisieren, gibt es seit Mai 2020 die\n\n"
        "Stabsstelle Digitales. Sie ist beim Hauptamt angesiedelt und berichtet direkt an den\n\n"
        "Bürgermeister.\n"
    )
    sentences = split(text)
    assert [s.folded for s in sentences] == [
        "Um die Verwaltung der Stadt Kleve zu modernisieren, gibt es seit Mai 2020 die "
        "Stabsstelle Digitales.",
        "Sie ist beim Hauptamt angesiedelt und berichtet direkt an den Bürgermeister.",
    ]
    first = sentences[0]
    assert text[first.span.start : first.span.end].endswith("Stabsstelle Digitales.")
