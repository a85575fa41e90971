"""The lexical forms of typed literals: ``'2018-02-30' is not a valid xsd:date``, said once and plainly.

rdflib logs a warning with a traceback for each literal it cannot convert to a Python value (an
``xsd:date`` of 30 February); pySHACL then reports only that the value has the wrong type. kommgraph
checks the forms itself (:func:`form_problem`) and keeps rdflib's logger quiet about them
(:func:`quiet_rdflib_conversions`).
"""

from __future__ import annotations

import datetime as dt
import logging
import re

XSD = "http://www.w3.org/2001/XMLSchema#"
_ZONE = r"(?:Z|[+-](?:(?:0\d|1[0-3]):[0-5]\d|14:00))?"
_FORMS = {
    "date": re.compile(rf"-?(\d{{4,}})-(\d\d)-(\d\d){_ZONE}"),
    "gYearMonth": re.compile(rf"-?(\d{{4,}})-(\d\d){_ZONE}"),
    "gYear": re.compile(rf"-?(\d{{4,}}){_ZONE}"),
    "dateTime": re.compile(rf"-?(\d{{4,}})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)(?:\.\d+)?{_ZONE}"),
    "integer": re.compile(r"[+-]?\d+"),
    "nonNegativeInteger": re.compile(r"\+?\d+|-0+"),
    "positiveInteger": re.compile(r"\+?0*[1-9]\d*"),
    "decimal": re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)"),
    "boolean": re.compile(r"true|false|1|0"),
}
CHECKED_DATATYPES = tuple(XSD + name for name in _FORMS)


def form_problem(lexical: str, datatype: str) -> str | None:
    """Why ``lexical`` is not a valid literal of ``datatype`` (an XSD type kommgraph uses), or None."""
    if not datatype.startswith(XSD) or datatype[len(XSD) :] not in _FORMS:
        return None
    name = datatype[len(XSD) :]
    match = _FORMS[name].fullmatch(lexical)
    if match is None or not _in_calendar(name, match.groups()):
        return f"{lexical!r} is not a valid xsd:{name}"
    return None


def _in_calendar(name: str, groups: tuple) -> bool:
    """Month 1–12, the day within its month (leap years counted), hours, minutes and seconds in range."""
    if name in ("date", "dateTime", "gYearMonth") and not 1 <= int(groups[1]) <= 12:
        return False
    if name in ("date", "dateTime"):
        year = int(groups[0])
        try:
            dt.date(2000 if year > 9999 or year == 0 else year, int(groups[1]), int(groups[2]))
        except ValueError:
            return False
    if name == "dateTime":
        hour, minute, second = (int(g) for g in groups[3:6])
        return (hour < 24 and minute < 60 and second < 60) or (hour, minute, second) == (24, 0, 0)
    return True


class _DropConversionWarnings(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith("Failed to convert Literal lexical form to value")


_FILTER = _DropConversionWarnings()


def quiet_rdflib_conversions() -> None:
    """Drop rdflib's "Failed to convert Literal lexical form" warnings (with their tracebacks): the
    literal-form check reports those values with file and line instead. Idempotent."""
    logger = logging.getLogger("rdflib.term")
    if _FILTER not in logger.filters:
        logger.addFilter(_FILTER)
