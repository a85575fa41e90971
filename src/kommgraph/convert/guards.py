"""A keyword pre-scan for rule patterns: words a pattern cannot match without, found by reading it.

Most rule families are long alternations of words (``umbenannt|Umbenennung|...``) that the regex
engine tries at every position of every sentence. Each alternative needs some literal text (a word
stem); a sentence that holds none of them cannot match, and a substring test (``"umbenenn" in text``)
is far cheaper than the search. :func:`required_words` reads those literals from the pattern itself
(the engine's own parse tree), so a rule author declares nothing and cannot break it: a pattern whose
some alternative needs no literal (``\\w+``, a class, an optional part) gets no guard and always runs.
Case-insensitive parts (``re.I``, ``(?i:...)``) give no literals either.

:class:`Guarded` wraps a compiled pattern: every method first tests the words, and answers "no match"
(``None``, no items, the text unchanged) when none occurs anywhere in the text; otherwise it is the
pattern's own method. The answer is therefore the same as the pattern's in every case.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator

try:
    from re import _constants as _c
    from re import _parser
except ImportError:  # pragma: no cover - another Python: no guards, every pattern runs
    _parser = None

#: a literal this short (``der``, ``in``) occurs in nearly every sentence: no use as a guard
MIN_WORD = 3
#: more words than this and the test costs about what it saves (a substring test is ≈ 40 ns)
MAX_WORDS = 400
#: a good enough word: longer ones do not make a clause better than one with fewer words
GOOD_WORD = 6
#: clauses kept per alternative (the most selective ones)
CLAUSES = 3

Clause = tuple[str, ...]  # one of these literals occurs
Alternative = tuple[Clause, ...]  # every clause holds
Guard = tuple[tuple[str, ...], tuple[Alternative, ...]]  # (probe words, alternatives)


def required_words(pattern: str, flags: int = 0) -> Guard | None:
    """What every match of ``pattern`` needs in the text, in two forms: words of which one occurs (for
    each alternative at the top, its most selective set of literals), and the alternatives themselves,
    each as clauses of which all hold (a clause: literals of which one occurs). None when no such test
    is worth it: an alternative without a usable literal, or too many words."""
    if _parser is None or not isinstance(pattern, str):
        return None
    try:
        parsed = _parser.parse(pattern, flags)
    except Exception:  # noqa: BLE001 - a pattern the engine refuses is not guarded (it fails as before)
        return None
    if (flags | parsed.state.flags) & re.IGNORECASE:
        return None
    top = _top_alternatives(list(parsed), False)
    if all(_starts_cheaply(items) for items, _case in top):
        return None
    words: set[str] = set()
    alternatives: list[Alternative] = []
    for items, ignore_case in top:
        clauses = sorted(_sequence(items, ignore_case), key=_rank, reverse=True)
        if not clauses:
            return None
        words |= clauses[0]
        alternatives.append(tuple(tuple(sorted(c)) for c in clauses[:CLAUSES]))
    words = _minimal(words)
    if len(words) > MAX_WORDS:
        return None
    alternatives = list(dict.fromkeys(alternatives))
    needed = tuple(  # ("geschaffen", "neu") is implied by ("geschaffen",) alone
        a for a in alternatives if not any(b != a and set(b) <= set(a) for b in alternatives)
    )
    # the clauses add something only where an alternative has more than one
    return tuple(sorted(words)), (needed if any(len(a) > 1 for a in needed) else ())


def _top_alternatives(items: list, ignore_case: bool) -> list[tuple[list, bool]]:
    """The pattern's alternatives at the top, also inside a group that is all there is besides anchors
    (``\\b(?:umbenannt|...)``, the ``(?:p1)|(?:p2)`` of ``any_of``): each gets clauses of its own."""
    inner = [(op, arg) for op, arg in items if op is not _c.AT]
    if len(inner) == 1:
        op, arg = inner[0]
        if op is _c.BRANCH:
            return [alt for sub in arg[1] for alt in _top_alternatives(list(sub), ignore_case)]
        if op is _c.SUBPATTERN:
            _group, add_flags, del_flags, sub = arg
            case = (ignore_case or bool(add_flags & re.IGNORECASE)) and not del_flags & re.IGNORECASE
            return _top_alternatives(list(sub), case)
    return [(items, ignore_case)]


def _starts_cheaply(items: list) -> bool:
    """True when the engine rejects most positions by itself: the alternative is anchored at the start
    (``^``), or its first element is a literal or a choice of literals (``\\b(?:aufgelöst|...)``), so a
    probe for words would scan the text the same way."""
    for op, arg in items:
        if op is _c.AT:
            if arg in (_c.AT_BEGINNING, _c.AT_BEGINNING_STRING):
                return True
            continue
        return _literal_first(op, arg)
    return False


def _literal_first(op, arg) -> bool:
    if op is _c.LITERAL:
        return True
    if op is _c.SUBPATTERN:
        sub = list(arg[3])
        return bool(sub) and not arg[1] & re.IGNORECASE and _literal_first(*sub[0])
    if op is _c.BRANCH:
        return all(alt and _literal_first(*list(alt)[0]) for alt in arg[1])
    return False


def _quality(word: str) -> int:
    """How rarely a word occurs by chance: its length (a unit placeholder ``«U`` counts as three letters)."""
    return len(word) + ("«" in word)


def _rank(words: frozenset[str]) -> tuple:
    shortest = min(map(_quality, words))
    return (min(shortest, GOOD_WORD), -len(words), shortest)


def _minimal(words: set[str]) -> frozenset[str]:
    """A word that contains another word of the set is implied by it: keep the shorter one."""
    return frozenset(w for w in words if not any(o != w and o in w for o in words))


def _usable(words: frozenset[str]) -> bool:
    return min(map(_quality, words)) >= MIN_WORD


def _sequence(items: list, ignore_case: bool) -> list[frozenset[str]]:
    """Clauses that hold for every match of a sequence: each item's, and each run of literal
    characters as a clause of one word."""
    clauses: list[frozenset[str]] = []
    run: list[str] = []
    for op, arg in items:
        if op is _c.LITERAL and not ignore_case:
            run.append(chr(arg))
            continue
        if run:
            clauses.append(frozenset(["".join(run)]))
            run = []
        clauses += _item(op, arg, ignore_case)
    if run:
        clauses.append(frozenset(["".join(run)]))
    return list(dict.fromkeys(c for c in clauses if _usable(c)))


def _item(op, arg, ignore_case: bool) -> list[frozenset[str]]:
    if op is _c.SUBPATTERN:
        _group, add_flags, del_flags, sub = arg
        case = (ignore_case or bool(add_flags & re.IGNORECASE)) and not del_flags & re.IGNORECASE
        return _sequence(list(sub), case)
    if op is _c.ATOMIC_GROUP:
        return _sequence(list(arg), ignore_case)
    if op is _c.BRANCH:  # one clause: the best clause of each alternative, joined
        union: set[str] = set()
        for alternative in arg[1]:
            clauses = _sequence(list(alternative), ignore_case)
            if not clauses:
                return []
            union |= max(clauses, key=_rank)
        return [_minimal(union)]
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", None)):
        low, _high, sub = arg
        return _sequence(list(sub), ignore_case) if low >= 1 else []
    return []  # a class, an anchor, a look-around, a back-reference: no literal of its own


def probe_pattern(words: tuple[str, ...]) -> str:
    """One search for any of the words: the engine skips to the positions where one can start, which is
    faster than a test per word in Python; common beginnings are tried once (a trie)."""
    return literal_alternation(sorted(words, reverse=True))  # a word before the words it starts with


class Guarded:
    """A compiled pattern behind a test for its required words (same answers, see the module)."""

    __slots__ = ("pattern_object", "guard", "_probe", "_alternatives")

    def __init__(self, pattern_object: re.Pattern[str], guard: Guard, probe: re.Pattern[str]):
        self.pattern_object = pattern_object
        self.guard = guard
        self._probe = probe  # probe_pattern(guard[0]), compiled
        self._alternatives = guard[1]

    def _absent(self, text: str) -> bool:
        """No probe word in the text, or (when the probe finds one) no alternative with all its clauses."""
        return self._probe.search(text) is None or bool(self._alternatives) and self._none_holds(text)

    def _none_holds(self, text: str) -> bool:
        for alternative in self._alternatives:
            for clause in alternative:
                for word in clause:
                    if word in text:
                        break
                else:
                    break  # this clause fails: try the next alternative
            else:
                return False
        return True

    # each method tests as _absent does, written out: a call less on every search of every sentence

    def search(self, text: str, *args) -> re.Match[str] | None:
        if self._probe.search(text) is None or self._alternatives and self._none_holds(text):
            return None
        return self.pattern_object.search(text, *args)

    def match(self, text: str, *args) -> re.Match[str] | None:
        if self._probe.search(text) is None or self._alternatives and self._none_holds(text):
            return None
        return self.pattern_object.match(text, *args)

    def fullmatch(self, text: str, *args) -> re.Match[str] | None:
        if self._probe.search(text) is None or self._alternatives and self._none_holds(text):
            return None
        return self.pattern_object.fullmatch(text, *args)

    def finditer(self, text: str, *args) -> Iterator[re.Match[str]]:
        if self._probe.search(text) is None or self._alternatives and self._none_holds(text):
            return iter(())
        return self.pattern_object.finditer(text, *args)

    def findall(self, text: str, *args) -> list:
        return [] if self._absent(text) else self.pattern_object.findall(text, *args)

    def sub(self, repl, text: str, count: int = 0) -> str:
        return text if self._absent(text) else self.pattern_object.sub(repl, text, count)

    def subn(self, repl, text: str, count: int = 0) -> tuple[str, int]:
        return (text, 0) if self._absent(text) else self.pattern_object.subn(repl, text, count)

    def split(self, text: str, maxsplit: int = 0) -> list[str]:
        return [text] if self._absent(text) else self.pattern_object.split(text, maxsplit)

    def __getattr__(self, name: str):  # pattern, flags, groups, groupindex
        return getattr(self.pattern_object, name)

    def __repr__(self) -> str:
        return f"Guarded({self.pattern_object!r}, guard={self.guard!r})"


def guard_module_patterns(prefix: str, guard_of, probe_of) -> int:
    """Put a guard before every compiled pattern held by the modules named ``prefix...`` (as a module
    constant or inside a module-level dict or list): a rule module's ``re.compile`` needs no edit.
    ``guard_of(pattern, flags)`` gives :func:`required_words`, ``probe_of(words)`` the compiled probe
    (both kept between runs by the start-up cache). Functions read module constants when they run, so
    they use the guarded object from then on. Returns how many patterns got a guard."""
    guarded: dict[int, Guarded] = {}

    def wrap(value):
        if not isinstance(value, re.Pattern) or not isinstance(value.pattern, str):
            return value
        if id(value) not in guarded:
            guard = guard_of(value.pattern, value.flags & ~re.UNICODE)
            probe = probe_of(guard[0]) if guard else None
            guarded[id(value)] = Guarded(value, guard, probe) if guard else value
        return guarded[id(value)]

    for name, module in list(sys.modules.items()):
        if not name.startswith(prefix) or module is None:
            continue
        for key, value in list(vars(module).items()):
            if isinstance(value, re.Pattern):
                setattr(module, key, wrap(value))
            elif isinstance(value, dict) and not key.startswith("__"):
                for k, v in list(value.items()):
                    if isinstance(v, re.Pattern):
                        value[k] = wrap(v)
            elif isinstance(value, list):
                value[:] = [wrap(v) for v in value]
    return sum(isinstance(v, Guarded) for v in guarded.values())


def literal_alternation(words: list[str]) -> str:
    """A regex for any of ``words`` (plain strings, tried in their order) with common prefixes factored.

    ``Amtsleiterin|Amtsleiter|Amt`` becomes ``Amt(?:sleiter(?:in)?)?``: fewer alternatives to parse at
    start-up and to try at each position. At one position only words that are prefixes of one another
    can match; the factored form tries them longest first, so it is used only when the list does so
    too (every word before the words it starts with); otherwise the plain alternation is returned.
    """
    words = list(dict.fromkeys(words))
    seen: set[str] = set()
    for word in words:
        if any(word[:end] in seen for end in range(1, len(word))):
            return "|".join(re.escape(w) for w in words)
        seen.add(word)
    trie: dict = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _trie_regex(trie)


def _trie_regex(node: dict) -> str:
    """The regex of a trie node's suffixes, the longest tried first ('' for a word's end alone)."""
    branches = []
    for char in sorted(key for key in node if key):
        child, run = node[char], re.escape(char)
        while len(child) == 1 and "" not in child:  # a chain of single letters is one literal run
            ((char, child),) = child.items()
            run += re.escape(char)
        branches.append(run + _trie_regex(child))
    if not branches:
        return ""
    if len(branches) > 1:
        body = "(?:" + "|".join(branches) + ")"
        return body + "?" if "" in node else body
    return f"(?:{branches[0]})?" if "" in node else branches[0]
