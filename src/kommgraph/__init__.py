"""kommgraph: a temporal knowledge graph of German local-government units and their succession."""

__version__ = "0.1.0"

from kommgraph.api import KommGraph, open  # noqa: E402,A004

__all__ = ["KommGraph", "open", "__version__"]
