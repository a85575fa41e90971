"""Who is original and who is resulting when units move (relocation) or tasks move (transfer)."""

from __future__ import annotations

import re

from kommgraph.convert.extract import event_portfolio
from kommgraph.convert.extract.event_slots import (
    COORDINATED,
    FUNCTION_DROP,
    FUNCTION_SUBJECT,
    MEMBERSHIP_CHANGE,
    NOT_FUNCTION,
    PRONOUN_SUBJECT,
    RELOCATION_CHANGE,
    TRANSFER_NOT,
    Found,
    Slot,
    is_plain,
)
from kommgraph.convert.extract.firstnames import person_named_before

STAYS = re.compile(r"\b(?:bleibt|bleiben|verbleibt|verbleiben)\b")  # "bleibt ... zugeordnet": no move
STAFF_OF = re.compile(r"\b(?:Mitarbeit|Beschäftigt|Angestellt|Bedienstet)\w*\s+(?:des|der)\s+$")


# "Angegliedert werden zudem die X und der Y": the participle first, the units after its auxiliary
VERB_FIRST_GAP = re.compile(
    r"^\s+(?:(?:wird|werden|wurde|wurden|soll|sollen|zudem|auch|außerdem|ebenfalls|künftig|nun|dann|ferner)\s+){0,3}"
    r"(?:(?:vo[nm]|aus)\s+[^«]{0,40})?(?:de[mnrs]|die|das)?\s*$"
)


DATIVE_BEFORE = re.compile(r"\bdem\s+$")
AUXILIARY_BEFORE = re.compile(r"\b(?:wird|werden|wurde|wurden)\b")
PLACED_IN = re.compile(r"\b(?:in|bei)\s+de[mr]\s+$")
# participles that place a unit under another by themselves (the parent may be named in the sentence before)
ATTACHED = re.compile(r"(?:angegliedert|zugeordnet|unterstellt|zugeteilt)$")


# "Der Wechsel des Amtes X von der Y zur Z": a noun of moving with the unit as its genitive
MOVE_NOUN = re.compile(
    r"(?:Wechsel|Übergang|Umzug|Verlagerung|Transfer)\s+de[sr]\s+(?:bisherigen\s+)?«U(?P<u>\d+)»"
)


def relocation(p: list[Slot], trigger: re.Match, text: str) -> Found | list[Found] | None:
    if event_portfolio.RESPONSIBLE.search(trigger.group()) or event_portfolio.TAKES.search(trigger.group()):
        return event_portfolio.portfolio(p, trigger, text)
    if BINDING.match(trigger.group()):
        return _attachment(p, trigger, text)
    if HOLDING.match(trigger.group()):
        return _holding(p, trigger, text)
    noun = MOVE_NOUN.match(trigger.group())
    if noun:  # the noun states the change itself; the last unit after zu/in is the new parent
        mover = next((s for s in p if s.index == int(noun["u"])), None)
        targets = [s for s in p if s.start > mover.end and "to" in s.cues] if mover else []
        if not mover or not targets:
            return None
        event = _moved([mover])
        event.new_parent = targets[-1].index
        return [event]
    if not RELOCATION_CHANGE.search(text) or _person_moves(p, trigger, text) or STAYS.search(text):
        return None
    if trigger.group().startswith(("gehör", "umfass")) and not MEMBERSHIP_CHANGE.search(text):
        return None  # "Das Bauamt gehört zum Baudezernat": a standing arrangement
    if trigger.group().startswith("umfass"):
        return _inclusion(p, trigger, text)
    task = _task_moves(p, trigger, text)  # "Die Migrationsbeauftragte wird dem X zugeordnet"
    if task:
        return task
    # "Die Mitarbeiter des Amtes X sind nun dem Y zugeteilt": the staff move, not the unit they belong to
    movers = [
        s for s in p if is_plain(s) and s.start < trigger.start() and not STAFF_OF.search(text, 0, s.start)
    ]
    if trigger.group().lower().endswith("angesiedelt"):  # "wird in dem Amt X angesiedelt": X is the parent
        if FORMER.search(text, _clause_start(text, trigger.start()), trigger.start()):
            return None  # "– bisher jeweils in einem Amt angesiedelt –": where it was, no move
        movers = [s for s in movers if not PLACED_IN.search(text, max(0, s.start - 20), s.start)]
    targets = [s for s in p if s not in movers and not s.cues & {"from"}]
    dative = re.search(
        r"\b(?i:dem|der|ihrem|ihrer|seinem|seiner)\s+«U(\d+)»\s+(?:\w+\s+){0,4}(?:unterstellt|unterstellen|zugeordnet|zugeteilt|zugewiesen|zuzuordnen|zuordnen"
        r"|angegliedert|anzugliedern|angliedern|zugeschlagen|eingegliedert|einzugliedern)",
        text,
    )
    recipient = _dative_recipient(p, trigger, text)
    if recipient is not None:  # "Dem Dezernat X wird der Fachbereich Y zugeordnet": "der" is no dative here
        dative = None
        targets = [recipient]
        movers = [s for s in movers if s is not recipient]
        if not movers and trigger.start() < recipient.start:  # "Zugeordnet werden dem X außerdem die Y"
            return _placed_after(p, recipient, text)
    if dative:
        targets = [s for s in p if s.index == int(dative.group(1))] or targets
        movers = [s for s in movers if s.index != int(dative.group(1))]  # "Ihrem X wurden ... zugeteilt"
    if not movers:  # verb second: "Zugleich wechselt die Abteilung X vom ... in den ..."
        movers = [s for s in p if is_plain(s) and VERB_FIRST_GAP.match(text[trigger.end() : s.start])][:1]
        movers += [
            s
            for s in p
            if is_plain(s)
            and movers
            and s.start > movers[0].start
            and not DATIVE_BEFORE.search(text[: s.start])
        ]
        targets = [s for s in targets if s not in movers or (dative and s.index == int(dative.group(1)))]
    infinitive = INFINITIVE.match(trigger.group())  # "..., das X vom Y in das Z zu transferieren"
    begin = _clause_start(text, movers[0].start) if movers and infinitive else 0
    if (
        movers and not infinitive
    ):  # "Er verfügte einen neuen Zuschnitt: Das Amt X wechselt ...": after a colon
        begin = text.rfind(": ", 0, movers[0].start) + 1
    if not movers or (recipient is None and movers[0].start - begin > 40):
        return None  # the mover is the subject near the start (or the object of an infinitive clause)
    targets = [s for s in targets if s is not movers[0]]
    together = [movers[0]]  # "Das Amt X und das Bürgerbüro wechseln ...": they move together
    for s in movers[1:]:
        between = text[together[-1].end : s.start]
        if not COORDINATED.match(between):
            break
        together.append(s)
    if not targets:  # "wechselt ... in das Dezernat der Bürgermeisterin": a parent that is no named unit
        if not re.search(r"\b(?:in\s+(?:das|den|die)|ins|zu[mr]\s+(?!\d))", text[trigger.start() :]) and not (
            ATTACHED.match(trigger.group()) or trigger.group().startswith("wander")
        ):
            return None
        return [_moved(together)]
    moved = [m for m in together if m.index != targets[-1].index]
    if not moved:
        return None
    event = _moved(moved)  # the units moved in one sentence are one change, as the gold states it
    event.new_parent = targets[-1].index
    return [event]


def _placed_after(p: list[Slot], recipient: Slot, text: str) -> list[Found] | None:
    """The participle first, its dative next: the units named after the dative (coordinated) move under it."""
    after = [s for s in p if is_plain(s) and s.start > recipient.end]
    if not after:
        return None
    together = [after[0]]
    for s in after[1:]:
        if not COORDINATED.match(text[together[-1].end : s.start]):
            break
        together.append(s)
    event = _moved(together)
    event.new_parent = recipient.index
    return [event]


# verbs of placing under a parent that take it in the dative ("dem X zugeordnet", "untersteht nun dem X")
DATIVE_VERB = re.compile(
    r"(?i:unterstellt|unterstellen|zugeordnet|zuzuordnen|zugeteilt|zugewiesen|angegliedert|anzugliedern"
    r"|zugeschlagen|untersteht|unterstehen|unterstand|unterstanden)$"
)
# "dem", "ihrem", "seinem" before a unit are datives (unlike "der"), unless a preposition governs them
DATIVE_ARTICLE = re.compile(r"(?:^|(?<=\s))(?i:dem|ihrem|seinem)\s+(?:(?:neuen|bisherigen|künftigen)\s+)?$")
GOVERNED = re.compile(
    r"\b(?:mit|von|aus|zu|bei|nach|seit|in|an|auf|unter|vor|hinter|neben|über|samt|nebst|außer|gemäß|"
    r"entsprechend|gegenüber|gleich)\s+\S+\s+(?:\S+\s+)?$",
    re.IGNORECASE,
)


def _dative_recipient(p: list[Slot], trigger: re.Match, text: str) -> Slot | None:
    """``Dem Dezernat X wird der Fachbereich Y zugeordnet``, ``Das Amt Y untersteht nun dem Dezernat X``: with
    a verb that places under a dative, the unit after an unambiguous dative article is the new parent (the
    last one, when several are named; a dative after a preposition, ``mit dem X``, is none)."""
    if not DATIVE_VERB.search(trigger.group()):
        return None
    found = [
        s
        for s in p
        if DATIVE_ARTICLE.search(text, max(0, s.start - 30), s.start)
        and not GOVERNED.search(text, max(0, s.start - 40), s.start)
    ]
    return found[-1] if found else None


# the subject of the trigger's clause, a noun that names no unit: a task, a field or a post
# ("Die Kultur kommt ins X", "Die Migrationsbeauftragte wird dem X zugeordnet")
TASK_SUBJECT = re.compile(
    r"^\W*(?:(?:Auch|Zudem|Außerdem|Künftig|Neu)\s+)?(?:[Dd]ie|[Dd]er|[Dd]as)\s+(?P<f>[A-ZÄÖÜ][\w-]+)\s+"
    r"(?:(?:wird|werden|soll|sollen|kommt|kommen|wechselt|wechseln|arbeitet|arbeiten|geht|gehen)\b)"
)
# people of a unit and its posts in the plural move with their unit, no task moves by them alone
STAFF = re.compile(
    r"^(?:Person|Mitarbeit|Beschäftigt|Angestellt|Kolleg|Personal|Stelle|Team|Leitung|Chef|Leiter)"
)


def _task_moves(p: list[Slot], trigger: re.Match, text: str) -> list[Found] | None:
    """``Die Kultur kommt ins Ministerium X``, ``Die Klimaschutzbeauftragte arbeitet künftig im Amt X``: the
    subject of the verb's clause names no unit, so what moves is a task (or the post that has it): a
    transfer of functions to the unit it goes to (the caller has checked for a cue of change)."""
    begin = _clause_start(text, trigger.start())
    clause = text[begin + (2 if begin else 0) : trigger.end()]
    subject = TASK_SUBJECT.match(clause)
    if not subject or STAFF.match(subject["f"]) or PLACEHOLDER_IN.search(clause[: subject.end()]):
        return None
    into = [s for s in p if s.start > begin + subject.end() and not s.cues & {"from"}]
    if not into:
        return None
    return [Found("transfer", resulting=[into[-1].index], functions=[subject["f"]])]


PLACEHOLDER_IN = re.compile(r"«U\d+»")
INFINITIVE = re.compile(r"zu\s+\w+en$|\w+zu\w+en$")


def _clause_start(text: str, at: int) -> int:
    """Where the clause (after a comma or colon) that holds ``at`` begins."""
    return max(text.rfind(", ", 0, at), text.rfind(": ", 0, at), 0)


def _moved(units: list[Slot]) -> Found:
    """A move: the units stay the same resources, so each is original and resulting."""
    return Found("relocation", original=[u.index for u in units], resulting=[u.index for u in units])


SUBJECT_BEFORE_VERB = re.compile(
    r"^\W*(?:(?:Das|Der|Die)\s+)?(?:neue[nsmr]?\s+)?«U(\d+)»[“”\"]?\s+"
    r"(?:wird|werden|soll|sollen|umfasst|umfassen)\b"
)


AUXILIARY_OR_VERB = re.compile(r"\b(?:wird|werden|soll|sollen|umfasst|umfassen)\b")


BINDING = re.compile(r"[Aa]nbind|angebunden|anzubinden")
BOUND_TO = re.compile(r"\ban\s+(?:de[mnr]\s+|die\s+|das\s+)?(?:neue[nmr]?\s+)?[„\"]?$")
BINDING_NOUN = re.compile(r"[Aa]nbind(?:ung|en)$")


def _attachment(p: list[Slot], trigger: re.Match, text: str) -> list[Found] | None:
    """``X wird an Y angebunden``, ``die Anbindung der X an Y``: a named unit bound to Y moves under it
    (a Relocation); tasks bound to Y (no unit named) are a transfer of tasks to Y. The verb needs a cue
    of change (``ist an Y angebunden`` is a standing arrangement); the noun is a change itself."""
    if not BINDING_NOUN.match(trigger.group()) and not RELOCATION_CHANGE.search(text):
        return None
    noun = BINDING_NOUN.match(trigger.group()) is not None
    targets = [s for s in p if BOUND_TO.search(text[max(0, s.start - 30) : s.start])]
    targets = [s for s in targets if s.start > trigger.start()] if noun else targets
    if not targets:
        return None
    target = targets[0]
    if noun:
        bound = [s for s in p if is_plain(s) and trigger.end() <= s.start < target.start]
    else:
        bound = [s for s in p if is_plain(s) and s.start < target.start and s is not target]
    if bound:
        event = _moved(bound)
        event.new_parent = target.index
        return [event]
    return [Found("transfer", resulting=[target.index], functions=_functions(text))]


# verb second, the receiving unit first: "erhält zusätzlich das X", "Zum Y gehört künftig X",
# "Dem Y gehört neu X an"
HOLDING = re.compile(
    r"(?P<gets>(?:erh|bek)\w*\s.*zusätzlich|(?:[Nn]eu|[Zz]usätzlich|[Kk]ünftig|[Zz]ukünftig)\s.*(?:das|den|die)\s)|[Zz]u[mr]\s+(?:neuen\s+)?«U(?P<zu>\d+)»"
    r"|[Dd]e[mr]\s+(?:neuen\s+)?(?:«U(?P<dem>\d+)»|[A-ZÄÖÜ][a-zäöüß]+)\s+gehör"
)


def _holding(p: list[Slot], trigger: re.Match, text: str) -> list[Found] | None:
    """``Das Dezernat X erhält zusätzlich das Amt Y``, ``Zum Dezernat X gehört künftig die Stabsstelle Y``,
    ``Dem Departement gehört neu die Fachstelle Y an``: Y moves under X (a Relocation, Y original and
    resulting). ``zusätzlich`` states the change itself; ``gehört`` needs a cue of change (``künftig``,
    ``neu``), else it describes how things stand."""
    m = HOLDING.match(trigger.group())
    verb = re.search(r"zusätzlich|gehör(?:t|en)", trigger.group())
    after = trigger.start() + (verb.end() if verb else len(trigger.group()))
    held = [s for s in p if s.start >= after and (is_plain(s) or s.cues == {"new"})][:1]
    if held and not m["gets"] and not MEMBERSHIP_CHANGE.search(text, trigger.start(), held[0].start):
        return None  # the cue of change belongs to the clause ("gehört künftig die X"), not to a later one
    for s in (s for s in p if held and s.start > held[-1].start and (is_plain(s) or s.cues == {"new"})):
        if not COORDINATED.match(text[held[-1].end : s.start]):
            break
        held.append(s)
    # "das neu zu bildende Amt X und das Bauamt": the new one is founded, the other moves
    founded = [Found("founding", resulting=[s.index]) for s in held if not is_plain(s)]
    movers = [s for s in held if is_plain(s)]
    if not movers:
        return founded or None
    event = _moved(movers)
    named = m["zu"] or m["dem"]
    before = [s for s in p if s.end <= trigger.start() + 1 and is_plain(s)]
    parent = int(named) if named else (before[-1].index if m["gets"] and before else None)
    if parent is not None and parent not in event.original and any(s.index == parent for s in p):
        event.new_parent = parent
    return [*founded, event]


def _inclusion(p: list[Slot], trigger: re.Match, text: str) -> list[Found] | None:
    """``Das neue Dezernat wird das Bauamt und das Tiefbauamt umfassen``: each unit it holds moves under it
    (a kg:Relocation, the unit as original and resulting); the subject, when named, is the new parent."""
    subject = SUBJECT_BEFORE_VERB.match(text)
    parent = int(subject.group(1)) if subject else None
    verb = [m.end() for m in AUXILIARY_OR_VERB.finditer(text, 0, trigger.end())]
    after = verb[0] if verb else trigger.end()
    members = [
        s.index for s in p if s.start >= after and s.index != parent and not s.cues & {"from", "parent"}
    ]
    if not members:
        return None
    event = Found("relocation", original=members, resulting=members)  # one change, as the gold states it
    if parent is not None:
        event.new_parent = parent
    return [event]


def _person_moves(p: list[Slot], trigger: re.Match, text: str) -> bool:
    """``Udo Huber, der in die Landesamtsdirektion wechselt``, ``Anna Berger soll das Bauamt übernehmen``:
    a person named before the verb and before any unit is who moves, not a unit or its tasks."""
    first = min([s.start for s in p] + [trigger.start()])
    if person_named_before(text, first) or bool(p and PERSON_OF_UNIT.search(text[: p[0].start])):
        return True
    return _person_subject(p, trigger, text)


# a clause begins after a comma, a colon or "und" (", wird Oberbürgermeister X diesen Bereich übernehmen")
CLAUSE_START = re.compile(r".*(?:,\s|:\s|\bund\s)", re.DOTALL)
# a person by the title before the name ("Oberbürgermeister Dr. Max Muster", "Finanz-Landesrat Mag. Max
# Muster"), or a title as the subject right before the verb ("Der Sicherheitsdirektor übernimmt ..."); any
# letters, so that given names with accents count ("André")
PERSON_BY_TITLE = re.compile(
    r"(?<![\w-])[A-ZÄÖÜ][\w-]*(?:direktor|direktorin|meister|meisterin|dezernent|dezernentin|minister|ministerin"
    r"|senator|senatorin|beigeordnete|beigeordneter|stellvertreter|stellvertreterin|präsident|präsidentin"
    r"|Landesrat|Landesrätin|Stadtrat|Stadträtin|Gemeinderat|Gemeinderätin|Regierungsrat|Regierungsrätin)"
    r"\s+(?:(?:Dr|Prof|Mag|Ing|DI)\.\s+)*(?:[A-ZÄÖÜ][^\W\d_]+\s+[A-ZÄÖÜ][^\W\d_]+"
    r"|(?=(?:übernimmt|übernehmen|übernahm|wechselt|wechseln|wechselte)\b))"
)
POSSESSOR = re.compile(r"\b(?:von|vom|des|der|durch|für)\s+(?:de[mnr]\s+)?(?:\w+\s+)?$")


def _person_subject(p: list[Slot], trigger: re.Match, text: str) -> bool:
    """``..., wird Oberbürgermeister Dr. Max Muster diesen Bereich selbst übernehmen``, ``Schwyzer
    Sicherheitsdirektor übernimmt Departement``: a person with a title is the subject of the clause that holds
    the verb, named before that clause's first unit: the person takes a portfolio over, no unit changes."""
    start = CLAUSE_START.match(text, 0, trigger.start())
    begin = start.end() if start else 0
    units = [s.start for s in p if s.start >= begin]
    end = min(units) if units else trigger.start()
    return any(
        not POSSESSOR.search(text[begin : m.start()]) for m in PERSON_BY_TITLE.finditer(text, begin, end)
    )


# "Die Leiterin des Bauamtes wechselt ...", "Die Mitarbeiter der Stelle X werden ... verlegt": the people of
# the unit move, not the unit (a person noun, by its ending, with the unit as its genitive)
PERSON_OF_UNIT = re.compile(
    r"^\W*(?:(?:Die|Der|Das)\s+)?(?:[\w-]*(?:[Ll]eiter|[Ll]eiterin|[Cc]hef|[Cc]hefin|[Dd]irektor|[Dd]irektorin"
    r"|[Mm]itarbeiter|[Mm]itarbeiterin|[Mm]itarbeiterinnen|[Mm]itarbeitenden|[Bb]eschäftigten|[Aa]ngestellten"
    r"|[Rr]eferent|[Rr]eferentin|[Ss]precher|[Ss]precherin|[Vv]orsteher|[Vv]orsteherin|[Kk]räfte))\s+(?:des|der)\s+$"
)


# People, not units, on one side of a transfer (round 10):
# "in den Dienst der Stadt übernommen": staff taken into employment ("Dienst" as service, not a unit)
STAFF_TAKEN = re.compile(r"\bin\s+den\s+(?:[a-zäöüß]+en\s+)?(?:Staats|Landes|Bundes|Kommunal)?[Dd]ienst\b")
# "Dem neuen Beigeordneten soll der Geschäftsbereich X übertragen werden": a portfolio given to a post; the
# dative of a person noun (a title by its ending) opens the clause
TITLE_ENDING = (
    r"(?:beigeordnete[nr]?|meister|meisterin|dezernent(?:en)?|dezernentin|direktor|direktorin|leiter|leiterin"
    r"|präsident(?:en)?|präsidentin|minister|ministerin|senator|senatorin|landrat|landrätin)"
)
DATIVE_POST = re.compile(
    r"(?:^|[,:;]\s)\W*(?:[Dd]em|[Dd]er(?=\s+(?:[a-zäöüß]+e[nmrs]?\s+){0,3}[\w-]+in\s))\s+"
    r"(?:[a-zäöüß]+e[nmrs]?\s+){0,3}(?i:[\w-]*" + TITLE_ENDING + r")\s+(?!«U)"
)
GIVEN = re.compile(r"übertragen|überträgt|übergeben")
# "der Betriebsleiter Werkhof übernimmt ...": a person named by the post and the unit they lead
POST_OF_UNIT = re.compile(r"\b[\w-]*(?:[Ll]eiter|[Ll]eiterin|[Cc]hef|[Cc]hefin)\s+[„\"]?$")


def _people_not_units(p: list[Slot], trigger: re.Match, text: str, to: list[Slot]) -> bool:
    """Staff taken into service, a portfolio given to a post, or the post of a unit as the one who takes:
    people change their work, no unit's tasks move."""
    if re.match(r"übernimmt|übernehmen|übernommen", trigger.group()) and STAFF_TAKEN.search(text):
        return True
    if GIVEN.match(trigger.group()) and DATIVE_POST.search(text[: trigger.start()]):
        return True
    return bool(to) and POST_OF_UNIT.search(text[max(0, to[-1].start - 40) : to[-1].start]) is not None


# the tasks go to a unit of their own, made for them: a spin-off of the unit that had them
OWN_NEW_UNIT = re.compile(
    r"\b(?:in|auf|an)\s+(?:ein|eine|einen|einem|einer)\s+(?:eigene[nmrs]?|neue[nmrs]?)\s+[„\"]?$"
)
FRONTED_TASKS = re.compile(r"\b(?:Aufgaben|Zuständigkeiten|Tätigkeiten)\s+$")
CARED_FOR = re.compile(r"(?:betreut|bearbeitet|verantwortet)$")  # the verbs of the trigger's cued form
AGENT = re.compile(r"\b(?:von|vom|durch)\s+(?:de[mnr]\s+|die\s+|das\s+)?$")  # the agent of a passive


# the verbs of a former holding (``übernahm``, ``kümmerte sich``, ``war ... zuständig``) and the adverbs that
# make their subject the former holder
PAST_HOLDING = re.compile(r"übernahm|kümmerte|zuständig\s+war|war\b")
FORMER = re.compile(r"\b(?:[Bb]isher|[Bb]islang|[Ff]rüher|[Zz]uvor|[Vv]ormals)\b")


def former_holder(p: list[Slot], trigger: re.Match, text: str) -> Found | None:
    """``Diese Aufgabe übernahm bisher das Amt X``, ``Darum kümmerte sich früher das Amt X``: the one unit of
    the sentence held the tasks before; the unit the text is about (the one founded, else the one spoken of)
    holds them now. Without ``bisher``, ``früher`` ... the sentence only describes (``war ... zuständig``)."""
    plain = [s for s in p if not s.cues & {"parent", "genitive", "to", "new"}]
    if not FORMER.search(text) or len(p) != 1 or len(plain) != 1:
        return None
    return Found("transfer", original=[plain[0].index], functions=_functions(text), result_from_context=True)


def transfer(p: list[Slot], trigger: re.Match, text: str) -> Found | None:
    if TRANSFER_NOT.search(text) or _person_moves(p, trigger, text) or event_portfolio.only_held(p, text):
        return None
    if PAST_HOLDING.match(trigger.group()):  # "übernahm" alone is mostly a person's career: no transfer
        return former_holder(p, trigger, text)
    takes = re.match(r"übernimmt|übernehmen|übernommen", trigger.group())
    fronted = takes and FRONTED_TASKS.search(text[: trigger.start()])
    if fronted:  # "X, seine Aufgaben übernimmt das Y": the tasks' owner gives, the subject after takes
        to = [s for s in p if s.start > trigger.start() and is_plain(s)][:1]
        owner = [s for s in p if s.start < trigger.start() and s not in to]
        found = Found("transfer", original=[owner[-1].index] if owner else [], functions=_functions(text))
        found.resulting = [to[0].index] if to else []
        return found if to else None
    agents = [s for s in p if AGENT.search(text[max(0, s.start - 12) : s.start])]
    if trigger.group() == "übernommen" and agents:  # "Die Aufgaben des X werden vom Y übernommen"
        to = agents
    elif trigger.group() == "übernommen" and AUXILIARY_BEFORE.search(text, 0, trigger.start()):
        return None  # "Das Ressort X wird von einer Gemeinderätin übernommen": taken over by no unit
    elif takes:  # "Das Standesamt übernimmt ..." or, inverted, "Ihre Aufgaben übernimmt das Bauamt"
        to = [s for s in p if s.start < trigger.start() and not s.cues & {"from", "parent", "to"}] or [
            s for s in p if s.start > trigger.start() and is_plain(s)
        ][:1]
    elif trigger.group().startswith("wahr") or CARED_FOR.search(trigger.group()):
        # "Die Aufgaben des X werden vom Y wahrgenommen", "X wird künftig vom Y betreut": Y acts
        if len(p) == 1 and agents and FORMER.search(text, 0, agents[0].start):
            # "Die Arbeiten wurden bisher vom Amt X wahrgenommen": X held them before
            held = Found("transfer", original=[agents[0].index], functions=_functions(text))
            held.result_from_context = True
            return held
        to = agents or [s for s in p if "to" in s.cues or is_plain(s)][-1:]
    else:
        plain = [s for s in p if is_plain(s) and not (s is p[0] and s.start < min(trigger.start(), 40))]
        to = [s for s in p if "to" in s.cues and "from" not in s.cues] or plain[-1:]
    source = [s for s in p if "from" in s.cues and s not in to]
    inside = re.search(r"\bin\s+de[rm]\s+«U(\d+)»\s+(?:bisher|bislang)", text)
    if not to and takes and PRONOUN_SUBJECT.match(text):  # "Es übernimmt die Aufgaben der Abteilung X"
        found = Found("transfer", functions=_functions(text), result_from_context=True)
        found.original = [s.index for s in p if s.start > trigger.start() and "parent" not in s.cues][:1]
        return found if found.original else None
    if not to or _people_not_units(p, trigger, text, to):
        return None
    found = Found("transfer", resulting=[to[-1].index], functions=_functions(text))
    if source:
        found.original = [source[0].index]
    elif inside and int(inside.group(1)) != to[-1].index:
        found.original = [int(inside.group(1))]
    if found.original and OWN_NEW_UNIT.search(text[max(0, to[-1].start - 40) : to[-1].start]):
        found.event_type = "spinoff"  # "Die Aufgaben der X werden in einem eigenen Amt Y wahrgenommen"
        found.functions = []
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
