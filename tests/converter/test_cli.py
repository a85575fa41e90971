"""`kommgraph convert` and `kommgraph evaluate` through click's CliRunner."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph
from rdflib.compare import isomorphic
from tests.converter.helpers import GOLD, SEEDS, TEXTS

from kommgraph.cli.convert import convert_command, evaluate_command

EXPECTED = Path(__file__).parent / "expected"


def run(command, args):
    return CliRunner().invoke(command, [str(a) for a in args])


@pytest.mark.parametrize("stem", ["01_renaming_heisst_kuenftig", "22_spinoff_neues_amt_context"])
def test_output_is_the_expected_graph(tmp_path: Path, stem: str) -> None:
    result = run(
        convert_command, [TEXTS / f"{stem}.txt", "--out", tmp_path, "--reference", tmp_path / "none"]
    )
    assert result.exit_code == 0, result.output
    got = Graph().parse(tmp_path / f"{stem}.ttl")
    want = Graph().parse(EXPECTED / f"{stem}.ttl")
    assert isomorphic(got, want)


def test_output_is_deterministic(tmp_path: Path) -> None:
    source = TEXTS / "22_spinoff_neues_amt_context.txt"
    run(convert_command, [source, "--out", tmp_path / "a"])
    run(convert_command, [source, "--out", tmp_path / "b"])
    name = "22_spinoff_neues_amt_context.ttl"
    assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()


def test_curated_file_is_not_overwritten(tmp_path: Path) -> None:
    source = TEXTS / "02_renaming_umbenannt_in.txt"
    curated = tmp_path / "02_renaming_umbenannt_in.ttl"
    text = (
        "PREFIX kg: <https://w3id.org/kommgraph/ontology#>\n"
        "<https://w3id.org/kommgraph/id/graph/02_renaming_umbenannt_in> kg:curationStatus kg:Curated .\n"
    )
    curated.write_text(text, encoding="utf-8")
    result = run(convert_command, [source, "--out", tmp_path])
    assert result.exit_code == 0
    assert "curated, not overwritten" in result.output
    assert curated.read_text(encoding="utf-8") == text
    forced = run(convert_command, [source, "--out", tmp_path, "--force"])
    assert forced.exit_code == 0
    assert "kg:Draft" in curated.read_text(encoding="utf-8")


def test_header_without_closing_line_is_an_input_error(tmp_path: Path) -> None:
    source = tmp_path / "open_header.txt"
    source.write_text(
        "title: Neues Amt\npublished: 2021-04-01\nDas Hauptamt wird aufgelöst.\n", encoding="utf-8"
    )
    result = run(convert_command, [source, "--out", tmp_path / "out"])
    assert result.exit_code == 3
    assert f"{source} line 3" in result.output
    assert "'---'" in result.output


def test_non_utf8_is_an_input_error(tmp_path: Path) -> None:
    source = tmp_path / "latin1.txt"
    source.write_bytes("Das Ordnungsamt\nwird aufgel\xf6st.\n".encode("latin-1"))
    result = run(convert_command, [source, "--out", tmp_path / "out"])
    assert result.exit_code == 3
    assert f"{source} line 2: not UTF-8" in result.output


def test_missing_out_option_is_a_usage_error(tmp_path: Path) -> None:
    result = run(convert_command, [TEXTS / "02_renaming_umbenannt_in.txt"])
    assert result.exit_code == 2


def test_evaluate_prints_scores(tmp_path: Path) -> None:
    gold, sources = tmp_path / "gold", tmp_path / "sources"
    gold.mkdir()
    sources.mkdir()
    stem = "01_renaming_heisst_kuenftig"
    shutil.copy(TEXTS / f"{stem}.txt", sources)
    (gold / f"{stem}.json").write_text(
        '{"published": "2022-02-14", "place": "Kassel", "units": [{"name": "Personalamt"},'
        ' {"name": "Amt für Personal und Organisation"}], "events": [{"type": "renaming",'
        ' "from": ["Personalamt"], "to": ["Amt für Personal und Organisation"], "effective": "2022-03-01"}],'
        ' "persons": [{"name": "Christian Geselle"}]}',
        encoding="utf-8",
    )
    result = run(evaluate_command, ["--gold", gold, "--sources", sources])
    assert result.exit_code == 0, result.output
    assert "units            1.0       1.0       1.0" in result.output
    assert "exact dates 1.0  issued 1.0  place 1.0  over 1 documents" in result.output


def test_evaluate_bad_gold_is_an_input_error(tmp_path: Path) -> None:
    (tmp_path / "x.json").write_text("{not json", encoding="utf-8")
    result = run(evaluate_command, ["--gold", tmp_path, "--sources", tmp_path])
    assert result.exit_code == 3
    assert "x.json line 1" in result.output


@pytest.mark.skipif(not GOLD.is_dir(), reason="shared/ seeds not beside the project")
def test_seeds_through_evaluate() -> None:
    result = run(evaluate_command, ["--gold", GOLD, "--sources", SEEDS, "--json"])
    assert result.exit_code == 0, result.output
    import json

    scores = json.loads(result.output)
    assert {fact: scores[fact]["f1"] for fact in ("units", "events", "persons")} == {
        "units": 1.0, "events": 1.0, "persons": 1.0
    }
    assert (scores["event_dates_exact"], scores["issued_exact"], scores["place"]) == (1.0, 1.0, 1.0)


def test_evaluate_names_the_document_a_converter_bug_met(tmp_path: Path, monkeypatch) -> None:
    from kommgraph.convert import graph
    from kommgraph.convert.evaluate import evaluate_sources

    def broken(document, gazetteer=None):
        raise IndexError("list index out of range")

    stem = "01_renaming_heisst_kuenftig"
    shutil.copy(TEXTS / f"{stem}.txt", tmp_path)
    (tmp_path / f"{stem}.json").write_text('{"units": [], "events": [], "persons": []}', encoding="utf-8")
    monkeypatch.setattr(graph, "to_graph", broken)
    with pytest.raises(RuntimeError) as raised:
        evaluate_sources(tmp_path, tmp_path)
    assert str(raised.value) == f"{tmp_path / stem}.txt: IndexError: list index out of range"
