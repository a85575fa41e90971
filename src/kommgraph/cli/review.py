"""``kommgraph review SOURCE``: a draft's facts beside the curated graph (see kommgraph.curation.review)."""

from __future__ import annotations

import click

from kommgraph.cli.options import data_options
from kommgraph.curation.facts import read_sides
from kommgraph.curation.review import compare, render


@click.command("review")
@data_options
@click.argument("source")
def review(data_dir, source):
    """Show the facts of SOURCE's draft (ttl/drafts/SOURCE.ttl) beside the curated graph: new, changed,
    unchanged, and missing (curated facts from the same source the draft lacks), each with its quotes.

    SOURCE is a source ID or the path of its text or draft. Nothing is changed; accept with
    ``kommgraph accept SOURCE``.
    """
    sides = read_sides(data_dir, source)
    click.echo(render(sides, compare(sides)), nl=False)


COMMANDS = [review]
