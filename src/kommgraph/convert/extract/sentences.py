"""Sentences with their offsets in the source, robust to hard line breaks inside sentences.

Text taken from web pages often breaks lines (even with blank lines) inside a sentence. A line
break ends a sentence only when the line before ends with final punctuation or is clearly shorter
than the text's usual line (a heading, a list item). Each sentence also has a *folded* view, white
space runs folded to one space, with a map back to source offsets, so that patterns need not care
about line breaks and quotes can still be cut verbatim from the source.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kommgraph.convert.extract.model import Span

# abbreviations after which a full stop does not end a sentence
ABBREVIATIONS = frozenset(
    "z.B bzw ca Nr Dr Prof St Str usw vgl u.a d.h Abs Art Beschl d Stv.-V Stv i.V o.ä inkl ggf evtl "
    "geb sog Tel Mio Mrd rd insg u.ä Hr Fr Dipl Ing Mag etc jun sen Bd S ff Jh".split()
)
_STAMP = re.compile(r"\s*\[\d{1,2}\.\d{1,2}\.\d{2,4}\]")  # a news item's lead starts a paragraph
_FINAL = re.compile(r"[.!?:;\"“”»]\s*$")
_SPLIT = re.compile(r"(?<=[.!?])(?P<q>[\"“”»]?)\s+(?=[\"„“«]?[A-ZÄÖÜ0-9\[])")


@dataclass(frozen=True)
class Sentence:
    span: Span
    folded: str
    offsets: tuple[int, ...]  # source offset of each character of ``folded``

    def source_span(self, start: int, end: int) -> Span:
        """The source span of ``folded[start:end]``."""
        return Span(self.offsets[start], self.offsets[end - 1] + 1)


_WORD = re.compile(r"[^\s\u00ad]+")


def fold(text: str, base: int) -> tuple[str, tuple[int, ...]]:
    words = _WORD.findall(text)
    folded = " ".join(words)
    if folded == text:  # single spaces only (most sentences): every character keeps its place
        return text, tuple(range(base, base + len(text)))
    chars: list[str] = []
    offsets: list[int] = []
    for m in _WORD.finditer(text):
        if chars:
            chars.append(" ")
            offsets.append(base + m.start() - 1)
        chars.append(m.group())
        offsets.extend(range(base + m.start(), base + m.end()))
    return "".join(chars), tuple(offsets)


def _typical_line_length(lines: list[str]) -> int:
    """The usual length of a text line (short heading and list lines do not count)."""
    lengths = sorted(len(line.strip()) for line in lines if len(line.strip()) >= 40)
    if not lengths:
        return 0
    return lengths[min(len(lengths) - 1, int(len(lengths) * 0.8))]


def _blocks(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Runs of lines that belong together (a paragraph, possibly hard-wrapped)."""
    region = text[start:end]
    lines = region.splitlines(keepends=True)
    typical = _typical_line_length(lines)
    blocks: list[tuple[int, int]] = []
    pos = start
    block_start: int | None = None
    previous = ""
    for line in lines:
        stripped = line.strip()
        if stripped:
            if block_start is None:
                block_start = pos
            elif _ends_block(previous, typical) or _STAMP.match(line):
                blocks.append((block_start, pos))
                block_start = pos
            previous = stripped
        pos += len(line)
    if block_start is not None:
        blocks.append((block_start, pos))
    return blocks


# a line that ends in a conjunction, an article or a preposition has its sentence go on
_OPEN_END = re.compile(
    r"\s(?:und|oder|sowie|bzw\.|der|die|das|des|dem|den|ein|eine|einer|eines|für|mit|von|vom|zu|zum|zur|im|in)$"
)


def _ends_block(previous: str, typical: int) -> bool:
    if _FINAL.search(previous):
        return True
    if _open_quote(previous) or _OPEN_END.search(previous):
        return False
    return len(previous) < max(30, int(typical * 0.7))


def _open_quote(line: str) -> bool:
    """A German quotation opened on the line („) and not closed on it goes on in the next line."""
    opened = line.rfind("„")
    return opened >= 0 and not any(q in line[opened:] for q in '“”"')


_WORD_DOTS = re.compile(r"[\w.-]+")


def _is_abbreviation(chunk: str) -> bool:
    chunk = chunk.rstrip('"“”» ')
    if chunk.endswith("\n"):  # `$` also matches before a final line break
        chunk = chunk[:-1]
    # the word before the final full stop: what `([\w.-]+)\.$` finds, read backwards from the end
    # instead of tried at every position of the sentence
    run = _WORD_DOTS.match(chunk[::-1]) if chunk.endswith(".") else None
    if run is None or run.end() < 2:
        return False
    token = chunk[len(chunk) - run.end() : -1]
    return token in ABBREVIATIONS or len(token) == 1 or (token.isdigit() and len(token) <= 2)


def split(text: str, start: int = 0, end: int | None = None) -> list[Sentence]:
    """Sentences of ``text[start:end]`` in order."""
    end = len(text) if end is None else end
    sentences: list[Sentence] = []
    for block_start, block_end in _blocks(text, start, end):
        block = text[block_start:block_end]
        cut = 0
        for match in _SPLIT.finditer(block):
            if _is_abbreviation(block[cut : match.start()]):
                continue
            _add(sentences, text, block_start + cut, block_start + match.start() + len(match.group("q")))
            cut = match.end()
        _add(sentences, text, block_start + cut, block_end)
    return sentences


def _add(sentences: list[Sentence], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        folded, offsets = fold(text[start:end], start)
        sentences.append(Sentence(Span(start, end), folded, offsets))
