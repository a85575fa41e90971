"""pyoxigraph terms as rdflib terms."""

from __future__ import annotations

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Node


def to_rdflib(term) -> Node | None:
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        datatype = term.datatype.value
        return (
            Literal(term.value)
            if datatype == str(XSD.string)
            else Literal(term.value, datatype=URIRef(datatype))
        )
    raise TypeError(f"unsupported term {term!r}")
