"""Converting a source again after it was accepted: the new draft has its own graph, validate passes,
review shows what changed, accept takes the new reading."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from click.testing import CliRunner
from tests.curation.test_project_workflow import ACCEPTED_TEXT, AUTHORITIES, KGID

from kommgraph.cli.main import main

EVENT_APRIL = f"{KGID}event/09999000/2024-04-01-renaming-amt-fuer-statistik-und-wahlen"
EVENT_MAY = f"{KGID}event/09999000/2024-05-01-renaming-amt-fuer-statistik-und-wahlen"
CORRECTED_TEXT = ACCEPTED_TEXT.replace("1. April 2024", "1. Mai 2024")


def invoke(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


@pytest.fixture
def reconverted(tmp_path, monkeypatch) -> Path:
    """A project whose one source was converted and accepted, then corrected and converted again."""
    monkeypatch.delenv("KOMMGRAPH_DATA", raising=False)
    monkeypatch.chdir(tmp_path)
    assert invoke("init", "musterstadt").exit_code == 0
    root = tmp_path / "musterstadt"
    (root / "ttl" / "reference" / "authorities.ttl").write_text(AUTHORITIES, encoding="utf-8")
    text = root / "sources" / "pm-statistik.txt"
    text.write_text(ACCEPTED_TEXT, encoding="utf-8")
    monkeypatch.chdir(root)
    assert invoke("convert", "sources/pm-statistik.txt").exit_code == 0
    assert invoke("accept", "pm-statistik").exit_code == 0
    text.write_text(CORRECTED_TEXT, encoding="utf-8")
    converted = invoke("convert", "sources/pm-statistik.txt")
    assert converted.stdout.splitlines() == [str(root / "ttl" / "drafts" / "pm-statistik.ttl")]
    return root


def test_the_new_draft_has_its_own_graph_and_status(reconverted):
    draft = (reconverted / "ttl" / "drafts" / "pm-statistik.ttl").read_text(encoding="utf-8")
    assert f"<{KGID}graph/pm-statistik/draft>\n    a kg:SourceGraph ;" in draft
    assert "kg:curationStatus kg:Draft" in draft
    assert f"<{KGID}graph/pm-statistik>" not in draft
    curated = (reconverted / "ttl" / "pm-statistik.ttl").read_text(encoding="utf-8")
    assert "kg:curationStatus kg:Curated" in curated and "kg:Draft" not in curated


def test_validate_passes_while_the_new_draft_awaits_review(reconverted):
    result = invoke("validate")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[-1].startswith("0 violation(s), 16 warning(s), 0 info;")
    assert not [line for line in lines if line.startswith("VIOLATION")]
    awaiting = [line.strip() for line in lines if "awaits review" in line]
    assert awaiting == [
        "The quote is not at offsets 84–189 of the source. The quote does not occur in the text. "
        "A new draft of the source awaits review (kommgraph review pm-statistik).",
        "musterstadt/sources/pm-statistik.txt has changed: SHA-256 "
        f"{hashlib.sha256(CORRECTED_TEXT.encode()).hexdigest()[:12]}…, stored "
        f"{hashlib.sha256(ACCEPTED_TEXT.encode()).hexdigest()[:12]}…. "
        "A new draft of the source awaits review (kommgraph review pm-statistik).",
    ]


def test_review_shows_the_changes(reconverted):
    result = invoke("review", "pm-statistik")
    assert result.exit_code == 0, result.output
    rows = [line for line in result.stdout.splitlines() if not line.startswith("          „")]
    assert rows == [
        f"draft {reconverted / 'ttl/drafts/pm-statistik.ttl'} beside the curated graph: "
        "1 new, 2 changed, 0 unchanged, 1 missing",
        f"new       {EVENT_MAY}  Renaming",
        f"changed   {KGID}unit/09999000/amt-fuer-statistik  AdministrativeUnit Amt für Statistik",
        '          kg:validUntil: "2024-04-01"^^xsd:date → "2024-05-01"^^xsd:date',
        f"changed   {KGID}unit/09999000/amt-fuer-statistik-und-wahlen"
        "  AdministrativeUnit Amt für Statistik und Wahlen",
        '          kg:validFrom: "2024-04-01"^^xsd:date → "2024-05-01"^^xsd:date',
        f"missing   {EVENT_APRIL}  Renaming",
    ]


@pytest.mark.parametrize(
    ("options", "last_line", "april_event_kept"),
    [
        ((), "kept     1 curated facts the draft no longer states "
         "(review lists them as missing; --drop-missing removes them)", True),
        (("--drop-missing",), "dropped  1 curated facts the draft no longer states", False),
    ],
)  # fmt: skip
def test_accept_again_takes_the_new_reading(reconverted, options, last_line, april_event_kept):
    result = invoke("accept", "pm-statistik", *options)
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        f"accepted 3 facts into {reconverted / 'ttl/pm-statistik.ttl'}",
        "removed  the draft (no fact left)",
        last_line,
    ]
    curated = (reconverted / "ttl" / "pm-statistik.ttl").read_text(encoding="utf-8")
    assert f'kg:sha256 "{hashlib.sha256(CORRECTED_TEXT.encode()).hexdigest()}"' in curated
    assert f'kg:sha256 "{hashlib.sha256(ACCEPTED_TEXT.encode()).hexdigest()}"' not in curated
    assert 'kg:validFrom "2024-05-01"^^xsd:date' in curated
    assert 'kg:validFrom "2024-04-01"^^xsd:date' not in curated
    assert (f"<{EVENT_APRIL}>" in curated) is april_event_kept
    validated = invoke("validate")
    if april_event_kept:  # the old event is still curated: its date now contradicts its units
        assert validated.exit_code == 1
    else:
        assert validated.exit_code == 0, validated.output
        assert "0 violation(s), 0 warning(s)" in validated.stdout
