"""A person's portfolio gains a unit: ``Stadtrat X ist künftig auch für das Umweltamt zuständig``, ``Die
Kämmerin verantwortet ab Mai die Fachbereiche A und B``, ``Der Erste Stadtrat wird die Verantwortung für das
Bauamt tragen``, ``Das Amt X fällt künftig in den Zuständigkeitsbereich von Y``. The units named as what
someone is responsible for move under that person's department: one kg:Relocation (each unit original and
resulting, as the gold format states a move). A unit before the words of responsibility is their new
parent (``Das Hauptamt ist künftig für das Bürgerbüro zuständig``). Without a cue of change (``künftig``,
``ab``, ``wird``, ``neu``) the sentence says how things stand: no change. A person who takes units into the
own portfolio moves them too (``übernimmt das X in seinen Bereich``, ``übernimmt sie in ihrem Dezernat
zusätzlich das X``); ``X übernimmt das Amt`` alone is taking over its lead (no change of units)."""

from __future__ import annotations

import re

from kommgraph.convert.extract.event_slots import COORDINATED, RELOCATION_CHANGE, Found, Slot, is_plain

# the words of responsibility, as the relocation trigger finds them (patterns/events.toml)
RESPONSIBLE = re.compile(
    r"(?i:zuständig|verantwortlich|verantwortet|verantworten|Verantwortung|Zuständigkeit|Zuständigkeitsbereich"
    r"|Verantwortungsbereich)$"
)
# what the person is responsible for: "für das X", "verantwortet (ab Mai) die X"
FOR_UNIT = re.compile(r"\b[Ff]ür\s+(?:de[mnrs]\s+|die\s+|das\s+)?(?:gesamte[nr]?\s+)?[„\"]?$")
OBJECT = re.compile(r"\b(?:de[nr]|die|das)\s+(?:[A-ZÄÖÜ]\w+e\s+)?[„\"]?$")  # "die Fachbereiche X und Y"
# "fallen in den Zuständigkeitsbereich von": the units are the subject before the verb
FALLS_INTO = re.compile(r"\b(?:fällt|fallen|fiel|fielen|kommt|kommen|wechselt|wechseln)\b[^«]{0,60}$")
# "nicht (mehr) nur für X": X stays where it is, more is added; a post that leads or succeeds
# ("Referatsleiter", "Sie wird X leiten und ist für Y zuständig", "Xs Nachfolger") is who changes, not a unit
KEPT = re.compile(r"\bnicht\s+(?:mehr\s+)?nur\b[^«]{0,20}$")
SUCCESSION = re.compile(
    r"\b(?:Nachfolger\w*|Nachfolge|leiten|leitet|leitete|Leitung|\w*[Ll]eiter(?:in)?|kommissarisch)\b"
)
# "seit einem Jahr auch für X zuständig": how things have stood for a while
STANDING = re.compile(r"\b[Ss]eit\b")
# a cue of change besides [relocation] change: "neu", "zusätzlich", a verb of taking or giving
CHANGE = re.compile(
    r"\b(?:[Nn]eu|zusätzlich|übernimmt|übernehmen|übernahm|übernahmen|erhält|erhalten|erhielt|bekommt|bekommen"
    r"|bekam|abgeben|abgegeben|gibt\b[^.;]{0,80}\bab)\b"
)


# a verb of taking whose objects go into the subject's own portfolio (the trigger saw the possessive phrase)
TAKES = re.compile(r"(?:übernimmt|übernehmen|bekommt|bekommen|erhält|erhalten|nimmt|nehmen)$")
OWN_PORTFOLIO = re.compile(r"\b(?:in|zu)\s+(?:sein|ihr)(?:e[mnrs]?)?\s+$")


def taken_into_portfolio(p: list[Slot], trigger: re.Match, text: str) -> list[Found] | None:
    """``X übernimmt das Rechtsamt sowie das Standesamt in seinen Bereich``, ``übernimmt sie in ihrem Dezernat
    zusätzlich das X``: a person (no unit before the verb) takes the units named after it into the own
    portfolio: they move. Without the possessive phrase ``X übernimmt das Amt`` is taking over its lead."""
    if any(is_plain(s) and s.end <= trigger.start() for s in p):
        return None  # a unit as the subject takes tasks or units in (transfer, absorption)
    own = [s for s in p if OWN_PORTFOLIO.search(text, max(0, s.start - 20), s.start)]
    held = [s for s in p if is_plain(s) and s.start > trigger.end() and s not in own]
    if not held:
        return None
    return [_moved(_coordinated(held, text, p), own[0] if own else None)]


def portfolio(p: list[Slot], trigger: re.Match, text: str) -> list[Found] | None:
    if TAKES.search(trigger.group()):
        return taken_into_portfolio(p, trigger, text)
    if not RESPONSIBLE.search(trigger.group()) or not (
        (RELOCATION_CHANGE.search(text) and not STANDING.search(text)) or CHANGE.search(text)
    ):
        return None
    word = trigger.group().lower()
    if word.endswith("bereich"):  # "X fällt künftig in den Zuständigkeitsbereich von Y"
        held = [s for s in p if is_plain(s) and s.end <= trigger.start()]
        if not held or not FALLS_INTO.search(text, held[-1].end, trigger.start()):
            return None
        return [_moved(_coordinated(held[:1] + held[1:], text), None)]
    if word.startswith("verantwortet") or word.startswith("verantworten"):
        held = [s for s in p if is_plain(s) and s.start > trigger.end() and OBJECT.search(text, 0, s.start)]
    else:
        held = [s for s in p if is_plain(s) and FOR_UNIT.search(text, max(0, s.start - 40), s.start)]
    if not held:
        return None
    if KEPT.search(text, 0, held[0].start) or SUCCESSION.search(text, 0, held[0].start):
        return None
    held = _coordinated(held, text, p)
    before = [
        s for s in p if (is_plain(s) or "parent" in s.cues) and s.end <= held[0].start and s not in held
    ]
    return [_moved(held, before[-1] if before else None)]


RESPONSIBLE_AFTER = re.compile(r"\b(?:zuständig|verantwortlich)\b")


def only_held(p: list[Slot], text: str) -> bool:
    """Every unit is what someone is responsible for (``für das X zuständig``): none of them takes tasks."""
    held = [s for s in p if FOR_UNIT.search(text, max(0, s.start - 40), s.start)]
    return bool(p) and len(held) == len(p) and bool(RESPONSIBLE_AFTER.search(text, held[-1].end))


def _coordinated(held: list[Slot], text: str, p: list[Slot] | None = None) -> list[Slot]:
    """The first unit held and those coordinated with it (``das Bauamt sowie das Ordnungsamt``)."""
    together = [held[0]]
    for s in (s for s in (p or held) if s.start > held[0].start):
        if not COORDINATED.match(text[together[-1].end : s.start]):
            break
        together.append(s)
    return together


def _moved(units: list[Slot], parent: Slot | None) -> Found:
    event = Found("relocation", original=[u.index for u in units], resulting=[u.index for u in units])
    if parent is not None:
        event.new_parent = parent.index
    return event
