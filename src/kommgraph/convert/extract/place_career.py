"""Authorities in a person's career: ``war bei der Stadt Musterstadt tätig``, ``wechselt zur Stadt
Musterstadt``, ``hat für die Stadt Musterstadt gearbeitet``. The town a person worked for before or moves to
is not the authority the text is about; its name is hidden from the place's votes (the text keeps its
length, so offsets stay valid).
"""

from __future__ import annotations

import re

from kommgraph.convert.extract.patterns import compiled

# a clause about a past employer ("war ... tätig", "zuvor", "hat ... gearbeitet") or a move to another one
# ("wechselt zur"); a present "ist für die Stadt X tätig" names the text's own authority
CAREER_VERB = compiled(
    r"\b(?:war|waren|zuvor|zuletzt|vorher|gearbeitet|arbeitete|wechseln|wechselt|wechselte|gewechselt)\b"
)
# the authority of a career step, by its title word: "bei der Stadt X", "zur Gemeinde X", "zum Landkreis X"
CAREER_AUTHORITY = compiled(
    r"\b(?:bei\s+der|zur|von\s+der|für\s+die|bei\s+dem|beim|zum|vom|für\s+den)\s+"
    r"(?:Stadt|Gemeinde|Stadtverwaltung|Gemeindeverwaltung|Kreisverwaltung|Landkreis|Kreis|Landratsamt)\s+"
    r"(?P<name>[A-ZÄÖÜ][\w-]+(?:\s+(?:am|an\s+der|im|in\s+der)\s+[A-ZÄÖÜ][\w-]+)?)"
)
CLAUSE = re.compile(r"[^.!?;\n]+")


def without_career_places(text: str) -> str:
    """``text`` with the names of the authorities of career steps replaced by filler of the same length."""
    if not CAREER_VERB.search(text):
        return text
    parts = []
    cut = 0
    for clause in CLAUSE.finditer(text):
        if not CAREER_VERB.search(clause[0]):
            continue
        for m in CAREER_AUTHORITY.finditer(text, clause.start(), clause.end()):
            parts += [text[cut : m.start("name")], "x" * (m.end("name") - m.start("name"))]
            cut = m.end("name")
    return "".join(parts) + text[cut:] if parts else text
