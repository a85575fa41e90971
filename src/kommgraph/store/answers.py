"""Whole answers in one literal: every packed row of a stored query joined, for the embedded engine.

heads-of-unit (no pattern) returns 9,500 rows at 1M triples; read as one packed literal a row
(``kgx:packedHeadRow``, rule 93), each long literal is one lookup in the on-disk store, ≈ 66 ms in
all; one literal of the same length costs ≈ 3 ms. So the rows are also joined into one::

    _:answer a kgx:HeadAnswer ; kgx:packedHeadRows "…" ; kgx:rowCount 9500

The packed rows are joined by U+001E ``3``, which none holds (a U+001E in a packed row is always
followed by ``0``, ``1`` or ``2``; ontology/index.md "Packed rows"), sorted by their code points: one
order whatever order a store holds them in (the in-memory and the on-disk store scan them
differently), so that rows tying on every ``ORDER BY`` column come out alike, and the engine's sort
of the rows (kommgraph.query.packed) runs over rows mostly in order already. Drawn in Python, not by
a rule: ``GROUP_CONCAT`` does not promise an order, and a rule's ``ORDER BY`` of the strings cost
2.2 s CPU at 1M triples (this: ≈ 0.2 s). The count lets the reader check its split.
"""

from __future__ import annotations

import pyoxigraph as ox

from kommgraph.core.vocab import INDEX_GRAPH, RDF

_KGX = "https://w3id.org/kommgraph/index#"
_INDEX = ox.NamedNode(str(INDEX_GRAPH))
_TYPE = ox.NamedNode(str(RDF.type))
_INTEGER = ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")
ROWS = "\x1e3"  # between the packed rows of an answer
ROW_COUNT = ox.NamedNode(f"{_KGX}rowCount")


def _kgx(name: str) -> ox.NamedNode:
    return ox.NamedNode(f"{_KGX}{name}")


# (the class of the rows, their packed string, the class of the answer, its joined string)
ANSWERS = [(_kgx("HeadRow"), _kgx("packedHeadRow"), _kgx("HeadAnswer"), _kgx("packedHeadRows"))]


def draw(store: ox.Store, classes: set | None = None) -> None:
    """Join the packed rows into their answers again (only the answers over rows of ``classes``, the
    rows an edit dropped or added; None: every answer)."""
    for row_class, row_string, answer_class, answer_string in ANSWERS:
        if classes is not None and row_class not in classes:
            continue
        for node in {q.subject for q in store.quads_for_pattern(None, _TYPE, answer_class, _INDEX)}:
            for quad in list(store.quads_for_pattern(node, None, None, _INDEX)):
                store.remove(quad)
        strings = sorted(q.object.value for q in store.quads_for_pattern(None, row_string, None, _INDEX))
        answer = ox.BlankNode()
        values = (
            (_TYPE, answer_class),
            (answer_string, ox.Literal(ROWS.join(strings))),
            (ROW_COUNT, ox.Literal(str(len(strings)), datatype=_INTEGER)),
        )
        store.extend(ox.Quad(answer, predicate, value, _INDEX) for predicate, value in values)
