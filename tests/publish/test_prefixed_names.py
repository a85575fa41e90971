"""The prefixed names found from the prefix table are those of rdflib's namespace manager."""

from __future__ import annotations

import random

import pytest
from tests.converter.test_turtle_fast import IRIS, PREDICATES

from kommgraph.core.turtle import _pname, _pname_by_rdflib
from kommgraph.core.vocab import PREFIXES

LOCALS = [
    "",
    "a",
    "Unit",
    "a.b",
    "a.",
    "a(b)",
    "%41",
    "%zz",
    "1abc",
    "_x",
    "a/b",
    "a#b",
    "ä",
    "-x",
    "x-1",
    "a:b",
]
TAILS = ["", "unit/01000449/stabsstelle-verkehr", "graph/derived", "placement/08000008/2005-08-x-previous"]
CRAFTED = [f"{namespace}{local}" for namespace in PREFIXES.values() for local in LOCALS + TAILS] + [
    "https://w3id.org/kommgraph/id",
    "https://w3id.org/kommgraph/idx/a",
    "https://w3id.org/kommgraph/ontology",
    "https://w3id.org/kommgraph/ontology#",
    "http://www.w3.org/XML/1998/namespacelang",
    "http://example.org/vocab/p",
    "http://example.org/123",
    "urn:x-1:y",
    "https://example.org/a%20b",
]


def _random_iris(seed: int, count: int) -> list[str]:
    rng = random.Random(seed)
    alphabet = "ab1_-.%/#:()äZ"
    namespaces = [*PREFIXES.values(), "http://example.org/", "https://w3id.org/kommgraph/"]
    return [
        rng.choice(namespaces) + "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 8)))
        for _ in range(count)
    ]


@pytest.mark.parametrize("iri", CRAFTED + [str(i) for i in IRIS + PREDICATES])
def test_a_prefixed_name_is_the_one_rdflib_finds(iri: str) -> None:
    assert _pname.__wrapped__(iri) == _pname_by_rdflib(iri)


@pytest.mark.parametrize("seed", range(5))
def test_random_iris_get_the_prefixed_names_rdflib_finds(seed: int) -> None:
    iris = _random_iris(seed, 400)
    assert [_pname.__wrapped__(iri) for iri in iris] == [_pname_by_rdflib(iri) for iri in iris]
