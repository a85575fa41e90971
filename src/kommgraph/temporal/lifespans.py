"""Valid time: dates as the sources state them (true precision, the curator's preferences applied) and
the lifespans of units, three-valued on a day."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

import pyoxigraph as ox

from kommgraph.core.dates import Answer, TrueDate, exists_on, from_term, hull
from kommgraph.core.vocab import KG
from kommgraph.temporal.sparql import lexical, select


@dataclass(frozen=True)
class Lifespan:
    valid_from: TrueDate | None
    valid_until: TrueDate | None

    def on(self, day: dt.date) -> Answer:
        return exists_on(day, self.valid_from, self.valid_until)

    def describe(self) -> str:
        if self.valid_from is None and self.valid_until is None:
            return "no dates known"
        start = str(self.valid_from) if self.valid_from else "…"
        end = str(self.valid_until) if self.valid_until else "…"
        return f"{start} – {end}"

    def as_dict(self) -> dict:
        return {"valid_from": date_dict(self.valid_from), "valid_until": date_dict(self.valid_until)}


def date_dict(value: TrueDate | None) -> dict | None:
    if value is None:
        return None
    return {
        "value": str(value),
        "earliest": value.earliest.isoformat(),
        "latest": value.latest.isoformat(),
        "precision": value.precision,
        "approximate": value.approximate,
    }


def _prefer(values: list[tuple[TrueDate, str, str | None]]) -> TrueDate | None:
    """Values (date, source, prevailing source) of one statement: the prevailing source's where a curator
    chose one among them, else the range all of them allow."""
    preferred = {p for _, _, p in values if p}
    chosen = [v for v, source, _ in values if source in preferred] or [v for v, _, _ in values]
    return hull(chosen)


def stated_dates(store: ox.Store, subjects, properties) -> dict[tuple[str, str], TrueDate]:
    """(subject, property) → the date the sources state, at true precision, preferences applied."""
    subjects = sorted(set(subjects))
    if not subjects:
        return {}
    grouped: dict[tuple[str, str], list] = defaultdict(list)
    for row in select(store, "stated-dates", s=subjects, p=[str(p) for p in properties]):
        approximate = row["approx"].value == "true"
        grouped[(row["s"].value, row["p"].value)].append(
            (from_term(row["value"], approximate), row["source"].value, lexical(row["prevailing"]) or None)
        )
    return {key: _prefer(values) for key, values in grouped.items()}


def lifespans(store: ox.Store, units) -> dict[str, Lifespan]:
    """Each unit's lifespan: the start and end its sources state, else the dates of the events that
    create and end it (read from what the rules 20 and 21 derived), at true precision."""
    units = sorted(set(units))
    stated = stated_dates(store, units, [KG.validFrom, KG.validUntil])
    creating, ending = defaultdict(set), defaultdict(set)
    if units:
        for row in select(store, "derived-lifespans", unit=units):
            side = creating if row["p"].value == str(KG.validFrom) else ending
            side[row["unit"].value].add(row["event"].value)
    events = set().union(*creating.values(), *ending.values())
    effective = stated_dates(store, events, [KG.effectiveDate])
    out = {}
    for unit in units:
        start = stated.get((unit, str(KG.validFrom))) or _event_dates(effective, creating[unit])
        end = stated.get((unit, str(KG.validUntil))) or _event_dates(effective, ending[unit])
        out[unit] = Lifespan(start, end)
    return out


def _event_dates(effective: dict, events: set[str]) -> TrueDate | None:
    key = str(KG.effectiveDate)
    return hull([effective[(e, key)] for e in sorted(events) if (e, key) in effective])


def derived_date(value, earliest, latest) -> TrueDate | None:
    """A date whose bounds were derived (a placement copies its event's bounds)."""
    if value is None:
        return None
    parsed = from_term(value)
    if earliest is not None and latest is not None:
        lo, hi = dt.date.fromisoformat(earliest.value[:10]), dt.date.fromisoformat(latest.value[:10])
        if (lo, hi) != (parsed.earliest, parsed.latest):
            return TrueDate(lo, hi, parsed.lexical, parsed.datatype, True)
    return parsed
