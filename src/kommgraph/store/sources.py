"""Source documents: the text as received, its metadata (header or sidecar) and its hash.

Offsets of evidence (``kg:start``/``kg:end``) count Unicode code points in the file's text exactly as
stored (UTF-8, no newline translation, header included), so that any tool can check a quote with
``text[start:end] == exact``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import tomllib
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from pathlib import Path

from kommgraph.core.errors import SourceError
from kommgraph.core.files import refuse_special

METADATA_KEYS = ("title", "published", "publisher", "place", "type", "identifier", "source-url")
HEADER_END = "---"


@dataclass(frozen=True)
class SourceDocument:
    path: Path
    text: str
    metadata: dict[str, str] = field(default_factory=dict)
    body_start: int = 0  # offset of the first character after the header, 0 without one

    @property
    def source_id(self) -> str:
        return self.path.stem

    @property
    def body(self) -> str:
        return self.text[self.body_start :]

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()


def sidecar_path(path: Path) -> Path:
    return path.with_name(path.stem + ".meta.toml")


# the bytes of each file read inside ``read_once`` (by path), None outside
_READS: ContextVar[dict[str, bytes] | None] = ContextVar("kommgraph_source_reads", default=None)


@contextmanager
def read_once() -> Iterator[None]:
    """Inside, each file is read from disk once and taken as unchanged: one validation run reads every
    source text for its state, its metadata and its quotes, and every sidecar twice (at 1M triples
    57,000 reads of 19,000 files, 1.5-2 s CPU, benchmarks/results/scale-build13.md)."""
    if _READS.get() is not None:
        yield
        return
    token = _READS.set({})
    try:
        yield
    finally:
        _READS.reset(token)


def read_bytes(path: Path) -> bytes:
    """``path.read_bytes()``, once per path inside ``read_once``."""
    reads = _READS.get()
    if reads is None:
        return path.read_bytes()
    key = os.fspath(path)
    data = reads.get(key)
    if data is None:
        data = reads[key] = path.read_bytes()
    return data


def read_text(path: Path) -> str:
    """The file's text; a special file (FIFO, device), unreadable bytes or non-UTF-8 is a ``SourceError``."""
    reads = _READS.get()
    data = reads.get(os.fspath(path)) if reads is not None else None
    if data is None:  # (a file read already was a regular one)
        refuse_special(path, SourceError)
        try:
            data = read_bytes(path)
        except OSError as exc:
            raise SourceError(f"{path}: cannot read: {exc.strerror}") from exc
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise SourceError(f"{path} line {line}: not UTF-8 (byte 0x{data[exc.start]:02x})") from exc


def parse_header(text: str, path: Path) -> tuple[dict[str, str], int]:
    """A leading block of ``key: value`` lines closed by a ``---`` line; ``({}, 0)`` when absent."""
    lines = text.splitlines(keepends=True)
    if not lines or ":" not in lines[0] or lines[0].split(":", 1)[0].strip().lower() not in METADATA_KEYS:
        return {}, 0
    metadata: dict[str, str] = {}
    offset = 0
    for number, line in enumerate(lines, start=1):
        offset += len(line)
        stripped = line.strip()
        if stripped == HEADER_END:
            return metadata, offset
        key, sep, value = stripped.partition(":")
        key = key.strip().lower()
        if not sep or key not in METADATA_KEYS:
            raise SourceError(
                f"{path} line {number}: expected 'key: value' with a key of {', '.join(METADATA_KEYS)}"
                f" or the closing line '{HEADER_END}', got {stripped[:60]!r}"
            )
        value = value.strip()
        if value and value.lower() != "unknown":
            metadata[key] = value
    raise SourceError(f"{path} line {len(lines)}: header not closed by a line '{HEADER_END}'")


TOML_POSITION = re.compile(r"\s*\((?:at line (\d+), column \d+|at end of document)\)$")


def toml_error(path: Path, text: str, exc: tomllib.TOMLDecodeError) -> SourceError:
    """``path line N: reason``; Python 3.11's TOMLDecodeError has no ``lineno``, its message has it."""
    message = str(exc)
    match = TOML_POSITION.search(message)
    reason = message[: match.start()] if match else message
    if match and match.group(1):
        line = int(match.group(1))
    else:
        line = getattr(exc, "lineno", None) or max(1, len(text.splitlines()))
    return SourceError(f"{path} line {line}: {reason}")


ALLOWED_SIDECAR_KEYS = (*METADATA_KEYS, "notes")


def read_sidecar(path: Path) -> dict[str, str]:
    """The metadata of ``ID.meta.toml`` beside the text ``ID.txt``; ``{}`` when there is none."""
    sidecar = sidecar_path(path)
    if not sidecar.exists():
        return {}
    text = read_text(sidecar)
    data = _plain_toml(text)
    if data is None:
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            raise toml_error(sidecar, text, exc) from exc
    for key in data:
        if key not in ALLOWED_SIDECAR_KEYS:
            raise SourceError(
                f"{sidecar} line {_key_line(text, key)}: unknown key {key!r}; "
                f"allowed: {', '.join(ALLOWED_SIDECAR_KEYS)}"
            )
        if key in METADATA_KEYS and not isinstance(data[key], str | dt.date):
            raise SourceError(
                f"{sidecar} line {_key_line(text, key)}: {key} must be a quoted string, "
                f"got a {type(data[key]).__name__}"
            )
    values = {k: v if isinstance(v, str) else v.isoformat() for k, v in data.items() if k in METADATA_KEYS}
    return {k: v for k, v in values.items() if v.lower() != "unknown"}


# one line of a sidecar as convert and synth write them: a bare key, a basic string without escapes
_PLAIN_LINE = re.compile(r'([A-Za-z0-9_-]+) = "([^"\\\x00-\x08\x0a-\x1f\x7f]*)"')


def _plain_toml(text: str) -> dict[str, str] | None:
    """What ``tomllib.loads`` makes of a text of ``key = "value"`` lines (and empty ones), without its
    parser (9,500 sidecars at 1M triples: 0.5-1 s CPU); None for any other text (tomllib reads it)."""
    data: dict[str, str] = {}
    for line in text.split("\n"):
        if not line:
            continue
        match = _PLAIN_LINE.fullmatch(line)
        if match is None or match[1] in data:
            return None
        data[match[1]] = match[2]
    return data


def _key_line(text: str, key: str) -> int:
    pattern = re.compile(rf"^\s*(?:{re.escape(key)}|\"{re.escape(key)}\"|'{re.escape(key)}')\s*[=.\]]")
    for number, line in enumerate(text.splitlines(), start=1):
        if pattern.match(line) or line.strip() == f"[{key}]":
            return number
    return 1


def read_source(path: str | Path) -> SourceDocument:
    """Read a source text; metadata from its header, completed by its sidecar (the header wins)."""
    path = Path(path)
    text = read_text(path)
    header, body_start = parse_header(text, path)
    metadata = {**read_sidecar(path), **header}
    return SourceDocument(path=path, text=text, metadata=metadata, body_start=body_start)
