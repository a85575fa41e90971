"""The ``kommgraph`` command: the click group, the table of commands, and the one error handler.

``kommgraph --help`` reads the table and imports no command module, so it starts fast; a command's
module (``kommgraph.cli.AREA``, one per area) is imported when the command runs.
Exit codes: 0 ok · 1 violations or failed checks · 2 usage · 3 input, parse, load or output error ·
4 internal error.
"""

from __future__ import annotations

import importlib
import sys

import click

from kommgraph.core import errors
from kommgraph.core.version import __version__

EXIT_CODES = """\b
Exit codes:
  0  no finding at or above --fail-on / success
  1  violations or failed checks
  2  usage error
  3  input could not be read or parsed (file and line are named), or output could not be written
  4  internal error"""

# Every command: the area module that defines it (kommgraph.cli.AREA, in its COMMANDS list) and the
# one-line summary `kommgraph --help` shows (tests/test_cli.py checks both).
COMMANDS = {
    "accept": ("accept", "Move a draft's accepted facts into the curated graph."),
    "build": ("publish", "Validate the data, write dist/kommgraph.trig and .ttl."),
    "conflicts": ("temporal", "List where sources disagree and what curators chose."),
    "convert": ("convert", "Convert German source texts into draft Turtle graphs."),
    "evaluate": ("convert", "Score the converter against the gold annotations."),
    "init": ("init", "Make a folder a data project (kommgraph.toml, sources/, ttl/)."),
    "fmt": ("validate", "Rewrite Turtle files in the canonical layout (or --check)."),
    "lineage": ("temporal", "Show the predecessors, successors and changes of a unit."),
    "publish": ("publish", "Write the release: dumps, ontology, DCAT-AP.de, checksums."),
    "push": ("query", "Load the data into a SPARQL graph store."),
    "queries": ("query", "List the stored queries with their parameters."),
    "query": ("query", "Run a stored query or a .rq file (here or at an endpoint)."),
    "review": ("review", "Show a draft's facts beside the curated graph."),
    "serve": ("publish", "Serve the data read-only: identifiers, pages and SPARQL."),
    "snapshot": ("temporal", "Show the units of an authority on a day."),
    "synth": ("synth", "Write a synthetic data directory, valid by construction."),
    "timeline": ("temporal", "Draw the units of an authority over time."),
    "validate": ("validate", "Validate the data: SHACL shapes, SPARQL checks, evidence."),
}


class CommandError(click.ClickException):
    """A library error on its way to the exit code it names."""

    def __init__(self, message: str, exit_code: int):
        super().__init__(message)
        self.exit_code = exit_code


class KommgraphGroup(click.Group):
    """Lists the commands from the table; imports a command's module only when it is looked up."""

    def list_commands(self, ctx):
        return sorted(COMMANDS)

    def get_command(self, ctx, name):
        if name not in COMMANDS:
            return None
        area, summary = COMMANDS[name]
        module = importlib.import_module(f"kommgraph.cli.{area}")
        command = next(c for c in module.COMMANDS if c.name == name)
        command.short_help = summary
        return command

    def format_commands(self, ctx, formatter):
        with formatter.section("Commands"):
            formatter.write_dl([(name, summary) for name, (_, summary) in sorted(COMMANDS.items())])

    def invoke(self, ctx):
        """The one place that maps errors to exit codes: the library's errors by their ``exit_code``
        (2 usage, 3 input or output), anything unexpected to 4 (internal error)."""
        try:
            return super().invoke(ctx)
        except (click.ClickException, click.exceptions.Exit, click.exceptions.Abort):
            raise
        except errors.KommgraphError as exc:
            if exc.exit_code == errors.EXIT_USAGE:
                raise click.UsageError(str(exc), ctx) from exc
            raise CommandError(str(exc), exc.exit_code) from exc
        except Exception as exc:  # noqa: BLE001 - the exit-code contract: anything else is a bug
            raise CommandError(f"internal error: {type(exc).__name__}: {exc}", errors.EXIT_INTERNAL) from exc


@click.group(
    cls=KommgraphGroup,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
    epilog=EXIT_CODES,
)
@click.version_option(__version__, prog_name="kommgraph")
def main():
    """kommgraph: a temporal knowledge graph of German local-government units and their succession."""


def run():
    """Console entry point: the group has mapped every error to a click exception with its exit code."""
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
