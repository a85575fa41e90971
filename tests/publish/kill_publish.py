"""Run ``kommgraph publish`` and SIGKILL it before its N-th write step (test helper, run as a script).

``kill_publish.py publish ARGS...`` runs the command; ``kill_publish.py --copy FOLDER OUT`` writes the
files of the release FOLDER to OUT with the release writer alone, dropping what OUT's SHA256SUMS lists
and FOLDER has not (as ``release.write_files`` does): the same steps without the seconds of importing,
loading and validating, so that many more points can be tried.

Steps are the release writer's primitive operations: writing one file, linking one carried-over file,
the exchange, a rename, removing one file. ``KILL_AT=N`` kills before step N (counting from 0);
``KILL_AT=-1`` runs to the end and prints the number of steps on stderr as ``steps=N``.
``NO_EXCHANGE=1`` makes the writer use its two-rename fallback.
"""

from __future__ import annotations

import os
import signal
import sys

from kommgraph.publish import writer

KILL_AT = int(os.environ.get("KILL_AT", "-1"))
steps = 0


def counted(function):
    def step(*args, **kwargs):
        global steps
        if steps == KILL_AT:
            os.kill(os.getpid(), signal.SIGKILL)
        steps += 1
        return function(*args, **kwargs)

    return step


for name in ("_write_file", "_exchange", "_unlink"):
    setattr(writer, name, counted(getattr(writer, name)))
writer.os = type("CountingOs", (), {})()  # the writer's own view of os: rename and link counted
for name in dir(os):
    if not name.startswith("__"):
        setattr(writer.os, name, getattr(os, name))
writer.os.rename = counted(os.rename)
writer.os.link = counted(os.link)
if os.environ.get("NO_EXCHANGE"):
    writer._renameat2 = lambda: None

if __name__ == "__main__":
    from pathlib import Path

    try:
        if sys.argv[1] == "--copy":
            folder, out = Path(sys.argv[2]), Path(sys.argv[3])
            files = {
                p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
            }
            listed = {line.split("  ", 1)[1] for line in (out / "SHA256SUMS").read_text().splitlines()}
            writer.write_release(out, files, drop=listed - set(files))
        else:
            from kommgraph.cli.main import main

            main(args=sys.argv[1:], prog_name="kommgraph")
    finally:
        print(f"steps={steps}", file=sys.stderr)
