"""The release files: byte-identical rebuilds, every serialisation the same data, checksums, base IRI."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic

from kommgraph.cli.main import main
from kommgraph.core.vocab import VOID

DATA = Path(__file__).resolve().parents[2] / "data"

DUMPS = ("kommgraph.trig", "kommgraph.nq", "kommgraph.ttl", "kommgraph.nt", "kommgraph.jsonld")


def tree(folder) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_two_publishes_give_identical_bytes(release, tmp_path):
    out = tmp_path / "again"
    result = CliRunner().invoke(main, ["publish", "--data-dir", str(DATA), "--out", str(out), "--static"])
    assert result.exit_code == 0, result.output
    first, second = tree(release), tree(out)
    assert sorted(first) == sorted(second)
    different = [name for name in first if first[name] != second[name]]
    assert different == []
    assert len(first) > 100  # dumps, descriptions and the static pages


def test_release_holds_every_serialisation(release):
    names = set(tree(release))
    for name in (*DUMPS, "context.jsonld", "ontology.ttl", "ontology.html", "void.ttl", "dcat.ttl",
                 "SHA256SUMS", "index.html", ".htaccess", "doc/unit/06412000/stabsstelle-e-government.html",
                 "doc/unit/06412000/stabsstelle-e-government.ttl"):
        assert name in names


# rdflib's JSON-LD parser uses its own deprecated ConjunctiveGraph inside (rdflib 7.x).
@pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning")
def test_merged_serialisations_hold_the_same_graph(release):
    nt = Graph().parse(release / "kommgraph.nt", format="nt")
    ttl = Graph().parse(release / "kommgraph.ttl", format="turtle")
    # the JSON-LD names its context by a relative reference: resolved to the bundled file, offline
    jsonld = Graph().parse(release / "kommgraph.jsonld", format="json-ld")
    assert len(nt) > 500
    assert isomorphic(nt, ttl)
    assert isomorphic(nt, jsonld)


def test_dataset_files_keep_one_named_graph_per_source(release):
    trig = set(ox.parse(path=str(release / "kommgraph.trig"), format=ox.RdfFormat.TRIG))
    nquads = set(ox.parse(path=str(release / "kommgraph.nq"), format=ox.RdfFormat.N_QUADS))
    # blank nodes (the ontology's owl:unionOf lists) are labelled differently by the two parsers
    assert {q for q in trig if not _blank(q)} == {q for q in nquads if not _blank(q)}
    assert len(trig) == len(nquads)
    names = {q.graph_name.value for q in trig}
    sources = sorted(p.stem for p in (DATA / "ttl").glob("*.ttl"))
    base = "https://w3id.org/kommgraph/id/graph/"
    assert names == {base + s for s in sources} | {base + "reference", base + "derived", base + "ontology"}


def _blank(quad) -> bool:
    return isinstance(quad.subject, ox.BlankNode) or isinstance(quad.object, ox.BlankNode)


def test_line_formats_are_sorted_and_without_duplicates(release):
    for name in ("kommgraph.nt", "kommgraph.nq"):
        lines = (release / name).read_text(encoding="utf-8").splitlines()
        assert lines == sorted(set(lines)), name


def test_checksums_cover_every_other_file(release):
    listed = {}
    for line in (release / "SHA256SUMS").read_text(encoding="utf-8").splitlines():
        digest, name = line.split("  ", 1)
        listed[name] = digest
    files = tree(release)
    assert set(listed) == set(files) - {"SHA256SUMS"}
    assert all(hashlib.sha256(files[name]).hexdigest() == digest for name, digest in listed.items())


def test_htaccess_redirects_identifiers_by_media_type(release):
    rules = (release / ".htaccess").read_text(encoding="utf-8")
    assert "RewriteCond %{HTTP_ACCEPT} (text/turtle|application/x\\-turtle)" in rules
    assert "RewriteRule ^id/(.+)$ https://w3id.org/kommgraph/doc/$1.ttl [R=303,L]" in rules
    assert "RewriteRule ^id/(.+)$ https://w3id.org/kommgraph/doc/$1.jsonld [R=303,L]" in rules
    fallback = "RewriteRule ^id/(.+)$ https://w3id.org/kommgraph/doc/$1.html [R=303,L]"
    assert rules.splitlines().count(fallback) == 1
    assert "AddType application/trig .trig" in rules


@pytest.fixture(scope="module")
def rebased(tmp_path_factory):
    out = tmp_path_factory.mktemp("rebased")
    result = CliRunner().invoke(main, ["publish", "--data-dir", str(DATA), "--out", str(out),
                                       "--base", "https://example.org/kg/id/"])
    assert result.exit_code == 0, result.output
    return out


def test_another_base_rewrites_every_instance_iri(release, rebased):
    text = (rebased / "kommgraph.nq").read_text(encoding="utf-8")
    assert "https://w3id.org/kommgraph/id/" not in text
    assert "<https://example.org/kg/id/unit/06412000/stabsstelle-e-government>" in text
    assert "<https://example.org/kg/id/graph/derived>" in text
    # the vocabulary keeps its own namespace
    assert "<https://w3id.org/kommgraph/ontology#AdministrativeUnit>" in text
    assert len(text.splitlines()) == len((release / "kommgraph.nq").read_text(encoding="utf-8").splitlines())
    context = (rebased / "context.jsonld").read_text(encoding="utf-8")
    assert '"kgid": "https://example.org/kg/id/"' in context
    void = Graph().parse(rebased / "void.ttl")
    dataset = URIRef("https://example.org/kg/id/dataset/kommgraph")
    assert void.value(dataset, VOID.uriSpace) == Literal("https://example.org/kg/id/")
    assert (dataset, VOID.dataDump, URIRef("https://example.org/kg/kommgraph.nt")) in void


def test_a_bad_base_is_a_usage_error(tmp_path):
    result = CliRunner().invoke(main, ["publish", "--data-dir", str(DATA), "--out", str(tmp_path / "x"),
                                       "--base", "not an iri"])
    assert result.exit_code == 2
    assert "must be an http(s) IRI" in result.output
    assert not (tmp_path / "x").exists()


def test_a_violation_stops_the_publish(data_copy, tmp_path):
    broken = data_copy / "ttl" / "000_d65d91dc76021873.ttl"
    text = broken.read_text(encoding="utf-8")
    quote = "wird zur Stabsstelle Digitalisierung."
    assert quote in text
    broken.write_text(text.replace(quote, "wird zur Stabsstelle Digitalisierung!"), encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["publish", "--data-dir", str(data_copy), "--out", str(out)])
    assert result.exit_code == 1
    assert "nothing was written" in result.output
    assert "The quote does not occur in the text" in result.output
    assert not out.exists()
