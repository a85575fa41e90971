"""Authority IRIs for places."""

from __future__ import annotations

from .model import Place

DEFAULT_BASE = "https://w3id.org/kommgraph/id/"
AUTHORITY_BASE = DEFAULT_BASE + "authority/"


def authority_iri(place: Place | str, base: str = DEFAULT_BASE) -> str:
    """{base}authority/{key} for a Place or a key (default: https://w3id.org/kommgraph/id/authority/...)."""
    key = place if isinstance(place, str) else place.key
    return f"{base}authority/{key}"
