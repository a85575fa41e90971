"""The one release writer (``build`` and ``publish``): a new release is written beside the old one and
switched in by one rename, so that a kill at any moment leaves the old or the new release whole.

How a write goes, for the folder ``dist``:

1. leftovers of a killed run are removed: ``.dist.new-*`` and ``.dist.old-*`` beside it, and the
   ``.*.tmp`` files that older versions left inside it;
2. the new files are written into ``.dist.new-XXXX`` (beside ``dist``, so on the same file system);
   files of ``dist`` that the new release neither writes nor drops are carried over as hard links
   (copies where links are not possible), so that nothing else in the folder is lost;
3. ``.dist.new-XXXX`` and ``dist`` are exchanged in one ``renameat2(RENAME_EXCHANGE)`` (Linux); the
   old release is then at ``.dist.new-XXXX`` and is removed. Where the exchange is not available, the
   old folder is renamed to ``.dist.old-XXXX`` and the new one to ``dist``; a kill between those two
   renames leaves no ``dist``, and the next run puts the old release back before anything else;
4. a ``dist`` that cannot be renamed (a mount point, another file system) is written file by file
   instead: each file atomic, the release as a whole not.

Files and folders are created with the modes the umask allows (0666/0777 minus the umask), as any
other program's would be, so that a web server can read a copied release.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import errno
import os
import re
import secrets
import shutil
from pathlib import Path

from kommgraph.core.errors import OutputError

NEW_MARK = ".new-"
OLD_MARK = ".old-"
STRAY_TEMPORARY = re.compile(r"^\..+\.[A-Za-z0-9_]{6,12}\.tmp$")  # tempfile.mkstemp(prefix=".name.")
RENAME_EXCHANGE = 2
AT_FDCWD = -100
NOT_RENAMEABLE = {errno.EXDEV, errno.EBUSY, errno.EPERM, errno.EACCES}


def write_release(out: Path, files: dict[str, bytes], drop: set[str] = frozenset()) -> list[Path]:
    """Make ``out`` hold ``files`` (paths relative to ``out``) in one switch; files of the old ``out``
    named in ``drop`` are left behind, every other old file is kept. Returns the written paths."""
    out = _resolved(out)
    named = out / min(files) if files else out  # errors name a file, as a per-file writer would
    blocker = next((p for p in [out, *out.parents] if p.exists() and not p.is_dir()), None)
    if blocker is not None:
        raise OutputError(f"cannot write {named}: {blocker} is not a folder")
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        clean_leftovers(out)
        staging = _make_folder(out.parent, f".{out.name}{NEW_MARK}")
    except OSError as exc:
        raise OutputError(f"cannot write {named}: {exc.strerror or exc}") from exc
    try:
        for name in sorted(files):
            _write_file(staging / name, files[name])
        if out.is_dir():
            _carry_over(out, staging, set(files) | set(drop))
        _switch(staging, out)
    except OSError as exc:
        _remove_tree(staging)
        if getattr(exc, "errno", None) in NOT_RENAMEABLE and out.is_dir():
            return _write_in_place(out, files, drop)
        raise OutputError(f"cannot write {named}: {exc.strerror or exc}") from exc
    except BaseException:
        _remove_tree(staging)
        raise
    return [out / name for name in sorted(files)]


def stage_release(out: Path, files: dict[str, bytes]) -> Path:
    """Steps 1 and 2 without the carry-over: ``files`` written into a new staging folder beside ``out``
    (``kommgraph build`` renders and stages in a child while it validates). Raises OSError."""
    out = _resolved(out)
    if any(p.exists() and not p.is_dir() for p in [out, *out.parents]):
        raise NotADirectoryError(errno.ENOTDIR, "not a folder", str(out))  # write_release says which
    out.parent.mkdir(parents=True, exist_ok=True)
    clean_leftovers(out)
    staging = _make_folder(out.parent, f".{out.name}{NEW_MARK}")
    try:
        for name in sorted(files):
            _write_file(staging / name, files[name])
    except BaseException:
        _remove_tree(staging)
        raise
    return staging


def switch_staged(out: Path, staging: Path, names: list[str]) -> list[Path] | None:
    """Steps 2 (the carry-over) and 3 for a folder of :func:`stage_release`; None (and the staging
    folder removed) when that fails: the caller writes with :func:`write_release`, which says why."""
    out = _resolved(out)
    try:
        if out.is_dir():
            _carry_over(out, staging, set(names))
        _switch(staging, out)
    except OSError:
        _remove_tree(staging)
        return None
    return [out / name for name in sorted(names)]


def remove_staged(staging: Path) -> None:
    """Remove a staging folder of :func:`stage_release` that is not to be switched in."""
    _remove_tree(staging)


def _resolved(out: Path) -> Path:
    out = Path(os.path.abspath(out))
    return Path(os.path.realpath(out)) if out.is_symlink() else out


def clean_leftovers(out: Path) -> list[Path]:
    """Remove what a killed run left: staging and old folders beside ``out``, ``.*.tmp`` files in it.
    An old folder without ``out`` (killed between two renames) is put back first."""
    removed = []
    old_folders = sorted(out.parent.glob(f".{glob_escape(out.name)}{OLD_MARK}*"))
    if not out.exists() and old_folders:
        os.rename(old_folders[-1], out)
        old_folders = old_folders[:-1]
    removed += remove_staging_folders(out)
    for leftover in old_folders:
        if leftover.is_dir() and not leftover.is_symlink():
            _remove_tree(leftover)
            removed.append(leftover)
    if out.is_dir():
        for path in out.rglob(".*.tmp"):
            if path.is_file() and STRAY_TEMPORARY.match(path.name):
                path.unlink()
                removed.append(path)
    return removed


def remove_staging_folders(out: Path) -> list[Path]:
    """Remove the staging folders beside ``out``: a run or a child killed while it staged leaves one."""
    out, removed = _resolved(out), []
    for leftover in out.parent.glob(f".{glob_escape(out.name)}{NEW_MARK}*"):
        if leftover.is_dir() and not leftover.is_symlink():
            _remove_tree(leftover)
            removed.append(leftover)
    return removed


def glob_escape(name: str) -> str:
    return re.sub(r"([*?\[])", r"[\1]", name)


def _make_folder(parent: Path, prefix: str) -> Path:
    """A new folder with the umask's mode (``tempfile.mkdtemp`` would make it 0700)."""
    while True:
        folder = parent / f"{prefix}{secrets.token_hex(4)}"
        try:
            os.mkdir(folder, 0o777)
            return folder
        except FileExistsError:
            continue


def _write_file(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
    with os.fdopen(handle, "wb") as stream:
        stream.write(data)


def _carry_over(old: Path, new: Path, skip: set[str]) -> None:
    """Hard-link (or copy) into ``new`` every file of ``old`` whose relative name is not in ``skip``."""
    for path in sorted(old.rglob("*")):
        name = path.relative_to(old).as_posix()
        if name in skip or path.is_dir() or STRAY_TEMPORARY.match(path.name):
            continue
        target = new / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if path.is_symlink():
            os.symlink(os.readlink(path), target)
            continue
        try:
            os.link(path, target)
        except OSError:
            shutil.copy2(path, target)


def _switch(staging: Path, out: Path) -> None:
    """Put ``staging`` at ``out`` in one rename; remove the old release."""
    if not out.exists():
        os.rename(staging, out)
        return
    if _exchange(staging, out):
        _remove_tree(staging)  # now the old release
        return
    old = out.parent / f".{out.name}{OLD_MARK}{secrets.token_hex(4)}"
    os.rename(out, old)
    os.rename(staging, out)
    _remove_tree(old)


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths atomically (Linux ``renameat2``); False where that is not available."""
    renameat2 = _renameat2()
    if renameat2 is None:
        return False
    if renameat2(AT_FDCWD, os.fsencode(a), AT_FDCWD, os.fsencode(b), RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP):
        return False
    raise OSError(code, os.strerror(code), str(b))


def _renameat2():
    if not hasattr(os, "uname") or os.uname().sysname != "Linux":
        return None
    library = ctypes.util.find_library("c")
    try:
        libc = ctypes.CDLL(library, use_errno=True)
        function = libc.renameat2
    except (OSError, AttributeError, TypeError):
        return None
    function.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    function.restype = ctypes.c_int
    return function


def _remove_tree(folder: Path) -> None:
    """Remove a folder file by file (deepest first)."""
    if not folder.exists():
        return
    for root, dirs, names in os.walk(folder, topdown=False):
        for name in names:
            _unlink(Path(root) / name)
        for name in dirs:
            path = Path(root) / name
            if path.is_symlink():
                path.unlink()
            else:
                path.rmdir()
    folder.rmdir()


def _unlink(path: Path) -> None:
    path.unlink(missing_ok=True)


def _write_in_place(out: Path, files: dict[str, bytes], drop: set[str]) -> list[Path]:
    """Fallback for a folder that cannot be renamed: each file written to a temporary name and renamed."""
    written = []
    try:
        for name in sorted(files):
            path = out / name
            path.parent.mkdir(parents=True, exist_ok=True)
            temporary = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
            try:
                _write_file(temporary, files[name])
                os.replace(temporary, path)
            finally:
                temporary.unlink(missing_ok=True)
            written.append(path)
        for name in sorted(set(drop) - set(files)):
            (out / name).unlink(missing_ok=True)
    except OSError as exc:
        raise OutputError(f"cannot write {out}: {exc.strerror or exc}") from exc
    return written
