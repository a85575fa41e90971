"""What a data project says about itself: ``kommgraph.toml`` beside ``ttl/`` and ``sources/``.

``kommgraph publish`` takes from it the publisher, the contact, the title, description, keywords and
licence of the dataset, the base IRI of the identifiers and the language. Where the file or a key is
absent, the default is neutral: it names no publisher, no licence and no topic of the bundled sample.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from kommgraph.core.errors import LoadError, OutputError, UsageError
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


NEW_PROJECT_TOML = """\
# kommgraph.toml: what this data project says about itself. kommgraph publish writes it into
# DCAT-AP.de (dcat.ttl) and VoID (void.ttl). Every command run in this folder or below uses this project.

[dataset]
title = {{ de = "{title}", en = "{title}" }}
description = {{ de = "Verwaltungseinheiten und ihre Veränderungen, jede Angabe mit ihrer Quelle.", \
en = "Administrative units and how they changed, each fact with its source." }}
keywords = ["Verwaltung", "Organisation"]
# licence: an IRI of the DCAT-AP.de licence list, e.g. http://dcat-ap.de/def/licenses/cc-by/4.0
licence = "http://dcat-ap.de/def/licenses/cc-by/4.0"
licence_label = "Creative Commons Namensnennung 4.0 International"
# base: where the identifiers of units, events and sources will live (ends with / or #)
base = "{base}"
# language: a code of the EU language table (DEU, ENG, ...)
language = "DEU"

[publisher]
name = "{publisher}"
email = "{email}"
# homepage = "https://example.org/"
"""

NEW_PROJECT_README = """\
# {title}

A kommgraph data project: units of a local administration and how they changed, each fact with the
quote of the source that states it.

| folder / file | holds |
|---|---|
| `kommgraph.toml` | publisher, contact, title, description, licence, keywords, base IRI, language |
| `sources/` | the source texts (`ID.txt`, UTF-8), each with a header or a sidecar `ID.meta.toml` |
| `ttl/drafts/` | what `kommgraph convert` drafted from a source: not published until accepted |
| `ttl/` | the curated graphs, one `ID.ttl` per source |
| `ttl/reference/` | reference data: authorities (with their AGS) and publishers |

The header and sidecar formats are described in kommgraph's docs/sources.md.

Work flow, run in this folder:

    kommgraph convert sources/ID.txt     # drafts ttl/drafts/ID.ttl
    kommgraph review ID                  # the draft's facts beside the curated graph
    kommgraph accept ID [--fact IRI]     # accepted facts move to ttl/ID.ttl
    kommgraph validate                   # also counts the draft statements
    kommgraph build && kommgraph publish --static
"""


def write_new_project(
    directory: Path,
    *,
    title: str | None = None,
    publisher: str | None = None,
    email: str | None = None,
    base: str | None = None,
) -> list[Path]:
    """Make ``directory`` a data project; refuse one that already is one (nothing is overwritten)."""
    directory = Path(directory)
    toml_path = directory / PROJECT_FILE
    if toml_path.exists():
        raise UsageError(f"{toml_path}: already a kommgraph data project")
    base = base or DEFAULT_BASE
    if not base.endswith(("/", "#")):
        raise UsageError(f"--base {base!r}: a base IRI ends with '/' or '#'")
    values = {
        "title": _toml_text(title or f"Verwaltungseinheiten: {directory.resolve().name}"),
        "publisher": _toml_text(publisher or "Name des Herausgebers"),
        "email": _toml_text(email or "kontakt@example.org"),
        "base": _toml_text(base),
    }
    written = []
    try:
        for folder in ("sources", "ttl", "ttl/reference"):
            (directory / folder).mkdir(parents=True, exist_ok=True)
            keep = directory / folder / ".gitkeep"
            if not any((directory / folder).iterdir()):
                keep.write_text("", encoding="utf-8")
                written.append(keep)
        toml_path.write_text(NEW_PROJECT_TOML.format(**values), encoding="utf-8", newline="\n")
        written.append(toml_path)
        readme = directory / "README.md"
        if not readme.exists():
            readme.write_text(NEW_PROJECT_README.format(title=title or values["title"]), encoding="utf-8")
            written.append(readme)
        ignore = directory / ".gitignore"  # the persistent store (kommgraph.store.persistent)
        if not ignore.exists():
            ignore.write_text(".kommgraph/\n", encoding="utf-8")
            written.append(ignore)
    except OSError as exc:
        raise OutputError(f"{directory}: cannot write: {exc.strerror or exc}") from exc
    return sorted(written)


def _toml_text(value: str) -> str:
    """A value for a basic TOML string between double quotes."""
    return value.replace("\\", "\\\\").replace('"', '\\"')
