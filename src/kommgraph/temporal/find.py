"""Finding an authority by name or AGS and a unit by IRI or name."""

from __future__ import annotations

from dataclasses import dataclass

import pyoxigraph as ox

from kommgraph.core.errors import Ambiguous, NotFound
from kommgraph.core.vocab import DEFAULT_BASE, KG
from kommgraph.temporal.lifespans import lifespans
from kommgraph.temporal.sparql import lexical, select


@dataclass(frozen=True)
class Authority:
    iri: str
    name: str
    ags: str


_AGS = ox.NamedNode(str(KG.ags))


def find_authority(store: ox.Store, text: str) -> Authority:
    """An authority by its 8-digit AGS or its name (case-insensitive)."""
    wanted = text.strip().casefold()
    # an AGS: that authority only (all 11,000 of a national graph take half a second), else all
    ags = ox.Literal(wanted)
    named = {q.subject.value for q in store.quads_for_pattern(None, _AGS, ags, ox.DefaultGraph())}
    rows = select(store, "authorities", a=sorted(named)) if named else []
    rows = rows or select(store, "authorities")
    for row in rows:
        if wanted in (row["ags"].value, row["name"].value.casefold()):
            return Authority(row["a"].value, row["name"].value, row["ags"].value)
    known = ", ".join(f"{r['name'].value} ({r['ags'].value})" for r in rows)
    raise NotFound(f"no local authority named or with AGS {text!r}; known: {known or 'none'}")


def find_unit(store: ox.Store, text: str) -> str:
    """A unit's IRI from its IRI (``https://…`` or ``kgid:unit/…``) or its exact name (case-insensitive)."""
    text = text.strip()
    if text.startswith("kgid:"):
        text = DEFAULT_BASE + text[len("kgid:") :]
    if text.startswith(("http://", "https://")):
        if not select(store, "unit-exists", u=text):
            raise NotFound(f"no administrative unit <{text}> in the data")
        return text
    rows = select(store, "unit-names")
    matches = [r for r in rows if r["name"].value.casefold() == text.casefold()]
    units = sorted({r["u"].value for r in matches})
    if len(units) == 1:
        return units[0]
    if not units:
        near = sorted({r["name"].value for r in rows if text.casefold() in r["name"].value.casefold()})
        hint = f"; names containing it: {', '.join(near)}" if near else ""
        raise NotFound(f"no unit named {text!r}{hint}")
    spans = lifespans(store, units)
    candidates = []
    for unit in units:
        row = next(r for r in matches if r["u"].value == unit)
        candidates.append((unit, row["name"].value, lexical(row["authority"]), spans[unit].describe()))
    listing = "\n".join(f"  {iri}  ({authority}, {span})" for iri, _, authority, span in candidates)
    raise Ambiguous(f"{len(units)} units are named {text!r}; give one by its IRI:\n{listing}", candidates)
