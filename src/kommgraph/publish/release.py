"""``kommgraph publish``: the release folder, byte-identical on every rebuild from the same input.

What a release holds (file names come from :mod:`kommgraph.core.media`):

- ``kommgraph.trig`` / ``kommgraph.nq``: the dataset, one named graph per source plus the ontology,
  reference and derived graphs;
- ``kommgraph.ttl`` / ``kommgraph.nt`` / ``kommgraph.jsonld`` (+ ``context.jsonld``): the merged data
  (reference, sources, derived; without the ontology);
- ``ontology.ttl`` and ``ontology.html``; ``void.ttl`` and ``dcat.ttl`` (:mod:`kommgraph.publish.describe`);
- ``SHA256SUMS`` over every other file;
- with ``static``: ``index.html``, ``doc/{path}.{html,ttl,jsonld,nt,trig}`` for every resource
  ``{base}{path}``, ``timeline/{ags}.svg`` where :mod:`kommgraph.temporal.timeline` draws one, and
  ``.htaccess``
  with the redirect rules.

Determinism: N-Triples and N-Quads lines are sorted, Turtle and TriG use the canonical layout of
:mod:`kommgraph.core.turtle`, JSON-LD nodes are sorted by ``@id`` and written with sorted keys, nothing
carries a timestamp (dates in the descriptions come from the data).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

import pyoxigraph as ox

from kommgraph.core import media
from kommgraph.core.vocab import ONTOLOGY_IRI
from kommgraph.curation.validation import validate_with_drafts
from kommgraph.publish import describe, docs_ontology, pages
from kommgraph.publish.dumps import (
    data_dumps,
    dump_files,
    rebased_store,
    resource_document,
    resources,
)
from kommgraph.publish.incremental_write import ReleaseCache, cached_turtles
from kommgraph.publish.project import Project, read_project
from kommgraph.publish.site import CHECKSUM_FILE, HEADER, ONTOLOGY_FILE, SAFE_PATH, Site
from kommgraph.publish.writer import write_release
from kommgraph.store.load import load
from kommgraph.validation import Report, validate


def build_files(store: ox.Store, cache: ReleaseCache | None = None) -> dict[str, bytes]:
    """What ``kommgraph build`` writes: ``kommgraph.trig`` and ``kommgraph.ttl``, the same bytes as the
    release has, so that ``build`` after ``publish`` leaves SHA256SUMS and the DCAT checksums true.

    With a ``cache``, the last write's pieces kept there are reused where nothing changed
    (:mod:`kommgraph.publish.incremental_write`)."""
    if cache is None:
        return data_dumps(store, Site(), (media.TRIG, media.TURTLE))
    return data_dumps(store, Site(), (media.TRIG, media.TURTLE), partial(cached_turtles, cache=cache))


def checksums(files: dict[str, bytes]) -> bytes:
    """``sha256sum``-compatible lines, sorted by file name (readable by ``sha256sum -c``)."""
    lines = [f"{hashlib.sha256(files[name]).hexdigest()}  {name}" for name in sorted(files)]
    return ("\n".join(lines) + "\n").encode("utf-8")


def htaccess(site: Site) -> bytes:
    """Apache redirect rules in the style of w3id.org: ``{base}{path}`` answers 303 to the document in
    the format the Accept header asks for (checked in the order of the media table; Apache cannot weigh
    q-values, the server can), HTML by default."""
    segment = re.escape(site.segment)
    lines = [
        f"# {HEADER}",
        f"# Place beside {site.segment}/ (at {site.parent}); documents are served from {site.url}",
        "Options -MultiViews",
        "",
    ]
    served = (*media.DUMP_TYPES, media.HTML, media.SVG)
    lines += [f"AddType {m.mime} .{m.extension}" for m in served]
    lines += ["AddCharset utf-8 " + " ".join(f".{m.extension}" for m in served if m.text)]
    lines += ["", "RewriteEngine on", ""]
    for kind in media.DOCUMENT_TYPES[1:]:
        accept = "|".join(re.escape(m) for m in (kind.mime, *kind.aliases))
        lines += [
            f"RewriteCond %{{HTTP_ACCEPT}} ({accept})",
            f"RewriteRule ^{segment}/(.+)$ {site.url}doc/$1.{kind.extension} [R=303,L]",
        ]
    lines += [f"RewriteRule ^{segment}/(.+)$ {site.url}doc/$1.html [R=303,L]", ""]
    if ONTOLOGY_IRI.startswith(site.parent):
        name = re.escape(ONTOLOGY_IRI[len(site.parent) :])
        lines += [
            f"RewriteCond %{{HTTP_ACCEPT}} ({re.escape(media.TURTLE.mime)})",
            f"RewriteRule ^{name}$ {site.url}{ONTOLOGY_FILE} [R=303,L]",
            f"RewriteRule ^{name}$ {site.url}ontology.html [R=303,L]",
            "",
        ]
    return "\n".join(lines).encode("utf-8")


def static_files(store: ox.Store, site: Site) -> dict[str, bytes]:
    """Pages and per-resource documents for static hosting, the timeline pictures, the redirect rules."""
    renderer = pages.Pages(store, site)
    files = {"index.html": renderer.index().encode("utf-8"), ".htaccess": htaccess(site)}
    for iri in resources(store, site):
        local = site.local(iri)
        files[f"doc/{local}.html"] = renderer.page(iri).encode("utf-8")
        for kind in media.DOCUMENT_TYPES[1:]:
            files[f"doc/{local}.{kind.extension}"] = resource_document(store, site, iri, kind)
    for ags, svg in renderer.timelines().items():
        files[f"timeline/{ags}.svg"] = svg.encode("utf-8")
    return files


def release_files(
    store: ox.Store,
    site: Site,
    static: bool = False,
    sparql_endpoint: str | None = None,
    project: Project | None = None,
) -> dict[str, bytes]:
    """Every file of the release by its path in the release folder; ``store`` is already rebased."""
    files = dump_files(store, site)
    files["ontology.html"] = docs_ontology.render(store, site).encode("utf-8")
    if static:
        files.update(static_files(store, site))
    dumps = {name: files[name] for name in describe.described_files(files)}
    files["void.ttl"] = describe.void_turtle(store, site, dumps, sparql_endpoint, project)
    files["dcat.ttl"] = describe.dcat_turtle(store, site, dumps, sparql_endpoint, project)
    files[CHECKSUM_FILE] = checksums(files)
    return dict(sorted(files.items()))


# --------------------------------------------------------------------------------------- writing


@dataclass
class PublishResult:
    report: Report
    files: dict[str, bytes] = field(default_factory=dict)
    written: list[Path] = field(default_factory=list)
    removed: list[Path] = field(default_factory=list)


def write_files(out: Path, files: dict[str, bytes]) -> tuple[list[Path], list[Path]]:
    """Write the release in one switch (:mod:`kommgraph.publish.writer`); the files that the previous
    release in ``out`` listed in its SHA256SUMS and this one no longer has are left behind."""
    out = Path(out)
    previous = set()
    if (out / CHECKSUM_FILE).is_file():
        for line in (out / CHECKSUM_FILE).read_text(encoding="utf-8").splitlines():
            name = line.partition("  ")[2]
            if name and SAFE_PATH.match(name) and ".." not in name.split("/"):
                previous.add(name)
    dropped = sorted(name for name in previous - set(files) if (out / name).is_file())
    written = write_release(out, files, drop=set(dropped))
    return written, [out / name for name in dropped]


def publish(
    data_dir: Path | None = None,
    out: Path = Path("dist"),
    base: str | None = None,
    site_url: str | None = None,
    static: bool = False,
    sparql_endpoint: str | None = None,
    fail_on: str = "violation",
    include_drafts: bool = False,
) -> PublishResult:
    """Load, derive and validate the data, then write the release; nothing is written on violations.
    ``base`` defaults to the data project's (``kommgraph.toml``), else the default base. Draft graphs
    are left out unless ``include_drafts`` (then their facts are marked on their pages)."""
    loaded = load(data_dir, include_drafts=include_drafts)
    project = read_project(loaded.layout.root)
    site = Site(base or project.base, site_url)
    # with drafts: only what the curated data alone has can stop it
    report = validate_with_drafts(loaded, lambda part: validate(part.store, part.files, part.layout))
    result = PublishResult(report)
    if report.fails(fail_on):
        return result
    store = rebased_store(loaded.store, site)
    result.files = release_files(store, site, static=static, sparql_endpoint=sparql_endpoint, project=project)
    result.written, result.removed = write_files(Path(out), result.files)
    return result
