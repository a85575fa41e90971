"""What `convert` builds at every start, kept between runs: compiled regular expressions, word lists.

Python turns a pattern into the regex engine's program in pure Python (parse, then code generation):
for the converter's ≈ 130 pattern-file expressions, some holding word lists of thousands of characters,
that is about a third of the command's start-up. The program is a list of integers that depends only on
the pattern, its flags and the Python build, so it is stored in a file named after the build and handed
straight to the engine at the next start. The matching is the engine's own either way: the same program
gives the same matches.

Anything unexpected (another Python whose ``re`` internals differ, a damaged or foreign file, a program
the engine refuses) falls back to ``re.compile``; the cache then only costs the time to notice.
The files live in ``$KOMMGRAPH_REGEX_CACHE`` (a folder; empty: no cache), else
``$XDG_CACHE_HOME/kommgraph``, else ``~/.cache/kommgraph``. The regex file is written by :func:`save`
after the patterns a run needed were compiled, only when it gained entries; :func:`stored` keeps other
values that take long to build (the given names read from ``faker``, the parsed pattern files, the
reference data) under a key of their inputs; ``kommgraph.places.compact`` keeps the place index there too.
Files are replaced atomically (written beside, then renamed), so parallel runs never read half a file.
They are trusted as the user's own files are, like Python's bytecode cache: whoever can write them can
also change the installed code (the engine checks a program before it runs it; marshal does not).
"""

from __future__ import annotations

import hashlib
import marshal
import os
import re
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from kommgraph.convert import guards
from kommgraph.places.compact import write as write_marshalled

try:  # the engine's own constructor and the compiler's two steps (CPython 3.11-3.13)
    import _sre
    from re import _compiler, _parser
except ImportError:  # pragma: no cover - another Python: plain re.compile
    _sre = None

#: (pattern, flags) → (flags, code, groups, groupindex, indexgroup), as read from the file
_stored: dict | None = None
#: entries compiled in this process that the file does not hold yet
_added: dict = {}


def cache_folder() -> Path | None:
    folder = os.environ.get("KOMMGRAPH_REGEX_CACHE")
    if folder is None:
        base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
        folder = os.path.join(base, "kommgraph")
    return Path(folder) if folder else None


def cache_file() -> Path | None:
    """The regex cache file for this Python build, or None when caching is off or impossible."""
    folder = cache_folder()
    if _sre is None or folder is None:
        return None
    build = f"{sys.implementation.cache_tag}-{sys.hexversion:x}-{_sre.MAGIC}-{_sre.CODESIZE}"
    return folder / f"regex-{build}.marshal"


def stored(name: str, key: str, build: Callable[[], object]) -> object:
    """``build()``, or the value an earlier run stored for ``name`` and the same ``key`` (a text naming
    every input of ``build``: files with their sizes and times). Values: what marshal writes."""
    folder = cache_folder()
    if folder is None:
        return build()
    digest = hashlib.sha256(f"{sys.hexversion:x}\n{key}".encode()).hexdigest()[:20]
    path = folder / f"{name}-{digest}.marshal"
    try:
        return marshal.loads(path.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        pass
    value = build()
    if write_marshalled(path, value):
        _prune(folder, name)
    return value


#: files kept per stored value: the newest few, so that two installed versions sharing the folder do not
#: rebuild each other's values at every start, while the folder stops growing with every code change
KEEP_PER_NAME = 4


def _prune(folder: Path, name: str) -> None:
    """Delete all but the ``KEEP_PER_NAME`` newest files stored under ``name`` (older keys: their inputs
    changed, so no run will read them again unless an older version runs)."""
    own = re.compile(re.escape(name) + r"-[0-9a-f]{20}\.marshal")
    try:
        files = [(entry.stat().st_mtime_ns, entry.name, entry) for entry in folder.iterdir()
                 if own.fullmatch(entry.name)]
    except OSError:
        return
    for _, _, entry in sorted(files, reverse=True)[KEEP_PER_NAME:]:
        try:
            entry.unlink()
        except OSError:
            pass


def _load() -> dict:
    global _stored
    if _stored is None:
        _stored = {}
        path = cache_file()
        try:
            if path is not None:
                data = marshal.loads(path.read_bytes())
                _stored = data if isinstance(data, dict) else {}
        except (OSError, ValueError, EOFError, TypeError):
            _stored = {}
    return _stored


_re_compile = re.compile


@contextmanager
def module_patterns() -> Iterator[None]:
    """``re.compile`` answered through the cache for the block: modules imported in it compile their
    patterns at import time (the command's start-up); restored after the block, also after an error."""
    re.compile = compile
    try:
        yield
    finally:
        re.compile = _re_compile


def compile(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, from the cached program when there is one."""
    if _sre is None or not isinstance(pattern, str) or flags & re.DEBUG or cache_folder() is None:
        return _re_compile(pattern, flags)  # (re.compile keeps its own cache within the process)
    flags = int(flags)  # a RegexFlag: stored as the plain number
    entry = _load().get((pattern, flags)) or _added.get((pattern, flags))
    if entry is not None:
        try:
            return _sre.compile(pattern, *entry)
        except Exception:  # a program this engine does not take: compile as usual
            pass
    try:
        parsed = _parser.parse(pattern, flags)
        code = _compiler._code(parsed, flags)
        groupindex = dict(parsed.state.groupdict)
        indexgroup = [None] * parsed.state.groups
        for name, index in groupindex.items():
            indexgroup[index] = name
        groups, code = parsed.state.groups - 1, [int(c) for c in code]  # opcodes are int subclasses
        entry = (int(flags | parsed.state.flags), code, groups, groupindex, tuple(indexgroup))
        compiled = _sre.compile(pattern, *entry)
    except re.error:  # a bad pattern: the same error as re.compile's
        raise
    except Exception:  # the compiler's internals differ from what this module knows
        return _re_compile(pattern, flags)
    _added[(pattern, flags)] = entry
    return compiled


def guard(pattern: str, flags: int = 0):
    """``guards.required_words(pattern, flags)``, from the file when an earlier run stored it (reading the
    words means parsing the pattern, which the stored program saves)."""
    return _kept(("guard", pattern, int(flags)), "required_words", pattern, flags)


def probe(words: tuple[str, ...]) -> re.Pattern[str]:
    """The compiled probe of a guard's words (``guards.probe_pattern``), its text kept like a guard."""
    return compile(_kept(("probe", words), "probe_pattern", words))


def _kept(key: tuple, function: str, *args):
    entries = _load()
    if key in entries:
        return entries[key]
    if key not in _added:
        _added[key] = getattr(guards, function)(*args)
    return _added[key]


def save() -> None:
    """Write the cache file when this process compiled patterns it did not hold; errors are ignored
    (a read-only home, a full disk): the next run compiles again."""
    path = cache_file()
    if not _added or path is None:
        return
    if write_marshalled(path, {**_load(), **_added}):
        _stored.update(_added)
        _added.clear()
