"""A quoted name led by a person: ``„Muster und Probe“ übernimmt Max Beispiel`` — a quoted phrase that
opens the sentence as the object of a verb of leading, with a person as its subject, names a unit
(the new units of a reorganisation are often announced this way, without their head word)."""

from __future__ import annotations

import re

from kommgraph.convert.extract.firstnames import is_given_name
from kommgraph.convert.extract.unit_phrases import Mention, clean

LED_QUOTED = re.compile(
    r"^\s*[„\"»«](?P<name>[A-ZÄÖÜ][^“”\"«»„]{1,80}?)[“”\"«»]\s+"
    r"(?:übernimmt|übernehmen|leitet|leiten|führt|führen|verantwortet)\s+"
    r"(?:(?:Dr|Mag|DI|Prof)\.\s+)*(?P<first>[A-ZÄÖÜ][a-zäöüß]+)\b"
)


JOINING = frozenset({"und", "sowie", "für", "&"})
ADJECTIVE = re.compile(r"[a-zäöü]+(?:e|en|er|es)")


def _name_like(name: str) -> bool:
    """Fields of work, not a quoted utterance: every word capitalised, a conjunction, or an inflected
    adjective before a capitalised word (``„Wir schaffen das“`` is speech)."""
    words = name.replace(",", " ").split()
    return all(
        w[:1].isupper()
        or w in JOINING
        or (ADJECTIVE.fullmatch(w) and n + 1 < len(words) and words[n + 1][:1].isupper())
        for n, w in enumerate(words)
    )


def led_quoted(text: str, mentions: list[Mention]) -> list[Mention]:
    """The unit a quoted name at the start of the sentence names, when a person leads it."""
    m = LED_QUOTED.match(text)
    if (
        not m
        or not is_given_name(m["first"])
        or not _name_like(m["name"])
        or any(x.start < m.end("name") for x in mentions)
    ):
        return []
    return [Mention(m.start("name"), m.end("name"), clean(m["name"]), "OtherUnit", 0.7)]
