"""Every command finds its data project from the current directory upward; the sample only where none is."""

from __future__ import annotations

import os

import pytest
from click.testing import CliRunner

from kommgraph.cli.main import main
from kommgraph.core import paths


@pytest.fixture
def elsewhere(tmp_path, monkeypatch):
    monkeypatch.delenv("KOMMGRAPH_DATA", raising=False)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def invoke(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_validate_in_a_project_without_ttl_exits_3_naming_the_path(elsewhere):
    (elsewhere / "kommgraph.toml").write_text("[dataset]\n", encoding="utf-8")
    below = elsewhere / "sources" / "2024"
    below.mkdir(parents=True)
    os.chdir(below)
    result = invoke("validate")
    assert result.exit_code == 3
    assert result.stderr == (
        f"Error: {elsewhere.resolve() / 'ttl'}: no such folder "
        "(expected a kommgraph data directory with ttl/)\n"
    )


@pytest.mark.parametrize("command", [["validate"], ["fmt", "--check"], ["build", "--out", "dist"]])
def test_an_empty_ttl_folder_is_an_input_error(elsewhere, command):
    invoke("init", "p")
    os_path = elsewhere / "p"
    os.chdir(os_path)
    result = invoke(*command)
    assert result.exit_code == 3
    assert f"{os_path.resolve() / 'ttl'}: no Turtle files" in result.stderr


def test_without_a_project_the_sample_is_used_and_said_in_one_line(elsewhere):
    result = invoke("conflicts")
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines() == [
        f"kommgraph: no data project (kommgraph.toml) in {elsewhere} or above; using the bundled sample "
        f"data in {paths.sample_data_dir()} (kommgraph init DIR makes a project)"
    ]


def test_a_project_is_found_from_a_folder_below_it(elsewhere):
    invoke("init", "p")
    (elsewhere / "p" / "sources" / "x").mkdir()
    assert paths.find_project(elsewhere / "p" / "sources" / "x") == (elsewhere / "p").resolve()


def test_init_refuses_an_existing_project(elsewhere):
    assert invoke("init", "p").exit_code == 0
    again = invoke("init", "p")
    assert again.exit_code == 2
    assert "Error: p/kommgraph.toml: already a kommgraph data project" in again.output


def test_init_writes_a_project_description_that_publish_reads(elsewhere):
    from kommgraph.publish.project import read_project

    result = invoke(
        "init", "p", "--publisher", 'Stadt "Muster"', "--email", "a@b.de", "--base", "https://x.de/id/"
    )
    assert result.exit_code == 0, result.output
    project = read_project(elsewhere / "p")
    assert (project.publisher, project.email, project.base) == (
        'Stadt "Muster"',
        "a@b.de",
        "https://x.de/id/",
    )
    assert project.licence == "http://dcat-ap.de/def/licenses/cc-by/4.0"
    made = sorted(p.name for p in (elsewhere / "p").iterdir())
    assert made == [".gitignore", "README.md", "kommgraph.toml", "sources", "ttl"]
    assert (elsewhere / "p" / ".gitignore").read_text(encoding="utf-8") == ".kommgraph/\n"
