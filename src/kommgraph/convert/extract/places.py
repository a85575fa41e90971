"""The document's place from the gazetteer (``kommgraph.places``): towns, districts, Länder, cantons.

Every place the title and the first part of the article name gets votes by position (title and lead
count most), by its title word (``Landkreis X``, ``Stadt X``) and by adjective forms (``Beispielhausener
Magistrat`` → Beispielhausen, ``Beispieldner Stadtrat`` → Beispielden). A Land or canton wins only when
the text is about a state body (ministry, Landesregierung, Landesamt, Regierungsrat) and names no town or
district body.
Without the gazetteer package nothing is found here and the rules of ``metadata.py`` decide alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice

from kommgraph.convert.extract import place_levels
from kommgraph.convert.extract.patterns import compiled, load
from kommgraph.convert.extract.place_levels import (
    DISTRICT_KINDS,
    STATE_KINDS,
    district_over_namesake,
    namesake_district,
)
from kommgraph.convert.extract.place_names import bare_forms, canton_coded, spellings, swiss_forms
from kommgraph.convert.extract.place_urls import WEB_WEIGHT, host_compound, url_lookup, url_names, web_hosts

_DATA = load("metadata")["gazetteer"]
ADJECTIVE = compiled(r"(?<![\w-])(?P<word>(?:St\.\s|Sankt\s)?[A-ZÄÖÜ][a-zäöüß]+er)\s+[A-ZÄÖÜ]")
# "die Musterstädter", "den Musterstädtern": a place's people named by the noun of its adjective
DEMONYM = compiled(
    r"\b(?:[Dd]ie|[Dd]en|[Dd]er|[Aa]lle|[Vv]iele)\s+(?P<word>[A-ZÄÖÜ][a-zäöüß]{2,}er)n?\b(?!\s+[A-ZÄÖÜ])"
)
STATE_CUES = compiled(_DATA["state_cues"])
# a Land's or canton's adjective before a state body: "Das Musterische Staatsministerium", "im musterischen"
STATE_ADJECTIVE = compiled(
    r"(?<![\w-])(?P<word>[A-ZÄÖÜa-zäöü][a-zäöüß]+(?:-[A-ZÄÖÜ][a-zäöüß]+)?)"
    r"(?P<end>isch(?:e|es|en|er|em)?|er)\s+(?=" + _DATA["state_cues"] + r"|Regierung\b)"
)
LOCAL_CUES = compiled(_DATA["local_cues"])
DISTRICT_CUES = compiled(_DATA["district_cues"])
TOWN_CUES = compiled(_DATA["town_cues"])
SCAN = 800  # characters of the article that are searched: the place is named early


@dataclass(frozen=True)
class Candidate:
    key: str
    name: str  # the usual name to show ("Musterstadt", "Landkreis Musterkreis", "Kanton Muster")
    labels: tuple[str, ...]  # other names of it, for skos:altLabel
    score: float
    surface: str = ""  # how the text wrote it ("Beispielhausen" from "Beispielhausener Magistrat")


def _module():
    try:
        from kommgraph import places
    except ImportError:  # the converter still works without the gazetteer
        return None
    return places


TITLES = frozenset(_DATA["titles"])
DATELINE = compiled(_DATA["dateline"])
DATELINE_PERIOD = compiled(_DATA["dateline_period"])
DATELINE_PERIOD_SCAN = 700  # the lead and a teaser may come before a local paper's dateline
POSTAL = compiled(_DATA["postal"])
AUTHORITY_LINE = compiled(_DATA["authority_line"])
DATELINE_WEIGHT = 1.5  # on top of the lead's votes: the place a press release or agency report is sent from
POSTAL_WEIGHT = 1.0  # each address, at most two: a contact block names the authority's own town
AUSTRIAN = compiled(_DATA["austrian"])
SWISS = compiled(_DATA["swiss"])
GUILLEMETS = ("«", "»")


@lru_cache(maxsize=8)  # asked three times per document for the same text
def country_of(text: str) -> str | None:
    """AT or CH when the text shows their administrative words more than once; else None (likely DE)."""
    austrian = len(AUSTRIAN.findall(text))
    # guillemets are Swiss typography but German news agencies use them too: one hint at most
    swiss = sum(1 for m in SWISS.findall(text) if m not in GUILLEMETS) + any(g in text for g in GUILLEMETS)
    if max(austrian, swiss) < 2:
        return None
    return "AT" if austrian > swiss else "CH" if swiss > austrian else None


def _first(found, country: str | None):
    """The likeliest of ``found``, in the text's country when it names one (Musterstadt in Österreich,
    not the one in Bayern)."""
    if country:
        for place in found:
            if place.country == country:
                return place
    return found[0]


def available() -> bool:
    return _module() is not None


def _label(place) -> tuple[str, tuple[str, ...]]:
    short = re.sub(r"\s*\((?:DE|AT|CH)\)$", "", place.short)
    official = re.sub(r",.*$", "", place.name)
    official = re.sub(r"\s*\((?:DE|AT|CH)\)$", "", official)
    labels = {short, official}
    if place.kind == "Kanton":
        labels |= {f"Kanton {official}", official.replace("Sankt ", "St. ")}
        labels.add(f"Kanton {official.replace('Sankt ', 'St. ')}")
        name = f"Kanton {official.replace('Sankt ', 'St. ')}"
    elif place.kind in ("Landkreis", "Kreis"):
        # "Musterkreis", "Rhein-Muster-Kreis", "Musterkreis Beispielstadt": no title word
        own_word = official.endswith(("kreis", "Kreis")) or official.split(" ")[0].endswith("kreis")
        labels |= {official} if own_word else {f"Landkreis {official}", f"Kreis {official}", official}
        name = (
            short
            if short.startswith(("Landkreis", "Kreis")) or short.endswith(("kreis", "Kreis")) or own_word
            else f"{place.kind} {official}"
        )
    elif place.kind == "Bezirk" and place.key.startswith("AT-"):
        # an Austrian district's authority is its Bezirkshauptmannschaft: texts and annotators name that
        base = short.removeprefix("Bezirk ")
        labels |= {base, f"Bezirkshauptmannschaft {base}", f"BH {base}"}
        labels |= bare_forms(base, ("Bezirk", "Bezirkshauptmannschaft", "BH"))
        name = short
    else:
        labels.add(official.replace("Sankt ", "St. "))
        # Austrian and Swiss official names write "St." (St. Musterstadt, St. Beispielhausen); the
        # gazetteer's source spells "Sankt" out
        name = short.replace("Sankt ", "St. ") if place.key.startswith(("AT-", "CH-")) else short
        labels.add(short)
        labels |= _usual_forms(name, place.kind)
        labels |= bare_forms(name, (_TOWN_TITLE[place.kind],) if place.kind in _TOWN_TITLE else ())
        if place.key.startswith("CH-"):
            labels |= swiss_forms(_module(), place, name)
    return name, tuple(sorted((labels | spellings(labels | {name})) - {name}))


_TOWN_TITLE = {"Stadt": "Stadt", "kreisfreie Stadt": "Stadt", "Statutarstadt": "Stadt",
               "Gemeinde": "Gemeinde", "Markt": "Markt", "Land": "Land"}  # fmt: skip


def _usual_forms(name: str, kind: str) -> set[str]:
    """Other names texts and annotators give a town or Land: with its title word (``Stadt Musterstadt``,
    ``Land Musterland``), its addition spelled out (``Musterstadt an der Lahn``) or left off
    (``Bad Beispielhausen``)."""
    from kommgraph.places.store import usual_forms

    forms = {name, *usual_forms(name)}
    title = _TOWN_TITLE.get(kind)
    return forms | ({f"{title} {form}" for form in forms} if title else set())


def _lift(places, votes: dict[str, float], seen: dict, level: str) -> None:
    """A text about a Land's or a district's body: the towns it names vote for their Land or district."""
    for key, weight in list(votes.items()):
        place = seen[key]
        while place is not None and place.parent_key:
            if level == "district" and place.kind in DISTRICT_KINDS:
                break
            if level == "state" and place.kind in STATE_KINDS:
                break
            place = places.by_key(place.parent_key)
        # a district's body: a town outside every district (a city that is its own district) votes for no
        # Land, but for the Landkreis named after it whose office sits there ("Landratsamt in Musterstadt")
        wanted = DISTRICT_KINDS if level == "district" else (*DISTRICT_KINDS, *STATE_KINDS)
        if level == "district" and (place is None or place.kind not in wanted):
            namesake = namesake_district(places, seen[key])
            if namesake is not None:
                votes[namesake.key] = votes.get(namesake.key, 0.0) + weight
                votes[key] = 0.0
                seen[namesake.key] = namesake
            continue
        if place is None or place.key == key or place.kind not in wanted:
            continue
        # a town's vote in a state text was halved as a town's; as evidence for its state it counts whole
        votes[place.key] = votes.get(place.key, 0.0) + weight * (2.0 if level == "state" else 1.0)
        seen[place.key] = place


def _adjective_forms(word: str) -> list[str]:
    """``Beispielhausener`` → Beispielhausen, ``Beispieldner`` → Beispielden, ``Bremer`` → Bremen,
    ``St. Mustergaller`` → St. Mustergallen, ``Musteriker`` → Musterikon."""
    stem = word[:-2]
    forms = [stem, stem + "en", stem + "n", word[:-3] + "en"]
    if stem.endswith("ik"):  # Swiss names in -ikon form their adjective in -iker: Musterikon → Musteriker
        forms.append(stem + "on")
    return forms


DISTRICT_OFFICES = frozenset(
    {"Landratsamt", "Landratsamts", "Landratsamtes", "Kreisverwaltung", "Kreisverwaltungen", "Kreishaus"}
)
DISTRICT_WORDS = ("Kreis", "Landkreis", "Landrats", "Bezirkshauptmannschaft", "BH")
# the word after a place's adjective names a district's office: "Musterer Landratsamt", "Musterer BH"
DISTRICT_OFFICE_AFTER = compiled(r"(?:Landratsamt|Kreisverwaltung|Kreishaus|Bezirkshauptmannschaft|BH)\b")
STATE_WORDS = frozenset({"Staat", "Kanton", "Land", "Freistaat"})
PUBLISHER_WEIGHT = 3.0  # a place named in the header's publisher line ("Stadt Musterstadt", "Landratsamt X")
MEDIA_PUBLISHER = compiled(_DATA["media_publisher"])
STATE_PUBLISHER_WEIGHT = 8.0  # a state body's press office ("Staatskanzlei des Landes X") speaks for its Land
MEDIA_WEIGHT = 0.5  # a newspaper's name ("Musterstädter Zeitung") decides only when the text names no place


def _note_written(written: dict, found, name: str) -> None:
    """The form a text gives a canton's name (the gazetteer may hold another language's: ``Berne``)."""
    for place in found:
        if place.kind == "Kanton":
            written.setdefault(place.key, name)


def _name_only(span: str) -> str:
    """``Kanton Muster``, ``des Kantons Muster`` → ``Muster``: the name without article and title word."""
    words = span.split()
    while len(words) > 1 and (words[0][:1].islower() or words[0] in TITLES or words[0][:-1] in TITLES):
        words = words[1:]
    return " ".join(words)


GIVEN_BEFORE = compiled(r"(?<![\w-])(?P<given>[A-ZÄÖÜ][a-zäöüß]+(?:-[A-ZÄÖÜ][a-zäöüß]+)?)\s+$")


class _Surnames:
    """``Bürgermeister Hans Muster``: a word after a given name is a person's surname, in the whole ``text``
    (``bei Muster``), even where a place has that name. Asked per mentioned name, and only then searched."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.known: dict[str, bool] = {}

    def __contains__(self, name: str) -> bool:
        if name not in self.known:
            self.known[name] = self._after_given_name(name)
        return self.known[name]

    def _after_given_name(self, name: str) -> bool:
        from kommgraph.convert.extract.firstnames import is_given_name

        if " " in name:
            return False
        at = self.text.find(name)
        while at != -1:
            end = at + len(name)
            whole = end == len(self.text) or not (self.text[end].isalnum() or self.text[end] == "-")
            m = GIVEN_BEFORE.search(self.text, max(0, at - 40), at) if whole else None
            if m and is_given_name(m["given"]):
                return True
            at = self.text.find(name, end)
        return False


def _vote_mentions(
    places,
    text: str,
    base: float,
    vote,
    surface: dict,
    written: dict | None = None,
    surnames: _Surnames | frozenset[str] = frozenset(),
) -> None:
    """Votes for every place ``text`` names, by name or in adjective form; a title word adds one."""
    for mention in places.mentions(text):
        if not mention.place_candidates:
            continue
        if text[mention.start : mention.end] in surnames:
            continue
        first = text[mention.start : mention.end].split()[0]
        found = mention.place_candidates
        before = text[max(0, mention.start - 30) : mention.start].split()[-1:]
        # a Landrat's office, or a body of the district named before the place ("Kreisarchiv Muster"): the
        # Landkreis, not the town of that name
        if first in DISTRICT_OFFICES or (before and before[0].startswith(DISTRICT_WORDS)):
            found = tuple(sorted(found, key=lambda p: p.kind not in DISTRICT_KINDS))
        # "Staat Musterburg", "Kanton Muster": the state, not a town of that name
        elif before and before[0] in STATE_WORDS:
            found = tuple(sorted(found, key=lambda p: p.kind not in ("Land", "Kanton")))
        if written is not None:
            _note_written(written, found, _name_only(text[mention.start : mention.end]))
        vote(found, base + (1.0 if first in _DATA["titles"] else 0.0))
    context = surnames.text if isinstance(surnames, _Surnames) else text
    for m in ADJECTIVE.finditer(text):
        office = DISTRICT_OFFICE_AFTER.match(text, m.end() - 1)
        form, found = _adjective_place(places, m["word"], context)
        if found and office:
            found = tuple(sorted(found, key=lambda p: p.kind not in DISTRICT_KINDS))
        if found:
            surface.setdefault(vote(found, base).key, form)
    for m in STATE_ADJECTIVE.finditer(text) if ("isch" in text or "er " in text) else ():
        found = _state_of_adjective(places, m["word"], m["end"])
        if found:
            vote(found, base)
    for m in DEMONYM.finditer(text):
        for form in _adjective_forms(m["word"])[:3]:  # not the elided form: "die Bürger" is no "Büren"
            found = places.lookup(form)
            if found and found[0].kind not in ("Land",):
                surface.setdefault(vote(found, base).key, form)
                break


def _adjective_place(places, word: str, context: str) -> tuple[str, tuple]:
    """The place an adjective is formed from: of its forms that name a town or district, the one the
    ``context`` writes out (``Beispielkirchener`` → Beispielkirchen, named in the dateline, rather than a
    Beispielkirch abroad), else the first."""
    first: tuple[str, tuple] = ("", ())
    for form in _adjective_forms(word):
        found = places.lookup(form)
        if not found or found[0].kind == "Land":
            continue
        if _written(form, context):
            return form, found
        first = first if first[1] else (form, found)
    return first


def _written(name: str, text: str) -> bool:
    """``name`` as a whole word in ``text`` (not the start of a longer word)."""
    at = text.find(name)
    while at != -1:
        end = at + len(name)
        if (end == len(text) or not (text[end].isalnum() or text[end] == "-")) and (
            at == 0 or not text[at - 1].isalnum()
        ):
            return True
        at = text.find(name, end)
    return False


def _state_of_adjective(places, word: str, end: str):
    """``Musterisch`` → Muster, Musteren, Mustern; ``sächsisch`` → Sachsen; ``-ländisch`` → -land;
    ``Musterer`` → Muster: the Länder and cantons the adjective may be formed from."""
    word = word[0].upper() + word[1:]
    if end == "er":
        forms = _adjective_forms(word + "er")
    else:
        bare = word.translate(str.maketrans("äöü", "aou"))  # the adjective's umlaut: sächsisch, -ländisch
        forms = [word, word + "en", word + "n", bare, bare + "en"]
    for form in forms:
        found = tuple(p for p in places.lookup(form) if p.kind in STATE_KINDS)
        if found:
            return found
    return ()


def _vote_named(places, name: str, weight: float, vote, surface: dict) -> None:
    """A dateline or an address names a place by its position: a name that is also a German word
    (``Musterlangen (pm) -``, ``12345 Musterlangen``) counts there, which running text would not trust."""
    if places.mentions(name):
        _vote_mentions(places, name, weight, vote, surface)
        return
    found = places.lookup(name.strip())
    if found:
        vote(found, weight)


def candidates(
    title: str, article: str, url: str = "", publisher: str = "", body: str = ""
) -> list[Candidate]:
    """The places the document may be about, best first; ``body`` (the whole text) is searched for
    postal addresses only."""
    places = _module()
    if places is None:
        return []
    head = article[:SCAN]
    country = country_of(title + "\n" + article)
    state_publisher = (
        bool(publisher) and bool(STATE_CUES.search(publisher)) and not MEDIA_PUBLISHER.search(publisher)
    )
    # a state body publishes ("Staatskanzlei Muster", "Ministerium für ..."), or the text is about one
    state_body = state_publisher or (bool(STATE_CUES.search(head)) and not LOCAL_CUES.search(head))
    # a district office does the state's business too ("Geschäfte der Landesverwaltung"): where the head names
    # district bodies more often than state bodies, the text is about the district
    if not state_publisher and len(DISTRICT_CUES.findall(head)) > len(STATE_CUES.findall(head)):
        state_body = False
    votes: dict[str, float] = {}
    seen: dict[str, object] = {}
    surface: dict[str, str] = {}
    written: dict[str, str] = {}
    coded = canton_coded(places, title + "\n" + head[:400]) if country != "AT" else set()  # "Muster ZH"

    def vote(place, weight: float):
        if isinstance(place, tuple):
            place = next((p for p in place if p.key in coded), None) or _first(place, country)
        if country and place.country != country:
            weight *= 0.2
        level_state = place.kind in ("Land", "Kanton")
        if level_state and not state_body:
            weight *= 0.3
        elif not level_state and state_body:
            weight *= 0.5
        votes[place.key] = votes.get(place.key, 0.0) + weight
        seen[place.key] = place
        return place

    lead, rest = head[:400], head[400:]
    texts = (
        ((title, 3.0), (lead, 2.0), (rest, 1.0))
        if title and title not in lead
        else ((lead, 3.0), (rest, 1.0))
    )
    surnames = _Surnames(title + "\n" + head)
    for text, base in texts:
        _vote_mentions(places, text, base, vote, surface, written, surnames)
    taken: set[str] = set()
    for name, weight in url_names(url):
        if name.startswith("#"):
            canton = places.by_key(name[1:])
            if canton is not None:
                vote(canton, weight)
            continue
        if any(name in t for t in taken):
            continue
        found = url_lookup(places, name)
        if found:
            _note_written(written, found, name.title())
            taken.add(name)
            vote(_first(found, country), weight)
        elif " " not in name and weight >= 2:  # a host word: "hallespektrum", "augsburger"
            found = host_compound(places, name)
            if found:
                taken.add(name)
                vote(_first(found, country), weight / 2)
    if publisher:
        media = MEDIA_PUBLISHER.search(publisher)
        weight = STATE_PUBLISHER_WEIGHT if state_publisher else MEDIA_WEIGHT if media else PUBLISHER_WEIGHT
        _vote_mentions(places, publisher, weight, vote, surface, written)
    m = DATELINE.search(head[:300]) or DATELINE_PERIOD.search(head[:DATELINE_PERIOD_SCAN])
    if m:
        _vote_named(places, m["name"], DATELINE_WEIGHT, vote, surface)
    for m in islice(POSTAL.finditer(body), 2):
        _vote_named(places, m["name"], POSTAL_WEIGHT, vote, surface)
        # the address block's first lines name the authority: "Landratsamt Muster / Musterstraße 1 / 12345 …"
        for line in body[max(0, m.start() - 160) : m.start()].splitlines()[-3:]:
            if AUTHORITY_LINE.match(line):
                _vote_mentions(places, line, POSTAL_WEIGHT, vote, surface)
    for host in web_hosts(body):
        for name, weight in url_names(f"https://{host}/"):
            found = url_lookup(places, name) if not name.startswith("#") else ()
            if found:
                vote(_first(found, country), weight * WEB_WEIGHT)
                break
    district_over_namesake(places, votes, seen)
    district_body = len(DISTRICT_CUES.findall(head)) > len(TOWN_CUES.findall(head))
    if state_body or district_body:
        _lift(places, votes, seen, "state" if state_body else "district")
    out = []
    for key, score in votes.items():
        name, labels = _label(seen[key])
        german = written.get(key)
        if german and german not in labels and german != name.split(" ", 1)[-1]:
            labels = tuple(sorted({*labels, german, f"Kanton {german}"}))
        out.append(Candidate(key, name, labels, score, surface.get(key, "")))
    return sorted(out, key=lambda c: (-c.score, c.key))


def names_state(found: list[Candidate]) -> bool:
    """A Land or canton among ``found`` that is no city state (see :mod:`.place_levels`)."""
    places = _module()
    return places is not None and place_levels.names_state(places, found)


def resolve(name: str, country: str | None = None) -> Candidate | None:
    """The gazetteer's likeliest place called ``name`` (in ``country`` when given), without votes."""
    places = _module()
    found = places.lookup(name) if places is not None else ()
    found = tuple(p for p in found if country is None or p.country == country)
    if not found:
        return None
    label, labels = _label(found[0])
    return Candidate(found[0].key, label, labels, 0.0)


def country_for(key: str) -> str | None:
    places = _module()
    place = places.by_key(key) if places is not None else None
    return place.country if place is not None else None
