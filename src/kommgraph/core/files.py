"""Writing files so that a failure leaves the previous ones untouched and nothing half-written."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from kommgraph.core.errors import OutputError


def write_atomically(files: dict[Path, str | bytes]) -> list[Path]:
    """Write every file to a temporary name, then rename them all into place (text as UTF-8, LF).

    A file that cannot be written (no permission, not a folder, disk full) is an ``OutputError`` that
    names it; nothing is renamed into place then."""
    staged = []
    path = None
    mode = 0o666 & ~current_umask()
    try:
        for path, content in files.items():
            path.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
            os.fchmod(handle, mode)  # mkstemp makes 0600; give the mode any other program's file gets
            with os.fdopen(handle, "wb") as out:
                out.write(content.encode("utf-8") if isinstance(content, str) else content)
            staged.append((Path(temporary), path))
        for temporary, path in staged:
            os.replace(temporary, path)
    except OSError as exc:
        for temporary, _ in staged:
            temporary.unlink(missing_ok=True)
        raise OutputError(f"cannot write {path}: {exc.strerror or exc}") from exc
    except BaseException:
        for temporary, _ in staged:
            temporary.unlink(missing_ok=True)
        raise
    return [path for _, path in staged]


def current_umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask
