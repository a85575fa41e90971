"""Findings and reports: what a validation run found, what it covered, and the severities."""

from __future__ import annotations

from dataclasses import dataclass, field

SEVERITIES = ("violation", "warning", "info")
LANGUAGES = ("de", "en")
UNION = "union"


@dataclass
class Finding:
    rule: str
    severity: str
    focus: str
    label: str = ""
    messages: dict[str, str] = field(default_factory=dict)
    path: str = ""
    value: str = ""
    file: str = ""
    line: int = 0
    scope: str = ""  # the source ID whose graph was validated alone, or "union"
    path_iri: str = field(default="", repr=False, compare=False)
    component: str = field(default="", repr=False, compare=False)  # the SHACL constraint component's IRI

    def message(self, lang: str = "en") -> str:
        return self.messages.get(lang) or self.messages.get("en") or next(iter(self.messages.values()), "")

    def as_dict(self, lang: str = "en") -> dict:
        return {
            "rule": self.rule,
            "severity": self.severity,
            "focus": self.focus,
            "label": self.label,
            "message": self.message(lang),
            "path": self.path,
            "value": self.value,
            "file": self.file,
            "line": self.line,
            "scope": self.scope,
        }

    def key(self) -> tuple:
        """What makes two findings the same, whichever scope found them."""
        return (self.rule, self.focus, self.path, self.value, self.message("en"))

    def sort_key(self) -> tuple:
        return (SEVERITIES.index(self.severity), self.file, self.line, self.rule, self.focus, self.message())


@dataclass
class Coverage:
    """What one validation run looked at, so that a partial (``--since``) run says what it left out."""

    sources: list[str] = field(default_factory=list)  # source IDs validated alone
    skipped: list[str] = field(default_factory=list)  # source IDs not validated alone
    union: str = "full"  # "full", "focused" (only resources the changed sources mention) or "none"
    focus_count: int = 0
    since: str | None = None
    at: str | None = None
    changed: list[str] = field(default_factory=list)  # files changed since ``since``, repository-relative
    reason: str = ""  # why a --since run validated everything

    def as_dict(self) -> dict:
        return {
            "sources": self.sources,
            "skipped_sources": self.skipped,
            "union": self.union,
            "union_focus_resources": self.focus_count,
            "since": self.since,
            "at": self.at,
            "changed_files": self.changed,
            "full_because": self.reason,
        }

    def describe(self, lang: str = "en") -> list[str]:
        de = lang == "de"
        lines = []
        if self.at:
            lines.append(
                f"Stichtag {self.at}: nur Einheiten und Mitgliedschaften, die an diesem Tag bestehen"
                if de
                else f"snapshot on {self.at}: only units and memberships that exist on that day"
            )
        if self.since is not None:
            changed = _listing(self.changed, lang) or ("keine" if de else "none")
            lines.append(
                f"geändert seit {self.since}: {changed}" if de else f"changed since {self.since}: {changed}"
            )
            if self.reason:
                lines.append(
                    f"alles geprüft, weil {self.reason}"
                    if de
                    else f"validated everything because {self.reason}"
                )
        alone = _listing(self.sources, lang) or ("keine" if de else "none")
        lines.append(f"einzeln geprüfte Quellen: {alone}" if de else f"sources validated alone: {alone}")
        if self.skipped:
            skipped = _listing(self.skipped, lang)
            if self.union != "full":
                lines.append(
                    f"nicht geprüft (nur wo die geprüften Quellen sie berühren): {skipped}"
                    if de
                    else f"not validated (only where the sources validated touch them): {skipped}"
                )
            else:
                lines.append(
                    f"nicht einzeln geprüft (--union-only): {skipped}"
                    if de
                    else f"not validated alone (--union-only): {skipped}"
                )
        union = {
            "full": ("Gesamtgraph: vollständig", "union of all graphs: complete"),
            "focused": (
                f"Gesamtgraph: nur die {self.focus_count} Ressourcen, die die geprüften Quellen nennen",
                f"union of all graphs: only the {self.focus_count} resources the sources validated mention",
            ),
            "none": (
                "Gesamtgraph: nicht geprüft (keine Datenänderung)",
                "union of all graphs: not validated (no data changed)",
            ),
        }[self.union]
        lines.append(union[0] if de else union[1])
        return lines


def _listing(items: list[str], lang: str, most: int = 6) -> str:
    """Items joined by commas; a long list shortened to its first and last items and its length."""
    if len(items) <= most:
        return ", ".join(items)
    total = f"{len(items)} insgesamt" if lang == "de" else f"{len(items)} in all"
    return f"{', '.join(items[:3])}, …, {items[-1]} ({total})"


@dataclass
class Report:
    findings: list[Finding]
    checked: dict[str, int] = field(default_factory=dict)
    coverage: Coverage | None = None
    rules: dict[str, dict[str, str]] = field(default_factory=dict)  # rule -> description by language

    def count(self, severity: str) -> int:
        return sum(1 for f in self.findings if f.severity == severity)

    def fails(self, fail_on: str = "violation") -> bool:
        limit = SEVERITIES.index(fail_on)
        return any(SEVERITIES.index(f.severity) <= limit for f in self.findings)
