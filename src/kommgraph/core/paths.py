"""Where kommgraph finds its ontology, shapes, queries and data, in a checkout and in an installed wheel."""

from __future__ import annotations

import os
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parents[1]  # src/kommgraph
_CHECKOUT = _PACKAGE.parents[1]  # src/kommgraph -> repository root


def _resource(name: str) -> Path:
    """A top-level folder of the repository, or its copy inside the installed package."""
    for candidate in (_PACKAGE / name, _CHECKOUT / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"kommgraph resource folder {name!r} not found beside {_PACKAGE}")


def ontology_file() -> Path:
    return _resource("ontology") / "kommgraph.ttl"


def ontology_files() -> list[Path]:
    """kommgraph.ttl and any further modules of the ontology beside it (all loaded into one graph)."""
    return sorted(_resource("ontology").glob("*.ttl"))


def shapes_dir() -> Path:
    return _resource("shapes")


def queries_dir() -> Path:
    return _resource("queries")


def rules_dir() -> Path:
    return queries_dir() / "rules"


def checks_dir() -> Path:
    return queries_dir() / "checks"


def default_data_dir() -> Path:
    """``$KOMMGRAPH_DATA``, else ``./data`` when it holds ``ttl/``, else the bundled data."""
    if os.environ.get("KOMMGRAPH_DATA"):
        return Path(os.environ["KOMMGRAPH_DATA"])
    local = Path.cwd() / "data"
    if (local / "ttl").is_dir():
        return local
    return _resource("data")
