"""``kommgraph init DIR``: a new data project (see kommgraph.publish.project for kommgraph.toml)."""

from __future__ import annotations

from pathlib import Path

import click

from kommgraph.publish.project import write_new_project


@click.command("init")
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
@click.option("--title", default=None, help="Title of the dataset (German).")
@click.option("--publisher", default=None, help="Who publishes the dataset (e.g. 'Stadt Musterstadt').")
@click.option("--email", default=None, help="Contact address for the dataset.")
@click.option("--base", default=None, metavar="IRI", help="Base IRI of the identifiers (ends with / or #).")
def init(directory, title, publisher, email, base):
    """Make DIR a kommgraph data project: sources/, ttl/, ttl/reference/, kommgraph.toml and a README.

    Every command run inside DIR (or below it) then works on this project. Edit kommgraph.toml before
    the first publish: it names the publisher, contact, licence and base IRI of the dataset.
    """
    written = write_new_project(directory, title=title, publisher=publisher, email=email, base=base)
    for path in written:
        click.echo(f"wrote    {path}")
    click.echo(f"next     put source texts in {directory / 'sources'}, then: kommgraph convert sources/*.txt")


COMMANDS = [init]
