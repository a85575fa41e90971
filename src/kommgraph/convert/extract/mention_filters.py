"""Second looks at a sentence's unit mentions: tasks named like units, and names quoted whole.

Also: aliases in brackets and units of other bodies left out, single nouns coordinated with a unit added.
"""

from __future__ import annotations

import re
from dataclasses import replace

from kommgraph.convert.extract.patterns import load
from kommgraph.convert.extract.unit_lexicon import (
    COMPOUND_TYPES,
    COORDINATION_ENDINGS,
    NOT_COORDINATED,
    OTHER_BODY_AFTER,
    OTHER_BODY_BEFORE,
    OWN_ADJECTIVE,
    QUOTES,
    compound_type,
    head_type,
    is_cap,
    lemma,
)
from kommgraph.convert.extract.unit_phrases import Mention, Token

_DATA = load("units")
STOP = frozenset(_DATA["exclude"]["stop"])
QUOTED_REST = re.compile(
    r"\s+(?P<rest>[A-ZÄÖÜ][\w.-]*(?:,?\s+(?:für|und|sowie|[A-ZÄÖÜ][\w.-]*)){0,6})\s*[\"“”»]"
)


def whole_quoted_name(text: str, m):
    """``der "Koordinierungsstab Beispielwesen"``: a quotation that opens right before a unit's
    head and closes after a few name words quotes the whole name."""
    if not m.name or m.start == 0 or text[m.start - 1] not in '"„“«' or text[m.end : m.end + 1] in '"“”»':
        return m
    rest = QUOTED_REST.match(text, m.end)
    if not rest or any(w in STOP for w in rest["rest"].replace(",", " ").split()):
        return m
    return replace(m, end=rest.end("rest"), name=f"{m.name} {rest['rest']}")


FUNCTION_BEFORE = re.compile(_DATA["functions"]["before"])
# also at the start of a sentence: "Im Bereich X entstehen ..."
FUNCTION_AREA_BEFORE = re.compile(_DATA["functions"]["area_before"], re.IGNORECASE)
MOVED_BETWEEN = re.compile(_DATA["functions"]["moved_between"])


def _function_like(m) -> bool:
    name = m.name or ""
    return name.startswith("Bereich") or (
        m.unit_type == "OtherUnit" and name.endswith("stelle") and " " not in name
    )


def drop_functions(text: str, mentions: list, functions: set[str] | None) -> list:
    """``die Aufgaben der Führerscheinstelle``, ``im Bereich Umweltschutz``, ``Der Bereich X wird vom Amt A
    zum Amt B verlagert``: a task or an area moved between units, not a unit of its own."""
    named = [m for m in mentions if m.name]
    moved = len(named) >= 3 and MOVED_BETWEEN.search(text)
    kept = []
    for m in mentions:
        before = text[max(0, m.start - 40) : m.start]
        if _function_like(m) and (
            FUNCTION_BEFORE.search(before) or FUNCTION_AREA_BEFORE.search(before) or (moved and m is named[0])
        ):
            if functions is not None and m.name:
                functions.add(m.name)
            continue
        kept.append(m)
    return kept


_SHORT = r"[\"„“]?(?P<short>[A-ZÄÖÜ][A-Za-zÄÖÜäöüß0-9&./-]{1,11})[\"“”]?"
ABBREVIATION = re.compile(r"[\"“”»«']?\s*\(\s*(?:(?:kurz|abgekürzt)\s*:?\s+)?" + _SHORT + r"\s*\)")
# an apposition that gives the short form: "die Stabsstelle Muster, kurz SDM, ..."
SHORT_APPOSITION = re.compile(
    r"[\"“”»«']?\s*,\s+(?:kurz|abgekürzt)\s*:?\s+" + _SHORT + r"(?=\s*[,.;:)–]|\s+(?:und|sowie|oder)\b|$)"
)


def _abbreviation(text: str, m: Mention) -> str | None:
    """``Amt für Informationsverarbeitung (AfI)``, ``… (kurz: AfI)``, ``…, kurz AfI,``: a short form
    right after the name."""
    short = ABBREVIATION.match(text, m.end) or SHORT_APPOSITION.match(text, m.end)
    if not short or sum(c.isupper() for c in short["short"]) < 2:
        return None
    return short["short"]


# "das Musterhaus – eine Servicestelle, in der ...": an apposition with an indefinite article describes
DESCRIBING = re.compile(r"[A-ZÄÖÜ]\w+\s+[–—-]\s+(?:ein|eine|einen|einem|einer)\s+(?:[a-zäöüß]\w*\s+)?$")


def drop_descriptions(text: str, mentions: list[Mention]) -> list[Mention]:
    """Without a unit word that only describes the thing named before a dash (``– eine Servicestelle``)."""
    return [m for m in mentions if not DESCRIBING.search(text[max(0, m.start - 50) : m.start])]


# "der Feuerschutzbeamte", "die Standesbeamtin": a person (Beamter), not an "-amt"
CIVIL_SERVANT = re.compile(r"beamt(?:e[nr]?|in(?:nen)?)$")
# "Der bisherige FB N und Teile des FB M": parts of a unit end the name before them
PARTS_TAIL = re.compile(r"\s+(?:und|sowie)\s+Teile[n]?$")
UMLAUTS = str.maketrans("ÄÖÜäöü", "AOUaou")
# "so etwas wie ein rathausinternes Call-Center": a comparison says what something is like, it names no
# unit ("als Regionaldienststelle angemietet" can, so "als" is not read so)
LIKE = re.compile(r"\bwie\s+(?:ein|eine|einer|einem|einen)\s+(?:[a-zäöüß]\w*\s+)?$")


# "als untere staatliche Musterbehörde", "ist eine mittelgroße Verwaltungsbehörde", "sind nicht mehr
# Baubehörde": "Behörde" after an instance level (untere/obere/oberste/höhere) or as a predicate names
# the legal role an authority has, not one of its units ("die Musterbehörde teilt sich in ..." stays one)
AUTHORITY_ROLE = re.compile(
    r"(?:\b(?:[Uu]nter|[Oo]ber|[Oo]berst|[Hh]öher)e[nr]?\s+(?:[a-zäöüß]\w*e[nr]?\s+)?"
    r"|\bals\s+(?:(?:die|eine|der)\s+)?(?:[a-zäöüß]\w*e[nrs]?\s+){0,2}"
    r"|\b(?:ist|sind)\s+(?:nicht\s+mehr|nun|künftig|weiterhin)\s+"
    r"|\bist\s+(?:\S+\s+){0,3}?eine\s+(?:[a-zäöüß]\w*e\s+)?)[\"„“»]?$"
)


QUANTITY = re.compile(r"\b(?:[Mm]ehr|[Ww]eniger)\s+$")
# "Sie ist Anlaufstelle für ...", "wir verstehen uns als Musterstelle": a bare compound (no article) as a
# predicate noun or in a self-description says what role something plays, it names no unit
PREDICATE = re.compile(
    r"(?:\b(?:ist|sind|war|waren|bleibt|bleiben)|\b(?:uns|sich)\s+(?:auch\s+|selbst\s+)?als)"
    r"\s+(?:auch\s+|zudem\s+|weiterhin\s+)?$"
)


# "freiwillig" says a body is made of volunteers ("die Freiwillige Musterwehr"): an association beside the
# administration, none of its units
VOLUNTEERS = re.compile(r"\b[Ff]reiwillig(?:e[nrms]?)?\s+$")


# a service or administration named with a lowercase adjective of the public sector or a career grade is
# the sector or the grade, no unit: "im öffentlichen Gesundheitsdienst", "zum höheren Verwaltungsdienst"
SECTOR_BEFORE = re.compile(r"\b(?:öffentlich|höher|mittler|gehoben|einfach)(?:e[nrms]?)?\s+$")
SECTOR_HEADS = ("dienst", "verwaltung")


JOINT_BODIES = frozenset(_DATA["joint_bodies"]["words"])
JOINT_OWN = re.compile(_DATA["joint_bodies"]["own"])
JOINT_ALONE = re.compile(_DATA["joint_bodies"]["alone"])


def runs_joint_bodies_alone(article: str) -> bool:
    """True when a text says its authority runs a usually joint body alone (``kommunale Trägerschaft``)."""
    return bool(JOINT_ALONE.search(article))


def drop_joint_bodies(text: str, mentions: list[Mention]) -> list[Mention]:
    """``das Jobcenter``: a body the authority runs with another owner, named bare, is none of its units
    (for a text that does not say the authority runs it alone: ``runs_joint_bodies_alone``)."""
    return [m for m in mentions if not _joint_body(text, m, text[m.start : m.end])]


def _joint_body(text: str, m: Mention, span: str) -> bool:
    """Named bare: no own adjective (``das kommunale Jobcenter``), no head before it, no quotes around it."""
    first = (m.name or span).split()
    return (
        bool(first)
        and first[0].rstrip("s") in JOINT_BODIES
        and text[m.start - 1 : m.start] not in QUOTES
        and not JOINT_OWN.search(text, max(0, m.start - 20), m.start)
    )


def _authority_role(text: str, m: Mention) -> bool:
    span = text[m.start : m.end]
    return span.endswith(("behörde", "Behörde")) and bool(
        AUTHORITY_ROLE.search(text, max(0, m.start - 60), m.start)
    )


def _not_a_unit(word: str) -> bool:
    """``Landratsamt``, ``Kreisverwaltung``: a word that ends in a unit's head but is known to name the
    authority itself or no unit (``die beiden Behörden Kreisverwaltung und Landratsamt``)."""
    return word[:1].isupper() and compound_type(word) is None and word.lower().endswith(tuple(COMPOUND_TYPES))


def _type_noun(word: str) -> bool:
    """``Sachgebiete``, ``Abteilungen``, ``Ämter``: a word for a kind of unit (a head noun, also plural)."""
    forms = (word, word[:-1], word[:-2], word[:-2].translate(UMLAUTS))
    return any(len(f) > 2 and head_type(f) for f in forms)


def drop_false_names(text: str, mentions: list[Mention]) -> list[Mention]:
    """Mentions that name no unit: a person by the ending ``-beamte``; a compound in a comparison (``wie
    ein rathausinternes Call-Center``); a list item that is itself a word
    for a kind of unit (``denen Fachbereiche, Sachgebiete und Abteilungen zugeordnet sind`` gives no
    ``Fachbereich Sachgebiete``); a name that runs into ``und Teile`` is cut before it."""
    kept = []
    for m in mentions:
        span = text[m.start : m.end]
        if CIVIL_SERVANT.search(span):
            continue
        if _authority_role(text, m):
            continue
        if VOLUNTEERS.search(text, max(0, m.start - 20), m.start) or span.lower().startswith("freiwillig"):
            continue
        if (
            span.endswith(SECTOR_HEADS)
            and " " not in span
            and SECTOR_BEFORE.search(text, max(0, m.start - 20), m.start)
        ):
            continue
        if " " not in span and QUANTITY.search(text, max(0, m.start - 20), m.start):
            continue  # "Mehr Bürgerservice, mehr Synergien": a quantity of something, no unit
        if " " not in span and not head_type(span) and PREDICATE.search(text, max(0, m.start - 30), m.start):
            continue
        if " " not in span and not head_type(span) and LIKE.search(text, max(0, m.start - 40), m.start):
            continue
        if (
            m.name
            and m.name != span
            and " " not in span
            and m.name.endswith(" " + span)
            and (_type_noun(span) or _not_a_unit(span))
        ):
            continue
        tail = PARTS_TAIL.search(span)
        if tail and m.name and m.name.endswith(tail.group()):
            m = replace(m, end=m.start + tail.start(), name=m.name[: -len(tail.group())])
        kept.append(m)
    return kept


def drop_aliases_and_others(text: str, mentions: list[Mention], other_bodies: bool) -> list[Mention]:
    """``(Amt 99)`` or ``(AfI)`` after a unit's name become its aliases (skos:altLabel); units of other
    bodies (ministries, ...) are left out; mentions that name no unit are dropped first
    (``drop_false_names``)."""
    kept: list[Mention] = []
    for m in drop_false_names(text, mentions):
        before = text[: m.start]
        if kept and before.endswith("(") and m.end < len(text) and text[m.end] == ")":
            if before[:-1].rstrip() == text[: kept[-1].end] and kept[-1].name:
                if m.name and m.name not in kept[-1].aliases:
                    kept[-1] = replace(kept[-1], aliases=(*kept[-1].aliases, m.name))
                continue
        short = _abbreviation(text, m) if m.name else None
        if short and short not in m.aliases:
            m = replace(m, aliases=(*m.aliases, short))
        if other_bodies and (OTHER_BODY_BEFORE.search(before[-160:]) or OTHER_BODY_AFTER.match(text, m.end)):
            continue
        kept.append(m)
    return kept


def coordinated(text: str, tokens: list[Token], mentions: list[Mention]) -> list[Mention]:
    """Add single nouns coordinated with a named unit: ``der Stadtplanung und dem Bauamt``."""
    named = [m for m in mentions if m.name]
    if not named:
        return mentions
    extra: list[Mention] = []
    by_start = {m.start: m for m in mentions}
    covered = [(m.start, m.end) for m in mentions]
    for k, tok in enumerate(tokens):
        if k == 0 or tokens[k - 1].text not in ("der", "dem", "die", "den", "des", "das"):
            continue
        w = tok.text
        if (
            not w[:1].isupper()
            or w in NOT_COORDINATED
            or w in STOP
            or any(a <= tok.start < b for a, b in covered)
            or not w.lower().endswith(COORDINATION_ENDINGS)
        ):
            continue
        after = tokens[k + 1].text if k + 1 < len(tokens) else ""
        if after and is_cap(after) and after not in STOP:
            continue
        before = tokens[k - 2].text if k >= 2 else ""
        nxt = tokens[k + 3].start if k + 3 < len(tokens) else -1
        linked = (
            (after in ("und", "sowie") and nxt in by_start and by_start[nxt].name)
            or (
                before in ("und", "sowie")
                and k >= 3
                and any(m.end == tokens[k - 3].end and m.name for m in mentions)
            )
            or _enumerated_with_unit(tokens, k, by_start)
        )
        if linked:
            extra.append(Mention(tok.start, tok.end, lemma(w) if w.endswith("s") else w, "OtherUnit", 0.6))
    return sorted(mentions + extra, key=lambda m: m.start)


ENUMERATION = frozenset({",", "und", "sowie"})
DEFINITE = frozenset({"der", "dem", "die", "den", "des", "das"})


def _enumerated_with_unit(tokens: list[Token], k: int, by_start: dict[int, Mention]) -> bool:
    """``mit dem Musterservice, der Wirtschaftsförderung, dem Rechtsamt und der Pressestelle``: an
    enumeration of single nouns, each with its own article, that closes with ``und``/``sowie`` holds
    things of one kind; when one of them is a named unit, the others are units too."""
    items, n = [k], k
    while (
        n >= 4
        and tokens[n - 2].text in ENUMERATION
        and (tokens[n - 2].text == "," or n == k)
        and tokens[n - 4].text in DEFINITE
        and tokens[n - 3].text[:1].isupper()
    ):
        n -= 3
        items.insert(0, n)
    n = k
    while n + 3 < len(tokens) and tokens[n + 1].text in ENUMERATION and tokens[n + 2].text in DEFINITE:
        n += 3
        items.append(n)
        if tokens[n - 2].text != ",":
            break
    closed = any(tokens[i - 2].text in ("und", "sowie") for i in items[1:])
    return (
        len(items) >= 3
        and closed
        and any(tokens[i].start in by_start and by_start[tokens[i].start].name for i in items if i != k)
    )


# after "die kommunale": an activity or the authority itself ("Wärmeplanung", "Selbstverwaltung")
ACTIVITIES = ("planung", "vermessung", "verwaltung")
OWN_STEMS = re.compile(r"städtisch|kommunal|bezirklich|gemeindlich")


def own_institutions(text: str, tokens: list[Token], mentions: list[Mention]) -> list[Mention]:
    """``die städtische Wirtschaftsförderung``, ``der kommunale Bauhof``: an institution noun after an
    adjective of the authority's own level is one of its units."""
    if not OWN_STEMS.search(text):
        return []
    covered = [(m.start, m.end) for m in mentions]
    found = []
    for k, tok in enumerate(tokens):
        w = tok.text
        if (
            not w[:1].isupper()
            or w in NOT_COORDINATED
            or not w.lower().endswith(COORDINATION_ENDINGS)
            or w.lower().endswith(ACTIVITIES)
            or any(a <= tok.start < b for a, b in covered)
            or not OWN_ADJECTIVE.search(text[max(0, tok.start - 30) : tok.start])
            or (k + 1 < len(tokens) and is_cap(tokens[k + 1].text))
        ):
            continue
        found.append(Mention(tok.start, tok.end, lemma(w) if w.endswith("s") else w, "OtherUnit", 0.6))
    return found
