"""``kommgraph query``, ``kommgraph queries`` and ``kommgraph push``: the query layer on the command line.

These replace the core ``query`` and ``queries`` commands of ``kommgraph.cli.main``. Endpoint failures (HTTP
errors, connection refused, timeouts) exit with code 3, bad parameters with code 2.
"""

from __future__ import annotations

import datetime as dt
import functools
import importlib
import json

import click

from kommgraph.query import catalogue as queries
from kommgraph.cli.main import InputError, data_options, input_errors, output_options, parse_params
from kommgraph.query.engines import DEFAULT_TIMEOUT, EndpointError
from kommgraph.query.formatting import catalogue_text, render

ENGINE_CHOICES = ("oxigraph", "rdflib")


def endpoint_errors(command):
    """A server that fails or cannot be reached is an input that cannot be read: exit code 3."""

    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        try:
            return command(*args, **kwargs)
        except EndpointError as exc:
            raise InputError(str(exc)) from exc

    return wrapper


@click.command()
@click.argument("name")
@click.option(
    "-p",
    "--param",
    "params",
    multiple=True,
    metavar="KEY=VALUE",
    help="A parameter of the query (repeatable); see `kommgraph queries`.",
)
@click.option(
    "--endpoint",
    metavar="URL",
    help="Query this SPARQL 1.1 endpoint (e.g. http://localhost:7878/query) instead of the embedded data.",
)
@click.option(
    "--engine",
    type=click.Choice(ENGINE_CHOICES),
    default=None,
    help="Engine for the embedded data  [default: oxigraph].",
)
@click.option(
    "--timeout",
    type=click.FloatRange(min=0.1),
    default=DEFAULT_TIMEOUT,
    show_default=True,
    help="Seconds to wait for the endpoint.",
)
@click.option(
    "--default-graph",
    "default_graphs",
    multiple=True,
    metavar="IRI",
    help="With --endpoint: query the merge of these graphs (default-graph-uri; repeatable); they are "
    "the named graphs too unless --named-graph is given. Default: the kommgraph graphs on the server.",
)
@click.option(  # issue 14 (virtuoso helper)
    "--named-graph",
    "named_graphs",
    multiple=True,
    metavar="IRI",
    help="With --endpoint: the named graphs for GRAPH patterns (named-graph-uri; repeatable).",
)
@click.option(
    "--known-at",
    metavar="DATE",
    help="Query the data as it was known on DATE (YYYY-MM-DD): only sources published by then.",
)
@data_options
@output_options
@input_errors
@endpoint_errors
def query(name, params, endpoint, engine, timeout, default_graphs, named_graphs, known_at, data_dir, fmt):
    """Run a stored query NAME (see `kommgraph queries`) or a .rq file.

    Parameters are checked before the query runs and bound as RDF terms, never written into the text.
    """
    from kommgraph.api.session import local_engine
    from kommgraph.api.build import load
    from kommgraph.query.engines import RemoteEngine

    stored = queries.resolve(name)
    bindings = stored.bindings(parse_params(params))
    if endpoint:
        for option, given in (("--engine", engine), ("--data-dir", data_dir), ("--known-at", known_at)):
            if given:
                raise click.UsageError(f"{option} applies to the embedded data, not to --endpoint")
        runner = RemoteEngine(
            endpoint, timeout=timeout, default_graphs=default_graphs, named_graphs=named_graphs
        )
    else:
        if default_graphs or named_graphs:
            raise click.UsageError("--default-graph and --named-graph apply to --endpoint only")
        loaded = load(data_dir)
        store = known_at_store(loaded, known_at) if known_at else loaded.store
        runner = local_engine(store, engine or "oxigraph")
    click.echo(render(runner.select(stored.text, bindings), fmt), nl=False)


# ---- hook: --known-at ------------------------------------------------------------------------------
# The as-known-at view is written in kommgraph.temporal.engine (another module): known_at(loaded, date) returns
# a pyoxigraph Store with only what the sources published by `date` said (and what follows from it).
# Until that module is there, --known-at is a clear usage error.
def known_at_store(loaded, date_text: str):
    try:
        date = dt.date.fromisoformat(date_text)
    except ValueError:
        raise click.BadParameter(
            f"expected a date YYYY-MM-DD, got {date_text!r}", param_hint="--known-at"
        ) from None
    try:
        temporal = importlib.import_module("kommgraph.temporal.engine")
    except ModuleNotFoundError as exc:
        if exc.name != "kommgraph.temporal.engine":
            raise
        temporal = None
    known_at = getattr(temporal, "known_at", None)
    if known_at is None:
        raise click.UsageError(
            "--known-at needs kommgraph.temporal.engine.known_at, which this installation does not have"
        )
    return known_at(loaded, date)


@click.command("queries")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json", "markdown"]),
    default="text",
    show_default=True,
    help="markdown: the reference of docs/queries.md.",
)
def list_queries(fmt):
    """List the stored queries with their summaries and parameters."""
    if fmt == "markdown":
        click.echo(queries.reference_markdown(), nl=False)
        return
    catalogue = queries.catalogue()
    if fmt == "json":
        click.echo(
            json.dumps(
                [
                    {
                        "name": q.name,
                        "summary": q.summary,
                        "description": q.description,
                        "tags": q.tags,
                        "parameters": [
                            {
                                "name": p.name,
                                "type": p.type_label,
                                "required": p.required,
                                "default": p.default,
                                "allowed": list(p.allowed),
                            }
                            for p in q.parameters
                        ],
                    }
                    for q in catalogue.values()
                ],
                ensure_ascii=False,
                indent=2,
            )
        )
        return
    click.echo(catalogue_text(catalogue), nl=False)


@click.command()
@click.option(
    "--endpoint",
    metavar="URL",
    required=True,
    help="The server's Graph Store Protocol URL, e.g. http://localhost:7878/store (Oxigraph), "
    "http://localhost:8890/sparql-graph-crud-auth (Virtuoso, with --user) or http://localhost:3030/ds/data "
    "(Fuseki).",
)
@click.option(
    "--with-default-graph",
    is_flag=True,
    help="Also replace the server's default graph with the merge of all graphs (as the embedded store "
    "has it); only for a server or dataset kept for kommgraph. `query --endpoint` does not need it.",
)
# issue 14 (virtuoso helper): credentials for push
@click.option(
    "--user",
    metavar="NAME",
    help="User for HTTP Basic or Digest authentication (else $KOMMGRAPH_USER, else ~/.netrc).",
)
@click.option(
    "--password",
    metavar="TEXT",
    help="Password for --user (better: $KOMMGRAPH_PASSWORD or ~/.netrc); never printed.",
)
@click.option(
    "--timeout",
    type=click.FloatRange(min=0.1),
    default=120.0,
    show_default=True,
    help="Seconds to wait for each graph.",
)
@data_options
@input_errors
@endpoint_errors
def push(endpoint, with_default_graph, user, password, timeout, data_dir):
    """Load the ontology, reference data, each source's graph and the derived graph into a SPARQL server.

    Each graph is replaced by an HTTP PUT of the SPARQL 1.1 Graph Store Protocol; other graphs on the
    server are left alone. If a PUT fails, the graphs already replaced are put back.
    """
    from kommgraph.api.build import load
    from kommgraph.query.push import find_credentials, split_userinfo
    from kommgraph.query.push import push as run_push

    bare, in_url = split_userinfo(endpoint)  # issue 14: credentials in the URL are never printed
    credentials = in_url or find_credentials(bare, user, password)

    def progress(item):
        click.echo(f"put  {item.label}  {item.triples} triples  (HTTP {item.status})")

    pushed = run_push(
        load(data_dir),
        bare,
        with_default_graph=with_default_graph,
        timeout=timeout,
        progress=progress,
        credentials=credentials,
    )
    click.echo(f"pushed {len(pushed)} graphs, {sum(p.triples for p in pushed)} triples to {bare}")


COMMANDS = [query, list_queries, push]
