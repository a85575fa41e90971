"""Synthetic sources, one per authority, each telling one reorganisation in German with its graph.

Every event type occurs (one per source, in turn), dates come at every precision (xsd:date,
xsd:gYearMonth, xsd:gYear, in turn), units sit in a Dezernat, a person heads a unit, and every fact
has its quote: valid by construction.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from kommgraph.core.vocab import slug
from kommgraph.synth import names
from kommgraph.synth.model import SourceDraft, iri, literal

EVENT_TYPES = (
    "Founding",
    "Renaming",
    "Merger",
    "Split",
    "SpinOff",
    "Absorption",
    "Dissolution",
    "Relocation",
    "TransferOfFunctions",
)
DOCUMENT_TYPES = ("NewsItem", "PressRelease", "CouncilReport", "WebPage")
ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII")


@dataclass(frozen=True)
class Authority:
    ags: str
    name: str

    @property
    def iri(self) -> str:
        return iri(f"authority/{self.ags}")


@dataclass(frozen=True)
class When:
    """The effective date of a source's event at one precision, as RDF and as German text."""

    value: str
    datatype: str
    words: str

    @property
    def term(self) -> str:
        return literal(self.value, datatype=self.datatype)


def authorities(count: int, rng: random.Random) -> list[Authority]:
    result = []
    for number in range(1, count + 1):
        state = (number - 1) % 16 + 1
        result.append(Authority(f"{state:02d}{number:06d}", names.place_name(rng)))
    return result


def when(number: int, year: int, month: int) -> When:
    precision = number % 3
    month_name = names.MONTHS[month - 1]
    if precision == 0:
        return When(f"{year}-{month:02d}-01", "xsd:date", f"zum 1. {month_name} {year}")
    if precision == 1:
        return When(f"{year}-{month:02d}", "xsd:gYearMonth", f"im {month_name} {year}")
    return When(str(year), "xsd:gYear", f"im Jahr {year}")


def make_source(number: int, authority: Authority, rng: random.Random) -> SourceDraft:
    """Source ``number`` (0-based) about ``authority``: its text and its graph."""
    event_type = EVENT_TYPES[number % len(EVENT_TYPES)]
    year = 1990 + (number * 7) % 34
    month = number % 12 + 1
    effective = when(number, year, month)
    issued = f"{year - 1}-{month:02d}-{number % 28 + 1:02d}"
    source_id = f"{number:06d}_{rng.getrandbits(64):016x}"
    title = f"{authority.name} ordnet die Verwaltung neu"
    draft = SourceDraft(source_id, authority.ags, authority.name, title, event_type)
    fields = rng.sample(names.FIELDS, 5)
    types = [rng.choice(names.UNIT_TYPES) for _ in fields]
    draft.write(f"{authority.name}\n\n{title}\n\n[{issued[8:]}.{issued[5:7]}.{issued[:4]}] ")
    intro = draft.sentence(f"Die Verwaltung von {authority.name} stellt sich neu auf.")
    parent = _unit(draft, authority, "Dezernat", f"Dezernat {ROMAN[number % len(ROMAN)]}", None)
    draft.graph.add(parent, "kg:validFrom", literal(str(year - 20), datatype="xsd:gYear"))
    draft.graph.add(parent, "kg:approximate", "kg:validFrom")
    draft.units["parent"] = parent

    def unit(role: str, index: int, start: When | None = None, end: When | None = None) -> str:
        type_name, prefix = types[index]
        subject = _unit(draft, authority, type_name, f"{prefix} {fields[index]}", parent)
        if start is not None:
            draft.graph.add(subject, "kg:validFrom", start.term)
        if end is not None:
            draft.graph.add(subject, "kg:validUntil", end.term)
        draft.units[role] = subject
        return subject

    earlier = When(str(year - 10), "xsd:gYear", f"im Jahr {year - 10}")
    event_slug, originals, resulting, sentence, extra = _scenario(event_type, draft, unit, effective, earlier)
    event = iri(f"event/{authority.ags}/{effective.value}-{slug(_SLUG_OF[event_type])}-{event_slug}")
    draft.extra["event"] = event
    evidence = draft.sentence(sentence)
    g = draft.graph
    g.add(event, "a", f"kg:{event_type}")
    for original in originals:
        g.add(event, "org:originalOrganization", original)
    for result in resulting:
        g.add(event, "org:resultingOrganization", result)
    g.add(event, "kg:effectiveDate", effective.term)
    g.add(event, "kg:announcedDate", literal(issued, datatype="xsd:date"))
    for predicate, obj in extra:
        g.add(event, predicate, obj)
    draft.fact(event, evidence)
    for subject in {*originals, *resulting, *(o for p, o in extra if p in _UNIT_LINKS)}:
        draft.fact(subject, evidence)
    for subject, function_label in draft.extra.get("functions", ()):
        draft.fact(subject, evidence)
        g.add(subject, "a", "kg:Function", "skos:Concept")
        g.add(subject, "skos:inScheme", "kg:Functions")
        g.add(subject, "skos:prefLabel", literal(function_label, lang="de"))
    draft.extra.pop("functions", None)
    placed = [u for r, u in draft.units.items() if r != "parent" and r != "new-parent"]
    draft.write("\n\n")
    for subject in placed:
        above = draft.graph.by_subject[subject]["org:subOrganizationOf"][0]
        evidence = draft.sentence(
            f"Die Einheit „{_label(draft, subject)}“ gehört zu „{_label(draft, above)}“."
        )
        draft.fact(above, evidence)
        draft.fact(subject, evidence)
    draft.fact(parent, intro)
    head_of = resulting[0] if resulting and event_type != "Relocation" else parent
    head_from = effective if head_of in resulting else None
    _person(draft, authority, rng, head_of, head_from)
    decided = f"Rat der Stadt {authority.name}"
    draft.sentence(f"Das hat der {decided} beschlossen.")
    g.add(event, "kg:decidedBy", literal(decided, lang="de"))
    draft.write("\n")
    _source_description(draft, authority, number, issued)
    return draft


_SLUG_OF = {
    "Founding": "founding",
    "Renaming": "renaming",
    "Merger": "merger",
    "Split": "split",
    "SpinOff": "spin-off",
    "Absorption": "absorption",
    "Dissolution": "dissolution",
    "Relocation": "relocation",
    "TransferOfFunctions": "transfer-of-functions",
}
_UNIT_LINKS = ("kg:spunOffFrom", "kg:newParent", "kg:previousParent")


def _scenario(event_type, draft: SourceDraft, unit, at: When, earlier: When):
    """(slug for the event IRI, originals, resulting units, the sentence, extra (predicate, object) pairs)."""
    w = at.words

    def label(subject: str) -> str:
        return _label(draft, subject)

    if event_type == "Founding":
        r = unit("result", 0, start=at)
        return _tail(r), [], [r], f"Die Verwaltung richtet {w} die neue Einheit „{label(r)}“ ein.", []
    if event_type == "Renaming":
        o, r = unit("original", 0, earlier, at), unit("result", 1, start=at)
        return _tail(r), [o], [r], f"Die Einheit „{label(o)}“ heißt {w} „{label(r)}“.", []
    if event_type == "Merger":
        o1, o2 = unit("original", 0, earlier, at), unit("original-2", 1, earlier, at)
        r = unit("result", 2, start=at)
        text = f"Die Einheiten „{label(o1)}“ und „{label(o2)}“ werden {w} zu „{label(r)}“ zusammengelegt."
        return _tail(r), [o1, o2], [r], text, []
    if event_type == "Split":
        o = unit("original", 0, earlier, at)
        r1, r2 = unit("result", 1, start=at), unit("result-2", 2, start=at)
        text = f"Die Einheit „{label(o)}“ wird {w} in „{label(r1)}“ und „{label(r2)}“ aufgeteilt."
        return _tail(r1), [o], [r1, r2], text, []
    if event_type == "SpinOff":
        c, r = unit("continuing", 0), unit("result", 1, start=at)
        text = f"Aus „{label(c)}“ wird {w} die Einheit „{label(r)}“ ausgegliedert."
        return _tail(r), [], [r], text, [("kg:spunOffFrom", c)]
    if event_type == "Absorption":
        o, c = unit("original", 0, earlier, at), unit("result", 1)
        return _tail(c), [o], [c], f"Die Einheit „{label(o)}“ geht {w} in „{label(c)}“ auf.", []
    if event_type == "Dissolution":
        o = unit("original", 0, earlier, at)
        return _tail(o), [o], [], f"Die Einheit „{label(o)}“ wird {w} aufgelöst.", []
    if event_type == "Relocation":
        u = unit("result", 0, start=earlier)
        new_parent = _unit(draft, _authority_of(draft), "Dezernat", "Dezernat Zentrale Dienste", None)
        draft.graph.add(new_parent, "kg:validFrom", earlier.term)
        draft.units["new-parent"] = new_parent
        draft.graph.remove(u, "org:subOrganizationOf")
        draft.graph.add(u, "org:subOrganizationOf", new_parent)
        old = draft.units["parent"]
        text = f"Die Einheit „{label(u)}“ wechselt {w} von „{label(old)}“ zu „{label(new_parent)}“."
        return _tail(u), [u], [u], text, [("kg:newParent", new_parent), ("kg:previousParent", old)]
    # TransferOfFunctions
    o, r = unit("original", 0, start=earlier), unit("result", 1, start=earlier)
    function_label = f"Aufgaben der {names.FIELDS[names.FIELDS.index(_field(draft, o))]}"
    function = iri(f"function/{draft.ags}/{slug(function_label)}")
    draft.extra["functions"] = [(function, function_label)]
    text = f"Die {function_label} gehen {w} von „{label(o)}“ auf „{label(r)}“ über."
    return _tail(r), [o], [r], text, [("kg:transferredFunction", function), ("kg:planned", "true")]


def _tail(subject: str) -> str:
    return subject.rsplit("/", 1)[1].rstrip(">")


def _label(draft: SourceDraft, subject: str) -> str:
    return draft.graph.by_subject[subject]["skos:prefLabel"][0].split('"')[1]


def _field(draft: SourceDraft, subject: str) -> str:
    label = _label(draft, subject)
    return next(f for f in names.FIELDS if label.endswith(f))


def _authority_of(draft: SourceDraft) -> Authority:
    return Authority(draft.ags, draft.place)


def _unit(draft: SourceDraft, authority: Authority, type_name: str, label: str, parent: str | None) -> str:
    subject = iri(f"unit/{authority.ags}/{slug(label)}")
    g = draft.graph
    g.add(subject, "a", "kg:AdministrativeUnit")
    g.add(subject, "skos:prefLabel", literal(label, lang="de"))
    g.add(subject, "org:unitOf", authority.iri)
    g.add(subject, "kg:unitType", f"kg:{type_name}")
    if parent is not None:
        g.add(subject, "org:subOrganizationOf", parent)
    return subject


def _person(draft: SourceDraft, authority: Authority, rng: random.Random, unit: str, start: When | None):
    name = names.person_name(rng)
    person = iri(f"person/{slug(name)}-{authority.ags}")
    role_title = "Leitung"
    evidence = draft.sentence(f"Die {role_title} von „{_label(draft, unit)}“ übernimmt {name}.")
    membership = iri(f"membership/{authority.ags}/{slug(name)}-head-{_tail(unit)}")
    g = draft.graph
    g.add(person, "a", "foaf:Person")
    g.add(person, "foaf:name", literal(name))
    draft.fact(person, evidence)
    g.add(membership, "a", "org:Membership")
    g.add(membership, "org:member", person)
    g.add(membership, "org:organization", unit)
    g.add(membership, "org:role", "kg:Head")
    g.add(membership, "kg:roleTitle", literal(role_title, lang="de"))
    if start is not None:
        g.add(membership, "kg:validFrom", start.term)
    draft.fact(membership, evidence)
    draft.extra["person"] = person
    draft.extra["membership"] = membership


def _source_description(draft: SourceDraft, authority: Authority, number: int, issued: str) -> None:
    g = draft.graph
    source, graph = draft.source, iri(f"graph/{draft.source_id}")
    document_type = DOCUMENT_TYPES[number % len(DOCUMENT_TYPES)]
    publisher = iri(f"publisher/{names.PUBLISHERS[number % len(names.PUBLISHERS)][0]}")
    g.add(source, "a", "kg:SourceDocument", "foaf:Document", "prov:Entity")
    g.add(source, "dct:title", literal(draft.title, lang="de"))
    g.add(source, "dct:issued", literal(issued, datatype="xsd:date"))
    g.add(source, "dct:language", literal("de"))
    g.add(source, "dct:publisher", publisher if number % 2 else authority.iri)
    g.add(source, "dct:spatial", authority.iri)
    g.add(source, "dct:type", f"kg:{document_type}")
    if document_type == "CouncilReport":
        g.add(source, "dct:identifier", literal(f"V {number % 900 + 100}/{issued[:4]}"))
    g.add(source, "kg:sha256", literal(draft.sha256))
    g.add(graph, "a", "kg:SourceGraph")
    g.add(graph, "dct:issued", literal(issued, datatype="xsd:date"))
    g.add(graph, "prov:wasDerivedFrom", source)
    g.add(graph, "kg:curationStatus", "kg:Curated")
