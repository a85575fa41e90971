"""examples/tutorial.ipynb runs top to bottom against the embedded store, with typed DataFrame columns."""

from __future__ import annotations

import ast
import json
import sys
from pathlib import Path

import pytest

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")
pytest.importorskip("ipykernel")
pytest.importorskip("pandas")

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOK = ROOT / "examples" / "tutorial.ipynb"
KERNEL = "kommgraph-tests"


@pytest.fixture
def kernel(tmp_path, monkeypatch):
    """A kernel spec that runs this interpreter (the venv with kommgraph), whatever `python` is on PATH."""
    spec = tmp_path / "kernels" / KERNEL
    spec.mkdir(parents=True)
    argv = [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"]
    (spec / "kernel.json").write_text(
        json.dumps({"argv": argv, "display_name": KERNEL, "language": "python"})
    )
    monkeypatch.setenv("JUPYTER_PATH", str(tmp_path))
    monkeypatch.setenv("JUPYTER_PLATFORM_DIRS", "1")
    monkeypatch.delenv("KOMMGRAPH_DATA", raising=False)
    return KERNEL


def tagged(notebook, tag: str) -> str:
    (cell,) = [c for c in notebook.cells if tag in c.metadata.get("tags", [])]
    (output,) = [o for o in cell.outputs if o.output_type == "execute_result"]
    return output.data["text/plain"]


def test_notebook_is_stored_without_outputs():
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    nbformat.validate(notebook)
    assert all(
        not c.get("outputs") and c.get("execution_count") is None
        for c in notebook.cells
        if c.cell_type == "code"
    )


@pytest.mark.slow
def test_tutorial_runs_and_gives_typed_columns(kernel):
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    client = nbclient.NotebookClient(
        notebook, kernel_name=kernel, timeout=120, resources={"metadata": {"path": str(ROOT)}}
    )
    client.execute()  # raises CellExecutionError, with the cell and traceback, if a cell fails
    dtypes = ast.literal_eval(tagged(notebook, "dtypes"))
    assert dtypes == {
        "source": "string",
        "issued": "datetime64[ns]",
        "issued_precision": "string",
        "quote": "string",
        "start": "Int64",
        "end": "Int64",
        "document": "string",
    }
    assert ast.literal_eval(tagged(notebook, "periods")) == {
        "dtype": "datetime64[ns]",
        "first": "2012-01-01",
        "precision": "year",
    }
    html = [o.data.get("text/html", "") for c in notebook.cells for o in c.get("outputs", []) if "data" in o]
    assert any('<table class="kommgraph-result">' in h and "Stabsstelle Digitalisierung" in h for h in html)
    printed = "".join(o.get("text", "") for c in notebook.cells for o in c.get("outputs", []))
    assert "parameter 'date' must be xsd:date like 2018-05-31; got '31.05.2018'" in printed
