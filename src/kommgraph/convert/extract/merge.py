"""Whole-document clean-up: one event per change, spin-offs into the unit founded for them, dates."""

from __future__ import annotations

import re

from kommgraph.convert.extract.event_posts import without_posts
from kommgraph.convert.extract.model import DateValue, Event, Facts
from kommgraph.convert.extract.unit_lexicon import head_type

BEGINS = {"Founding", "Renaming", "Merger", "Split", "SpinOff"}
ENDS = {"Renaming", "Merger", "Split", "Absorption", "Dissolution"}


def _same(a: Event, b: Event) -> bool:
    if a.event_type != b.event_type:
        return False
    if bool(a.resulting) != bool(b.resulting) and a.event_type in ("Merger", "Split"):
        return bool(set(a.original) & set(b.original))  # one names the parts or result, the other not
    if a.resulting and b.resulting:
        return set(a.resulting) == set(b.resulting) and (
            not a.original or not b.original or bool(set(a.original) & set(b.original))
        )
    return not a.resulting and not b.resulting and set(a.original) == set(b.original)


def _absorb(into: Event, other: Event) -> None:
    if other.effective and other.effective_rank > into.effective_rank:
        into.effective, into.effective_rank = other.effective, other.effective_rank
    into.announced = into.announced or other.announced
    into.planned = into.planned or other.planned
    for name in other.original:
        if name not in into.original:
            into.original.append(name)
    for name in other.functions:
        if name not in into.functions:
            into.functions.append(name)
    if not into.resulting:
        into.resulting = list(other.resulting)
    into.spun_off_from = into.spun_off_from or other.spun_off_from
    into.new_parent = into.new_parent or other.new_parent
    into.evidence += [s for s in other.evidence if s not in into.evidence]
    into.confidence = max(into.confidence, other.confidence)


# "Abteilung 12 Musterwesen" and "Abteilung Musterwesen", "Bereich 660 - Beispielpflege": a number
# (with a dash or colon) between the head and the area is a designation the text may leave out
NUMBER_AFTER_HEAD = re.compile(r"^(?P<head>\S+)\s+\d+(?:\.\d+)*\s*(?:[-–:]\s*)?(?=[A-ZÄÖÜ])")
# "Stabstelle" and "Stabsstelle": a compound spelled with and without the linking -s- is one word
LINKING_S = re.compile(r"(?<=[a-zäöüß])s(?=(?:stelle|amt|abteilung|referat|büro|dienst)\b)")


def _spelling_key(name: str, numbered: set[str]) -> str:
    """What two spellings of one unit's name share: no ``für``, no number designation before the area
    (unless the document numbers two units of that area differently: ``numbered``), no linking -s- in
    the head compound."""
    key = name.replace(" für ", " ")
    plain = NUMBER_AFTER_HEAD.sub(r"\g<head> ", key)
    return LINKING_S.sub("", key if plain in numbered else plain)


def _twice_numbered(names) -> set[str]:
    """Names without number that two numbered names share (``Abteilung 12 X``, ``Abteilung 13 X``)."""
    seen: dict[str, set[str]] = {}
    for name in names:
        key = name.replace(" für ", " ")
        plain = NUMBER_AFTER_HEAD.sub(r"\g<head> ", key)
        if plain != key:
            seen.setdefault(plain, set()).add(key)
    return {plain for plain, keys in seen.items() if len(keys) > 1}


HEAD_FOR_FIELD = re.compile(r"(?P<head>[A-ZÄÖÜ]\w+) für (?P<field>[A-ZÄÖÜ]\w+)")


def _compound_twin(name: str, names, renamed: set[frozenset]) -> str | None:
    """``Departement für Musterwesen`` and ``Musterwesensdepartement`` are one unit: the field before the
    head makes the compound, with or without the linking -s- (``Erziehung`` + ``s`` + ``departement``);
    unless an event leads from one to the other (``Das Musteramt wird umbenannt in Amt für Muster``)."""
    m = HEAD_FOR_FIELD.fullmatch(name)
    if not m or not head_type(m["head"]):
        return None
    head, field = m["head"].lower(), m["field"]
    twin = next((c for c in (field + head, field + "s" + head) if c in names), None)
    return None if twin is None or frozenset((name, twin)) in renamed else twin


def _seated_twins(facts: Facts) -> dict[str, str]:
    """``Bauamt Musterdorf`` (named by its seat, ``Bauamt`` its alias) and a bare ``Bauamt`` elsewhere in
    the text are one unit, unless two units named by their seats share that alias: bare name -> seated."""
    seats: dict[str, list[str]] = {}
    for name, unit in facts.units.items():
        for alias in unit.aliases:
            if name.startswith(alias + " ") and " " not in name[len(alias) + 1 :]:
                seats.setdefault(alias, []).append(name)
    return {bare: names[0] for bare, names in seats.items() if len(names) == 1 and bare in facts.units}


def _same_unit_names(facts: Facts) -> None:
    """``Referat für Smart City`` in a headline and ``Referat Smart City`` in the text are one unit."""
    by_key: dict[str, list[str]] = {}
    numbered = _twice_numbered(facts.units)
    renamed = {frozenset((a, b)) for e in facts.events for a in e.original for b in e.resulting}
    seated = _seated_twins(facts)
    for name in facts.units:
        head, _, rest = name.partition(" ")  # "Fachbereich Beispiel" and "Beispiel" (a list item): one unit
        key = rest if rest in facts.units and head_type(head) else name
        key = _compound_twin(name, facts.units, renamed) or seated.get(name) or key
        by_key.setdefault(_spelling_key(key, numbered), []).append(name)
    rename: dict[str, str] = {}
    for names in by_key.values():
        if len(names) > 1:
            keep = max(
                names,
                key=lambda n: (
                    bool(head_type(n.partition(" ")[0])),
                    len(facts.units[n].evidence),
                    facts.units[n].evidence[-1].start,
                ),
            )
            for name in names:
                if name != keep:
                    rename[name] = keep
                    aliases = [name, *facts.units[name].aliases]
                    kept = facts.units[keep].aliases
                    facts.units[keep].aliases += [a for a in aliases if a not in kept and a != keep]
                    facts.units[keep].evidence += [
                        s for s in facts.units[name].evidence if s not in facts.units[keep].evidence
                    ]
                    del facts.units[name]
    if not rename:
        return
    for unit in facts.units.values():
        unit.parent = rename.get(unit.parent, unit.parent)
    for event in facts.events:
        event.original = [rename.get(n, n) for n in event.original]
        event.resulting = [rename.get(n, n) for n in event.resulting]
        event.spun_off_from = rename.get(event.spun_off_from, event.spun_off_from)
        event.new_parent = rename.get(event.new_parent, event.new_parent)
    for membership in facts.memberships:
        membership.organization = rename.get(membership.organization, membership.organization)


def _results_founded_after(event: Event, founded: list[Event]) -> list[str]:
    """The result of a change named without one: for a split, every unit founded in the first sentence
    after it that founds any (``X wird getrennt. Es gibt wieder ein eigenes A und ein eigenes B.``);
    otherwise the last unit founded in the text."""
    at = event.evidence[0].start if event.evidence else 0
    later = [f for f in founded if f.evidence and f.evidence[0].start > at and f.resulting]
    if event.event_type == "Split" and later:
        first = later[0].evidence[0].start
        names = [n for f in later if f.evidence[0].start == first for n in f.resulting]
        return list(dict.fromkeys(names))
    return [founded[-1].resulting[0]]


def _named_results(events: list[Event]) -> list[Event]:
    """``X und Y werden zusammengelegt. Das neue Amt heißt Z.``: a renaming right after a merger without a
    result, of one of the merged units (the bare ``das neue Amt`` resolved to the last one), names the
    merger's result; it is no renaming of its own."""
    kept: list[Event] = []
    for event in events:
        before = kept[-1] if kept else None
        if (
            before
            and before.event_type == "Merger"
            and not before.resulting
            and event.event_type == "Renaming"
            and event.original
            and event.original[0] in before.original
            and event.resulting
        ):
            before.resulting = list(event.resulting)
            before.evidence += [s for s in event.evidence if s not in before.evidence]
            if event.effective_rank > before.effective_rank:
                before.effective, before.effective_rank = event.effective, event.effective_rank
            continue
        kept.append(event)
    return kept


def _without_detailed_restructurings(events: list[Event]) -> list[Event]:
    """``X wird neu aufgestellt. X und Y werden zu Z zusammengelegt.``: a plain restructuring of a unit that
    another change of the text names is that change, told in general first; keep the specific one."""
    named = {n for e in events if e.event_type != "ChangeEvent" for n in [*e.original, *e.resulting]}
    return [e for e in events if not (e.event_type == "ChangeEvent" and set(e.original) & named)]


def _moves_as_relocations(facts: Facts) -> None:
    """``Die Abteilung X wechselt in das Amt Y``: one Relocation of X (a restructuring with from = to, as the
    vocabulary's kg:Relocation and the gold format have it), and Y becomes X's new parent. The transfer of
    X's tasks to Y that the move rules also read from the sentence is the same change said twice: dropped."""
    twins: list[Event] = []
    for event in facts.events:
        if event.event_type != "Relocation" or not event.new_parent:
            continue
        target = event.new_parent
        for other in facts.events:
            if (
                other.event_type == "TransferOfFunctions"
                and other.resulting == [target]
                and set(other.evidence) & set(event.evidence)
            ):
                twins.append(other)
        for name in event.original:
            if name in facts.units and target in facts.units:
                facts.units[name].parent = target
    facts.events = [e for e in facts.events if not any(e is t for t in twins)]


def _without_placements_of_founded(events: list[Event]) -> list[Event]:
    """``Die Stelle X wird eingerichtet. Sie wird im Amt Y angesiedelt.``: where a unit founded in the text is
    placed is part of its founding, not a move (its new parent is kept)."""
    founded = {n for e in events if e.event_type == "Founding" for n in e.resulting}
    return [e for e in events if not (e.event_type == "Relocation" and set(e.original) <= founded)]


def finish(facts: Facts, explicit: tuple[Event, ...] = ()) -> None:
    """Clean up the document's events; foundings in ``explicit`` were said by a verb of
    founding and stay beside a merger into the same unit (``in einem neu zu gründenden Amt
    zusammengefasst``); beside a spin-off or split the founding is dropped (``schafft das neue Amt X. Dazu
    wurde die Abteilung Y ausgegliedert`` is one change)."""
    _same_unit_names(facts)
    _without_own_district_office(facts)
    relocated = {n for e in facts.events if e.event_type == "Relocation" for n in e.original}
    _moves_as_relocations(facts)
    facts.events = _without_placements_of_founded(facts.events)
    facts.events = [  # "X wird aus Y herausgelöst und dem Z zugeordnet": one move, no spin-off of its own
        e
        for e in facts.events
        if not (e.event_type == "SpinOff" and not e.resulting and set(e.original) & relocated)
    ]
    facts.events = _without_detailed_restructurings(facts.events)
    facts.events = _named_results(facts.events)
    events = facts.events
    founded = [e for e in events if e.event_type == "Founding"]
    for event in events:
        if event.event_type in ("SpinOff", "Split", "Merger") and not event.resulting and founded:
            event.resulting = _results_founded_after(event, founded)
    begun_by_change = {n for e in events if e.event_type in BEGINS - {"Founding"} for n in e.resulting}
    kept: list[Event] = []  # foundings said by a verb of founding beside a merger into that unit
    for event in founded:
        if set(event.resulting) & begun_by_change:
            twin = next(
                e for e in events if e.event_type != "Founding" and set(e.resulting) & set(event.resulting)
            )
            _absorb(
                twin,
                Event(
                    twin.event_type,
                    effective=event.effective,
                    effective_rank=event.effective_rank,
                    evidence=event.evidence,
                ),
            )
            if any(event is e for e in explicit) and twin.event_type == "Merger":  # both stay, one date
                event.effective, event.effective_rank = twin.effective, twin.effective_rank
                kept.append(event)
    events = [
        e
        for e in events
        if not (
            e.event_type == "Founding"
            and set(e.resulting) & begun_by_change
            and not any(e is k for k in kept)
        )
    ]
    merged: list[Event] = []
    for event in events:
        twin = next((m for m in merged if _same(m, event)), None)
        if twin is None:
            merged.append(event)
        else:
            _absorb(twin, event)
    # a spin-off that names neither the unit it results in nor the one it leaves (``das Amt als Ganzes
    # auszugliedern``, ``ihr Bauamt örtlich ausgelagert``) states where a unit is not: no change of units
    facts.events = [
        e
        for e in merged
        if (e.resulting or e.original)
        and not (e.event_type == "SpinOff" and not e.resulting and not e.spun_off_from)
    ]
    facts.events = without_posts(facts.events)
    _dates_of_dissolved_owners(facts)
    _unit_dates(facts)
    _membership_dates(facts)


# "Bezirkshauptmannschaft Muster", "Bezirkshauptmannschaft in Muster": an office named by its seat
SEAT_OFFICE = re.compile(r"^Bezirkshauptmannschaft\s+(?:in\s+)?(?P<seat>.+)$")


def _without_own_district_office(facts: Facts) -> None:
    """The Bezirkshauptmannschaft of the document's own Bezirk is the authority itself (like a Landratsamt),
    no unit of it, unless the text changes it (a merger of two Bezirkshauptmannschaften names units)."""
    place = facts.metadata.place
    if not place:
        return
    own = {place, *facts.metadata.place_labels}
    in_events = {n for e in facts.events for n in (*e.original, *e.resulting)}
    for name in list(facts.units):
        m = SEAT_OFFICE.match(name)
        if m and name not in in_events and any(m["seat"] == p or p.endswith(" " + m["seat"]) for p in own):
            del facts.units[name]


def _dates_of_dissolved_owners(facts: Facts) -> None:
    """``X wird zum 30. Juni aufgelöst. Ihre Aufgaben gehen auf Y über.``: tasks leave a dissolved unit
    when it ends."""
    ends = {n: e for e in facts.events if e.event_type == "Dissolution" and e.effective for n in e.original}
    for event in facts.events:
        if event.event_type == "TransferOfFunctions" and event.effective is None and event.original:
            dissolved = ends.get(event.original[0])
            if dissolved is not None:
                event.effective, event.effective_rank = dissolved.effective, 0
                event.planned = event.planned or dissolved.planned


def _unit_dates(facts: Facts) -> None:
    for event in facts.events:
        if not event.effective:
            continue
        if event.event_type in BEGINS:
            for name in event.resulting:
                unit = facts.units.get(name)
                if unit and (unit.valid_from is None or unit.valid_from.approximate):
                    unit.valid_from = event.effective
        if event.event_type in ENDS:
            for name in event.original:
                unit = facts.units.get(name)
                if unit and unit.valid_until is None:
                    unit.valid_until = event.effective
        if event.event_type == "SpinOff" and event.original and event.original[0] in facts.units:
            unit = facts.units[event.original[0]]
            unit.valid_until = unit.valid_until or event.effective


def _membership_dates(facts: Facts) -> None:
    """``bisherige Leiterin`` ends when the unit's change takes effect; ``übernimmt die Leitung`` begins."""
    for membership in facts.memberships:
        marker_until = membership.valid_until and membership.valid_until.value == "former"
        marker_from = membership.valid_from and membership.valid_from.value == "lead"
        membership.valid_until = (
            _change_date(facts, membership.organization, ending=True)
            if marker_until
            else membership.valid_until
        )
        membership.valid_from = (
            _change_date(facts, membership.organization, ending=False)
            if marker_from
            else membership.valid_from
        )
    seen: dict[tuple[str, str, str | None], object] = {}
    unique = []
    for m in facts.memberships:
        key = (m.person, m.role, m.organization)
        if key not in seen:
            seen[key] = m
            unique.append(m)
    facts.memberships = unique


def _change_date(facts: Facts, unit: str | None, ending: bool) -> DateValue | None:
    for event in facts.events:
        names = event.original if ending else event.resulting
        if unit in names and event.effective:
            return event.effective
    if ending:  # a unit spun off is part of a change even when it is named as the original only
        for event in facts.events:
            if unit == event.spun_off_from and event.effective:
                return None
    return None
