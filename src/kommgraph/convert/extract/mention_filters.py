"""Second looks at a sentence's unit mentions: tasks named like units, and names quoted whole.

Works on ``units.Mention`` objects without importing ``units`` (which calls these functions).
"""

from __future__ import annotations

import re
from dataclasses import replace

from kommgraph.convert.extract.patterns import load

_DATA = load("units")
STOP = frozenset(_DATA["exclude"]["stop"])
QUOTED_REST = re.compile(
    r"\s+(?P<rest>[A-ZÄÖÜ][\w.-]*(?:,?\s+(?:für|und|sowie|[A-ZÄÖÜ][\w.-]*)){0,6})\s*[\"“”»]"
)


def whole_quoted_name(text: str, m):
    """``der "Koordinierungsstab Flüchtlingspolitik"``: a quotation that opens right before a unit's
    head and closes after a few name words quotes the whole name."""
    if not m.name or m.start == 0 or text[m.start - 1] not in '"„“«' or text[m.end : m.end + 1] in '"“”»':
        return m
    rest = QUOTED_REST.match(text, m.end)
    if not rest or any(w in STOP for w in rest["rest"].replace(",", " ").split()):
        return m
    return replace(m, end=rest.end("rest"), name=f"{m.name} {rest['rest']}")


FUNCTION_BEFORE = re.compile(_DATA["functions"]["before"])
FUNCTION_AREA_BEFORE = re.compile(_DATA["functions"]["area_before"])
MOVED_BETWEEN = re.compile(_DATA["functions"]["moved_between"])


def _function_like(m) -> bool:
    name = m.name or ""
    return name.startswith("Bereich") or (
        m.unit_type == "OtherUnit" and name.endswith("stelle") and " " not in name
    )


def drop_functions(text: str, mentions: list, functions: set[str] | None) -> list:
    """``die Aufgaben der Führerscheinstelle``, ``im Bereich Umweltschutz``, ``Der Bereich X wird vom Amt A
    zum Amt B verlagert``: a task or an area moved between units, not a unit of its own."""
    named = [m for m in mentions if m.name]
    moved = len(named) >= 3 and MOVED_BETWEEN.search(text)
    kept = []
    for m in mentions:
        before = text[max(0, m.start - 40) : m.start]
        if _function_like(m) and (
            FUNCTION_BEFORE.search(before) or FUNCTION_AREA_BEFORE.search(before) or (moved and m is named[0])
        ):
            if functions is not None and m.name:
                functions.add(m.name)
            continue
        kept.append(m)
    return kept
