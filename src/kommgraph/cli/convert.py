"""`kommgraph convert` and `kommgraph evaluate`: thin wrappers over kommgraph.convert and .evaluate."""

from __future__ import annotations

import json
from pathlib import Path

import click

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
            from kommgraph.core.paths import default_data_dir

            reference = default_data_dir() / "ttl" / "reference"
        except (ImportError, FileNotFoundError):
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
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder for the drafts (OUT/STEM.ttl).",
)
@click.option("--force", is_flag=True, help="Overwrite files marked kg:curationStatus kg:Curated.")
@click.option(
    "--max-size",
    type=click.IntRange(min=1),
    default=2_000_000,
    show_default=True,
    help="Refuse texts larger than this many bytes (raise it for long council papers).",
)
@reference_option
def convert_command(
    files: tuple[Path, ...], out_dir: Path, force: bool, max_size: int, reference: Path | None
) -> None:
    """Convert German source texts into draft Turtle graphs with evidence for every fact."""
    from kommgraph.convert.graph import convert_file

    gazetteer = _gazetteer(reference)
    for path in files:
        try:
            written = convert_file(path, out_dir, force=force, gazetteer=gazetteer, max_size=max_size)
        except SourceError as exc:
            raise InputError(str(exc)) from exc
        except SyntaxError as exc:  # rdflib's Turtle parser reports bad existing files this way
            raise InputError(
                f"{out_dir / (path.stem + '.ttl')}: cannot read the existing file: {exc}"
            ) from exc
        except Exception as exc:
            raise InternalError(f"{path}: internal error: {type(exc).__name__}: {exc}") from exc
        if written is None:
            click.echo(f"{out_dir / (path.stem + '.ttl')}: curated, not overwritten (use --force)", err=True)
        else:
            click.echo(str(written))


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
        summary["per_document"] = {k: v.summary() for k, v in per_document.items()}
        click.echo(json.dumps(summary, indent=2, ensure_ascii=False))
        return
    for stem, score in per_document.items():
        s = score.summary()
        click.echo(
            f"{stem}: units F1 {s['units']['f1']} events F1 {s['events']['f1']} "
            f"persons F1 {s['persons']['f1']}"
        )
    click.echo(f"{'':10}{'precision':>10}{'recall':>10}{'F1':>10}")
    for name in ("units", "events", "persons"):
        row = summary[name]
        click.echo(f"{name:10}{row['precision']:>10}{row['recall']:>10}{row['f1']:>10}")
    click.echo(
        f"exact dates {summary['event_dates_exact']}  issued {summary['issued_exact']}  "
        f"place {summary['place']}  over {summary['documents']} documents"
    )


COMMANDS = [convert_command, evaluate_command]
