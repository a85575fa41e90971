"""Option bundles that several commands share: --data-dir, --format, --known-at and day values."""

from __future__ import annotations

import datetime as dt
import functools
from pathlib import Path

import click

from kommgraph.core import dates

# The output formats of query results (kommgraph.query.result.FORMATS, named here so that the CLI
# starts without loading rdflib; tests/test_cli.py checks that the two agree).
FORMATS = ("table", "csv", "tsv", "json", "markdown")


def data_options(command):
    @click.option(
        "--data-dir",
        type=click.Path(file_okay=False, path_type=Path),
        default=None,
        help="Data directory with ttl/ and sources/ (default: $KOMMGRAPH_DATA, ./data, or the bundled data).",
    )
    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        return command(*args, **kwargs)

    return wrapper


def output_options(command):
    @click.option(
        "--format",
        "fmt",
        type=click.Choice(FORMATS),
        default="table",
        show_default=True,
        help="Output format.",
    )
    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        return command(*args, **kwargs)

    return wrapper


def day(ctx, param, value: str | None) -> dt.date | None:
    """click callback: a day YYYY-MM-DD (``kommgraph.core.dates.parse_day``), else a usage error."""
    if value is None:
        return None
    try:
        return dates.parse_day(value)
    except dates.DateError as exc:
        raise click.BadParameter(str(exc)) from exc


def known_at_option(command):
    @click.option(
        "--known-at",
        "known_at",
        callback=day,
        metavar="YYYY-MM-DD",
        help="Use only the sources issued by this day (what was known then).",
    )
    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        return command(*args, **kwargs)

    return wrapper
