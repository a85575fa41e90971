"""Where resources are stated: a small Turtle tokenizer (rdflib and Oxigraph keep no line numbers)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import urljoin

from kommgraph.store.dataset import GraphFile


@dataclass(frozen=True)
class Token:
    kind: str
    text: str
    line: int
    column: int


_TOKEN = re.compile(
    r'''
    (?P<ws>[ \t\r\n]+)
  | (?P<comment>\#[^\n]*)
  | (?P<iri><[^<>"{}|^`\\\s]*>)
  | (?P<lstring>"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^'\\]|\\.|'(?!''))*\'\'\')
  | (?P<string>"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')
  | (?P<langtag>@[A-Za-z]+(?:-[A-Za-z0-9]+)*)
  | (?P<datatype>\^\^)
  | (?P<bnode>_:[^\s<>"'{}|^`\\;,()\[\]\#]*[^\s<>"'{}|^`\\;,()\[\]\#.])
  | (?P<number>[+-]?(?:\d*\.\d+(?:[eE][+-]?\d+)?|\d+(?:[eE][+-]?\d+)?))
  | (?P<pname>[^\s<>"'{}|^`\\;,()\[\]\#:.@][^\s<>"'{}|^`\\;,()\[\]\#:]*?
               :(?:[^\s<>"'{}|^`;,()\[\]\#\\.]|\\.|\.(?=[^\s;,()\[\]\#.]))*
               |:(?:[^\s<>"'{}|^`;,()\[\]\#\\.]|\\.|\.(?=[^\s;,()\[\]\#.]))*)
  | (?P<punct>[\[\]();,.{}])
  | (?P<word>[A-Za-z][A-Za-z0-9_-]*)
''',
    re.X,
)


def tokens(text: str) -> Iterator[Token]:
    """The tokens of a Turtle text with their 1-based line and column; whitespace and comments dropped."""
    position, line, line_start = 0, 1, 0
    while position < len(text):
        match = _TOKEN.match(text, position)
        kind, end = (match.lastgroup, match.end()) if match else ("other", position + 1)
        chunk = text[position:end]
        if kind not in ("ws", "comment"):
            yield Token(kind, chunk, line, position - line_start + 1)
        newlines = chunk.count("\n")
        if newlines:
            line += newlines
            line_start = position + chunk.rindex("\n") + 1
        position = end


def subject_lines(text: str) -> dict[str, int]:
    """The first line on which each IRI is the subject of a statement (prefixed names resolved)."""
    prefixes: dict[str, str] = {}
    base = ""
    lines: dict[str, int] = {}
    stream = tokens(text)
    depth, expect_subject = 0, True
    for token in stream:
        lowered = token.text.lower()
        if token.kind in ("langtag", "word") and lowered in ("@prefix", "prefix"):
            name, iri = next(stream, None), next(stream, None)
            if name is not None and iri is not None and iri.kind == "iri":
                prefixes[name.text[:-1]] = urljoin(base, iri.text[1:-1])
            expect_subject = token.kind == "word"  # "@prefix …" ends with ".", "PREFIX …" does not
            continue
        if token.kind in ("langtag", "word") and lowered in ("@base", "base"):
            iri = next(stream, None)
            if iri is not None and iri.kind == "iri":
                base = urljoin(base, iri.text[1:-1])
            expect_subject = token.kind == "word"
            continue
        if token.kind == "punct":
            if token.text in "[(":
                depth += 1
            elif token.text in "])":
                depth = max(depth - 1, 0)
            elif token.text == "." and depth == 0:
                expect_subject = True
                continue
            expect_subject = False
            continue
        if expect_subject and depth == 0:
            iri = _resolve(token, prefixes, base)
            if iri is not None:
                lines.setdefault(iri, token.line)
        expect_subject = False
    return lines


def _resolve(token: Token, prefixes: dict[str, str], base: str) -> str | None:
    if token.kind == "iri":
        return urljoin(base, token.text[1:-1]) if base else token.text[1:-1]
    if token.kind == "pname":
        prefix, _, local = token.text.partition(":")
        if prefix in prefixes:
            return prefixes[prefix] + re.sub(r"\\(.)", r"\1", local)
    return None


def blank_node_positions(text: str) -> list[Token]:
    """Where a Turtle text makes blank nodes: ``_:x`` labels, ``[ … ]`` and non-empty ``( … )`` lists."""
    found = []
    previous: Token | None = None
    for token in tokens(text):
        if token.kind == "bnode" or (token.kind == "punct" and token.text == "["):
            found.append(token)
        elif token.kind == "punct" and token.text == ")" and previous is not None and previous.text == "(":
            found.pop()  # "()" is rdf:nil, no blank node
        elif token.kind == "punct" and token.text == "(":
            found.append(token)
        previous = token
    return found


class Locator:
    """The files and lines where each resource is the subject of a statement, over the data files."""

    def __init__(self, files: list[GraphFile]):
        self.entries: dict[str, list[tuple[GraphFile, int]]] = {}
        for graph_file in files:
            if graph_file.kind == "ontology":
                continue
            for iri, line in subject_lines(graph_file.path.read_text(encoding="utf-8")).items():
                self.entries.setdefault(iri, []).append((graph_file, line))

    def find(self, iri: str, graphs: list[str] | None = None) -> tuple[str, int] | None:
        """The file and line of ``iri``, preferring the files loaded into ``graphs`` (in their order)."""
        entries = self.entries.get(iri, [])
        for graph in graphs or []:
            for graph_file, line in entries:
                if graph_file.graph == graph:
                    return str(graph_file.path), line
        return (str(entries[0][0].path), entries[0][1]) if entries else None


def locate(files: list[GraphFile]) -> dict[str, tuple[str, int]]:
    """Where each subject is first stated: its file and line."""
    locator = Locator(files)
    return {iri: (str(entries[0][0].path), entries[0][1]) for iri, entries in locator.entries.items()}
