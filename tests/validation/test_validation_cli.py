"""``kommgraph validate`` and ``kommgraph fmt`` through click's CliRunner: each exit code, --lang,
--out/--report, progress only on a terminal, fmt's canonical layout and its refusal of blank nodes."""

from __future__ import annotations

import json
import re
import sys

import click
import pytest
from click.testing import CliRunner

from kommgraph.cli import main as cli
from kommgraph.cli import validate as cli_validate
from kommgraph.cli.main import main
from kommgraph.core import progress

EVENT = "https://w3id.org/kommgraph/id/event/06412000/2018-06-01-renaming-stabsstelle-digitalisierung"


@pytest.fixture
def run():
    def invoke(*args):
        return CliRunner().invoke(main, [str(a) for a in args])

    return invoke


def break_end_date(data):
    path = data / "ttl" / "000_d65d91dc76021873.ttl"
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            'kg:validUntil "2018-06-01"^^xsd:date ;', 'kg:validUntil "2019-06-01"^^xsd:date ;'
        ),
        encoding="utf-8",
    )


def test_the_group_serves_this_modules_commands():
    ctx = click.Context(main)
    assert main.get_command(ctx, "validate") is cli_validate.validate
    assert main.get_command(ctx, "fmt") is cli_validate.fmt


def test_exit_0_without_findings(run, data):
    result = run("validate", "--data-dir", data)
    assert result.exit_code == 0, result.output
    assert "0 violation(s), 0 warning(s), 0 info" in result.output
    assert "sources validated alone: 000_d65d91dc76021873, 001_58ae47960ac759d4" in result.output


def test_exit_1_with_findings_named_by_file_line_label_and_message(run, data):
    break_end_date(data)
    result = run("validate", "--data-dir", data)
    assert result.exit_code == 1
    assert re.search(
        r"VIOLATION +\S*data/ttl/000_d65d91dc76021873\.ttl:11  kgsh:EndAgreesWithEventShape", result.output
    )
    assert (
        f'"Umbenennung 2018-06-01: Stabsstelle E-Government → Stabsstelle Digitalisierung" <{EVENT}>'
        in result.output
    )
    assert (
        'The unit "Stabsstelle E-Government" ends on 2019-06-01, but the event that ends it takes effect '
        "on 2018-06-01."
    ) in result.output


def test_lang_de(run, data):
    break_end_date(data)
    result = run("validate", "--lang", "de", "--data-dir", data)
    assert (
        "Die Einheit „Stabsstelle E-Government“ endet am 2019-06-01, das Ereignis, das sie beendet, ist aber "
        "am 2018-06-01 wirksam."
    ) in result.output
    assert "2 Verstoß/Verstöße, 0 Warnung(en)" in result.output


def test_fail_on_warning_counts_the_findings_of_a_draft(run, data):
    path = data / "ttl" / "003_9b221352012cf691.ttl"
    path.write_text(
        path.read_text(encoding="utf-8")
        .replace("kg:curationStatus kg:Curated ;", "kg:curationStatus kg:Draft ;")
        .replace('skos:prefLabel "Bauamt"@de ;', 'skos:prefLabel "des Bauamtes"@de ;'),
        encoding="utf-8",
    )
    assert run("validate", "--data-dir", data).exit_code == 0
    result = run("validate", "--fail-on", "warning", "--data-dir", data)
    assert result.exit_code == 1 and "WARNING" in result.output and "des Bauamtes" in result.output


@pytest.mark.parametrize(
    "args, says",
    [
        (["--format", "xml"], "'xml' is not one of"),
        (["--fail-on", "error"], "'error' is not one of"),
        (["--at", "31.05.2018"], "'31.05.2018' is not a day: write YYYY-MM-DD"),
        (["--at", "20180601"], "'20180601' is not a day: write YYYY-MM-DD"),
        (["--report", "pdf:x.pdf"], "expected FORMAT:FILE"),
        (["--lang", "fr"], "'fr' is not one of"),
    ],
)
def test_exit_2_for_usage_errors(run, data, args, says):
    result = run("validate", "--data-dir", data, *args)
    assert result.exit_code == 2 and says in result.output


def test_exit_2_when_since_is_not_a_git_revision(run, data):
    result = run("validate", "--since", "HEAD", "--data-dir", data)  # tmp_path is no git repository
    assert result.exit_code == 2 and "not a git repository" in result.output


def test_exit_3_for_a_syntax_error_with_file_and_line(run, data):
    path = data / "ttl" / "004_29db3fd777197def.ttl"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines.insert(11, "    kg:broken ;;; .")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run("validate", "--data-dir", data)
    assert result.exit_code == 3
    assert re.search(r"004_29db3fd777197def\.ttl line 12 column \d+: ", result.output), result.output


def test_exit_3_for_a_missing_data_directory(run, tmp_path):
    result = run("validate", "--data-dir", tmp_path / "nothing")
    assert result.exit_code == 3 and "no such folder" in result.output


def test_exit_4_for_an_internal_error(run, data, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("something kommgraph did not expect")

    monkeypatch.setattr("kommgraph.validation.run.validate_loaded", broken)
    result = run("validate", "--data-dir", data)
    assert result.exit_code == 4
    assert "internal error: RuntimeError: something kommgraph did not expect" in result.output


def test_exit_4_through_the_console_entry_point(data, monkeypatch, capsys):
    monkeypatch.setattr("kommgraph.validation.run.validate_loaded", lambda *a, **k: 1 / 0)
    monkeypatch.setattr(sys, "argv", ["kommgraph", "validate", "--data-dir", str(data)])
    with pytest.raises(SystemExit) as exit_:
        cli.run()
    assert exit_.value.code == 4 and "ZeroDivisionError" in capsys.readouterr().err


def test_help_documents_the_exit_codes(run):
    text = run("validate", "--help").output
    for code in (
        "0  no finding at or above --fail-on",
        "1  findings at or above --fail-on",
        "2  usage error",
        "3  input could not be read or parsed",
        "4  internal error",
    ):
        assert code in text
    assert all(fmt in text for fmt in ("text", "json", "junit", "sarif", "github", "turtle"))


def test_out_and_report_write_files(run, data, tmp_path):
    break_end_date(data)
    out, junit = tmp_path / "out" / "report.json", tmp_path / "reports" / "kommgraph.xml"
    result = run(
        "validate", "--format", "json", "--out", out, "--report", f"junit:{junit}", "--data-dir", data
    )
    assert result.exit_code == 1 and result.output == ""
    assert json.loads(out.read_text(encoding="utf-8"))["counts"]["violation"] == 2
    assert junit.read_text(encoding="utf-8").count("<failure ") == 2


def test_machine_formats_keep_stdout_clean(run, data):
    break_end_date(data)
    result = run("validate", "--format", "sarif", "--data-dir", data)
    assert json.loads(result.stdout)["version"] == "2.1.0"


def test_progress_only_on_a_terminal(run, data, monkeypatch):
    quiet = run("validate", "--data-dir", data)
    assert "validate" not in quiet.stderr
    monkeypatch.setattr(progress, "shown", lambda stream=None: True)
    shown = run("validate", "--data-dir", data)
    assert "validate: union" in shown.stderr and "6/6" in shown.stderr
    assert shown.exit_code == 0 and "validate:" not in shown.stdout


def test_union_only_and_at(run, data):
    result = run("validate", "--union-only", "--at", "2018-05-31", "--data-dir", data)
    assert result.exit_code == 0
    assert "snapshot on 2018-05-31" in result.output and "sources validated alone: none" in result.output


# ---- fmt ----


def test_fmt_check_passes_on_the_bundled_data(run, data):
    result = run("fmt", "--check", "--data-dir", data)
    assert result.exit_code == 0 and "all files in canonical layout" in result.output


def test_fmt_rewrites_a_file_into_the_canonical_layout(run, data):
    path = data / "ttl" / "004_29db3fd777197def.ttl"
    canonical = path.read_text(encoding="utf-8")
    path.write_text(
        canonical.replace("\n\n", "\n", 3).replace("    kg:projectCount 40 ;", "    kg:projectCount  40;"),
        encoding="utf-8",
    )
    check = run("fmt", "--check", "--data-dir", data)
    assert check.exit_code == 1 and f"would reformat {path}" in check.output
    assert run("fmt", "--data-dir", data).exit_code == 0
    assert path.read_text(encoding="utf-8") == canonical


def test_fmt_refuses_blank_nodes_with_file_and_line(run, data):
    path = data / "ttl" / "004_29db3fd777197def.ttl"
    original = path.read_text(encoding="utf-8")
    path.write_text(
        original + "\n<https://w3id.org/kommgraph/id/x> <https://w3id.org/kommgraph/ontology#measure>\n"
        "    [ a <https://w3id.org/kommgraph/ontology#Measure> ] .\n",
        encoding="utf-8",
    )
    line = original.count("\n") + 3
    result = run("fmt", "--data-dir", data)
    assert result.exit_code == 1
    assert f"{path}:{line}:5: blank node '[': kommgraph data has no blank nodes, mint an IRI" in result.stderr
    assert path.read_text(encoding="utf-8").startswith(original)  # not rewritten


def test_fmt_exit_3_on_a_syntax_error(run, data):
    path = data / "ttl" / "002_874d347909a477c9.ttl"
    path.write_text(
        path.read_text(encoding="utf-8") + "\n<https://w3id.org/kommgraph/id/x> kg:broken\n", encoding="utf-8"
    )
    result = run("fmt", "--check", "--data-dir", data)
    assert result.exit_code == 3 and re.search(
        r"002_874d347909a477c9\.ttl line \d+ column \d+: ", result.output
    )


def test_fmt_takes_file_arguments_as_pre_commit_passes_them(run, data):
    one = data / "ttl" / "003_9b221352012cf691.ttl"
    other = data / "ttl" / "004_29db3fd777197def.ttl"
    other.write_text(other.read_text(encoding="utf-8").replace("\n\n", "\n", 2), encoding="utf-8")
    assert run("fmt", "--check", one, data / "sources" / "003_9b221352012cf691.txt").exit_code == 0
    assert run("fmt", "--check", one, other).exit_code == 1
