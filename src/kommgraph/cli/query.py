"""``kommgraph query``, ``kommgraph queries`` and ``kommgraph push``: the query layer on the command line.

These replace the core ``query`` and ``queries`` commands of ``kommgraph.cli.main``. Endpoint failures (HTTP
errors, connection refused, timeouts) exit with code 3, bad parameters with code 2.
"""

from __future__ import annotations

import json

import click

from kommgraph.api.session import local_engine
from kommgraph.cli.options import data_options, known_at_option, output_options, parse_params
from kommgraph.query import catalogue as queries
from kommgraph.query import guard
from kommgraph.query.engines import DEFAULT_TIMEOUT
from kommgraph.query.push import find_credentials, split_userinfo
from kommgraph.query.push import push as run_push
from kommgraph.query.reference import catalogue_text, reference_markdown
from kommgraph.query.remote import RemoteEngine
from kommgraph.query.result import render
from kommgraph.store.load import load
from kommgraph.temporal.known_at import known_at as known_at_view

ENGINE_CHOICES = ("oxigraph", "rdflib")


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
@click.option(
    "--named-graph",
    "named_graphs",
    multiple=True,
    metavar="IRI",
    help="With --endpoint: the named graphs for GRAPH patterns (named-graph-uri; repeatable).",
)
@click.option(
    "--allow-host",
    "allow_hosts",
    multiple=True,
    metavar="HOST",
    help="Let SERVICE, LOAD and FROM in the query reach HOST (repeatable); refused otherwise.",
)
@known_at_option
@data_options(unless="endpoint")
@output_options
def query(
    name,
    params,
    endpoint,
    engine,
    timeout,
    default_graphs,
    named_graphs,
    known_at,
    data_dir,
    fmt,
    allow_hosts,
):
    """Run a stored query NAME (see `kommgraph queries`) or a .rq file.

    Parameters are checked before the query runs and bound as RDF terms: written into the query as escaped
    constants (so the engine can look them up) beside a VALUES block; a value that cannot be written safely is
    refused.
    """
    guard.allow_hosts(*allow_hosts)
    stored = queries.resolve(name)
    values = parse_params(params)
    bindings = stored.bindings(values)
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
        store = known_at_view(loaded, known_at) if known_at else loaded.store
        runner = local_engine(store, engine or "oxigraph")
    click.echo(render(runner.select(stored.text_for(runner.holds_index(), values), bindings), fmt), nl=False)


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
        click.echo(reference_markdown(), nl=False)
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
# Credentials for push
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
def push(endpoint, with_default_graph, user, password, timeout, data_dir):
    """Load the ontology, reference data, each source's graph and the derived graph into a SPARQL server.

    Each graph is replaced by an HTTP PUT of the SPARQL 1.1 Graph Store Protocol; other graphs on the
    server are left alone. If a PUT fails, the graphs already replaced are put back.
    """
    bare, in_url = split_userinfo(endpoint)  # credentials in the URL are never printed
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
