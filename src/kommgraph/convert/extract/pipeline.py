"""From a source document to facts: layout, metadata, then units, events and persons per sentence."""

from __future__ import annotations

import re

from kommgraph.convert.extract import (
    boilerplate,
    event_backref,
    event_lists,
    event_naming,
    event_reader,
    events,
    metadata,
    persons,
    units,
)
from kommgraph.convert.extract.dates import (
    FORWARD_CUE,
    UndatedYears,
    cue_before,
    days_with_year,
    enactment_date,
    find_dates,
)
from kommgraph.convert.extract.event_unnamed import INDEFINITE, UNNAMED_NEW, without_unnamed
from kommgraph.convert.extract.model import DateValue, Event, Facts, Membership, Span, Unit
from kommgraph.convert.extract.patterns import compiled, load
from kommgraph.convert.extract.sentences import Sentence, split
from kommgraph.store.sources import SourceDocument

NEW = re.compile(r"\b[Nn]eue[nsmr]?\s+(?:\w+e[nsmr]?\s+)?[\"„“]?$")
PLACED = re.compile(
    r"(?:^(?P<pron>Sie|Er|Es|Diese[rs]?)|«U(?P<a>\d+)»)\s+(?:ist|wird|wurde|bleibt|sind)\s+(?:\w+\s+){0,3}?"
    r"(?:im|beim|bei\s+de[mr]|in\s+de[mr]|innerhalb\s+de[sr])\s+«U(?P<b>\d+)»\s+(?:angesiedelt|angegliedert|verortet|eingebunden|untergebracht)"
)
INSIDE = re.compile(r"«U(?P<a>\d+)»\s+(?:de[sr]|im|beim)\s+«U(?P<b>\d+)»")
LEADS_GROUP = re.compile(
    r"«U(?P<a>\d+)»\s+(?:leitet|koordiniert|führt|betreut)\s+(?:die|den|das)\s+«U(?P<b>\d+)»"
)
# "Die Aufgaben der Telefonzentrale ...": the functions' owner is named (and is no unit)
OWNER_NAMED = compiled(load("events")["functions"]["owner_named"])
ALONG = re.compile(
    r"^\W*(?:Gleichzeitig|Zugleich|Zeitgleich|Ebenso|Ebenfalls|Zudem|Außerdem|Darüber\s+hinaus)\b"
)
OWN = re.compile(
    r"\b(?:eigene[nrsm]?|selbst(?:st)?ändige[nrsm]?)\s+$"
)  # "als eigenes Amt": a new one, unnamed
CLAUSE = re.compile(r";\s+")
OTHER_PLACE = compiled(load("units")["other_places"]["after"])
SINCE = re.compile(r"\b[Ss]eit(?:\s+de[mn])?\s*$")  # "Seit dem 1. Januar sind die Ämter neu geordnet"
# "die ... Behörde", "die Dienststelle": a generic head refers back to the last unit of any type
GENERIC_HEADS = {"Behörde", "Dienststelle"}
SUB_TYPES = {"Abteilung", "Sachgebiet", "Stabsstelle", "Arbeitsgruppe", "Referat", "Fachdienst", "OtherUnit"}
PARENT_TYPES = {"Amt", "Fachbereich", "Dezernat", "Geschaeftsbereich", "Referat", "Eigenbetrieb"}


class _Doc:
    """Running state while reading one document's sentences in order."""

    def __init__(self, facts: Facts):
        self.facts = facts
        self.recent: list[tuple[str, str]] = []  # (type, name) of named mentions, latest last
        self.topic: str | None = None  # the last named unit of the previous sentence
        self.fresh: list[str] = []  # units named with "neu", latest last: "das neue Amt" refers to them
        self.headline_units: list[tuple[units.Mention, Span, bool]] = []  # named in the headline only
        self.other_bodies = True  # leave out units of ministries, associations, ... (not when about a state)
        self.joint_alone = False  # the text says the authority runs a usually joint body alone
        self.functions: set[str] = set()  # names used for a task or area ("die Aufgaben der Wohngeldstelle")
        self.unit_list = units.ListContext()  # a list of units announced by the sentence before
        self.undated = UndatedYears()  # the year a day without one takes when the publication date is unknown
        self.context_date: DateValue | None = None  # the last date a change takes effect, said before
        self.announced: event_lists.Announcement | None = None  # "zwei neue Ämter:" awaiting its list
        self.explicit: list[Event] = []  # foundings said by a verb of founding
        self.group_founding: tuple[int | None, Event | None] = (None, None)  # a group's founding being read
        self.reads: list[event_reader.Read] = []  # the article's sentences, for the learned event reader

    def resolve(self, mention: units.Mention, new: bool = False, indefinite: bool = False) -> str | None:
        if mention.name:
            return mention.name
        if new:  # an event's result may be a name that no mention registered as a unit
            for name in reversed(self.fresh):
                unit = self.facts.units.get(name)
                if unit and unit.unit_type == mention.unit_type:
                    return name
        if indefinite:  # a unit not spoken of before: not the last one named; its name may follow
            return UNNAMED_NEW
        if new and self.fresh and self.fresh[-1] in self.facts.units:
            return self.fresh[-1]  # "das neue Amt" said of the newest unit, whose name has another head
        for unit_type, name in reversed(self.recent):
            if unit_type == mention.unit_type:
                return name
        return None

    def add_unit(self, mention: units.Mention, span: Span) -> None:
        unit = self.facts.units.get(mention.name)
        if unit is None:
            unit = self.facts.units[mention.name] = Unit(
                mention.name, mention.unit_type, confidence=mention.confidence
            )
        unit.aliases += [a for a in mention.aliases if a != unit.name and a not in unit.aliases]
        if len(unit.evidence) < 3 and span not in unit.evidence:
            unit.evidence.append(span)


def _placeholders(sentence: Sentence, mentions: list[units.Mention], names: list[str | None]) -> str:
    parts, cut = [], 0
    for i, m in enumerate(mentions):
        parts.append(sentence.folded[cut : m.start])
        parts.append(f"«U{i}»")
        cut = m.end
    parts.append(sentence.folded[cut:])
    return "".join(parts)


def extract(doc: SourceDocument, gazetteer: dict[str, str] | None = None) -> Facts:
    gazetteer = gazetteer or {}
    text = doc.text
    page = boilerplate.layout(text, doc.body_start)
    a_start, a_end = page.article
    meta = metadata.extract_metadata(doc.metadata, doc.body, text[a_start:a_end], page.item_dates, gazetteer)
    facts = Facts(meta)
    state = _Doc(facts)
    state.undated.days = days_with_year(text[a_start:a_end]) if meta.issued is None else {}
    senior = bool(re.search(r"Oberbürgermeister|Stadtpräsident|Landrat|Landrätin", text[a_start:a_end]))
    state.other_bodies = not _about_state_body(meta.place, text[a_start:a_end])
    state.joint_alone = units.runs_joint_bodies_alone(text[a_start:a_end])
    sentences = [(s, True) for s in split(text, a_start, a_end)]
    lead = _headline_count([s for s, _ in sentences])
    for start, end in page.news_items:
        if boilerplate.mentions_place(text[start:end], meta.place):
            sentences += [(s, False) for s in split(text, start, end) if not _in_noise(s.span, page.noise)]
    for k, (sentence, in_article) in enumerate(sentences):
        _read_sentence(state, sentence, in_article, meta.issued, meta.place, senior, headline=k < lead)
    event_reader.apply(facts, state.reads)
    enacted = enactment_date([s.folded for s, in_article in sentences if in_article], meta.issued)
    for event in facts.events if enacted else ():  # dated nowhere else: the date the whole takes effect
        event.effective = event.effective or enacted
    without_unnamed(facts)
    _keep_headline_units(state)
    _drop_function_names(state)
    persons.settle_names(facts)
    _finish(facts, state.explicit)
    return facts


def _drop_function_names(state: _Doc) -> None:
    """A name the text uses for a task somewhere is no unit where it stands alone (a headline's
    ``Führerscheinstelle zieht ins Bürgeramt`` over ``die Aufgaben der Führerscheinstelle``)."""
    facts = state.facts
    in_events = {n for e in facts.events for n in (*e.original, *e.resulting)}
    for name in state.functions - in_events:
        facts.units.pop(name, None)
        for m in facts.memberships:
            if m.organization == name:
                m.organization = None


_PROSE_END = re.compile(r"[.!?][\"“”»']?$")
_STATE_BODY = compiled(load("units")["other_bodies"]["state_body"])
_LOCAL_BODY = compiled(load("units")["other_bodies"]["local_body"])


def _headline_count(sentences: list[Sentence]) -> int:
    """How many sentences at the start are headline, dateline and header lines, not prose.

    Prose begins with the first sentence that ends with final punctuation and has six words or more.
    A headline may name a unit differently from the text ("Neues Referat Digitale Verwaltung" over a
    text about the "Amt für Beispielwesen"); what it states is taken from the text instead.
    """
    for k, sentence in enumerate(sentences[:12]):
        if _PROSE_END.search(sentence.folded) and len(sentence.folded.split()) >= 6:
            return k
    return 0


def _of_other_place(text: str, mention: units.Mention, place: str | None) -> bool:
    """``das Amt für X der Stadt Bremen`` in a text about another town: another authority's unit."""
    m = OTHER_PLACE.match(text, mention.end)
    return bool(m and place and metadata.core_name(m["p"].rstrip(".")) not in place)


def _keep_headline_units(state: _Doc) -> None:
    """A unit named only in the headline counts, unless the headline announces a change or something
    new while the text names another unit of that type: then the headline's name is a paraphrase."""
    units_ = state.facts.units
    for mention, span, announces in reversed(state.headline_units):
        unit = units_.get(mention.name)
        if unit is not None:  # the headline is the first place that names it
            if span not in unit.evidence:
                unit.evidence = [span, *unit.evidence][:3]
            continue
        if announces and any(u.unit_type == mention.unit_type for u in units_.values()):
            continue
        state.add_unit(mention, span)


def _about_state_body(place: str | None, article: str) -> bool:
    """True when the document is about a ministry or a state government itself (its units count)."""
    head = article[:600]
    return bool(_STATE_BODY.search(head)) and not _LOCAL_BODY.search(head)


def _in_noise(span: Span, noise: list[tuple[int, int]]) -> bool:
    return any(a <= span.start < b for a, b in noise)


def _read_sentence(
    state: _Doc, sentence: Sentence, in_article: bool, published, place, senior: bool, headline: bool = False
) -> None:
    if published is None:  # no publication date: a day without a year takes a year the text names
        published = state.undated.year_for(sentence.folded)
    mentions = units.find_mentions(
        sentence.folded, other_bodies=state.other_bodies, functions=state.functions, context=state.unit_list
    )
    mentions = [m for m in mentions if not _of_other_place(sentence.folded, m, place)]
    mentions = mentions if state.joint_alone else units.drop_joint_bodies(sentence.folded, mentions)
    mentions = [event_naming.with_quoted_name(sentence.folded, m) for m in mentions]
    names: list[str | None] = []
    for m in mentions:
        new = bool(NEW.search(sentence.folded[max(0, m.start - 20) : m.start]))
        if m.name and headline:
            announces = new or events.states_change(sentence.folded)
            state.headline_units.append((m, sentence.span, announces))
            state.recent.append((m.unit_type, m.name))
            new = False  # "Neues Amt X" in a headline: the text's own "das neue Amt" may mean another name
        elif m.name:
            state.add_unit(m, sentence.span)
            if new:
                state.fresh.append(m.name)
        followed = sentence.folded[m.end : m.end + 5]
        before = sentence.folded[max(0, m.start - 40) : m.start]
        indefinite = m.name is None and bool(INDEFINITE.search(before))
        generic = m.name is None and units.nominative(sentence.folded[m.start : m.end]) in GENERIC_HEADS
        own = m.name is None and OWN.search(sentence.folded[max(0, m.start - 25) : m.start])
        names.append(
            None
            if m.name is None and (followed.startswith((" des ", " der ")) and not generic or own)
            else (state.recent[-1][1] if generic and state.recent else state.resolve(m, new, indefinite))
        )
        if m.name:
            state.recent.append((m.unit_type, m.name))
    marked = _placeholders(sentence, mentions, names)
    usable = {i for i, n in enumerate(names) if n}
    events_before = len(state.facts.events)
    _parents(state, marked, names)
    if in_article and not headline:
        clauses = CLAUSE.split(marked)  # "X wird aufgelöst; ihre Aufgaben gehen an Y über": two changes
        parts = [(part, clause) for clause in clauses for part in events.two_changes(clause)]
        clauses = [part for part, _ in parts]
        sibling: tuple[str, object] | None = None  # the date of the other change in the same clause
        for k, (clause, whole) in enumerate(parts):
            dates = find_dates(clause, published)
            clause_names, clause_usable = names, usable
            referred = event_backref.with_topic(clause, state.topic, len(names)) if k == 0 else None
            if referred:  # "Sie wird zum Jahresende aufgelöst": the unit spoken of
                clause, clause_names, clause_usable = referred, [*names, state.topic], usable | {len(names)}
            for found in events.find_events(clause, clause_usable, dates, published):
                if found.date is None and sibling and sibling[0] == whole:
                    found.date, found.date_rank = sibling[1], 1
                elif found.date is None and ALONG.match(marked):  # "Gleichzeitig wird ...": the same date
                    last = next((e.effective for e in reversed(state.facts.events) if e.effective), None)
                    found.date, found.date_rank = (last, 0) if last else (None, found.date_rank)
                if found.date is not None:
                    sibling = (whole, found.date)
                texts = [sentence.folded[m.start : m.end] for m in mentions]
                _add_event(state, found, clause_names, sentence.span, clause, (mentions, texts))
            first = events.PLACEHOLDER.search(clause)
            spoken = clause_names[int(first.group(1))] if first else None
            if k + 1 < len(clauses) and spoken not in (None, UNNAMED_NEW):
                state.topic = spoken  # the unit a pronoun stood for, too
            _approximate_start(state, clause, names, dates)
    if in_article and not headline:
        _listed_founding(state, sentence, mentions, published)
        if mentions and event_reader.wanted():
            state.reads.append(
                event_reader.Read(sentence.span, marked, names, [m.unit_type for m in mentions])
            )
    for p in persons.find_persons(marked, place, senior):
        unit = names[p.unit_index] if p.unit_index is not None and p.unit_index < len(names) else None
        unit = None if unit == UNNAMED_NEW else unit
        if unit is None and p.role in ("Head", "CoHead"):
            unit = next((n for n in names if n), None) or _unit_of_title(state, p.title)
        state.facts.memberships.append(
            Membership(
                p.name,
                p.role,
                p.title,
                unit,
                sentence.span,
                confidence=0.8 if unit or p.role == "Mayor" else 0.6,
            )
        )
        if p.former:
            state.facts.memberships[-1].valid_until = DateValue("former")
        if p.takes_lead:
            state.facts.memberships[-1].valid_from = DateValue("lead")
    named = [n for m, n in zip(mentions, names, strict=True) if m.name]
    state.topic = named[0] if named else state.topic
    if in_article and len(state.facts.events) == events_before:
        _remember_date(state, marked, published)


def _listed_founding(state: _Doc, sentence: Sentence, mentions: list[units.Mention], published) -> None:
    """``Ab 1. Januar gibt es zwei neue Ämter:`` and the units listed after it: one founding each, or
    one for a group (a bullet list, the parts of a divided unit)."""
    state.announced, listed = event_lists.follow(state.announced, sentence.folded, mentions, published)
    for item in listed:
        if item.new:
            state.add_unit(units.Mention(0, 0, item.name, item.unit_type, 0.6), sentence.span)
        group, founding = state.group_founding
        if item.together and group == item.group and founding in state.facts.events:
            founding.resulting.append(item.name)
            founding.evidence.append(sentence.span)
            continue
        date = item.date or state.context_date
        founding = Event("Founding", resulting=[item.name], effective=date, effective_rank=1, confidence=0.6)
        founding.evidence.append(sentence.span)
        state.group_founding = (item.group if item.together else None, founding)
        state.facts.events.append(founding)


def _remember_date(state: _Doc, marked: str, published) -> None:
    """A date of taking effect in a sentence that states no change of its own (a headline, ``Zum
    1. April gibt es bei den Ämtern Änderungen``) dates the changes after it that name none."""
    effective = [
        d
        for d in find_dates(marked, published)
        if cue_before(marked, d) == "effective"
        and (
            FORWARD_CUE.search(marked[max(0, d.start - 20) : d.start])
            or (SINCE.search(marked[max(0, d.start - 20) : d.start]) and events.states_change(marked))
        )
    ]
    if effective:
        best = max(effective, key=lambda d: len(d.value.value))
        state.context_date = best.value


def _parents(state: _Doc, marked: str, names: list[str | None]) -> None:
    units_ = state.facts.units
    for m in PLACED.finditer(marked):
        child = names[int(m["a"])] if m["a"] else state.topic
        parent = names[int(m["b"])]
        if child and parent and child != parent and child in units_:
            units_[child].parent = parent
    for pattern in (INSIDE, LEADS_GROUP):
        for m in pattern.finditer(marked):
            child, parent = names[int(m["a"])], names[int(m["b"])]
            if pattern is LEADS_GROUP:
                child, parent = parent, child
            if not child or not parent or child == parent or child not in units_ or parent not in units_:
                continue
            if pattern is LEADS_GROUP and units_[child].unit_type != "Arbeitsgruppe":
                continue
            if pattern is INSIDE and not (
                units_[child].unit_type in SUB_TYPES and units_[parent].unit_type in PARENT_TYPES
            ):
                continue
            units_[child].parent = units_[child].parent or parent


def _approximate_start(state: _Doc, marked: str, names: list[str | None], dates) -> None:
    """``In den vergangenen sechs Jahren hat die Stabsstelle ...``: an approximate start of the unit."""
    approx = [d for d in dates if d.value.approximate]
    if not approx:
        return
    for m in events.PLACEHOLDER.finditer(marked):
        name = names[int(m.group(1))]
        unit = state.facts.units.get(name) if name else None
        if unit and unit.valid_from is None:
            unit.valid_from = approx[0].value
            return


def _unit_of_title(state: _Doc, title: str) -> str | None:
    """The unit a bare title refers to: ``Amtsleiter`` → the last Amt, ``Leitung`` → the newest unit."""
    wanted = units.title_unit_type(title)
    for unit_type, name in reversed(state.recent):
        if wanted is None or unit_type == wanted:
            return state.fresh[-1] if wanted is None and state.fresh else name
    return None


def _add_event(
    state: _Doc,
    found: events.Found,
    names: list[str | None],
    span: Span,
    marked: str = "",
    mentions: tuple[list[units.Mention], list[str]] = ([], []),
) -> None:
    mentions, marked_heads = mentions  # the sentence's mentions and their texts
    facts = state.facts
    if found.result_from_context:
        context = state.fresh[-1] if state.fresh else state.topic
        if not context or context in [names[i] for i in found.original]:
            return
        names = [*names, context]
        found.resulting = [len(names) - 1]
    kind = events.EVENT_CLASS.get(found.event_type, "")
    if found.nominal:
        for event in reversed(facts.events):
            if event.event_type == kind or (not kind and event.effective_rank < found.date_rank):
                if found.date and found.date_rank > event.effective_rank:
                    event.effective, event.effective_rank = found.date, found.date_rank
                event.planned = event.planned or found.planned
                event.announced = event.announced or found.announced
                event.evidence.append(span)
                break
        if not kind and found.date:  # "Die Änderungen werden zum 1. März wirksam": all changes without a date
            for event in facts.events:
                if event.effective is None:
                    event.effective, event.effective_rank = found.date, found.date_rank
        return

    def pick(indexes: list[int]) -> list[str]:
        out: list[str] = []
        for i in indexes:
            if names[i] and names[i] not in out:
                out.append(names[i])
        return out

    if (
        found.head_slot is not None and found.new_name and found.head_slot < len(mentions)
    ):  # "Das neue Dezernat erhält die Bezeichnung „X“"
        head = mentions[found.head_slot]
        name = event_naming.completed_name(found.new_name, marked_heads[found.head_slot])
        state.add_unit(units.Mention(0, 0, name, head.unit_type, 0.6), span)
        names = [*names, name]
        found.resulting = [len(names) - 1]
    elif found.new_name and found.original and names[found.original[0]]:
        original = facts.units[names[found.original[0]]] if names[found.original[0]] in facts.units else None
        unit_type = original.unit_type if original else "OtherUnit"
        mention = units.Mention(0, 0, found.new_name, unit_type, 0.6)
        state.add_unit(mention, span)
        names = [*names, found.new_name]
        found.resulting = [len(names) - 1]
    if kind == "Renaming" and found.resulting and not found.original and state.topic:
        if state.topic != names[found.resulting[0]]:
            names = [*names, state.topic]
            found.original = [len(names) - 1]
    if found.date is None and state.context_date is not None:
        found.date, found.date_rank = state.context_date, 0
    event = Event(
        kind,
        original=pick(found.original),
        resulting=pick(found.resulting),
        effective=found.date,
        effective_rank=found.date_rank,
        announced=found.announced,
        planned=found.planned,
        functions=found.functions,
        spun_off_from=names[found.spun_off_from] if found.spun_off_from is not None else None,
        new_parent=names[found.new_parent] if found.new_parent is not None else None,
        evidence=[span],
        confidence=0.8 if found.original or kind == "Founding" else 0.6,
    )
    if (
        kind == "TransferOfFunctions"
        and not event.original
        and state.topic
        and state.topic not in event.resulting
        and not OWNER_NAMED.search(marked)
    ):
        event.original = [state.topic]
        event.confidence = 0.5
    if (
        kind == "SpinOff"
        and event.spun_off_from
        and facts.units.get(event.original[0] if event.original else "")
    ):
        facts.units[event.original[0]].parent = facts.units[event.original[0]].parent or event.spun_off_from
    if kind == "Founding" and event.new_parent and event.resulting:
        unit = facts.units.get(event.resulting[0])
        if unit:
            unit.parent = unit.parent or event.new_parent
    if set(event.original) & set(event.resulting) and kind not in ("Relocation", "ChangeEvent"):
        return
    facts.events.append(event)
    if found.explicit:
        state.explicit.append(event)
    if kind in ("Founding", "Merger", "Split", "SpinOff", "Renaming"):
        state.fresh += [n for n in event.resulting if n not in state.fresh]


def _finish(facts: Facts, explicit: list[Event]) -> None:
    from kommgraph.convert.extract.merge import finish

    finish(facts, tuple(explicit))
