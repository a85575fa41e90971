"""Source documents: the text as received, its metadata (header or sidecar) and its hash.

Offsets of evidence (``kg:start``/``kg:end``) count Unicode code points in the file's text exactly as
stored (UTF-8, no newline translation, header included), so that any tool can check a quote with
``text[start:end] == exact``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import tomllib
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


def read_text(path: Path) -> str:
    """The file's text; a special file (FIFO, device), unreadable bytes or non-UTF-8 is a ``SourceError``."""
    refuse_special(path, SourceError)
    try:
        data = path.read_bytes()
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
