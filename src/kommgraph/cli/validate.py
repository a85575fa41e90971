"""``kommgraph validate`` and ``kommgraph fmt``: the commands a data repository runs in CI and pre-commit.

Both replace the core commands of the same name. The work is done by ``kommgraph.validation``,
``kommgraph.validation.reports`` and ``kommgraph.core.turtle``; these commands parse options and write output.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click
import pyoxigraph as ox

from kommgraph.cli.options import InputError, data_options, day
from kommgraph.core import progress, turtle
from kommgraph.core.files import check_writable, refuse_special, write_atomically
from kommgraph.curation.validation import validate_with_drafts
from kommgraph.store.dataset import discover
from kommgraph.store.load import load
from kommgraph.validation import reports
from kommgraph.validation import run as validation_run
from kommgraph.validation.findings import SEVERITIES
from kommgraph.validation.incremental import in_memory
from kommgraph.validation.locate import blank_node_positions

VALIDATE_EXIT_CODES = """\b
Exit codes:
  0  no finding at or above --fail-on
  1  findings at or above --fail-on
  2  usage error (bad option, unknown --since revision, not a git repository)
  3  input could not be read or parsed (file and line are named)
  4  internal error"""

FMT_EXIT_CODES = """\b
Exit codes:
  0  every file is in the canonical layout (or was rewritten into it)
  1  --check found files to reformat, or a file has blank nodes (refused)
  2  usage error
  3  a file could not be read or parsed (file and line are named)
  4  internal error"""


def parse_reports(ctx, param, values: tuple[str, ...]) -> list[tuple[str, Path]]:
    parsed = []
    for value in values:
        fmt, sep, file = value.partition(":")
        if not sep or fmt not in reports.FORMATS or not file:
            raise click.BadParameter(
                f"expected FORMAT:FILE with FORMAT one of {', '.join(reports.FORMATS)}; got {value!r}"
            )
        parsed.append((fmt, Path(file)))
    return parsed


def draft_count_line(statements: int, graphs: int) -> str:
    """What ``validate`` says about drafts: they are checked, but not published until accepted."""
    return (
        f"drafts: {statements} statements in {graphs} draft graph{'s' if graphs != 1 else ''}, "
        "not published until accepted (kommgraph review SOURCE, kommgraph accept SOURCE)"
    )


def write_report(path: Path, text: str) -> None:
    write_atomically({path: text})


@click.command("validate", epilog=VALIDATE_EXIT_CODES)
@data_options
@click.option(
    "--format",
    "fmt",
    type=click.Choice(reports.FORMATS),
    default="text",
    show_default=True,
    help="Report format: text, json, junit (JUnit XML), sarif (SARIF 2.1.0), github (workflow "
    "annotations), turtle (the SHACL validation report graph).",
)
@click.option(
    "--fail-on",
    type=click.Choice(SEVERITIES),
    default="violation",
    show_default=True,
    help="Lowest severity that makes the exit code 1.",
)
@click.option(
    "--since",
    metavar="GIT_REF",
    default=None,
    help="Validate only the sources whose files changed since this git revision (and what they "
    "touch in the union); the report says what was covered.",
)
@click.option(
    "--at",
    "at",
    metavar="DATE",
    default=None,
    callback=day,
    help="Validate the snapshot on this day (YYYY-MM-DD): units and memberships that exist then.",
)
@click.option(
    "--lang", type=click.Choice(["en", "de"]), default="en", show_default=True, help="Language of messages."
)
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Write the report to this file instead of standard output.",
)
@click.option(
    "--report",
    "extra",
    multiple=True,
    metavar="FORMAT:FILE",
    callback=parse_reports,
    help="Also write the report in FORMAT to FILE (repeatable), e.g. junit:reports/kommgraph.xml.",
)
@click.option("--union-only", is_flag=True, help="Skip validating each source's graph alone.")
def validate(data_dir, fmt, fail_on, since, at, lang, out, extra, union_only):
    """Validate the data: SHACL shapes, SPARQL checks (queries/checks/*-violation.rq), quotes and
    checksums against the source texts, and no blank nodes.

    Each source's named graph is validated alone (with the reference data), then the union of all
    graphs. Progress is shown on a terminal only.
    """
    for path in [out, *(path for _, path in extra)]:
        if path is not None:
            check_writable(path)  # found before the run, not after it (exit code 3)
    with progress.bar("validate") as bar:
        bar.phase("loading")
        loaded = load(data_dir)
        step = bar.step if bar.enabled else None
        # only the curated data can fail; drafts add warnings
        if since is None and at is None:  # everything: from the store's cache of findings where it has one
            report = validate_with_drafts(
                loaded, validation_run.validate_current, per_source=not union_only, progress=step
            )
        else:  # whole-store checks: faster in memory than on disk
            report = validate_with_drafts(
                loaded,
                lambda part, **options: validation_run.validate_loaded(in_memory(part), **options),
                per_source=not union_only,
                since=since,
                at=at,
                progress=step,
            )
    text = reports.render(report, fmt, lang=lang, fail_on=fail_on)
    if out is not None:
        write_report(out, text)
    else:
        click.echo(text, nl=False)
    for extra_fmt, path in extra:
        write_report(path, reports.render(report, extra_fmt, lang=lang, fail_on=fail_on))
    if loaded.drafts:
        click.echo(draft_count_line(loaded.draft_statements(), len(loaded.drafts)), err=True)
    if report.fails(fail_on):
        sys.exit(1)


def check_syntax(path: Path, text: str) -> None:
    """Oxigraph's parser names the line and column of a syntax error (rdflib's does not reliably)."""
    try:
        for _ in ox.parse(text.encode("utf-8"), format=ox.RdfFormat.TURTLE, base_iri=path.resolve().as_uri()):
            pass
    except SyntaxError as exc:
        raise InputError(f"{path} line {exc.lineno} column {exc.offset}: {exc.msg}") from exc


@click.command("fmt", epilog=FMT_EXIT_CODES)
@data_options
@click.option(
    "--check", is_flag=True, help="Only report files that are not in the canonical layout (exit 1)."
)
@click.argument("files", nargs=-1, type=click.Path(dir_okay=False, path_type=Path))
def fmt(data_dir, check, files):
    """Rewrite data/ttl (or the FILES given) in the canonical Turtle layout: sorted, fixed prefixes,
    no blank nodes, so that one changed fact is one changed place in a diff.

    Files with blank nodes are refused with their file and line: mint IRIs instead.
    """
    targets = (
        [Path(f) for f in files if str(f).endswith(".ttl")]
        if files
        else [f.path for f in discover(data_dir, include_ontology=False)]
    )
    changed, refused = [], []
    for path in targets:
        refuse_special(path, InputError)  # a FIFO named .ttl would block the read forever
        try:
            original = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise InputError(f"{path}: cannot read: {exc}") from exc
        check_syntax(path, original)
        blanks = blank_node_positions(original)
        if blanks:
            refused += [(path, token) for token in blanks]
            continue
        formatted = turtle.reformat(original, path.resolve().as_uri())
        if formatted != original:
            changed.append(path)
            if not check:
                path.write_text(formatted, encoding="utf-8", newline="\n")
    for path, token in refused:
        click.echo(
            f"{path}:{token.line}:{token.column}: blank node {token.text!r}: "
            "kommgraph data has no blank nodes, mint an IRI",
            err=True,
        )
    verb = "would reformat" if check else "reformatted"
    for path in changed:
        click.echo(f"{verb} {path}")
    if changed:
        click.echo(f"{len(changed)} file(s) {verb}")
    elif not refused:
        click.echo("all files in canonical layout")
    if refused:
        click.echo(f"{len({p for p, _ in refused})} file(s) refused: blank nodes", err=True)
    if refused or (check and changed):
        sys.exit(1)


COMMANDS = [validate, fmt]
