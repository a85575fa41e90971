"""Persons with their roles in one sentence (titles and phrasings in ``patterns/persons.toml``).

Patterns run on the sentence with unit mentions replaced by placeholders ``«U0»``; a person is
recognised only next to a role title or a phrase of leading (``von X und Y im Tandem geleitet``),
never from a capitalised word pair alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from kommgraph.convert.extract.firstnames import is_given_name
from kommgraph.convert.extract.patterns import compiled, literal_alternation, load

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
_TITLE = literal_alternation(sorted(ROLE_OF, key=len, reverse=True))
# each adjective is followed by whitespace and has none inside: at most one can match at a position,
# so trying the longest first (the factored form) finds what the listed order finds
_ADJ = literal_alternation(sorted(_WORDS["adjectives"], key=len, reverse=True))
_ACADEMIC = r"(?:(?:Frau|Herr|Herrn|Dr\.|Prof\.|Mag\.a?|DI|Dipl\.-Ing\.|Dr\.-Ing\.|Dr\.\s?h\.\s?c\.)\s+)*"
_PART = r"[A-ZÄÖÜ][a-zäöüßéèáàçñ]+(?:-[A-ZÄÖÜ][a-zäöüßéèáàçñ]+)?"
_NOT_FIRST = literal_alternation(sorted(_WORDS["not_names"], key=len, reverse=True))
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
MAY_HAVE_PERSON = compiled(
    rf"\b(?:{_TITLE}|[Gg]eleitet|leite[nt]|führ(?:t|en)|Leitung)\b|[A-ZÄÖÜ]\w+\s+[A-ZÄÖÜ]"
)
NOT_SURNAMES = frozenset(_WORDS["not_surnames"])
_ENDINGS = {role: sorted(e, key=len, reverse=True) for role, e in _DATA["title_endings"].items()}
_ENDING = literal_alternation(sorted({e for es in _ENDINGS.values() for e in es}, key=len, reverse=True))
# a title word: a listed title or a compound recognised by its ending (Ordnungsdezernenten, Staatssekretärin)
_ENDING_WORD = literal_alternation(
    [e.capitalize() for e in sorted({e for es in _ENDINGS.values() for e in es}, key=len, reverse=True)]
)
TITLE_WORD = (
    rf"(?:{_TITLE}|(?:{_ENDING_WORD})(?:en|n|s)?|[A-ZÄÖÜ][\wäöüß]*(?:{_ENDING})(?:en|n|s)?"
    rf"|(?:[A-ZÄÖÜ][\wäöüß]*-)+[A-Za-zÄÖÜäöüß]*(?:{_ENDING})(?:en|n|s)?)"
)
# letters of names from other European languages too: "Zadić", "Doğan", "Šimunović", "Dvořák"
_LOWER = "a-zäöüßéèáàçñëïćčšžđğışřńłśźżőűăâîţ"
_CAP = rf"[A-ZÄÖÜŠŽČĆŁ][{_LOWER}]+(?:-[A-ZÄÖÜŠŽČĆŁ][{_LOWER}]+)?"
# Given name, optional second given name, particle, surname: checked against the name dictionary in code
GIVEN_SURNAME = compiled(
    rf"(?<![\w\-.])(?P<given>{_CAP})(?:\s+(?P<middle>{_CAP}))?(?:\s+[A-ZÄÖÜ]\.)?\s+(?P<particle>(?:von|van|de|zu|von\s+der|van\s+der|de\s+la)\s+)?"
    rf"(?P<surname>{_CAP})(?![\w-])"
)
CAPITAL = compiled(r"(?<![\w\-.])[A-ZÄÖÜ][\w-]*")
TITLE_ONLY = compiled(TITLE_WORD)
# "Erika Mustermann Beispiel, ...": a Swiss double surname ends before a comma, "und", a bracket, a party in
# brackets ("(SP)") or a verb
DOUBLE_SURNAME_END = compiled(
    r"\s*(?:[,)]|\s+und\s|\s+\([A-ZÄÖÜ][\w/.-]{0,12}\)|\s+(?:bleibt|wird|ist|war|hat|übernimmt|leitet|wechselt|soll|führt)\b)"
)
# bylines, photo credits and captions name journalists and photographers, not office holders
CREDIT_BEFORE = compiled(
    r"(?:(?:^|[-–]\s)[Vv]on|Bild:|Fotos?:|Text:|Autor(?:in)?:|©[^,;]*|\|[^,;|]*,)\s*$|\w/$"
)
# a name that is the whole line, or a name and a place before the text ("Erika Mustermann, Beispielhausen"):
# a byline, not an office holder
CREDIT_AFTER = compiled(r"\s*(?:$|\n|,\s*(?P<place>[A-ZÄÖÜ][a-zäöüß-]+)(?:[A-ZÄÖÜ]|\s*$|\n))")
# a council group's or party's office is no role in the administration
NOT_ADMINISTRATION = compiled(r"Fraktion|Partei")
# "Gemeinderat Musterstadt", "Magistrat Beispielhausen": a body, not a person's title, before a bare name
BODY_TITLE = compiled(r"(?<!Land)rat$|^(?:Magistrat|Referat|Senat|Monat|Apparat)$")
NOUN_ENDINGS = compiled(
    r"(?:ung|ungen|heit|keit|schaft|ion|ionen|tät|ur|ie|ien|ismus|service|ment|ik|nis|nisse|ales|elles|eres)$"
)
TITLE_BEFORE = compiled(rf"(?P<title>{TITLE_WORD})\s+(?:\([^()]{{1,20}}\)\s+)?{_ACADEMIC}$")
TITLE_AFTER = compiled(
    rf"^\s*(?:\([^()]{{1,20}}\)\s*)?,\s+(?:(?:der|die|des|dem|den)\s+)?(?:(?:{_ADJ})\s+)*(?P<title>{TITLE_WORD})\b"
)
# the second of two name words after a title, the first a given name the dictionary lacks: it is followed by
# a party in brackets, a comma, a full stop or a word in lower case (a verb), not by a third name word
SURNAME_AFTER_UNKNOWN_GIVEN = compiled(rf"[ \t](?P<name>{_CAP})(?=\s*[(,.]|\s+[a-zäöüß])")
# "Herr Gemeinderat X", "Frau Landesrätin X": an office that names a body ("Gemeinderat") is a person's here
ADDRESSED = compiled(r"\b(?:Frau|Herrn?)\s+$")
SURNAME_AFTER_TITLE = compiled(
    rf"(?<![\w-])(?P<title>{TITLE_WORD}|Frau|Herrn?)\s+(?:\([^()]{{1,20}}\)\s+)?{_ACADEMIC}(?P<name>{_CAP})(?![\w-])"
)
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
    return len(parts) >= 2 and not any(
        p in NOT_NAMES or p in ROLE_OF or title_role(p) != "Member" for p in parts
    )


def _before_next_name(text: str, name: str, start: int, end: int) -> tuple[str, int]:
    """``Landrat Hans Muster Anna Beispiel beauftragt``: a third word that is a given name, followed by a
    capitalised word, begins the next person's name (the object after the subject's title and name)."""
    parts = name.split()
    if len(parts) != 3 or not _given(parts[2]) or _given(parts[1]):
        return name, end
    if not re.match(r"[ \t]+[A-ZÄÖÜ][a-zäöüß]", text[end:]):
        return name, end
    cut = name.rindex(parts[2])
    return name[:cut].rstrip(), start + len(name[:cut].rstrip())


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
        name, end = _before_next_name(text, name, start, end)
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

    # words each pattern needs (a cheap test: most sentences have no unit or no "Leitung")
    unit, lead = "«U" in text, "Leitung" in text
    for m in TITLE_UNIT_NAME.finditer(text) if unit else ():
        add(m, "name", role_of(m["title"]), m["title"], m["u"], former=_former(m["pre"]))
    for m in TITLE_UNIT_IS_NAME.finditer(text) if unit else ():
        add(m, "name", role_of(m["title"]), m["title"], m["u"], former=_former(m["pre"]))
    for m in NAME_TITLE_UNIT.finditer(text) if unit else ():
        add(m, "name", role_of(m["title"]), m["title"], m["u"], former=_former(m["pre"]))
    for m in TAKES_LEAD.finditer(text) if unit and lead else ():
        add(m, "name", "Head", "Leitung", m["u"], takes_lead=True)
    for m in LEAD_LATER.finditer(text) if unit and lead else ():
        add(m, "name", "Head", "Leitung", m["u"], takes_lead=True)
    for m in LEAD_NO_UNIT.finditer(text) if lead else ():
        add(m, "name", "Head", "Leitung", None, takes_lead=True)
    for m in TITLE_IS_NAME.finditer(text):
        add(m, "name", role_of(m["title"]), m["title"], None)
    for m in UNDER_LEAD.finditer(text) if lead else ():
        before = list(re.finditer(r"«U(\d+)»", text[: m.start()]))
        add(m, "name", "Head", "Leitung", before[-1].group(1) if before else None)
    for m in LED_BY.finditer(text) if "eleitet" in text else ():
        names = [k for k in ("name", "name2", "name3", "name4") if m[k]]
        role = "CoHead" if len(names) > 1 or m["tandem"] else "Head"
        for key in names:
            add(m, key, role, "Leitung", None)
    for m in LEADS.finditer(text) if unit else ():
        role = "CoHead" if m["name2"] else "Head"
        for key in ("name", "name2"):
            add(m, key, role, "Leitung", m["u"])
    for m in TITLE_NAME.finditer(text):
        add(m, "name", role_of(m["title"]), m["title"], None, former=_former(m["pre"]))
    _named_persons(text, found, taken, place)
    return sorted(found, key=lambda p: p.start)


@cache
def title_role(title: str) -> str:
    """The role a title word stands for: a listed title, else by its ending; ``Member`` otherwise."""
    if title in ROLE_OF:
        return ROLE_OF[title]
    word = title.casefold()
    for stem in (word, word[:-2], word[:-1]):
        for role, endings in _ENDINGS.items():
            if any(stem.endswith(e) for e in endings):
                return role
    return "Member"


def _given(word: str) -> bool:
    return all(is_given_name(part) for part in word.split("-"))


def _surname_ok(word: str) -> bool:
    head = word.split("-")[-1]
    return word not in NOT_NAMES and word not in ROLE_OF and head not in NOT_SURNAMES and len(word) > 1


def _named_persons(text: str, found: list[PersonMatch], taken: list[tuple[int, int]], place) -> None:
    """Persons named with a given name from the name dictionary (``Erika Mustermann``, ``Max-Otto Beispiel``),
    their role from a title right before (``Ministerin Erika Mustermann``) or after (``X, Leiterin des ...``);
    a surname alone only right after a title or ``Frau``/``Herr`` (``Bürgermeister Beispiel``)."""
    cut = 0
    for word in CAPITAL.finditer(text):
        start = word.start()
        if start < cut or not is_given_name(word.group()):  # a cheap look-up before the full pattern
            continue
        m = GIVEN_SURNAME.match(text, start)
        if not m:
            continue
        given, middle, surname = m["given"], m["middle"], m["surname"]
        if not _given(given) or given in NOT_NAMES:
            continue
        end, genitive = m.end(), False
        if middle and not _given(middle):
            if m["particle"] or not _surname_ok(middle):
                continue
            if (
                not (_surname_ok(surname) and DOUBLE_SURNAME_END.match(text, end))
                or title_role(surname) != "Member"
                or middle.endswith("s")
            ):
                end = m.start("middle") + len(middle)  # "Eva Muster Ministerin": the name ends at Muster
                genitive = middle.endswith("s") and not middle.endswith("ss")  # "über Max Beispiels Klage"
            surname = middle
        if not _surname_ok(surname) or any(a <= start < b for a, b in taken):
            continue
        name = text[start : end - genitive]
        if CREDIT_BEFORE.search(text[max(0, start - 12) : start]) or _byline(text, start, end):
            continue
        title, role = _title_near(text, start, end)
        if NOT_ADMINISTRATION.search(title):
            continue
        taken.append((start, end))
        cut = end
        found.append(PersonMatch(clean_name(name), role, title, None, start, end))
    for m in _titled_surnames(text):
        name = m["name"]
        if is_given_name(name) or not _surname_ok(name) or any(a <= m.start("name") < b for a, b in taken):
            continue
        if (
            m["title"] in NOT_NAMES
            or NOUN_ENDINGS.search(name)
            or NOT_ADMINISTRATION.search(m["title"])
            or (BODY_TITLE.search(m["title"]) and not ADDRESSED.search(text, 0, m.start()))
            or title_role(name) != "Member"  # an office after a title: "Herr Landesrat", "als Stellvertreter"
            or (place and name in place.split())  # "Bürgermeister Musterstadt", "des Gemeinderats Musterwil"
        ):
            continue
        end = m.end("name")
        rest = SURNAME_AFTER_UNKNOWN_GIVEN.match(text, end)  # "Ministerin Musterine Beispiel (Partei)"
        if rest and _plain_surname(rest["name"]) and m["title"] not in ("Frau", "Herr", "Herrn"):
            name, end = f"{name} {rest['name']}", rest.end("name")
        taken.append((m.start("name"), end))
        title = m["title"] if m["title"] not in ("Frau", "Herr", "Herrn") else ""
        found.append(PersonMatch(name, title_role(title) if title else "Member", title, None, m.start(), end))


def _plain_surname(word: str) -> bool:
    """A word that can be a surname after a given name the dictionary lacks: no given name, office or noun."""
    return (
        not is_given_name(word)
        and _surname_ok(word)
        and not NOUN_ENDINGS.search(word)
        and title_role(word) == "Member"
    )


def _titled_surnames(text: str):
    """The matches of ``SURNAME_AFTER_TITLE``; where the word after a title is an office itself, the search
    goes on from that office (``Herr Landesrat Beispiel``: ``Landesrat Beispiel``)."""
    m = SURNAME_AFTER_TITLE.search(text)
    while m:
        yield m
        office = title_role(m["name"]) != "Member"
        m = SURNAME_AFTER_TITLE.search(text, m.start("name") if office else m.end())


def settle_names(facts) -> None:
    """``Bürgermeister Beispiel`` is the ``Max Beispiel`` named elsewhere in the text; a surname alone that
    is a word of a unit's name in the text (``Abteilungsleiter Muster`` beside the ``Abteilung Muster``)
    names the unit's field, not a person."""
    full = [m.person for m in facts.memberships if " " in m.person]
    for m in facts.memberships:  # a genitive "Max Beispiels" when "Max Beispiel" is named too
        if m.person.endswith("s") and m.person[:-1] in full:
            m.person = m.person[:-1]
    for m in facts.memberships:
        if " " not in m.person:
            longer = [name for name in full if name.endswith(" " + m.person)]
            if longer:
                m.person = longer[0]
    fields = {word for name in facts.units for word in re.findall(r"[\w-]+", name)}
    facts.memberships[:] = [m for m in facts.memberships if " " in m.person or m.person not in fields]


def _byline(text: str, start: int, end: int) -> bool:
    """A name alone at the start of a line, or with a place after it: the author of the text."""
    after = CREDIT_AFTER.match(text, end)
    if not after or text[:start].strip(' \n"„“'):
        return False
    return not after["place"] or not TITLE_ONLY.fullmatch(after["place"])


def _title_near(text: str, start: int, end: int) -> tuple[str, str]:
    before = TITLE_BEFORE.search(text[max(0, start - 80) : start])
    if before:
        return before["title"], title_role(before["title"])
    after = TITLE_AFTER.match(text[end : end + 120])
    if after:
        return after["title"], title_role(after["title"])
    return "", "Member"


def _former(pre: str | None) -> bool:
    return bool(pre) and any(word in FORMER for word in pre.split())
