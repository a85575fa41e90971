"""German text → facts (units, change events, persons, dates), each with the passage that states it."""

from kommgraph.extract.model import DateValue, Event, Facts, Membership, Metadata, Span, Unit
from kommgraph.extract.pipeline import extract

__all__ = ["DateValue", "Event", "Facts", "Membership", "Metadata", "Span", "Unit", "extract"]
