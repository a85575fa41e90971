"""Gazetteer of German, Austrian and Swiss places (municipalities, districts, Länder, cantons).

Self-contained: imports nothing else of kommgraph. Data: data/places.tsv, built by tools/build_places.py
from packages on PyPI (see docs/places.md for sources and licences).
"""

from .iri import AUTHORITY_BASE, authority_iri
from .lookup import by_key, lookup
from .mentions import mentions
from .model import Mention, Place

__all__ = ["AUTHORITY_BASE", "Mention", "Place", "authority_iri", "by_key", "lookup", "mentions"]
