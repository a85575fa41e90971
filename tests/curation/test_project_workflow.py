"""A publisher's own data: init, convert two German texts, review and accept one, validate, build, publish.

The published data and pages hold the accepted facts and no draft fact; with --include-drafts the draft
facts are on their pages, marked "Entwurf, ungeprüft".
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from kommgraph.cli.main import main

KGID = "https://w3id.org/kommgraph/id/"
AUTHORITIES = """\
PREFIX kg: <https://w3id.org/kommgraph/ontology#>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>

<https://w3id.org/kommgraph/id/authority/09999000>
    a org:FormalOrganization , kg:LocalAuthority ;
    skos:prefLabel "Musterstadt"@de ;
    kg:ags "09999000" ;
.
"""
ACCEPTED_TEXT = """\
title: Neuer Name für das Statistikamt
published: 2024-03-01
place: Musterstadt
---
Die Stadt Musterstadt benennt zum 1. April 2024 das Amt für Statistik in Amt für Statistik und Wahlen um.
"""
DRAFT_TEXT = """\
title: Ordnungsamt mit neuem Namen
published: 2024-05-02
place: Musterstadt
---
Die Stadt Musterstadt benennt zum 1. Juli 2024 das Ordnungsamt in Amt für Sicherheit und Ordnung um.
"""
ACCEPTED_EVENT = f"{KGID}event/09999000/2024-04-01-renaming-amt-fuer-statistik-und-wahlen"
DRAFT_EVENT = f"{KGID}event/09999000/2024-07-01-renaming-amt-fuer-sicherheit-und-ordnung"
DRAFT_UNIT_PAGE = "doc/unit/09999000/amt-fuer-sicherheit-und-ordnung.html"
ACCEPTED_UNIT_PAGE = "doc/unit/09999000/amt-fuer-statistik-und-wahlen.html"


@pytest.fixture
def project(tmp_path, monkeypatch) -> Path:
    """A new project in an empty directory, with both texts converted and the first accepted."""
    monkeypatch.delenv("KOMMGRAPH_DATA", raising=False)
    monkeypatch.chdir(tmp_path)
    run = CliRunner().invoke
    assert run(main, ["init", "musterstadt"]).exit_code == 0
    root = tmp_path / "musterstadt"
    (root / "ttl" / "reference" / "authorities.ttl").write_text(AUTHORITIES, encoding="utf-8")
    (root / "sources" / "pm-statistik.txt").write_text(ACCEPTED_TEXT, encoding="utf-8")
    (root / "sources" / "pm-ordnung.txt").write_text(DRAFT_TEXT, encoding="utf-8")
    monkeypatch.chdir(root)
    converted = run(main, ["convert", "sources/pm-statistik.txt", "sources/pm-ordnung.txt"])
    assert converted.exit_code == 0, converted.output
    assert converted.stdout.splitlines() == [
        str(root / "ttl" / "drafts" / "pm-statistik.ttl"),
        str(root / "ttl" / "drafts" / "pm-ordnung.ttl"),
    ]
    return root


def invoke(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_review_lists_the_drafts_facts_with_their_quotes(project):
    result = invoke("review", "pm-statistik")
    assert result.exit_code == 0, result.output
    quote = f"          „{ACCEPTED_TEXT.splitlines()[-1]}“"
    assert result.stdout.splitlines() == [
        f"draft {project / 'ttl/drafts/pm-statistik.ttl'} beside the curated graph: "
        "3 new, 0 changed, 0 unchanged, 0 missing",
        f"new       {ACCEPTED_EVENT}  Renaming",
        quote,
        f"new       {KGID}unit/09999000/amt-fuer-statistik  AdministrativeUnit Amt für Statistik",
        quote,
        f"new       {KGID}unit/09999000/amt-fuer-statistik-und-wahlen"
        "  AdministrativeUnit Amt für Statistik und Wahlen",
        quote,
    ]


def test_accept_then_publish_holds_the_accepted_facts_and_no_draft_fact(project, tmp_path):
    accepted = invoke("accept", "pm-statistik")
    assert accepted.exit_code == 0, accepted.output
    assert accepted.stdout.splitlines() == [
        f"accepted 3 facts into {project / 'ttl/pm-statistik.ttl'}",
        "removed  the draft (no fact left)",
    ]
    curated = (project / "ttl" / "pm-statistik.ttl").read_text(encoding="utf-8")
    assert "kg:curationStatus kg:Curated" in curated
    assert f"prov:wasGeneratedBy <{KGID}activity/accept/pm-statistik>" in curated
    assert f"kg:evidence <{KGID}evidence/pm-statistik/" in curated  # the draft's provenance is kept

    validated = invoke("validate")
    assert validated.exit_code == 0, validated.output
    assert "0 violation(s), 0 warning(s)" in validated.stdout
    assert validated.stderr.splitlines() == [
        "drafts: 51 statements in 1 draft graph, not published until accepted "
        "(kommgraph review SOURCE, kommgraph accept SOURCE)"
    ]
    built = invoke("build", "--out", "dist")
    assert built.exit_code == 0, built.output
    published = invoke("publish", "--static", "--out", "site")
    assert published.exit_code == 0, published.output

    site = project / "site"
    for dump in (project / "dist" / "kommgraph.trig", site / "kommgraph.trig"):
        data = dump.read_text(encoding="utf-8")
        assert ACCEPTED_EVENT in data
        assert "Ordnung" not in data and "pm-ordnung" not in data
    assert (site / ACCEPTED_UNIT_PAGE).is_file()
    assert not (site / DRAFT_UNIT_PAGE).exists()
    pages = "".join(p.read_text(encoding="utf-8") for p in sorted(site.rglob("*.html")))
    assert "Ordnung" not in pages
    assert "Entwurf, ungeprüft" not in pages


def test_include_drafts_marks_every_draft_fact_on_its_page(project):
    assert invoke("accept", "pm-statistik").exit_code == 0
    published = invoke("publish", "--static", "--out", "site", "--include-drafts")
    assert published.exit_code == 0, published.output
    site = project / "site"
    draft_page = (site / DRAFT_UNIT_PAGE).read_text(encoding="utf-8")
    assert '<p class="notice draft" role="note"><strong>Entwurf, ungeprüft:</strong>' in draft_page
    assert "Entwurf, ungeprüft" not in (site / ACCEPTED_UNIT_PAGE).read_text(encoding="utf-8")
    marked = sorted(
        str(p.relative_to(site))
        for p in site.rglob("*.html")
        if '<p class="notice draft"' in p.read_text(encoding="utf-8")
    )
    assert marked == [
        "doc/event/09999000/2024-07-01-renaming-amt-fuer-sicherheit-und-ordnung.html",
        "doc/evidence/pm-ordnung/80-180.html",
        "doc/graph/pm-ordnung/draft.html",
        "doc/source/pm-ordnung.html",
        "doc/unit/09999000/amt-fuer-sicherheit-und-ordnung.html",
        "doc/unit/09999000/ordnungsamt.html",
    ]
    authority = (site / "doc/authority/09999000.html").read_text(encoding="utf-8")
    assert 'Amt für Sicherheit und Ordnung</a> <em class="draft-mark">(Entwurf, ungeprüft)</em>' in authority


def test_accept_one_fact_leaves_the_others_in_the_draft(project):
    result = invoke("accept", "pm-ordnung", "--fact", f"{KGID}unit/09999000/ordnungsamt")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        f"accepted 1 facts into {project / 'ttl/pm-ordnung.ttl'}",
        f"left     the other facts in {project / 'ttl/drafts/pm-ordnung.ttl'}",
    ]
    review = invoke("review", "pm-ordnung")
    assert review.stdout.splitlines()[0].endswith("2 new, 0 changed, 0 unchanged, 1 missing")
    validated = invoke("validate")  # the curated graph and the draft each have one status
    assert validated.exit_code == 0, validated.output
    assert "0 violation(s), 0 warning(s)" in validated.stdout


def test_accept_names_a_fact_the_draft_does_not_have(project):
    result = invoke("accept", "pm-ordnung", "--fact", f"{KGID}unit/09999000/nirgendwo")
    assert result.exit_code == 2
    assert f"not a fact of this draft: {KGID}unit/09999000/nirgendwo" in result.output


def test_review_of_a_source_without_draft_is_a_usage_error(project):
    result = invoke("review", "pm-unbekannt")
    assert result.exit_code == 2
    assert f"{project / 'ttl/drafts/pm-unbekannt.ttl'}: no draft of source 'pm-unbekannt'" in result.output
