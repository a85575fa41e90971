"""Authority IRIs for places."""

from __future__ import annotations

from .model import Place

AUTHORITY_BASE = "https://w3id.org/kommgraph/id/authority/"


def authority_iri(place: Place | str) -> str:
    """https://w3id.org/kommgraph/id/authority/{key} for a Place (or its key)."""
    key = place if isinstance(place, str) else place.key
    return f"{AUTHORITY_BASE}{key}"
