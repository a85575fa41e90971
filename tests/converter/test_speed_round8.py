"""Round 8's speed changes give what the code they replace gave (conv-speed8): the convert command
without rdflib (plain namespaces, prefixed names, literals, the reference data kept between runs)."""

from __future__ import annotations

import subprocess
import sys
from decimal import Decimal

import pytest
from rdflib import Literal
from tests.converter.test_turtle_fast import IRIS, PREDICATES
from tests.publish.test_prefixed_names import CRAFTED, _random_iris

from kommgraph.convert import draft_turtle, graph
from kommgraph.core import namespaces, turtle, vocab


def test_plain_namespaces_are_rdflibs():
    assert namespaces.PREFIXES == {prefix: str(ns) for prefix, ns in turtle._namespace_manager().namespaces()}
    names = {"KG": "KG", "ORG": "ORG", "OA": "OA", "SCHEMA": "SCHEMA", "DCTERMS": "DCT", "FOAF": "FOAF_NS",
             "OWL": "OWL_NS", "PROV": "PROV_NS", "RDF": "RDF_NS", "RDFS": "RDFS_NS", "SKOS": "SKOS_NS",
             "XSD": "XSD_NS", "DEFAULT_BASE": "KGID"}  # fmt: skip
    pairs = [
        (getattr(namespaces, plain), getattr(vocab, rdflib_name)) for plain, rdflib_name in names.items()
    ]
    assert [plain for plain, _ in pairs] == [str(ns) for _, ns in pairs]


@pytest.mark.parametrize(
    "call",
    [
        ("authority_iri", ("06412000",)),
        ("unit_iri", ("06412000", "Amt für Straßen-Bau", "https://example.org/", "2")),
        ("event_iri", ("CH-261", None, "Renaming", "Departement Bau")),
        ("source_iri", ("a-04_kiel",)),
        ("graph_iri", ("a-04_kiel",)),
        ("person_iri", ("Anna Bérger",)),
        ("evidence_iri", ("x", 3, 17)),
        ("function_iri", ("AT-9", "—")),
        ("membership_iri", ("AT-9", "Anna Berger", "Head", "Amt für Ökologie")),
    ],
)
def test_minted_iris_are_the_same_strings(call):
    name, args = call
    made = getattr(vocab, name)(*args)
    assert type(made).__name__ == "URIRef"
    assert str(made) == getattr(namespaces, name)(*args)


@pytest.mark.parametrize("iri", CRAFTED + [str(i) for i in IRIS + PREDICATES])
def test_prefixed_name_is_the_shared_writers_or_left_to_it(iri):
    try:
        plain = draft_turtle._pname.__wrapped__(iri)
    except draft_turtle._Unsupported:
        return  # the draft writer hands the graph to the shared writer
    assert plain == turtle._pname.__wrapped__(iri)


@pytest.mark.parametrize("seed", range(5))
def test_random_iris_get_the_shared_writers_prefixed_names(seed):
    iris = _random_iris(seed, 400)
    kept = 0
    for iri in iris:
        try:
            plain = draft_turtle._pname.__wrapped__(iri)
        except draft_turtle._Unsupported:
            continue
        kept += 1
        assert plain == turtle._pname.__wrapped__(iri), iri
    assert kept > 100  # most IRIs are answered without rdflib


def test_non_ascii_iri_is_left_to_the_shared_writer():
    with pytest.raises(draft_turtle._Unsupported, match="Unicode"):
        draft_turtle._pname.__wrapped__("https://w3id.org/kommgraph/id/source/köln")


VALUES = [0, 1, -7, 10**20, True, False] + [Decimal(str(round(k / 100, 2))) for k in range(0, 201)]
VALUES += [Decimal("1E+1"), Decimal("0.10"), Decimal("-0"), Decimal("123.456000")]


@pytest.mark.parametrize("value", VALUES, ids=repr)
def test_value_literal_is_rdflibs(value):
    expected = Literal(value)
    assert draft_turtle.value_literal(value) == draft_turtle.Lit(str(expected), None, str(expected.datatype))


def test_value_literal_refuses_other_types():
    with pytest.raises(TypeError, match="float"):
        draft_turtle.value_literal(0.5)


def test_reference_data_read_once_then_kept(tmp_path, monkeypatch):
    monkeypatch.setenv("KOMMGRAPH_REGEX_CACHE", str(tmp_path / "cache"))
    reference = tmp_path / "reference"
    reference.mkdir()
    (reference / "a.ttl").write_text(
        "@prefix kg: <https://w3id.org/kommgraph/ontology#> .\n"
        "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n"
        "@prefix prov: <http://www.w3.org/ns/prov#> .\n@prefix foaf: <http://xmlns.com/foaf/0.1/> .\n"
        '<https://example.org/a> a kg:LocalAuthority ; skos:prefLabel "Musterstadt" ; kg:ags "01234567" .\n'
        '<https://example.org/p> a prov:Agent ; foaf:name "Musterblatt" .\n',
        encoding="utf-8",
    )
    first = graph.Gazetteer.load(reference)
    assert first == graph.Gazetteer({"Musterstadt": "01234567"}, {"Musterblatt": "https://example.org/p"})
    monkeypatch.setattr(graph, "_read_reference", lambda paths: pytest.fail("read again"))
    assert graph.Gazetteer.load(reference) == first


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_the_command_imports_no_rdflib(tmp_path, jobs):
    source = tmp_path / "a.txt"
    source.write_text("Kassel, 2. Mai 2021. Die Stadt schafft das Amt für Test.\n", encoding="utf-8")
    code = (
        "import sys; from kommgraph.cli.convert import convert_command as c\n"
        f"c.main([{str(source)!r}, '--out', {str(tmp_path / 'out')!r}, '--jobs', '{jobs}'], "
        "standalone_mode=False)\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'rdflib'))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True
    )
    assert done.stdout.splitlines()[-1] == "[]"
    assert (tmp_path / "out" / "a.ttl").read_text(encoding="utf-8").startswith("# Draft written")


@pytest.mark.parametrize("name", ["units", "events", "dates", "persons", "metadata", "boilerplate"])
def test_pattern_file_parsed_once_then_kept(tmp_path, monkeypatch, name):
    from kommgraph.convert.extract import patterns

    monkeypatch.setenv("KOMMGRAPH_REGEX_CACHE", str(tmp_path))
    expected = patterns._parse(patterns.PATTERN_DIR / f"{name}.toml")
    patterns.load.cache_clear()
    try:
        assert patterns.load(name) == expected
        assert [path.name.split("-")[:2] for path in tmp_path.iterdir()] == [["patterns", name]]
        patterns.load.cache_clear()
        monkeypatch.setattr(patterns, "_parse", lambda path: pytest.fail("parsed again"))
        assert patterns.load(name) == expected
    finally:
        patterns.load.cache_clear()
