"""Where a release lives: the ``Site`` (base IRI of the identifiers, URL of the release folder) and the
names of the release files. The leaf of the publish package: every other publish module may use it."""

from __future__ import annotations

import re
from dataclasses import dataclass

from kommgraph.core.errors import PublishError
from kommgraph.core.vocab import DEFAULT_BASE, PREFIXES

DATA_NAME = "kommgraph"


CONTEXT_FILE = "context.jsonld"


ONTOLOGY_FILE = "ontology.ttl"


CHECKSUM_FILE = "SHA256SUMS"


HEADER = "kommgraph release, written by `kommgraph publish`: do not edit, edit data/ttl and publish again."


SAFE_PATH = re.compile(r"^[A-Za-z0-9._~-]+(/[A-Za-z0-9._~-]+)*$")


@dataclass(frozen=True)
class Site:
    """Where the identifiers live (``base``) and where the release folder is served (``root``)."""

    base: str = DEFAULT_BASE
    root: str | None = None

    def __post_init__(self):
        if not re.match(r"^https?://[^\s<>\"{}|\\^`]+/$", self.base):
            raise PublishError(f"base IRI {self.base!r} must be an http(s) IRI that ends with '/'")
        if self.root is not None and not self.root.endswith("/"):
            raise PublishError(f"site URL {self.root!r} must end with '/'")

    @property
    def parent(self) -> str:
        """The folder above the base IRI, e.g. ``https://w3id.org/kommgraph/`` for ``…/kommgraph/id/``."""
        return self.base.rstrip("/").rsplit("/", 1)[0] + "/"

    @property
    def segment(self) -> str:
        """The last path segment of the base IRI (``id``), the prefix that the redirect rules match."""
        return self.base.rstrip("/").rsplit("/", 1)[1]

    @property
    def url(self) -> str:
        return self.root or self.parent

    def local(self, iri: str) -> str | None:
        """``unit/06412000/x`` for ``{base}unit/06412000/x``; None outside the base or unsafe as a path."""
        if not iri.startswith(self.base):
            return None
        path = iri[len(self.base) :]
        return path if SAFE_PATH.match(path) and ".." not in path.split("/") else None

    def iri(self, local: str) -> str:
        return self.base + local

    def file_url(self, name: str) -> str:
        return self.url + name

    def rebase(self, iri: str) -> str:
        """An IRI minted under the default base, moved under this site's base."""
        return self.base + iri[len(DEFAULT_BASE) :] if iri.startswith(DEFAULT_BASE) else iri


def prefixes(site: Site) -> dict[str, str]:
    """kommgraph's prefix table with ``kgid`` on the configured base."""
    return {**PREFIXES, "kgid": site.base}
