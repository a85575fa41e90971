"""``kommgraph snapshot``, ``lineage``, ``timeline``, ``conflicts``: thin commands over kommgraph.temporal."""

from __future__ import annotations

from pathlib import Path

import click

from kommgraph.cli.options import Failed, data_options, day, known_at_option, output_options
from kommgraph.query.result import render
from kommgraph.store.load import load
from kommgraph.temporal import conflicts as disagreements
from kommgraph.temporal import lineage as lineages
from kommgraph.temporal import snapshot as snapshots
from kommgraph.temporal import timeline as pictures
from kommgraph.temporal.find import find_authority, find_unit
from kommgraph.temporal.known_at import known_at as known_at_view


def _stores(data_dir, known_at):
    """The full store (names are looked up there) and the store to answer from."""
    loaded = load(data_dir)
    return loaded.store, (known_at_view(loaded, known_at) if known_at else loaded.store)


@click.command()
@click.argument("authority")
@click.option("--at", "at", required=True, callback=day, metavar="YYYY-MM-DD", help="The day to show.")
@known_at_option
@click.option(
    "--format", "fmt", type=click.Choice(["tree", "json", "ttl"]), default="tree", show_default=True
)
@data_options
def snapshot(authority, at, known_at, fmt, data_dir):
    """The units of AUTHORITY (a name or an 8-digit AGS) on a day, with parents and heads.

    Each unit is marked as existing or possibly existing (the day falls inside the imprecision of its
    start or end). --format ttl writes a snapshot graph that validates on its own.
    """
    full, store = _stores(data_dir, known_at)
    found = find_authority(full, authority)
    snap = snapshots.snapshot(store, found, at, known_at)
    if fmt == "json":
        click.echo(snapshots.snapshot_json(snap), nl=False)
    elif fmt == "ttl":
        click.echo(snapshots.snapshot_turtle(store, snap), nl=False)
    else:
        click.echo(snapshots.snapshot_tree(snap), nl=False)


@click.command()
@click.argument("unit")
@known_at_option
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@data_options
def lineage(unit, known_at, fmt, data_dir):
    """Predecessors, successors and other changes of UNIT (an IRI or a unit's exact name), with dates,
    kinds of change, sources and quotes."""
    full, store = _stores(data_dir, known_at)
    iri = find_unit(full, unit)
    result = lineages.lineage(store, iri, known_at, name=lineages.names(full, [iri]).get(iri))
    click.echo(lineages.lineage_json(result) if fmt == "json" else lineages.lineage_text(result), nl=False)


@click.command()
@click.argument("authority")
@click.option(
    "--format", "fmt", type=click.Choice(["text", "mermaid", "svg"]), default="text", show_default=True
)
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Write to this file instead of standard output.",
)
@known_at_option
@data_options
def timeline(authority, fmt, out, known_at, data_dir):
    """The units of AUTHORITY over time: bars over their lifespans (fading where a date is imprecise),
    arrows where one replaced another or functions moved. SVG needs matplotlib."""
    full, store = _stores(data_dir, known_at)
    found = find_authority(full, authority)
    try:
        text = pictures.render(pictures.build(store, found), fmt)
    except ModuleNotFoundError as exc:
        raise Failed(f"--format svg needs matplotlib: pip install matplotlib ({exc})") from exc
    if out is None:
        click.echo(text, nl=False)
        return
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text, encoding="utf-8", newline="\n")
    click.echo(f"wrote {out}")


@click.command()
@known_at_option
@data_options
@output_options
def conflicts(known_at, data_dir, fmt):
    """Where sources disagree (dates, kinds of change, a unit alive after another source ended it), with
    both sources and their quotes. A curator resolves one with `<resource> kg:prevailingSource <source>`."""
    _, store = _stores(data_dir, known_at)
    click.echo(render(disagreements.conflicts(store), fmt), nl=False)


COMMANDS = [snapshot, lineage, timeline, conflicts]
