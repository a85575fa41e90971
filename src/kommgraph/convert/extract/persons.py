"""Persons with their roles in one sentence (titles and phrasings in ``patterns/persons.toml``).

Patterns run on the sentence with unit mentions replaced by placeholders ``«U0»``; a person is
recognised only next to a role title or a phrase of leading (``von X und Y im Tandem geleitet``),
never from a capitalised word pair alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kommgraph.convert.extract.patterns import compiled, load

_DATA = load("persons")
_WORDS = _DATA["words"]
ROLE_OF: dict[str, str] = {}
DEPUTY_IF_SENIOR: set[str] = set()
for _entry in _DATA["titles"]:
    for _form in _entry["forms"]:
        ROLE_OF.setdefault(_form, _entry["role"])
        if _entry.get("deputy_if_senior_present"):
            DEPUTY_IF_SENIOR.add(_form)
NOT_NAMES = frozenset(_WORDS["not_names"])
FORMER = frozenset(_WORDS["former"])
_TITLE = "|".join(re.escape(t) for t in sorted(ROLE_OF, key=len, reverse=True))
_ADJ = "|".join(re.escape(a) for a in _WORDS["adjectives"])
_ACADEMIC = r"(?:(?:Frau|Herr|Herrn|Dr\.|Prof\.|Mag\.a?|DI|Dipl\.-Ing\.|Dr\.-Ing\.|Dr\.\s?h\.\s?c\.)\s+)*"
_PART = r"[A-ZÄÖÜ][a-zäöüßéèáàçñ]+(?:-[A-ZÄÖÜ][a-zäöüßéèáàçñ]+)?"
_NOT_FIRST = "|".join(re.escape(w) for w in sorted(_WORDS["not_names"], key=len, reverse=True))
_PARTICLE = r"(?:(?:von|van|de|zu|von\s+der|van\s+der)\s+)?"
NAME = rf"{_ACADEMIC}(?!(?:{_NOT_FIRST})\b){_PART}(?:\s+{_PART})?\s+{_PARTICLE}{_PART}(?![\w-])"
TANDEM = _WORDS["tandem"]
PRE = rf"(?P<pre>(?:\b(?:der|die|des|dem|den)\s+)?(?:(?:{_ADJ})\s+)*)"

TITLE_NAME = compiled(rf"{PRE}\b(?P<title>{_TITLE})\s+(?P<name>{NAME})")
TITLE_UNIT_NAME = compiled(
    rf"{PRE}\b(?P<title>{_TITLE})\s+(?:de[rs]|im|beim|vom)\s+(?:\w+e[nsr]?\s+)?«U(?P<u>\d+)»\s*,\s*(?P<name>{NAME})"
)
NAME_TITLE_UNIT = compiled(
    rf"(?P<name>{NAME})\s*,\s*{PRE}\b(?P<title>{_TITLE})\s+(?:de[rs]|im|beim|vom)\s+(?:\w+e[nsr]?\s+)?«U(?P<u>\d+)»"
)
LED_BY = compiled(
    rf"\bvon\s+(?P<name>{NAME})(?:\s+und\s+(?P<name2>{NAME}))?\s+(?P<tandem>(?:{TANDEM})\s+)?(?:\w+\s+)?geleitet"
    rf"|\b[Gg]eleitet\s+(?:\w+\s+){{0,2}}?von\s+(?P<name3>{NAME})(?:\s+und\s+(?P<name4>{NAME}))?"
)
LEADS = compiled(
    rf"(?P<name>{NAME})(?:\s+und\s+(?P<name2>{NAME}))?\s+(?:leitet|leiten|führt|führen|übernimmt\s+die\s+Leitung|übernehmen\s+die\s+Leitung)"
    rf"\s+(?:(?:{TANDEM})\s+)?(?:\w+\s+){{0,2}}?«U(?P<u>\d+)»"
)
_UNTIL_NAME = r"(?:[^.;]|(?<=\bDr)\.|(?<=\bProf)\.|(?<=\bMag)\.)*?"
TAKES_LEAD = compiled(
    rf"\bLeitung\s+(?:de[rs]\s+)?(?:\w+e[nsr]?\s+)?«U(?P<u>\d+)»\s+(?:übernimmt|übernehme|übernahm|übernommen|hat|liegt\s+bei)\b"
    rf"{_UNTIL_NAME}(?P<name>{NAME})"
)
LEAD_LATER = compiled(
    rf"\bLeitung\s+(?:de[rs]\s+)?(?:\w+e[nsr]?\s+)?«U(?P<u>\d+)»\s+(?:soll|wird|sollen|werden)\s+(?:(?:ab|zum|künftig)\s+(?:[\w.]+\s+){{0,3}}?)?"
    rf"(?P<name>{NAME})\s+übernehmen"
)
LEAD_NO_UNIT = compiled(
    rf"\b(?:[Dd]ie\s+)?(?:kommissarische\s+|neue\s+)?Leitung\s+(?:übernimmt|übernehmen|übernahm|hat|liegt\s+bei)\s+"
    rf"(?:(?:ab|zum|seit|im|künftig|nun)\s+(?:[\w.]+\s+){{0,3}}?)?(?P<name>{NAME})"
)
TITLE_IS_NAME = compiled(
    rf"(?:^\W*|[;:]\s+)(?:(?:Erste|Erster|Neue|Neuer|Designierte|Designierter|Kommissarische|Kommissarischer|Künftige|Künftiger)\s+)?(?P<title>{_TITLE})\s+(?:ist|wird|bleibt|war|wurde)\s+(?:(?:seit|ab|künftig|nun|weiterhin)\s+(?:[\w.]+\s+){{0,2}}?)?(?P<name>{NAME})"
)
UNDER_LEAD = compiled(rf"\bunter\s+(?:der\s+)?(?:\w+\s+)?Leitung\s+von\s+(?P<name>{NAME})")
TITLE_UNIT_IS_NAME = compiled(
    rf"{PRE}\b(?P<title>{_TITLE})\s+(?:de[rs]|im|beim|vom)\s+(?:\w+e[nrs]?\s+)?«U(?P<u>\d+)»[^.;«]{{0,60}}?\b(?:ist|wird|wurde|bleibt)\s+"
    rf"(?:[\w.]+\s+){{0,6}}?(?P<name>{NAME})"
)
MAY_HAVE_PERSON = compiled(rf"\b(?:{_TITLE}|[Gg]eleitet|leite[nt]|führ(?:t|en)|Leitung)\b")
OTHER_PLACE = compiled(
    r"^\s*,?\s*(?:\(|aus|von|der\s+Stadt|des\s+Landes|der\s+Gemeinde|des\s+Kreises)\s+(?P<p>[A-ZÄÖÜ][\w-]+)"
)


@dataclass(frozen=True)
class PersonMatch:
    name: str
    role: str
    title: str
    unit_index: int | None  # placeholder index of the unit, None for the authority or unknown
    start: int
    end: int
    former: bool = False
    takes_lead: bool = False


def clean_name(name: str) -> str:
    name = re.sub(_ACADEMIC, "", name)
    return re.sub(r"\s+", " ", name).strip()


def _valid(name: str) -> bool:
    parts = clean_name(name).split()
    return len(parts) >= 2 and not any(p in NOT_NAMES or p in ROLE_OF for p in parts)


def _other_place(text: str, end: int, place: str | None) -> bool:
    m = OTHER_PLACE.match(text[end:])
    return bool(
        m and place and m["p"] not in place and m["p"][:1].isupper() and len(m["p"]) > 3 and m["p"] != "Amt"
    )


def find_persons(text: str, place: str | None, senior_present: bool) -> list[PersonMatch]:
    """Persons in a sentence with placeholders; ``senior_present`` makes a Bürgermeister a deputy."""
    found: list[PersonMatch] = []
    if not MAY_HAVE_PERSON.search(text):
        return found
    taken: list[tuple[int, int]] = []

    def add(m: re.Match, key: str, role: str, title: str, unit: str | None, **flags) -> None:
        name = m[key]
        if not name or not _valid(name) or _other_place(text, m.end(key), place):
            return
        start, end = m.start(key), m.end(key)
        if any(a <= start < b for a, b in taken) and not flags.get("takes_lead"):
            return
        taken.append((start, end))
        found.append(
            PersonMatch(
                clean_name(name), role, title, int(unit) if unit else None, m.start(), m.end(), **flags
            )
        )

    def role_of(title: str) -> str:
        if title in DEPUTY_IF_SENIOR and senior_present:
            return "DeputyMayor"
        return ROLE_OF[title]

    for m in TITLE_UNIT_NAME.finditer(text):
        add(m, "name", role_of(m["title"]), m["title"], m["u"], former=_former(m["pre"]))
    for m in TITLE_UNIT_IS_NAME.finditer(text):
        add(m, "name", role_of(m["title"]), m["title"], m["u"], former=_former(m["pre"]))
    for m in NAME_TITLE_UNIT.finditer(text):
        add(m, "name", role_of(m["title"]), m["title"], m["u"], former=_former(m["pre"]))
    for m in TAKES_LEAD.finditer(text):
        add(m, "name", "Head", "Leitung", m["u"], takes_lead=True)
    for m in LEAD_LATER.finditer(text):
        add(m, "name", "Head", "Leitung", m["u"], takes_lead=True)
    for m in LEAD_NO_UNIT.finditer(text):
        add(m, "name", "Head", "Leitung", None, takes_lead=True)
    for m in TITLE_IS_NAME.finditer(text):
        add(m, "name", role_of(m["title"]), m["title"], None)
    for m in UNDER_LEAD.finditer(text):
        before = list(re.finditer(r"«U(\d+)»", text[: m.start()]))
        add(m, "name", "Head", "Leitung", before[-1].group(1) if before else None)
    for m in LED_BY.finditer(text):
        names = [k for k in ("name", "name2", "name3", "name4") if m[k]]
        role = "CoHead" if len(names) > 1 or m["tandem"] else "Head"
        for key in names:
            add(m, key, role, "Leitung", None)
    for m in LEADS.finditer(text):
        role = "CoHead" if m["name2"] else "Head"
        for key in ("name", "name2"):
            add(m, key, role, "Leitung", m["u"])
    for m in TITLE_NAME.finditer(text):
        add(m, "name", role_of(m["title"]), m["title"], None, former=_former(m["pre"]))
    return sorted(found, key=lambda p: p.start)


def _former(pre: str | None) -> bool:
    return bool(pre) and any(word in FORMER for word in pre.split())
