"""The one rule for a resource's human label, shared by pages, validation messages and lineages."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from kommgraph.core.vocab import DCT, FOAF_NS, OA, RDFS_NS, SKOS_NS

# The properties that name a resource, strongest first.
NAME_PROPERTIES = (str(SKOS_NS.prefLabel), str(FOAF_NS.name), str(DCT.title), str(RDFS_NS.label))
# Messages may also name a quote (kg:Evidence) by its text; pages give quotes a heading of their own.
NAME_OR_QUOTE_PROPERTIES = NAME_PROPERTIES + (str(OA.exact),)

# objects(iri, property) -> the literal objects as (lexical form, language tag or None).
Objects = Callable[[str, str], Iterable[tuple[str, "str | None"]]]


def stated_label(
    objects: Objects, iri: str, lang: str = "de", properties: tuple[str, ...] = NAME_PROPERTIES
) -> str | None:
    """The first property in ``properties`` that has literals decides; among its literals those in
    ``lang`` win, and among those the smallest text (so the choice does not depend on storage order).
    None when no property has a literal."""
    for prop in properties:
        values = list(objects(iri, prop))
        if values:
            in_lang = [text for text, tag in values if tag == lang]
            return min(in_lang or [text for text, _ in values])
    return None


def local_name(iri: str) -> str:
    """The last path or fragment segment of an IRI: the fallback label."""
    return re.split(r"[#/]", iri.rstrip("/#"))[-1]


def label(objects: Objects, iri: str, lang: str = "de", properties: tuple[str, ...] = NAME_PROPERTIES) -> str:
    """The stated label, or the IRI's local name."""
    stated = stated_label(objects, iri, lang, properties)
    return local_name(iri) if stated is None else stated
