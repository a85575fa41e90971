"""Errors of ``kommgraph serve``: a German HTML page for a browser, one line of text for everyone else."""

from __future__ import annotations

import pytest

from conftest import DATA

starlette = pytest.importorskip("starlette", reason="the serve extra")
from starlette.testclient import TestClient  # noqa: E402

from kommgraph.publish.server import load_app  # noqa: E402

BROWSER = {"accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"}


@pytest.fixture(scope="module")
def client():
    return TestClient(load_app(DATA))


@pytest.mark.parametrize(
    "path, heading, message",
    [
        (
            "/id/unit/nirgendwo",
            "404 Nicht gefunden",
            "no resource https://w3id.org/kommgraph/id/unit/nirgendwo",
        ),
        ("/nirgendwo.html", "404 Nicht gefunden", "no file nirgendwo.html"),
    ],
)
def test_a_browser_gets_an_html_error_page(client, path, heading, message):
    response = client.get(path, headers=BROWSER)
    assert response.status_code == 404
    assert response.headers["content-type"] == "text/html; charset=utf-8"
    assert '<html lang="de">' in response.text
    assert f"<h1>{heading}</h1>" in response.text
    assert f"<pre>{message}</pre>" in response.text


def test_a_program_gets_one_line_of_text(client):
    response = client.get("/id/unit/nirgendwo")
    assert response.status_code == 404
    assert response.text == "404 Not Found: no resource https://w3id.org/kommgraph/id/unit/nirgendwo\n"
