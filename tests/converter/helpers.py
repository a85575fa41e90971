"""Shared helpers for the converter tests: the fixture texts and the facts extracted from them."""

from __future__ import annotations

import json
from pathlib import Path

from kommgraph.convert.extract import Facts, extract
from kommgraph.convert.graph import Gazetteer
from kommgraph.store.sources import SourceDocument, read_source

TEXTS = Path(__file__).parent / "texts"
SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"
GOLD = Path(__file__).resolve().parents[3] / "shared" / "gold" / "seeds"
REFERENCE = Path(__file__).resolve().parents[2] / "data" / "ttl" / "reference"


def fixture_stems() -> list[str]:
    return sorted(p.stem for p in TEXTS.glob("*.txt"))


def expected(stem: str) -> dict:
    return json.loads((TEXTS / f"{stem}.json").read_text(encoding="utf-8"))


def summary(facts: Facts) -> dict:
    """Facts in the shape of the fixtures' expected JSON."""
    meta = facts.metadata
    return {
        "place": meta.place,
        "issued": meta.issued.value if meta.issued else None,
        "units": sorted(facts.units),
        "events": [
            {
                "type": e.event_type,
                "original": sorted(e.original),
                "resulting": sorted(e.resulting),
                "effective": e.effective.value if e.effective else None,
            }
            for e in facts.events
        ],
        "persons": sorted({m.person for m in facts.memberships}),
    }


def events_in(body: str) -> list[tuple]:
    """(type, original, resulting) of each event the converter reads in BODY, dated 5 May 2021."""
    facts = extract(SourceDocument(path=Path("t.txt"), text=f"Beispielstadt, 5. Mai 2021.\n\n{body}\n"))
    return [(e.event_type, e.original, e.resulting) for e in facts.events]


def place_of(tmp_path: Path, header: dict[str, str], text: str):
    """The place, its key and its labels the converter finds for ``text`` under ``header``."""
    source = tmp_path / "t.txt"
    lines = "".join(f"{key}: {value}\n" for key, value in header.items())
    source.write_text(f"{lines}---\n{text}\n", encoding="utf-8")
    meta = extract(read_source(source), Gazetteer.load(REFERENCE).authorities).metadata
    return meta.place, meta.place_key, set(meta.place_labels)
