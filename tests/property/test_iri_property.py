"""IRI minting (kommgraph.core.vocab): every minted IRI is a valid IRI, minting is idempotent, and names
that differ after the documented folding (case, umlaut transliteration, punctuation runs) get
different IRIs, even names with no Latin letter at all."""

from __future__ import annotations

import re

import pyoxigraph as ox
from hypothesis import assume, given
from hypothesis import strategies as st

from kommgraph.core import vocab

AGS = st.from_regex(r"\A[0-9]{8}\Z")
NAMES = st.text(min_size=1, max_size=40)
WORDS = st.lists(st.from_regex(r"\A[a-z0-9äöüß]{1,12}\Z"), min_size=1, max_size=5)
# RFC 3987: no space, no control character and none of <>"{}|\^` in an IRI
IRI_CHARACTERS = re.compile(r'[^\x00-\x20<>"{}|\\^`\x7f-\x9f]+')


def folded(words: list[str]) -> str:
    return " ".join(words).translate(str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"}))


MINTERS = [
    lambda ags, name: vocab.unit_iri(ags, name),
    lambda ags, name: vocab.function_iri(ags, name),
    lambda ags, name: vocab.event_iri(ags, "2020-01-01", "Founding", name),
    lambda ags, name: vocab.person_iri(name),
]


@given(AGS, NAMES, st.sampled_from(range(len(MINTERS))))
def test_every_minted_iri_is_valid(ags, name, which):
    iri = str(MINTERS[which](ags, name))
    assert IRI_CHARACTERS.fullmatch(iri), iri
    assert ox.NamedNode(iri).value == iri
    assert not iri.endswith("/") and "//" not in iri.removeprefix("https://"), iri


@given(AGS, NAMES)
def test_minting_is_idempotent(ags, name):
    first = vocab.unit_iri(ags, name)
    assert vocab.unit_iri(ags, name) == first
    segment = str(first).rsplit("/", 1)[1]
    assert vocab.unit_iri(ags, segment) == first  # the segment mints itself


@given(AGS, WORDS, WORDS)
def test_different_names_get_different_iris(ags, a, b):
    assume(folded(a) != folded(b))
    assert vocab.unit_iri(ags, " ".join(a)) != vocab.unit_iri(ags, " ".join(b))


@given(AGS, st.text(alphabet=st.characters(categories=["Lo", "Po", "Sm"]), min_size=1, max_size=8), st.data())
def test_names_without_latin_letters_get_distinct_iris(ags, a, data):
    b = data.draw(st.text(alphabet=st.characters(categories=["Lo", "Po", "Sm"]), min_size=1, max_size=8))
    assume(a != b)
    assert vocab.unit_iri(ags, a) != vocab.unit_iri(ags, b)
