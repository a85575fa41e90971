"""The writer's own split of an IRI into namespace and local name is rdflib's ``split_uri``."""

from __future__ import annotations

import random
import string

import pytest
from rdflib.namespace import split_uri
from tests.converter.test_turtle_fast import IRIS

from kommgraph.core.turtle import _split

EDGES = [
    "",
    "x",
    "http://x.org/",
    "http://x.org/a",
    "http://x.org/a.b",
    "http://x.org/a.",
    "http://x.org/1",
    "http://x.org/-a",
    "http://x.org/_a",
    "http://x.org/.-%",
    "http://x.org/%41b",
    "http://x.org/(a)",
    "http://x.org#",
    "http://x.org/a#b-c_d",
    "urn:x:y",
    "http://x.org/ä",
    "http://x.org/aä",
    "http://x.org/a\u00b7b",
    "http://www.w3.org/XML/1998/namespacelang",
]


def _outcome(split, iri: str):
    try:
        return split(iri)
    except ValueError:
        return "no split"


@pytest.mark.parametrize("iri", EDGES + [str(iri) for iri in IRIS])
def test_the_split_is_rdflibs(iri: str) -> None:
    assert _outcome(_split, iri) == _outcome(split_uri, iri)


@pytest.mark.parametrize("seed", range(5))
def test_random_iris_split_as_rdflib_splits_them(seed: int) -> None:
    rng = random.Random(seed)
    alphabet = string.ascii_letters + string.digits + "-._%()/#:?=&~!$'*+,;@ \u00e4\u0301\u00b7"
    for _ in range(2000):
        iri = "http://x.org/" + "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 10)))
        assert _outcome(_split, iri) == _outcome(split_uri, iri), iri
