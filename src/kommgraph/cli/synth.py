"""``kommgraph synth``: write a synthetic data directory, valid by construction or with known violations."""

from __future__ import annotations

from pathlib import Path

import click

from kommgraph.core import progress
from kommgraph.synth import KINDS, MANIFEST, parse_injections, synthesize

KINDS_HELP = "\b\nViolation kinds for --inject (and the finding each must produce):\n" + "\n".join(
    f"  {kind:<17} {change}: {rule}" for kind, (change, rule) in KINDS.items()
)


@click.command(epilog=KINDS_HELP)
@click.option(
    "--authorities",
    type=click.IntRange(min=2),
    required=True,
    help="Number of local authorities (one source each; national size: 11000; ≈ 100 triples each).",
)
@click.option(
    "--seed", type=int, default=1, show_default=True, help="Seed: the same seed gives the same bytes."
)
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    required=True,
    help="Data directory to write (ttl/, sources/, synth.json); must be empty or absent.",
)
@click.option(
    "--inject",
    "injections",
    multiple=True,
    metavar="KIND=COUNT",
    help="Put COUNT violations of KIND into as many sources (repeatable).",
)
def synth(authorities, seed, out, injections):
    """Write a realistic synthetic data directory in kommgraph's layout.

    Every event type, dates at every precision, units with parents, memberships, evidence whose offsets
    match the text; `kommgraph validate --data-dir OUT` gives no findings unless --inject is given.
    """
    try:
        counts = parse_injections(injections)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--inject") from None
    if out.exists() and any(out.iterdir()):
        raise click.BadParameter(f"{out} is not empty", param_hint="--out")
    try:
        with progress.bar("synth") as bar:
            result = synthesize(out, authorities, seed, counts, step=bar.step)
    except ValueError as exc:
        raise click.UsageError(str(exc)) from None
    click.echo(f"wrote    {out}: {result.sources} sources, {result.triples} triples")
    for kind in KINDS:
        count = sum(1 for i in result.injected if i.kind == kind)
        if count:
            click.echo(f"injected {count} × {kind} (finding {KINDS[kind][1]})")
    click.echo(f"manifest {out / MANIFEST}")


COMMANDS = [synth]
