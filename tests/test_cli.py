"""The command line through click's CliRunner: outputs and the exit-code contract."""

from __future__ import annotations

import json
import re
import shutil

import pytest
from click.testing import CliRunner

from conftest import DATA
from kommgraph.cli.main import main


@pytest.fixture
def run():
    runner = CliRunner()

    def invoke(*args):
        return runner.invoke(main, list(args), catch_exceptions=False)

    return invoke


def test_build_writes_the_dataset_and_reports(run, data_copy, tmp_path):
    out = tmp_path / "dist"
    result = run("build", "--data-dir", str(data_copy), "--out", str(out))
    assert result.exit_code == 0, result.output
    assert "valid" in result.output and "no findings" in result.output
    trig = (out / "kommgraph.trig").read_text(encoding="utf-8")
    graphs = re.findall(r"^<(https://w3id.org/kommgraph/id/graph/[^>]+)> \{", trig, flags=re.M)
    assert graphs == [
        "https://w3id.org/kommgraph/id/graph/ontology",
        "https://w3id.org/kommgraph/id/graph/reference",
        *[
            f"https://w3id.org/kommgraph/id/graph/{s}"
            for s in (
                "000_d65d91dc76021873",
                "001_58ae47960ac759d4",
                "002_874d347909a477c9",
                "003_9b221352012cf691",
                "004_29db3fd777197def",
            )
        ],
        "https://w3id.org/kommgraph/id/graph/derived",
    ]
    assert "kg:succeededBy" in (out / "kommgraph.ttl").read_text(encoding="utf-8")


def test_build_is_deterministic(run, data_copy, tmp_path):
    first, second = tmp_path / "a", tmp_path / "b"
    assert run("build", "--data-dir", str(data_copy), "--out", str(first)).exit_code == 0
    assert run("build", "--data-dir", str(data_copy), "--out", str(second)).exit_code == 0
    for name in ("kommgraph.trig", "kommgraph.ttl"):
        assert (first / name).read_bytes() == (second / name).read_bytes()


def test_headline_query(run, data_copy):
    result = run("query", "replaced-units", "-p", "pattern=E-Government", "--data-dir", str(data_copy))
    assert result.exit_code == 0
    row = next(line for line in result.output.splitlines() if "Stabsstelle wird umbenannt" in line)
    assert re.search(
        r"Frankfurt am Main\s+Stabsstelle E-Government\s+Stabsstelle Digitalisierung\s+renaming\s+2018-06-01",
        row,
    )


@pytest.mark.parametrize(
    "fmt, check",
    [
        ("csv", lambda out: out.splitlines()[0] == "authority,replaced,successor,change,effective,source"),
        ("tsv", lambda out: out.splitlines()[0].split("\t")[0] == "authority"),
        (
            "json",
            lambda out: json.loads(out)["results"]["bindings"][0]["effective"]["datatype"].endswith("#date"),
        ),
        ("markdown", lambda out: out.startswith("| authority | replaced |")),
    ],
)
def test_query_formats(run, data_copy, fmt, check):
    result = run("query", "replaced-units", "--format", fmt, "--data-dir", str(data_copy))
    assert result.exit_code == 0 and check(result.output)


def test_query_with_parameters(run, data_copy):
    result = run(
        "query",
        "units-on-date",
        "-p",
        "authority=Offenbach am Main",
        "-p",
        "date=2021-03-15",
        "--data-dir",
        str(data_copy),
    )
    assert re.search(
        r"Stabsstelle Digitalisierung\s+Stabsstelle\s+Hauptamt\s+possible\s+2021-03", result.output
    )


def test_bad_parameter_is_a_usage_error(run, data_copy):
    result = run(
        "query", "units-on-date", "-p", "authority=06412000", "-p", "date=31.05.2018",
        "--data-dir", str(data_copy),
    )
    assert result.exit_code == 2
    assert "parameter 'date' must be xsd:date like 2018-05-31" in result.output


def test_unknown_query_is_a_usage_error(run):
    result = run("query", "no-such-query")
    assert result.exit_code == 2 and "no stored query 'no-such-query'" in result.output


def test_queries_lists_summaries_and_parameters(run):
    result = run("queries")
    assert "replaced-units\n    Units that replaced units" in result.output
    assert "units-on-date\n" in result.output
    assert "    -p authority=<string>\n    -p date=<xsd:date>\n" in result.output


def test_validate_passes_on_the_curated_data(run, data_copy):
    result = run("validate", "--data-dir", str(data_copy))
    assert result.exit_code == 0, result.output
    assert "0 violation(s), 0 warning(s)" in result.output


def test_validate_names_a_renaming_with_two_resulting_units(run, data_copy):
    path = data_copy / "ttl" / "002_874d347909a477c9.ttl"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text
        + """
<https://w3id.org/kommgraph/id/event/06411000/2021-04-01-spin-off-amt-fuer-digitalisierung-und-it>
    a <https://w3id.org/kommgraph/ontology#Renaming> ;
    <http://www.w3.org/ns/org#resultingOrganization>
        <https://w3id.org/kommgraph/id/unit/06411000/amt-fuer-interne-dienste> .
""",
        encoding="utf-8",
    )
    result = run("validate", "--data-dir", str(data_copy))
    assert result.exit_code == 1
    assert "A renaming has exactly one resulting unit" in result.output
    assert (
        "<https://w3id.org/kommgraph/id/event/06411000/2021-04-01-spin-off-amt-fuer-digitalisierung-und-it>"
        in result.output
    )
    assert "ttl/002_874d347909a477c9.ttl:" in result.output


def test_validate_names_a_successor_that_starts_before_its_predecessor_ends(run, data_copy):
    path = data_copy / "ttl" / "000_d65d91dc76021873.ttl"
    text = path.read_text(encoding="utf-8")
    text = text.replace(
        """    kg:validFrom "2018-06-01"^^xsd:date ;""", """    kg:validFrom "2018-05"^^xsd:gYearMonth ;""", 1
    )
    path.write_text(text, encoding="utf-8")
    result = run("validate", "--lang", "de", "--data-dir", str(data_copy))
    assert result.exit_code == 1
    assert "beginnt am 2018-05, bevor diese Einheit am 2018-06-01 endet" in result.output
    assert (
        '"Stabsstelle E-Government" <https://w3id.org/kommgraph/id/unit/06412000/stabsstelle-e-government>'
        in result.output
    )


def test_validate_json_report(run, data_copy):
    result = run("validate", "--format", "json", "--data-dir", str(data_copy))
    report = json.loads(result.output)
    assert report["conforms"] is True and report["findings"] == []


def test_a_syntax_error_is_exit_code_3_with_file_and_line(run, data_copy, tmp_path):
    path = data_copy / "ttl" / "004_29db3fd777197def.ttl"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines.insert(11, "this is not turtle .")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "dist"
    result = run("build", "--data-dir", str(data_copy), "--out", str(out))
    assert result.exit_code == 3
    assert re.search(r"004_29db3fd777197def\.ttl line 12 column \d+: ", result.output)
    assert not out.exists()  # nothing half-written


def test_a_changed_source_text_fails_the_evidence_check(run, data_copy):
    path = data_copy / "sources" / "002_874d347909a477c9.txt"
    path.write_text("Vorspann. " + path.read_text(encoding="utf-8"), encoding="utf-8")
    result = run("validate", "--data-dir", str(data_copy))
    assert result.exit_code == 1
    assert "has changed: SHA-256" in result.output
    assert "The quote is not at offsets" in result.output and "The quote is at" in result.output


def test_build_writes_nothing_on_violations(run, data_copy, tmp_path):
    path = data_copy / "ttl" / "003_9b221352012cf691.ttl"
    path.write_text(path.read_text(encoding="utf-8").replace("kg:unitType kg:Amt ;", "", 1), encoding="utf-8")
    out = tmp_path / "dist"
    result = run("build", "--data-dir", str(data_copy), "--out", str(out))
    assert result.exit_code == 1 and "nothing was written" in result.output
    assert not out.exists()


def test_fmt_check_reports_a_file_out_of_layout(run, data_copy):
    path = data_copy / "ttl" / "004_29db3fd777197def.ttl"
    path.write_text(path.read_text(encoding="utf-8").replace("\n\n", "\n", 3), encoding="utf-8")
    result = run("fmt", "--check", "--data-dir", str(data_copy))
    assert result.exit_code == 1 and "would reformat" in result.output
    assert run("fmt", "--data-dir", str(data_copy)).exit_code == 0
    assert run("fmt", "--check", "--data-dir", str(data_copy)).exit_code == 0


def test_version_and_short_help(run):
    assert "kommgraph, version" in run("--version").output
    assert "Exit codes" in run("-h").output


def test_converted_drafts_of_the_seeds_pass_validation_as_drafts(run, tmp_path):
    """Drafts are checked, but what only a draft states is reported as a warning, never a violation."""
    data = tmp_path / "drafts"
    sources = sorted(str(p) for p in (DATA / "sources").glob("*.txt"))
    assert run("convert", *sources, "--out", str(data / "ttl")).exit_code == 0
    shutil.copytree(DATA / "ttl" / "reference", data / "ttl" / "reference")
    shutil.copytree(DATA / "sources", data / "sources")
    result = run("validate", "--data-dir", str(data))
    assert result.exit_code == 0, result.output
    assert "0 violation(s)" in result.output
    # 000 dates the renaming and 001 does not: the converter gives them two IRIs, which a curator merges
    assert "WARNING" in result.output and "kgsh:SingleEndShape" in result.output
