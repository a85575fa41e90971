"""HTML pages: what a reader must find on them, accessibility basics, and links that resolve."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urldefrag

import pytest

UNIT = "doc/unit/06412000/stabsstelle-e-government.html"
SUCCESSOR = "doc/unit/06412000/stabsstelle-digitalisierung.html"


def page(release: Path, name: str) -> str:
    return (release / name).read_text(encoding="utf-8")


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs, self.sources, self.html_lang, self.ids = [], [], None, set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.html_lang = attrs.get("lang")
        if "id" in attrs:
            self.ids.add(attrs["id"])
        if tag in ("a", "link") and "href" in attrs:
            self.hrefs.append(attrs["href"])
        if "src" in attrs:
            self.sources.append(attrs["src"])


def parse(text: str) -> Links:
    parser = Links()
    parser.feed(text)
    return parser


def test_a_renamed_unit_says_so_at_the_top_and_links_its_successor(release):
    text = page(release, UNIT)
    main = text[text.index("<main"):]
    notice = main[main.index('class="notice"'):main.index("</div>")]
    assert main.index('class="notice"') < main.index('<dl class="facts">')
    assert "Diese Einheit besteht nicht mehr." in notice
    assert "umbenannt" in notice
    assert '<time datetime="2018-06-01">1. Juni 2018</time>' in notice
    assert 'Neuer Name: <a href="../../../doc/unit/06412000/stabsstelle-digitalisierung.html">' \
           "Stabsstelle Digitalisierung</a>" in notice


def test_dates_keep_their_precision(release):
    text = page(release, UNIT)
    precision = '<span class="precision">(jahresgenau, ungefähr)</span>'
    assert f'<time datetime="2012">etwa 2012</time> {precision}' in text
    offenbach = page(release, "doc/unit/06413000/stabsstelle-digitalisierung.html")
    assert '<time datetime="2021-03">März 2021</time> <span class="precision">(monatsgenau)' in offenbach


def test_the_successor_links_back_to_its_predecessor(release):
    text = page(release, SUCCESSOR)
    assert 'class="notice"' not in text
    link = r"<dt>Vorgänger</dt><dd><a href=\"[./]*doc/unit/06412000/stabsstelle-e-government.html\">"
    assert re.search(link, text)


def test_an_event_page_quotes_its_source(release):
    text = page(release, "doc/event/06412000/2018-06-01-renaming-stabsstelle-digitalisierung.html")
    assert "<dt>Art</dt><dd>Umbenennung</dd>" in text
    quote = "„Die Stabsstelle E-Government der Stadt Frankfurt am Main wird zur Stabsstelle Digitalisierung.“"
    assert quote in text
    assert re.search(r'Quelle: <a href="\.\./\.\./\.\./doc/source/000_d65d91dc76021873\.html">'
                     r"Stabsstelle wird umbenannt</a> \(<a href=", text)
    assert "Zeichen 273" not in text  # offsets are for machines: on the source page's anchors only
    heading = "<h1>Umbenennung: Stabsstelle E-Government → Stabsstelle Digitalisierung, 1. Juni 2018</h1>"
    assert heading in text
    assert "(taggenau)" not in text


def test_an_evidence_page_is_titled_by_its_source(release):
    text = page(release, "doc/evidence/000_d65d91dc76021873/273-367.html")
    assert "<h1>Beleg aus „Stabsstelle wird umbenannt“ (30. Mai 2018)</h1>" in text
    assert "oa:exact" not in text and "rdf:type" not in text
    event = "doc/event/06412000/2018-06-01-renaming-stabsstelle-digitalisierung.html"
    words = "Umbenennung: Stabsstelle E-Government → Stabsstelle Digitalisierung, 1. Juni 2018"
    assert re.search(rf'<li><a href="[./]*{re.escape(event)}">{words}</a></li>', text)


def test_source_and_person_pages(release):
    source = page(release, "doc/source/000_d65d91dc76021873.html")
    assert "<h1>Stabsstelle wird umbenannt</h1>" in source
    assert 'id="zeichen-273-367"' in source
    person = page(release, "doc/person/jan-schneider.html")
    assert "zuständiger Stadtrat" in person and "Stabsstelle E-Government" in person


def test_the_index_browses_by_authority(release):
    text = page(release, "index.html")
    for name in ("Darmstadt", "Frankfurt am Main", "Offenbach am Main", "Mannheim"):
        assert f">{name}</a>" in text
    assert '<a href="doc/unit/06412000/stabsstelle-e-government.html">Stabsstelle E-Government</a>' in text
    authority = page(release, "doc/authority/06412000.html")
    assert "Stabsstelle E-Government" in authority and "Amtlicher Gemeindeschlüssel 06412000" in authority


def test_the_authority_page_shows_its_timeline(release):
    pytest.importorskip("kommgraph.temporal.timeline", reason="the temporal module draws the timelines")
    text = page(release, "doc/authority/06412000.html")
    figure = text[text.index('<figure class="timeline'):text.index("</figure>")]
    assert "<svg" in figure and "Stabsstelle Digitalisierung" in figure
    assert (release / "timeline" / "06412000.svg").read_text(encoding="utf-8").startswith("<svg")


def test_the_timeline_is_a_stacked_list_for_phones(release):
    """The same units as the SVG, in its order, each with its bar, its dates and its changes in German."""
    pytest.importorskip("kommgraph.temporal.timeline", reason="the temporal module draws the timelines")
    text = page(release, "doc/authority/06412000.html")
    start = text.index('<ol class="timeline-list">')
    stacked = text[start:text.index("</ol>", start)]
    assert '<figure class="timeline stacked"' in text
    assert stacked.count('<p class="tl-name">') == 4
    names = [line.split('">')[-1].split("<")[0] for line in stacked.splitlines() if "tl-name" in line]
    assert names == ["Amt für Informations- und Kommunikationstechnik", "Bürgeramt, Statistik, Wahlen",
                     "Stabsstelle E-Government", "Stabsstelle Digitalisierung"]
    axis = ('<li class="tl-axis" aria-hidden="true"><span style="left: 0%">2010</span>'
            '<span style="left: 30.01%">2013</span><span style="left: 59.99%">2016</span>'
            '<span style="left: 100%">2020</span></li>')
    assert axis in stacked
    assert ('<p class="tl-dates">seit <time datetime="2012">etwa 2012</time> <span class="precision">'
            '(jahresgenau, ungefähr)</span> · bis <time datetime="2018-06-01">1. Juni 2018</time></p>'
            ) in stacked
    assert ('<p class="tl-change">→ ersetzt durch <a href="../../doc/unit/06412000/'
            'stabsstelle-digitalisierung.html">Stabsstelle Digitalisierung</a> (<a href="../../doc/event/'
            '06412000/2018-06-01-renaming-stabsstelle-digitalisierung.html">Umbenennung, 1. Juni 2018</a>)'
            '</p>') in stacked
    assert '<span class="tl-bar open-end" style="left: 84.15%; width: 15.85%"></span>' in stacked
    assert "Date" not in stacked and "unknown" not in stacked  # no English on the German page


def html_pages(release: Path) -> list[Path]:
    return sorted(release.rglob("*.html"))


def test_every_page_is_german_self_contained_and_its_links_resolve(release):
    pages = html_pages(release)
    assert len(pages) > 50
    broken = []
    for path in pages:
        parsed = parse(path.read_text(encoding="utf-8"))
        assert parsed.html_lang == "de", path
        assert parsed.sources == [], path  # no images, scripts or frames from anywhere
        for href in parsed.hrefs:
            target, fragment = urldefrag(href)
            if re.match(r"^[a-z]+:", href):
                continue  # identifiers and outside sources are links, not assets
            resolved = (path.parent / target).resolve() if target else path
            if not resolved.is_file():
                broken.append((str(path.relative_to(release)), href))
            elif fragment and resolved.suffix == ".html":
                ids = parse(resolved.read_text(encoding="utf-8")).ids
                if fragment not in ids:
                    broken.append((str(path.relative_to(release)), href))
    assert broken == []


def test_the_ontology_documentation(release):
    text = page(release, "ontology.html")
    assert "<h1>kommgraph-Ontologie</h1>" in text
    assert '<h3 id="AdministrativeUnit">Verwaltungseinheit' in text
    assert '<a href="#AdministrativeUnit">kg:AdministrativeUnit</a>' in text  # a range or domain links back
    assert '<li id="Stabsstelle"><strong>Stabsstelle</strong>' in text
