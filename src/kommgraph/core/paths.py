"""Where kommgraph finds its ontology, shapes, queries and data, in a checkout and in an installed wheel."""

from __future__ import annotations

import os
from dataclasses import dataclass
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


PROJECT_FILE = "kommgraph.toml"


@dataclass(frozen=True)
class DataChoice:
    """The data directory a command works on, and how it was found."""

    root: Path
    origin: str  # "option", "environment", "project" or "sample"

    @property
    def is_sample(self) -> bool:
        return self.origin == "sample"

    def notice(self) -> str:
        """The one line every command prints on stderr when it falls back to the bundled sample."""
        return (
            f"kommgraph: no data project (kommgraph.toml) in {Path.cwd()} or above; using the bundled "
            f"sample data in {self.root} (kommgraph init DIR makes a project)"
        )


def find_project(start: Path | None = None) -> Path | None:
    """The nearest directory from ``start`` upward that holds ``kommgraph.toml`` (or whose ``data/``
    does, or whose ``data/`` holds ``ttl/``), like git finds its repository; None when there is none."""
    here = Path(start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / PROJECT_FILE).is_file():
            return folder
        data = folder / "data"
        if (data / PROJECT_FILE).is_file() or (data / "ttl").is_dir():
            return data
    return None


def choose_data_dir(explicit: Path | None = None) -> DataChoice:
    """``--data-dir``, else ``$KOMMGRAPH_DATA``, else the project found upward, else the bundled sample."""
    if explicit is not None:
        return DataChoice(Path(explicit), "option")
    if os.environ.get("KOMMGRAPH_DATA"):
        return DataChoice(Path(os.environ["KOMMGRAPH_DATA"]), "environment")
    project = find_project()
    if project is not None:
        return DataChoice(project, "project")
    return DataChoice(_resource("data"), "sample")


def sample_data_dir() -> Path:
    return _resource("data")


def default_data_dir() -> Path:
    """The data directory of :func:`choose_data_dir` without an explicit one."""
    return choose_data_dir().root
