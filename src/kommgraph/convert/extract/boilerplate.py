"""Where the article ends and the page furniture (news lists, ads, subscription notices) begins."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kommgraph.convert.extract.patterns import any_of, compiled, load

_DATA = load("boilerplate")
END_OF_ARTICLE = any_of(_DATA["end_of_article"])
NEWS_ITEM_DATE = compiled(_DATA["news_item_date"])
NOISE = any_of(_DATA["noise_lines"])


@dataclass
class Layout:
    article: tuple[int, int]
    news_items: list[tuple[int, int]] = field(default_factory=list)  # dated items after the article
    item_dates: list[str] = field(default_factory=list)  # their dates as written (d.m.yyyy)
    noise: list[tuple[int, int]] = field(default_factory=list)  # lines that never yield facts


def _lines(text: str, start: int):
    pos = start
    for line in text[start:].splitlines(keepends=True):
        yield pos, line
        pos += len(line)


def layout(text: str, body_start: int = 0) -> Layout:
    """Split the body into the article and the furniture after it."""
    end = len(text)
    seen_content = 0
    for pos, line in _lines(text, body_start):
        if seen_content >= 1 and END_OF_ARTICLE.search(line):
            end = pos
            break
        if len(line.strip()) > 40:
            seen_content += 1
    result = Layout(article=(body_start, end))
    item_start: int | None = None
    for pos, line in _lines(text, end):
        stripped = line.strip()
        if NOISE.search(line):
            result.noise.append((pos, pos + len(line)))
        date = NEWS_ITEM_DATE.match(line)
        if date:
            if item_start is not None:
                result.news_items.append((item_start, pos))
            item_start = pos
            result.item_dates.append(date["a"] or date["b"])
        elif stripped and END_OF_ARTICLE.search(line) and item_start is not None:
            result.news_items.append((item_start, pos))
            item_start = None
    if item_start is not None:
        result.news_items.append((item_start, len(text)))
    return result


def mentions_place(text: str, place: str | None) -> bool:
    """True when a news item names the document's place (its first word suffices)."""
    if not place:
        return False
    from kommgraph.convert.extract.metadata import core_name

    core = core_name(place)
    return re.search(rf"\b{re.escape(core)}\b", text) is not None
