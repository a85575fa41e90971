"""``kommgraph serve``: the read-only server (extra ``[serve]``), split by job:

- :mod:`.app`: the application, its routes and the rendering cache; ``load_app``, ``create_app``, ``run``;
- :mod:`.sparql`: the SPARQL 1.1 Protocol; :mod:`.querypage`: query page and service description;
- :mod:`.workers`: the pool of query processes and its limits (imported by the worker processes, so it
  needs neither Starlette nor uvicorn);
- :mod:`.negotiation`: content negotiation and error pages; :mod:`.middleware`: limits and CORS;
- :mod:`.api`: the stored queries as an HTTP API with an OpenAPI description.

Names are loaded lazily, so that importing the package (as the workers do) does not import Starlette.
"""

from __future__ import annotations

SERVE_EXTRA_MODULES = ("starlette", "uvicorn")


def missing_extra() -> str | None:
    """The message for a missing ``[serve]`` extra, or None when starlette and uvicorn are installed."""
    import importlib

    absent = []
    for name in SERVE_EXTRA_MODULES:
        try:
            importlib.import_module(name)
        except ImportError:
            absent.append(name)
    if not absent:
        return None
    return (
        f"kommgraph serve needs the 'serve' extra ({', '.join(absent)} not installed): "
        "pip install 'kommgraph[serve]'"
    )


def __getattr__(name: str):
    if name in ("create_app", "load_app", "run"):
        from kommgraph.publish.server import app

        return getattr(app, name)
    raise AttributeError(name)
