"""The plain-text report, in German or English."""

from __future__ import annotations

from pathlib import Path

from kommgraph.validation.findings import UNION, Report


def text_report(report: Report, lang: str = "en", base: Path | None = None) -> str:
    lines = []
    for f in report.findings:
        where = f"{_relative(f.file, base)}:{f.line}" if f.file else "(no file)"
        label = f' "{f.label}"' if f.label else ""
        scope = f"  [{f.scope}]" if f.scope and f.scope != UNION else ""
        lines.append(f"{f.severity.upper():9} {where}  {f.rule}{scope}")
        lines.append(f"          {label.strip() or '(unnamed)'} <{f.focus}>")
        lines.append(f"          {f.message(lang)}" + (f" [{f.path}]" if f.path else ""))
    if report.coverage is not None:
        lines += [
            ("geprüft:  " if lang == "de" else "covered:  ") + line for line in report.coverage.describe(lang)
        ]
    if lang == "de":
        summary = (
            f"{report.count('violation')} Verstoß/Verstöße, {report.count('warning')} Warnung(en), "
            f"{report.count('info')} Hinweis(e); {report.checked.get('triples', 0)} Tripel in "
            f"{report.checked.get('files', 0)} Dateien geprüft"
        )
    else:
        summary = (
            f"{report.count('violation')} violation(s), {report.count('warning')} warning(s), "
            f"{report.count('info')} info; {report.checked.get('triples', 0)} triples in "
            f"{report.checked.get('files', 0)} files checked"
        )
    return "\n".join(lines + [summary]) + "\n"


def _relative(file: str, base: Path | None) -> str:
    try:
        return str(Path(file).resolve().relative_to((base or Path.cwd()).resolve()))
    except ValueError:
        return file
