"""What a data project says about itself: ``kommgraph.toml`` beside ``ttl/`` and ``sources/``.

``kommgraph publish`` takes from it the publisher, the contact, the title, description, keywords and
licence of the dataset, the base IRI of the identifiers and the language. Where the file or a key is
absent, the default is neutral: it names no publisher, no licence and no topic of the bundled sample.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from kommgraph.core.errors import LoadError
from kommgraph.core.vocab import DEFAULT_BASE

PROJECT_FILE = "kommgraph.toml"
LANGUAGES = "http://publications.europa.eu/resource/authority/language/"


@dataclass(frozen=True)
class Project:
    title: dict[str, str] = field(default_factory=lambda: {"en": "A kommgraph dataset"})
    description: dict[str, str] = field(
        default_factory=lambda: {
            "en": "Units of local government and how they changed, each fact with the source that states it."
        }
    )
    keywords: tuple[str, ...] = ()
    publisher: str = "unnamed publisher"
    homepage: str | None = None  # the release's index.html when absent
    email: str | None = None
    licence: str | None = None  # an IRI, e.g. http://dcat-ap.de/def/licenses/cc-by/4.0
    licence_label: str | None = None
    # dcatde:licenseAttributionByText; "{publisher}, {licence_label}" when absent
    attribution: str | None = None
    base: str = DEFAULT_BASE
    language: str = "DEU"  # a code of the EU language authority table

    @property
    def language_iri(self) -> str:
        return LANGUAGES + self.language


def read_project(data_dir: Path) -> Project:
    """The project description from ``data_dir/kommgraph.toml``; neutral defaults without one."""
    path = Path(data_dir) / PROJECT_FILE
    if not path.is_file():
        return Project()
    try:
        table = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise LoadError(f"{path}: {exc}") from exc
    dataset, publisher = table.get("dataset", {}), table.get("publisher", {})
    known = {"dataset", "publisher"}
    if set(table) - known:
        raise LoadError(f"{path}: unknown table(s) {', '.join(sorted(set(table) - known))}")
    default = Project()
    return Project(
        title=dict(dataset.get("title", default.title)),
        description=dict(dataset.get("description", default.description)),
        keywords=tuple(dataset.get("keywords", ())),
        publisher=publisher.get("name", default.publisher),
        homepage=publisher.get("homepage"),
        email=publisher.get("email"),
        licence=dataset.get("licence"),
        licence_label=dataset.get("licence_label"),
        attribution=dataset.get("attribution"),
        base=dataset.get("base", DEFAULT_BASE),
        language=dataset.get("language", default.language),
    )
