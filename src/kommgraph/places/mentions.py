"""Finding place names in running text: one pass over the words, dictionary look-ups only."""

from __future__ import annotations

from .lookup import ranked, seat_districts
from .model import Mention, Place
from .normalize import tokens
from .store import Index, index

SENTENCE_END = frozenset('.!?:;\n„“"»«]')
# A town of 50,000+ whose name is also a noun ("Essen", "Kiel") counts without a title after these words
# (the noun comes with an article: "nach dem Essen", "beim Essen").
PLACE_PREPOSITIONS = frozenset({"in", "aus", "nach", "von", "bis", "zwischen", "sowie", "ab", "ueber", "bei"})
_GENITIVE_ENDINGS = ("s", "es")
_SIBILANTS = ("s", "x", "z")  # these take "-es" only: "des Rhein-Sieg-Kreises"

Token = tuple[str, int, int]


def mentions(text: str) -> list[Mention]:
    """Every place name in `text`, longest match first, with its title ("Landkreis Gießen", "Stadt Kassel")
    and the genitive ("Kassels"). Single-word names that are German words count only with a title, or,
    for "word"s (Weil, Laufen), away from the start of a sentence; see docs/places.md."""
    idx = index()
    words = tokens(text)
    found: list[Mention] = []
    i = 0
    while i < len(words):
        if not text[words[i][1]].isupper():  # names and titles begin with a capital: most words do not
            i += 1
            continue
        end, places = _name_at(idx, text, words, i)
        titled_end, titled_places = _titled_at(idx, text, words, i)
        if titled_end is not None and (end is None or titled_end > end):
            end, places = titled_end, titled_places
        if end is None:
            i += 1
            continue
        if places:
            found.append(Mention(words[i][1], words[end - 1][2], places))
        i = end
    return found


def _titled_at(idx: Index, text: str, words: list[Token], i: int) -> tuple[int | None, tuple[Place, ...]]:
    """ "Landkreis Gießen": the title and the name after it; places of the title's level only (none: the span
    is still used up, so that "Stadt Zürich" does not become the canton)."""
    if not text[words[i][1]].isupper():
        return None, ()
    for title, title_level in idx.titles.get(words[i][0], ()):
        j = i + len(title)
        if j < len(words) and all(words[i + k][0] == word for k, word in enumerate(title)):
            form, end = _longest_form(idx, words, j)
            if form is not None:
                hits = idx.hits(" ".join(form))
                return end, ranked(hits, title_level) or seat_districts(" ".join(form), hits, title_level)
    return None, ()


def _name_at(idx: Index, text: str, words: list[Token], i: int) -> tuple[int | None, tuple[Place, ...]]:
    if not text[words[i][1]].isupper():
        return None, ()
    form, end = _longest_form(idx, words, i)
    if form is None:
        return None, ()
    if len(form) == 1 and not _bare_word_allowed(idx, text, words, i, form[0]):
        return None, ()
    return end, ranked(idx.hits(" ".join(form)))


def _bare_word_allowed(idx: Index, text: str, words: list[Token], i: int, word: str) -> bool:
    why = idx.common_words.get(word)
    if why is None:
        return True
    if why == "noun-city":
        return i > 0 and words[i - 1][0] in PLACE_PREPOSITIONS
    if why == "word":
        return not _starts_sentence(text, words, i)
    return False


def _starts_sentence(text: str, words: list[Token], i: int) -> bool:
    if i == 0:
        return True
    between = text[words[i - 1][2] : words[i][1]]
    return any(ch in SENTENCE_END for ch in between)


def _longest_form(idx: Index, words: list[Token], i: int) -> tuple[list[str] | None, int]:
    """The longest name form at word i (the last word may carry a genitive ending), found through its first
    two words, so that the many "Landkreis ..." and "Stadt ..." forms are not all tried."""
    by_second = idx.forms.get(words[i][0])
    if by_second and i + 1 < len(words):
        for second in _with_genitive_stems(words[i + 1][0]):
            for form in by_second.get(second, ()):
                if _matches(form, words, i):
                    return form, i + len(form)
    for first in _with_genitive_stems(words[i][0]):
        alone = idx.forms.get(first, {}).get("")
        if alone and _matches(alone[0], words, i):
            return alone[0], i + 1
    return None, i


def _with_genitive_stems(word: str) -> list[str]:
    stems = [word[: -len(ending)] for ending in _GENITIVE_ENDINGS if word.endswith(ending)]
    return [word] + [stem for stem in stems if len(stem) > 2]


def _matches(form: list[str], words: list[Token], i: int) -> bool:
    n = len(form)
    if i + n > len(words):
        return False
    for k in range(n - 1):
        if words[i + k][0] != form[k]:
            return False
    last, expected = words[i + n - 1][0], form[-1]
    if last == expected:
        return True
    if expected.endswith(_SIBILANTS):
        return last == expected + "es"
    return any(last == expected + ending for ending in _GENITIVE_ENDINGS)
