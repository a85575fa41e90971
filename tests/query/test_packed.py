"""Packed answer rows (query/packed.py): one string per row, unpacked into the rows the indexed text gives."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Literal, URIRef

from kommgraph.query import catalogue as queries
from kommgraph.query import packed
from kommgraph.query.engines import OxigraphEngine
from kommgraph.store import answers
from kommgraph.store.derive import INDEX_GRAPH

ROOT = Path(__file__).resolve().parents[2]
XSD = "http://www.w3.org/2001/XMLSchema#"
EX = "http://example.org/"
HEADS = queries.catalogue()["heads-of-unit"]


def without_packed_form(text: str) -> str:
    return "\n".join(line for line in text.splitlines() if not line.startswith(("#| ", "#+ packed-columns")))


@pytest.mark.parametrize(
    ("lexical", "language"),
    [("Amt für Ordnung", "de"), ("Thomas Schäfer", None), ("", None), ("x\x1fy", "en")],
)
def test_a_plain_literal_is_the_one_the_constructor_makes(lexical, language):
    made = packed._plain(lexical, language)
    expected = Literal(lexical, lang=language)
    assert made == expected
    assert hash(made) == hash(expected)
    assert [getattr(made, s) for s in Literal.__slots__] == [getattr(expected, s) for s in Literal.__slots__]


def test_the_heads_form_is_read():
    form = packed.packed_form(HEADS.indexed)
    assert form.columns == ("unit_name", "person", "role", "title", "valid_from", "valid_until", "source")
    assert form.variables == form.columns
    assert form.order_by == ("unit_name", "valid_from", "person", "source")
    assert form.distinct
    assert "kgx:packedHeadRow" in form.text and "#" not in form.text.replace("kgx:", "").split("{", 1)[1]
    assert packed.packed_form(HEADS.text) is None


def value(lexical: str, kind: str) -> str:
    escaped = lexical.replace("\x1e", "\x1e0").replace("\x1f", "\x1e1").replace("\x1d", "\x1e2")
    return f"{escaped}\x1f{kind}"


FORM = packed.PackedForm(
    text="",
    columns=("name", "date", "other"),
    variables=("name", "other"),
    order_by=("name", "date"),
    distinct=True,
)


def test_unpacks_escapes_kinds_order_and_distinct():
    strings = [
        "\x1d".join([value("Zentrale", "@de"), value("2018-05-01", f"^{XSD}date"), value("e", "'")]),
        "\x1d".join([value("Amt\x1d\x1e1\x1f", "@de"), value("2018", f"^{XSD}gYear"), value(f"{EX}a", "<")]),
        "\x1d".join([value("Amt\x1d\x1e1\x1f", "@de"), value("2017-12-31", f"^{XSD}date"), value("c", "'")]),
        "\x1d".join([value("Amt\x1d\x1e1\x1f", "@de"), "\x1f", value("c", "'")]),
        "\x1d".join([value("Zentrale", "@de"), value("2018-05-01", f"^{XSD}date"), value("e", "'")]),
    ]
    rows = packed.unpack(FORM, strings)
    amt = Literal("Amt\x1d\x1e1\x1f", lang="de")
    assert rows == [
        (amt, Literal("c")),
        (amt, URIRef(f"{EX}a")),
        (Literal("Zentrale", lang="de"), Literal("e")),
    ]


@pytest.mark.parametrize(
    "strings",
    [["a\x1f'\x1d\x1f"], ["a\x1f_\x1d\x1f\x1d\x1f"], ["a\x1f?\x1d\x1f\x1d\x1f"]],
    ids=["too few columns", "blank node", "unknown kind"],
)
def test_what_it_cannot_read_is_left_to_the_engine(strings):
    assert packed.unpack(FORM, strings) is None


def test_the_embedded_engine_gives_the_indexed_rows_through_the_packed_form(bundled):
    engine = OxigraphEngine(bundled.store)
    for values in ({}, {"pattern": "amt"}):
        bindings = HEADS.bindings(values)
        form = packed.packed_form(HEADS.indexed)
        strings = [s[0].value for s in engine._solutions(form.text, bindings)]
        assert strings and packed.unpack(form, strings) is not None
        expected = engine.select(without_packed_form(HEADS.indexed), bindings).rows
        assert (
            engine.select(HEADS.indexed, bindings).rows
            == expected
            == engine.select(HEADS.text, bindings).rows
        )


def test_the_rule_packs_control_characters_and_every_kind():
    """Rule 93 over one membership whose names hold the separators, read back by the packed form, and
    its whole answer (store/answers.py)."""
    rule = (ROOT / "queries" / "rules" / "93-index-rows-heads.rq").read_text(encoding="utf-8")
    store = ox.Store()
    store.load(
        f"""@prefix org: <http://www.w3.org/ns/org#> . @prefix kg: <https://w3id.org/kommgraph/ontology#> .
        @prefix skos: <http://www.w3.org/2004/02/skos/core#> . @prefix foaf: <http://xmlns.com/foaf/0.1/> .
        @prefix dct: <http://purl.org/dc/terms/> . @prefix prov: <http://www.w3.org/ns/prov#> .
        <{EX}m> a org:Membership ; org:member <{EX}p> ; org:organization <{EX}u> ; org:role <{EX}r> ;
          prov:wasDerivedFrom <{EX}d> ; kg:validFrom "2018-05"^^<{XSD}gYearMonth> ; kg:roleTitle "T\\u001Di" .
        <{EX}u> a kg:AdministrativeUnit ; skos:prefLabel "Amt \\u001E0\\u001F1\\u001D2"@de .
        <{EX}p> foaf:name "Ex\\u001Eample" . <{EX}r> skos:prefLabel "head"@en .
        <{EX}d> dct:title "T" ; dct:issued "2018-01-02"^^<{XSD}date> .""".encode(),
        format=ox.RdfFormat.TURTLE,
    )
    store.extend(
        [ox.Quad(t.subject, t.predicate, t.object, ox.NamedNode(INDEX_GRAPH)) for t in store.query(rule)]
    )
    answers.draw(store)  # the whole answer
    engine = OxigraphEngine(store)
    form = packed.packed_form(HEADS.indexed)
    rows = packed.unpack(form, [s[0].value for s in engine._solutions(form.text, None)])
    whole = packed.split_whole([tuple(s) for s in engine._solutions(form.whole, None)])
    assert whole is not None and packed.unpack(form, whole) == rows
    assert engine.select(HEADS.indexed).rows == rows
    assert rows == engine.select(without_packed_form(HEADS.indexed)).rows
    assert rows == [
        (
            Literal("Amt \x1e0\x1f1\x1d2", lang="de"),
            Literal("Ex\x1eample"),
            Literal("head", lang="en"),
            Literal("T\x1di"),
            Literal("2018-05", datatype=URIRef(f"{XSD}gYearMonth")),
            None,
            Literal("T (2018-01-02)"),
        )
    ]


@pytest.mark.parametrize(
    "names",
    [["Amt A", "Amt", "Amt\n"], ["b", "a", "ab"]],
    ids=["a control character in a name", "plain names"],
)
def test_strings_sort_by_their_code_points(names):
    form = packed.PackedForm(
        text="", columns=("name",), variables=("name",), order_by=("name",), distinct=False
    )
    rows = packed.unpack(form, [value(name, "'") for name in names])
    assert rows == [(Literal(name),) for name in sorted(names)]


@pytest.mark.parametrize(
    ("solutions", "strings"),
    [
        ([(ox.Literal("a\x1e3b\x1e0"), ox.Literal("2"))], ["a", "b\x1e0"]),
        ([(ox.Literal(""), ox.Literal("0"))], []),
        ([(ox.Literal("a\x1e3b"), ox.Literal("3"))], None),
        ([], None),
        ([(ox.Literal("a"), ox.Literal("1"))] * 2, None),
        ([(ox.Literal("a"), None)], None),
    ],
    ids=["two rows", "no row", "a count the split does not give", "no answer", "two answers", "no count"],
)
def test_a_whole_answer_is_split_into_its_rows(solutions, strings):
    assert packed.split_whole(solutions) == strings


ANSWER = ox.NamedNode("https://w3id.org/kommgraph/index#HeadAnswer")
TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")


def copy_of(store: ox.Store) -> ox.Store:
    copy = ox.Store()
    copy.extend(store)
    return copy


def test_the_heads_form_reads_the_whole_answer_without_a_pattern(bundled):
    """The packed rows joined (store/answers.py): read in one literal, they give the per-row text's
    rows; with a pattern, or in a store without the answer, the engine reads the rows one by one."""
    form = packed.packed_form(HEADS.indexed)
    assert form.whole is not None and "kgx:packedHeadRows" in form.whole
    engine = OxigraphEngine(copy_of(bundled.store))
    strings = packed.split_whole([tuple(s) for s in engine._solutions(form.whole, HEADS.bindings({}))])
    per_row = [s[0].value for s in engine._solutions(form.text, HEADS.bindings({}))]
    assert strings is not None and sorted(strings) == sorted(per_row) and len(per_row) > 1
    assert packed.split_whole(list(engine._solutions(form.whole, HEADS.bindings({"pattern": "amt"})))) is None
    for values in ({}, {"pattern": "amt"}):
        bindings = HEADS.bindings(values)
        assert engine.select(HEADS.indexed, bindings).rows == engine.select(HEADS.text, bindings).rows
    expected = engine.select(HEADS.indexed, HEADS.bindings({})).rows
    for node in {q.subject for q in engine.store.quads_for_pattern(None, TYPE, ANSWER, None)}:
        for quad in list(engine.store.quads_for_pattern(node, None, None, None)):
            engine.store.remove(quad)
    assert packed.split_whole([tuple(s) for s in engine._solutions(form.whole, HEADS.bindings({}))]) is None
    assert engine.select(HEADS.indexed, HEADS.bindings({})).rows == expected


def test_a_whole_answer_unpacked_before_is_not_unpacked_again(monkeypatch):
    form = packed.PackedForm(
        text="", columns=("name",), variables=("name",), order_by=("name",), distinct=True
    )
    answer = [(ox.Literal("\x1e3".join([value("b", "'"), value("a", "'")])), ox.Literal("2"))]
    rows = packed.unpack_whole(form, answer)
    assert rows == [(Literal("a"),), (Literal("b"),)]

    def unpack(form, strings):
        raise AssertionError("unpacked again")

    monkeypatch.setattr(packed, "unpack", unpack)
    again = packed.unpack_whole(form, [tuple(answer[0])])
    assert again == rows and again is not rows  # a list of its own: the caller may change it
    with pytest.raises(AssertionError, match="unpacked again"):  # another answer string: unpacked
        packed.unpack_whole(form, [(ox.Literal(value("c", "'")), ox.Literal("1"))])
