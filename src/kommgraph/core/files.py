"""Writing files so that a failure leaves the previous ones untouched and nothing half-written."""

from __future__ import annotations

import os
import stat
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


def check_writable(path: Path) -> None:
    """Raise ``OutputError`` now if ``path`` could not be written later (a folder, a special file, no
    permission, a parent that is a file), so that a long run does not end in a failed write. Probes
    by opening the file for appending (its content untouched) or by creating and removing a temporary
    file in the nearest existing folder: permission bits alone do not tell (root, read-only mounts)."""
    path = Path(path)
    if path.is_dir():
        raise OutputError(f"cannot write {path}: it is a folder")
    try:
        if path.exists():
            if not path.is_file():
                raise OutputError(f"cannot write {path}: not a regular file")
            with open(path, "ab"):
                pass
            return
        parent = path.parent
        while not parent.exists() and parent != parent.parent:
            parent = parent.parent
        if not parent.is_dir():
            raise OutputError(f"cannot write {path}: {parent} is not a folder")
        with tempfile.TemporaryFile(dir=parent):
            pass
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {exc.strerror or exc}") from exc


def refuse_special(path: Path, error: type[Exception]) -> None:
    """Refuse a FIFO, socket or device before opening it (reading one would block or never end)."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return  # reading it gives the error with its reason
    if not stat.S_ISREG(mode) and not stat.S_ISDIR(mode):
        raise error(f"{path}: not a regular file (a FIFO, socket or device); refused")
