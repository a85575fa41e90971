"""German date expressions at their true precision (day, month or year), with relative forms."""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from kommgraph.convert.extract.model import DateValue
from kommgraph.convert.extract.patterns import compiled, load

_DATA = load("dates")
MONTHS: dict[str, int] = _DATA["months"]
NUMBERS: dict[str, int] = _DATA["numbers"]
_MONTH = "|".join(sorted((re.escape(m) for m in MONTHS), key=len, reverse=True))
_MONTH_WORD = rf"(?P<mon>(?i:{_MONTH}))\.?"

NUMERIC = compiled(r"(?<![\d.])(?P<d>\d{1,2})\.\s?(?P<m>\d{1,2})\.\s?(?P<y>\d{4}|\d{2})(?![\d.]*\d)")
ISO = compiled(r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b")
DAY_MONTH_YEAR = compiled(rf"(?<![\d.])(?P<d>\d{{1,2}})\.\s?{_MONTH_WORD}\s+(?P<y>\d{{4}})\b")
DAY_MONTH = compiled(rf"(?<![\d.])(?P<d>\d{{1,2}})\.\s?{_MONTH_WORD}(?!\s*\d)")
ORDINALS: dict[str, int] = _DATA["ordinals"]
_FULL_MONTH = "|".join(m for m in MONTHS if not any(o != m and o.startswith(m) for o in MONTHS))  # no "Jan"
# "zum ersten Januar", "am ersten Januar 2031": a day spelled out, with or without its year
ORDINAL_DAY = compiled(
    rf"\b(?i:zum|am|ab|per|vom|seit|bis\s+zum|auf\s+den)\s+(?P<date>(?P<d>{'|'.join(ORDINALS)})\s+"
    rf"(?P<mon>(?i:{_FULL_MONTH}))(?![\w.])(?:\s+(?P<y>\d{{4}})\b)?)"
)
MONTH_YEAR = compiled(rf"\b{_MONTH_WORD}\s+(?P<y>\d{{4}})\b")
# "zum 01.07.", "am 1.7.": a numeric day and month without a year, trusted only after a word of dating
DAY_MONTH_NUMERIC = compiled(
    r"\b(?:zum|ab|am|per|vom|seit|bis\s+zum|auf\s+den|Wirkung\s+vom)\s+(?:dem\s+)?"
    r"(?P<date>(?<![\d.])(?P<d>\d{1,2})\.\s?(?P<m>\d{1,2})\.)(?!\s?\d)",
    re.IGNORECASE,
)
MONTH_ONLY = compiled(rf"\b(?:im|seit|ab|bis|Anfang|Mitte|Ende|zum|Im|Seit|Ab)\s+{_MONTH_WORD}(?!\s*\d)\b")
YEAR = compiled(r"(?<![\d./-])(?P<y>(?:19|20)\d\d)(?![\d/.]\d|-\d)")
# "die übermorgen in Betrieb geht", "ab morgen": the adverbs in lower case (not "am Morgen", "heute morgen")
DAYS_AHEAD = compiled(r"(?<!\bheute\s)(?<!\bgestern\s)\b(?:übermorgen|morgen)\b")
REL = {key: compiled(_DATA["relative"][key], re.IGNORECASE) for key in _DATA["relative"]}
EFFECTIVE_CUE = compiled(_DATA["cues"]["effective"], re.IGNORECASE)
ANNOUNCED_CUE = compiled(_DATA["cues"]["announced"], re.IGNORECASE)
ANNOUNCED_NEAR = compiled(_DATA["cues"]["announced_near"], re.IGNORECASE)
PAST_TENSE = compiled(_DATA["cues"]["past_tense"])
# the perfect with "haben" around a date: a finite "hat/haben" before it in its clause and a past participle
# (lower case, in -t or -en, no "zu" before it) closing the clause after it; a date's own full stops count
_IN_CLAUSE = r"(?:[^.;:,]|(?<=\d)\.)"
AUX_BEFORE = compiled(rf"\b(?P<aux>hat|haben|ist|sind)\b{_IN_CLAUSE}*$")
AUX_AFTER = compiled(rf"{_IN_CLAUSE}{{0,40}}?\b(?P<aux>hat|haben|ist|sind)\b")
PARTICIPLE_CLOSING = compiled(
    rf"{_IN_CLAUSE}{{0,120}}?(?<!\bzu\s)\b(?P<part>[a-zäöüß]\w*(?:t|en))\s*(?=[.;:,!?]|$)"
)


DECIDED = frozenset(
    "beschlossen entschieden verabschiedet zugestimmt gebilligt genehmigt angekündigt bekanntgegeben"
    " vorgestellt mitgeteilt festgelegt vereinbart".split()
)


def _in_perfect(text: str, start: int, end: int) -> bool:
    """The date stands in a clause in the perfect (``hat am 1. Februar … aufgenommen``, ``Im Januar ist das
    Amt … gestartet``); with ``ist/sind`` the participle has ``ge``. A date after ``ab`` looks ahead (``ist ab
    1. Juli geschlossen``), and so does the date of what a decision decides (``hat zum 1. Januar die Gründung
    beschlossen``)."""
    before = text[max(0, start - 120) : start]
    aux = AUX_BEFORE.search(before) or AUX_AFTER.match(text, end)
    participle = PARTICIPLE_CLOSING.match(text, end) if aux else None
    if participle is None or re.search(r"\b[Aa]b\s*$", before) or participle["part"] in DECIDED:
        return False
    return aux["aux"] in ("hat", "haben") or "ge" in participle["part"]


FORWARD_CUE = compiled(_DATA["cues"]["forward"], re.IGNORECASE)
EFFECTIVE_AFTER = compiled(_DATA["cues"]["effective_after"], re.IGNORECASE)
ANNOUNCED_AFTER = compiled(_DATA["cues"]["announced_after"])
# a cue before the date that makes it the date a change takes effect, whatever follows
STRONG_EFFECTIVE = compiled(
    r"\b(?:zum|zur|ab|per|mit\s+Wirkung\s+(?:vom|zum|ab)|Wirkung\s+zum|auf\s+den)\s*$", re.IGNORECASE
)
# a past participle used as an adjective right after the date: what it describes has happened
PARTICIPLE_AFTER = compiled(r"\s+(?:\w+\s+){0,2}?\w*ge\w{2,}?(?:te|ene)[nmrs]?\b")
ENACTMENT = compiled(_DATA["cues"]["enactment"])
ENACTED = compiled(_DATA["cues"]["enacted"])
ENACTED_BEFORE = compiled(_DATA["cues"]["enacted_before"])


MAY_HAVE_DATE = compiled(rf"\d|(?i:{_MONTH}|jahr|monat|sofort|wirkung|morgen)")


@dataclass(frozen=True)
class DateMatch:
    start: int
    end: int
    value: DateValue
    relative: bool = False  # resolved against the publication date


def _date(y: int, m: int, d: int) -> str | None:
    try:
        return dt.date(y, m, d).isoformat()
    except ValueError:
        return None


def _year(text: str) -> int:
    y = int(text)
    return y if y > 99 else (2000 + y if y < 50 else 1900 + y)


def parse_date(text: str) -> DateValue | None:
    """The first date in ``text`` (e.g. a header value ``2023-05-30`` or ``30.05.2023``)."""
    text = text.strip()
    if re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", text):
        return DateValue(text)
    found = find_dates(text)
    return found[0].value if found else None


def find_dates(text: str, published: DateValue | None = None) -> list[DateMatch]:
    """Dates in ``text`` (one folded sentence), in order; relative ones need ``published``."""
    return list(_cached_dates(text, published))


@lru_cache(maxsize=512)
def _cached_dates(text: str, published: DateValue | None) -> tuple[DateMatch, ...]:
    """A sentence is looked at for its changes and again for a date it gives to later ones."""
    return tuple(_find_dates(text, published))


def _find_dates(text: str, published: DateValue | None) -> list[DateMatch]:
    found: list[DateMatch] = []
    if not MAY_HAVE_DATE.search(text):
        return found
    taken: list[tuple[int, int]] = []  # disjoint spans, sorted: overlap found by bisection, not a scan

    def overlaps(start: int, end: int) -> bool:
        before = bisect.bisect_left(taken, (end,))  # spans beginning before ``end``
        return before > 0 and taken[before - 1][1] > start

    def add(
        start: int, end: int, value: str | None, relative: bool = False, approximate: bool = False
    ) -> None:
        if value is None or overlaps(start, end):
            return
        bisect.insort(taken, (start, end))
        if text[start - 1 : start] == "[" and text[end : end + 1] == "]":
            return  # a news item's date stamp ("[7.9.2031]") dates no change
        found.append(DateMatch(start, end, DateValue(value, approximate), relative))

    for m in ISO.finditer(text):
        add(m.start(), m.end(), _date(int(m["y"]), int(m["m"]), int(m["d"])))
    for m in NUMERIC.finditer(text):
        add(m.start(), m.end(), _date(_year(m["y"]), int(m["m"]), int(m["d"])))
    for m in DAY_MONTH_YEAR.finditer(text):
        add(m.start(), m.end(), _date(int(m["y"]), MONTHS[m["mon"].lower()], int(m["d"])))
    for m in ORDINAL_DAY.finditer(text) if "ten " in text else ():
        month, day = MONTHS[m["mon"].lower()], ORDINALS[m["d"]]
        if m["y"]:
            add(m.start("date"), m.end("date"), _date(int(m["y"]), month, day))
        elif published is not None:
            y = published.year + _next_year(text, m.start("date"), published, month, day, m.end("date"))
            add(m.start("date"), m.end("date"), _date(y, month, day), relative=True)
    for m in MONTH_YEAR.finditer(text):
        add(m.start(), m.end(), f"{int(m['y']):04d}-{MONTHS[m['mon'].lower()]:02d}")
    if published is not None:
        year = published.year
        for m in DAY_MONTH.finditer(text):
            month, day = MONTHS[m["mon"].lower()], int(m["d"])
            y = year + _next_year(text, m.start(), published, month, day, m.end())
            add(m.start(), m.end(), _date(y, month, day), relative=True)
        for m in DAY_MONTH_NUMERIC.finditer(text):
            month, day = int(m["m"]), int(m["d"])
            if 1 <= month <= 12:
                y = year + _next_year(text, m.start("date"), published, month, day, m.end("date"))
                add(m.start("date"), m.end("date"), _date(y, month, day), relative=True)
        for m in MONTH_ONLY.finditer(text):
            month = MONTHS[m["mon"].lower()]
            y = year + _next_year(text, m.start("mon"), published, month, None, m.end())
            add(m.start("mon"), m.end(), f"{y:04d}-{month:02d}", relative=True)
        _relative(text, published, add)
    for m in YEAR.finditer(text):
        if not re.search(r"(?:Nr\.|§|Ausgabe|Drucksache)\s*$", text[max(0, m.start() - 15) : m.start()]):
            add(m.start(), m.end(), m["y"])
    found.sort(key=lambda d: d.start)
    return found


def days_with_year(text: str) -> dict[tuple[int, int], int]:
    """The days ``text`` writes with their year (``1. März 2031``), by (month, day); a day written with two
    different years is left out."""
    days: dict[tuple[int, int], int] = {}
    for m in DAY_MONTH_YEAR.finditer(text):
        key = (MONTHS[m["mon"].lower()], int(m["d"]))
        days[key] = int(m["y"]) if days.get(key, int(m["y"])) == int(m["y"]) else 0
    return {key: year for key, year in days.items() if year}


class UndatedYears:
    """On an undated page, the year a day without one takes: the year the text gives that day elsewhere
    (``tritt zum 1. März 2031 in Kraft`` ... ``zum 1. März wechselt``), else the last year named before."""

    def __init__(self, days: dict[tuple[int, int], int] | None = None) -> None:
        self.days = days or {}
        self.last: DateValue | None = None

    def year_for(self, sentence: str) -> DateValue | None:
        """The year for the days of ``sentence``, read in order; it then remembers the sentence's year."""
        year = self.last
        for m in DAY_MONTH.finditer(sentence) if self.days else ():
            if sentence[m.end() : m.end() + 1].isalpha():
                continue  # "1. Jan" of "1. Januar 2031": a day with its year
            known = self.days.get((MONTHS[m["mon"].lower()], int(m["d"])))
            if known:
                year = DateValue(str(known))
                break
        named = YEAR.search(sentence)
        self.last = DateValue(named["y"]) if named else self.last
        return year


def _next_year(
    text: str, start: int, published: DateValue, month: int, day: int | None, end: int | None = None
) -> int:
    """1 when a date without a year that looks ahead (``ab Januar``, ``zum 1. März``) lies before the
    publication date: it means its next occurrence."""
    if len(published.value) < 7 or not FORWARD_CUE.search(text[max(0, start - 20) : start]):
        return 0
    if PAST_TENSE.search(text):  # "wurde zum 1. April umbenannt": the date has passed
        return 0
    if end is not None and _in_perfect(text, start, end):  # "hat am 1. Februar … aufgenommen": it has passed
        return 0
    if end is not None and PARTICIPLE_AFTER.match(text, end):  # "die im Januar neu geschaffene Stelle"
        return 0
    if (
        end is not None
        and ANNOUNCED_AFTER.match(text, end)
        and not STRONG_EFFECTIVE.search(text[max(0, start - 25) : start])
    ):
        return 0  # "hat am 3. Mai beschlossen": it has passed
    pub_month = int(published.value[5:7])
    pub_day = int(published.value[8:10]) if len(published.value) == 10 else 1
    if day is None:
        return int(month < pub_month)
    return int((month, day) < (pub_month, pub_day))


def _relative(text: str, published: DateValue, add) -> None:
    year = published.year
    # every year pattern needs the word "Jahr" (in any case: only J, A, H, R fold to j, a, h, r)
    years = "jahr" in text.lower()
    for key, offset in (("this_year", 0), ("next_year", 1), ("last_year", -1)):
        for m in REL[key].finditer(text) if years else ():
            turn = key == "next_year" and re.search(r"Jahres(?:beginn|wechsel)", m.group())
            just_begun = turn and published.value[5:7] in ("01", "02")  # "zum Jahresbeginn" in January
            add(m.start(), m.end(), str(year + (0 if just_begun else offset)), relative=True)
    for m in REL["year_start"].finditer(text) if years else ():
        add(m.start(), m.end(), f"{year:04d}-01", relative=True)
    for m in REL["years_ago"].finditer(text) if years else ():
        n = m["n"]
        count = int(n) if n.isdigit() else NUMBERS.get(n.lower(), 0)
        if count:
            add(m.start(), m.end(), str(year - count), relative=True, approximate=True)
    for m in REL["now"].finditer(text):
        add(m.start(), m.end(), published.value, relative=True)
    if len(published.value) == 10 and "orgen" in text:  # a day from now needs the publication's day
        for m in DAYS_AHEAD.finditer(text):
            day = dt.date.fromisoformat(published.value) + dt.timedelta(days=2 if m[0] == "übermorgen" else 1)
            add(m.start(), m.end(), day.isoformat(), relative=True)
    if len(published.value) >= 7 and "Monat" in text:  # a month needs the publication's month
        month = int(published.value[5:7])
        for m in REL["this_month"].finditer(text):
            add(m.start(), m.end(), published.value[:7], relative=True)
        for m in REL["next_month"].finditer(text):
            add(m.start(), m.end(), f"{year + month // 12:04d}-{month % 12 + 1:02d}", relative=True)


# a deadline ("bis zum 30. Juni", "spätestens Ende Mai") for a decision or a filing, not for the change itself
DEADLINE_BEFORE = compiled(r"\b(?:[Bb]is|spätestens)\s+(?:zum\s+|zur\s+|am\s+|Ende\s+|Mitte\s+)?$")
DECISION_AFTER = compiled(
    r"[^.;:]{0,120}?\b(?:entscheiden|entschieden\s+werden|beschließen|beschlossen\s+werden|befinden|abstimmen"
    r"|vorlegen|vorgelegt\s+werden|einreichen|eingereicht\s+werden|bewerben|Stellung\s+nehmen)\b"
)


# a verb-final clause in the perfect after the date: "(der) Anfang April in den Ruhestand getreten ist",
# "(das) zum 1. März eingerichtet worden war": what it dates has happened, it is no change's date to come
PERFECT_AFTER = compiled(
    r"[^.;:,()]{0,80}?(?<!\bzu\s)\b[a-zäöüß]\w*(?:t|en)\s+(?:worden\s+)?(?:ist|sind|hat|haben|war|waren|hatte|hatten)"
    r"\s*(?=[.,;:!?)]|$)"
)


PLANNED_FOR_BEFORE = compiled(r"\bfür\s+(?:den\s+|das\s+)?(?:Anfang\s+|Mitte\s+|Ende\s+)?$")
PLANNED_AFTER = compiled(r"\s+(?:[\w-]+\s+){0,3}?(?:geplant|vorgesehen|angesetzt|terminiert)\b")


def cue_before(text: str, match: DateMatch) -> str:
    """``effective``, ``announced``, ``background`` or ``""``: what the words around a date make of it."""
    before = text[max(0, match.start - 60) : match.start]
    if PERFECT_AFTER.match(text, match.end):
        return "background"
    if DEADLINE_BEFORE.search(before) and DECISION_AFTER.match(text, match.end):
        return "announced"  # "bis zum 30. Juni soll der Rat entscheiden": the deadline of a decision
    if EFFECTIVE_AFTER.match(text, match.end):  # "vom 1. April an"
        return "effective"
    if PLANNED_FOR_BEFORE.search(before) and PLANNED_AFTER.match(text, match.end):
        return "effective"  # "der Start ist für den 1. April geplant": the planned date of the change
    if ANNOUNCED_NEAR.search(before):
        return "announced"
    if ANNOUNCED_AFTER.match(text, match.end) and not STRONG_EFFECTIVE.search(before):
        return "announced"  # "Der Rat hat am 3. Mai beschlossen, ..."
    if ANNOUNCED_CUE.search(before) and not EFFECTIVE_CUE.search(before[-25:]):
        return "announced"
    if EFFECTIVE_CUE.search(before[-25:]):
        return "effective"
    return ""


# "Dieser Entscheid wird … umgesetzt": a demonstrative refers back to the reorganisation the text states
BACK_REFERENCE = compiled(r"\b[Dd]ies(?:er|es|en)\b")
# "die Änderungen der Bezeichnungen zum 01.07.2031": a noun of change followed by the date it takes effect
CHANGE_ON_DATE = compiled(
    # compounds too ("Verwaltungsreform zum 1. Januar", "Ämterbündelung zum …")
    r"(?i)\b\w*?(?:änderung|neuordnung|neugliederung|umbenennung|zusammenlegung|umstrukturierung|umorganisation"
    r"|reform|reorganisation|bündelung|zusammenführung|fusion)"
    r"\w*(?:\s+\w+){0,3}?\s+(?:zum|ab|per)\s+\d"
    # "arbeitet seit dem 1. Mai nach einer neuen Struktur": the administration works under the new order since
    r"|\b(?:seit|ab)\s(?:[^.;]|(?<=\d)\.){0,50}?\bnach\s+(?:der|einer|dem)\s+neuen\s+(?:\w+\s+)?\w*"
    r"(?:struktur|organisation|gliederung|geschäftsverteilung|organigramm)\b"
    # "der Start (der neuen Struktur) ist für den April 2031 geplant": the planned start of the whole
    rf"|\b(?:Start|Inbetriebnahme)\b(?:\s+\w+){{0,4}}?\s+für\s+(?:den\s+)?(?:\d|(?:{_MONTH})\b)"
)


def _states_enactment(sentence: str) -> bool:
    if ENACTMENT.search(sentence):
        return bool(ENACTED.search(sentence) or BACK_REFERENCE.search(sentence))
    return bool(CHANGE_ON_DATE.search(sentence))


def enactment_date(sentences: list[str], published: DateValue | None) -> DateValue | None:
    """The date the document's reorganisation as a whole takes effect, said in a sentence of its own
    (``Die Musterverfügung soll zum 01.07.2031 wirksam werden``, ``wird sie auf den 1. Juni 2031 in
    Kraft gesetzt``): the last such date; changes the text dates nowhere else take it. Background in the
    past tense (``Am 1. Juli 1999 trat das Gesetz in Kraft``) is none."""
    found = None
    for sentence in sentences:
        if ENACTED_BEFORE.search(sentence) or not _states_enactment(sentence):
            continue
        effective = [d for d in find_dates(sentence, published) if cue_before(sentence, d) == "effective"]
        if effective:
            found = max(effective, key=lambda d: (len(d.value.value), d.start)).value
    return found
