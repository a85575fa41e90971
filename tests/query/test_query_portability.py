"""A lint over queries/**/*.rq for constructs known to break on common SPARQL engines.

Each rule names the engine and the portable way to write it; each has an example that fails and one
that passes. The rules are textual (comments, strings and IRIs blanked first), so they can be wrong
in odd cases: they are written to catch what broke before, on Virtuoso 7.2 (Debian's package).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
QUERIES = sorted((ROOT / "queries").rglob("*.rq"))
AGGREGATE = re.compile(r"\b(COUNT|SUM|MIN|MAX|AVG|SAMPLE|GROUP_CONCAT)\s*\(", re.IGNORECASE)
VARIABLE = re.compile(r"[?$](\w+)")


def blank(text: str) -> str:
    """The query with comments, string literals and IRIs emptied (offsets kept)."""
    pattern = re.compile(r'#[^\n]*|"""[\s\S]*?"""|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'|<[^\s<>"{}]*>')
    return pattern.sub(lambda m: m.group(0)[0] + " " * (len(m.group(0)) - 2) + m.group(0)[-1], text)


def group_end(text: str, start: int) -> int:
    """The offset after the bracket that closes the one at ``start``."""
    opening = text[start]
    closing = {"(": ")", "{": "}"}[opening]
    depth = 0
    for i in range(start, len(text)):
        if text[i] == opening:
            depth += 1
        elif text[i] == closing:
            depth -= 1
            if depth == 0:
                return i + 1
    return len(text)


def calls(text: str, keyword: str) -> Iterator[tuple[int, int]]:
    """Spans of ``KEYWORD ( … )`` or ``KEYWORD { … }`` (outermost first)."""
    for match in re.finditer(rf"\b{keyword}\s*([({{])", text, re.IGNORECASE):
        yield match.start(), group_end(text, match.end() - 1)


def line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def blank_spans(text: str, spans) -> str:
    out = list(text)
    for start, end in spans:
        out[start:end] = " " * (end - start)
    return "".join(out)


def projections(text: str) -> list[tuple[int, int]]:
    """Spans of the select lists (from SELECT to WHERE or the first brace)."""
    spans = []
    for select in re.finditer(r"\bSELECT\b", text, re.IGNORECASE):
        where = re.compile(r"\bWHERE\b|\{", re.IGNORECASE).search(text, select.end())
        spans.append((select.start(), where.start() if where else len(text)))
    return spans


# ---- the rules: each yields (line, message) -------------------------------------------------------


def bind_expression(text: str, start: int) -> str:
    """The text of a BIND( … ) from its opening parenthesis to the one that closes it."""
    depth = 0
    for index in range(start, len(text)):
        depth += {"(": 1, ")": -1}.get(text[index], 0)
        if depth == 0:
            return text[start : index + 1]
    return text[start:]


def bind_exists(text: str) -> Iterator[tuple[int, str]]:
    """EXISTS anywhere in a BIND expression (``BIND(EXISTS …)``, ``BIND(IF(EXISTS … && NOT EXISTS …))``)."""
    for match in re.finditer(r"\bBIND\s*\(", text, re.IGNORECASE):
        if not re.search(r"\bEXISTS\b", bind_expression(text, match.end() - 1), re.IGNORECASE):
            continue
        yield (
            line_of(text, match.start()),
            "BIND(EXISTS {…} AS ?x): Virtuoso 7.2 cannot use ?x in a later FILTER (inside GRAPH the query "
            "does not compile); bind a marker in an OPTIONAL { … BIND(1 AS ?m) } and test COALESCE(?m, 0)",
        )


def aggregate_in_if(text: str) -> Iterator[tuple[int, str]]:
    for select_start, projection_end in projections(text):
        for start, end in calls(text[:projection_end], "IF"):
            if start >= select_start and AGGREGATE.search(text, start, end):
                yield (
                    line_of(text, start),
                    "an aggregate inside IF in the select list does not compile on Virtuoso 7.2; aggregate "
                    "a value bound per row instead, e.g. (MAX(?flag) AS ?x) with BIND(IF(…) AS ?flag)",
                )


def unbound_equality(text: str) -> Iterator[tuple[int, str]]:
    """``?x = …`` outside the OPTIONAL that binds ?x: an error (unbound) in SPARQL, false on Virtuoso."""
    optionals = list(calls(text, "OPTIONAL"))
    inside = {v for s, e in optionals for v in VARIABLE.findall(text[s:e])}
    outside = blank_spans(text, optionals)
    expressions = [span for keyword in ("FILTER", "BIND") for span in calls(outside, keyword)]
    patterns = blank_spans(outside, expressions + projections(outside))
    patterns = patterns[: patterns.rfind("}") + 1]  # GROUP BY, ORDER BY … bind nothing
    bound = set(VARIABLE.findall(patterns))
    bound |= {m.group(1) for m in re.finditer(r"\bAS\s+[?$](\w+)", outside, re.IGNORECASE)}
    for variable in sorted(inside - bound):
        comparison = re.compile(rf"[?$]{variable}\b\s*!?=(?!=)|(?<![<>!=])!?=\s*[?$]{variable}\b")
        for start, end in expressions:
            expression = outside[start:end]
            if not comparison.search(expression):
                continue
            if re.search(rf"\bBOUND\s*\(\s*[?$]{variable}\s*\)", expression, re.IGNORECASE):
                continue
            yield (
                line_of(text, start),
                f"?{variable} is bound only in an OPTIONAL and compared with = or != outside it: an error "
                "(so unbound) in SPARQL, but false on Virtuoso; guard it with BOUND(?"
                f"{variable}) or compute the value inside the OPTIONAL",
            )


RULES = {"bind-exists": bind_exists, "aggregate-in-if": aggregate_in_if, "unbound-equality": unbound_equality}


def problems(text: str) -> list[str]:
    cleaned = blank(text)
    return [
        f"line {line}: {name}: {message}" for name, rule in RULES.items() for line, message in rule(cleaned)
    ]


# ---- the lint over the stored queries ------------------------------------------------------------


@pytest.mark.parametrize("path", QUERIES, ids=lambda p: str(p.relative_to(ROOT / "queries")))
def test_stored_query_is_portable(path):
    found = problems(path.read_text(encoding="utf-8"))
    assert not found, f"{path.relative_to(ROOT)}:\n" + "\n".join(found)


def test_the_lint_sees_the_stored_queries():
    assert len(QUERIES) >= 20 and any(p.name == "conflicts.rq" for p in QUERIES)


# ---- each rule fails and passes ------------------------------------------------------------------

PREFIX = "PREFIX kg: <https://w3id.org/kommgraph/ontology#>\n"
EXAMPLES = {
    "bind-exists": (
        "SELECT ?s WHERE { GRAPH ?g { ?s a kg:Unit }\n"
        "  BIND(EXISTS { GRAPH ?g { ?s kg:approximate ?p } } AS ?approx) FILTER(?approx) }",
        "SELECT ?s WHERE { GRAPH ?g { ?s a kg:Unit }\n"
        "  OPTIONAL { GRAPH ?g { ?s kg:approximate ?p } BIND(1 AS ?mark) } FILTER(COALESCE(?mark, 0) = 1) }",
    ),
    "aggregate-in-if": (
        'SELECT ?s (IF(COUNT(?p) > 0, "resolved", "open") AS ?status)\n'
        "WHERE { ?s a kg:Unit OPTIONAL { ?s kg:prevailingSource ?p } } GROUP BY ?s",
        "SELECT ?s (MAX(?flag) AS ?status)\n"
        'WHERE { ?s a kg:Unit OPTIONAL { ?s kg:prevailingSource ?p } BIND(IF(BOUND(?p), "resolved", "open") '
        "AS ?flag) } GROUP BY ?s",
    ),
    "unbound-equality": (
        "SELECT ?s ?label WHERE { ?s kg:a ?a ; kg:b ?b\n"
        "  OPTIONAL { ?s kg:prevailingSource ?p }\n  BIND(IF(?p = ?a, ?a, ?b) AS ?label) }",
        "SELECT ?s ?label WHERE { ?s kg:a ?a ; kg:b ?b\n"
        "  OPTIONAL { ?s kg:prevailingSource ?p }\n"
        "  BIND(IF(BOUND(?p), IF(?p = ?a, ?a, ?b), ?a) AS ?label) }",
    ),
}


BAD_LINE = {"bind-exists": 3, "aggregate-in-if": 2, "unbound-equality": 4}


@pytest.mark.parametrize("rule", sorted(RULES))
def test_rule_fails_on_the_bad_example(rule):
    bad, _ = EXAMPLES[rule]
    found = problems(PREFIX + bad)
    assert [p.split(": ")[:2] for p in found] == [[f"line {BAD_LINE[rule]}", rule]]


@pytest.mark.parametrize("rule", sorted(RULES))
def test_rule_passes_the_portable_example(rule):
    _, good = EXAMPLES[rule]
    assert problems(PREFIX + good) == []


def test_strings_and_comments_do_not_count():
    text = PREFIX + 'SELECT ?s WHERE { ?s kg:note "BIND(EXISTS { })" # IF(COUNT(?x) > 0, 1, 0)\n }'
    assert problems(text) == []


def test_the_conflicts_query_as_it_broke_on_virtuoso():
    """queries/conflicts.rq before issue 14: it did not compile on Virtuoso 7.2, then gave wrong values."""
    text = (Path(__file__).with_name("portability") / "conflicts-before-issue-14.rq").read_text(
        encoding="utf-8"
    )
    assert [p.split(": ")[:2] for p in problems(text)] == [
        ["line 33", "bind-exists"],
        ["line 34", "bind-exists"],
        ["line 24", "aggregate-in-if"],
        ["line 121", "unbound-equality"],
    ]


def test_exists_nested_in_a_bind_expression_is_found():
    """The form that functions-moved had: EXISTS inside IF inside BIND (Virtuoso 7.2: error SQ074)."""
    query = (
        'SELECT ?e ?planned WHERE { ?e a kg:Unit .\n  BIND(IF(EXISTS { ?e kg:planned true } && NOT EXISTS '
        '{ GRAPH ?g { ?e a ?t } }, "planned", "") AS ?planned) }'
    )
    assert [p.split(":")[0] + ":" + p.split(":")[1] for p in problems(PREFIX + query)] == [
        f"line {PREFIX.count(chr(10)) + 2}: bind-exists"
    ]
