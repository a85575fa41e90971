"""`kommgraph convert` and `kommgraph evaluate`: thin wrappers over kommgraph.convert and .evaluate."""

from __future__ import annotations

import json
import os
from pathlib import Path

import click

from kommgraph.core import paths
from kommgraph.core.collector import collector_paused
from kommgraph.store.sources import SourceError


class InputError(click.ClickException):
    """Unreadable input: exit code 3."""

    exit_code = 3


class InternalError(click.ClickException):
    exit_code = 4


def _gazetteer(reference: Path | None):
    from kommgraph.convert.graph import Gazetteer

    if reference is None:
        try:
            reference = paths.default_data_dir() / "ttl" / "reference"
        except FileNotFoundError:
            return Gazetteer.empty()
    try:
        return Gazetteer.load(reference)
    except Exception as exc:  # a broken reference file is an input error, named
        raise InputError(f"{reference}: cannot read the reference data: {exc}") from exc


reference_option = click.option(
    "--reference",
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder of reference Turtle (authorities with AGS, publishers); default: DATA/ttl/reference.",
)


@click.command("convert")
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--out",
    "out_dir",
    default=None,
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder for the drafts (OUT/STEM.ttl); default: ttl/drafts/ of the data project found from "
    "the current directory upward.",
)
@click.option("--force", is_flag=True, help="Overwrite files marked kg:curationStatus kg:Curated.")
@click.option(
    "--max-size",
    type=click.IntRange(min=1),
    default=2_000_000,
    show_default=True,
    help="Refuse texts larger than this many bytes (raise it for long council papers).",
)
@click.option(
    "--jobs",
    type=click.IntRange(min=1),
    default=None,
    help="Processes to convert with (default: the machine's cores for 64 files or more, else 1).",
)
@reference_option
def convert_command(
    files: tuple[Path, ...],
    out_dir: Path,
    force: bool,
    max_size: int,
    jobs: int | None,
    reference: Path | None,
) -> None:
    """Convert German source texts into draft Turtle graphs with evidence for every fact."""
    from kommgraph.convert import startup_cache

    # modules, patterns and lexicons load: nothing to collect, patterns from the programs stored before
    with collector_paused(), startup_cache.module_patterns():
        from kommgraph.convert.batch import convert_many

    if out_dir is None:
        project = paths.find_project() if not os.environ.get("KOMMGRAPH_DATA") else paths.default_data_dir()
        if project is None or project.resolve() == paths.sample_data_dir().resolve():
            raise click.UsageError(
                "no data project here or above (the bundled sample takes no drafts): give --out, "
                "or make one with kommgraph init DIR"
            )
        out_dir = project / "ttl" / "drafts"
    with collector_paused():
        gazetteer = _gazetteer(reference)
    for outcome in convert_many(
        list(files), out_dir, force=force, gazetteer=gazetteer, jobs=jobs, max_size=max_size
    ):
        target = out_dir / (outcome.path.stem + ".ttl")
        if outcome.error_kind == "input":
            raise InputError(outcome.message)
        if outcome.error_kind == "existing":
            raise InputError(f"{target}: cannot read the existing file: {outcome.message}")
        if outcome.error_kind == "internal":
            raise InternalError(f"{outcome.path}: internal error: {outcome.message}")
        if outcome.written is None:
            click.echo(f"{target}: curated, not overwritten (use --force)", err=True)
        else:
            click.echo(str(outcome.written))


@click.command("evaluate")
@click.option(
    "--gold", "gold_dir", required=True, type=click.Path(exists=True, file_okay=False, path_type=Path)
)
@click.option(
    "--sources", "sources_dir", required=True, type=click.Path(exists=True, file_okay=False, path_type=Path)
)
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@reference_option
def evaluate_command(gold_dir: Path, sources_dir: Path, as_json: bool, reference: Path | None) -> None:
    """Convert the sources that have gold annotations and print precision, recall and F1."""
    from kommgraph.convert.evaluate import evaluate_sources

    try:
        total, per_document = evaluate_sources(gold_dir, sources_dir, _gazetteer(reference))
    except (SourceError, ValueError) as exc:
        raise InputError(str(exc)) from exc
    summary = total.summary()
    if as_json:
        summary["per_document"] = {k: v.summary() | v.details() for k, v in per_document.items()}
        click.echo(json.dumps(summary, indent=2, ensure_ascii=False))
        return
    for stem, score in per_document.items():
        _echo_document(stem, score)
    click.echo(f"{'':10}{'precision':>10}{'recall':>10}{'F1':>10}")
    for name in ("units", "events", "persons"):
        row = summary[name]
        click.echo(f"{name:10}{row['precision']:>10}{row['recall']:>10}{row['f1']:>10}")
    click.echo(
        f"exact dates {summary['event_dates_exact']}  issued {summary['issued_exact']}  "
        f"place {summary['place']}  over {summary['documents']} documents"
    )


def _echo_document(stem: str, score) -> None:
    """One document: found/predicted/gold per fact type, then every miss and invention on its own line."""
    facts = (("units", score.units), ("events", score.events), ("persons", score.persons))
    counts = "  ".join(f"{n} {c.tp}/{c.predicted}/{c.gold}" for n, c in facts)
    click.echo(f"{stem}: {counts} (found/predicted/gold)")
    for label, table in (("missed", score.missed), ("invented", score.invented)):
        for fact_type, items in table.items():
            for item in items:
                click.echo(f"  {label} {fact_type}: {_describe(item)}")


def _describe(item) -> str:
    if isinstance(item, str):
        return item
    if "event" in item:
        return f"{_describe(item['event'])} -> predicted {', '.join(item['predicted']) or 'no date'}"
    if "type" in item:
        date = item.get("effective")
        date = ", ".join(date) if isinstance(date, list) else date
        return (f"{item['type']} {' + '.join(item.get('from') or []) or '-'} -> "
                f"{' + '.join(item.get('to') or []) or '-'}" + (f" @ {date}" if date else ""))  # fmt: skip
    return f"gold {item['gold']}, predicted {', '.join(item['predicted']) or 'none'}"


COMMANDS = [convert_command, evaluate_command]


if (
    __name__ == "__main__"
):  # `python -m kommgraph.cli.convert FILE... --out DIR`: without the other commands' imports
    convert_command(prog_name="kommgraph convert")
