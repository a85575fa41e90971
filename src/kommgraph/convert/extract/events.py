"""Change events in one sentence: which type, which units are original and which resulting.

Patterns (``patterns/events.toml``) run on the sentence with its unit mentions replaced by
placeholders ``«U0»``. The type comes from trigger words; the direction from the words right before
each placeholder (``zum``, ``in``, ``aus dem``, ``neue`` ...), so that word order may vary.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kommgraph.convert.extract.dates import DateMatch, cue_before
from kommgraph.convert.extract.firstnames import person_named_before
from kommgraph.convert.extract.model import DateValue
from kommgraph.convert.extract.patterns import any_of, compiled, load

_DATA = load("events")
ORDER: list[str] = _DATA["order"]
TRIGGERS = {name: any_of(patterns) for name, patterns in _DATA["triggers"].items()}
IGNORE = any_of(_DATA["ignore"]["sentence"])
ROLE = {name: any_of(patterns, re.IGNORECASE) for name, patterns in _DATA["roles"].items()}
TRANSFER_NOT = compiled(_DATA["transfer"]["not_if"])
REFERENCE = any_of(_DATA["reference"]["sentence"])
COORDINATED = re.compile(
    r"^\s*(?:,|und|sowie|oder)\s+(?:de[mnrs]\s+|die\s+|das\s+|ein(?:e[mnrs]?)?\s+)?(?:(?:neue|eigene|weitere|zweite)[nsmr]?\s+)?$"
)
RELOCATION_CHANGE = any_of(_DATA["relocation"]["change"])
PLANNED = any_of(_DATA["planned"]["cues"])
FUNCTION_SUBJECT = compiled(_DATA["functions"]["subject"])
FUNCTION_DROP = [compiled(p) for p in _DATA["functions"]["drop_prefix"]]
NOT_FUNCTION = any_of(_DATA["functions"]["not_functions"])
PLACEHOLDER = re.compile(r"«U(\d+)»")
# "im Verantwortungsbereich des «U0»": a unit named as the owner of a noun is not what is founded
GENITIVE_OF_NOUN = re.compile(r"\b[a-zäöüß]*[A-Za-zäöüß]+\s+(?:des|der)\s+[\"„“]?$")
PART_OF = compiled(_DATA["absorption"]["part_of"])
EXTENDED_BY = compiled(_DATA["absorption"]["extended_by"])
INTO_CONTEXT = compiled(_DATA["absorption"]["into_context"])
PRONOUN_SUBJECT = compiled(_DATA["transfer"]["pronoun_subject"])
FOUNDING_VERB = compiled(_DATA["founding"]["verb"])
EVENT_CLASS = {
    "spinoff": "SpinOff", "merger": "Merger", "split": "Split", "absorption": "Absorption",
    "dissolution": "Dissolution", "renaming": "Renaming", "relocation": "Relocation",
    "transfer": "TransferOfFunctions", "founding": "Founding", "restructuring": "ChangeEvent",
}  # fmt: skip


@dataclass
class Slot:
    index: int  # placeholder number
    start: int
    end: int
    cues: set[str] = field(default_factory=set)


@dataclass
class Found:
    """An event as a sentence states it; units as placeholder indexes."""

    event_type: str
    original: list[int] = field(default_factory=list)
    resulting: list[int] = field(default_factory=list)
    spun_off_from: int | None = None
    new_parent: int | None = None
    new_name: str | None = None  # a resulting name without a unit head ("heißt künftig Wien Digital")
    functions: list[str] = field(default_factory=list)
    date: DateValue | None = None
    date_rank: float = -1
    announced: DateValue | None = None
    planned: bool = False
    nominal: bool = False  # only a noun of change, no units: refers to an event named before
    result_from_context: bool = False  # "Es übernimmt ...": the resulting unit is the one spoken of


def slots(text: str, usable: set[int]) -> list[Slot]:
    """Placeholders of resolved units with the cues of the words before each."""
    result: list[Slot] = []
    head: Slot | None = None  # the last slot that is no genitive attribute of the one before
    previous_end = 0
    for m in PLACEHOLDER.finditer(text):
        index = int(m.group(1))
        before = text[previous_end : m.start()]
        previous_end = m.end()
        if index not in usable:
            continue
        slot = Slot(index, m.start(), m.end())
        for name, pattern in ROLE.items():
            if pattern.search(before):
                slot.cues.add(name)
        if result and result[-1].end == m.start() - len(before) and COORDINATED.match(before) and head:
            own_new = "new" in slot.cues  # "das bisherige X sowie ein neues Y": Y is new, not former
            slot.cues = set(head.cues)  # "in das Jugendamt und das Standesamt": both targets
            if own_new:
                slot.cues = (slot.cues - {"from"}) | {"new"}
        if (
            result
            and result[-1].end == m.start() - len(before)
            and ROLE["genitive"].search(before)
            and len(before) < 6
        ):
            slot.cues.add("of_previous")
        if "of_previous" not in slot.cues:
            head = slot
        result.append(slot)
    return result


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
    all_slots = slots(text, usable)
    participants = [s for s in all_slots if "of_previous" not in s.cues]
    for name in ORDER:
        trigger = TRIGGERS[name].search(text)
        if not trigger:
            continue
        result = _ROLES[name](participants, trigger, text)
        if not result:
            continue
        found = result if isinstance(result, list) else [result]
        if name not in ("founding", "renaming"):
            found += _also_founded(participants, text, trigger, found)
        for event in found:
            _date(event, text, dates, published)
        return found
    if not participants and dates and REFERENCE.search(text):
        found = Found("reference", nominal=True)
        _date(found, text, dates, published)
        return [found]
    return []


SINCE = re.compile(r"\bseit(?:\s+de[mn])?\s*$", re.IGNORECASE)
AND_SPLIT = re.compile(r",?\s+und\s+")
UNIT_NEXT = re.compile(r"(?:de[mnrs]\s+|die\s+|das\s+|ein\w*\s+)?«U")


def _verb_ends_clause(clause: str, verb_end: int, join: int) -> bool:
    """``X wird aufgelöst und das Y gegründet``: a participle right before ``und`` closes its clause, so
    a unit after ``und`` is the next clause's subject, not a second unit of the first."""
    return join == verb_end and re.search(r"(?:t|en)$", clause[:verb_end]) is not None


def two_changes(clause: str) -> list[str]:
    """``X wurde aufgelöst und an Y übertragen``, ``X wird aufgelöst und Y gegründet``: a clause with
    changes of two types joined by ``und`` is read as two clauses; the second without a unit of its own
    before its verb gets the first one's subject."""
    if IGNORE.search(clause):
        return [clause]
    hits = sorted(
        (m.start(), m.end(), name)
        for name in ORDER
        if name != "restructuring"  # "ausgegliedert und als X neu aufgestellt": one change
        and (m := TRIGGERS[name].search(clause))
        and m.end() - m.start() < 40
    )
    if len(hits) < 2 or hits[0][2] == hits[-1][2]:
        return [clause]
    first_end, second_at = hits[0][1], next(at for at, _, name in hits if name != hits[0][2])
    joins = [
        m
        for m in AND_SPLIT.finditer(clause)
        if first_end <= m.start() < second_at
        and (not UNIT_NEXT.match(clause, m.end()) or _verb_ends_clause(clause, first_end, m.start()))
    ]
    if not joins:
        return [clause]
    cut = joins[-1]
    head, tail = clause[: cut.start()], clause[cut.end() :]
    subject = PLACEHOLDER.search(head)
    if subject and not PLACEHOLDER.search(tail[: max(0, second_at - cut.end())]):
        tail = f"{subject.group()} {tail}"
    return [head, tail]


def _also_founded(p: list[Slot], text: str, trigger: re.Match, found: list[Found]) -> list[Found]:
    """A founding verb besides the main change, for a unit the change results in."""
    results = [i for f in found for i in f.resulting]
    fresh = [s for s in p if s.index in results and "new" in s.cues]
    if fresh:  # "in einem neu zu gründenden Bürgeramt zusammengefasst": a merger and a founding
        return [Found("founding", resulting=[s.index]) for s in fresh]
    verb = FOUNDING_VERB.search(text, trigger.end())
    if not verb:
        return []
    new = [s for s in p if s.index in results and s.start < verb.start()]
    return [Found("founding", resulting=[new[-1].index])] if new else []


NEW_NAME = re.compile(
    r"\s+(?:(?:künftig|zukünftig|nun|jetzt|fortan|ab\s+sofort|seit|ab|mit|zum|am)\s+(?:de[mn]\s+)?"
    r"(?:\d{1,2}\.\s*(?:\w+|\d{1,2}\.)\s*\d{0,4}|\w+\s+\d{4}|\d{4})?\s*)*[\"„“]?"
    r"(?P<n>[A-ZÄÖÜ][\w-]*(?:\s+(?:für|und|\d+|[A-ZÄÖÜ][\w-]*)){0,5})[\"“”]?\s*(?:[.,;]|$)"
)


def _plain(s: Slot) -> bool:
    return not s.cues & {"to", "from", "parent", "new"}


FROM_BECOMES = re.compile(
    r"\b[Aa]us\s+(?:de[mr]\s+)?(?:bisherigen\s+)?«U(?P<a>\d+)»\s+(?:wird|werden|wurde)?\s*(?:[\w.]+\s+){0,3}?"
    r"(?:de[mr]\s+|das\s+|die\s+)?«U(?P<b>\d+)»"
)


def _renaming(p: list[Slot], trigger: re.Match, text: str) -> Found | list[Found] | None:
    usable = {s.index for s in p}
    pairs = [(int(m["a"]), int(m["b"])) for m in FROM_BECOMES.finditer(text)]
    pairs = [(a, b) for a, b in pairs if a in usable and b in usable and a != b]
    if len(pairs) > 1:  # "Aus dem Departement A wird das Departement B, und aus dem C das D"
        return [Found("renaming", original=[a], resulting=[b]) for a, b in pairs]
    heisst = re.search(r"\bhei(?:ß|ss)(?:t|en)\b|\bNamen\b|\bfirmiert\b|\bnennt\s+sich\b", text)
    if len(p) == 1 and heisst and p[0].start < heisst.start():
        name = NEW_NAME.search(text, heisst.end())
        if name and not PLACEHOLDER.search(name.group("n")):
            return Found("renaming", original=[p[0].index], new_name=name.group("n").strip())
    if len(p) == 1 and "to" in p[0].cues and "from" not in p[0].cues:
        return Found("renaming", resulting=[p[0].index])  # "wird sie in X umbenannt": original from context
    if len(p) < 2:
        return Found("renaming", nominal=True) if len(p) == 0 else None
    to = [s for s in p if "to" in s.cues and "from" not in s.cues]
    if heisst:
        after = [s for s in p if s.start > heisst.start()]
        to = after[-1:] or to
    target = to[-1] if to else p[1]
    others = [s for s in p if s is not target]
    source = (
        [s for s in others if "from" in s.cues] or [s for s in others if s.start < target.start] or others
    )
    return Found("renaming", original=[source[0].index], resulting=[target.index])


def _founding(p: list[Slot], trigger: re.Match, text: str) -> Found | None:
    named = PLACEHOLDER.search(trigger.group())
    if named:  # "das neu zu bildende «U3»": that unit, or none when it was not resolved
        p = [s for s in p if s.start >= trigger.start() + named.start()]
        if not p or p[0].index != int(named.group(1)):
            return None
    new = [s for s in p if "new" in s.cues]
    results = new or [
        s
        for s in p
        if not s.cues & {"from", "parent", "with"}
        and s.start >= trigger.start() - 60
        and not GENITIVE_OF_NOUN.search(text[: s.start])
    ]
    if not results:
        return None
    parents = [s for s in p if "parent" in s.cues and s not in results]
    together = [results[0]]  # "neue Abteilungen X, Y und Z", "Neu gibt es X sowie Y": one founding each
    for s in results[1:]:
        if not COORDINATED.match(text[together[-1].end : s.start]):
            break
        together.append(s)
    found = [Found("founding", resulting=[s.index]) for s in together]
    if parents:
        for f in found:
            f.new_parent = parents[0].index
    return found if len(found) > 1 else found[0]


def _spinoff(p: list[Slot], trigger: re.Match, text: str) -> Found | None:
    source = [s for s in p if "from" in s.cues]
    parts = [s for s in p if _plain(s) and s.start < trigger.start()]
    results = [s for s in p if s.cues & {"to", "new"} and s.start > trigger.start() and s not in source]
    if not source and not parts:
        return None
    found = Found("spinoff", original=[s.index for s in parts[:1]], resulting=[s.index for s in results])
    found.spun_off_from = source[0].index if source else None
    return found


def _merger(p: list[Slot], trigger: re.Match, text: str) -> Found | None:
    into = INTO_CONTEXT.match(trigger.group())
    if into and not into["u"]:  # "In ihm gehen X und Y auf"
        inner = [s.index for s in p if s.start > trigger.start() + into.end()]
        return Found("merger", original=inner, result_from_context=True) if len(inner) > 1 else None
    results = [s for s in p if s.cues & {"to", "new"} and "from" not in s.cues]
    if not results and trigger.group().startswith(("bilden", "gemeinsam")) and len(p) > 2:
        results = p[-1:]  # "Künftig bilden X und Y gemeinsam das Z": the object is what they form
    originals = [s for s in p if s not in results]
    if any("from" in s.cues for s in p) and not results:
        results = [s for s in p if "from" not in s.cues][-1:]
        originals = [s for s in p if s not in results]
    if len(originals) < 2 and not (originals and results):
        return None
    return Found("merger", original=[s.index for s in originals], resulting=[s.index for s in results[-1:]])


def _split(p: list[Slot], trigger: re.Match, text: str) -> Found | None:
    results = [s for s in p if s.cues & {"to", "new"} and "from" not in s.cues]
    originals = [s for s in p if s not in results]
    if not results:
        originals, results = p[:1], p[1:]
    if len(p) == 1 and originals:  # "das Amt X aufzuteilen": the parts are named elsewhere
        return Found("split", original=[originals[0].index])
    if not originals or not results:
        return None
    return Found("split", original=[originals[0].index], resulting=[s.index for s in results])


TASKS = re.compile(r"\b(?:Aufgaben?|Zuständigkeit(?:en)?|Leistungen|Tätigkeiten|Funktionen)\b")


def _absorption(p: list[Slot], trigger: re.Match, text: str) -> Found | None:
    extended = EXTENDED_BY.search(text)
    if extended:  # "Die Sozialdirektion wird um den Bereich Sicherheit erweitert"
        return Found("absorption", original=[int(extended["b"])], resulting=[int(extended["a"])])
    part = PART_OF.search(text)
    if part:  # "Die Stabsstelle X wird Teil des Referats Y"
        return Found("absorption", original=[int(part["a"])], resulting=[int(part["b"])])
    into = INTO_CONTEXT.match(trigger.group())
    if into:  # "In ihm geht die Abteilung X auf": the unit spoken of takes it in
        inner = [s for s in p if s.start > trigger.start() + into.end()]
        if not inner:
            return None
        if into["u"]:
            return Found("absorption", original=[inner[0].index], resulting=[int(into["u"])])
        return Found("absorption", original=[inner[0].index], result_from_context=True)
    takes = re.match(r"übernimmt", trigger.group())
    if takes and TASKS.search(trigger.group()):  # "übernimmt die Aufgaben des X": a transfer of functions
        return None
    if takes:
        subject = [s for s in p if s.start < trigger.start()]
        objects = [s for s in p if s.start > trigger.start()]
        if subject and objects:
            return Found("absorption", original=[objects[0].index], resulting=[subject[0].index])
        return None
    results = [s for s in p if "to" in s.cues and "from" not in s.cues]
    originals = [s for s in p if s not in results and "parent" not in s.cues]
    if not results or not originals:
        return None
    return Found("absorption", original=[originals[0].index], resulting=[results[-1].index])


# "die Zuordnung des früheren «U0» zum «U1» wird aufgehoben": what ends is the action, not the unit
OF_ACTION_NOUN = re.compile(
    r"\b[A-ZÄÖÜ][a-zäöüß]+(?:ung|ion|nahme)\s+(?:des|der)\s+(?:[a-zäöüß]+e[nrs]?\s+)?[\"„“]?$"
)


def _dissolution(p: list[Slot], trigger: re.Match, text: str) -> Found | None:
    before = [
        s
        for s in p
        if s.start < trigger.start()
        and not s.cues & {"to", "parent"}
        and not OF_ACTION_NOUN.search(text[: s.start])
    ]
    after = [s for s in p if s.start > trigger.start() and "of_previous" not in s.cues]
    nominal = re.match(r"Auflösung|Abschaffung", trigger.group())
    units = (after[:1] if nominal and after else before[:1]) or after[:1]
    if not units:
        return None
    return Found("dissolution", original=[units[0].index])


def _relocation(p: list[Slot], trigger: re.Match, text: str) -> Found | None:
    if not RELOCATION_CHANGE.search(text) or _person_moves(p, trigger, text):
        return None
    movers = [s for s in p if _plain(s) and s.start < trigger.start()]
    targets = [s for s in p if s not in movers and not s.cues & {"from"}]
    dative = re.search(
        r"\b(?:dem|der)\s+«U(\d+)»\s+(?:\w+\s+){0,4}(?:unterstellt|unterstellen|zugeordnet|zuzuordnen|zuordnen"
        r"|angegliedert|anzugliedern|angliedern|zugeschlagen)",
        text,
    )
    if dative:
        targets = [s for s in p if s.index == int(dative.group(1))] or targets
    if not movers:  # verb second: "Zugleich wechselt die Abteilung X vom ... in den ..."
        movers = [s for s in p if _plain(s) and trigger.end() <= s.start <= trigger.end() + 12]
    if not movers or movers[0].start > 40:
        return None
    targets = [s for s in targets if s is not movers[0]]
    together = [movers[0]]  # "Das Amt X und das Bürgerbüro wechseln ...": each one moves
    for s in movers[1:]:
        between = text[together[-1].end : s.start]
        if not COORDINATED.match(between):
            break
        together.append(s)
    if not targets:  # "wechselt ... in das Dezernat des Oberbürgermeisters": a parent that is no named unit
        if not re.search(r"\b(?:in\s+(?:das|den|die)|ins|zu[mr]\s+(?!\d))", text[trigger.start() :]):
            return None
        return [Found("relocation", original=[m.index], resulting=[m.index]) for m in together]
    found = []
    for mover in together:
        if mover.index == targets[-1].index:
            continue
        event = Found("relocation", original=[mover.index], resulting=[mover.index])
        event.new_parent = targets[-1].index
        found.append(event)
    return found or None


def _person_moves(p: list[Slot], trigger: re.Match, text: str) -> bool:
    """``Udo Huber, der in die Landesamtsdirektion wechselt``, ``Anna Berger soll das Bauamt übernehmen``:
    a person named before the verb and before any unit is who moves, not a unit or its tasks."""
    return person_named_before(text, min([s.start for s in p] + [trigger.start()]))


def _transfer(p: list[Slot], trigger: re.Match, text: str) -> Found | None:
    if TRANSFER_NOT.search(text) or _person_moves(p, trigger, text):
        return None
    takes = re.match(r"übernimmt|übernehmen|übernommen", trigger.group())
    if takes:  # "Das Standesamt übernimmt ..." or, inverted, "Ihre Aufgaben übernimmt das Bauamt"
        to = [s for s in p if s.start < trigger.start() and not s.cues & {"from", "parent", "to"}] or [
            s for s in p if s.start > trigger.start() and _plain(s)
        ][:1]
    else:
        plain = [s for s in p if _plain(s) and not (s is p[0] and s.start < min(trigger.start(), 40))]
        to = [s for s in p if "to" in s.cues and "from" not in s.cues] or plain[-1:]
    source = [s for s in p if "from" in s.cues and s not in to]
    inside = re.search(r"\bin\s+de[rm]\s+«U(\d+)»\s+(?:bisher|bislang)", text)
    if not to and takes and PRONOUN_SUBJECT.match(text):  # "Es übernimmt die Aufgaben der Abteilung X"
        found = Found("transfer", functions=_functions(text), result_from_context=True)
        found.original = [s.index for s in p if s.start > trigger.start() and "parent" not in s.cues][:1]
        return found if found.original else None
    if not to:
        return None
    found = Found("transfer", resulting=[to[-1].index], functions=_functions(text))
    if source:
        found.original = [source[0].index]
    elif inside and int(inside.group(1)) != to[-1].index:
        found.original = [int(inside.group(1))]
    return found


def _functions(text: str) -> list[str]:
    """What a transfer moves: a parenthesised list, else the subject (``Der Ansprechpartner X``)."""
    paren = re.search(r"\(([^()«]{5,200})\)", text)
    if paren:
        return [p.strip() for p in re.split(r",|\bsowie\b|;", paren.group(1)) if len(p.strip()) > 2]
    clause = re.split(r",\s*(?:dass|so\s+dass|sodass)\s+", text)[-1]
    m = FUNCTION_SUBJECT.search(clause) or re.search(
        r"^(?:(?:die|der|das)\s+)?(?P<f>[^«,;]{3,80}?)\s+(?:in|an|auf|zu[mr]|ins)\s+", clause
    )
    if not m:
        return []
    function = m.group("f")
    for pattern in FUNCTION_DROP:
        function = pattern.sub("", function)
    function = function.strip(" ,")
    if NOT_FUNCTION.search(function) or len(function.split()) > 8:
        return []
    return [function]


def _restructuring(p: list[Slot], trigger: re.Match, text: str) -> Found | list[Found] | None:
    """``Das Amt X wird neu strukturiert``, ``die Neuordnung des X``: the first unit named goes on."""
    units = [s for s in p if not s.cues & {"parent", "from", "to"}]
    if not units:
        return None
    return [Found("restructuring", original=[s.index], resulting=[s.index]) for s in units[:1]]


_ROLES = {
    "renaming": _renaming, "founding": _founding, "restructuring": _restructuring, "spinoff": _spinoff,
    "merger": _merger, "split": _split, "absorption": _absorption, "dissolution": _dissolution,
    "relocation": _relocation, "transfer": _transfer,
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
            - (1.5 if since and found.event_type != "founding" else 0)  # "die seit 1920 zuständige Behörde"
            - (1 if match.relative else 0)
            - (1 if match.value.approximate else 0)
            + 0.1 * (len(match.value.value) == 10)
            + 0.05 * (len(match.value.value) == 7)  # "per 1. Februar" over "seit 1920"
        )
        if rank > found.date_rank:
            found.date, found.date_rank = match.value, rank
    found.planned = bool(PLANNED.search(text)) or bool(
        published and found.date and found.date.value > published.value[: len(found.date.value)]
    )
