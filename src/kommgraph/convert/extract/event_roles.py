"""Who is original and who is resulting, per type of change that begins, ends or reshapes units."""

from __future__ import annotations

import re

from kommgraph.convert.extract import event_wording
from kommgraph.convert.extract.event_slots import (
    COORDINATED,
    EXTENDED_BY,
    GENITIVE_OF_NOUN,
    INTO_CONTEXT,
    PART_OF,
    PLACEHOLDER,
    TEMPORARY_CLOSING,
    Found,
    Slot,
    is_plain,
)

NEW_NAME = re.compile(
    r"\s+(?:(?:künftig|zukünftig|nun|jetzt|fortan|ab\s+sofort|seit|ab|mit|zum|am)\s+(?:de[mn]\s+)?"
    r"(?:\d{1,2}\.\s*(?:\w+|\d{1,2}\.)\s*\d{0,4}|\w+\s+\d{4}|\d{4})?\s*)*[\"„“]?"
    r"(?P<n>[A-ZÄÖÜ][\w-]*(?:\s+(?:für|und|\d+|[A-ZÄÖÜ][\w-]*)){0,5})[\"“”]?\s*(?:[.,;]|$)"
)


BECOMES_OWN = re.compile(
    r"\b[Aa]us\s+(?:de[mr]\s+)?(?:bisherigen\s+)?«U(?P<a>\d+)»\s+(?:wird|wurde)\s+(?:[\w.]+\s+){0,3}?"
    r"(?:ein|eine|einen)\s+(?:(?:eigene|selbstständige|selbständige|neue)[snr]?\s+)?«U(?P<b>\d+)»"
    r"|«U(?P<c>\d+)»\s+(?:wird|wurde|soll)\s+(?:[\w.]+\s+){0,5}?(?:in|zu)\s+(?:ein|eine|einen|einem|einer)\s+"
    r"(?:(?:eigene|selbstständige|selbständige|neue)[snrm]?\s+)?«U(?P<d>\d+)»\s+umgewandelt"
)
RENAMING_NOUN = re.compile(r"Namenswechsel|Namensänderung|Umbenennung")
FROM_BECOMES = re.compile(
    r"\b[Aa]us\s+(?:de[mr]\s+)?(?:bisherigen\s+)?«U(?P<a>\d+)»\s+(?:wird|werden|wurde)?\s*(?:[\w.]+\s+){0,3}?"
    r"(?:de[mr]\s+|das\s+|die\s+)?«U(?P<b>\d+)»"
)


# "die X wird zur Y und die Z wird zur W": one renaming per pair (an abbreviation in brackets may follow)
BECOMES_TO = re.compile(
    r"«U(?P<a>\d+)»(?:\s*\([^()]{1,40}\))?\s+(?:wird|wurde)\s+(?:[\w.]+\s+){0,3}?zu[rm]\s+«U(?P<b>\d+)»"
)


QUOTED_BEFORE_VERB = re.compile(r"[„\"](?P<n>[^“”\"«]{2,80})[“”\"]\s+(?:hei(?:ß|ss)(?:t|en)|firmiert)\b")
NAME_OF = re.compile(
    r"«U(?P<a>\d+)»,\s+(?:der\s+)?neuer?\s+(?:[\w.]+\s+){0,2}?(?:Name|Bezeichnung)\s+de[sr]\s+"
    r"(?:(?:bisherig|ehemalig|früher|alt)en\s+)?«U(?P<b>\d+)»"
)
ONE_ORIGIN = re.compile(
    r"«U(?P<a>\d+)»\s+(?:[\w.]+\s+){0,4}?(?:ist|sind|war|waren|geht|ging|gehen|gingen|entsteht|entstand"
    r"|entstanden)\s+(?:[\w.]+\s+){0,4}?aus\s+(?:de[mnr]\s+)?(?:(?:bisherig|ehemalig|früher|alt)en\s+)?"
    r"«U(?P<b>\d+)»(?!\s*(?:,|und\b|sowie\b))"
    r"|\b[Aa]us\s+(?:de[mnr]\s+)?(?:(?:bisherig|ehemalig|früher|alt)en\s+)?«U(?P<c>\d+)»\s+(?:ist|war|ging|geht)"
    r"\s+(?:[\w.]+\s+){0,4}?(?:de[rm]\s+|die\s+|das\s+)?«U(?P<d>\d+)»\s+(?:[\w.]+\s+){0,3}?(?:hervorgegangen|hervor)\b"
)


def renaming(p: list[Slot], trigger: re.Match, text: str) -> Found | list[Found] | None:
    named = event_wording.plural_named(text)  # "Die drei neuen Ämter heißen A, B und C": one founding each
    if named and p and all(s.start >= named[0] for s in p):
        return [Found("founding", resulting=[s.index]) for s in p] if named[1] else None
    after_noun = RENAMING_NOUN.match(trigger.group()) and all(s.start > trigger.end() for s in p)
    if p and after_noun and all("new" in s.cues for s in p):
        # "Das hat einen Namenswechsel zur Folge: Neu gibt es X sowie Y": each a renamed unit's new name
        return [Found("renaming", resulting=[s.index]) for s in p]
    usable = {s.index for s in p}
    level = BECOMES_OWN.search(text)
    unit, other = (level["a"] or level["c"], level["b"] or level["d"]) if level else (None, None)
    if level and int(unit) in usable and int(other) not in usable:
        # "Aus dem Sachgebiet X wird eine eigene Abteilung": X goes on at another level, unnamed
        return Found("restructuring", original=[int(unit)], resulting=[int(unit)])
    apposition = NAME_OF.search(text)
    if apposition and {int(apposition["a"]), int(apposition["b"])} <= usable:
        # "das X, neuer Name des ehemaligen Y": the apposition names the former unit's new name
        return Found("renaming", original=[int(apposition["b"])], resulting=[int(apposition["a"])])
    origin = ONE_ORIGIN.search(text)
    if origin and {int(origin["a"] or origin["d"]), int(origin["b"] or origin["c"])} <= usable:
        # "X ist aus Y hervorgegangen": one unit goes on as another (a merger needs two origins)
        return Found(
            "renaming",
            original=[int(origin["b"] or origin["c"])],
            resulting=[int(origin["a"] or origin["d"])],
        )
    pairs = [(int(m["a"]), int(m["b"])) for m in FROM_BECOMES.finditer(text)]
    pairs = pairs or [(int(m["a"]), int(m["b"])) for m in BECOMES_TO.finditer(text)]
    pairs = [(a, b) for a, b in pairs if a in usable and b in usable and a != b]
    if len(pairs) > 1:  # "Aus dem Departement A wird das Departement B, und aus dem C das D"
        return [Found("renaming", original=[a], resulting=[b]) for a, b in pairs]
    if pairs and any(s.index == pairs[0][0] and "from" in s.cues for s in p):
        # "Im Departement X wird aus der Abteilung A das Amt B": the pair, not the unit named first
        return Found("renaming", original=[pairs[0][0]], resulting=[pairs[0][1]])
    heisst = re.search(r"\bhei(?:ß|ss)(?:t|en)\b|\bNamen\b|\bfirmiert\b|\bnennt\s+sich\b", text)
    quoted = QUOTED_BEFORE_VERB.search(text)
    if len(p) == 1 and quoted and p[0].start < quoted.start():  # "das künftig „X“ heißt": verb last
        # the new name takes the unit's head word ("Dezernat IX" + „Muster“: "Dezernat Muster")
        return Found("renaming", original=[p[0].index], new_name=quoted["n"].strip(), head_slot=p[0].index)
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
    passing = event_wording.told_in_passing(text, trigger.start())
    if not to and passing and RENAMING_NOUN.fullmatch(trigger.group()):
        return None  # "Durch die Umbenennung des X sollen ...": a renaming spoken of, no new name here
    target = to[-1] if to else p[1]
    others = [s for s in p if s is not target]
    source = (
        [s for s in others if "from" in s.cues] or [s for s in others if s.start < target.start] or others
    )
    if event_wording.former_name(text, target.start, target.end):  # "Das X, das bisher Y hieß": Y before
        return Found("renaming", original=[target.index], resulting=[source[0].index])
    return Found("renaming", original=[source[0].index], resulting=[target.index])


# "Sechs Ämter wird es noch geben", "gibt es weiterhin": what goes on, not what begins
GOES_ON = re.compile(
    r"\b(?:noch|weiterhin|nach\s+wie\s+vor)\s+(?:\w+\s+){0,2}?geben\b|\bgibt\s+es\s+(?:noch|weiterhin)\b"
)


# verbs and nouns of founding proper (not "neu", "gibt es", "entsteht", "kommt hinzu")
EXPLICIT_FOUNDING = re.compile(
    r"gegründet|gründe|[Gg]ründung|eingerichtet|einrichte|richtet|[Ee]inrichtung|errichte|[Ee]rrichtung"
    r"|geschaffen|schaff|schuf|gebildet|[Bb]ildung|ins\s+Leben"
)
RELATIVE_FOUNDED = re.compile(
    r"«U(?P<u>\d+)»,\s+(?:das|die|der|welche[sr]?)\s+[^,;«]{0,80}?"
    r"\b(?:gegründet|geschaffen|eingerichtet|errichtet|gebildet|ins\s+Leben\s+gerufen)\b"
)


# An active verb of founding with an object that is no unit: the unit before the verb is who founds
# ("Das Gesundheitsamt hat eine Hotline eingerichtet", "Das Bauamt startet eine Umfrage"), not what is
# founded; "die Arbeit aufnehmen", "den Betrieb starten" are the unit's own start.
ACTIVE_VERB = re.compile(
    r"\b(?:hat|haben|hatte|hatten|gründet|gründete|schafft|schuf|startet|startete|richtet|richtete|eröffnet"
    r"|eröffnete|errichtet|errichtete|etabliert|etablierte|installiert|installierte|baut|baute)\b"
)
NON_UNIT_OBJECT = re.compile(
    r"\s+(?:(?!(?:in|im|an|am|auf|für|mit|zu|zum|zur|nach|von|vom|bei|beim|über|unter|aus)\s)[\w.]+\s+){0,4}?"
    r"(?:ein|eine|einen|die|das|den|zwei|drei|mehrere)\s+(?:[a-zäöüß-]+\s+){0,2}"
    r"(?!(?:Arbeit|Tätigkeit|Betrieb|Dienstbetrieb|Dienst)\b)[A-ZÄÖÜ][a-zäöüß]"
)
PASSIVE = re.compile(r"\b(?:wird|werden|wurde|wurden|worden|ist|sind|war|waren)\b")


def _founders(p: list[Slot], trigger: re.Match, text: str) -> set[int]:
    """Units that found (the subject of an active verb with an object that is no unit), not are founded."""
    verb = next(
        (
            m
            for m in ACTIVE_VERB.finditer(text, 0, trigger.end())
            if not PASSIVE.search(text, m.end(), trigger.end())
        ),
        None,
    )
    if not verb or PASSIVE.search(text, 0, verb.start()) or not NON_UNIT_OBJECT.match(text, verb.end()):
        return set()
    return {s.index for s in p if s.end <= verb.start() and "new" not in s.cues}


# "Die Stabsstelle X wurde auf dem Höhepunkt des Zuzugs als ... geschaffen": the subject of the passive
# auxiliary is what the participle at the end founds, however long the middle field
PASSIVE_SUBJECT = re.compile(r"\s+(?:wird|wurde|werden|wurden|ist|sind|war|waren)\b[^«;:,]*$")
FOUNDING_PARTICIPLE = re.compile(r"(?:gegründet|geschaffen|eingerichtet|errichtet|gebildet)$")


APPOSITION_END = re.compile(r",\s+(?:ein|eine|einen|de[nr]|die|das)\s+[\"„“]?«U\d+»$")


def founding(p: list[Slot], trigger: re.Match, text: str) -> Found | None:
    if GOES_ON.search(text):
        return None
    relative = RELATIVE_FOUNDED.search(text)
    if relative and int(relative["u"]) in {s.index for s in p}:  # "des Amtes X, das ... gegründet wird"
        return Found("founding", resulting=[int(relative["u"])])
    named = PLACEHOLDER.search(trigger.group())
    if named and APPOSITION_END.search(trigger.group()):  # "ein neues «U0», ein «U1»": the apposition's unit
        named = [*PLACEHOLDER.finditer(trigger.group())][-1]
    if named:  # "das neu zu bildende «U3»": that unit, or none when it was not resolved
        p = [s for s in p if s.start >= trigger.start() + named.start()]
        if not p or p[0].index != int(named.group(1)):
            return None
    founders = _founders(p, trigger, text)
    p = [s for s in p if s.index not in founders]
    new = [s for s in p if "new" in s.cues]
    results = new or [
        s
        for s in p
        if not s.cues & {"from", "parent", "with"}
        and (
            s.start >= trigger.start() - 60
            or FOUNDING_PARTICIPLE.match(trigger.group())
            and PASSIVE_SUBJECT.match(text, s.end, trigger.start())
        )
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
    explicit = bool(EXPLICIT_FOUNDING.search(trigger.group()))
    found = [Found("founding", resulting=[s.index], explicit=explicit) for s in together]
    if parents:
        for f in found:
            f.new_parent = parents[0].index
    return found if len(found) > 1 else found[0]


AS_RESULT = re.compile(r"\bals\s+(?:ein(?:e[nrs]?)?\s+)?(?:eigene[nrs]?\s+|selbst(?:st)?ändige[nrs]?\s+)?$")


OWN_UNIT = re.compile(
    r"\bals\s+(?:ein(?:e[nrs]?)?\s+)?(?:eigene[nrs]?|selbst(?:st)?ändige[nrs]?)\s+(?:[A-ZÄÖÜ][\wäöüß-]*|«U\d+»)\s+$"
)


def spinoff(p: list[Slot], trigger: re.Match, text: str) -> Found | None:
    source = [s for s in p if "from" in s.cues]
    parts = [s for s in p if is_plain(s) and s.start < trigger.start()]
    results = [  # after the verb, or before it as "als X" ("wird als Eigenbetrieb X ausgegliedert")
        s
        for s in p
        if s.cues & {"to", "new"}
        and s not in source
        and (s.start > trigger.start() or AS_RESULT.search(text[max(0, s.start - 25) : s.start]))
    ]
    if not source and not parts:
        return None
    if parts and not results and OWN_UNIT.search(text, max(0, trigger.start() - 60), trigger.start()):
        # "X wird als eigenes Amt ausgegliedert": X goes on as a unit of its own, the result of the change
        parts, results = [], parts[:1]
    found = Found("spinoff", original=[s.index for s in parts[:1]], resulting=[s.index for s in results])
    found.spun_off_from = source[0].index if source else None
    return found


MADE_FROM = re.compile(
    r"«U(?P<u>\d+)»\s+(?:ist|sind|war|wurde|wird|entstand|entsteht|ging|geht)\s+(?:[\w.]+\s+){0,4}?(?:aus|durch)\s+"
    r"(?:der|dem|den|die)\b"
)
# a merged state described as former ("bislang ... zusammengelegt war"): no merger is stated
PAST_STATE = re.compile(
    r"(?:«U(?P<a>\d+)»,\s+(?:das|die|der)\s+)?\b(?:bislang|bisher|zuvor)\s+(?:[\w.]+\s+){0,3}?"
    r"mit\s+(?:de[mnr]\s+)?«U(?P<b>\d+)»\s+(?:[\w.]+\s+){0,3}?"
    r"(?:zusammengelegt|zusammengefasst|zusammengeführt|vereint|verbunden)\s+(?:war|waren|gewesen)\b(?!\s+worden)"
)
RELATIVE_INTO = re.compile(r"«U(?P<u>\d+)»,\s+in\s+(?:dem|der|das|die)\s+")


# the partner of a merger: "verschmilzt mit dem (alten) Y", "fusioniert mit der Y"
WITH_PARTNER = re.compile(r"\bmit\s+(?:de[mnr]|den)\s+(?:[a-zäöüß]+e[nmrs]?\s+)?[\"„“]?$")
PARTNER_VERB = re.compile(
    r"\b(?:verschm\w+|fusion\w+|zusammen(?:gelegt|gefasst|geführt|geschlossen)|zusammenzu\w+)"
)


# a unit in the dative of an attaching participle is the parent something is put under
ATTACHED_TO = re.compile(
    r"\b(?:dem|der)\s+(?:neuen\s+)?«U(?P<u>\d+)»\s+(?:[\w.]+\s+){0,3}?"
    r"(?:zugeordnet|unterstellt|angegliedert|zugeteilt|zugewiesen)\b"
)
COMMON_BEFORE = re.compile(r"\bgemeinsame[nrs]?\s+[\"„“]?$")


def merger(p: list[Slot], trigger: re.Match, text: str) -> Found | None:
    state = PAST_STATE.search(text)
    if state:  # "X, das bislang mit Y zusammengelegt war": the merger is the state before; X is parted from Y
        usable = {s.index for s in p}
        if int(state["a"]) in usable and int(state["b"]) in usable:
            return Found("split", original=[int(state["b"])], resulting=[int(state["a"])])
        return None
    into = INTO_CONTEXT.match(trigger.group())
    if into and not into["u"]:  # "In ihm gehen X und Y auf"
        inner = [s.index for s in p if s.start > trigger.start() + into.end()]
        return Found("merger", original=inner, result_from_context=True) if len(inner) > 1 else None
    relative = RELATIVE_INTO.search(text)
    if relative:  # "Das Amt Z, in dem X und Y aufgegangen sind": the antecedent takes them in
        inner = [s.index for s in p if s.start >= relative.end()]
        if len(inner) > 1 and int(relative["u"]) in {s.index for s in p}:
            return Found("merger", original=inner, resulting=[int(relative["u"])])
    made = MADE_FROM.search(text)
    if made and int(made["u"]) in {
        s.index for s in p
    }:  # "Z ist aus der Zusammenlegung von X und Y entstanden"
        inner = [s.index for s in p if s.start > made.end() - 8 and s.index != int(made["u"])]
        if len(inner) > 1:
            return Found("merger", original=inner, resulting=[int(made["u"])])
    partner = next((s for s in p if WITH_PARTNER.search(text, max(0, s.start - 40), s.start)), None)
    subjects = [s for s in p if partner and s.end <= partner.start and not s.cues & {"to", "parent", "new"}]
    if partner and subjects and PARTNER_VERB.search(text):
        # "X verschmilzt mit dem alten Y zum Z", "X wird mit Y zum Z zusammengelegt": both end, Z results
        results = [s for s in p if s.start > partner.end and s.cues & {"to", "new"}]
        return Found(
            "merger",
            original=[s.index for s in (*subjects, partner)],
            resulting=[s.index for s in results[-1:]],
        )
    results = [s for s in p if s.cues & {"to", "new"} and "from" not in s.cues]
    if not results and trigger.group().startswith(("bilden", "gemeinsam")):
        # "Künftig bilden X und Y gemeinsam das Z", "X und Y bilden die gemeinsame Z": what they form
        results = [s for s in p if COMMON_BEFORE.search(text, max(0, s.start - 20), s.start)]
        results = results or (p[-1:] if len(p) > 2 else [])
    originals = [s for s in p if s not in results]
    if any("from" in s.cues for s in p) and not results:
        results = [s for s in p if "from" not in s.cues][-1:]
        originals = [s for s in p if s not in results]
    parents = {int(m["u"]) for m in ATTACHED_TO.finditer(text)}
    if parents & {s.index for s in originals}:  # "... und der Direktion X zugeordnet": the new parent
        originals = [s for s in originals if s.index not in parents]
        if not originals and results and "new" in results[-1].cues:
            # "Die Mitarbeiter werden in eine neue Abteilung X zusammengefasst": people, not units, merge
            found = Found("founding", resulting=[results[-1].index], explicit=False)
            found.new_parent = min(parents)
            return found
    if len(originals) < 2 and not (originals and results):
        return None
    if partner and not subjects and [s.index for s in originals] == [partner.index]:
        return None  # "Die Wissenschaft wird mit dem X zusammengelegt": a field joins X, no units merge
    return Found("merger", original=[s.index for s in originals], resulting=[s.index for s in results[-1:]])


# "X ist in A und B aufgeteilt", "aufgeteilt sind ...": a state (Zustandspassiv), not "ist aufgeteilt worden"
STATE_PASSIVE = re.compile(
    r"\b(?:ist|sind)\s+(?:[\w.«»]+\s+){0,8}?(?:aufgeteilt|unterteilt|gegliedert|eingeteilt)\b(?!\s+worden)"
    r"|\b(?:aufgeteilt|unterteilt|gegliedert|eingeteilt)\s+(?:ist|sind)\b"
)


def split(p: list[Slot], trigger: re.Match, text: str) -> Found | None:
    results = [s for s in p if s.cues & {"to", "new"} and "from" not in s.cues]
    # "in eine Abteilung A (diese wie bisher im Ressort 9) und in die neue B": a bracket names where a part
    # belongs, not a part
    bracketed = [s for s in results if text.count("(", 0, s.start) > text.count(")", 0, s.start)]
    results = [s for s in results if s not in bracketed] or results
    p = [s for s in p if s not in bracketed or s in results]
    originals = [s for s in p if s not in results]
    if STATE_PASSIVE.search(text):  # the unit goes on; its parts are units of their own now
        if not originals or not results:
            return None
        found = Found("founding", resulting=[s.index for s in results])
        found.new_parent = originals[0].index
        return found
    if not results and len(p) > 1 and all(s.start < trigger.start() for s in p) and _one_list(p, text):
        return None  # "X, Y sowie Z werden auf die Mitglieder aufgeteilt": units shared out, none split
    if not results:
        originals, results = p[:1], p[1:]
    if len(p) == 1 and originals:  # "das Amt X aufzuteilen": the parts are named elsewhere
        return Found("split", original=[originals[0].index])
    if not originals or not results:
        return None
    return Found("split", original=[originals[0].index], resulting=[s.index for s in results])


def _one_list(p: list[Slot], text: str) -> bool:
    """All the units are one coordinated list (``X, Y sowie Z``)."""
    return all(COORDINATED.match(text[a.end : b.start]) for a, b in zip(p, p[1:], strict=False))


LEADS = re.compile(r"\b(?:Leitung|Vorsitz|Führung|Nachfolge)\b")
TASKS = re.compile(r"\b(?:Aufgaben?|Zuständigkeit(?:en)?|Leistungen|Tätigkeiten|Funktionen)\b")


def absorption(p: list[Slot], trigger: re.Match, text: str) -> Found | None:
    extended = EXTENDED_BY.search(text)
    if extended:  # "Die Musterdirektion wird um den Bereich Probe erweitert"
        return Found("absorption", original=[int(extended["b"])], resulting=[int(extended["a"])])
    part = PART_OF.search(text)
    if part:  # "Die Stabsstelle X wird Teil des Referats Y"
        return Found("absorption", original=[int(part["a"])], resulting=[int(part["b"])])
    into = INTO_CONTEXT.match(trigger.group())
    if into:  # "In ihm geht die Abteilung X auf": the unit spoken of takes it in
        inner = [s for s in p if s.start > trigger.start() + into.end()]
        if not inner:
            return None
        if into["u"]:  # a unit named but not resolved ("In der neuen Abteilung" of no name): none
            if int(into["u"]) not in {s.index for s in p}:
                return None
            return Found("absorption", original=[inner[0].index], resulting=[int(into["u"])])
        return Found("absorption", original=[inner[0].index], result_from_context=True)
    takes = re.match(r"übernimmt", trigger.group())
    if takes and LEADS.search(text):  # "Die Leitung des Amtes übernimmt ...": a person, not a unit
        return None
    if takes and TASKS.search(text[max(0, trigger.start() - 30) : trigger.start()]):
        return None  # "Seine Aufgaben übernimmt das Hauptamt": tasks fronted, a transfer
    if takes and TASKS.search(trigger.group()):  # "übernimmt die Aufgaben des X": a transfer of functions
        return None
    if takes:
        subject = [s for s in p if s.start < trigger.start()]
        objects = [s for s in p if s.start > trigger.start() and "from" not in s.cues]
        if subject and objects and any(s.start > trigger.start() and "from" in s.cues for s in p):
            # "X übernimmt vom Y das Z": Z goes on under a new parent, nothing is absorbed
            moved = Found("relocation", original=[objects[0].index], resulting=[objects[0].index])
            moved.new_parent = subject[0].index
            return moved
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


def dissolution(p: list[Slot], trigger: re.Match, text: str) -> Found | list[Found] | None:
    if trigger.group() in ("geschlossen", "schließt") and TEMPORARY_CLOSING.search(text):
        return None  # "Das Bürgerbüro schließt am Freitag um 12 Uhr": closed for a while, not dissolved
    before = [
        s
        for s in p
        if s.start < trigger.start()
        and not s.cues & {"to", "parent"}
        and not OF_ACTION_NOUN.search(text[: s.start])
    ]
    after = [s for s in p if s.start > trigger.start() and "of_previous" not in s.cues]
    nominal = re.match(r"Auflösung|Abschaffung", trigger.group())
    if nominal and after or not before:
        units = _coordinated(after[:1] + after[1:], text) if after else []
    else:  # the subject right before the verb, with the units listed with it
        units = _coordinated(before[::-1], text, backwards=True)
    if not units:
        return None
    found = [Found("dissolution", original=[s.index]) for s in sorted(units, key=lambda s: s.start)]
    return found if len(found) > 1 else found[0]


def _coordinated(run: list[Slot], text: str, backwards: bool = False) -> list[Slot]:
    """The first slot of ``run`` and those listed with it (``X, Y und Z werden aufgelöst``)."""
    together = run[:1]
    for s in run[1:]:
        a, b = (s, together[-1]) if backwards else (together[-1], s)
        if not COORDINATED.match(text[a.end : b.start]):
            break
        together.append(s)
    return together


# a noun of restructuring names what it restructures as its genitive ("die Neuorganisation des Amtes X") or
# has it as the subject of its clause ("Das Amt X erhält einen neuen Zuschnitt"); a unit in another phrase
# or clause is not what it restructures
NOUN_OF_CHANGE = re.compile(r"[A-ZÄÖÜ]")
GENITIVE_AFTER = re.compile(r"^\w*\s+(?:de[sr]|von|vom)\s+(?:[a-zäöüß]+en\s+)?[„\"]?$")


def restructuring(p: list[Slot], trigger: re.Match, text: str) -> Found | list[Found] | None:
    """``Das Amt X wird neu strukturiert``, ``die Neuordnung des X``: the first unit named goes on."""
    units = [s for s in p if not s.cues & {"parent", "from", "to"}]
    if not units:
        return None
    if NOUN_OF_CHANGE.match(trigger.group()) and not any(
        GENITIVE_AFTER.match(text[trigger.end() : s.start])
        or s.end <= trigger.start()
        and not re.search(r"[,;:“”»]", text[s.end : trigger.start()])
        for s in units
    ):
        return None  # "..., zu denen der X zählen“, betont sie, dass dieser Umstrukturierungsprozess ..."
    if REFLEXIVE_NEW.search(text, max(0, trigger.start() - 40), trigger.end()):
        return None  # "X hat sich neu organisiert": a summary of what the text details, no change of its own
    if event_wording.describes(text, trigger):
        return None  # "die neu strukturierte Abteilung", "mit neuem Zuschnitt", "geplante Umstrukturierungen"
    return [Found("restructuring", original=[s.index], resulting=[s.index]) for s in units[:1]]


# the reflexive "sich neu organisiert / aufgestellt / strukturiert"
REFLEXIVE_NEW = re.compile(
    r"\bsich\s+(?:[\w.]+\s+){0,3}?neu\s+(?:organisiert|aufgestellt|strukturiert|geordnet)\b"
)
