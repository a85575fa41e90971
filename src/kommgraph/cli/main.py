"""The ``kommgraph`` command: thin click commands over the library modules.

Exit codes: 0 ok · 1 violations or failed checks · 2 usage · 3 input, parse or load error · 4 internal error.
"""

from __future__ import annotations

import functools
import importlib
import sys
from pathlib import Path

import click

from kommgraph import __version__
from kommgraph.query import catalogue as queries
from kommgraph.store.dataset import LoadError
from kommgraph.query.engines import QueryError
from kommgraph.query.formatting import FORMATS
from kommgraph.store.sources import SourceError
from kommgraph.validate import text_report

EXIT_CODES = """\b
Exit codes:
  0  no finding at or above --fail-on / success
  1  violations or failed checks
  2  usage error
  3  input could not be read or parsed (file and line are named)
  4  internal error"""


class InputError(click.ClickException):
    """Input could not be read or parsed."""

    exit_code = 3


class Failed(click.ClickException):
    """Violations or failed checks: the message has already been printed."""

    exit_code = 1


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


def input_errors(command):
    """Turn the library's input errors into exit code 3 with the file and line in the message."""

    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        try:
            return command(*args, **kwargs)
        except (LoadError, SourceError) as exc:
            raise InputError(str(exc)) from exc
        except (queries.ParameterError, QueryError) as exc:
            raise click.UsageError(str(exc)) from exc

    return wrapper


# The commands of each area live in a module of their own that defines COMMANDS, a list of click commands.
COMMAND_MODULES = ("convert", "temporal", "query", "validate", "publish", "synth")


class KommgraphGroup(click.Group):
    """Loads the area modules' commands when a command is first listed or looked up, not at import time:
    the area modules import this one, so registering them here at import would see them half-initialised."""

    _loaded = False

    def _load(self) -> None:
        if not self._loaded:
            self._loaded = True
            for module_name in COMMAND_MODULES:
                for command in importlib.import_module(f"kommgraph.cli.{module_name}").COMMANDS:
                    self.add_command(command)

    def list_commands(self, ctx):
        self._load()
        return super().list_commands(ctx)

    def get_command(self, ctx, name):
        self._load()
        return super().get_command(ctx, name)


@click.group(
    cls=KommgraphGroup,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100}, epilog=EXIT_CODES
)
@click.version_option(__version__, prog_name="kommgraph")
def main():
    """kommgraph: a temporal knowledge graph of German local-government units and their succession."""


@main.command()
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
@input_errors
def build(data_dir, out, lang):
    """Load the data, derive, validate, and write dist/kommgraph.trig and dist/kommgraph.ttl.

    Nothing is written when a violation is found (exit code 1).
    """
    from kommgraph.api.build import build as run_build

    result = run_build(data_dir, out)
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


def parse_params(values: tuple[str, ...]) -> dict[str, str]:
    params = {}
    for item in values:
        key, sep, value = item.partition("=")
        if not sep or not key:
            raise click.BadParameter(f"expected key=value, got {item!r}", param_hint="-p/--param")
        params[key.strip()] = value
    return params


def run():
    """Console entry point: unexpected errors exit with code 4 and a short message."""
    try:
        main(standalone_mode=False)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except click.exceptions.Abort:
        click.echo("aborted", err=True)
        sys.exit(1)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except SystemExit:
        raise
    except Exception as exc:  # noqa: BLE001 - the contract: internal errors are exit code 4
        click.echo(f"internal error: {type(exc).__name__}: {exc}", err=True)
        sys.exit(4)
