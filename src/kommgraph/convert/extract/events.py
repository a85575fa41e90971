"""Change events in one sentence: which type, which units are original and which resulting.

The type comes from trigger words (``patterns/events.toml``, tried in ``ORDER``); the roles of the
units from the per-type readers in ``event_roles`` and ``event_moves``.
"""

from __future__ import annotations

import re

from kommgraph.convert.extract import event_denied, event_moves, event_naming, event_roles
from kommgraph.convert.extract.dates import DateMatch, cue_before
from kommgraph.convert.extract.event_slots import (  # noqa: F401  (re-exported for the pipeline)
    EVENT_CLASS,
    FOUNDING_VERB,
    IGNORE,
    ORDER,
    PLACEHOLDER,
    PLANNED,
    REFERENCE,
    TRIGGERS,
    Found,
    Slot,
    slots,
)
from kommgraph.convert.extract.event_slots import trigger as slot_trigger
from kommgraph.convert.extract.model import DateValue


def states_change(text: str) -> bool:
    """True when a text (a headline) has a word of change of any type."""
    return any(trigger.search(text) for trigger in TRIGGERS.values())


def find_event(
    text: str, usable: set[int], dates: list[DateMatch], published: DateValue | None
) -> Found | None:
    """The change a sentence states, if any (the first type in ``ORDER`` that fits)."""
    found = find_events(text, usable, dates, published)
    return found[0] if found else None


def find_events(
    text: str, usable: set[int], dates: list[DateMatch], published: DateValue | None
) -> list[Found]:
    """The changes a sentence states: the first type in ``ORDER`` that fits (one event per unit
    moved when several move together), and a founding stated besides (``..., das zum 1. Juli
    gegründet wird``)."""
    if IGNORE.search(text):
        return []
    dated = text  # date cues are read on the sentence as written
    text = participle_last(text)
    all_slots = slots(text, usable)
    participants = [s for s in all_slots if "of_previous" not in s.cues]
    named = event_naming.quoted_naming(text)
    for event in named:
        _date(event, dated, dates, published)
    for name in ORDER:
        if named and name in ("founding", "renaming"):
            continue
        trigger, result = _first_reading(name, participants, text)
        if not result:
            continue
        found = result if isinstance(result, list) else [result]
        if name not in ("founding", "renaming"):
            found += _also_founded(participants, text, trigger, found)
        for event in found:
            _date(event, dated, dates, published)
        return named + found
    if named:
        return named
    if not participants and dates and REFERENCE.search(text):
        found = Found("reference", nominal=True)
        _date(found, dated, dates, published)
        return [found]
    return []


# "Aufgelöst wird zum 1. Juli das Amt X": a participle of change put first, its auxiliary second
FRONTED = re.compile(
    r"^(?P<pre>\W*)(?P<part>[A-ZÄÖÜ][a-zäöüß]+)\s+(?P<aux>wird|werden|wurde|wurden|ist|sind)\s+"
    r"(?P<rest>.*?)(?P<end>[.!]?\s*)$"
)
FRONTED_TYPES = (
    "spinoff", "merger", "split", "absorption", "dissolution", "renaming", "founding", "restructuring",
)  # fmt: skip


def participle_last(text: str) -> str:
    """``Aufgelöst wird das X`` read as ``das X wird aufgelöst``: the readers look for the unit that
    undergoes a change before the verb."""
    m = FRONTED.match(text)
    if not m or not PLACEHOLDER.search(m["rest"]):
        return text
    participle = m["part"].lower()
    if not any(
        (hit := TRIGGERS[name].search(participle)) and hit.group() == participle for name in FRONTED_TYPES
    ):
        return text
    return f"{m['pre']}{m['rest']} {m['aux']} {participle}{m['end']}"


def _first_reading(name: str, participants: list[Slot], text: str) -> tuple[re.Match | None, object]:
    """The first occurrence of a type's trigger that its reader can read: a word of change can occur twice,
    the first time in another sense (``als einmalige Einrichtung ... geschaffen``: the noun names a thing,
    the verb founds)."""
    for trigger in TRIGGERS[name].finditer(text):
        if event_denied.denied(text, trigger):
            continue
        result = _ROLES[name](participants, trigger, text)
        if result:
            return trigger, result
    return None, None


SINCE = re.compile(r"\bseit(?:\s+de[mn])?\s*$", re.IGNORECASE)
_CONNECTIVES = (
    r"(?:zudem|außerdem|ausserdem|ferner|zusätzlich|gleichzeitig|zugleich|ebenso|darüber\s+hinaus"
    r"|dafür|stattdessen|hingegen|dagegen)"
)
# "X wird aufgelöst und Y gegründet", "X erhält den Namen „A“, die Y entfällt": where two clauses join
AND_SPLIT = re.compile(
    r",?\s+und\s+|,\s+(?=(?:de[mnrs]|die|das)\s+«U\d+»[“”\"]?\s+(?!und\b|sowie\b|,))"
    r"|,\s+(?=(?:seine|ihre|dessen|deren)\s+(?:Aufgaben|Zuständigkeiten|Mitarbeiter\w*|Beschäftigten)\b)"
    # "X erhält die neue Y, zudem wird Z umbenannt": a connective adverb after a comma opens a main clause
    r"|,\s+(?=" + _CONNECTIVES + r"\s)"
    # "X wird aufgeteilt: Die A wird mit Y zusammengelegt": a colon before a capital opens a main clause
    r"|:\s+(?=(?:Die|Der|Das|Sie|Er|Es|Dies\w*)\s)"
)
CONNECTIVE = re.compile(_CONNECTIVES + r"\s")
# a second clause that begins with an object, not a subject of its own
OBJECT_FIRST = re.compile(r"(?:dem|in\s+(?:das|den|die)|ins|zu[mr]|an\s+(?:das|den|die))\s+(?:neuen\s+)?«U")
AUXILIARY = re.compile(r"\b(?:wird|werden|wurde|wurden|soll|sollen)\b")
UNIT_NEXT = re.compile(r"(?:de[mnrs]\s+|die\s+|das\s+|ein\w*\s+)?«U")


def _verb_ends_clause(clause: str, verb_end: int, join: int) -> bool:
    """``X wird aufgelöst und das Y gegründet``: a participle right before ``und`` closes its clause, so
    a unit after ``und`` is the next clause's subject, not a second unit of the first."""
    return join == verb_end and re.search(r"(?:t|en)$", clause[:verb_end]) is not None


def _in_quotes(text: str, at: int) -> bool:
    """``„Muster und Probe“``: an ``und`` inside a quoted name joins no clauses."""
    return text.count("„", 0, at) > text.count("“", 0, at) + text.count("”", 0, at)


# "X ging im Y auf, das nun ins Z integriert wird": a relative clause on a unit that states its own change
_APPOSITION = r"(?:\s+[\"„][^\"“”«]{1,80}[\"“”])?"  # a quoted designation after the unit
# "geht im X auf, das ...", "dem X zugeordnet, der ...": a verb's particle or a participle before the comma
_PARTICLE = r"(?:\s+(?:auf|an|ein|aus|zu|um|hervor|zusammen|[a-zäöüß]+(?:t|en)))?"
_WORDS = r"(?:[^,;«„“\"]|„[^“”]*[“”]|\"[^\"]*\")*?"  # words, a quoted name with its commas
RELATIVE_CHANGE = re.compile(
    r"«U(?P<u>\d+)»[“”\"]?" + _APPOSITION + _PARTICLE + r"(?P<comma>,\s+(?:der|die|das|welche[rs]?"
    # round 13: a preposition or a dative before the pronoun ("X, in das auch Y integriert wird", "dem ...")
    r"|(?P<prep>in|zu|an|bei|unter)\s+(?P<case>de[mnr]|das|die)|(?P<dative>dem))\s+"
    r"(?P<body>"
    + _WORDS
    + r"(?:«U\d+»"
    + _WORDS
    + r"){0,2}\b(?:wird|werden|wurde|wurden|ist|sind|soll|sollen"
    r"|hei(?:ß|ss)t|hei(?:ß|ss)en|firmiert)))(?=\s*(?:[,;.]|$))"
)
# the preposition and the article merged as the readers' role cues know them ("in dem" -> "im")
MERGED = {("in", "dem"): "im", ("in", "das"): "ins", ("zu", "dem"): "zum", ("zu", "der"): "zur",
          ("an", "dem"): "am", ("bei", "dem"): "beim"}  # fmt: skip


def _relative_change(clause: str) -> list[str] | None:
    """The main clause and the relative clause as two, when the relative clause states a change."""
    m = RELATIVE_CHANGE.search(clause)
    if not m:
        return None
    main = clause[: m.start("comma")] + clause[m.end("comma") :]
    governed = m["prep"] and MERGED.get((m["prep"], m["case"]), f"{m['prep']} {m['case']}")
    relative = f"{governed or m['dative'] or ''} «U{m['u']}» {m['body']}".lstrip()
    if not any(TRIGGERS[name].search(relative) for name in ORDER):
        return None
    if not governed and not m["dative"] and _founded_and_placed(main, m["u"], relative):
        return [main]
    return [main, relative]


# "eine Stabsstelle X entstehen, die direkt dem Bürgermeister unterstellt wird": where a new unit is placed
# belongs to its founding, no move of its own
PLACED = re.compile(r"\b(?:unterstellt|zugeordnet|angegliedert|zugeteilt|angesiedelt)\b")


def _founded_and_placed(main: str, unit: str, relative: str) -> bool:
    """The main clause founds the unit (``eine neue X``, ``X entsteht``) and the relative clause places it."""
    if not PLACED.search(relative) or any(
        TRIGGERS[name].search(relative) for name in ORDER if name not in ("relocation", "transfer")
    ):
        return False
    new_before = re.search(r"\b(?:neue[nmrs]?|ein|eine|einen|einer)\s+[„\"]?«U" + unit + "»", main)
    return bool(new_before and TRIGGERS["founding"].search(main))


# "X wird aus dem Y herausgelöst und künftig dem Z zugeordnet", "X wurde ... abgezogen und der Z
# eingegliedert": taken out of one unit and placed under another, X moves (a Relocation), no spin-off
MOVED_OUT_AND_IN = re.compile(
    r"(?:\s+(?:aus|von)\s+(?:de[mr]\s+)?«U\d+»(?:\s+[\w.]+){0,2}?)?\s+"
    r"(?:herausgelöst|herausgenommen|ausgegliedert|abgezogen|abgelöst)\s+und"
    r"(?=\s+(?:[\w.]+\s+){0,3}?(?:dem|der)\s+«U\d+»\s+(?:[\w.]+\s+){0,3}?"
    r"(?:zugeordnet|unterstellt|angegliedert|zugeteilt|eingegliedert|zugeschlagen)\b)"
)


def moved_out_and_in(clause: str) -> str:
    """The clause without the unit it leaves (``aus dem Y herausgelöst und``), when it states that a unit is
    taken out of one unit and placed under another: a move, read by the relocation reader."""
    m = MOVED_OUT_AND_IN.search(clause)
    return clause[: m.start()] + clause[m.end() :] if m else clause


def two_changes(clause: str) -> list[str]:
    """``X wurde aufgelöst und an Y übertragen``, ``X wird aufgelöst und Y gegründet``: a clause with
    changes of two types joined by ``und`` is read as two clauses; the second without a unit of its own
    before its verb gets the first one's subject."""
    if IGNORE.search(clause):
        return [clause]
    clause = moved_out_and_in(clause)
    relative = _relative_change(clause)
    if relative:
        return [*two_changes(relative[0]), *relative[1:]]
    hits = sorted(
        (m.start(), m.end(), name)
        for name in ORDER
        if name != "restructuring"  # "ausgegliedert und als X neu aufgestellt": one change
        and (m := slot_trigger(name, clause))
        and m.end() - m.start() < 80
    )
    if len(hits) < 2 or hits[0][2] == hits[-1][2]:
        return [clause]
    first_end, second_at = hits[0][1], next(at for at, _, name in hits if name != hits[0][2])
    joins = [
        m
        for m in AND_SPLIT.finditer(clause)
        if first_end <= m.start() < second_at
        and (
            not UNIT_NEXT.match(clause, m.end())
            or _verb_ends_clause(clause, first_end, m.start())
            or m.group().startswith(",")
            and "und" not in m.group()
        )
        and not _in_quotes(clause, m.start())
    ]
    if not joins:
        return [clause]
    cut = joins[-1]
    head, tail = clause[: cut.start()], clause[cut.end() :]
    subject = None if CONNECTIVE.match(tail) else PLACEHOLDER.search(head)  # "zudem wird X": its own subject
    if subject and (
        not PLACEHOLDER.search(tail[: max(0, second_at - cut.end())]) or OBJECT_FIRST.match(tail)
    ):
        auxiliary = AUXILIARY.search(
            head
        )  # "X wird ... herausgelöst und dem Y zugeordnet": X wird zugeordnet
        tail = f"{subject.group()} {auxiliary.group() + ' ' if auxiliary else ''}{tail}"
    return [head, *two_changes(tail)]  # "X wird aufgelöst, Y umbenannt und Z gegründet"


def _also_founded(p: list[Slot], text: str, trigger: re.Match, found: list[Found]) -> list[Found]:
    """A founding verb besides the main change, for a unit the change results in."""
    results = [i for f in found for i in f.resulting]
    # "wechselt in das neu zu bildende X": the new parent of a move is a result too
    results += [f.new_parent for f in found if f.new_parent is not None]
    fresh = [s for s in p if s.index in results and "new" in s.cues]
    if fresh:  # "in einem neu zu gründenden Beispielamt zusammengefasst": a merger and a founding
        return [
            Found("founding", resulting=[s.index], explicit=bool(FOUNDED_BEFORE.search(text[: s.start])))
            for s in fresh
        ]
    verb = FOUNDING_VERB.search(text, trigger.end())
    if not verb:
        return []
    new = [s for s in p if s.index in results and s.start < verb.start()]
    return [Found("founding", resulting=[new[-1].index], explicit=True)] if new else []


# "neu zu gründend", "neu geschaffen": the participle of a verb of founding, not the adjective "neu"
FOUNDED_BEFORE = re.compile(
    r"\bneu\s+(?:zu\s+)?(?:gründend|gegründet|geschaffen|schaffend|eingerichtet|bildend|gebildet)\w*\s+$"
)


_ROLES = {
    "renaming": event_roles.renaming, "founding": event_roles.founding,
    "restructuring": event_roles.restructuring, "spinoff": event_roles.spinoff, "merger": event_roles.merger,
    "split": event_roles.split, "absorption": event_roles.absorption, "dissolution": event_roles.dissolution,
    "relocation": event_moves.relocation, "transfer": event_moves.transfer,
}  # fmt: skip


def _date(found: Found, text: str, dates: list[DateMatch], published: DateValue | None) -> None:
    for match in dates:
        cue = cue_before(text, match)
        if cue == "announced":
            found.announced = found.announced or match.value
            continue
        since = cue == "effective" and SINCE.search(text[max(0, match.start - 12) : match.start])
        rank = (
            (3 if cue == "effective" else 2)
            - (1.5 if since and found.event_type != "founding" else 0)  # "die seit 1911 zuständige Behörde"
            - (1 if match.relative else 0)
            - (1 if match.value.approximate else 0)
            + 0.1 * (len(match.value.value) == 10)
            + 0.05 * (len(match.value.value) == 7)  # "per 1. Oktober" over "seit 1911"
        )
        if rank > found.date_rank:
            found.date, found.date_rank = match.value, rank
    found.planned = bool(PLANNED.search(text)) or bool(
        published and found.date and found.date.value > published.value[: len(found.date.value)]
    )
