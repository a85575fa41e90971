"""``kommgraph build``, ``publish`` and ``serve``: thin commands over :mod:`kommgraph.api.build`,
:mod:`kommgraph.publish.release` and :mod:`kommgraph.publish.server`."""

from __future__ import annotations

from pathlib import Path

import click

from kommgraph.api.build import build as run_build
from kommgraph.cli.options import Failed, data_options
from kommgraph.core import progress
from kommgraph.core.errors import InputError
from kommgraph.core.paths import default_data_dir
from kommgraph.core.vocab import DEFAULT_BASE
from kommgraph.publish.project import read_project
from kommgraph.publish.release import publish as run_publish
from kommgraph.validation.findings import SEVERITIES
from kommgraph.validation.text import text_report


def _drafts_option(command):
    return click.option(
        "--include-drafts",
        is_flag=True,
        help="Also publish the converter's drafts (ttl/drafts/), each draft fact marked "
        "'Entwurf, ungeprüft' on its page. Default: only accepted facts.",
    )(command)


def _base_option(command):
    return click.option(
        "--base",
        default=None,
        metavar="IRI",
        help="Base IRI of the instances (kgid:); IRIs are rewritten when another is given. "
        f"[default: the base in the data's kommgraph.toml, else {DEFAULT_BASE}]",
    )(command)


@click.command()
@data_options
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("dist"),
    show_default=True,
    help="Folder for the dataset files.",
)
@click.option(
    "--lang", type=click.Choice(["en", "de"]), default="en", show_default=True, help="Language of messages."
)
@_drafts_option
def build(data_dir, out, lang, include_drafts):
    """Load the data, derive, validate, and write dist/kommgraph.trig and dist/kommgraph.ttl.

    Nothing is written when a violation is found (exit code 1).
    """
    with progress.bar("build") as bar:
        result = run_build(data_dir, out, include_drafts=include_drafts, phase=bar.phase)
    loaded = result.loaded
    click.echo(
        f"loaded   {len(loaded.files)} files: {len(loaded.source_graphs)} sources, reference data, ontology"
    )
    click.echo(
        f"derived  {sum(loaded.derived.values())} triples by {len(loaded.derived)} rules "
        + ", ".join(f"{k} {v}" for k, v in loaded.derived.items())
    )
    report = result.report
    if report.findings:
        click.echo(text_report(report, lang), nl=False)
    else:
        click.echo(f"valid    {report.checked['triples']} triples, no findings")
    if not result.written:
        raise Failed("build failed: fix the violations above; nothing was written")
    for path in result.written:
        click.echo(f"wrote    {path}")


@click.command()
@data_options
@_base_option
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("dist"),
    show_default=True,
    help="Release folder.",
)
@click.option("--static", is_flag=True, help="Add the HTML pages, per-resource documents and an .htaccess.")
@click.option(
    "--site",
    "site_url",
    default=None,
    metavar="URL",
    help="Where the release folder is served (default: the folder above the base IRI).",
)
@click.option(
    "--sparql-endpoint",
    default=None,
    metavar="URL",
    help="A SPARQL endpoint that serves this release, named in the VoID and DCAT descriptions.",
)
@click.option(
    "--fail-on",
    type=click.Choice(SEVERITIES),
    default="violation",
    show_default=True,
    help="Lowest severity of a validation finding that stops the publish.",
)
@click.option(
    "--lang", type=click.Choice(["en", "de"]), default="en", show_default=True, help="Language of messages."
)
@_drafts_option
def publish(data_dir, base, out, static, site_url, sparql_endpoint, fail_on, lang, include_drafts):
    """Write the release: TriG, N-Quads, Turtle, N-Triples, JSON-LD, ontology, VoID, DCAT-AP.de, SHA256SUMS.

    The same input gives byte-identical files. Nothing is written when validation fails (exit code 1).
    """
    result = run_publish(
        data_dir,
        out,
        base=base,
        site_url=site_url,
        static=static,
        sparql_endpoint=sparql_endpoint,
        fail_on=fail_on,
        include_drafts=include_drafts,
    )
    if result.report.findings:
        click.echo(text_report(result.report, lang), nl=False)
    if not result.files:
        raise Failed("publish failed: fix the findings above; nothing was written")
    size = sum(len(data) for data in result.files.values())
    click.echo(f"wrote    {len(result.written)} files ({size:,} bytes) to {out}")
    for path in result.removed:
        click.echo(f"removed  {path} (no longer in the release)")
    for name in ("kommgraph.trig", "void.ttl", "dcat.ttl", "SHA256SUMS"):
        click.echo(f"         {Path(out) / name}")


@click.command()
@data_options
@_base_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to listen on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535), help="Port.")
@click.option(
    "--timeout",
    default=10.0,
    show_default=True,
    type=click.FloatRange(min=0.1),
    help="Time limit of a SPARQL query in seconds.",
)
@click.option(
    "--max-rows",
    default=10_000,
    show_default=True,
    type=click.IntRange(min=1),
    help="Largest SPARQL result (rows or triples) the endpoint returns.",
)
@click.option(
    "--workers",
    default=4,
    show_default=True,
    type=click.IntRange(1, 64),
    help="SPARQL worker processes (each holds a copy of the data).",
)
@click.option(
    "--queue",
    "queue_limit",
    default=32,
    show_default=True,
    type=click.IntRange(0, 10_000),
    help="SPARQL requests that may wait for a worker; more get 503 with Retry-After.",
)
@_drafts_option
def serve(data_dir, base, host, port, timeout, max_rows, workers, queue_limit, include_drafts):
    """Serve the data read-only: /id/ IRIs (303 + content negotiation), pages, /sparql (query page,
    service description), /api/queries/NAME (OpenAPI at /api/openapi.json), /.well-known/void.

    SERVICE, LOAD and FROM other servers are refused: the server makes no outbound requests.
    The time limit of a query counts from its arrival, waiting for a worker included.
    """
    from kommgraph.publish.server import missing_extra

    message = missing_extra()
    if message:
        raise InputError(message)
    from kommgraph.publish.server import load_app, run

    base = base or read_project(data_dir or default_data_dir()).base
    app = load_app(
        data_dir,
        base=base,
        timeout=timeout,
        max_rows=max_rows,
        workers=workers,
        queue_limit=queue_limit,
        include_drafts=include_drafts,
    )
    click.echo(f"serving  http://{host}:{port}/ (SPARQL at /sparql; stop with Ctrl-C)")
    run(app, host=host, port=port)


COMMANDS = [build, publish, serve]
