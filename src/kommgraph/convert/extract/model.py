"""The facts the extractors find, before they become RDF."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, order=True)
class Span:
    """A passage of the source text: ``text[start:end]``."""

    start: int
    end: int


@dataclass(frozen=True, order=True)
class DateValue:
    """A date at its true precision: ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``."""

    value: str
    approximate: bool = False

    @property
    def year(self) -> int:
        return int(self.value[:4])


@dataclass
class Unit:
    name: str
    unit_type: str
    evidence: list[Span] = field(default_factory=list)
    parent: str | None = None
    valid_from: DateValue | None = None
    valid_until: DateValue | None = None
    confidence: float = 0.9
    aliases: list[str] = field(default_factory=list)  # other names the text uses (skos:altLabel)


@dataclass
class Event:
    event_type: str  # Founding, Renaming, Merger, Split, SpinOff, Absorption, Relocation, ...
    original: list[str] = field(default_factory=list)
    resulting: list[str] = field(default_factory=list)
    effective: DateValue | None = None
    effective_rank: float = -1  # how sure the date is: higher wins when events are merged
    announced: DateValue | None = None
    planned: bool = False
    functions: list[str] = field(default_factory=list)
    spun_off_from: str | None = None
    new_parent: str | None = None
    evidence: list[Span] = field(default_factory=list)
    confidence: float = 0.8


@dataclass
class Membership:
    person: str
    role: str  # a kg: role concept
    role_title: str
    organization: str | None  # a unit's name; None for the authority
    evidence: Span
    valid_from: DateValue | None = None
    valid_until: DateValue | None = None
    confidence: float = 0.8


@dataclass
class Metadata:
    title: str | None = None
    issued: DateValue | None = None
    place: str | None = None
    place_key: str | None = None  # the gazetteer's key (AGS, "AT-…", "CH-…") when it knows the place
    place_labels: tuple[str, ...] = ()  # other names of the place (skos:altLabel)
    doc_type: str = "WebPage"
    identifier: str | None = None
    publisher: str | None = None
    url: str | None = None


@dataclass
class Facts:
    metadata: Metadata
    units: dict[str, Unit] = field(default_factory=dict)
    events: list[Event] = field(default_factory=list)
    memberships: list[Membership] = field(default_factory=list)
