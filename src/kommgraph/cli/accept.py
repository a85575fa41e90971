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
@click.option(
    "--drop-missing",
    is_flag=True,
    help="Also remove the curated facts of SOURCE that the draft no longer states (review lists them as "
    "missing), e.g. after the source text was corrected and converted again.",
)
def accept(data_dir, source, facts, drop_missing):
    """Move the accepted facts of SOURCE's draft into its curated file ttl/SOURCE.ttl, keeping both
    provenances: the quote and source of each fact, and the acceptance of the draft.

    A fact that is curated already takes the draft's values (for each property the draft states).
    What is not accepted stays in the draft; a draft with no fact left is removed.
    """
    result = run_accept(data_dir, read_sides(data_dir, source), list(facts) or None, drop_missing)
    click.echo(f"accepted {len(result.facts)} facts into {result.curated_path}")
    if result.draft_path:
        click.echo(f"left     the other facts in {result.draft_path}")
    else:
        click.echo("removed  the draft (no fact left)")
    if result.missing and result.dropped:
        click.echo(f"dropped  {len(result.missing)} curated facts the draft no longer states")
    elif result.missing:
        click.echo(
            f"kept     {len(result.missing)} curated facts the draft no longer states "
            "(review lists them as missing; --drop-missing removes them)"
        )


COMMANDS = [accept]
