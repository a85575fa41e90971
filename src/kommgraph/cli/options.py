"""What the area modules share: option bundles (--data-dir, --format, --known-at, day values),
``-p KEY=VALUE`` parsing and the click exceptions for exit codes 1 and 3."""

from __future__ import annotations

import datetime as dt
import functools
import os
from pathlib import Path

import click

from kommgraph.core import dates, paths

# The output formats of query results (kommgraph.query.result.FORMATS, named here so that the CLI
# starts without loading rdflib; tests/test_cli.py checks that the two agree).
FORMATS = ("table", "csv", "tsv", "json", "markdown")

# kommgraph.store.persistent.NO_STORE_VARIABLE, named here so that the CLI starts without pyoxigraph
NO_STORE_VARIABLE = "KOMMGRAPH_NO_STORE"


def data_options(command=None, *, unless: str | None = None):
    """--data-dir, resolved before the command runs (see :func:`resolve_data_dir`); not resolved when
    the option named ``unless`` is given (``query --endpoint`` reads no local data)."""
    if command is None:
        return functools.partial(data_options, unless=unless)

    @click.option(
        "--no-store",
        is_flag=True,
        help="Load the data into memory instead of the persistent store in DATA/.kommgraph/ (also: "
        "KOMMGRAPH_NO_STORE=1).",
    )
    @click.option(
        "--data-dir",
        type=click.Path(file_okay=False, path_type=Path),
        default=None,
        help="Data project with kommgraph.toml, ttl/ and sources/ (default: $KOMMGRAPH_DATA, else the "
        "project found from the current directory upward, else the bundled sample, said on stderr).",
    )
    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        no_store = kwargs.pop("no_store", False)
        if not (unless and kwargs.get(unless)):
            kwargs["data_dir"] = resolve_data_dir(kwargs.get("data_dir"))
        if not no_store:
            return command(*args, **kwargs)
        previous = os.environ.get(NO_STORE_VARIABLE)
        os.environ[NO_STORE_VARIABLE] = "1"  # every load of this command (kommgraph.store.persistent)
        try:
            return command(*args, **kwargs)
        finally:  # the variable is the command's own (CliRunner runs many commands in one process)
            if previous is None:
                os.environ.pop(NO_STORE_VARIABLE, None)
            else:
                os.environ[NO_STORE_VARIABLE] = previous

    return wrapper


def resolve_data_dir(explicit: Path | None) -> Path:
    """The data directory a command works on; one line on stderr when it is the bundled sample."""
    choice = paths.choose_data_dir(explicit)
    if choice.is_sample:
        click.echo(choice.notice(), err=True)
    return choice.root


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


class Failed(click.ClickException):
    """Violations or failed checks: the findings have already been printed (exit code 1)."""

    exit_code = 1


class InputError(click.ClickException):
    """A file the command itself reads could not be read or parsed (exit code 3)."""

    exit_code = 3


def parse_params(values: tuple[str, ...]) -> dict[str, str]:
    params = {}
    for item in values:
        key, sep, value = item.partition("=")
        if not sep or not key:
            raise click.BadParameter(f"expected key=value, got {item!r}", param_hint="-p/--param")
        params[key.strip()] = value
    return params
