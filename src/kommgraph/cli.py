"""The ``kommgraph`` command: thin click commands over the library modules.

Exit codes: 0 ok · 1 violations or failed checks · 2 usage · 3 input, parse or load error · 4 internal error.
"""

from __future__ import annotations

import functools
import json
import sys
from pathlib import Path

import click

from kommgraph import __version__, queries, turtle
from kommgraph.dataset import LoadError
from kommgraph.engines import QueryError
from kommgraph.formatting import FORMATS, render
from kommgraph.sources import SourceError
from kommgraph.validate import SEVERITIES, text_report

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


@click.group(
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
    from kommgraph.build import build as run_build

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


@main.command()
@data_options
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option(
    "--fail-on",
    type=click.Choice(SEVERITIES),
    default="violation",
    show_default=True,
    help="Lowest severity that makes the exit code 1.",
)
@click.option(
    "--lang", type=click.Choice(["en", "de"]), default="en", show_default=True, help="Language of messages."
)
@input_errors
def validate(data_dir, fmt, fail_on, lang):
    """Validate the data: SHACL shapes, SPARQL checks, quotes against their sources."""
    from kommgraph.build import load
    from kommgraph.validate import validate as run_validate

    loaded = load(data_dir)
    report = run_validate(loaded.store, loaded.files, loaded.layout)
    if fmt == "json":
        click.echo(
            json.dumps(
                {
                    "conforms": not report.fails(fail_on),
                    "checked": report.checked,
                    "findings": [f.as_dict(lang) for f in report.findings],
                },
                ensure_ascii=False,
                indent=2,
            )
        )
    else:
        click.echo(text_report(report, lang), nl=False)
    if report.fails(fail_on):
        sys.exit(1)


def parse_params(values: tuple[str, ...]) -> dict[str, str]:
    params = {}
    for item in values:
        key, sep, value = item.partition("=")
        if not sep or not key:
            raise click.BadParameter(f"expected key=value, got {item!r}", param_hint="-p/--param")
        params[key.strip()] = value
    return params


@main.command()
@click.argument("name")
@click.option(
    "-p",
    "--param",
    "params",
    multiple=True,
    metavar="KEY=VALUE",
    help="A parameter of the query (repeatable).",
)
@data_options
@output_options
@input_errors
def query(name, params, data_dir, fmt):
    """Run a stored query NAME (see `kommgraph queries`) or a .rq file on the embedded store."""
    from kommgraph.api import KommGraph
    from kommgraph.build import load

    stored = queries.resolve(name)
    text = stored.bind(parse_params(params))
    result = KommGraph(load(data_dir)).engine.select(text)
    click.echo(render(result, fmt), nl=False)


@main.command("queries")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def list_queries(fmt):
    """List the stored queries with their summaries and parameters."""
    catalogue = queries.catalogue()
    if fmt == "json":
        click.echo(
            json.dumps(
                [
                    {
                        "name": q.name,
                        "summary": q.summary,
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
    for q in catalogue.values():
        click.echo(f"{q.name}\n    {q.summary}")
        for p in q.parameters:
            default = f" (default: {p.default})" if p.default is not None else ""
            need = "" if p.required else " [optional]"
            click.echo(f"    -p {p.name}=<{p.type_label}>{need}{default}")


@main.command()
@data_options
@click.option(
    "--check", is_flag=True, help="Only report files that are not in the canonical layout (exit 1)."
)
@input_errors
def fmt(data_dir, check):
    """Rewrite data/ttl in the canonical Turtle layout (sorted, fixed prefixes, no blank nodes)."""
    from kommgraph.dataset import discover

    changed = []
    for graph_file in discover(data_dir, include_ontology=False):
        original = graph_file.path.read_text(encoding="utf-8")
        formatted = turtle.reformat(original, str(graph_file.path))
        if formatted != original:
            changed.append(graph_file.path)
            if not check:
                graph_file.path.write_text(formatted, encoding="utf-8")
    verb = "would reformat" if check else "reformatted"
    for path in changed:
        click.echo(f"{verb} {path}")
    click.echo(f"{len(changed)} file(s) {verb}" if changed else "all files in canonical layout")
    if check and changed:
        sys.exit(1)


# Command modules of their own: each defines COMMANDS, a list of click commands; a command with the
# name of one above replaces it. Modules that are not there (yet) are skipped.
COMMAND_MODULES = ("cli_convert", "cli_temporal", "cli_query", "cli_validate", "cli_publish")


def _register_command_modules():
    import importlib

    for module_name in COMMAND_MODULES:
        try:
            module = importlib.import_module(f"kommgraph.{module_name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"kommgraph.{module_name}":
                raise
            continue
        for command in getattr(module, "COMMANDS", []):
            main.add_command(command)


_register_command_modules()


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
