"""A real browser: headless Debian Chromium opens pages of a running ``kommgraph serve``.

Needs Debian's ``chromium`` package (``apt-get install -y chromium``; no browser is downloaded).
Screenshots go to ``$KOMMGRAPH_SCREENSHOTS`` when set (e.g. a CI artefact folder), else to a
temporary folder; their paths are printed.
"""

from __future__ import annotations

import os
import shutil
import struct
import subprocess
import urllib.parse
from pathlib import Path

import pytest

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(
    CHROMIUM is None,
    reason="headless Chromium is absent: `apt-get install -y chromium` (Debian package; .ci/run installs it)",
)

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-dev-shm-usage", "--hide-scrollbars"]


@pytest.fixture(scope="module")
def shots(tmp_path_factory) -> Path:
    folder = Path(os.environ.get("KOMMGRAPH_SCREENSHOTS") or tmp_path_factory.mktemp("screenshots"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def chromium(tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    profile = tmp_path / f"profile-{len(list(tmp_path.glob('profile-*')))}"
    profile.mkdir()
    return subprocess.run([CHROMIUM, *FLAGS, f"--user-data-dir={profile}", *args],
                          capture_output=True, text=True, timeout=90, check=False)


def dom(tmp_path: Path, url: str) -> str:
    result = chromium(tmp_path, "--dump-dom", url)
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout


def screenshot(
    tmp_path: Path, url: str, target: Path, height: int = 1400, width: int = 1280
) -> tuple[int, int]:
    result = chromium(tmp_path, f"--screenshot={target}", f"--window-size={width},{height}", url)
    assert result.returncode == 0 and target.is_file(), result.stderr[-2000:]
    header = target.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n"
    print(f"screenshot: {target}")
    return struct.unpack(">II", header[16:24])


def test_renamed_unit_page_links_its_successor(server, shots, tmp_path):
    url = f"{server}id/unit/06412000/stabsstelle-e-government"  # the browser follows the 303 to HTML
    page = dom(tmp_path, url)
    notice = page[page.index('class="notice"'):]
    notice = notice[:notice.index("</div>")]
    assert "Diese Einheit besteht nicht mehr." in notice
    link = '<a href="../../../doc/unit/06412000/stabsstelle-digitalisierung.html">Stabsstelle Digitalisierung'
    assert link in notice
    width, height = screenshot(tmp_path, url, shots / "stabsstelle-e-government.png")
    assert (width, height) == (1280, 1400)
    assert (shots / "stabsstelle-e-government.png").stat().st_size > 20_000  # a page, not a blank sheet


def test_frankfurt_page_shows_its_timeline(server, shots, tmp_path):
    pytest.importorskip("kommgraph.temporal.timeline", reason="the temporal module draws the timelines")
    url = f"{server}id/authority/06412000"
    page = dom(tmp_path, url)
    assert "<h1>Frankfurt am Main</h1>" in page
    figure = page[page.index('<figure class="timeline'):]
    figure = figure[:figure.index("</figure>")]
    assert "<svg" in figure
    assert "Stabsstelle E-Government" in figure and "Stabsstelle Digitalisierung" in figure
    screenshot(tmp_path, url, shots / "frankfurt-am-main.png", height=1600)
    assert (shots / "frankfurt-am-main.png").stat().st_size > 40_000


def test_the_sparql_query_page_works_offline(server, shots, tmp_path):
    """``/sparql`` in a browser: a form with the query box and the stored queries, nothing from a CDN
    (Chromium runs with background networking off; every address on the page is the server's)."""
    url = f"{server}sparql"
    page = dom(tmp_path, url)
    assert "<h1>SPARQL query</h1>" in page
    assert f'<form method="get" action="{url}">' in page
    assert '<textarea id="query" name="query"' in page
    assert "<code>replaced-units</code>" in page
    assert "<script" not in page and "<link" not in page  # nothing loaded from elsewhere
    width, _ = screenshot(tmp_path, url, shots / "sparql-query-page.png", height=1000)
    assert width == 1280
    assert (shots / "sparql-query-page.png").stat().st_size > 20_000


def test_the_sparql_query_page_runs_a_query(server, tmp_path):
    query = "SELECT ?x WHERE { BIND(42 AS ?x) }"
    page = dom(tmp_path, f"{server}sparql?{urllib.parse.urlencode({'query': query})}")
    assert "<h2>Results</h2>" in page
    assert "<td>42</td>" in page


# One page of each kind a citizen meets, at desktop and at phone width (an iPhone 12-15 is 390 px wide).
# With KOMMGRAPH_SCREENSHOTS=docs/screenshots the pictures land in the repository (docs/screenshots/).
PAGES = {
    "authority": "id/authority/06412000",
    "unit": "id/unit/06412000/stabsstelle-e-government",
    "event": "id/event/06412000/2018-06-01-renaming-stabsstelle-digitalisierung",
    "evidence": "id/evidence/000_d65d91dc76021873/273-367",
}
HEADINGS = {
    "authority": "<h1>Frankfurt am Main</h1>",
    "unit": "<h1>Stabsstelle E-Government</h1>",
    "event": "<h1>Umbenennung: Stabsstelle E-Government → Stabsstelle Digitalisierung, 1. Juni 2018</h1>",
    "evidence": "<h1>Beleg aus „Stabsstelle wird umbenannt“ (30. Mai 2018)</h1>",
}


@pytest.mark.parametrize("width", [1280, 390])
@pytest.mark.parametrize("kind", sorted(PAGES))
def test_pages_for_citizens_at_desktop_and_phone_width(server, shots, tmp_path, kind, width):
    url = server + PAGES[kind]
    assert HEADINGS[kind] in dom(tmp_path, url)
    target = shots / f"{kind}-{width}.png"
    assert screenshot(tmp_path, url, target, height=1600 if width == 390 else 1000, width=width)[0] == width
    assert target.stat().st_size > 10_000  # a page, not a blank sheet


# Measures, inside the real browser, what scrolls sideways on a page at phone width: the page loads in
# a 390 px frame of this probe (both file://, which Chromium lets read each other when asked), which
# lists every element of <main> whose content is wider than its box and which lets it scroll.
PROBE = """<!DOCTYPE html><html><body>
<iframe id="f" src="{page}" style="width:390px;height:1600px;border:0"></iframe>
<script>
document.getElementById("f").onload = function () {{
  var doc = this.contentDocument, root = doc.documentElement;
  var scrolling = Array.from(doc.querySelectorAll("main *")).filter(function (e) {{
    var overflow = getComputedStyle(e).overflowX;
    return e.scrollWidth > e.clientWidth + 1 && overflow !== "visible" && overflow !== "hidden";
  }}).map(function (e) {{ return e.tagName.toLowerCase() + "." + e.className; }});
  var widths = root.scrollWidth + " " + root.clientWidth;
  document.body.setAttribute("data-result", widths + " " + scrolling.join(","));
}};
</script></body></html>
"""


@pytest.mark.parametrize("page", ["doc/authority/06412000.html", "doc/authority/06411000.html"])
def test_nothing_scrolls_sideways_at_phone_width(release, tmp_path, page):
    """Frankfurt's and Darmstadt's timelines are stacked lists at 390 px: the page is 390 px wide and no
    part of it (the timeline's figure before) scrolls sideways."""
    probe = tmp_path / "probe.html"
    probe.write_text(PROBE.format(page=(release / page).as_uri()), encoding="utf-8")
    result = chromium(tmp_path, "--allow-file-access-from-files", "--virtual-time-budget=10000",
                      "--dump-dom", probe.as_uri())
    assert result.returncode == 0, result.stderr[-2000:]
    assert 'data-result="390 390 "' in result.stdout, result.stdout[-500:]
