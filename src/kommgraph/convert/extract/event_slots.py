"""What event rules read in a sentence: the pattern data, unit placeholders with their role cues.

Patterns (``patterns/events.toml``) run on the sentence with its unit mentions replaced by
placeholders ``«U0»``. The direction of a change comes from the words right before each placeholder
(``zum``, ``in``, ``aus dem``, ``neue`` ...), so that word order may vary.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

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
    r"^[“”\"«»]?\s*(?:,|und|sowie|oder)\s+(?:de[mnrs]\s+|die\s+|das\s+|ein(?:e[mnrs]?)?\s+)?"
    r"(?:(?:neue|eigene|weitere|zweite)[nsmr]?\s+)?[„\"«»]?$"  # a quoted name: "„A“ und „B“"
)
TEMPORARY_CLOSING = compiled(_DATA["dissolution"]["temporary"])
RELOCATION_CHANGE = any_of(_DATA["relocation"]["change"])
MEMBERSHIP_CHANGE = compiled(_DATA["relocation"]["membership_change"])
PLANNED = any_of(_DATA["planned"]["cues"])
NOT_WORD = compiled(_DATA["negated"]["not_word"])
KEIN = compiled(_DATA["negated"]["kein_before"])
KEIN_UNIT = compiled(_DATA["negated"]["kein_unit"])
NOUN_DENIED = compiled(_DATA["negated"]["noun_denied"])
SPECULATIVE = compiled(_DATA["negated"]["speculative"])
DECIDED = compiled(_DATA["negated"]["decided"])
FUNCTION_SUBJECT = compiled(_DATA["functions"]["subject"])
FUNCTION_DROP = [compiled(p) for p in _DATA["functions"]["drop_prefix"]]
NOT_FUNCTION = any_of(_DATA["functions"]["not_functions"])
NEW_ADJECTIVE = re.compile(r"\b(?:[Nn]eue[nsmr]?|[Nn]eu\s+(?:zu\s+)?\w+e[nsmr]?)\s+[\"„“]?$")
OWN_ARTICLE = re.compile(r"\b(?:der|die|das|dem|den|des)\s+$")
PLACEHOLDER = re.compile(r"«U(\d+)»")
# "im Verantwortungsbereich des «U0»": a unit named as the owner of a noun is not what is founded; after a
# verb or an adverb ("wird der «U0» eingerichtet", "ist bereits der «U0» gegründet") "der" is a nominative
GENITIVE_OF_NOUN = re.compile(r"\b[A-ZÄÖÜ][a-zäöüß]+\s+(?:des|der)\s+[\"„“]?$|\bdes\s+[\"„“]?$")
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


_TRIGGER_HITS: dict[str, dict[str, re.Match[str] | None]] = {}


def trigger(name: str, text: str) -> re.Match[str] | None:
    """``TRIGGERS[name].search(text)``, remembered for the last few texts: a clause is searched for the
    same trigger words when it is split (``two_changes``), read for a topic and read for its events."""
    hits = _TRIGGER_HITS.get(text)
    if hits is None:
        if len(_TRIGGER_HITS) >= 32:
            _TRIGGER_HITS.clear()
        hits = _TRIGGER_HITS[text] = {}
    if name not in hits:
        hits[name] = TRIGGERS[name].search(text)
    return hits[name]


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
    new_name: str | None = None  # a resulting name without a unit head ("heißt künftig Musterstadt Digital")
    head_slot: int | None = None  # the unit whose head word completes new_name ("Dezernat" + "Bauen")
    functions: list[str] = field(default_factory=list)
    date: DateValue | None = None
    date_rank: float = -1
    announced: DateValue | None = None
    planned: bool = False
    nominal: bool = False  # only a noun of change, no units: refers to an event named before
    result_from_context: bool = False  # "Es übernimmt ...": the resulting unit is the one spoken of
    explicit: bool = False  # a founding said by a verb of founding ("neu zu gründend"), not only by "neu"


# "ein neues Amt, ein „X“", "eine neue Stelle, die Fachstelle X": an apposition to a new noun
NEW_APPOSITION = re.compile(
    r"\b(?:ein|eine|einen)\s+neue[nsr]?\s+(?:[A-ZÄÖÜ][a-zäöüß]+|«U\d+»),\s+(?:ein|eine|einen|de[nr]|die|das)\s+[\"„“]?$"
)


def slots(text: str, usable: set[int]) -> list[Slot]:
    """Placeholders of resolved units with the cues of the words before each."""
    result: list[Slot] = []
    head: Slot | None = None  # the last slot that is no genitive attribute of the one before
    head_adjective = False  # the head is new by an adjective of its own ("das neu zu bildende X")
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
        if before.startswith(",") and NEW_APPOSITION.search(text, max(0, m.start() - 90), m.start()):
            slot.cues.add("new")  # "ein neues Amt, ein „X“": the apposition names the new unit
        if result and result[-1].end == m.start() - len(before) and COORDINATED.match(before) and head:
            own_new = "new" in slot.cues  # "das bisherige X sowie ein neues Y": Y is new, not former
            slot.cues = set(head.cues)  # "in das Jugendamt und das Standesamt": both targets
            if own_new:
                slot.cues = (slot.cues - {"from"}) | {"new"}
            elif head_adjective and OWN_ARTICLE.search(before):  # "das neue X und das Y": X's alone
                slot.cues.discard("new")
        if (
            result
            and result[-1].end == m.start() - len(before)
            and ROLE["genitive"].search(before)
            and len(before) < 6
        ):
            slot.cues.add("of_previous")
        if "of_previous" not in slot.cues and not (head and COORDINATED.match(before)):
            head, head_adjective = slot, bool(NEW_ADJECTIVE.search(before))
        elif "of_previous" not in slot.cues:
            head = slot
        result.append(slot)
    return result


def is_plain(s: Slot) -> bool:
    return not s.cues & {"to", "from", "parent", "new"}
