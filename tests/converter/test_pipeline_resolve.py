"""Back-references ("das neue Amt") resolve against the running document state without failing on names
that an event produced but no unit mention registered."""

from __future__ import annotations

from kommgraph.convert.extract.model import Facts, Metadata, Unit
from kommgraph.convert.extract.pipeline import _Doc
from kommgraph.convert.extract.unit_phrases import Mention


def _state(units: list[Unit], fresh: list[str]) -> _Doc:
    state = _Doc(Facts(Metadata(), units={u.name: u for u in units}))
    state.fresh = fresh
    return state


def test_a_new_name_without_a_unit_is_passed_over() -> None:
    state = _state([Unit("Amt für Wasser", "Amt")], ["Amt für Wasser", "Zentral-Referat"])
    assert state.resolve(Mention(0, 3, None, "Amt"), new=True) == "Amt für Wasser"


def test_only_a_new_name_without_a_unit_gives_no_referent() -> None:
    state = _state([], ["Zentral-Referat"])
    assert state.resolve(Mention(0, 3, None, "Referat"), new=True) is None
