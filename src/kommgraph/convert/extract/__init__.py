"""German text → facts (units, change events, persons, dates), each with the passage that states it."""

from kommgraph.convert import startup_cache
from kommgraph.convert.extract import merge, places  # noqa: F401  (read for every document; here for the guards)
from kommgraph.convert.extract.model import DateValue, Event, Facts, Membership, Metadata, Span, Unit
from kommgraph.convert.extract.pipeline import extract
from kommgraph.convert.guards import guard_module_patterns

# every regex of the rule modules behind a test for the literals its matches need (guards.py)
guard_module_patterns("kommgraph.convert.extract.", startup_cache.guard, startup_cache.probe)

__all__ = ["DateValue", "Event", "Facts", "Membership", "Metadata", "Span", "Unit", "extract"]
