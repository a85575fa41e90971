"""The one table of media types: it drives the server's content negotiation, the file names of the
release, the DCAT distributions and the redirect rules for static hosting.

Content negotiation follows RFC 9110 §12.5.1: every media range of the Accept header has a quality
(``q``, default 1); an offered type takes the quality of the most specific range that matches it
(``type/subtype`` before ``type/*`` before ``*/*``); the offer with the highest quality above zero wins,
ties going to the order of the offers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

IANA = "https://www.iana.org/assignments/media-types/"
EU_FILE_TYPE = "http://publications.europa.eu/resource/authority/file-type/"


@dataclass(frozen=True)
class MediaType:
    name: str  # short key, also the value of the server's ?format= parameter
    mime: str
    extension: str  # without the dot
    label: str
    file_type: str | None = None  # code in the EU "file type" authority table (DCAT-AP dct:format)
    rdf: bool = False  # an RDF serialisation (graphs or datasets)
    dataset: bool = False  # can hold named graphs (TriG, N-Quads)
    aliases: tuple[str, ...] = ()  # other names clients send for the same format
    text: bool = True

    @property
    def content_type(self) -> str:
        return f"{self.mime}; charset=utf-8" if self.text else self.mime

    @property
    def iana(self) -> str:
        """The IANA registry IRI (DCAT-AP.de wants dcat:mediaType from there)."""
        return IANA + self.mime

    @property
    def eu_file_type(self) -> str | None:
        return EU_FILE_TYPE + self.file_type if self.file_type else None

    def matches(self, mime: str) -> bool:
        return mime == self.mime or mime in self.aliases


HTML = MediaType("html", "text/html", "html", "HTML", "HTML", aliases=("application/xhtml+xml",))
TURTLE = MediaType(
    "turtle", "text/turtle", "ttl", "Turtle", "RDF_TURTLE", rdf=True, aliases=("application/x-turtle",)
)
JSONLD = MediaType(
    "jsonld", "application/ld+json", "jsonld", "JSON-LD", "JSON_LD", rdf=True, aliases=("application/json",)
)
NTRIPLES = MediaType("ntriples", "application/n-triples", "nt", "N-Triples", "RDF_N_TRIPLES", rdf=True)
TRIG = MediaType("trig", "application/trig", "trig", "TriG", "RDF_TRIG", rdf=True, dataset=True)
NQUADS = MediaType("nquads", "application/n-quads", "nq", "N-Quads", "RDF_N_QUADS", rdf=True, dataset=True)
SVG = MediaType("svg", "image/svg+xml", "svg", "SVG", "SVG", text=False)
PLAIN = MediaType("text", "text/plain", "txt", "text", "TXT")

SPARQL_JSON = MediaType(
    "json",
    "application/sparql-results+json",
    "srj",
    "SPARQL JSON results",
    "JSON",
    aliases=("application/json",),
)
SPARQL_XML = MediaType(
    "xml",
    "application/sparql-results+xml",
    "srx",
    "SPARQL XML results",
    "XML",
    aliases=("application/xml", "text/xml"),
)
SPARQL_CSV = MediaType("csv", "text/csv", "csv", "CSV", "CSV")
SPARQL_TSV = MediaType("tsv", "text/tab-separated-values", "tsv", "TSV", "TSV")

# What a dereferenced /id/ IRI can be answered with, in the order preferred on equal quality.
DOCUMENT_TYPES: tuple[MediaType, ...] = (HTML, TURTLE, JSONLD, NTRIPLES, TRIG)
# The serialisations of the release's data dumps.
DUMP_TYPES: tuple[MediaType, ...] = (TRIG, NQUADS, TURTLE, NTRIPLES, JSONLD)
SPARQL_RESULT_TYPES: tuple[MediaType, ...] = (SPARQL_JSON, SPARQL_XML, SPARQL_CSV, SPARQL_TSV)
SPARQL_GRAPH_TYPES: tuple[MediaType, ...] = (TURTLE, NTRIPLES)
ALL: tuple[MediaType, ...] = (HTML, TURTLE, JSONLD, NTRIPLES, TRIG, NQUADS, SVG, PLAIN, *SPARQL_RESULT_TYPES)


def by_extension(extension: str, offered: tuple[MediaType, ...] = ALL) -> MediaType | None:
    extension = extension.lstrip(".").lower()
    return next((m for m in offered if m.extension == extension), None)


def by_name(name: str, offered: tuple[MediaType, ...] = ALL) -> MediaType | None:
    return next((m for m in offered if m.name == name or m.matches(name)), None)


QVALUE = re.compile(r"0(\.\d{0,3})?|1(\.0{0,3})?")


def parse_accept(header: str | None) -> list[tuple[str, float]]:
    """``[(media range, quality), ...]`` in header order; a quality that is not an RFC 9110 ``qvalue``
    (``q=nan``, ``q=inf``, ``q=2``, ``q=-1``, ``q=0.0001``) counts as 0, so ``q=nan`` never counts as 1."""
    ranges = []
    for part in (header or "").split(","):
        fields = [f.strip() for f in part.split(";")]
        if not fields[0]:
            continue
        quality = 1.0
        for parameter in fields[1:]:
            key, _, value = parameter.partition("=")
            if key.strip().lower() == "q":
                value = value.strip()
                quality = float(value) if QVALUE.fullmatch(value) else 0.0
        ranges.append((fields[0].lower(), quality))
    return ranges


def _quality(offer: MediaType, ranges: list[tuple[str, float]]) -> float | None:
    """The quality of the most specific range matching ``offer``, or None when no range matches."""
    best: tuple[int, float] | None = None
    kind = offer.mime.split("/")[0]
    for media_range, quality in ranges:
        if offer.matches(media_range):
            specificity = 3 if media_range == offer.mime else 2
        elif media_range == f"{kind}/*":
            specificity = 1
        elif media_range == "*/*":
            specificity = 0
        else:
            continue
        if best is None or specificity > best[0]:
            best = (specificity, quality)
    return None if best is None else best[1]


def negotiate(header: str | None, offered: tuple[MediaType, ...]) -> MediaType | None:
    """The offer the client prefers; the first offer when there is no Accept header; None when the
    client accepts none of the offers (answer 406)."""
    ranges = parse_accept(header)
    if not ranges:
        return offered[0]
    scored = [(q, -i, m) for i, m in enumerate(offered) if (q := _quality(m, ranges))]
    return max(scored, key=lambda item: item[:2])[2] if scored else None
