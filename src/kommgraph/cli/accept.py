"""``kommgraph accept SOURCE [--fact IRI ...]``: move accepted draft facts into the curated graph."""

from __future__ import annotations

import click

from kommgraph.cli.options import data_options
from kommgraph.curation.accept import accept as run_accept
from kommgraph.curation.facts import read_sides


@click.command("accept")
@data_options
@click.argument("source")
@click.option(
    "--fact",
    "facts",
    multiple=True,
    metavar="IRI",
    help="Accept only this fact (repeatable; the IRIs that kommgraph review lists). Default: every fact.",
)
def accept(data_dir, source, facts):
    """Move the accepted facts of SOURCE's draft into its curated file ttl/SOURCE.ttl, keeping both
    provenances: the quote and source of each fact, and the acceptance of the draft.

    What is not accepted stays in the draft; a draft with no fact left is removed.
    """
    result = run_accept(data_dir, read_sides(data_dir, source), list(facts) or None)
    click.echo(f"accepted {len(result.facts)} facts into {result.curated_path}")
    if result.draft_path:
        click.echo(f"left     the other facts in {result.draft_path}")
    else:
        click.echo("removed  the draft (no fact left)")


COMMANDS = [accept]
