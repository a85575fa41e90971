"""The stored-query catalogue: ``queries/NAME.rq`` with grlc-style ``#+`` decorators and BASIL parameters.

A parameter is a variable named ``?_name`` (required) or ``?__name`` (optional), with an optional type
suffix: ``?_unit_iri``, ``?_date_xsd_date``, ``?_year_xsd_gYear``, ``?_n_integer`` (see
``SUPPORTED_TYPES``); no suffix means a plain string. ``#+ defaults:`` and ``#+ enumerate:`` (a list of
allowed values) are checked against the parameter's type when the query is read.

Values are checked before anything runs (type, length, no ``\\u`` escapes, no control characters) and
turned into RDF terms; an engine binds the terms (rdflib ``initBindings``) or gets a ``VALUES`` block of
serialised terms at the start of the WHERE clause (Oxigraph, remote endpoints): never by formatting
values into the query text. Because a ``VALUES`` block joins with the top-level group, a parameter
belongs in the top-level group or in a triple pattern; inside a nested group's BIND or a sub-SELECT it
would be unbound on Oxigraph and endpoints but bound on rdflib.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from rdflib import Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Node

from kommgraph.core import paths

MAX_VALUE_LENGTH = 2000
_PARAMETER = re.compile(r"[?$](__?)([A-Za-z][A-Za-z0-9]*)(?:_(iri|integer|number|string|xsd_[A-Za-z]+))?\b")
_IRI = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>\"{}|\\^`]+$")
_PATTERNS = {
    XSD.date: re.compile(r"^-?\d{4}-\d{2}-\d{2}$"),
    XSD.gYearMonth: re.compile(r"^-?\d{4}-\d{2}$"),
    XSD.gYear: re.compile(r"^-?\d{4}$"),
    XSD.integer: re.compile(r"^[+-]?\d{1,18}$"),
    XSD.decimal: re.compile(r"^[+-]?(\d{1,18}(\.\d{0,18})?|\.\d{1,18})$"),
    XSD.boolean: re.compile(r"^(true|false|1|0)$"),
}
_EXAMPLES = {
    XSD.date: "2018-05-31",
    XSD.gYearMonth: "2021-03",
    XSD.gYear: "2021",
    XSD.integer: "42",
    XSD.decimal: "2.5",
    XSD.boolean: "true",
}
# The types a parameter may have: ``?_name_xsd_TYPE`` with TYPE one of these (or _iri, _integer, _string).
SUPPORTED_TYPES = (*_PATTERNS, XSD.string)


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
            f"parameter {parameter.name!r} must be {parameter.type_label}"
            + (f" like {example}" if example else "")
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
    decorators: dict = field(default_factory=dict)

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
    if datatype not in _PATTERNS:
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
            values[p.name] = _EXAMPLES.get(p.datatype, "") if p.kind == "typed" else _SAMPLES[p.kind]
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


def reference_markdown(directory: Path | None = None) -> str:
    """docs/queries.md: the reference of every stored query, from its decorators (a test keeps it current)."""
    stored = catalogue(directory)
    out = [
        "# Stored queries",
        "",
        "<!-- Generated by kommgraph.query.catalogue.reference_markdown() (`kommgraph queries --format markdown`);",
        "     tests/query checks that this file is current. Edit queries/*.rq, not this file. -->",
        "",
        "Each query is a file `queries/NAME.rq` with [grlc](https://grlc.io)-style `#+` decorators",
        "(`summary`, `description`, `tags`, `defaults`, `enumerate`) and BASIL parameter variables:",
        "`?_name` is required, `?__name` optional; a suffix gives the type: `_iri`, `_integer`,",
        "`_xsd_date`, `_xsd_gYearMonth`, `_xsd_gYear`, `_xsd_decimal`, `_xsd_boolean` (none: a string).",
        "Values are checked before the query runs and bound as RDF terms (never formatted into the text).",
        "",
        "Run a query with `kommgraph query NAME -p KEY=VALUE [--format table|csv|tsv|json|markdown]`,",
        "against a SPARQL endpoint with `--endpoint URL`, or in Python with",
        '`kommgraph.open().query("NAME", KEY=VALUE).to_df()`.',
        "",
        "| query | summary |",
        "|---|---|",
    ]
    out += [f"| [{name}](#{name}) | {_md(q.summary)} |" for name, q in stored.items()]
    for name, q in stored.items():
        out += [
            "",
            f"## {name}",
            "",
            _md(q.summary) + ("." if q.summary and q.summary[-1] not in ".?!" else ""),
        ]
        if q.description:
            out += ["", q.description]
        out += [""]
        if q.tags:
            out.append(f"- Tags: {', '.join(q.tags)}")
        out.append(f"- File: `queries/{name}.rq`")
        try:
            out.append("- Columns: " + ", ".join(f"`{v}`" for v in projection(q.text)))
        except Exception:  # noqa: BLE001 - rdflib's parser may not know every extension Oxigraph does
            pass
        if q.parameters:
            out += ["", "| parameter | type | required | default | allowed values |", "|---|---|---|---|---|"]
            for p in q.parameters:
                required = "yes" if p.required and p.default is None else "no"
                default = f"`{p.default}`" if p.default is not None else ""
                allowed = ", ".join(f"`{a}`" for a in p.allowed)
                out.append(f"| `{p.name}` | {p.type_label} | {required} | {default} | {allowed} |")
        else:
            out += ["", "No parameters."]
        values = {
            p.name: v
            for p, v in zip(q.parameters, sample_values(q).values(), strict=True)
            if p.required or p.default is not None
        }
        cli = " ".join(f"-p {k}={_shell(v)}" for k, v in values.items())
        python = ", ".join(f"{k}={json.dumps(v, ensure_ascii=False)}" for k, v in values.items())
        out += [
            "",
            "```sh",
            f"kommgraph query {name}{' ' + cli if cli else ''}",
            "```",
            "",
            "```python",
            f'kg.query("{name}"{", " + python if python else ""}).to_df()',
            "```",
        ]
    from kommgraph.query.remote import ROUND_TRIP_MARKDOWN  # issue 14 (virtuoso helper): round trip section

    out += ["", *ROUND_TRIP_MARKDOWN.splitlines()]
    return "\n".join(out) + "\n"


def _md(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def _shell(value: str) -> str:
    return value if re.fullmatch(r"[\w.:/@%+=,-]+", value) else "'" + value.replace("'", "'\\''") + "'"
