"""kommgraph: a temporal knowledge graph of German local-government units and their succession."""

from kommgraph.core.version import __version__

__all__ = ["KommGraph", "open", "__version__"]


def __getattr__(name: str):
    """``kommgraph.open`` and ``kommgraph.KommGraph``, imported on first use: the query API pulls in the
    store and the validator, which commands such as ``convert`` do not need."""
    if name in ("open", "KommGraph"):
        from kommgraph.api import session as api

        return getattr(api, name)
    raise AttributeError(f"module 'kommgraph' has no attribute {name!r}")
