"""The stored-query catalogue: typed parameters, enumerations, declared values, checks, reference docs."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import XSD

from kommgraph.query import catalogue as queries
from kommgraph.query.binding import ParameterError
from kommgraph.query.reference import reference_markdown

ROOT = Path(__file__).resolve().parents[2]


def parse(text: str) -> queries.StoredQuery:
    return queries.parse_query(text, "t")


TYPED = """#+ summary: typed parameters
#+ enumerate:
#+   - year: [2018, 2019]
#+   - kind: [renaming, merger]
#+ defaults:
#+   - year: 2019
SELECT DISTINCT ?x WHERE {
  BIND(?_year_xsd_gYear AS ?y) BIND(?__kind AS ?k) BIND(?__n_integer AS ?n)
  BIND(?__flag_xsd_boolean AS ?f) BIND(?__month_xsd_gYearMonth AS ?m) BIND(?__amount_xsd_decimal AS ?a)
  BIND(?__u_iri AS ?x)
}
ORDER BY ?x
"""


def test_shipped_queries_pass_the_checks():
    assert queries.check_catalogue() == []


def test_reference_docs_are_current():
    """docs/queries.md is generated: run `kommgraph queries --format markdown > docs/queries.md`."""
    assert (ROOT / "docs" / "queries.md").read_text(encoding="utf-8") == reference_markdown()


def test_reference_documents_every_query_and_parameter():
    text = reference_markdown()
    for name, stored in queries.catalogue().items():
        assert f"\n## {name}\n" in text
        for parameter in stored.parameters:
            assert f"| `{parameter.name}` | {parameter.type_label} |" in text
    assert "kommgraph query units-on-date -p authority=AUTHORITY -p date=2018-05-31" in text
    assert "kommgraph query lineage -p unit=UNIT" in text


def test_parameter_types_from_basil_names():
    stored = parse(TYPED)
    types = {p.name: (p.type_label, p.required, p.default, p.allowed) for p in stored.parameters}
    assert types == {
        "amount": ("xsd:decimal", False, None, ()),
        "flag": ("xsd:boolean", False, None, ()),
        "kind": ("string", False, None, ("renaming", "merger")),
        "month": ("xsd:gYearMonth", False, None, ()),
        "n": ("xsd:integer", False, None, ()),
        "u": ("iri", False, None, ()),
        "year": ("xsd:gYear", True, "2019", ("2018", "2019")),
    }


def test_values_become_typed_terms():
    bound = parse(TYPED).bindings(
        {
            "kind": "merger",
            "n": 42,
            "flag": True,
            "month": "2021-03",
            "amount": "2.5",
            "u": "https://example.org/u",
        }
    )
    assert bound == {
        "_year_xsd_gYear": Literal("2019", datatype=XSD.gYear),
        "__kind": Literal("merger"),
        "__n_integer": Literal("42", datatype=XSD.integer),
        "__flag_xsd_boolean": Literal("true", datatype=XSD.boolean),
        "__month_xsd_gYearMonth": Literal("2021-03", datatype=XSD.gYearMonth),
        "__amount_xsd_decimal": Literal("2.5", datatype=XSD.decimal),
        "__u_iri": URIRef("https://example.org/u"),
    }


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"year": "2020"}, "parameter 'year' must be one of 2018, 2019; got '2020'"),
        ({"kind": "Renaming"}, "parameter 'kind' must be one of renaming, merger; got 'Renaming'"),
        ({"n": "12a"}, "parameter 'n' must be xsd:integer like 42; got '12a'"),
        ({"flag": "yes"}, "parameter 'flag' must be xsd:boolean like true; got 'yes'"),
        ({"month": "2021-13"}, "parameter 'month' must be xsd:gYearMonth like 2021-03; got '2021-13'"),
        ({"amount": "1e5"}, "parameter 'amount' must be xsd:decimal like 2.5; got '1e5'"),
        (
            {"colour": "red"},
            "query 't' has no parameter 'colour' (parameters: amount, flag, kind, month, n, u, year)",
        ),
    ],
)
def test_bad_values_are_refused_with_a_clear_message(values, message):
    with pytest.raises(ParameterError) as info:
        parse(TYPED).bindings(values)
    assert str(info.value) == message


def test_missing_required_value_says_how_to_give_it():
    stored = parse("#+ summary: x\nSELECT ?d WHERE { BIND(?_day_xsd_date AS ?d) }")
    with pytest.raises(ParameterError, match=r"needs parameter 'day' \(xsd:date\); give it as -p day=VALUE"):
        stored.bindings({})


def test_python_values_are_accepted():
    stored = parse("#+ summary: x\nSELECT ?d WHERE { BIND(?_day_xsd_date AS ?d) }")
    assert stored.bindings({"day": dt.date(2018, 6, 1)}) == {
        "_day_xsd_date": Literal("2018-06-01", datatype=XSD.date)
    }


@pytest.mark.parametrize(
    ("decorators", "body", "message"),
    [
        (
            "#+ enumerate:\n#+   - year: [2018, 18]\n",
            "?_year_xsd_gYear",
            "declared value: parameter 'year' must be xsd:gYear",
        ),
        ("#+ enumerate:\n#+   - year\n", "?_year_xsd_gYear", "'#+ enumerate' entry 'year' has no values"),
        ("#+ enumerate:\n#+   - year: []\n", "?_year_xsd_gYear", "must be a non-empty list of values"),
        (
            "#+ defaults:\n#+   - colour: red\n",
            "?_year_xsd_gYear",
            "'#+ defaults' names colour, which is not a parameter",
        ),
        (
            "#+ enumerate:\n#+   - y: [a, b]\n#+ defaults:\n#+   - y: c\n",
            "?_y",
            "the default of 'y' ('c') is not one of",
        ),
        ("", "?_when_xsd_dateTimeStamp", "parameter ?_when_xsd_dateTimeStamp has an unsupported type"),
        ("#+ defaults:\n#+   - u: not an iri\n", "?_u_iri", "parameter 'u' must be an absolute IRI"),
    ],
)
def test_bad_declarations_are_errors_when_the_query_is_read(decorators, body, message):
    with pytest.raises(ParameterError, match=re.escape(message)):
        parse(f"#+ summary: x\n{decorators}SELECT ?v WHERE {{ BIND({body} AS ?v) }}")


def test_checks_name_what_keeps_a_query_from_parity(tmp_path):
    (tmp_path / "loose.rq").write_text("#+ summary: x\n#+ colour: red\nSELECT ?s WHERE { ?s ?p ?_o }\n")
    (tmp_path / "broken.rq").write_text("#+ summary: x\nSELECT DISTINCT ?s WHERE { ?s ?p } ORDER BY ?s\n")
    problems = queries.check_catalogue(tmp_path)
    assert any("broken.rq: does not parse" in p for p in problems)
    assert any("loose.rq: unknown decorator(s) colour" in p for p in problems)
    assert any("loose.rq: neither SELECT DISTINCT nor GROUP BY" in p for p in problems)
    assert any("loose.rq: no ORDER BY" in p for p in problems)
    assert len(problems) == 4


def test_projection_and_order_keys():
    text = "SELECT DISTINCT ?a ?b WHERE { ?a ?p ?b ; ?q ?c } ORDER BY ?a DESC(?c) ?b"
    assert queries.projection(text) == ["a", "b"]
    assert queries.order_variables(text) == [("a", False), ("c", True), ("b", False)]
