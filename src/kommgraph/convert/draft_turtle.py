"""Canonical Turtle of a draft, written from plain strings instead of rdflib terms.

The converter's triples hold IRIs as ``str`` and literals as :class:`Lit`; :func:`write` gives the very
bytes that :func:`kommgraph.core.turtle.canonical_turtle` writes for the same triples as rdflib terms
(it mirrors ``fast_longturtle``: subjects by how often they are objects, ``rdf:type`` first, then
predicates and objects sorted), about three times faster, because no rdflib term is made. What it does
not reproduce (rdflib's order of mixed objects, IRIs rdflib would not shorten the same way) makes it
return None, and the caller uses the shared writer.
"""

from __future__ import annotations

import re
import string
from decimal import Decimal
from functools import lru_cache
from typing import NamedTuple

from kommgraph.core.namespaces import DEFAULT_BASE, PREFIXES, RDF, RDFS, XSD, bound_split


class Lit(NamedTuple):
    """A literal: its lexical form, language tag or datatype IRI (at most one of them)."""

    text: str
    lang: str | None
    datatype: str | None


class _Unsupported(Exception):
    """Something this writer does not reproduce: the caller uses the shared writer."""


_TYPE, _LABEL, _CLASS, _NIL = RDF + "type", RDFS + "label", RDFS + "Class", RDF + "nil"
_INTEGER, _DECIMAL, _BOOLEAN, _DOUBLE = XSD + "integer", XSD + "decimal", XSD + "boolean", XSD + "double"


def from_rdflib(literal) -> Lit:
    datatype = str(literal.datatype) if literal.datatype is not None else None
    return Lit(str(literal), literal.language, datatype)


def value_literal(value: int | bool | Decimal) -> Lit:
    """The Lit of ``Literal(value)`` for an int, bool or Decimal (rdflib's lexical forms of them)."""
    if isinstance(value, bool):
        return Lit(str(value).lower(), None, _BOOLEAN)
    if isinstance(value, int):
        return Lit(str(value), None, _INTEGER)
    if isinstance(value, Decimal):
        return Lit(f"{value:f}", None, _DECIMAL)
    raise TypeError(f"no plain literal for {type(value).__name__}")


#: datatypes whose rdflib literals are made from a Python value: to_rdflib makes them so again
_FROM_VALUE = {_INTEGER: int, _DECIMAL: Decimal, _BOOLEAN: lambda text: text == "true"}


def to_rdflib(term):
    """The rdflib term of a plain IRI string or a Lit (equal to the one the converter made before)."""
    from rdflib import Literal, URIRef

    if type(term) is Lit:
        make = _FROM_VALUE.get(term.datatype)
        if make is not None:
            return Literal(make(term.text))
        return Literal(term.text, lang=term.lang, datatype=term.datatype)
    if type(term) is not str:  # an rdflib term already (added by other code)
        return term
    return URIRef(term)


def rdflib_triples(triples) -> list[tuple]:
    from rdflib import URIRef

    return [(URIRef(s), URIRef(p), to_rdflib(o)) for s, p, o in triples]


# kommgraph's own minted IRIs ("…/id/unit/06412000/hauptamt"): rdflib splits them after their last "/",
# a namespace no prefix is bound to (kgid: is bound to the base alone), so it writes them in full.
# tests/converter/test_speed_draft_turtle.py checks that no other prefix lies under the base.
_MINTED = re.compile(re.escape(DEFAULT_BASE) + r"[a-z]+(?:/[A-Za-z0-9_.-]+)+")


def write(triples, header: str = "") -> str | None:
    """canonical_turtle's text for these plain triples, or None when only the shared writer can tell."""
    try:
        body, used = _longturtle(triples)
    except _Unsupported:
        return None
    prefix_lines = sorted(f"PREFIX {prefix}: <{PREFIXES[prefix]}>" for prefix in used)
    body = body.encode("utf-8", "replace").decode("utf-8")
    comment = "".join(f"# {line}".rstrip() + "\n" for line in header.splitlines()) if header else ""
    if "\nPREFIX " in body:  # a long literal with such a line: canonical_turtle moves it, do the same
        lines = ("\n".join(prefix_lines) + "\n" + body).split("\n")
        prefix_lines = sorted({line for line in lines if line.startswith("PREFIX ")})
        body = "\n".join(line for line in lines if not line.startswith("PREFIX "))
    # canonical_turtle's layout: header comments, the PREFIX lines, one blank line, the blocks
    return comment + "\n".join(prefix_lines) + "\n\n" + body.strip("\n") + "\n"


def _longturtle(triples) -> tuple[str, set[str]]:
    by_subject: dict[str, dict[str, list]] = {}
    references: dict[str, int] = {}
    used: set[str] = set()
    labels: dict[str, str] = {}

    def iri_label(iri: str, predicate: bool = False) -> str:
        label = labels.get(iri)
        if label is None:
            if _MINTED.fullmatch(iri):
                label = labels[iri] = f"<{iri}>"
                return label
            name, prefix = _pname(iri)
            if predicate and name is None and prefix == "":
                raise _Unsupported(f"rdflib would invent a prefix for {iri}")
            label = labels[iri] = "()" if iri == _NIL else name or f"<{iri}>"
            if prefix:
                used.add(prefix)
        return label

    converted = False
    for s, p, o in triples:
        if type(s) is not str or type(p) is not str or (type(o) is not str and type(o) is not Lit):
            s, p, o = _plain_term(s), _plain_term(p), _plain_term(o)  # rdflib terms added by other code
            converted = True
        by_subject.setdefault(s, {}).setdefault(p, []).append(o)
    if converted:  # an IRI given once as str and once as URIRef is one object
        for properties in by_subject.values():
            for p, objects in properties.items():
                properties[p] = list(dict.fromkeys(objects))
    for properties in by_subject.values():
        for objects in properties.values():
            for o in objects:
                if type(o) is not Lit:
                    references[o] = references.get(o, 0) + 1

    blocks: dict[str, str] = {}
    classes: list[str] = []
    for s, properties in by_subject.items():
        parts = ["\n", iri_label(s), "\n    "]
        order = [p for p in (_TYPE, _LABEL) if p in properties]
        order += sorted(p for p in properties if p != _TYPE and p != _LABEL)
        for k, p in enumerate(order):
            if k:
                parts.append(" ;\n    ")
            parts.append("a" if p == _TYPE else iri_label(p, predicate=True))
            objects = properties[p]
            if len(objects) == 1:
                o = objects[0]
                parts.append(" " + (iri_label(o) if type(o) is str else _label(o, iri_label)))
            else:
                objects = _sorted(objects)
                parts.append("\n        " + " ,\n        ".join(_label(o, iri_label) for o in objects))
        parts.append(" ;\n.\n")
        blocks[s] = "".join(parts)
        if _CLASS in properties.get(_TYPE, ()):
            classes.append(s)
    classes.sort()
    seen = set(classes)
    rest = sorted((references.get(s, 0), s) for s in by_subject if s not in seen)
    return "".join([blocks[s] for s in classes] + [blocks[s] for _, s in rest]), used


def _plain_term(term):
    if type(term) is str or type(term) is Lit:
        return term
    from rdflib import Literal, URIRef  # (loaded already: the term is one of its)

    if isinstance(term, URIRef):
        return str(term)
    if isinstance(term, Literal) and not (str(term.datatype) in _FROM_VALUE and term.value is None):
        return from_rdflib(term)
    raise _Unsupported(f"{type(term).__name__} {term!r}")


def _sorted(objects: list) -> list:
    """rdflib's order: IRIs as strings; plain or same-language strings by their text; else unsupported."""
    if len(objects) == 1:
        return objects
    if all(type(o) is not Lit for o in objects):
        return sorted(objects)
    if all(type(o) is Lit and o.datatype is None and o.lang == objects[0].lang for o in objects):
        return sorted(objects, key=lambda o: o.text)
    raise _Unsupported("objects of mixed kinds")


def _label(o, iri_label) -> str:
    if type(o) is not Lit:
        return iri_label(o)
    text, lang, datatype = o
    if datatype is None:
        return f"{_quoted(text)}@{lang}" if lang else _quoted(text)
    qname = iri_label(datatype)  # rdflib registers the datatype's prefix even when it writes none
    if datatype == _INTEGER:
        return text
    if datatype == _DECIMAL:
        return text if "." in text or "e" in text or "E" in text else text + ".0"
    if datatype == _BOOLEAN:
        return text.lower()
    if datatype == _DOUBLE:
        raise _Unsupported("xsd:double")
    return f"{_quoted(text)}^^{qname}"


def _quoted(text: str) -> str:
    """rdflib's ``Literal._quote_encode``, character for character."""
    if "\n" in text:
        encoded = text.replace("\\", "\\\\")
        if '"""' in text:
            encoded = encoded.replace('"""', '\\"\\"\\"')
        if encoded[-1] == '"' and encoded[-2] != "\\":
            encoded = encoded[:-1] + "\\" + '"'
        encoded = encoded.replace("\r", "\\r")
        return f'"""{encoded}"""'
    encoded = text.replace("\\", "\\\\").replace('"', '\\"').replace("\r", "\\r")  # (no "\n" here)
    return f'"{encoded}"'


# IRI → prefixed name as rdflib's longturtle writes it (kommgraph.core.turtle._pname), without rdflib:
# for IRIs that rdflib's split_uri splits at the last run of ASCII name characters; any other IRI is
# left to the shared writer (_Unsupported). tests/converter/test_speed_draft_turtle.py compares both.
_INVALID_IRI_CHARS = '<>" {}|\\^`'  # rdflib.term._is_valid_uri
_NAME_CHARS = string.ascii_letters + string.digits + "-._%()"  # rdflib's name characters in ASCII
_SPLIT_START = re.compile(r"[A-Za-z0-9_]")
_XMLNS = "http://www.w3.org/XML/1998/namespace"
_PERCENT = re.compile(r"%(?![0-9A-Fa-f]{2})")
_BOUND = {namespace: prefix for prefix, namespace in PREFIXES.items()}


@lru_cache(maxsize=65536)
def _pname(uri: str) -> tuple[str | None, str | None]:
    """(prefixed name or None, prefix used or None; "" where rdflib would invent a prefix)."""
    if any(c in uri for c in _INVALID_IRI_CHARS):
        raise _Unsupported(f"invalid IRI {uri!r}")
    start = len(uri.rstrip(_NAME_CHARS))
    found = (
        _SPLIT_START.search(uri, start) if start and uri.isascii() and not uri.startswith(_XMLNS) else None
    )
    if found is None:
        raise _Unsupported(f"an IRI split by rdflib's Unicode rules: {uri!r}")
    namespace, local = uri[: found.start()], uri[found.start() :]
    prefix, local = bound_split(uri, namespace, local, _BOUND)
    if prefix is None:
        prefix = _BOUND.get(uri)
        return (f"{prefix}:", prefix) if prefix is not None else (None, "")
    local = local.replace("(", r"\(").replace(")", r"\)")
    local = _PERCENT.sub("\\\\%", local)
    if local.endswith("."):
        return None, None
    return f"{prefix}:{local}", prefix
