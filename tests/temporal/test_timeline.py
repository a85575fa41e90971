"""kommgraph timeline: text, Mermaid and SVG pictures of an authority's units over time."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest

from kommgraph.temporal import timeline
from kommgraph.temporal.find import find_authority

SVG = "{http://www.w3.org/2000/svg}"


def _svg(bundled, authority: str) -> str:
    store = bundled.store
    return timeline.to_svg(timeline.build(store, find_authority(store, authority)))


def _texts(svg: str) -> list[str]:
    return ["".join(t.itertext()) for t in ET.fromstring(svg).iter(f"{SVG}text")]


def _ids(svg: str) -> set[str]:
    return {e.get("id") for e in ET.fromstring(svg).iter() if e.get("id")}


@pytest.mark.parametrize(
    ("authority", "file", "units", "arrows"),
    [
        (
            "Frankfurt am Main",
            "frankfurt-am-main.svg",
            [
                "Stabsstelle E-Government",
                "Stabsstelle Digitalisierung",
                "Amt für Informations- und Kommunikationstechnik",
                "Bürgeramt, Statistik, Wahlen",
            ],
            {
                "arrow--stabsstelle-e-government--stabsstelle-digitalisierung": "2018-06-01 renaming",
                "arrow--stabsstelle-e-government--amt-fuer-informations-und-kommunikationstechnik": (
                    "2018 transfer of functions"
                ),
                "arrow--stabsstelle-e-government--buergeramt-statistik-wahlen": (
                    "2018-06-01 transfer of functions"
                ),
            },
        ),
        (
            "Darmstadt",
            "darmstadt.svg",
            ["IT-Abteilung", "Amt für Digitalisierung und IT", "Amt für Interne Dienste"],
            {
                "arrow--it-abteilung--amt-fuer-digitalisierung-und-it": "2021-04-01 spin-off",
                "arrow--amt-fuer-interne-dienste--amt-fuer-digitalisierung-und-it": "2021-04-01 spin-off",
            },
        ),
    ],
)
def test_svg_timelines_are_written_with_names_and_arrows(run, tmp_path, authority, file, units, arrows):
    out = tmp_path / file
    result = run("timeline", authority, "--format", "svg", "--out", str(out))
    assert result.exit_code == 0, result.output
    svg = out.read_text(encoding="utf-8")
    texts = _texts(svg)
    for unit in units:
        assert unit in texts
    ids = _ids(svg)
    for arrow, label in arrows.items():
        assert arrow in ids
        assert label in texts
        assert "label--" + arrow.removeprefix("arrow--") in ids
    assert len([i for i in ids if i.startswith("arrow--")]) == len(arrows)
    for unit in units:
        assert "unit--" + re.sub(r"[^a-z0-9]+", "-", unit.lower().replace("ü", "ue")).strip("-") in ids


def test_svg_is_byte_identical_for_the_same_data(bundled):
    assert _svg(bundled, "Darmstadt") == _svg(bundled, "Darmstadt")


def test_imprecise_starts_fade(bundled):
    """Stabsstelle E-Government's start "2012~" fades over 2011–2013: eight steps of rising opacity."""
    ids = _ids(_svg(bundled, "06412000"))
    assert {f"unit--stabsstelle-e-government--{i}" for i in range(1, 9)} <= ids


def test_text_timeline(run):
    output = run("timeline", "Frankfurt am Main", "--format", "text").output
    assert "Frankfurt am Main (06412000): units over time" in output
    row = next(line for line in output.splitlines() if line.startswith("Stabsstelle E-Government"))
    assert "░" in row and "█" in row and row.endswith("2012~ – 2018-06-01")
    assert "2018-06-01 renaming: Stabsstelle E-Government ──▶ Stabsstelle Digitalisierung" in output


def test_mermaid_timeline(run):
    output = run("timeline", "06411000", "--format", "mermaid").output
    assert "flowchart LR" in output
    assert 'u2["IT-Abteilung<br/>… – 2021-04-01"]' in output
    assert 'u2 -->|"2021-04-01 spin-off"| u3' in output
    assert 'u1 -.->|"2021-04-01 spin-off"| u3' in output


def test_timeline_to_stdout_and_unknown_authority(run):
    assert run("timeline", "Darmstadt", "--format", "svg").output.startswith("<?xml")
    assert run("timeline", "Nirgendwo", "--format", "text").exit_code == 2
