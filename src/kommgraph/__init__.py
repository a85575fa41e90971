"""kommgraph: a temporal knowledge graph of German local-government units and their succession."""

__version__ = "0.1.0"
