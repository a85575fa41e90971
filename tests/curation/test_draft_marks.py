"""Draft marking per statement: a draft that changes values of curated units (a second date, a renaming,
a head) is shown beside the curated values with each draft statement marked "Entwurf, ungeprüft";
the published TriG keeps draft statements in their draft graph; without --include-drafts neither pages
nor data hold them."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib.namespace import XSD
from tests.curation.test_project_workflow import ACCEPTED_TEXT, AUTHORITIES, KGID

from kommgraph.cli.main import main
from kommgraph.core.vocab import KG

DRAFT_TEXT = """\
title: Wahlamt unter neuer Leitung
published: 2024-04-20
place: Musterstadt
---
Die Stadt Musterstadt benennt zum 1. Mai 2024 das Amt für Statistik in Amt für Statistik und Wahlen um. \
Leiterin des Amtes für Statistik und Wahlen ist ab 1. Mai 2024 Erika Muster. \
Zum 1. Januar 2025 wird das Amt für Statistik und Wahlen in Wahlamt umbenannt.
"""
MARK = '<em class="draft-mark">(Entwurf, ungeprüft)</em>'
OLD_UNIT = "doc/unit/09999000/amt-fuer-statistik.html"
NEW_UNIT = "doc/unit/09999000/amt-fuer-statistik-und-wahlen.html"


def invoke(*args: str):
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    """pm-statistik accepted (renaming on 1 April 2024); pm-wahlen a draft that dates it 1 May, names a
    head and renames the curated unit again."""
    root = tmp_path_factory.mktemp("marks") / "musterstadt"
    invoke("init", str(root))
    (root / "ttl" / "reference" / "authorities.ttl").write_text(AUTHORITIES, encoding="utf-8")
    (root / "sources" / "pm-statistik.txt").write_text(ACCEPTED_TEXT, encoding="utf-8")
    (root / "sources" / "pm-wahlen.txt").write_text(DRAFT_TEXT, encoding="utf-8")
    drafts, reference = str(root / "ttl" / "drafts"), str(root / "ttl" / "reference")
    invoke("convert", str(root / "sources" / "pm-statistik.txt"), "--out", drafts, "--reference", reference)
    invoke("accept", "--data-dir", str(root), "pm-statistik")
    invoke("convert", str(root / "sources" / "pm-wahlen.txt"), "--out", drafts, "--reference", reference)
    invoke("publish", "--data-dir", str(root), "--static", "--out", str(root / "with"), "--include-drafts")
    invoke("publish", "--data-dir", str(root), "--static", "--out", str(root / "without"))
    return root


@pytest.mark.parametrize(
    ("page", "shown"),
    [
        (OLD_UNIT, '<dt>Besteht bis</dt><dd><time datetime="2024-04-01">1. April 2024</time> · '
         f'<time datetime="2024-05-01">1. Mai 2024</time> {MARK}</dd>'),
        (OLD_UNIT, '<td data-label="Ereignis"><a href="../../../doc/event/09999000/'
         f'2024-05-01-renaming-amt-fuer-statistik-und-wahlen.html">Umbenennung</a> (geplant) {MARK}</td>'),
        (NEW_UNIT, '<dt>Besteht seit</dt><dd><time datetime="2024-04-01">1. April 2024</time> · '
         f'<time datetime="2024-05-01">1. Mai 2024</time> {MARK}</dd>'),
        (NEW_UNIT, '<p id="status"><strong class="draft-mark">Entwurf, ungeprüft:</strong> '
         "<strong>Geplant:</strong>"),
        (NEW_UNIT, 'Sie wurde zum <time datetime="2025-01-01">1. Januar 2025</time> umbenannt'),
        (NEW_UNIT, '<p>Neuer Name: <a href="../../../doc/unit/09999000/wahlamt.html">Wahlamt</a></p>'),
        (NEW_UNIT, '<dt>Nachfolger</dt><dd><a href="../../../doc/unit/09999000/wahlamt.html">Wahlamt</a> '
         f"{MARK}</dd>"),
        (NEW_UNIT, '<li><a href="../../../doc/person/erika-muster.html">Erika Muster</a>: Leiterin '
         f'{MARK}</li>'),
        (NEW_UNIT, '<p class="notice partly-draft" role="note">'),
        ("doc/authority/09999000.html", '<a href="../../doc/unit/09999000/wahlamt.html">Wahlamt</a> '
         f"{MARK}</th>"),
    ],
)  # fmt: skip
def test_the_page_shows_curated_and_draft_values_and_marks_the_draft(project, page, shown):
    assert shown in (project / "with" / page).read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("page", "marks"),
    [
        (OLD_UNIT, 5),  # the notice on top; the May date, the May event, the draft's quote and source
        # a draft's resource: its statements are covered by the notice on top; only the links to the
        # draft's other resources (event, itself in the table, quote, source) say so, as everywhere
        ("doc/unit/09999000/wahlamt.html", 4),
    ],
)
def test_curated_values_are_not_marked(project, page, marks):
    text = (project / "with" / page).read_text(encoding="utf-8")
    assert text.count(MARK) == marks
    assert '<time datetime="2024-04-01">1. April 2024</time> <em' not in text


def test_the_published_quads_keep_draft_statements_in_their_draft_graph(project):
    lines = (project / "with" / "kommgraph.nq").read_text(encoding="utf-8").splitlines()
    unit, until = f"<{KGID}unit/09999000/amt-fuer-statistik>", f"<{KG.validUntil}>"
    dated = sorted(line for line in lines if line.startswith(f"{unit} {until} "))
    assert dated == [
        f'{unit} {until} "2024-04-01"^^<{XSD.date}> <{KGID}graph/pm-statistik> .',
        f'{unit} {until} "2024-05-01"^^<{XSD.date}> <{KGID}graph/pm-wahlen/draft> .',
    ]
    draft = f"<{KGID}graph/pm-wahlen/draft>"
    assert f"{draft} <{KG.curationStatus}> <{KG.Draft}> {draft} ." in lines


@pytest.mark.parametrize("name", ["kommgraph.trig", "kommgraph.nq", "kommgraph.ttl", OLD_UNIT, NEW_UNIT])
def test_without_include_drafts_neither_pages_nor_data_hold_the_draft(project, name):
    text = (project / "without" / name).read_text(encoding="utf-8")
    assert "2024-05-01" not in text and "Erika Muster" not in text and "pm-wahlen" not in text
    assert "Entwurf, ungeprüft" not in text


@pytest.mark.parametrize(("include_drafts", "marks"), [(True, 5), (False, 0)])
def test_serve_marks_the_same_statements(project, include_drafts, marks):
    pytest.importorskip("starlette", reason="kommgraph serve needs the [serve] extra")
    from starlette.testclient import TestClient

    from kommgraph.publish.server.app import load_app

    with TestClient(load_app(project, include_drafts=include_drafts)) as client:
        text = client.get(f"/{OLD_UNIT}").text
    assert text.count(MARK) == marks
    assert ("1. Mai 2024" in text) is include_drafts
