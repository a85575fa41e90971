"""Dates at their true precision: ``xsd:date``, ``xsd:gYearMonth`` and ``xsd:gYear``, possibly approximate.

A value of month or year precision means a range of days. Every comparison goes through its earliest
and latest ``xsd:date`` bounds, computed exactly as ``queries/rules/40-date-bounds.rq`` derives them
(an approximate value, EDTF ``~``, widens to the whole year before and after), and answers in three
values: certainly, possibly, or not. Neither rdflib nor SPARQL engines compare a ``gYearMonth`` with a
``date``: rdflib gives the literal no Python value, and a SPARQL filter then drops the row silently.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from enum import StrEnum

import pyoxigraph as ox

from kommgraph.core.errors import DateError

GERMAN_MONTHS = (  # month names as German texts write them
    "Januar",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
)

XSD = "http://www.w3.org/2001/XMLSchema#"
DATE, YEAR_MONTH, YEAR = XSD + "date", XSD + "gYearMonth", XSD + "gYear"
PRECISIONS = {DATE: "day", YEAR_MONTH: "month", YEAR: "year"}
_FORMS = {
    DATE: re.compile(r"^(\d{4})-(\d{2})-(\d{2})(Z|[+-]\d{2}:\d{2})?$"),
    YEAR_MONTH: re.compile(r"^(\d{4})-(\d{2})(Z|[+-]\d{2}:\d{2})?$"),
    YEAR: re.compile(r"^(\d{4})(Z|[+-]\d{2}:\d{2})?$"),
}
_USER_FORM = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(~)?$")


class Answer(StrEnum):
    """A three-valued answer: what the imprecision of the dates allows."""

    CERTAIN = "certain"
    POSSIBLE = "possible"
    NO = "no"

    def __str__(self) -> str:
        return self.value

    def __and__(self, other: Answer) -> Answer:
        order = [Answer.NO, Answer.POSSIBLE, Answer.CERTAIN]
        return order[min(order.index(self), order.index(Answer(other)))]


@dataclass(frozen=True, order=True)
class TrueDate:
    """A date as the source gives it, with the range of days it can mean."""

    earliest: dt.date
    latest: dt.date
    lexical: str
    datatype: str = DATE
    approximate: bool = False

    @property
    def precision(self) -> str:
        return PRECISIONS[self.datatype]

    @property
    def exact(self) -> bool:
        return self.earliest == self.latest

    def __str__(self) -> str:
        """The EDTF form: the stated value, with ``~`` when approximate."""
        return self.lexical + ("~" if self.approximate else "")

    def contains(self, day: dt.date) -> bool:
        return self.earliest <= day <= self.latest

    def compatible(self, other: TrueDate) -> bool:
        """Whether both values can mean the same day (their ranges overlap)."""
        return self.earliest <= other.latest and other.earliest <= self.latest

    def before(self, other: TrueDate) -> Answer:
        """Whether this date lies before ``other``: certainly, possibly or not."""
        if self.latest < other.earliest:
            return Answer.CERTAIN
        if self.earliest < other.latest:
            return Answer.POSSIBLE
        return Answer.NO


def parse(lexical: str, datatype: str = DATE, approximate: bool = False) -> TrueDate:
    """A stated value (lexical form and datatype IRI) with its bounds, as rule 40-date-bounds.rq derives."""
    datatype = str(datatype)
    form = _FORMS.get(datatype)
    if form is None:
        raise DateError(f"{lexical!r}: datatype <{datatype}> is not xsd:date, xsd:gYearMonth or xsd:gYear")
    match = form.match(str(lexical))
    if not match:
        raise DateError(f"{lexical!r} is not a valid {_short(datatype)} (expected e.g. {_EXAMPLE[datatype]})")
    year = int(match.group(1))
    try:
        if datatype == DATE:
            earliest = latest = dt.date(year, int(match.group(2)), int(match.group(3)))
        elif datatype == YEAR_MONTH:
            month = int(match.group(2))
            earliest = dt.date(year, month, 1)
            latest = dt.date(year, month, calendar.monthrange(year, month)[1])
        else:
            earliest, latest = dt.date(year, 1, 1), dt.date(year, 12, 31)
    except ValueError as exc:
        raise DateError(f"{lexical!r} is not a valid {_short(datatype)}: {exc}") from exc
    if approximate:
        earliest, latest = dt.date(year - 1, 1, 1), dt.date(year + 1, 12, 31)
    return TrueDate(earliest, latest, str(lexical), datatype, approximate)


def from_term(term, approximate: bool = False) -> TrueDate:
    """A TrueDate from an rdflib or pyoxigraph literal (rdflib's ``.value`` is None for gYearMonth)."""
    if isinstance(term, ox.Literal):
        return parse(term.value, term.datatype.value, approximate)
    datatype = getattr(term, "datatype", None)
    return parse(str(term), str(datatype) if datatype else DATE, approximate)


def parse_user(text: str) -> TrueDate:
    """A date as a user types it: ``2021``, ``2021-03``, ``2021-03-15``, optionally ending in ``~``."""
    match = _USER_FORM.match(text.strip())
    if not match:
        raise DateError(f"{text!r} is not a date: write YYYY-MM-DD, YYYY-MM or YYYY (e.g. 2018-06-01)")
    year, month, day, approx = match.groups()
    lexical = text.strip().rstrip("~")
    datatype = DATE if day else YEAR_MONTH if month else YEAR
    return parse(lexical, datatype, approximate=bool(approx))


def parse_day(text: str) -> dt.date:
    """A single day ``YYYY-MM-DD`` (what ``--at`` and ``--known-at`` take)."""
    value = text.strip()
    try:
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            raise ValueError(value)
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise DateError(f"{text!r} is not a day: write YYYY-MM-DD (e.g. 2018-06-01)") from exc


def hull(values: list[TrueDate]) -> TrueDate | None:
    """One value standing for several stated ones: the range every one of them allows (None for none)."""
    if not values:
        return None
    if len(set(values)) == 1:
        return values[0]
    ordered = sorted(set(values))
    earliest = min(v.earliest for v in ordered)
    latest = max(v.latest for v in ordered)
    lexical = " / ".join(str(v) for v in ordered)
    return TrueDate(earliest, latest, lexical, ordered[0].datatype, any(v.approximate for v in ordered))


def exists_on(day: dt.date, valid_from: TrueDate | None, valid_until: TrueDate | None) -> Answer:
    """Whether something with this half-open lifespan exists on ``day``.

    ``kg:validUntil`` is the first day it no longer exists. An unknown start or end is open: what has
    no known end is taken to exist on. The answer is possible when the day falls inside the
    imprecision of the start or the end.
    """
    starts_certain = valid_from is None or valid_from.latest <= day
    starts_possible = valid_from is None or valid_from.earliest <= day
    ends_certain = valid_until is None or valid_until.earliest > day
    ends_possible = valid_until is None or valid_until.latest > day
    if starts_certain and ends_certain:
        return Answer.CERTAIN
    if starts_possible and ends_possible:
        return Answer.POSSIBLE
    return Answer.NO


def issued_by(issued: TrueDate, day: dt.date) -> Answer:
    """Whether a source issued on ``issued`` had certainly, possibly or not appeared by ``day``."""
    if issued.latest <= day:
        return Answer.CERTAIN
    if issued.earliest <= day:
        return Answer.POSSIBLE
    return Answer.NO


def _short(datatype: str) -> str:
    return "xsd:" + datatype.rsplit("#", 1)[-1]


_EXAMPLE = {DATE: '"2018-06-01"', YEAR_MONTH: '"2021-03"', YEAR: '"2012"'}
