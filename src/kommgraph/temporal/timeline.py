"""Pictures of an authority's units over time: plain text, Mermaid, and SVG drawn with matplotlib.

Each unit is a bar over its lifespan; where a start or end is imprecise (a month, a year, approximate)
the bar fades over the days it can mean, and where none is known it fades out towards the edge.
Arrows join units where one replaced another (solid) or where functions moved (dashed), labelled with
the date and the kind of change. The SVG keeps its text as text (searchable, and checked by the tests)
and is byte-identical for the same data.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass, field

import pyoxigraph as ox

from kommgraph.core.dates import TrueDate
from kommgraph.core.vocab import KG, SUCCESSION_EVENTS, slug
from kommgraph.temporal.find import Authority
from kommgraph.temporal.lifespans import Lifespan, lifespans
from kommgraph.temporal.lineage import Event, events_of, names
from kommgraph.temporal.sparql import select

FORMATS = ("text", "mermaid", "svg")
FUNCTIONS = {str(KG.TransferOfFunctions)}


@dataclass
class Bar:
    iri: str
    name: str
    lifespan: Lifespan

    @property
    def key(self) -> str:
        return slug(self.name) or slug(self.iri)


@dataclass
class Arrow:
    source: str
    target: str
    event: Event
    kind: str  # "succession", "functions" or "spin-off"

    @property
    def label(self) -> str:
        return self.caption("en")

    def caption(self, lang: str = "en") -> str:
        words = WORDS[lang]
        date = str(self.event.date) if self.event.date else words["undated"]
        planned = f" ({words['planned']})" if self.event.planned else ""
        name = self.event.label_de if lang == "de" else self.event.label
        return f"{date} {name}{planned}"


@dataclass
class Timeline:
    authority: Authority
    bars: list[Bar]
    arrows: list[Arrow] = field(default_factory=list)
    start: dt.date = dt.date(2000, 1, 1)
    end: dt.date = dt.date(2001, 1, 1)

    def bar(self, iri: str) -> Bar | None:
        return next((b for b in self.bars if b.iri == iri), None)


def build(store: ox.Store, authority: Authority) -> Timeline:
    """The units of the authority with their lifespans and the changes between them."""
    rows = select(store, "units-of", authority=authority.iri)
    units = sorted({r["unit"].value for r in rows})
    spans = lifespans(store, units)
    labels = names(store, units)
    events = events_of(store, units)
    bars = [Bar(u, labels.get(u, u), spans[u]) for u in units]

    def order(bar: Bar):
        start = bar.lifespan.valid_from
        return (start.earliest if start else dt.date.min, bar.name.casefold(), bar.iri)

    bars.sort(key=order)
    arrows = []
    inside = set(units)
    for event in sorted(events.values(), key=lambda e: (e.date.earliest if e.date else dt.date.max, e.iri)):
        if event.is_a({str(t) for t in SUCCESSION_EVENTS}):
            kind = "succession"
        elif event.is_a(FUNCTIONS):
            kind = "functions"
        else:
            continue
        for source in event.originals:
            for target in event.resultings:
                if source != target and source in inside and target in inside:
                    arrows.append(Arrow(source, target, event, kind))
        if event.is_a({str(KG.SpinOff)}):
            for source in event.spun_off_from:
                for target in event.resultings:
                    if source in inside and target in inside:
                        arrows.append(Arrow(source, target, event, "spin-off"))
    values = [v for b in bars for v in (b.lifespan.valid_from, b.lifespan.valid_until) if v]
    dates = [d for v in values for d in (v.earliest, v.latest)]
    dates += [d for a in arrows if a.event.date for d in (a.event.date.earliest, a.event.date.latest)]
    if dates:
        start, end = dt.date(min(dates).year - 1, 1, 1), dt.date(max(dates).year + 2, 1, 1)
    else:
        start, end = dt.date(2000, 1, 1), dt.date(2001, 1, 1)
    return Timeline(authority, bars, arrows, start, end)


# ---------------------------------------------------------------------------------------------
# Text


def to_text(tl: Timeline, width: int = 60) -> str:
    """One row per unit: █ certain, ░ within an imprecise start or end, · start or end unknown."""
    span = (tl.end - tl.start).days or 1

    def column(day: dt.date) -> int:
        return min(width - 1, max(0, round((day - tl.start).days / span * width)))

    name_width = max([len(b.name) for b in tl.bars] + [10])
    years = [" "] * width
    for year in range(tl.start.year, tl.end.year):
        col = column(dt.date(year, 1, 1))
        label = str(year)
        if col + len(label) <= width and all(c == " " for c in years[max(0, col - 1) : col + len(label)]):
            years[col : col + len(label)] = list(label)
    lines = [
        f"{tl.authority.name} ({tl.authority.ags}): units over time",
        f"{'':{name_width}}  {''.join(years).rstrip()}",
    ]
    for bar in tl.bars:
        cells = [" "] * width
        start, until = bar.lifespan.valid_from, bar.lifespan.valid_until
        first = column(start.earliest) if start else 0
        last = column(until.latest) - 1 if until else width - 1
        for col in range(first, max(first, last) + 1):
            cells[col] = "█"
        _shade(cells, start, column, "░", lo=True)
        _shade(cells, until, column, "░", lo=False)
        if start is None:
            cells[0:3] = ["·"] * 3
        if until is None:
            cells[width - 3 : width] = ["·"] * 3
        lines.append(f"{bar.name:<{name_width}}  {''.join(cells).rstrip()}   {bar.lifespan.describe()}")
    if tl.arrows:
        lines.append("")
        lines.append("changes:")
        names = {b.iri: b.name for b in tl.bars}
        for arrow in tl.arrows:
            symbol = "──▶" if arrow.kind == "succession" else "╌╌▶"
            lines.append(f"  {arrow.label}: {names[arrow.source]} {symbol} {names[arrow.target]}")
    return "\n".join(lines) + "\n"


def _shade(cells: list[str], value: TrueDate | None, column, char: str, lo: bool) -> None:
    if value is None or value.exact:
        return
    first, last = column(value.earliest), column(value.latest)
    if not lo:
        last -= 1
    for col in range(first, max(first, last) + 1):
        cells[col] = char


# ---------------------------------------------------------------------------------------------
# Mermaid


def to_mermaid(tl: Timeline) -> str:
    """A Mermaid flowchart: units as nodes labelled with their lifespan, changes as labelled arrows."""
    ids = {bar.iri: f"u{i}" for i, bar in enumerate(tl.bars, start=1)}
    lines = ["---", f"title: {_mermaid_text(tl.authority.name)} ({tl.authority.ags})", "---", "flowchart LR"]
    for bar in tl.bars:
        label = f"{_mermaid_text(bar.name)}<br/>{_mermaid_text(bar.lifespan.describe())}"
        lines.append(f'  {ids[bar.iri]}["{label}"]')
    for arrow in tl.arrows:
        link = "-->" if arrow.kind == "succession" else "-.->"
        lines.append(f'  {ids[arrow.source]} {link}|"{_mermaid_text(arrow.label)}"| {ids[arrow.target]}')
    lines.append("  classDef ended fill:#eeeeee,stroke:#888888")
    ended = [ids[b.iri] for b in tl.bars if b.lifespan.valid_until is not None]
    if ended:
        lines.append(f"  class {','.join(ended)} ended")
    return "\n".join(lines) + "\n"


def _mermaid_text(text: str) -> str:
    return text.replace('"', "#quot;").replace("|", "#124;")


# ---------------------------------------------------------------------------------------------
# SVG (matplotlib)

# The words of the pictures, in English and German (the pages are German: ``to_svg(tl, lang="de")``).
WORDS = {
    "en": {
        "undated": "undated",
        "planned": "planned",
        "title": "units over time",
        "exists": "exists",
        "fuzzy": "imprecise or unknown start/end",
        "succession": "replaced by",
        "functions": "functions moved",
        "spin-off": "spun off from",
        "no dates": "no dates known",
    },
    "de": {
        "undated": "undatiert",
        "planned": "geplant",
        "title": "Einheiten im Zeitverlauf",
        "exists": "besteht",
        "fuzzy": "Beginn oder Ende ungenau oder unbekannt",
        "succession": "ersetzt durch",
        "functions": "Aufgaben verlagert",
        "spin-off": "ausgegliedert aus",
        "no dates": "Daten unbekannt",
    },
}
_COLOURS = {"bar": "#2f6f9f", "succession": "#c0392b", "functions": "#7d3c98", "spin-off": "#7f8c8d"}


def to_svg(tl: Timeline, lang: str = "en") -> str:
    """The timeline drawn with matplotlib as SVG text (fonts kept as text, fixed ids, no date stamp)."""
    figure = draw(tl, lang)
    buffer = io.StringIO()
    import matplotlib

    with matplotlib.rc_context({"svg.fonttype": "none", "svg.hashsalt": "kommgraph", "svg.id": None}):
        figure.savefig(buffer, format="svg", metadata={"Date": None, "Creator": "kommgraph"})
    return buffer.getvalue()


def draw(tl: Timeline, lang: str = "en"):
    """A matplotlib Figure (no pyplot state) of the timeline; arrow labels that would overlap are moved
    down, one line at a time."""
    words = WORDS[lang]
    import matplotlib.dates as mdates
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    rows = {bar.iri: i for i, bar in enumerate(tl.bars)}
    height = 1.6 + 0.55 * max(1, len(tl.bars))
    figure = Figure(figsize=(11, height))
    ax = figure.add_subplot()
    left, right = mdates.date2num(tl.start), mdates.date2num(tl.end)
    fade = (right - left) * 0.08
    for bar in tl.bars:
        y = rows[bar.iri]
        start, until = bar.lifespan.valid_from, bar.lifespan.valid_until
        solid_from = mdates.date2num(start.latest) if start else left + fade
        solid_to = mdates.date2num(until.earliest) if until else right - fade
        group = []
        if solid_to > solid_from:
            group += ax.barh(
                y, solid_to - solid_from, left=solid_from, height=0.5, color=_COLOURS["bar"]
            ).patches
        fuzzy_from = (mdates.date2num(start.earliest), solid_from) if start else (left, solid_from)
        fuzzy_to = (solid_to, mdates.date2num(until.latest) + 1) if until else (solid_to, right)
        group += _gradient(ax, y, *fuzzy_from, rising=True)
        group += _gradient(ax, y, *fuzzy_to, rising=False)
        for i, patch in enumerate(group):
            patch.set_gid(f"unit--{bar.key}" + (f"--{i}" if i else ""))
        lifespan = bar.lifespan.describe()
        lifespan = words["no dates"] if lifespan == "no dates known" else lifespan
        ax.text(
            max(solid_from, left) + (right - left) * 0.005,
            y - 0.29,
            lifespan,
            fontsize=7,
            color="#333333",
            va="bottom",
        )
    # where text already is: the lifespan lines above the bars, then each arrow label placed
    placed: list[tuple[float, float]] = [
        (
            max(
                mdates.date2num(b.lifespan.valid_from.latest) if b.lifespan.valid_from else left + fade, left
            ),
            rows[b.iri] - 0.37,
        )
        for b in tl.bars
    ]
    for index, arrow in enumerate(tl.arrows):
        if arrow.event.date is None:
            continue
        when = arrow.event.date
        x = mdates.date2num(when.earliest) + (when.latest - when.earliest).days / 2
        y0, y1 = rows[arrow.source], rows[arrow.target]
        style = "-" if arrow.kind == "succession" else "--" if arrow.kind == "functions" else ":"
        colour = _COLOURS[arrow.kind]
        annotation = ax.annotate(
            "",
            xy=(x, y1),
            xytext=(x, y0),
            arrowprops={
                "arrowstyle": "-|>",
                "color": colour,
                "linestyle": style,
                "lw": 1.6,
                "shrinkA": 6,
                "shrinkB": 6,
                "connectionstyle": f"arc3,rad={0.15 * (index % 3)}",
            },
        )
        source_key = tl.bar(arrow.source).key
        target_key = tl.bar(arrow.target).key
        annotation.arrow_patch.set_gid(f"arrow--{source_key}--{target_key}")
        on_right = x > left + (right - left) * 0.7  # keep labels near the right edge inside the picture
        offset = (right - left) * 0.006 * (-1 if on_right else 1)
        caption = arrow.caption(lang)
        label_y = (y0 + y1) / 2
        reach = (right - left) * 0.012 * len(caption) * 0.55  # about the width of the label
        while any(abs(px - x) < reach and abs(py - label_y) < 0.28 for px, py in placed):
            label_y += 0.32
        placed.append((x, label_y))
        label = ax.text(
            x + offset,
            label_y,
            caption,
            fontsize=7,
            color=colour,
            va="center",
            ha="right" if on_right else "left",
            bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.85},
        )
        label.set_gid(f"label--{source_key}--{target_key}")
    ax.set_yticks(range(len(tl.bars)), [bar.name for bar in tl.bars], fontsize=9)
    ax.set_ylim(len(tl.bars) - 0.4, -0.9)
    ax.set_xlim(left, right)
    ax.xaxis.set_major_locator(mdates.YearLocator())
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
    ax.grid(axis="x", color="#dddddd", linewidth=0.6)
    ax.set_axisbelow(True)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    ax.set_title(f"{tl.authority.name} ({tl.authority.ags}): {words['title']}", fontsize=11, loc="left")
    ax.legend(
        handles=[
            Patch(color=_COLOURS["bar"], label=words["exists"]),
            Patch(color=_COLOURS["bar"], alpha=0.3, label=words["fuzzy"]),
            Line2D([], [], color=_COLOURS["succession"], label=words["succession"]),
            Line2D([], [], color=_COLOURS["functions"], linestyle="--", label=words["functions"]),
            Line2D([], [], color=_COLOURS["spin-off"], linestyle=":", label=words["spin-off"]),
        ],
        fontsize=7,
        loc="upper center",
        frameon=False,
        ncols=5,
        bbox_to_anchor=(0.5, -0.08 - 0.5 / height),
    )
    figure.tight_layout()
    return figure


def _gradient(ax, y: float, x0: float, x1: float, rising: bool, steps: int = 8) -> list:
    """A fading stretch of bar between x0 and x1 (the days an imprecise date can mean)."""
    if x1 <= x0:
        return []
    width = (x1 - x0) / steps
    patches = []
    for i in range(steps):
        alpha = (i + 1) / (steps + 1) if rising else (steps - i) / (steps + 1)
        patches += ax.barh(
            y, width, left=x0 + i * width, height=0.5, color=_COLOURS["bar"], alpha=0.85 * alpha, linewidth=0
        ).patches
    return patches


def render(tl: Timeline, fmt: str) -> str:
    if fmt == "text":
        return to_text(tl)
    if fmt == "mermaid":
        return to_mermaid(tl)
    if fmt == "svg":
        return to_svg(tl)
    raise ValueError(f"unknown timeline format {fmt!r}; choose one of {', '.join(FORMATS)}")
