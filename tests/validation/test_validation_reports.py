"""Report formats: JUnit against its XSD, SARIF against the SARIF 2.1.0 schema, GitHub annotation
lines, the SHACL report graph in Turtle, JSON; all deterministic."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, SH

from kommgraph.store.load import load
from kommgraph.validation import reports
from kommgraph.validation.findings import Finding, Report
from kommgraph.validation.run import validate_loaded

from .conftest import SCHEMAS, copy_data

EVENT = "https://w3id.org/kommgraph/id/event/06412000/2018-06-01-renaming-stabsstelle-digitalisierung"
BAUAMT = "https://w3id.org/kommgraph/id/unit/06413000/bauamt"


def junit_schema():
    xmlschema = pytest.importorskip("xmlschema", reason="the test extra needs xmlschema")
    return xmlschema.XMLSchema(SCHEMAS / "junit-10.xsd")


def sarif_validator():
    jsonschema = pytest.importorskip("jsonschema", reason="the test extra needs jsonschema")
    schema = json.loads((SCHEMAS / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    return jsonschema.Draft4Validator(schema)


ANNOTATION = re.compile(r"^::(error|warning|notice) (?:file=([^,:]+),line=(\d+),)?title=([^:,]+)::(.+)$")


@pytest.fixture(scope="module")
def broken(tmp_path_factory):
    """A violation in a curated graph, and a violation in a draft graph (reported as a warning)."""
    root = copy_data(tmp_path_factory.mktemp("reports") / "data")
    curated = root / "ttl" / "000_d65d91dc76021873.ttl"
    curated.write_text(
        curated.read_text(encoding="utf-8").replace(
            'kg:validUntil "2018-06-01"^^xsd:date ;', 'kg:validUntil "2019-06-01"^^xsd:date ;'
        ),
        encoding="utf-8",
    )
    draft = root / "ttl" / "003_9b221352012cf691.ttl"
    draft.write_text(
        draft.read_text(encoding="utf-8").replace(
            "kg:curationStatus kg:Curated ;", "kg:curationStatus kg:Draft ;"
        )
        + f"\n<{BAUAMT}> <https://w3id.org/kommgraph/ontology#unitType> "
        "<https://w3id.org/kommgraph/ontology#Stabsstelle> .\n",
        encoding="utf-8",
    )
    return root, validate_loaded(load(root))


def render(broken, fmt, **options):
    root, report = broken
    return reports.render(report, fmt, base=root.parent, **options)


def test_the_broken_data_gives_violations_and_a_warning(broken):
    _, report = broken
    assert report.count("violation") == 2 and report.count("warning") == 1
    assert report.fails("violation") and report.fails("warning")


def test_junit_validates_against_the_junit_xsd(broken):
    text = render(broken, "junit")
    junit_schema().validate(text)
    root = ET.fromstring(text)
    suite = root.find("testsuite")
    failures = suite.findall("testcase/failure")
    assert (suite.get("failures"), len(failures)) == ("2", 2)
    # every rule that found nothing is a passing test case
    assert int(suite.get("tests")) == len(suite.findall("testcase")) > 40
    end = next(f for f in failures if "ends on 2019-06-01" in f.get("message"))
    assert "data/ttl/000_d65d91dc76021873.ttl:11" in end.text and EVENT in end.text
    warning = next(
        c for c in suite.findall("testcase") if c.get("name") == "kgsh:AdministrativeUnitShape/kg:unitType"
    )
    assert (
        warning.find("failure") is None
        and "WARNING data/ttl/003_9b221352012cf691.ttl:56" in warning.find("system-out").text
    )


def test_junit_fail_on_warning_makes_the_warning_a_failure(broken):
    root = ET.fromstring(render(broken, "junit", fail_on="warning"))
    junit_schema().validate(root)
    assert root.find("testsuite").get("failures") == "3"


def test_sarif_validates_against_the_sarif_2_1_0_schema(broken):
    document = json.loads(render(broken, "sarif"))
    sarif_validator().validate(document)
    run = document["runs"][0]
    results = run["results"]
    assert [r["level"] for r in results] == ["error", "error", "warning"]
    first = results[0]
    assert run["tool"]["driver"]["rules"][first["ruleIndex"]]["id"] == first["ruleId"]
    location = first["locations"][0]["physicalLocation"]
    assert location == {
        "artifactLocation": {"uri": "data/ttl/000_d65d91dc76021873.ttl", "uriBaseId": "%SRCROOT%"},
        "region": {"startLine": 11},
    }
    assert first["locations"][0]["logicalLocations"][0]["fullyQualifiedName"] == EVENT


def test_a_schema_violation_would_be_caught():
    """The SARIF check has teeth: a result without a message is refused by the schema."""
    bad = {"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x"}}, "results": [{"ruleId": "r"}]}]}
    assert not sarif_validator().is_valid(bad)


def test_github_lines_use_the_annotation_syntax(broken):
    lines = render(broken, "github").splitlines()
    annotations = [ANNOTATION.match(line) for line in lines[:-1]]
    assert all(annotations), lines
    assert [(m.group(1), m.group(2), m.group(3)) for m in annotations] == [
        ("error", "data/ttl/000_d65d91dc76021873.ttl", "11"),
        ("error", "data/ttl/000_d65d91dc76021873.ttl", "178"),
        ("warning", "data/ttl/003_9b221352012cf691.ttl", "56"),
    ]
    assert annotations[0].group(4) == "kommgraph kgsh%3AEndAgreesWithEventShape"
    message = annotations[0].group(5)
    assert "ends on 2019-06-01, but the event that ends it takes effect on 2018-06-01" in message
    assert lines[-1] == "kommgraph validate: 2 violation(s), 1 warning(s), 0 info"


def test_github_escapes_what_would_end_a_property_or_the_message():
    finding = Finding(
        "check:x",
        "info",
        "https://example.org/a",
        messages={"en": "50% done,\nnext: line"},
        file="data/ttl/a,b:c.ttl",
        line=3,
    )
    line = reports.render(Report([finding]), "github").splitlines()[0]
    assert line == (
        "::notice file=data/ttl/a%2Cb%3Ac.ttl,line=3,title=kommgraph check%3Ax::"
        "<https://example.org/a>: 50%25 done,%0Anext: line"
    )


def test_turtle_is_the_shacl_validation_report_graph(broken):
    _, report = broken
    graph = Graph().parse(data=render(broken, "turtle"), format="turtle")
    node = URIRef(reports.REPORT_IRI)
    assert (node, RDF.type, SH.ValidationReport) in graph
    assert (node, SH.conforms, Literal(False)) in graph
    results = list(graph.objects(node, SH.result))
    assert len(results) == len(report.findings) == 3
    end = next(r for r in results if (r, SH.focusNode, URIRef(EVENT)) in graph)
    assert graph.value(end, SH.sourceShape) == URIRef(
        "https://w3id.org/kommgraph/shapes#EndAgreesWithEventShape"
    )
    assert graph.value(end, SH.sourceConstraintComponent) == SH.SPARQLConstraintComponent
    assert {m.language for m in graph.objects(end, SH.resultMessage)} == {"de", "en"}
    warning = next(r for r in results if (r, SH.focusNode, URIRef(BAUAMT)) in graph)
    assert graph.value(warning, SH.resultSeverity) == SH.Warning
    assert graph.value(warning, SH.resultPath) == URIRef("https://w3id.org/kommgraph/ontology#unitType")


def test_json_report(broken):
    document = json.loads(render(broken, "json", lang="de"))
    assert document["conforms"] is False and document["counts"] == {"violation": 2, "warning": 1, "info": 0}
    first = document["findings"][0]
    assert first["file"] == "data/ttl/000_d65d91dc76021873.ttl" and first["line"] == 11
    assert first["message"].startswith("Die Einheit „Stabsstelle E-Government“ endet am 2019-06-01")
    assert document["coverage"]["union"] == "full" and len(document["coverage"]["sources"]) == 5


@pytest.mark.parametrize("fmt", reports.FORMATS)
def test_every_format_is_deterministic(broken, fmt):
    root, _ = broken
    again = reports.render(validate_loaded(load(root)), fmt, base=root.parent)
    assert render(broken, fmt) == again
