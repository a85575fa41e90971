"""derived-lifespans names the derived graph in its text (a variable graph made it read every graph)."""

from kommgraph.core.vocab import DERIVED_GRAPH
from kommgraph.temporal.sparql import query_text


def test_derived_lifespans_reads_the_derived_graph_of_the_vocabulary():
    assert f"GRAPH <{DERIVED_GRAPH}>" in query_text("derived-lifespans")
