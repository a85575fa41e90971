"""Round 12 (conv-place12): a person's name does not run into the next one (docs/converter.md, "Round 12")."""

from __future__ import annotations

import pytest

from kommgraph.convert.extract.persons import find_persons


@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        (  # the title's name, then the object's: two persons
            "Mit der kommissarischen Leitung hat Landrat Hans Mustermann Katja Beispiel beauftragt.",
            ["Hans Mustermann", "Katja Beispiel"],
        ),
        (  # a middle name that is a given name stays
            "Landrat Hans Peter Mustermann hat die Stelle ausgeschrieben.",
            ["Hans Peter Mustermann"],
        ),
        (  # a given name last, nothing capitalised after it: left as it is
            "Es sprach Landrat Hans Mustermann Katja.",
            ["Hans Mustermann Katja"],
        ),
    ],
)
def test_a_name_ends_before_the_next_given_name(sentence: str, names: list[str]) -> None:
    assert [p.name for p in find_persons(sentence, None, False)] == names
