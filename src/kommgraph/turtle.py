"""The one canonical Turtle layout of kommgraph files (fixed prefixes, sorted, no blank nodes).

rdflib's ``longturtle`` writer sorts subjects, predicates and objects; with a fixed prefix table
and no blank nodes its output depends only on the triples, so the same graph always gives the
same bytes and one changed fact is one changed place in a diff.
"""

from __future__ import annotations

from rdflib import BNode, Dataset, Graph, URIRef

from kommgraph.vocab import PREFIXES


def bind_prefixes(graph: Graph) -> Graph:
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True, replace=True)
    return graph


def fresh_graph(identifier: URIRef | None = None) -> Graph:
    """An empty graph with kommgraph's prefixes and none of rdflib's defaults."""
    graph = Graph(identifier=identifier, bind_namespaces="none")
    return bind_prefixes(graph)


def has_blank_nodes(graph: Graph) -> bool:
    return any(isinstance(term, BNode) for triple in graph for term in triple)


def canonical_turtle(graph: Graph, header: str = "") -> str:
    """Serialise ``graph`` in the canonical layout; ``header`` becomes leading ``#`` comment lines."""
    copy = fresh_graph()
    for triple in graph:
        copy.add(triple)
    text = copy.serialize(format="longturtle")
    used = {line for line in text.splitlines() if line.startswith("PREFIX ")}
    body = [line for line in text.splitlines() if not line.startswith("PREFIX ")]
    prefixes = sorted(used)
    comment = "".join(f"# {line}".rstrip() + "\n" for line in header.splitlines()) if header else ""
    return comment + "\n".join(prefixes) + "\n\n" + "\n".join(body).strip("\n") + "\n"


def canonical_trig(dataset: Dataset, graph_order: list[URIRef]) -> str:
    """TriG with one block per named graph, in the order given, each block in the canonical layout."""
    prefix_lines: set[str] = set()
    blocks = []
    for name in graph_order:
        graph = dataset.graph(name)
        text = canonical_turtle(graph)
        lines = text.splitlines()
        prefix_lines |= {line for line in lines if line.startswith("PREFIX ")}
        body = "\n".join("    " + line if line else "" for line in lines if not line.startswith("PREFIX "))
        blocks.append(f"<{name}> {{\n{body.strip(chr(10))}\n}}\n")
    return "\n".join(sorted(prefix_lines)) + "\n\n" + "\n".join(blocks)


def reformat(text: str, name: str = "<input>") -> str:
    """``text`` in the canonical layout, keeping its leading ``#`` comment lines as the header."""
    graph = fresh_graph()
    graph.parse(data=text, format="turtle", publicID=name)
    header_lines = []
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        header_lines.append(line[1:].removeprefix(" "))
    return canonical_turtle(graph, "\n".join(header_lines))
