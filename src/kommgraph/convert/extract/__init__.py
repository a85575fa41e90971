"""German text → facts (units, change events, persons, dates), each with the passage that states it."""

from kommgraph.convert.extract.model import DateValue, Event, Facts, Membership, Metadata, Span, Unit
from kommgraph.convert.extract.pipeline import extract
from kommgraph.convert.extract import merge  # noqa: F401, E402  (read by every document; loaded for the guards)
from kommgraph.convert.extract.guards import guard_module_patterns  # noqa: E402
from kommgraph.convert import startup_cache  # noqa: E402

# every regex of the rule modules behind a test for the literals its matches need (guards.py)
guard_module_patterns("kommgraph.convert.extract.", startup_cache.guard, startup_cache.compile)

__all__ = ["DateValue", "Event", "Facts", "Membership", "Metadata", "Span", "Unit", "extract"]
