"""The stored-query catalogue: ``queries/NAME.rq`` with grlc-style ``#+`` decorators and BASIL parameters.

A parameter is a variable named ``?_name`` (required) or ``?__name`` (optional), with an optional type
suffix: ``?_unit_iri``, ``?_date_xsd_date``, ``?_year_xsd_gYear``, ``?_n_integer`` (see
``SUPPORTED_TYPES``); no suffix means a plain string. ``#+ defaults:`` and ``#+ enumerate:`` (a list of
allowed values) are checked against the parameter's type when the query is read.

Values are checked before anything runs (type, length, no ``\\u`` escapes, no control characters) and
turned into RDF terms; :mod:`kommgraph.query.binding` puts them into the query as a ``VALUES`` block,
the same way for every engine.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from rdflib import URIRef
from rdflib.namespace import XSD
from rdflib.term import Node

from kommgraph.core import paths
from kommgraph.query.binding import (
    SUPPORTED_TYPES,
    TYPE_EXAMPLES,
    TYPE_PATTERNS,
    Parameter,
    ParameterError,
    as_text,
    bind,
)

_PARAMETER = re.compile(r"[?$](__?)([A-Za-z][A-Za-z0-9]*)(?:_(iri|integer|number|string|xsd_[A-Za-z]+))?\b")


@dataclass
class StoredQuery:
    name: str
    text: str
    path: Path | None = None
    summary: str = ""
    description: str = ""
    tags: list[str] = field(default_factory=list)
    parameters: list[Parameter] = field(default_factory=list)
    decorators: dict = field(default_factory=dict)
    indexed: str | None = None  # the same query reading the index graph (queries/indexed/NAME.rq)
    # the parameter whose text the indexed form finds through the word index (``#+ index-parameter:``
    # in queries/indexed/NAME.rq): that form serves only a value without a space (see ``text_for``)
    word_parameter: str | None = None

    def text_for(self, holds_index: bool, values: dict[str, str] | None = None) -> str:
        """The indexed form where the store holds the index graph, else the form every store answers.

        An indexed form that finds a name through its words (queries/rules/91-index-name-words.rq)
        gives the same rows only for a text that cannot span two words: not empty, no space. For any
        other value, or where the caller does not say which ``values`` it binds, the plain form.
        """
        if self.indexed is None or not holds_index:
            return self.text
        if self.word_parameter is not None and not _one_word(self._value(self.word_parameter, values)):
            return self.text
        return self.indexed

    def _value(self, name: str, values: dict[str, str] | None) -> str | None:
        if values is None:
            return None
        given = values.get(name)
        return given if given is not None else self.parameter(name).default

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
        return bind(self.text, self.bindings(values))


def _one_word(value: str | None) -> bool:
    """A text the word index serves: not empty, no space (a word is a name's text between spaces)."""
    return value is not None and str(value) != "" and " " not in str(value)


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
    """A stored query from its text; a ParameterError names the query when a decorator or type is wrong."""
    where = str(path) if path else name
    decorators = parse_decorators(text)
    defaults = {k: None if v is None else as_text(v) for k, v in _mapping(decorators.get("defaults")).items()}
    enumerations = _enumerations(decorators.get("enumerate"), where)
    body = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("#"))
    parameters: dict[str, Parameter] = {}
    for underscores, pname, suffix in _PARAMETER.findall(body):
        variable = underscores + pname + (f"_{suffix}" if suffix else "")
        if pname in parameters:
            continue
        kind, datatype = _kind(suffix, where, variable)
        parameters[pname] = Parameter(
            name=pname,
            variable=variable,
            kind=kind,
            datatype=datatype,
            required=underscores == "_",
            default=defaults.get(pname),
            allowed=enumerations.get(pname, ()),
        )
    for label, given in (("defaults", defaults), ("enumerate", enumerations)):
        unknown = sorted(set(given) - set(parameters))
        if unknown:
            raise ParameterError(
                f"{where}: '#+ {label}' names {', '.join(unknown)}, which is not a parameter "
                f"of the query (parameters: {', '.join(parameters) or 'none'})"
            )
    for parameter in parameters.values():
        _check_declared_values(parameter, where)
    tags = decorators.get("tags") or []
    return StoredQuery(
        name=name,
        text=text,
        path=path,
        summary=str(decorators.get("summary", "")).strip(),
        description=str(decorators.get("description", "")).strip(),
        tags=[str(t) for t in (tags if isinstance(tags, list) else [tags])],
        parameters=sorted(parameters.values(), key=lambda p: p.name),
        decorators=decorators,
    )


def _kind(suffix: str, where: str, variable: str) -> tuple[str, URIRef | None]:
    if not suffix or suffix == "string":
        return "string", None
    if suffix == "iri":
        return "iri", None
    if suffix in ("integer", "number"):
        return "typed", XSD.integer
    datatype = XSD[suffix[4:]]
    if datatype == XSD.string:
        return "string", None
    if datatype not in TYPE_PATTERNS:
        supported = ", ".join("xsd_" + t.split("#")[-1] for t in SUPPORTED_TYPES)
        raise ParameterError(
            f"{where}: parameter ?{variable} has an unsupported type; use _iri, _integer or "
            f"one of {supported}"
        )
    return "typed", datatype


def _enumerations(items, where: str) -> dict[str, tuple[str, ...]]:
    """grlc's ``#+ enumerate:`` as a list of ``- name: [values]`` (or one mapping)."""
    if items is None:
        return {}
    for item in items if isinstance(items, list) else []:
        if not isinstance(item, dict):
            raise ParameterError(
                f"{where}: '#+ enumerate' entry {item!r} has no values; list them as "
                f"'- {item}: [a, b]' (values taken from the data are not supported)"
            )
    enumerations = {}
    for key, values in _mapping(items).items():
        if not isinstance(values, list) or not values:
            raise ParameterError(f"{where}: '#+ enumerate' for {key!r} must be a non-empty list of values")
        enumerations[str(key)] = tuple(as_text(v) for v in values)
    return enumerations


def _check_declared_values(parameter: Parameter, where: str) -> None:
    """Defaults and enumerated values must themselves be valid values of the parameter's type."""
    unrestricted = Parameter(parameter.name, parameter.variable, parameter.kind, parameter.datatype)
    for value in (*parameter.allowed, *([parameter.default] if parameter.default is not None else [])):
        try:
            unrestricted.term(value)
        except ParameterError as exc:
            raise ParameterError(f"{where}: declared value: {exc}") from None
    if parameter.allowed and parameter.default is not None and parameter.default not in parameter.allowed:
        raise ParameterError(
            f"{where}: the default of {parameter.name!r} ({parameter.default!r}) is not one of "
            f"its enumerated values {', '.join(parameter.allowed)}"
        )


def load_query(path: Path) -> StoredQuery:
    """The query of ``path``, with its indexed form from ``indexed/`` beside it where there is one.

    The indexed form reads the index graph (ontology/index.md), which the embedded store, ``serve`` and
    ``push`` hold and the files of a release do not: a store loaded from those files gets the plain form.
    """
    stored = parse_query(path.read_text(encoding="utf-8"), path.stem, path)
    indexed = path.parent / "indexed" / path.name
    if indexed.is_file():
        stored.indexed = indexed.read_text(encoding="utf-8")
        word_parameter = parse_decorators(stored.indexed).get("index-parameter")
        if word_parameter is not None:
            stored.parameter(str(word_parameter))  # a ParameterError names the query when it has none
            stored.word_parameter = str(word_parameter)
    return stored


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


# grlc decorators kommgraph reads (summary … enumerate) or tolerates for grlc compatibility.
KNOWN_DECORATORS = (
    "summary",
    "description",
    "tags",
    "defaults",
    "enumerate",
    "endpoint",
    "method",
    "pagination",
    "transform",
    "endpoint_in_url",
    "bound-by",  # kommgraph: `#+ bound-by: values` keeps parameters as variables (query/binding.py)
)
_SAMPLES = {"iri": "https://example.org/x", "string": "x"}


def sample_values(stored: StoredQuery) -> dict[str, str]:
    """A valid value for every parameter: its default, else its first allowed value, else an example."""
    values = {}
    for p in stored.parameters:
        if p.default is not None:
            values[p.name] = p.default
        elif p.allowed:
            values[p.name] = p.allowed[0]
        else:
            values[p.name] = TYPE_EXAMPLES.get(p.datatype, "") if p.kind == "typed" else _SAMPLES[p.kind]
    return values


def check_query(stored: StoredQuery) -> list[str]:
    """What keeps a stored query from giving the same rows, in the same order, on every engine.

    A query must have a summary, parse (with sample values bound), be SELECT DISTINCT or grouped (a
    server's union default graph may keep duplicates) and have an ORDER BY (deterministic rows).
    """
    import pyoxigraph as ox

    problems = []
    if not stored.summary:
        problems.append("no '#+ summary:'")
    unknown = sorted(set(stored.decorators) - set(KNOWN_DECORATORS))
    if unknown:
        problems.append(f"unknown decorator(s) {', '.join(unknown)} (known: {', '.join(KNOWN_DECORATORS)})")
    try:
        ox.Store().query(stored.bind(sample_values(stored)))
    except SyntaxError as exc:
        problems.append(f"does not parse: {exc.msg}")
    except ParameterError as exc:
        problems.append(str(exc))
    body = _body(stored.text)
    if not re.search(r"\bSELECT\s+DISTINCT\b", body, re.I) and not re.search(r"\bGROUP\s+BY\b", body, re.I):
        problems.append(
            "neither SELECT DISTINCT nor GROUP BY: rows may repeat on a server whose default graph "
            "is a union of named graphs"
        )
    if not re.search(r"\bORDER\s+BY\b", body, re.I):
        problems.append("no ORDER BY: the row order is not deterministic")
    return [f"{stored.path or stored.name}: {p}" for p in problems]


def check_catalogue(directory: Path | None = None) -> list[str]:
    problems = []
    for stored in catalogue(directory).values():
        problems += check_query(stored)
    return problems


def _body(text: str) -> str:
    return "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("#"))


def _algebra(text: str):
    from rdflib.plugins.sparql import prepareQuery

    return prepareQuery(text).algebra


def projection(text: str) -> list[str]:
    """The variables a SELECT query returns, in order."""
    return [str(v) for v in _algebra(text)["PV"]]


def order_variables(text: str) -> list[tuple[str, bool]]:
    """The ``ORDER BY`` keys that are plain variables, as (name, descending), outermost query only."""
    node = _algebra(text)
    while node is not None and hasattr(node, "name"):
        if node.name == "OrderBy":
            keys = []
            for condition in node["expr"]:
                expr = condition.get("expr", condition) if hasattr(condition, "get") else condition
                descending = getattr(condition, "order", None) == "DESC"
                if hasattr(expr, "n3") and str(expr.n3()).startswith("?"):
                    keys.append((str(expr), descending))
            return keys
        node = node.get("p")
    return []
