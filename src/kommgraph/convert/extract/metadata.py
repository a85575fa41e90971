"""Document metadata: header and sidecar values first, then what the text itself shows."""

from __future__ import annotations

import re
from collections import Counter

from kommgraph.convert.extract.dates import parse_date
from kommgraph.convert.extract.model import DateValue, Metadata
from kommgraph.convert.extract.patterns import any_of, compiled, load
from kommgraph.convert.extract.place_career import without_career_places

_DATA = load("metadata")
ISSUED = [compiled(p, re.MULTILINE) for p in _DATA["issued"]]
TYPES = {name: any_of(patterns, re.MULTILINE) for name, patterns in _DATA["types"].items()}
TYPE_NAMES: dict[str, str] = _DATA["type_names"]
IDENTIFIER = compiled(_DATA["identifier"])
_PLACE = _DATA["place"]
PLACE_KINDS = compiled(_PLACE["kinds"])
DISTRICT_KINDS = tuple(_PLACE["district_kinds"])
NOT_PLACES = frozenset(_PLACE["not_places"])
MAYOR = compiled(_PLACE["mayor"])
TITLE_PREFIX = compiled(_PLACE["title_prefix"])
TITLE_PREFIX_INLINE = compiled(_PLACE["title_prefix_inline"])
KEYWORDS = compiled(_PLACE["keywords"], re.MULTILINE)
NOT_PREFIX = frozenset(_PLACE["not_prefix"])
DISTRICT_NAME = compiled(_PLACE["district_name"], re.MULTILINE)
NOT_DISTRICT_NAMES = frozenset(_PLACE["not_district_names"])
ADMINISTRATION_KINDS = ("Stadtverwaltung", "Gemeindeverwaltung", "Magistrat")
HEAD_LINES = 8
NOUN_LIKE = compiled(_PLACE["noun_like"])
DISTRICT_OFFICE = compiled(_PLACE["district_office"])
STATE_SEAT = compiled(_PLACE["state_seat"])
ASSOCIATION = compiled(_PLACE["association"])
ASSOCIATION_COMPOUND = compiled(_PLACE["association_compound"])
ASSOCIATION_SCAN = 1500  # characters of the article searched for a municipal association
FEDERAL = compiled(_PLACE["federal"])
NOT_FEDERAL = compiled(_PLACE["not_federal"])
FEDERAL_SCAN = 800  # characters of the article where a federal body must be named twice


def _first_lines(text: str, count: int = HEAD_LINES) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()][:count]


def doc_type(header: str | None, head: str, article: str) -> str:
    if header:
        return TYPE_NAMES.get(header.strip().lower().replace(" ", "-"), "WebPage")
    for name in ("CouncilReport", "PressRelease"):
        if TYPES[name].search(head):
            return name
    if TYPES["NewsItem"].search(head) or TYPES["NewsItem"].search(article):
        return "NewsItem"
    return "WebPage"


def issued(head: str, item_dates: list[str]) -> DateValue | None:
    """The publication date from the first lines; else the newest date of the page's news list."""
    for pattern in ISSUED:
        for line in head.splitlines():
            m = pattern.search(line)
            if m and (value := parse_date(m["d"])):
                return value
    dates = sorted(filter(None, (parse_date(d) for d in item_dates)), key=lambda d: d.value)
    return dates[-1] if dates else None


def title(body: str, place: str | None) -> str | None:
    for line in _first_lines(body, 4):
        if TITLE_PREFIX.match(line) or (place and line == place) or parse_date(line) and len(line) < 20:
            continue
        if re.fullmatch(r"Inhalt|Startseite|Navigation|Menü", line):
            continue
        line = re.sub(r"^\[\d{1,2}\.\d{1,2}\.\d{4}\]\s*", "", line)
        return line[:200] or None
    return None


def identifier(head: str, published: DateValue | None) -> str | None:
    m = IDENTIFIER.search(head)
    if not m:
        return None
    value = re.sub(r"\s+", " ", m["id"])
    if "/" not in value and published is not None:
        value = f"{value}/{published.year}"
    return value


def core_name(name: str) -> str:
    """A place's name sans kind, suffix: ``Landkreis Fulda`` → ``Fulda``, ``Weil am Rhein`` → ``Weil``."""
    name = re.sub(rf"^(?:{'|'.join(DISTRICT_KINDS)})\s+", "", name.strip())
    return re.split(r"\s+(?:am|an\s+der|im|in\s+der|ob\s+der|bei|b\.|vor\s+der|auf\s+der)\s+|\s*\(", name)[0]


_key = core_name


# the publisher line of an authority's own page: "Gemeinde Musterdorf", "Landkreis Muster (Ratsinfo)"
OWN_PUBLISHER = compiled(
    r"^(?P<kind>Stadt|Gemeinde|Markt|Marktgemeinde|Landkreis|Kreis|Landeshauptstadt|Hansestadt|Kreisstadt)"
    r"\s+(?P<name>[A-ZÄÖÜ][^()]*?)\s*(?:\(.*\))?$"
)
OWN_PUBLISHER_WEIGHT = 3.0  # as a mayor's title: the authority speaks for itself
# "der Gemeinderat Musterwil hat", "die Gemeindeverwaltung Musterwil": a council or administration with the
# name of its municipality after it (Swiss usage); not a councillor's name ("Gemeinderat Hans Muster",
# "Gemeinderat Muster sagt", where Muster follows a given name elsewhere)
COUNCIL_OF = compiled(
    r"\b(?:[Dd]er|[Dd]es|[Dd]ie|[Dd]em)\s+(?:Gemeinderate?s?|Gemeindeverwaltung)\s+"
    r"(?P<name>[A-ZÄÖÜ][a-zäöüß]+(?:-[A-ZÄÖÜ][a-zäöüß]+)?)(?=\s+[a-zäöüß]|[.,;:])"
)
COUNCIL_WEIGHT = 3.0


def place(article: str, whole: str, gazetteer: dict[str, str], publisher: str = "") -> str | None:
    """The authority the document is about, by weighted cues; the fullest form of its name."""
    scores: Counter[str] = Counter()
    forms: dict[str, set[str]] = {}

    def vote(name: str, weight: float) -> None:
        name = name.strip(" .,;:")
        if not name or _key(name) in NOT_PLACES or name.split()[0] in NOT_PLACES:
            return
        scores[_key(name)] += weight
        forms.setdefault(_key(name), set()).add(name)

    own = OWN_PUBLISHER.match(publisher.strip())
    if own:
        district = own["kind"] in DISTRICT_KINDS
        vote(f"{own['kind']} {own['name']}" if district else own["name"], OWN_PUBLISHER_WEIGHT)
    lines = _first_lines(article, 3)
    for line in lines[:2]:
        m = TITLE_PREFIX.match(line) or TITLE_PREFIX_INLINE.match(line)
        if m and m["name"].split()[0] not in NOT_PREFIX and not _named_person(m["name"], article):
            vote(m["name"], 6)
    if lines and len(lines[0].split()) <= 4 and not lines[0].endswith((".", ":")):
        first = lines[0]
        if first in gazetteer:
            vote(first, 3)
        elif (
            re.fullmatch(r"[A-ZÄÖÜ][\w.-]+(?:\s+(?:am|an der|im|in der|[A-ZÄÖÜ][\w-]+))*", first)
            and first in article[len(first) :]
        ):
            vote(first, 1.5)
    for m in PLACE_KINDS.finditer(article):
        kind = m["kind"]
        name = m["name"]
        if kind == "Kreisverwaltung":
            name = f"Kreis {name}"
        elif kind.startswith(DISTRICT_KINDS):
            kind_word = max((k for k in DISTRICT_KINDS if kind.startswith(k)), key=len)
            name = f"{kind_word} {name}"
        vote(name, 2 if m.start() < 600 else 1)
    for m in DISTRICT_NAME.finditer(article):
        name = re.sub(r"kreises$", "kreis", m["name"])
        if name not in NOT_DISTRICT_NAMES and not name.endswith("-Kreises"):
            vote(name, 3 if m.start() < 200 else 1.5)
    for m in MAYOR.finditer(article):
        vote(m["name"], 3)
    for m in COUNCIL_OF.finditer(article[:1500]):
        if not _surname(m["name"], article):
            vote(m["name"], COUNCIL_WEIGHT)
    for m in KEYWORDS.finditer(whole):
        for word in m["list"].split(","):
            word = word.strip()
            if _key(word) in scores or word in gazetteer:
                vote(word, 2)
    for name in gazetteer:
        short = _key(name)
        # not the first part of a hyphenated name ("Muster-Beispiel" is a district, not the town Muster)
        hits = len(re.findall(rf"\b{re.escape(short)}(?:er)?\b(?!-[A-ZÄÖÜ])", article))
        if hits:
            vote(short, 0.5 * hits)
    if not scores:
        return None
    best = max(sorted(scores), key=lambda k: scores[k])
    return _fullest(best, forms[best], whole, gazetteer)


def _surname(name: str, text: str) -> bool:
    """A given name, or a word that follows a given name somewhere in ``text``: a person's name."""
    from kommgraph.convert.extract.firstnames import is_given_name

    return is_given_name(name) or _named_person(name, text)


def _named_person(name: str, text: str) -> bool:
    """A word after a given name somewhere in ``text`` (``Minister Dr. Erik Muster``): so a headline's
    ``Muster: Wir sparen Kosten`` names its speaker, not a place."""
    from kommgraph.convert.extract.firstnames import is_given_name

    before = re.finditer(rf"\b([A-ZÄÖÜ][a-zäöüß]+)\s+{re.escape(name)}\b", text)
    return " " not in name and any(is_given_name(m[1]) for m in before)


def _fullest(key: str, forms: set[str], whole: str, gazetteer: dict[str, str]) -> str:
    candidates = set(forms)
    for m in PLACE_KINDS.finditer(whole):
        if _key(m["name"]) == key:
            candidates.add(m["name"])
    district = [f for f in candidates if f.startswith(DISTRICT_KINDS)]
    if district and all(f.startswith(DISTRICT_KINDS) or f == key for f in candidates):
        candidates = set(district)
    else:
        candidates -= set(district)
    for name in gazetteer:
        if name == key or name.startswith(key + " "):
            if any(c == name for c in candidates) or all(name.startswith(c) for c in candidates):
                candidates.add(name)
    return max(sorted(candidates), key=len)


def extract_metadata(
    header: dict[str, str], body: str, article: str, item_dates: list[str], gazetteer: dict[str, str]
) -> Metadata:
    head = "\n".join(_first_lines(body))
    meta = Metadata()
    meta.issued = parse_date(header["published"]) if "published" in header else issued(head, item_dates)
    meta.url = header.get("source-url")
    meta.publisher = header.get("publisher")
    if not header.get("place"):  # a person's former or next employer is no candidate
        plain, plain_body = without_career_places(article), without_career_places(body)
        meta.place = place(plain, plain_body, gazetteer, header.get("publisher", ""))
        _decide_place(meta, header.get("title", ""), plain, gazetteer, plain_body)
    else:
        meta.place = header["place"]
    meta.title = header.get("title") or title(body, meta.place)
    meta.doc_type = doc_type(header.get("type"), head, article)
    meta.identifier = header.get("identifier") or (
        identifier(head, meta.issued) if meta.doc_type == "CouncilReport" else None
    )
    return meta


RULE_WEIGHT = (
    2.5  # the rules' choice (title prefix, "Stadt X", mayors, ...) as one vote among the gazetteer's
)


def _federal_body(head: str) -> str | None:
    """``Bundeskanzleramt``, ``Bundesministerium für X``: the federal body a text is about, when its head
    names one at least twice and no body of a Land, district or town; in the nominative, the fullest form."""
    if NOT_FEDERAL.search(head):
        return None
    found = list(FEDERAL.finditer(head))
    if len(found) < 2:
        return None
    names = [(m["head"][0].upper() + m["head"][1:] + (m["rest"] or "")).strip() for m in found]
    names = [f"Bundes{n[0].lower()}{n[1:]}" if n.startswith("Kanzleramt") else n for n in names]
    most = max(set(names), key=lambda n: (names.count(n), len(n), n))
    return most


def _state_seat(name: str, head: str) -> bool:
    """``Regierungspräsidium X``, ``Staatliches Bauamt X``: a state agency named after its seat town speaks
    for its Land, not for the town (whose reference entry would otherwise keep the place)."""
    return any(m["name"] == name for m in STATE_SEAT.finditer(head))


def _association(meta: Metadata, title: str, article: str) -> bool:
    """``Verbandsgemeinde X``, ``Samtgemeinde X``, ``Verwaltungsgemeinschaft X``: a municipal association
    (the gazetteer holds none) is the place when the publisher line or the title names it, or the article
    twice (its compounds, such as ``Samtgemeindebürgermeister``, count once each). It is named after its seat
    or region: it takes no key of a town of that name. ``VG X`` counts only where the text writes
    ``Verbandsgemeinde`` too (a court)."""
    head = article[:ASSOCIATION_SCAN]
    lines = (meta.publisher or "") + title
    if not any(w in head or w in lines for w in ("gemeinde", "Verwaltungsgemeinschaft")):
        return False
    spelled = "Verbandsgemeinde" in head or "Verbandsgemeinde" in lines
    support: Counter[str] = Counter()
    kinds: dict[str, str] = {}
    for text, weight in ((meta.publisher or "", 2), (title, 2), (head, 1)):
        for m in ASSOCIATION.finditer(text):
            if spelled or not m[0].startswith("VG"):
                support[m["name"]] += weight
                if m["kind"] != "VG":
                    kinds.setdefault(m["name"], m["kind"])
    if not support:
        return False
    name = max(sorted(support), key=lambda n: support[n])
    # the publisher line's own form, where the headline adds words to it ("VG Muster im Überblick")
    own = [m["name"] for m in ASSOCIATION.finditer(meta.publisher or "") if name.startswith(m["name"] + " ")]
    name = own[0] if own else name
    if support[name] + len(ASSOCIATION_COMPOUND.findall(head)) < 2:
        return False
    kind = kinds.get(name, "Verbandsgemeinde")
    from kommgraph.convert.extract import places

    meta.place, meta.place_key = f"{kind} {name}", None
    own = {name} if places.resolve(name) is None else set()  # "Musterland": no town's name
    meta.place_labels = tuple(sorted({*own, f"VG {name}"} if kind != "Samtgemeinde" else own))
    return True


def _own_body(meta: Metadata, title: str, article: str) -> bool:
    """An authority that is itself the place, named by its kind word (see :mod:`.place_bodies`): a
    Bezirkshauptmannschaft's Bezirk, an Amt of municipalities, an association of municipalities."""
    from kommgraph.convert.extract import place_bodies

    publisher = meta.publisher or ""
    district = place_bodies.austrian_district(publisher, title, article)
    if district is not None:
        meta.place, meta.place_key, meta.place_labels = district.name, district.key, district.labels
        return True
    from kommgraph.convert.extract import places

    country = places.country_of(title + "\n" + article)
    higher = place_bodies.higher_district(publisher, title, article, country)
    if higher is not None:
        meta.place, meta.place_key, meta.place_labels = higher, None, ()
        return True
    body = place_bodies.municipal_amt(publisher, title, article) or place_bodies.association(
        publisher, title, article
    )
    if body is None:
        return False
    meta.place, meta.place_key, meta.place_labels = body[0], None, body[1]
    return True


HEADLINE_WEIGHT = 4.0  # a place with its title word in the headline, as the gazetteer's votes weigh it


def _titled_in_headline(name: str, title: str) -> bool:
    from kommgraph.convert.extract import places

    return len(name.split()) > 1 and name.split()[0] in places.TITLES and name in title


def _lone_kicker(name: str, article: str) -> bool:
    """``Entmachtet: Neuer Magistrat …``: a word before the headline's colon that the text never names again
    is a kicker (a participle, an adjective), not the place, which a report names more than once."""
    lines = _first_lines(article, 2)
    if not any(
        (m := TITLE_PREFIX_INLINE.match(line) or TITLE_PREFIX.match(line)) and m["name"] == name
        for line in lines
    ):
        return False
    return len(re.findall(rf"(?<!\w){re.escape(name)}", article)) < 2


def _decide_place(
    meta: Metadata, title: str, article: str, gazetteer: dict[str, str], body: str = ""
) -> None:
    """The rules' place and the gazetteer's candidates vote together; the gazetteer supplies key and names.
    A place of the reference data (with its AGS) named by the rules stays as it is."""
    from kommgraph.convert.extract import places

    title = "" if title == "unknown" else title
    if _own_body(meta, title, article):
        return
    if (
        meta.place
        and meta.place in gazetteer
        and not _state_seat(meta.place, title + "\n" + article[:FEDERAL_SCAN])
    ):
        return
    # the publisher line counts too: a council information system names its district office only there
    searched = (meta.publisher or "") + "\n" + article[:1500]
    district_office = [m["name"] for m in DISTRICT_OFFICE.finditer(searched)]
    if district_office:  # Hamburg's and Berlin's districts: "Bezirksamt Muster", "Bezirksamt Muster-Mitte"
        longest = max(district_office, key=len)
        meta.place = f"Bezirksamt {longest}"
        # the district an office serves is named by its name alone and as "Bezirk Muster"
        names = {f"Bezirksamt {n}" for n in district_office} | {longest, f"Bezirk {longest}"}
        meta.place_labels = tuple(sorted(names - {meta.place}))
        return
    if _association(meta, title, article):
        return
    federal = _federal_body(title + "\n" + article[:FEDERAL_SCAN])
    if federal:
        meta.place, meta.place_key, meta.place_labels = federal, None, ()
        return
    if (
        meta.place
        and places.available()
        and places.resolve(meta.place) is None
        and (NOUN_LIKE.search(meta.place) or meta.place.isupper() or _lone_kicker(meta.place, article))
        and not _titled_in_headline(meta.place, title)
    ):
        # "Ordnungsamt:", "Beschlüsse:", a kicker in capitals ("ABSTIMMUNG:") before a headline name no place
        meta.place = None
    found = places.candidates(title, article, meta.url or "", meta.publisher or "", body)
    if not meta.place and not places.names_state(found):
        from kommgraph.convert.extract.place_bodies import field_ministry

        ministry = field_ministry(title, article)
        if ministry:
            meta.place, meta.place_key, meta.place_labels = ministry, None, ()
            return
    scores = {c.key: c.score for c in found}
    by_key = {c.key: c for c in found}
    match = places.resolve(meta.place, places.country_of(title + "\n" + article)) if meta.place else None
    if meta.place:
        if match is not None:
            scores[match.key] = scores.get(match.key, 0.0) + RULE_WEIGHT
            by_key.setdefault(match.key, match)
    if not scores:
        return
    best = max(sorted(scores), key=lambda k: scores[k])
    if meta.place and match is None and _titled_in_headline(meta.place, title):
        if scores[best] < HEADLINE_WEIGHT + RULE_WEIGHT:
            return  # "Der Bezirk X wird aufgelöst": the headline names a place the gazetteer lacks
    if meta.place and match is None and scores[best] <= RULE_WEIGHT:
        return  # a place the gazetteer lacks, named by the rules, against no stronger evidence (a news host)
    chosen = by_key[best]
    country = places.country_of(title + "\n" + article)
    if country and places.country_for(chosen.key) not in (None, country):
        meta.place = meta.place or chosen.surface or None
        return  # "Musterort" in an Austrian text is not Musterort am Rhein: the text's own name, without key
    if match is not None and match.key == chosen.key:  # the rules' own form of the name stays first
        labels = tuple(sorted({chosen.name, *chosen.labels} - {meta.place}))
        meta.place_key, meta.place_labels = chosen.key, labels
        return
    meta.place, meta.place_key, meta.place_labels = chosen.name, chosen.key, chosen.labels
