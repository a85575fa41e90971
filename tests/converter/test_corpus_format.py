"""The annotated corpus (corpus/dev, corpus/test, corpus/holdout, corpus/fresh) follows one gold convention.

shared/design/GOLD-FORMAT.md plus the conventions unified in corpus/REVIEW-round4.md: every scored
event names a unit, every named participant is a unit of the same file, quotes are verbatim, dates
carry only the precision a source can state, names carry no academic titles, and the gold header
facts are the text's header. Reads only the gold and the texts, never the converter.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

CORPUS = Path(__file__).resolve().parents[2] / "corpus"
GOLD = sorted(CORPUS.glob("*/*.json"))
EVENT_TYPES = {"founding", "renaming", "merger", "split", "transfer_of_tasks", "dissolution", "restructuring"}
DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
TITLE = re.compile(r"^(Dr|Prof|Mag|Dipl|Ing)\b")
HEADER_KEYS = ("source-url", "title", "published", "publisher")


def _ids(paths: list[Path]) -> list[str]:
    return [f"{p.parent.name}/{p.stem}" for p in paths]


def _folded(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _read(gold_path: Path) -> tuple[dict, dict, str]:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    head, body = gold_path.with_suffix(".txt").read_text(encoding="utf-8").split("\n---\n", 1)
    header = dict(line.split(": ", 1) for line in head.splitlines() if ": " in line)
    return gold, header, body


def test_the_corpus_is_there() -> None:
    if not GOLD:
        pytest.skip("corpus/ is not in this checkout")
    # corpus/fresh is empty between a round's fold into dev and the next unseen batches
    assert {"dev", "test", "holdout"} <= {p.parent.name for p in GOLD} <= {"dev", "test", "holdout", "fresh"}


@pytest.mark.parametrize("gold_path", GOLD, ids=_ids(GOLD))
def test_gold_follows_the_convention(gold_path: Path) -> None:
    gold, header, body = _read(gold_path)
    problems = []
    problems += [f"header lacks {key}" for key in HEADER_KEYS if key not in header]
    for key in ("title", "published"):
        if gold.get(key) != header.get(key):
            problems.append(f"{key} {gold.get(key)!r} is not the header's {header.get(key)!r}")
    if gold.get("source") != gold_path.with_suffix(".txt").name:
        problems.append(f"source {gold.get('source')!r}")
    units = {unit["name"] for unit in gold.get("units", [])}
    for unit in gold.get("units", []):
        problems += [
            f"unit {unit['name']!r}: {key} {unit[key]!r}"
            for key in ("founded", "ended")
            if unit.get(key) and not DATE.match(unit[key])
        ]
    for number, event in enumerate(gold.get("events", [])):
        where = f"event {number} ({event.get('type')})"
        if event.get("type") not in EVENT_TYPES:
            problems.append(f"{where}: unknown type")
        if not event.get("from") and not event.get("to"):
            problems.append(f"{where}: names no unit (belongs under changes_without_units)")
        problems += [
            f"{where}: {name!r} is not a unit of the file"
            for name in event.get("from", []) + event.get("to", [])
            if name not in units
        ]
        if event.get("effective") and not DATE.match(event["effective"]):
            problems.append(f"{where}: effective {event['effective']!r}")
        if event.get("evidence") and _folded(event["evidence"]) not in _folded(body):
            problems.append(f"{where}: evidence is not verbatim")
    problems += [
        f"person {person['name']!r} carries a title"
        for person in gold.get("persons", [])
        if TITLE.match(person["name"])
    ]
    assert problems == []


UNLABELLED = sorted((CORPUS / "unlabelled").glob("*.txt"))


@pytest.mark.parametrize("text_path", UNLABELLED, ids=[p.stem for p in UNLABELLED])
def test_unlabelled_text_has_the_header_and_a_manifest_row(text_path: Path) -> None:
    """corpus/unlabelled has no gold (it is read, not scored): each text has the header, a row in
    manifest-unlabelled.tsv, and a source that no annotated text uses."""
    head, _ = text_path.read_text(encoding="utf-8").split("\n---\n", 1)
    header = dict(line.split(": ", 1) for line in head.splitlines() if ": " in line)
    assert [key for key in HEADER_KEYS if key not in header] == []
    rows = {
        line.split("\t")[0]: line.split("\t")
        for line in (CORPUS / "manifest-unlabelled.tsv").read_text(encoding="utf-8").splitlines()[1:]
    }
    assert rows[text_path.name][7] == header["source-url"]
    annotated = {
        line.split("\t")[-1]
        for manifest in sorted(CORPUS.glob("manifest-[a-z].tsv"))
        for line in manifest.read_text(encoding="utf-8").splitlines()[1:]
    }
    assert header["source-url"] not in annotated
