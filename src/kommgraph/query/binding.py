"""Binding: the one way a value enters a query text.

A parameter value is checked (type, length, no ``\\u`` escapes, no control characters) and turned into an
RDF term (``Parameter.term``); the terms go into the query as a ``VALUES`` block of serialised terms at the
start of the WHERE clause (``bind``), which every engine (embedded Oxigraph, rdflib, a remote endpoint)
and the temporal queries use. Besides, ``inline`` writes each single term, escaped by ``serialise``, in
place of its variable inside the WHERE clause, so that an engine can look it up where it starts a
pattern, also inside a sub-SELECT or a nested group, which the ``VALUES`` block does not reach (Oxigraph
scans instead of looking up a value bound by ``VALUES``). Values are never formatted into the text
otherwise. Where only a variable may stand (projection, ``AS``, ``BOUND``, ``VALUES``, ``GROUP BY``,
``ORDER BY``) the variable stays, bound by the block.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from rdflib import Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Node

from kommgraph.core.errors import ParameterError

MAX_VALUE_LENGTH = 2000
_IRI = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>\"{}|\\^`]+$")
TYPE_PATTERNS = {
    XSD.date: re.compile(r"^-?\d{4}-\d{2}-\d{2}$"),
    XSD.gYearMonth: re.compile(r"^-?\d{4}-\d{2}$"),
    XSD.gYear: re.compile(r"^-?\d{4}$"),
    XSD.integer: re.compile(r"^[+-]?\d{1,18}$"),
    XSD.decimal: re.compile(r"^[+-]?(\d{1,18}(\.\d{0,18})?|\.\d{1,18})$"),
    XSD.boolean: re.compile(r"^(true|false|1|0)$"),
}
TYPE_EXAMPLES = {
    XSD.date: "2018-05-31",
    XSD.gYearMonth: "2021-03",
    XSD.gYear: "2021",
    XSD.integer: "42",
    XSD.decimal: "2.5",
    XSD.boolean: "true",
}
# The types a parameter may have: ``?_name_xsd_TYPE`` with TYPE one of these (or _iri, _integer, _string).
SUPPORTED_TYPES = (*TYPE_PATTERNS, XSD.string)


@dataclass(frozen=True)
class Parameter:
    name: str
    variable: str  # without the leading '?'
    kind: str  # "string", "iri" or "typed"
    datatype: URIRef | None = None
    required: bool = True
    default: str | None = None
    allowed: tuple[str, ...] = ()

    @property
    def type_label(self) -> str:
        if self.kind == "typed" and self.datatype is not None:
            return "xsd:" + self.datatype.split("#")[-1]
        return self.kind

    def term(self, value) -> Node:
        """The RDF term for ``value``, or a ParameterError that says what was expected.

        Every engine gets the same checks, so that a value refused on one is refused on all.
        """
        value = as_text(value)
        if len(value) > MAX_VALUE_LENGTH:
            raise ParameterError(f"parameter {self.name!r}: value longer than {MAX_VALUE_LENGTH} characters")
        if re.search(r"\\[uU]", value):
            raise ParameterError(f"parameter {self.name!r}: '\\u' and '\\U' escapes are refused in values")
        if _CONTROL.search(value) or not _encodable(value):
            raise ParameterError(f"parameter {self.name!r}: control characters are refused in values")
        if self.allowed and value not in self.allowed:
            raise ParameterError(
                f"parameter {self.name!r} must be one of {', '.join(self.allowed)}; got {value!r}"
            )
        if self.kind == "iri":
            if not _IRI.match(value):
                raise ParameterError(
                    f"parameter {self.name!r} must be an absolute IRI such as https://…; got {value!r}"
                )
            return URIRef(value)
        if self.kind == "typed":
            return _typed(self, value)
        return Literal(value)


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _encodable(value: str) -> bool:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def as_text(value) -> str:
    """A parameter value from Python: dates in ISO form, booleans as true/false, anything else by str()."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    return value if isinstance(value, str) else str(value)


def _typed(parameter: Parameter, value: str) -> Literal:
    datatype = parameter.datatype
    pattern = TYPE_PATTERNS.get(datatype)
    ok = pattern is None or bool(pattern.match(value))
    if ok and datatype == XSD.date:
        try:
            dt.date.fromisoformat(value)
        except ValueError:
            ok = False
    if ok and datatype == XSD.gYearMonth and not 1 <= int(value[-2:]) <= 12:
        ok = False
    if not ok:
        example = TYPE_EXAMPLES.get(datatype, "")
        raise ParameterError(
            f"parameter {parameter.name!r} must be {parameter.type_label}"
            + (f" like {example}" if example else "")
            + f"; got {value!r}"
        )
    return Literal(value, datatype=datatype)


def serialise(term: Node) -> str:
    """A term as SPARQL syntax. Strings are escaped here (not by rdflib's Turtle-oriented n3())."""
    if isinstance(term, URIRef):
        if not _IRI.match(str(term)):
            raise ParameterError(f"not an absolute IRI: {str(term)!r}")
        return f"<{term}>"
    if isinstance(term, Literal):
        lexical = str(term)
        if re.search(r"\\[uU]", lexical):
            raise ParameterError("'\\u' and '\\U' escapes are refused in values")
        escaped = (
            lexical.replace("\\", "\\\\")
            .replace('"', '\\"')
            .replace("\n", "\\n")
            .replace("\r", "\\r")
            .replace("\t", "\\t")
            .replace("\b", "\\b")
            .replace("\f", "\\f")
        )
        if term.language:
            return f'"{escaped}"@{term.language}'
        if term.datatype:
            return f'"{escaped}"^^<{term.datatype}>'
        return f'"{escaped}"'
    raise ParameterError(f"cannot bind {term!r}")


def bind(text: str, bindings: Mapping[str, Node | Sequence[Node]] | None) -> str:
    """The query with its parameters bound: ``VALUES`` blocks right after the opening brace of the WHERE
    clause. Variables bound to one term share one row ``VALUES (?a ?b) { (x y) }``; a variable bound to
    a list of terms gets a block of its own, ``VALUES ?c { x y z }`` (blocks join: every combination)."""
    if not bindings:
        return text
    single = sorted(n for n, v in bindings.items() if not isinstance(v, list | tuple))
    several = sorted(n for n, v in bindings.items() if isinstance(v, list | tuple))
    blocks = []
    if single:
        blocks.append(
            "VALUES ({}) {{ ({}) }}".format(
                " ".join("?" + n for n in single), " ".join(serialise(bindings[n]) for n in single)
            )
        )
    for name in several:
        blocks.append(f"VALUES ?{name} {{ " + " ".join(serialise(term) for term in bindings[name]) + " }")
    if not _VALUES_ONLY.search(text):
        text = inline(text, {n: bindings[n] for n in single})
    position = where_brace(text)
    return text[: position + 1] + "\n  " + "\n  ".join(blocks) + "\n" + text[position + 1 :]


# a query whose plan is better with its parameters as variables bound by the block (lineage: a constant
# at the start of a property path made Oxigraph evaluate the rest of the query for every unit)
_VALUES_ONLY = re.compile(r"^#\+ bound-by: values[ \t]*$", re.MULTILINE)
_VAR = re.compile(r"[?$]([A-Za-z0-9_\u00B7\u00C0-\uFFFF]+)")
_WORD = re.compile(r"[A-Za-z]+")
_IRI_REF = re.compile(r"<[^\s<>\"{}|^`\\]*>")


def inline(text: str, terms: Mapping[str, Node]) -> str:
    """The WHERE clause with each bound variable written as its term (escaped by ``serialise``), so that
    an engine can look the value up where it starts a pattern, also inside a sub-SELECT, which the
    ``VALUES`` block does not reach (Oxigraph scanned instead: units-on-date). ``bind`` keeps the
    ``VALUES`` block, so a projected parameter stays bound. Where only a variable may stand (a SELECT's
    projection, ``AS``, ``BOUND``, ``VALUES``, ``GROUP BY``/``ORDER BY``) it stays, bound by the block."""
    if not terms:
        return text
    out, last = [], 0
    for start, end, name in _occurrences(text, set(terms)):
        out.append(text[last:start])
        out.append(serialise(terms[name]))
        last = end
    out.append(text[last:])
    return "".join(out)


def _occurrences(text: str, names: set[str]) -> list[tuple[int, int, str]]:
    """Where the variables ``names`` occur in the WHERE clause (outside strings, IRIs and comments) in a
    place a term may take."""
    found: list[tuple[int, int, str]] = []
    only_variables = False  # inside a projection, a VALUES header or a GROUP/ORDER BY list
    i, n = where_brace(text), len(text)
    while i < n:
        c = text[i]
        if (after := _past_opaque(text, i)) is not None:
            i = after
            continue
        if c in "?$" and (match := _VAR.match(text, i)):
            name = match.group(1)
            if name in names and not only_variables and _previous_word(text, i) not in ("AS", "BOUND"):
                found.append((i, match.end(), name))
            i = match.end()
            continue
        if c in "{}":
            only_variables = False
        elif c.isalpha() and not (i and (text[i - 1].isalnum() or text[i - 1] in "_:")):
            word = _WORD.match(text, i).group(0)
            upper = word.upper() if text[i + len(word) : i + len(word) + 1] != ":" else ""
            if upper in ("SELECT", "VALUES", "BY"):
                only_variables = True
            elif upper in ("WHERE", "HAVING", "LIMIT", "OFFSET"):
                only_variables = False
            i += len(word)
            continue
        i += 1
    return found


def _past_opaque(text: str, i: int) -> int | None:
    """The offset after the comment, string or IRI that starts at ``i`` (whose words and variables are no
    query syntax), or None when none starts there."""
    c, n = text[i], len(text)
    if c == "#":
        end = text.find("\n", i)
        return n if end < 0 else end
    if c in "\"'":
        quote = c * 3 if text.startswith(c * 3, i) else c
        j = i + len(quote)
        while j < n and not text.startswith(quote, j):
            j += 2 if text[j] == "\\" else 1
        return j + len(quote)
    if c == "<" and (match := _IRI_REF.match(text, i)):
        return match.end()
    return None


def _previous_word(text: str, position: int) -> str:
    match = re.search(r"([A-Za-z]+)\s*\(?\s*$", text[max(0, position - 20) : position])
    return match.group(1).upper() if match else ""


def where_brace(text: str) -> int:
    """Offset of the ``{`` that opens the query's WHERE clause (outside strings, IRIs and comments)."""
    first_brace = None
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if (after := _past_opaque(text, i)) is not None:
            i = after
            continue
        if c == "{" and first_brace is None:
            first_brace = i
        if text[i : i + 5].upper() == "WHERE" and not (
            text[i - 1 : i].isalnum() or text[i + 5 : i + 6].isalnum()
        ):
            brace = text.find("{", i)
            if brace >= 0:
                return brace
        i += 1
    if first_brace is None:
        raise ParameterError("cannot bind parameters: the query has no WHERE clause")
    return first_brace
