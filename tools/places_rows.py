"""The place record of tools/build_places.py and the name rule that its German and alpine parts share."""

from __future__ import annotations

QUALIFIER_SEPARATORS = (
    " am ",
    " an der ",
    " im ",
    " in der ",
    " in ",
    " ob der ",
    " bei ",
    " b. ",
    " (",
    "/",
)


def place(key, name, short, kind, country, state, parent, aliases) -> dict:
    return {
        "key": key,
        "name": name,
        "short": short,
        "kind": kind,
        "country": country,
        "state": state,
        "parent_key": parent,
        "population": 0,
        "aliases": aliases,
    }


def qualifier_base(short: str) -> str | None:
    """ "Frankfurt am Main" -> "Frankfurt", "Halle (Saale)" -> "Halle"; None when there is no qualifier."""
    cut = min((short.find(sep) for sep in QUALIFIER_SEPARATORS if short.find(sep) > 0), default=-1)
    return short[:cut].strip() if cut > 0 else None
