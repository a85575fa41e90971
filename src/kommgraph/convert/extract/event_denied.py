"""Changes a sentence names without stating them: denied (``Das Amt wird nicht aufgelöst``), only possible
(``könnten zusammengelegt werden``) or only asked for by others (``Die Fraktion fordert ...``).

Negation is read in the clause of the trigger (between commas, semicolons and colons), by the kind of
trigger: a verb is denied by ``nicht``/``nie`` anywhere in its clause or ``kein`` before it or before a
unit; a noun of change by ``ist nicht geplant``, ``keine`` before it; an adjective (``das neue Amt``) only
by ``kein neues Amt`` — ``Der Name des neuen Amtes steht noch nicht fest`` denies the name, not the unit.

Besides, a trigger word can be used in a sense that is no change of a unit (round 6, read from real texts
that state no change):

- a closing for a while: ``ist vom 24. Dezember bis zum 2. Januar geschlossen``, ``ist mittwochs
  geschlossen``, ``für den Besucherverkehr geschlossen`` (a span of days, a weekday adverb, the public);
- a person who takes over or moves: ``Karin Muster übernimmt das X-Departement``, ``Der Stadtpräsident
  Alec Probe wechselt in die Direktion ...`` (a personal name right before or after the verb);
- a standing responsibility: ``seit einem Jahr für die X zuständig`` (``seit`` with a span of time, not a
  date, says how long, not from when);
- a unit new to a speaker or a person, in a prepositional phrase: ``Ich freue mich auf die Arbeit mit der
  neuen Abteilung``, ``Wir wünschen Herrn Muster im neuen Amt alles Gute`` (a founding verb still founds);
- a noun of change after ``seit`` and a possessive or article (``Seit seiner Gründung im Jahr 1924 hat sich
  das Jugendamt … entwickelt``): the change as a point in time, told in passing;
- an attributive participle before another noun: ``die aufgehobenen Massnahmen`` (what ends is the
  measures, not a unit);
- a unit that goes on or opens again (round 8): ``Das Büro X wird es weiter geben``, ``nach der
  vorübergehenden Schließung ... in der neu eröffneten Stelle``;
- an aim or a unit's content, in a clause that names no unit (round 9): a purpose clause (``Um das Thema
  stärker zu bündeln, wird ...``) says what a change is for; a relative clause of place (``der Bereich X,
  in dem alle Aufgaben der Betreuung zusammengefasst sind``) says what a unit holds. What is bundled there
  is tasks or topics, not units.
"""

from __future__ import annotations

import re

from kommgraph.convert.extract.event_slots import (
    DECIDED,
    FOUNDING_VERB,
    KEIN,
    KEIN_UNIT,
    NOT_WORD,
    NOUN_DENIED,
    SPECULATIVE,
)
from kommgraph.convert.extract.firstnames import given_names

CHANGE_NOUN = re.compile(r"^[A-ZÄÖÜ][a-zäöüß]*(?:ung|ungen|ion|schluss|wechsel|änderung|gründung)$")
NEW_UNIT = re.compile(r"^[Nn]eu.*«U\d+»$")
BOUNDARY = re.compile(r"[,;:]")


def _clause(text: str, start: int, end: int) -> tuple[str, int]:
    """The clause around ``text[start:end]`` and where it begins."""
    begin = max((m.end() for m in BOUNDARY.finditer(text, 0, start)), default=0)
    after = BOUNDARY.search(text, end)
    return text[begin : after.start() if after else len(text)], begin


THERE_IS = re.compile(r"\bgibt\s+es\b|\bgeben\b")
NO_LONGER = re.compile(r"\bnicht\s+mehr\b")
CLOSED = re.compile(r"^(?:geschlossen|schließt|schließen)$")
# "vom 24. Dezember bis zum 2. Januar", "bis einschließlich Sonntag", "mittwochs", "für den Besucherverkehr"
FOR_A_WHILE = re.compile(
    r"\b(?:[Vv]o[mn]\b[^.;]{1,40}?\bbis\b|bis\s+(?:einschließlich|einschl\.|zum)\b"
    r"|(?:montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag)s\b"
    r"|für\s+(?:den|die)\s+(?:Besucher|Publikums|Kunden|Parteien)\w*"
    r"|zwischen\s+den\s+(?:Jahren|Feiertagen)|über\s+(?:Weihnachten|Ostern|Pfingsten|den\s+Jahreswechsel)"
    r"|an\s+(?:diese[mn]|de[mn]|beiden|zwei|drei|einige[mn])\s+(?:beiden\s+|zwei\s+|drei\s+)?Tag(?:en)?\b)"
)
# "übernimmt die frei werdenden Räume", "übernimmt eine wichtige Rolle": what is taken over is no task
TAKE_OVER = re.compile(r"^(?:übernimmt|übernehmen|übernahm|übernommen)")
ROLE_OR_PREMISES = re.compile(
    r"\b(?:Rolle|Räume|Räumlichkeiten|Gebäude|Büros?|Kosten|Miete|Patenschaft|Schirmherrschaft)\b"
)
INTO_OWN = re.compile(
    r"\b(?:in|zu)\s+(?:sein|ihr)(?:e[mnrs]?)?\s+(?:«U\d+»|(?:[\w-]+\s+){0,2}?[\w-]*(?:Dezernat|Bereich|Ressort)\b)"
)
TAKE_OR_MOVE = re.compile(r"(?:übernimmt|übernehmen|übernahm|wechselt|wechseln|wechselte)\b")
NAME_BEFORE = re.compile(
    r"\b(?P<given>[A-ZÄÖÜ][a-zäöüß]+)\s+(?:(?:von|van|de|zu|vom)\s+)?[A-ZÄÖÜ][\w-]+\s*(?:\([^()]{1,20}\)\s*)?,?\s*$"
)
NAME_THEN_OBJECT = re.compile(
    r"\b(?P<given>[A-ZÄÖÜ][a-zäöüß]+)\s+(?:(?:von|van|de|zu|vom)\s+)?[A-ZÄÖÜ][\w-]+\s+(?:[a-zäöüß]+\s+){0,3}"
    r"(?:das|den|die|dem)\s+(?:neue[nmrs]?\s+)?«U\d+»\s*$"
)
# "Die neue Stadtpräsidentin, Marieke Muster, übernimmt": a title of a person (by its ending) before a name
TITLED_NAME_BEFORE = re.compile(
    r"(?:präsident|rat|rätin|meister|dezernent|direktor|leiter|chef|sprecher)(?:in)?,?\s+[A-ZÄÖÜ][a-zäöüß]+\s+"
    r"(?:(?:von|van|de|zu|vom)\s+)?[A-ZÄÖÜ][\w-]+\s*(?:\([^()]{1,20}\)\s*)?,?\s*$"
)
NAME_AFTER = re.compile(r"\s+(?P<given>[A-ZÄÖÜ][a-zäöüß]+)\s+(?:(?:von|van|de|zu|vom)\s+)?[A-ZÄÖÜ][\w-]+")
# "seit einem Jahr", "seit zwei Monaten", "seit Jahren", "seit langem": how long, not from when
SINCE_SPAN = re.compile(
    r"\b[Ss]eit\s+(?:(?:einem|einer|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|vielen|einigen|mehreren|"
    r"\d+)\s+)?(?:Jahr|Jahren|Monat|Monaten|Woche|Wochen|Jahrzehnt|Jahrzehnten|langem|Langem|jeher)\b"
)
RESPONSIBLE = re.compile(r"\bzuständig\b")
# "Seit seiner Gründung im Jahr 1924 hat sich das Amt ... entwickelt": the change as a point in time
SINCE_THE_CHANGE = re.compile(r"\b[Ss]eit\s+(?:seiner|ihrer|dessen|deren|der|dem)\s+$")
ATTRIBUTIVE = re.compile(r"e[nmrs]?\s+(?!«U)[A-ZÄÖÜ]")


# "mit der neuen «U»", "im neuen «U»": the new unit in a prepositional phrase, not as what is founded
NEW_AFTER_PREPOSITION = re.compile(
    r"\b(?:mit|in|bei|auf|an|zu|für|von)\s+(?:de[rmn]|die|das)\s+$|\b(?:im|beim|zum|zur|vom|am)\s+$"
)
# the speaker (first person, as in a quote) or a person addressed by name: "Herrn Muster im neuen Amt"
SPEAKER_OR_PERSON = re.compile(
    r"\b(?:[Ii]ch|mich|mir|[Ww]ir|uns|unsere[mnrs]?)\b|\b(?:Herrn?|Frau)\s+[A-ZÄÖÜ]"
)


def _new_for_someone(text: str, trigger: re.Match) -> bool:
    """``Ich freue mich auf die Arbeit mit der neuen Abteilung``, ``Wir wünschen Herrn Muster im neuen Amt
    alles Gute``: new to a speaker or a person (a post, a new place of work), no founding said."""
    return bool(
        NEW_AFTER_PREPOSITION.search(text, 0, trigger.start())
        and SPEAKER_OR_PERSON.search(text)
        and not FOUNDING_VERB.search(text)
    )


def _person_acts(text: str, trigger: re.Match) -> bool:
    """``Karin Muster übernimmt das X``, ``übernimmt Karin Muster das X``: a person, not a unit, acts."""
    names = given_names()
    verb = TAKE_OR_MOVE.match(trigger.group())
    before = NAME_BEFORE.search(text, 0, trigger.start())
    after = NAME_AFTER.match(text, trigger.start() + verb.end()) if verb else None
    titled = TITLED_NAME_BEFORE.search(text, 0, trigger.start())
    final = NAME_THEN_OBJECT.search(text, 0, trigger.start())  # "... Karin Muster das X übernehmen"
    return bool(titled) or any(m and m.group("given") in names for m in (before, after, final))


# "wird es ... weiter geben", "gibt es weiterhin": a unit goes on; "nach der vorübergehenden Schließung ...
# in der neu eröffneten Stelle ... wiederaufgenommen": a unit opens again. Neither founds a unit.
GOES_ON = re.compile(r"\bweiter(?:hin)?\s+(?:zu\s+)?geben\b|\bgibt\s+es\s+(?:\w+\s+){0,3}?weiterhin\b")
OPENS_AGAIN = re.compile(
    r"\b(?:wieder\s*(?:eröffnet|geöffnet|aufgenommen|in\s+Betrieb)|wiedereröffne\w*|wiederaufgenommen"
    r"|vorübergehend\w*\s+(?:Schließung|geschlossen))"
)
GIVING = re.compile(r"\b(?:geben|gibt)\b")
OPENING = re.compile(r"eröffne")


def _goes_on(text: str, trigger: re.Match) -> bool:
    """``Das Büro X wird es weiter geben``, ``nach der vorübergehenden Schließung ... in der neu eröffneten
    Stelle X``: what is there already goes on or opens again, no unit is founded."""
    word = trigger.group()
    if GIVING.search(word):
        return bool(GOES_ON.search(text))
    return bool(OPENING.search(word) and OPENS_AGAIN.search(text))


# "Um ... zu bündeln, ...", "..., um ... zu stärken": a purpose clause; ", in dem ...", ", in der ...": a
# relative clause of place
AIM_OR_CONTENT = re.compile(r"^\s*(?:[Uu]m|in\s+(?:dem|der|denen|welche[mr]))\s")


def _aim_or_content(text: str, trigger: re.Match) -> bool:
    """``Um das Thema stärker zu bündeln, ...``, ``..., in dem alle Aufgaben zusammengefasst sind``: the
    trigger's clause names no unit and states an aim or what a unit holds, not a change of units."""
    clause, _ = _clause(text, trigger.start(), trigger.end())
    return bool(AIM_OR_CONTENT.match(clause)) and "«U" not in clause


def other_sense(text: str, trigger: re.Match) -> bool:
    """True when the trigger word is used in a sense that changes no unit (see the module's docstring)."""
    word = trigger.group()
    if _goes_on(text, trigger) or _aim_or_content(text, trigger):
        return True
    if NEW_UNIT.match(word):
        return _new_for_someone(text, trigger)
    if CHANGE_NOUN.match(word) and SINCE_THE_CHANGE.search(text, 0, trigger.start()):
        return True
    if CLOSED.match(word) and FOR_A_WHILE.search(text):
        return True
    if TAKE_OR_MOVE.match(word) and _person_acts(text, trigger) and not INTO_OWN.search(text, trigger.end()):
        return True  # (but "X übernimmt das Y in seinen Bereich" moves Y into X's portfolio)
    if TAKE_OVER.match(word) and ROLE_OR_PREMISES.search(_clause(text, trigger.start(), trigger.end())[0]):
        return True
    if RESPONSIBLE.search(word) and SINCE_SPAN.search(word):
        return True
    return bool(re.fullmatch(r"[a-zäöüß]+", word) and ATTRIBUTIVE.match(text, trigger.end()))


def speculative(text: str) -> bool:
    """A possibility or another's proposal, and no decision in the same sentence."""
    return bool(SPECULATIVE.search(text)) and not DECIDED.search(text)


def denied(text: str, trigger: re.Match) -> bool:
    """True when the change the trigger names is negated in its clause or only possible or proposed."""
    if speculative(text) or other_sense(text, trigger):
        return True
    clause, begin = _clause(text, trigger.start(), trigger.end())
    at, until = trigger.start() - begin, trigger.end() - begin
    word = trigger.group()
    if NEW_UNIT.match(word):
        return bool(KEIN_UNIT.search(clause))
    if THERE_IS.search(word) and not NO_LONGER.search(word) and NO_LONGER.search(clause):
        return True  # "gibt es das X nicht mehr": an end, read as a dissolution
    if CHANGE_NOUN.match(word):
        return bool(NOUN_DENIED.match(clause, until) or re.search(r"\b[Kk]eine[nr]?\s+$", clause[:at]))
    return bool(NOT_WORD.search(clause) or KEIN.search(clause, 0, at) or KEIN_UNIT.search(clause))
