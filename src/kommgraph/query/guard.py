"""No network unless asked: refuse, before execution, every query construct that makes an engine fetch.

SPARQL engines make outbound requests for ``SERVICE <iri>`` (Oxigraph and rdflib), ``LOAD <iri>`` and,
in rdflib's engine, ``FROM``/``FROM NAMED <iri>`` (rdflib parses the IRI as a document to load). A query
sent to a public server could so make it a proxy to any address (SSRF). ``check`` reads the query
text (comments, strings and IRIs recognised, so a keyword inside a string is no keyword) and raises
``OutboundRequestRefused`` naming the construct and its line.

- ``SERVICE`` and ``LOAD`` are refused whatever their target, unless its host is allowed;
- ``FROM``/``FROM NAMED`` are accepted for the kommgraph IRIs (``https://w3id.org/kommgraph/`` and any
  base a server was started with) and refused for other IRIs unless the host is allowed.

Allowed hosts exist for the CLI and the Python API only: ``KOMMGRAPH_ALLOW_HOSTS=host1,host2`` in the
environment, or ``allow_hosts("host")``. The server always calls ``check(text, allow=())``.
Every engine passes its query text through ``refuse_network`` before execution. rdflib's engine
(``engines.RdflibEngine``) also calls ``no_graph_loading``, which switches off rdflib's loading of graphs
named in FROM (``SPARQL_LOAD_GRAPHS``); importing this module does so too where rdflib's SPARQL package
is already imported. It is not imported here: it costs ~0.15 s of CPU at every start of `kommgraph
query`, which on Oxigraph does not need it.
"""

from __future__ import annotations

import hashlib
import os
import re
import sys
from collections.abc import Iterable
from typing import NamedTuple
from urllib.parse import urljoin, urlsplit

from kommgraph.core.errors import QueryError


def no_graph_loading() -> None:
    """rdflib's engine would otherwise parse FROM/FROM NAMED IRIs as documents to fetch."""
    import rdflib.plugins.sparql

    rdflib.plugins.sparql.SPARQL_LOAD_GRAPHS = False


if "rdflib.plugins.sparql" in sys.modules:
    no_graph_loading()

ENVIRONMENT_VARIABLE = "KOMMGRAPH_ALLOW_HOSTS"
KOMMGRAPH_PREFIXES = ("https://w3id.org/kommgraph/",)
_allowed_by_api: set[str] = set()

_TOKEN = re.compile(  # possessive quantifiers (*+): no backtracking, linear in the query's length
    r"""
    (?P<comment>\#[^\n]*+)
  | (?P<string>'''(?:[^'\\]|\\.|'(?!''))*+'''|\"\"\"(?:[^"\\]|\\.|"(?!""))*+\"\"\"
              |'(?:[^'\\\n]|\\.)*+'|"(?:[^"\\\n]|\\.)*+")
  | (?P<iri><[^<>"{}|^`\\\x00-\x20]*+>)
  | (?P<pname>(?:[A-Za-z][\w.-]*+)?:[\w.:%-]*+)
  | (?P<variable>[?$]\w++)
  | (?P<word>[A-Za-z_][\w-]*+)
  | (?P<other>[^\s\w'"<#?$:]++|\S)
    """,
    re.VERBOSE | re.DOTALL,
)


_KEYWORD = re.compile(r"\b(SERVICE|LOAD|FROM)\b", re.IGNORECASE)


class OutboundRequestRefused(QueryError):
    """A query would make an engine open a connection to another host; the message says where."""


class Token(NamedTuple):
    kind: str
    text: str
    line: int


def allow_hosts(*hosts: str) -> None:
    """Allow SERVICE/LOAD/FROM to these hosts in this Python process (CLI and API; never the server)."""
    _allowed_by_api.update(host.lower() for host in hosts)


def allowed_hosts() -> frozenset[str]:
    """The hosts allowed by ``allow_hosts`` and by ``$KOMMGRAPH_ALLOW_HOSTS``."""
    from_environment = {h.strip().lower() for h in os.environ.get(ENVIRONMENT_VARIABLE, "").split(",")}
    return frozenset((from_environment | _allowed_by_api) - {""})


def tokens(text: str) -> list[Token]:
    """The query's tokens that matter here (words, names, IRIs, variables, strings), without comments
    and punctuation; strings and IRIs are single tokens. ``line`` is where the token starts."""
    out = []
    line, counted = 1, 0
    for match in _TOKEN.finditer(text):
        kind = match.lastgroup
        if kind in ("comment", "other"):
            continue
        start = match.start()
        line += text.count("\n", counted, start)
        counted = start
        out.append(Token(kind, match.group(), line))
    return out


def check(text: str, allow: Iterable[str] | None = None, local_prefixes: Iterable[str] = ()) -> None:
    """Raise ``OutboundRequestRefused`` when ``text`` contains SERVICE, LOAD or a remote FROM.

    ``allow``: hosts that may be contacted (None: the hosts of ``allowed_hosts()``; the server passes
    an empty tuple). ``local_prefixes``: further IRI prefixes that name kommgraph graphs.
    """
    if not _KEYWORD.search(text):  # the common case, without tokenising
        return
    hosts = allowed_hosts() if allow is None else frozenset(h.lower() for h in allow)
    local = (*KOMMGRAPH_PREFIXES, *local_prefixes)
    key = (hashlib.sha256(text.encode("utf-8", "surrogatepass")).digest(), hosts, local)
    if key not in _verdicts:
        if len(_verdicts) >= VERDICT_CACHE:
            _verdicts.clear()
        _verdicts[key] = _verdict(text, hosts, local)
    if _verdicts[key] is not None:
        raise OutboundRequestRefused(_verdicts[key])


_verdicts: dict[tuple, str | None] = {}  # the same query (a stored one, say) is read once
VERDICT_CACHE = 1024


def refuse_network(text: str) -> str:
    """``check`` with the allowed hosts of the CLI/API; returns the text, so engines can chain it."""
    check(text)
    return text


def _verdict(text: str, hosts: frozenset[str], local: tuple[str, ...]) -> str | None:
    """The refusal message for ``text``, or None when it makes no engine fetch elsewhere."""
    try:
        _read(text, hosts, local)
    except OutboundRequestRefused as exc:
        return str(exc)
    return None


def _read(text: str, hosts: frozenset[str], local: tuple[str, ...]) -> None:
    found = tokens(text)
    prefixes: dict[str, str] = {}
    base = ""
    for index, token in enumerate(found):
        word = token.text.upper() if token.kind == "word" else ""
        following = found[index + 1 : index + 4]
        if word == "PREFIX" and len(following) >= 2 and following[1].kind == "iri":
            prefixes[following[0].text.rstrip(":")] = urljoin(base, following[1].text[1:-1])
        elif word == "BASE" and following and following[0].kind == "iri":
            base = urljoin(base, following[0].text[1:-1])
        elif word in ("SERVICE", "LOAD"):
            rest = [t for t in following if t.text.upper() not in ("SILENT",)]
            target = _iri(rest[0], prefixes, base) if rest else None
            if target is None or _host(target) not in hosts:
                shown = f"<{target}>" if target else (rest[0].text if rest else "")
                raise OutboundRequestRefused(_message(word, shown, token.line))
        elif word == "FROM":
            rest = [t for t in following if t.text.upper() != "NAMED"]
            target = _iri(rest[0], prefixes, base) if rest else None
            if target is not None and target.startswith(local):
                continue
            if target is None or _host(target) not in hosts:
                keyword = "FROM NAMED" if following and following[0].text.upper() == "NAMED" else "FROM"
                shown = f"<{target}>" if target else (rest[0].text if rest else "")
                raise OutboundRequestRefused(_message(keyword, shown, token.line))


def _iri(token: Token, prefixes: dict[str, str], base: str) -> str | None:
    if token.kind == "iri":
        return urljoin(base, token.text[1:-1])
    if token.kind == "pname":
        prefix, _, local = token.text.partition(":")
        return prefixes[prefix] + local if prefix in prefixes else None
    return None


def _host(iri: str) -> str:
    try:
        return (urlsplit(iri).hostname or "").lower()
    except ValueError:
        return ""


def _message(keyword: str, shown: str, line: int) -> str:
    return (
        f"line {line}: {' '.join(filter(None, (keyword, shown)))} is refused: kommgraph sends no requests "
        "to other servers unless asked (allow a host with kommgraph query --allow-host HOST, "
        f"{ENVIRONMENT_VARIABLE}=HOST or kommgraph.query.guard.allow_hosts; never on the server)"
    )
