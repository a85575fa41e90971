"""The stored-query catalogue: ``queries/NAME.rq`` with grlc-style ``#+`` decorators and BASIL parameters.

A parameter is a variable named ``?_name`` (required) or ``?__name`` (optional), with an optional type
suffix: ``?_unit_iri``, ``?_date_xsd_date``, ``?_year_xsd_gYear``, ``?_n_integer``; no suffix means a
plain string. Values are checked, turned into RDF terms and bound through a ``VALUES`` block at the
start of the query's WHERE clause: never by formatting them into the query text.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from rdflib import Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Node

from kommgraph import paths

MAX_VALUE_LENGTH = 2000
_PARAMETER = re.compile(r"[?$](__?)([A-Za-z][A-Za-z0-9]*)(?:_(iri|integer|number|string|xsd_[A-Za-z]+))?\b")
_IRI = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>\"{}|\\^`]+$")
_PATTERNS = {
    XSD.date: re.compile(r"^-?\d{4}-\d{2}-\d{2}$"),
    XSD.gYearMonth: re.compile(r"^-?\d{4}-\d{2}$"),
    XSD.gYear: re.compile(r"^-?\d{4}$"),
    XSD.integer: re.compile(r"^[+-]?\d{1,18}$"),
}
_EXAMPLES = {XSD.date: "2018-05-31", XSD.gYearMonth: "2021-03", XSD.gYear: "2021", XSD.integer: "42"}


class ParameterError(ValueError):
    """A parameter value is missing, unknown or of the wrong form; the message says which and why."""


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

    def term(self, value: str) -> Node:
        """The RDF term for ``value``, or a ParameterError that says what was expected."""
        if not isinstance(value, str):
            value = str(value)
        if len(value) > MAX_VALUE_LENGTH:
            raise ParameterError(f"parameter {self.name!r}: value longer than {MAX_VALUE_LENGTH} characters")
        if self.allowed and value not in self.allowed:
            raise ParameterError(f"parameter {self.name!r} must be one of {', '.join(self.allowed)}; got {value!r}")
        if self.kind == "iri":
            if not _IRI.match(value):
                raise ParameterError(f"parameter {self.name!r} must be an absolute IRI such as https://…; got {value!r}")
            return URIRef(value)
        if self.kind == "typed":
            return _typed(self, value)
        if re.search(r"\\[uU]", value):
            raise ParameterError(f"parameter {self.name!r}: '\\u' and '\\U' escapes are refused in values")
        return Literal(value)


def _typed(parameter: Parameter, value: str) -> Literal:
    datatype = parameter.datatype
    pattern = _PATTERNS.get(datatype)
    ok = pattern is None or bool(pattern.match(value))
    if ok and datatype == XSD.date:
        try:
            dt.date.fromisoformat(value)
        except ValueError:
            ok = False
    if ok and datatype == XSD.gYearMonth and not 1 <= int(value[-2:]) <= 12:
        ok = False
    if not ok:
        example = _EXAMPLES.get(datatype, "")
        raise ParameterError(
            f"parameter {parameter.name!r} must be {parameter.type_label}" + (f" like {example}" if example else "")
            + f"; got {value!r}"
        )
    return Literal(value, datatype=datatype)


@dataclass
class StoredQuery:
    name: str
    text: str
    path: Path | None = None
    summary: str = ""
    description: str = ""
    tags: list[str] = field(default_factory=list)
    parameters: list[Parameter] = field(default_factory=list)

    def parameter(self, name: str) -> Parameter:
        for parameter in self.parameters:
            if parameter.name == name:
                return parameter
        known = ", ".join(p.name for p in self.parameters) or "none"
        raise ParameterError(f"query {self.name!r} has no parameter {name!r} (parameters: {known})")

    def bindings(self, values: dict[str, str] | None = None) -> dict[str, Node]:
        """Checked RDF terms for each parameter, from ``values`` or the defaults."""
        values = dict(values or {})
        for name in values:
            self.parameter(name)
        bound: dict[str, Node] = {}
        for parameter in self.parameters:
            value = values.get(parameter.name, parameter.default)
            if value is None:
                if parameter.required:
                    raise ParameterError(
                        f"query {self.name!r} needs parameter {parameter.name!r} ({parameter.type_label}); "
                        f"give it as -p {parameter.name}=VALUE"
                    )
                continue
            bound[parameter.variable] = parameter.term(value)
        return bound

    def bind(self, values: dict[str, str] | None = None) -> str:
        """The query text with its parameters bound."""
        return bind_values(self.text, self.bindings(values))


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
            lexical.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")
            .replace("\t", "\\t").replace("\b", "\\b").replace("\f", "\\f")
        )
        if term.language:
            return f'"{escaped}"@{term.language}'
        if term.datatype:
            return f'"{escaped}"^^<{term.datatype}>'
        return f'"{escaped}"'
    raise ParameterError(f"cannot bind {term!r}")


def bind_values(text: str, bindings: dict[str, Node]) -> str:
    """Insert ``VALUES (?a ?b) { (x y) }`` right after the opening brace of the WHERE clause."""
    if not bindings:
        return text
    names = sorted(bindings)
    block = "VALUES ({}) {{ ({}) }}".format(
        " ".join("?" + n for n in names), " ".join(serialise(bindings[n]) for n in names)
    )
    position = where_brace(text)
    return text[: position + 1] + "\n  " + block + "\n" + text[position + 1 :]


def where_brace(text: str) -> int:
    """Offset of the ``{`` that opens the query's WHERE clause (outside strings, IRIs and comments)."""
    first_brace = None
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c == "#":
            i = text.find("\n", i)
            i = n if i < 0 else i
            continue
        if c in "\"'":
            quote = c * 3 if text.startswith(c * 3, i) else c
            j = i + len(quote)
            while j < n and not text.startswith(quote, j):
                j += 2 if text[j] == "\\" else 1
            i = j + len(quote)
            continue
        if c == "<":
            match = re.compile(r"<[^\s<>\"{}|^`\\]*>").match(text, i)
            if match:
                i = match.end()
                continue
        if c == "{" and first_brace is None:
            first_brace = i
        if text[i : i + 5].upper() == "WHERE" and not (text[i - 1 : i].isalnum() or text[i + 5 : i + 6].isalnum()):
            brace = text.find("{", i)
            if brace >= 0:
                return brace
        i += 1
    if first_brace is None:
        raise ParameterError("cannot bind parameters: the query has no WHERE clause")
    return first_brace


def parse_decorators(text: str) -> dict:
    lines = [line[2:].removeprefix(" ") for line in text.splitlines() if line.startswith("#+")]
    if not lines:
        return {}
    try:
        data = yaml.safe_load("\n".join(lines)) or {}
    except yaml.YAMLError as exc:
        raise ParameterError(f"bad '#+' decorators: {exc}") from exc
    if not isinstance(data, dict):
        raise ParameterError("'#+' decorators must be 'key: value' lines")
    return data


def _mapping(items) -> dict:
    """grlc writes defaults as a list of one-key mappings; accept a mapping too."""
    if isinstance(items, dict):
        return items
    merged: dict = {}
    for item in items or []:
        if isinstance(item, dict):
            merged.update(item)
    return merged


def parse_query(text: str, name: str, path: Path | None = None) -> StoredQuery:
    decorators = parse_decorators(text)
    defaults = {k: None if v is None else str(v) for k, v in _mapping(decorators.get("defaults")).items()}
    enumerations = {k: tuple(str(x) for x in v) for k, v in _mapping(decorators.get("enumerate")).items()}
    body = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("#"))
    parameters: dict[str, Parameter] = {}
    for underscores, pname, suffix in _PARAMETER.findall(body):
        variable = underscores + pname + (f"_{suffix}" if suffix else "")
        if pname in parameters:
            continue
        kind, datatype = "string", None
        if suffix == "iri":
            kind = "iri"
        elif suffix in ("integer", "number"):
            kind, datatype = "typed", XSD.integer
        elif suffix.startswith("xsd_"):
            kind, datatype = "typed", XSD[suffix[4:]]
        parameters[pname] = Parameter(
            name=pname, variable=variable, kind=kind, datatype=datatype, required=underscores == "_",
            default=defaults.get(pname), allowed=enumerations.get(pname, ()),
        )
    tags = decorators.get("tags") or []
    return StoredQuery(
        name=name, text=text, path=path, summary=str(decorators.get("summary", "")).strip(),
        description=str(decorators.get("description", "")).strip(),
        tags=[str(t) for t in (tags if isinstance(tags, list) else [tags])],
        parameters=sorted(parameters.values(), key=lambda p: p.name),
    )


def load_query(path: Path) -> StoredQuery:
    return parse_query(path.read_text(encoding="utf-8"), path.stem, path)


def catalogue(directory: Path | None = None) -> dict[str, StoredQuery]:
    """Every stored query by name (the file stem), sorted."""
    directory = directory or paths.queries_dir()
    return {p.stem: load_query(p) for p in sorted(directory.glob("*.rq"))}


def resolve(name_or_path: str, directory: Path | None = None) -> StoredQuery:
    """A stored query by name, or a ``.rq`` file by path (which gets the same checks)."""
    if name_or_path.endswith(".rq") or "/" in name_or_path:
        path = Path(name_or_path)
        if not path.is_file():
            raise ParameterError(f"{path}: no such query file")
        return load_query(path)
    stored = catalogue(directory)
    if name_or_path not in stored:
        raise ParameterError(f"no stored query {name_or_path!r}; known: {', '.join(stored)}")
    return stored[name_or_path]
