"""Content negotiation with q-values over the one media-type table."""

from __future__ import annotations

import pytest

from kommgraph.core import media

DOCS = media.DOCUMENT_TYPES


@pytest.mark.parametrize(
    ("accept", "expected"),
    [
        (None, "text/html"),
        ("", "text/html"),
        ("text/turtle", "text/turtle"),
        ("application/ld+json", "application/ld+json"),
        ("application/json", "application/ld+json"),
        ("application/n-triples", "application/n-triples"),
        ("application/trig", "application/trig"),
        ("text/html;q=0.5, application/ld+json", "application/ld+json"),
        ("text/turtle;q=0.4, application/n-triples;q=0.9, */*;q=0.1", "application/n-triples"),
        ("text/*", "text/html"),
        ("text/*;q=0.9, text/turtle", "text/turtle"),
        ("*/*", "text/html"),
        ("*/*;q=0.8, text/html;q=0", "text/turtle"),
        ("TEXT/TURTLE", "text/turtle"),
        ("text/turtle;q=1.0;charset=utf-8", "text/turtle"),
        # a browser's header: HTML wins
        ("text/html,application/xhtml+xml,application/xml;q=0.9,image/webp,*/*;q=0.8", "text/html"),
    ],
)
def test_negotiate_picks_the_preferred_document_type(accept, expected):
    assert media.negotiate(accept, DOCS).mime == expected


@pytest.mark.parametrize("accept", ["image/png", "text/turtle;q=0, image/png", "application/xml"])
def test_negotiate_finds_nothing_acceptable(accept):
    assert media.negotiate(accept, DOCS) is None


def test_the_table_names_extensions_iana_and_eu_file_types():
    assert media.by_extension("ttl") is media.TURTLE
    assert media.by_extension(".jsonld") is media.JSONLD
    assert media.TRIG.iana == "https://www.iana.org/assignments/media-types/application/trig"
    assert media.NQUADS.eu_file_type == "http://publications.europa.eu/resource/authority/file-type/RDF_N_QUADS"
    assert media.TURTLE.content_type == "text/turtle; charset=utf-8"
    assert len({m.extension for m in media.ALL}) == len(media.ALL)


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("text/html;q=nan", [("text/html", 0.0)]),
        ("text/html;q=inf, text/turtle;q=2", [("text/html", 0.0), ("text/turtle", 0.0)]),
        ("text/html;q=-1, text/turtle;q=0.0001", [("text/html", 0.0), ("text/turtle", 0.0)]),
        ("text/html; q = 0.3, text/turtle;q=1.000", [("text/html", 0.3), ("text/turtle", 1.0)]),
        ("text/html", [("text/html", 1.0)]),
    ],
)
def test_only_rfc_9110_qvalues_count(header, expected):
    assert media.parse_accept(header) == expected
