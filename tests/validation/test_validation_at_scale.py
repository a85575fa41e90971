"""The shortcuts that make validation fast at 1M triples find exactly what the long way finds."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from kommgraph.store.dataset import GraphFile, load_store
from kommgraph.validation import blank_nodes, literals
from kommgraph.validation.blank_nodes import blank_node_findings
from kommgraph.validation.evidence import _integer
from kommgraph.validation.literals import literal_findings

PREFIX = "@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n@prefix ex: <https://example.org/> .\n"


@pytest.mark.parametrize(
    ("body", "lines"),
    [
        ('ex:a ex:p "no brackets here" .\n', []),
        ('ex:a ex:p "a (bracket) and [one] in a string" .\n', []),
        ("ex:a ex:p [ ex:q 1 ] .\n", [3]),
        ("ex:a ex:p ( 1 2 ) .\n", [3]),
        ("ex:a ex:p () .\n", []),
        ("_:b ex:p 1 .\n", [3]),
    ],
)
def test_blank_nodes_found_with_or_without_the_shortcut(tmp_path, body, lines):
    path = tmp_path / "a.ttl"
    path.write_text(PREFIX + body, encoding="utf-8")
    graph_file = GraphFile(path, "https://example.org/g", "source")
    assert [f.line for f in blank_node_findings([graph_file])] == lines
    assert [f.line for f in blank_node_findings([graph_file], load_store([graph_file]))] == lines


def test_a_bracket_in_a_literal_is_not_tokenized_when_the_store_has_no_blank_node(tmp_path, monkeypatch):
    path = tmp_path / "a.ttl"
    path.write_text(PREFIX + 'ex:a ex:p "Eichwald (alt) [1]" .\n', encoding="utf-8")
    graph_file = GraphFile(path, "https://example.org/g", "reference")
    store = load_store([graph_file])

    def refuse(text):
        raise AssertionError("the parser saw no blank node: nothing to tokenize")

    monkeypatch.setattr(blank_nodes, "blank_node_positions", refuse)
    assert blank_node_findings([graph_file], store) == []
    with pytest.raises(AssertionError, match="nothing to tokenize"):
        blank_node_findings([graph_file])


def _files(tmp_path: Path, count: int, bad_at: int) -> list[GraphFile]:
    files = []
    for number in range(count):
        path = tmp_path / f"s{number:03}.ttl"
        value = "2018-02-30" if number == bad_at else "2018-02-28"
        path.write_text(PREFIX + f'ex:e{number} ex:date "{value}"^^xsd:date ; ex:n 1 .\n', encoding="utf-8")
        files.append(GraphFile(path, f"https://example.org/graph/{number}", "source"))
    return files


@pytest.mark.parametrize("count", [3, literals._FEW_GRAPHS + 6])  # graphs named in the query, or all
def test_ill_formed_literal_found_in_its_file_only(tmp_path, count):
    files = _files(tmp_path, count, bad_at=1)
    store = load_store(files)
    found = literal_findings(store, files)
    assert [(f.focus, f.value, Path(f.file).name, f.line) for f in found] == [
        ("https://example.org/e1", "2018-02-30", "s001.ttl", 3)
    ]
    assert found[0].message("en") == "'2018-02-30' is not a valid xsd:date."
    assert literal_findings(store, [files[0], files[2]]) == []


@pytest.mark.parametrize(
    ("literal", "expected"),
    [
        (ox.Literal("108", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")), 108),
        (ox.Literal("+7", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")), 7),
        (ox.Literal("12", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#nonNegativeInteger")), 12),
    ],
)
def test_offsets_read_as_rdflib_reads_them(literal, expected):
    assert _integer(literal) == expected
