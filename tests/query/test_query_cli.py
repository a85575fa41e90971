"""`kommgraph query`, `queries` and `push` through click's CliRunner (one subprocess smoke test)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from kommgraph.cli.main import main
from kommgraph.query import catalogue as queries
from kommgraph.query.engines import RemoteEngine
from kommgraph.query.push import put_graph
from kommgraph.query.reference import reference_markdown

from .params import PARAMS
from .server import OxigraphServer, free_port

ECHO = Path(__file__).with_name("echo.rq")
NAMES = list(queries.catalogue())
E_GOV = PARAMS["lineage"]["unit"]


def run(*args: str):
    return CliRunner().invoke(main, [str(a) for a in args])


@pytest.mark.parametrize("name", NAMES)
def test_endpoint_prints_the_same_table(name, mirror):
    params = [arg for key, value in PARAMS.get(name, {}).items() for arg in ("-p", f"{key}={value}")]
    embedded = run("query", name, *params)
    remote = run("query", name, *params, "--endpoint", mirror.query_url)
    assert embedded.exit_code == 0, embedded.output
    assert remote.exit_code == 0, remote.output
    assert remote.output == embedded.output


@pytest.mark.parametrize("fmt", ["csv", "tsv", "json", "markdown"])
def test_endpoint_gives_the_same_output_in_every_format(fmt, mirror):
    args = [
        "query",
        "units-on-date",
        "-p",
        "authority=Frankfurt am Main",
        "-p",
        "date=2018-06-01",
        "--format",
        fmt,
    ]
    embedded, remote = run(*args), run(*args, "--endpoint", mirror.query_url)
    assert embedded.exit_code == remote.exit_code == 0
    assert remote.output == embedded.output
    assert "Stabsstelle Digitalisierung" in embedded.output


def test_rdflib_engine_prints_the_same_table():
    oxigraph = run("query", "replaced-units", "-p", "pattern=E-Government")
    rdflib = run("query", "replaced-units", "-p", "pattern=E-Government", "--engine", "rdflib")
    assert rdflib.exit_code == 0
    assert rdflib.output == oxigraph.output
    assert "Stabsstelle E-Government  Stabsstelle Digitalisierung  renaming" in rdflib.output
    assert rdflib.output.endswith("(2 rows)\n")


def test_rq_file_with_parameters():
    result = run("query", ECHO, "-p", "text=} DROP ALL {", "-p", "day=2018-06-01", "--format", "csv")
    assert result.exit_code == 0, result.output
    assert result.output == "value,thing,day\n} DROP ALL {,,2018-06-01\n"


def test_rq_file_gets_the_same_checks(tmp_path):
    bad = tmp_path / "bad.rq"
    bad.write_text(
        "#+ summary: x\n#+ defaults:\n#+   - day: 31.05.2018\n"
        "SELECT ?d WHERE { BIND(?_day_xsd_date AS ?d) }\n"
    )
    result = run("query", bad)
    assert result.exit_code == 2
    assert (
        "bad.rq: declared value: parameter 'day' must be xsd:date like 2018-05-31; got '31.05.2018'"
        in result.output
    )
    missing = run("query", tmp_path / "missing.rq")
    assert missing.exit_code == 2 and "missing.rq: no such query file" in missing.output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["units-on-date", "-p", "authority=x", "-p", "date=2018-02-30"],
            "parameter 'date' must be xsd:date like 2018-05-31",
        ),
        (["lineage", "-p", "unit=<x>"], "parameter 'unit' must be an absolute IRI"),
        (["lineage", "-p", "colour=red"], "query 'lineage' has no parameter 'colour'"),
        (["no-such-query"], "no stored query 'no-such-query'"),
        (
            ["lineage", "-p", f"unit={E_GOV}", "--endpoint", "http://x/query", "--engine", "rdflib"],
            "--engine applies to the embedded data",
        ),
        (
            ["lineage", "-p", f"unit={E_GOV}", "--default-graph", "https://example.org/g"],
            "--default-graph applies to --endpoint only",
        ),
        (["lineage", "--known-at", "June 2018"], "'June 2018' is not a day: write YYYY-MM-DD"),
    ],
)
def test_usage_errors_exit_2(args, message):
    result = run("query", *args)
    assert result.exit_code == 2
    assert message in result.output


def test_endpoint_failures_exit_3(mirror):
    unit = f"unit={E_GOV}"
    refused = run("query", "lineage", "-p", unit, "--endpoint", f"http://127.0.0.1:{free_port()}/query")
    assert refused.exit_code == 3
    assert "connection refused (is the server running?)" in refused.output
    wrong = run("query", "lineage", "-p", unit, "--endpoint", mirror.base + "/nope")
    assert wrong.exit_code == 3
    assert "HTTP 404 Not Found (check the endpoint URL)" in wrong.output


def test_known_at_queries_what_was_known_then(monkeypatch, bundled):
    calls = []

    def known_at(loaded, date):
        calls.append((loaded.layout.root, date))
        return ox.Store()  # nothing was known yet

    monkeypatch.setattr("kommgraph.cli.query.known_at_view", known_at)
    result = run("query", "replaced-units", "--known-at", "2010-01-01")
    assert result.exit_code == 0, result.output
    assert result.output.endswith("(0 rows)\n")
    assert [str(date) for _, date in calls] == ["2010-01-01"]


@pytest.mark.parametrize("value", ["20180601", "2018-6-1", "2018-02-30", "yesterday"])
def test_known_at_takes_only_a_day_written_yyyy_mm_dd(value):
    result = run("query", "replaced-units", "--known-at", value)
    assert result.exit_code == 2
    assert f"{value!r} is not a day: write YYYY-MM-DD (e.g. 2018-06-01)" in result.output


def test_queries_lists_parameters_and_markdown_is_the_reference():
    text = run("queries")
    assert "units-on-date\n" in text.output
    assert "    -p authority=<string>\n    -p date=<xsd:date>\n" in text.output
    markdown = run("queries", "--format", "markdown")
    assert markdown.output == reference_markdown()


def test_push_replaces_its_graphs_and_leaves_others_alone(tmp_path, bundled):
    other = "https://example.org/not-kommgraph"
    with OxigraphServer(tmp_path / "store") as server:
        put_graph(
            server.store_url,
            other,
            b"<https://example.org/a> <https://example.org/b> <https://example.org/c> .\n",
        )
        first = run("push", "--endpoint", server.store_url)
        second = run("push", "--endpoint", server.store_url)
        counts = RemoteEngine(server.query_url).select(
            "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g"
        )
    assert first.exit_code == 0, first.output
    assert second.exit_code == 0, second.output
    pushed = {str(g): int(n) for g, n in counts.rows}
    assert pushed.pop(other) == 1
    expected = {
        graph.value: len(list(bundled.store.quads_for_pattern(None, None, None, graph)))
        for graph in bundled.store.named_graphs()
    }
    assert pushed == expected
    assert "put  https://w3id.org/kommgraph/id/graph/ontology  " in first.output
    assert "(HTTP 201)" in first.output and "(HTTP 204)" in second.output
    assert (
        f"pushed {len(expected)} graphs, {sum(expected.values())} triples to {server.store_url}"
        in second.output
    )


def test_push_to_a_query_url_explains_the_graph_store_url(mirror):
    result = run("push", "--endpoint", mirror.query_url)
    assert result.exit_code == 3
    assert "give the server's Graph Store Protocol URL, e.g. http://HOST:7878/store" in result.output


def test_console_script_with_endpoint_prints_the_same_table(mirror):
    """The one subprocess test: the installed `kommgraph` command, as a user runs it."""
    command = [str(Path(sys.executable).parent / "kommgraph"), "query", "replaced-units"]
    local = subprocess.run(command, capture_output=True, text=True, timeout=60, check=True)
    remote = subprocess.run(
        [*command, "--endpoint", mirror.query_url], capture_output=True, text=True, timeout=60, check=True
    )
    assert remote.stdout == local.stdout
    assert "Stabsstelle E-Government" in remote.stdout
