"""Subject blocks laid end to end in one file, in the order rule of ``longturtle`` (classes first by
subject, then the others by (how often the subject is an object, subject)), and how a new run of them
is made from the old one: the blocks of the subjects that changed taken out, their new blocks put in
at their places, every run of unchanged blocks between copied as one slice of the old bytes.

Used for the merged Turtle of a release and for the derived graph's block of its TriG
(:mod:`kommgraph.publish.incremental_write`).
"""

from __future__ import annotations

from array import array
from dataclasses import dataclass, field
from itertools import accumulate

from kommgraph.core.turtle import SubjectBlock


@dataclass
class BlockIndex:
    """Each subject's place (``references``, -1 for a class: classes come first), the byte length of its
    block and the number of its prefix set (into a list of prefix-name sets kept beside it)."""

    subjects: list[str] = field(default_factory=list)
    references: array = field(default_factory=lambda: array("q"))
    lengths: array = field(default_factory=lambda: array("q"))
    prefix_ids: array = field(default_factory=lambda: array("i"))

    def numbers(self) -> bytes:
        return self.references.tobytes() + self.lengths.tobytes() + self.prefix_ids.tobytes()

    @classmethod
    def parse(cls, subjects: bytes, numbers: bytes, count: int) -> BlockIndex:
        """The index saved as :meth:`numbers` and the subjects one a line; ValueError where they disagree."""
        names = subjects.decode("utf-8").split("\n") if count else []
        width = 8 * count
        index = cls(names, _array("q", numbers[:width]), _array("q", numbers[width : 2 * width]))
        index.prefix_ids = _array("i", numbers[2 * width :])
        if not (len(names) == len(index.references) == len(index.lengths) == len(index.prefix_ids) == count):
            raise ValueError("subject arrays differ in length")
        return index

    def append(self, subject: str, references: int, length: int, prefix_id: int) -> None:
        self.subjects.append(subject)
        self.references.append(references)
        self.lengths.append(length)
        self.prefix_ids.append(prefix_id)

    def extend(self, other: BlockIndex, first: int, last: int) -> None:
        self.subjects.extend(other.subjects[first:last])
        self.references.extend(other.references[first:last])
        self.lengths.extend(other.lengths[first:last])
        self.prefix_ids.extend(other.prefix_ids[first:last])


def _array(kind: str, data: bytes) -> array:
    values = array(kind)
    values.frombytes(data)
    return values


class PrefixSets:
    """Numbered sets of prefix names, shared by the indexes of one cache."""

    def __init__(self, sets: list[frozenset[str]] | None = None) -> None:
        self.sets = list(sets or [])
        self._ids = {s: n for n, s in enumerate(self.sets)}

    def number(self, prefixes: frozenset[str]) -> int:
        found = self._ids.get(prefixes)
        if found is None:
            found = self._ids[prefixes] = len(self.sets)
            self.sets.append(prefixes)
        return found

    def used(self, index: BlockIndex) -> set[str]:
        return set().union(*(self.sets[n] for n in set(index.prefix_ids)))


def index_of(blocks: list[SubjectBlock], data: list[bytes], prefix_sets: PrefixSets) -> BlockIndex:
    """The index of ``blocks`` (in their order) whose bytes in the file are ``data``."""
    if len(blocks) != len(data):
        raise ValueError("blocks and their bytes differ in number")
    number = prefix_sets.number
    return BlockIndex(
        [block.subject for block in blocks],
        array("q", [-1 if block.is_class else block.references for block in blocks]),
        array("q", [len(chunk) for chunk in data]),
        array("i", [number(block.prefixes) for block in blocks]),
    )


def splice(
    old: BlockIndex,
    old_bytes: memoryview,
    changed: set[str],
    fresh: list[SubjectBlock],
    fresh_bytes: list[bytes],
    prefix_sets: PrefixSets,
) -> tuple[BlockIndex, list]:
    """The new index and the pieces of the new bytes (to be joined): the old blocks of the ``changed``
    subjects left out, ``fresh`` (their blocks now, bytes ``fresh_bytes``) put in at their places.
    ``old_bytes`` begins with the first old block."""
    starts = list(accumulate(old.lengths, initial=0))
    subjects, references = old.subjects, old.references
    new, parts = BlockIndex(), []

    def insertion(key: tuple) -> int:
        """The first old position whose (references, subject) is greater than ``key``."""
        low, high = 0, len(subjects)
        while low < high:
            middle = (low + high) // 2
            if (references[middle], subjects[middle]) < key:
                low = middle + 1
            else:
                high = middle
        return low

    def copy_old(first: int, last: int) -> None:
        if first < last:  # a run of unchanged blocks is one slice of the old bytes
            parts.append(old_bytes[starts[first] : starts[last]])
            new.extend(old, first, last)

    position_of = {subject: n for n, subject in enumerate(subjects)}
    removed = {position_of[iri] for iri in changed if iri in position_of}
    keys = [(-1 if b.is_class else b.references, b.subject) for b in fresh]
    inserts = sorted((insertion(keys[n]), keys[n], n) for n in range(len(fresh)))
    cursor, next_insert = 0, 0
    for cut in sorted(removed | {insert[0] for insert in inserts}):
        copy_old(cursor, cut)
        while next_insert < len(inserts) and inserts[next_insert][0] == cut:
            n = inserts[next_insert][2]
            block = fresh[n]
            new.append(block.subject, keys[n][0], len(fresh_bytes[n]), prefix_sets.number(block.prefixes))
            parts.append(fresh_bytes[n])
            next_insert += 1
        cursor = cut + 1 if cut in removed else cut
    copy_old(cursor, len(subjects))
    return new, parts
