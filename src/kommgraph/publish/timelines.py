"""An authority's timeline on its page: the SVG drawn by :mod:`kommgraph.temporal.timeline` for wide
screens, and the same units as a stacked list for phones (one row per unit, its lifespan as a bar on a
shared axis, its dates and changes in German words), so that nothing scrolls sideways at 390 px.

The page's CSS shows one or the other by width (``templates/base.html``); both come from one
:class:`~kommgraph.temporal.timeline.Timeline`, so they show the same units in the same order.
"""

from __future__ import annotations

import datetime as dt
import math

import pyoxigraph as ox

from kommgraph.core.vocab import KG
from kommgraph.publish.page_facts import RDF_TYPE
from kommgraph.temporal import timeline
from kommgraph.temporal.find import find_authority

# What an arrow of the timeline says, seen from the unit it leaves.
CHANGE_WORDS = {"succession": "ersetzt durch", "functions": "Aufgaben an", "spin-off": "ausgegliedert:"}
MAX_TICKS = 5


class Timelines:
    """The timeline parts of ``Pages`` (a ``GraphView``): the SVGs and the stacked lists."""

    def timeline(self, authority: str) -> str | None:
        ags = self.value(authority, str(KG.ags))
        return self.timelines().get(ags.value) if ags else None

    def timelines(self) -> dict[str, str]:
        """The SVG timeline of each authority, where ``kommgraph.temporal.timeline`` draws one."""
        if not hasattr(self, "_timelines"):
            self._timelines = {}
            for authority in self.subjects(RDF_TYPE, str(KG.LocalAuthority)):
                ags = self.value(authority, str(KG.ags))
                model = timeline_model(self.store, authority, ags.value if ags else None)
                svg = timeline_svg(model) if model else None
                if svg and ags:
                    self._timelines[ags.value] = svg
                    self.models()[ags.value] = model
        return self._timelines

    def models(self) -> dict[str, timeline.Timeline]:
        """The timelines drawn, by AGS (the server hands its renderers its own ``timelines``)."""
        if not hasattr(self, "_models"):
            self._models = {}
        return self._models

    def stacked_timeline(self, authority: str, root: str) -> dict | None:
        """The timeline as rows for narrow screens: None where no SVG is drawn either."""
        ags = self.value(authority, str(KG.ags))
        if not ags or ags.value not in self.timelines():
            return None
        model = self.models().get(ags.value) or timeline_model(self.store, authority, ags.value)
        if model is None:
            return None
        self.models()[ags.value] = model
        span = (model.end - model.start).days or 1

        def at(day: dt.date) -> float:
            return round(100 * min(max((day - model.start).days, 0), span) / span, 2)

        rows = []
        for bar in model.bars:
            start, until = bar.lifespan.valid_from, bar.lifespan.valid_until
            left = at(start.earliest) if start else 0.0
            right = at(until.latest) if until else 100.0
            changes = [
                {
                    "verb": CHANGE_WORDS[arrow.kind],
                    "target": self.link(arrow.target, root),
                    "event": self.link(arrow.event.iri, root, label=self.change_label(arrow.event.iri)),
                    "planned": self.still_planned(arrow.event.iri),
                }
                for arrow in model.arrows
                if arrow.source == bar.iri
            ]
            rows.append(
                {
                    "link": self.link(bar.iri, root),
                    "from": self.dates(bar.iri, str(KG.validFrom)),
                    "until": self.dates(bar.iri, str(KG.validUntil)),
                    "left": f"{left:g}%",
                    "width": f"{max(right - left, 1):g}%",
                    "open_start": start is None or not start.exact,
                    "open_end": until is None or not until.exact,
                    "changes": changes,
                }
            )
        return {"rows": rows, "ticks": ticks(model.start, model.end, at)}

    def change_label(self, event: str) -> str:
        """The kind of change and its date: "Umbenennung, 1. Juni 2018"."""
        date = self.event_date(event)
        return self.type_label(event) + (f", {date.text}" if date else "")


def ticks(start: dt.date, end: dt.date, at) -> list[tuple[str, str]]:
    """Up to MAX_TICKS years on the axis, as (year, position): the first and the last year, and years
    a step apart between them (none too close to the last)."""
    step = max(1, math.ceil((end.year - start.year) / (MAX_TICKS - 1)))
    inner = [y for y in range(start.year, end.year, step) if y <= end.year - step / 2]
    return [(str(y), f"{at(dt.date(y, 1, 1)):g}%") for y in [*inner, end.year]]


def timeline_model(store: ox.Store, authority: str, ags: str | None) -> timeline.Timeline | None:
    try:
        return timeline.build(store, find_authority(store, ags or authority))
    except Exception:  # noqa: BLE001 - a picture that cannot be drawn leaves the page without it
        return None


def timeline_svg(model: timeline.Timeline) -> str | None:
    """The SVG timeline drawn by :mod:`kommgraph.temporal.timeline`, with the XML prolog stripped so
    that it can be inlined; None when it cannot be drawn."""
    try:
        svg = timeline.to_svg(model, lang="de")
    except Exception:  # noqa: BLE001 - a picture that cannot be drawn leaves the page without it
        return None
    return strip_prolog(svg) if "<svg" in svg else None


def strip_prolog(svg: str) -> str:
    """The ``<svg>`` element alone, without XML declaration, DOCTYPE and comments before it."""
    return svg[svg.index("<svg") :].strip() + "\n"
