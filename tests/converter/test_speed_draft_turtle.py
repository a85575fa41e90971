"""The plain-string draft writer gives exactly the bytes of the shared canonical writer."""

from __future__ import annotations

import random

import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import RDF, SKOS, XSD
from tests.converter.helpers import SEEDS, TEXTS, fixture_stems
from tests.converter.test_turtle_fast import IRIS, PREDICATES, TRICKY

from kommgraph.convert import draft_turtle
from kommgraph.convert.draft_turtle import Lit
from kommgraph.convert.graph import HEADER, to_triples, to_turtle
from kommgraph.core.turtle import _pname, canonical_turtle
from kommgraph.core.vocab import DEFAULT_BASE, KG, PREFIXES
from kommgraph.store.sources import read_source

PATHS = [TEXTS / f"{stem}.txt" for stem in fixture_stems()] + sorted(SEEDS.glob("*.txt"))


@pytest.mark.parametrize("path", PATHS, ids=lambda p: p.stem)
def test_draft_bytes_equal_the_shared_writer(path) -> None:
    doc = read_source(path)
    assert to_turtle(doc) == canonical_turtle(to_triples(doc), header=HEADER)


def _plain(term):
    if isinstance(term, Literal):
        if term.datatype is not None and str(term.datatype) in draft_turtle._FROM_VALUE:
            return draft_turtle.value_literal(term.value) if term.value is not None else _raw(term)
        return _raw(term)
    return str(term)


def _raw(term: Literal) -> Lit:
    return Lit(str(term), term.language, str(term.datatype) if term.datatype is not None else None)


PLAIN_LITERALS = [t for t in TRICKY if not (t.datatype is not None and t.value is None)]


@pytest.mark.parametrize("literal", PLAIN_LITERALS, ids=lambda literal: repr(literal)[:40])
def test_tricky_literals(literal: Literal) -> None:
    triples = [(IRIS[0], SKOS.prefLabel, literal), (IRIS[0], RDF.type, KG.AdministrativeUnit)]
    plain = [(str(s), str(p), _plain(o)) for s, p, o in triples]
    written = draft_turtle.write(plain, header="Kopf")
    if written is not None:  # None: the caller falls back to the shared writer
        assert written == canonical_turtle(triples, header="Kopf")


@pytest.mark.parametrize("seed", range(30))
def test_random_triples(seed: int) -> None:
    rng = random.Random(seed)
    subjects = rng.sample(IRIS, 6)
    triples = {
        (rng.choice(subjects), rng.choice(PREDICATES), rng.choice(PLAIN_LITERALS + IRIS + subjects))
        for _ in range(rng.randint(1, 60))
    }
    plain = [(str(s), str(p), _plain(o)) for s, p, o in triples]
    written = draft_turtle.write(plain)
    if written is not None:
        assert written == canonical_turtle(list(triples))


def test_same_language_labels_are_sorted_as_rdflib_sorts_them() -> None:
    labels = ["b", "B", "a", "Ä", "Kreis Kassel"]
    triples = [(IRIS[0], SKOS.altLabel, Literal(label, lang="de")) for label in labels]
    plain = [(str(s), str(p), Lit(str(o), "de", None)) for s, p, o in triples]
    assert draft_turtle.write(plain) == canonical_turtle(triples)


def test_mixed_objects_are_left_to_the_shared_writer() -> None:
    plain = [
        (str(IRIS[0]), str(SKOS.note), Lit("a", None, None)),
        (str(IRIS[0]), str(SKOS.note), str(IRIS[1])),
    ]
    assert draft_turtle.write(plain) is None


@pytest.mark.parametrize(
    "lit, expected",
    [
        (draft_turtle.value_literal(5), Literal(5)),
        (draft_turtle.value_literal(True), Literal(True)),
        (Lit("2021-06", None, str(XSD.gYearMonth)), Literal("2021-06", datatype=XSD.gYearMonth)),
        (Lit("Amt", "de", None), Literal("Amt", lang="de")),
        ("https://example.org/x", URIRef("https://example.org/x")),
    ],
)
def test_to_rdflib_gives_the_terms_the_converter_made(lit, expected) -> None:
    term = draft_turtle.to_rdflib(lit)
    assert type(term) is type(expected)
    assert term == expected
    assert getattr(term, "datatype", None) == getattr(expected, "datatype", None)


@pytest.mark.parametrize(
    "iri",
    [
        "https://w3id.org/kommgraph/id/unit/06412000/amt-fuer-digitalisierung",
        "https://w3id.org/kommgraph/id/evidence/000_d65d91dc76021873/273-367",
        "https://w3id.org/kommgraph/id/source/a-04_kiel-neues-dezernat",
        "https://w3id.org/kommgraph/id/event/CH-261/2023-05-01-renaming-departement-bau",
        "https://w3id.org/kommgraph/id/person/anna-berger",
        "https://w3id.org/kommgraph/id/unit/x/ends.",
    ],
)
def test_minted_iris_are_written_as_rdflib_writes_them(iri: str) -> None:
    assert draft_turtle._MINTED.fullmatch(iri)
    assert _pname(iri)[0] is None


def test_no_prefix_but_kgid_lies_under_the_base() -> None:
    under = [ns for ns in PREFIXES.values() if ns.startswith(DEFAULT_BASE)]
    assert under == [DEFAULT_BASE]


def test_rdflib_terms_among_the_plain_triples_are_written_alike() -> None:
    doc = read_source(TEXTS / "60_two_events_one_text.txt")
    rdflib_terms = to_triples(doc)
    some = list(rdflib_terms)[::3]
    mixed = [(str(s), str(p), _plain(o)) for s, p, o in rdflib_terms] + some  # duplicates as rdflib terms
    assert draft_turtle.write(mixed, header=HEADER) == canonical_turtle(rdflib_terms, header=HEADER)


def test_a_long_literal_with_a_prefix_line_is_laid_out_as_the_shared_writer_does() -> None:
    literal = Literal("Zeile eins\nPREFIX x: <http://example.org/>\nZeile drei")
    triples = [(IRIS[0], SKOS.prefLabel, literal), (IRIS[0], RDF.type, KG.AdministrativeUnit)]
    plain = [(str(s), str(p), _plain(o)) for s, p, o in triples]
    assert draft_turtle.write(plain, header="Kopf") == canonical_turtle(triples, header="Kopf")


def test_rdflib_terms_stay_themselves_on_the_way_back() -> None:
    literal = Literal("Amt", lang="de")
    assert draft_turtle.rdflib_triples([(str(IRIS[0]), str(SKOS.prefLabel), literal)]) == [
        (IRIS[0], SKOS.prefLabel, literal)
    ]
    assert type(draft_turtle.to_rdflib(literal)) is Literal
