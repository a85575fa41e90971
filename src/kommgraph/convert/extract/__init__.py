"""German text → facts (units, change events, persons, dates), each with the passage that states it."""

from kommgraph.convert.extract.model import DateValue, Event, Facts, Membership, Metadata, Span, Unit
from kommgraph.convert.extract.pipeline import extract

__all__ = ["DateValue", "Event", "Facts", "Membership", "Metadata", "Span", "Unit", "extract"]
