"""One synthetic source as it is being made: its text with offsets, and its statements by subject."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

ID = "https://w3id.org/kommgraph/id/"
PREFIXES = (
    ("dct", "http://purl.org/dc/terms/"),
    ("foaf", "http://xmlns.com/foaf/0.1/"),
    ("kg", "https://w3id.org/kommgraph/ontology#"),
    ("oa", "http://www.w3.org/ns/oa#"),
    ("org", "http://www.w3.org/ns/org#"),
    ("prov", "http://www.w3.org/ns/prov#"),
    ("skos", "http://www.w3.org/2004/02/skos/core#"),
    ("xsd", "http://www.w3.org/2001/XMLSchema#"),
)


def iri(path: str) -> str:
    return f"<{ID}{path}>"


def literal(text: str, lang: str | None = None, datatype: str | None = None) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")
    if lang:
        return f'"{escaped}"@{lang}'
    return f'"{escaped}"^^{datatype}' if datatype else f'"{escaped}"'


class Statements:
    """Statements grouped by subject, written as Turtle in a fixed order (subjects and predicates sorted)."""

    def __init__(self) -> None:
        self.by_subject: dict[str, dict[str, list[str]]] = {}

    def add(self, subject: str, predicate: str, *objects: str) -> None:
        values = self.by_subject.setdefault(subject, {}).setdefault(predicate, [])
        for obj in objects:
            if obj not in values:
                values.append(obj)

    def remove(self, subject: str, predicate: str) -> None:
        self.by_subject.get(subject, {}).pop(predicate, None)

    def triple_count(self) -> int:
        return sum(len(objs) for preds in self.by_subject.values() for objs in preds.values())

    def turtle(self, comment: str) -> str:
        lines = [f"# {comment}"] + [f"PREFIX {p}: <{ns}>" for p, ns in PREFIXES] + [""]
        for subject in sorted(self.by_subject):
            predicates = self.by_subject[subject]
            lines.append(subject)
            for predicate in sorted(predicates, key=lambda p: (p != "a", p)):
                lines.append(f"    {predicate} {' , '.join(sorted(predicates[predicate]))} ;")
            lines.append(".")
            lines.append("")
        return "\n".join(lines)


@dataclass
class SourceDraft:
    """A source text being written sentence by sentence, with its graph's statements."""

    source_id: str
    ags: str
    place: str
    title: str
    event_type: str = ""
    text: str = ""
    graph: Statements = field(default_factory=Statements)
    units: dict[str, str] = field(default_factory=dict)  # role in the scenario -> unit IRI
    extra: dict[str, str] = field(default_factory=dict)  # other resources by role (event, person, ...)

    @property
    def source(self) -> str:
        return iri(f"source/{self.source_id}")

    def write(self, text: str) -> None:
        self.text += text

    def sentence(self, text: str) -> str:
        """Append ``text`` (with a space before it when needed) and return its evidence IRI."""
        if self.text and not self.text.endswith(("\n", " ")):
            self.text += " "
        start = len(self.text)
        self.text += text
        end = len(self.text)
        evidence = iri(f"evidence/{self.source_id}/{start}-{end}")
        g = self.graph
        g.add(evidence, "a", "kg:Evidence", "oa:TextQuoteSelector")
        g.add(evidence, "oa:exact", literal(text))
        g.add(evidence, "kg:start", str(start))
        g.add(evidence, "kg:end", str(end))
        g.add(evidence, "kg:inDocument", self.source)
        return evidence

    def fact(self, subject: str, evidence: str) -> None:
        self.graph.add(subject, "prov:wasDerivedFrom", self.source)
        self.graph.add(subject, "kg:evidence", evidence)

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()
