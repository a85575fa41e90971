"""The place index in a compact form kept between runs: a start reads what a text needs, not 2.4 MB.

``json.load`` of ``data/places.json`` makes about a million Python objects (≈ 0.08 s, a fifth of a
one-file ``kommgraph convert``), while a press release looks up a few hundred words. This form keeps
each row, and the name forms in 4096 buckets by a CRC of their key, as separately marshalled bytes:
loading it makes ≈ 23,000 bytes objects (≈ 1 ms), and a look-up unpacks its row or bucket on first use.
It is written once, from the index ``store`` builds from the JSON, to the folder of
``kommgraph.convert.startup_cache`` (``$KOMMGRAPH_REGEX_CACHE``, empty: off; else
``$XDG_CACHE_HOME/kommgraph`` or ``~/.cache/kommgraph``), under a key of the data file, the modules
that build the index and the Python version; atomically (written beside, then renamed). Anything
unexpected (no folder, a damaged file) gives None and the caller loads the JSON as before.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import sys
import tempfile
import zlib
from pathlib import Path

BUCKETS = 4096
FORMAT = 1  # raise when the layout below changes
_ABSENT = object()


def bucket_of(key: str) -> int:
    return zlib.crc32(key.encode("utf-8")) & (BUCKETS - 1)


class Buckets:
    """A read-only mapping (``get``, ``[]``, ``in``) whose entries are unpacked bucket by bucket."""

    def __init__(self, blobs: list[bytes]):
        self._blobs = blobs
        self._buckets: dict[int, dict] = {}
        self._memo: dict = {}

    @classmethod
    def pack(cls, mapping: dict) -> list[bytes]:
        buckets: list[dict] = [{} for _ in range(BUCKETS)]
        for key, value in mapping.items():
            buckets[bucket_of(key)][key] = value
        return [marshal.dumps(bucket) for bucket in buckets]

    def get(self, key: str, default=None):
        found = self._memo.get(key, _ABSENT)
        if found is _ABSENT:
            number = bucket_of(key)
            bucket = self._buckets.get(number)
            if bucket is None:
                bucket = self._buckets[number] = marshal.loads(self._blobs[number])
            found = self._memo[key] = bucket.get(key, _ABSENT)
        return default if found is _ABSENT else found

    def __getitem__(self, key: str):
        found = self.get(key, _ABSENT)
        if found is _ABSENT:
            raise KeyError(key)
        return found

    def __contains__(self, key: str) -> bool:
        return self.get(key, _ABSENT) is not _ABSENT


class Rows:
    """A read-only sequence of index rows, each unpacked on first use."""

    def __init__(self, blobs: list[bytes], keys: str):
        self._blobs = blobs
        self._keys = keys
        self._rows: dict[int, list] = {}

    def keys(self) -> list[str]:
        """Every row's key (its first field), in row order, without unpacking the rows."""
        return self._keys.split("\n")

    def __len__(self) -> int:
        return len(self._blobs)

    def __getitem__(self, number: int) -> list:
        row = self._rows.get(number)
        if row is None:
            row = self._rows[number] = marshal.loads(self._blobs[number])
        return row

    def __iter__(self):
        return (self[number] for number in range(len(self._blobs)))


def pack(rows: list[list], names: dict, forms: dict, titles: dict, common_words: dict) -> dict:
    return {
        "format": FORMAT,
        "rows": [marshal.dumps(row) for row in rows],
        "keys": "\n".join(row[0] for row in rows),
        "names": Buckets.pack(names),
        "forms": Buckets.pack(forms),
        "titles": titles,
        "common_words": common_words,
    }


def cache_path(data_file: Path, builders: list[Path]) -> Path | None:
    """The compact file for this data file, these index-building modules and this Python; None: off."""
    folder = os.environ.get("KOMMGRAPH_REGEX_CACHE")  # the folder of kommgraph.convert.startup_cache
    if folder is None:
        base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
        folder = os.path.join(base, "kommgraph")
    if not folder:
        return None
    try:
        key = "\n".join(
            f"{path.resolve()}\t{path.stat().st_size}\t{path.stat().st_mtime_ns}"
            for path in [data_file, *builders]
        )
    except OSError:
        return None
    digest = hashlib.sha256(f"{FORMAT}\n{sys.hexversion:x}\n{key}".encode()).hexdigest()[:20]
    return Path(folder) / f"places-{digest}.marshal"


def read(path: Path) -> dict | None:
    try:
        data = marshal.loads(path.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        return None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        return None
    return data


def write(path: Path, data: object) -> bool:
    """Write ``data`` marshalled, atomically; False when that is not possible (a read-only home, a full
    disk, something marshal cannot write): the next run builds again. Also the start-up cache's writer."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(marshal.dumps(data))
            os.replace(temporary, path)
        except BaseException:
            os.unlink(temporary)
            raise
    except (OSError, ValueError):
        return False
    return True
