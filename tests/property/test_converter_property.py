"""The converter (German text → draft graph): no text makes it crash, and every evidence it writes
quotes the text exactly at its offsets (``text[start:end] == exact``)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rdflib import Literal

from kommgraph.convert.graph import Gazetteer, to_triples
from kommgraph.core.errors import SourceError
from kommgraph.core.vocab import KG, OA
from kommgraph.store.sources import SourceDocument, parse_header

DATA = Path(__file__).resolve().parents[2] / "data"
SAMPLE = " ".join(p.read_text(encoding="utf-8") for p in sorted((DATA / "sources").glob("*.txt")))
PHRASES = sorted({w for w in SAMPLE.split() if len(w) > 2})[:400] + [
    "Amt für Digitalisierung",
    "wird aufgelöst",
    "zum 1. Januar 2021",
    "Stabsstelle",
    "Oberbürgermeister",
    "umbenannt in",
    "Fachbereich",
    "gegründet",
    "übernimmt",
    "\n",
    "\n\n",
    ". ",
    ", ",
    "title: x\n---\n",
]
TEXTS = st.lists(st.sampled_from(PHRASES) | st.text(max_size=6), max_size=60).map(" ".join)


@pytest.fixture(scope="module")
def gazetteer():
    gazetteer = Gazetteer.load(DATA / "ttl" / "reference")
    to_triples(SourceDocument(path=Path("x.txt"), text=SAMPLE[:2000]), gazetteer)  # loads the lemmatizer
    return gazetteer


def quotes(triples) -> dict:
    by_node: dict = {}
    for s, p, o in triples:
        if p in (OA.exact, KG.start, KG.end):
            by_node.setdefault(s, {})[p] = o
    return by_node


@given(text=TEXTS)
def test_any_text_converts_and_every_quote_is_at_its_offsets(gazetteer, text):
    triples = to_triples(SourceDocument(path=Path("000_property.txt"), text=text), gazetteer)
    for node, parts in quotes(triples).items():
        assert set(parts) == {OA.exact, KG.start, KG.end}, node
        start, end = int(parts[KG.start]), int(parts[KG.end])
        assert 0 <= start < end <= len(text)
        assert text[start:end] == str(parts[OA.exact]), node
        assert isinstance(parts[OA.exact], Literal)


@given(text=st.text(max_size=200))
def test_any_text_converts_without_a_gazetteer(text):
    to_triples(SourceDocument(path=Path("000_property.txt"), text=text))


@given(text=st.text(alphabet=st.sampled_from("title:publishd -\n2019abc"), max_size=80))
def test_a_header_either_parses_or_is_a_source_error(text):
    try:
        metadata, body_start = parse_header(text, Path("x.txt"))
    except SourceError as exc:
        assert str(exc).startswith("x.txt line ")
    else:
        assert 0 <= body_start <= len(text)
        assert all(isinstance(v, str) for v in metadata.values())
