"""Authorities that are themselves the document's place, named by their kind word: an Austrian district's
Bezirkshauptmannschaft (``BH Musterau``: the Bezirk, not its seat town), an Amt of municipalities
(``Amt Musterland``), a special-purpose or higher municipal association (``Zweckverband Abfallwirtschaft
Musterkreis``, ``Landschaftsverband Musterland``). The gazetteer holds no associations: they get no key.
"""

from __future__ import annotations

import re
from collections import Counter

from kommgraph.convert.extract.patterns import compiled

HEAD = 1500  # characters of the article searched
NAME = r"(?:[A-ZÄÖÜ][a-zäöüß]+-)*[A-ZÄÖÜ][a-zäöüß]+"
# "Bezirkshauptmannschaft Musterau", "der BH Musterau-Land", "BH Musterau am See"
DISTRICT_AUTHORITY = compiled(
    rf"\b(?:Bezirkshauptmannschaft|BH)\s+(?P<name>{NAME}(?:\s+(?:am|an\s+der|im)\s+{NAME})?)(?![\w-])"
)
DISTRICT_SUPPORT = 2  # the publisher line or title, or two mentions in the article
# "die Musterauer BH": the seat town's adjective names the authority as well as "BH Musterau" does
DISTRICT_ADJECTIVE = compiled(
    r"(?<![\w-])(?P<adj>[A-ZÄÖÜ][a-zäöüß]+er)\s+(?:BH|Bezirkshauptmannschaft)(?![\w-])"
)
# "die BH", "der BH-Chef", "die Bezirkshauptmannschaft" without a name: the one named elsewhere (a point each)
DISTRICT_BACKREF = compiled(
    r"\b(?:[Dd]ie|[Dd]er)\s+(?:BH|Bezirkshauptmannschaft)\b(?![ \t]+[A-ZÄÖÜ])|(?<![\w-])BH-[A-ZÄÖÜ]"
)
BACKREF_MOST = 2
# an Amt of municipalities (Brandenburg, Schleswig-Holstein, Mecklenburg-Vorpommern): "Amt Musterland",
# "des Amtes Muster-Beispiel"; an office ("Amt für X", "Amt Umwelt und Energie") is told apart by the words
# of an Amt's own constitution in the same text
MUNICIPAL_AMT = compiled(
    rf"\b(?P<kind>Amt(?:es|s)?|Amtsverwaltung)\s+(?P<name>{NAME})(?![\w-])(?!\s+(?:und|&|,)\s)"
)
# the Amt named once, then by its constitution's words or "das Amt", "des Amtes" without a name
AMT_BACKREF = compiled(
    r"(?:^|[:.]\s+|\b[Dd]as\s+|\b[Dd]es\s+)Amt(?:es)?\b(?!\s+(?:für|[A-ZÄÖÜ]))", re.MULTILINE
)
AMT_SUPPORT = 3  # publisher line or title (2 each) and mentions: a town's paper names its partner Amt twice
AMT_CUES = compiled(
    r"\b(?:Amtsdirektor(?:in)?|Amtsverwaltung|Amtsausschuss(?:es)?|Amtsvorsteher(?:in)?|amtsangehörige[nr]?"
    r"|Amtsgemeinden|Gemeinden\s+des\s+Amtes)\b"
)
# a public-law association of municipalities: "Zweckverband ...", "Muster-Zweckverband",
# "Landschaftsverband Musterland", "Landeswohlfahrtsverband Muster", "Regionalverband Musterregion"
# the compounds name a municipal task ("Abwasserverband", "Schulverband"); the name may join its words by
# a preposition or article ("Zweckverband zur Wasserversorgung der Mustergruppe")
TASK_ASSOCIATION = (
    r"[A-ZÄÖÜ][a-zäöüß]*(?:zweckverband|verwaltungsverband|wasserverband|abfallverband|schulverband"
    r"|planungsverband)"
)
ASSOCIATION = compiled(
    r"(?<![\w-])(?P<body>(?:[A-ZÄÖÜ][a-zäöüß]+-)?(?:" + TASK_ASSOCIATION + r"|Zweckverband|Landschaftsverband"
    r"|Landeswohlfahrtsverband|Regionalverband|Kommunalverband|Bezirksverband))"
    r"(?:es|s)?(?P<name>(?:(?:\s+(?:zur|zum|für|der|des|und))?\s+(?!(?:Der|Die|Das|Den|Dem|Im|In|Am|Bei|Mit)\b)"
    r"[A-ZÄÖÜ][\w-]*[a-zäöüß]){0,4})"
    r"(?:\s+\((?P<short>[A-ZÄÖÜ]{2,6})\))?"
)
ASSOCIATION_SUPPORT = 3  # publisher line or title (2 each) and mentions in the article, its abbreviation too
# a publisher line that is a town's or district's own ("Stadt Musterstadt") speaks for that authority: an
# Amt or association it names is a partner, unless the title names it too
OWN_PUBLISHER = compiled(
    r"^\s*(?:[A-ZÄÖÜ][a-zäöü]*stadt|Stadt|Gemeinde|Marktgemeinde|Markt|Landkreis|Kreis)\s+[A-ZÄÖÜ]"
)
LEAD = 300  # an association that is the subject is named in the lead, or in the title or publisher line


def austrian_district(publisher: str, title: str, article: str):
    """``BH Musterau``, ``Bezirkshauptmannschaft Musterau``, named in the publisher line or title or twice in
    the article: the Bezirk (a gazetteer candidate), not the seat town of the same name."""
    if "BH" not in publisher + title + article[:HEAD] and "Bezirkshauptmannschaft" not in (
        publisher + title + article[:HEAD]
    ):
        return None
    from kommgraph.convert.extract import places

    support: Counter[str] = Counter()
    for text, weight in ((publisher, 2), (title, 2), (article[:HEAD], 1)):
        for m in DISTRICT_AUTHORITY.finditer(text):
            support[m["name"]] += weight
        for m in DISTRICT_ADJECTIVE.finditer(text):
            name = _district_of_adjective(places, m["adj"])
            if name:
                support[name] += weight
    if not support:
        return None
    if len(support) == 1:
        name = next(iter(support))
        support[name] += min(BACKREF_MOST, len(DISTRICT_BACKREF.findall(title + "\n" + article[:HEAD])))
    ranked = sorted(support, key=lambda n: (-support[n], n))
    name = ranked[0]
    if support[name] < DISTRICT_SUPPORT or (len(ranked) > 1 and support[ranked[1]] == support[name]):
        return None  # two Bezirkshauptmannschaften alike: a text about both, or about their Land
    found = places.resolve(f"Bezirk {name}", "AT")
    return found if found is not None and found.key.startswith("AT-") else None


def _district_of_adjective(places, adjective: str) -> str | None:
    """``Musterauer`` → Musterau, ``Beispielner`` → Beispielen: the Austrian Bezirk the adjective is formed
    from, if the gazetteer holds one."""
    stem = adjective[:-2]
    for form in (stem, stem + "en", stem + "n", adjective[:-3] + "en"):
        found = places.resolve(f"Bezirk {form}", "AT")
        if found is not None and found.key.startswith("AT-"):
            return form
    return None


def municipal_amt(publisher: str, title: str, article: str) -> tuple[str, tuple[str, ...]] | None:
    """``Amt Musterland``: an Amt of municipalities is the place where the text speaks of its constitution
    (``Amtsdirektor``, ``Amtsverwaltung``) and names it in the publisher line or title and once more, or
    three times."""
    head = article[:HEAD]
    if "Amt" not in head + publisher or not AMT_CUES.search(publisher + title + head):
        return None
    support: Counter[str] = Counter()
    administration: set[str] = set()  # "Amtsverwaltung Muster": a name of the Amt's own administration too
    for text, weight in ((publisher, 2), (title, 2), (head, 1)):
        for m in MUNICIPAL_AMT.finditer(text):
            support[m["name"]] += weight
            if m["kind"] == "Amtsverwaltung":
                administration.add(m["name"])
    if not support:
        return None
    if len(support) == 1:
        name = next(iter(support))
        searched = title + "\n" + head
        backrefs = len(AMT_CUES.findall(searched)) + len(AMT_BACKREF.findall(searched))
        support[name] += min(BACKREF_MOST, backrefs)
    name = max(sorted(support), key=lambda n: support[n])
    if support[name] < AMT_SUPPORT or _partner(name, publisher, title):
        return None
    from kommgraph.convert.extract import places

    labels = {name} if places.resolve(name) is None else set()
    labels |= {f"Amtsverwaltung {name}"} if name in administration else set()
    return f"Amt {name}", tuple(sorted(labels))


def _partner(name: str, publisher: str, title: str) -> bool:
    """A body the publisher line's own town or district names, without the title naming it."""
    return bool(OWN_PUBLISHER.match(publisher)) and name not in publisher and name not in title


def _nominative(body: str) -> str:
    return re.sub(r"verband(?:es|s)$", "verband", body)


def _initials(name: str) -> str:
    """``Landschaftsverband Musterland`` → LVM: the first letters of the compound's parts and the name's
    capitalised words."""
    words = name.split()
    head = re.sub(r"(?<=[a-zäöüß])(verband)$", " V", words[0].replace("-", " "))
    return "".join(w[0].upper() for w in head.split() + [w for w in words[1:] if w[:1].isupper()])


def association(publisher: str, title: str, article: str) -> tuple[str, tuple[str, ...]] | None:
    """``Der Zweckverband Abfall Musterkreis (ZVA) …``: a public-law association of municipalities is the
    place when the publisher line, the title or the lead names it and the text keeps to it (its full name
    or its abbreviation at least three times, the publisher line and title counting twice)."""
    head = article[:HEAD]
    if "verband" not in publisher + title + head:
        return None
    support: Counter[str] = Counter()
    shorts: dict[str, str] = {}
    early: set[str] = set()
    titled: set[str] = set()  # a town's publisher line: the association the title names is its subject
    for text, weight, where in ((publisher, 2, "line"), (title, 2, "line"), (head, 1, "text")):
        for m in ASSOCIATION.finditer(text):
            name = (_nominative(m["body"]) + m["name"]).strip()
            support[name] += weight
            if where == "line" or m.start() < LEAD:
                early.add(name)
            if text is title:
                titled.add(name)
            if m["short"]:
                shorts.setdefault(name, m["short"])
    if not support:
        return None
    named = [n for n in support if " " in n]
    searched = title + "\n" + head
    for name in named:  # "Landschaftsverband Musterland": its initials (LVM) where the text uses them
        initials = _initials(name)
        if name not in shorts and re.search(rf"(?<!\w){initials}(?![a-zäöüß])", searched):
            shorts[name] = initials
    for name, short in shorts.items():
        uses = len(re.findall(rf"(?<!\w){short}(?![a-zäöüß])", searched))
        support[name] += uses - (1 if f"({short})" in searched else 0)  # a definition counts with the name
    if len(named) == 1:  # "der Abwasserverband" without its name: the one the text names
        for bare in [n for n in support if " " not in n]:
            support[named[0]] += support.pop(bare)
            if bare in early:
                early.add(named[0])
            if bare in titled:
                titled.add(named[0])
    name = max(sorted(support), key=lambda n: (support[n], len(n)))
    if support[name] < ASSOCIATION_SUPPORT or name not in early:
        return None
    if name not in titled and _partner(name, publisher, title):
        return None
    return name, (shorts[name],) if name in shorts else ()


# a German Bezirk of the third municipal level (Bavaria): "Bezirk Musterfranken", "des Bezirks Muster",
# "Bezirksverwaltung Muster", "Bezirkstag von Muster"; its seat town is not the place
HIGHER_DISTRICT = compiled(
    rf"\b(?:Bezirk(?:e?s)?|Bezirksverwaltung|Bezirkstag(?:e?s)?(?:\s+von)?)\s+(?P<name>{NAME})(?![\w-])"
)
# "der Bezirk", "des Bezirks", "vom Bezirk" without a name: the one the text names (a point each)
HIGHER_DISTRICT_BACKREF = compiled(
    r"\b(?:[Dd]er|[Dd]en|[Dd]em|[Dd]es|[Vv]om|[Bb]eim|[Ii]m)\s+Bezirk(?:e?s)?\b(?![ \t]+[A-ZÄÖÜ])"
)
# Berlin's and Hamburg's districts (Bezirksamt), Austrian ones (Bezirkshauptmannschaft): another kind
OTHER_DISTRICTS = compiled(r"Bezirksamt|Bezirkshauptmann|Bezirksbürgermeister|Bezirksverordnete")
HIGHER_DISTRICT_SUPPORT = 3


def higher_district(publisher: str, title: str, article: str, country: str | None) -> str | None:
    """``Bezirk Musterfranken``: a German Bezirk (a body of the municipalities above the Landkreise) is the
    place when the publisher line or the title names it, or the article does and refers back to it, in a
    German text without a city state's Bezirksamt or an Austrian Bezirkshauptmannschaft."""
    head = article[:HEAD]
    searched = publisher + "\n" + title + "\n" + head
    if country in ("AT", "CH") or "Bezirk" not in searched or OTHER_DISTRICTS.search(searched):
        return None
    support: Counter[str] = Counter()
    for text, weight in ((publisher, 2), (title, 2), (head, 1)):
        for m in HIGHER_DISTRICT.finditer(text):
            support[m["name"]] += weight
    if len(support) != 1:
        return None  # none, or several Bezirke: a text about their Land
    name = next(iter(support))
    backrefs = min(BACKREF_MOST, len(HIGHER_DISTRICT_BACKREF.findall(title + "\n" + head)))
    if support[name] + backrefs < HIGHER_DISTRICT_SUPPORT:
        return None
    from kommgraph.convert.extract import places

    return None if places.resolve(name) is not None else f"Bezirk {name}"


# a ministry named by the field it serves ("das Musterministerium", "des Musterministeriums"); a Land's
# Staats- or Landesministerium is no federal body, "Bundesministerium" alone names no field
MINISTRY_COMPOUND = compiled(
    r"(?<![\w-])(?!Staats|Landes|Bundesministerium)(?P<name>[A-ZÄÖÜ][a-zäöüß]{2,}ministerium)s?\b"
)
# "das Ministerium", "des Ministeriums", "im Ministerium": the ministry named before
MINISTRY_BACKREF = compiled(r"\b(?:[Dd]as|[Dd]es|[Dd]em|[Ii]m|[Vv]om|[Ee]igenen)\s+Ministeriums?\b")
MINISTRY_LONG = compiled(
    r"\bBundesministerium\s+für\s+[A-ZÄÖÜ][\w-]*(?:(?:,\s*|\s+und\s+)[A-ZÄÖÜ][\w-]*)*(?![\w-])"
)
MINISTRY_SUPPORT = 3  # the compound and two references back, or the compound named three times


def field_ministry(title: str, article: str) -> str | None:
    """``Das Musterministerium wird umgebaut ... das Ministerium``: a text about one ministry named by its
    field, in its full name (``Bundesministerium für Muster``) where the text gives it. The caller makes sure
    that no Land or canton is named (then the ministry is the Land's and the Land is the place)."""
    head = title + "\n" + article[: HEAD // 2]
    names = [m["name"] for m in MINISTRY_COMPOUND.finditer(head)]
    if not names or len(set(names)) > 1:
        return None  # none, or several ministries: a text about a government
    long = MINISTRY_LONG.search(head)
    support = len(names) + len(MINISTRY_BACKREF.findall(head)) + bool(long)
    if support < MINISTRY_SUPPORT:
        return None
    return long[0] if long else names[0]
