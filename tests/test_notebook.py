"""The example notebook, examples/tour.ipynb, runs top to bottom in a fresh kernel."""

from __future__ import annotations

import json
import pathlib
import sys
from typing import Any

import pytest

from conftest import FIXTURES, ROOT

nbclient = pytest.importorskip(
    "nbclient", reason="nbclient is not installed: pip install -e '.[test]'"
)
nbformat = pytest.importorskip(
    "nbformat", reason="nbformat is not installed: pip install -e '.[test]'"
)

NOTEBOOK = ROOT / "examples" / "tour.ipynb"
KERNEL = "argmap-tour-python"
"""A kernel spec of our own that starts this very interpreter (the venv's python), so a
``python3`` spec elsewhere on the machine cannot send the notebook to another Python."""


@pytest.fixture
def kernel(tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch) -> str:
    pytest.importorskip("ipykernel", reason="ipykernel is not installed: pip install -e '.[test]'")
    spec = tmp_path / "jupyter" / "kernels" / KERNEL
    spec.mkdir(parents=True)
    argv = [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"]
    document = {"argv": argv, "display_name": "argmap tour", "language": "python"}
    (spec / "kernel.json").write_text(json.dumps(document), encoding="utf-8")
    monkeypatch.setenv("JUPYTER_PATH", str(tmp_path / "jupyter"))
    monkeypatch.setenv("ARGMAP_FIXTURES", str(FIXTURES))
    monkeypatch.setenv("IPYTHONDIR", str(tmp_path / "ipython"))  # no user start-up files
    monkeypatch.setenv("JUPYTER_RUNTIME_DIR", str(tmp_path / "runtime"))
    monkeypatch.setenv("PYDEVD_DISABLE_FILE_VALIDATION", "1")  # quiet debugpy warnings
    return KERNEL


def outputs(cell: Any) -> list[dict[str, Any]]:
    return [dict(output) for output in cell.get("outputs", [])]


def data_of(cell: Any, mime: str) -> list[str]:
    found = []
    for output in outputs(cell):
        data = output.get("data", {})
        if mime in data:
            value = data[mime]
            found.append("".join(value) if isinstance(value, list) else value)
    return found


def cell_with(notebook: Any, text: str) -> Any:
    [cell] = [cell for cell in notebook.cells if cell.source.endswith(text)]
    return cell


def test_notebook_is_stored_clean() -> None:
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    nbformat.validate(notebook)
    for cell in notebook.cells:
        if cell.cell_type == "code":
            assert cell.outputs == []
            assert cell.execution_count is None
    assert notebook.metadata.kernelspec.name == "python3"


def test_notebook_runs_top_to_bottom(kernel: str) -> None:
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    probe = nbformat.v4.new_code_cell("import sys\nprint(sys.executable)")
    notebook.cells.append(probe)
    client = nbclient.NotebookClient(
        notebook,
        kernel_name=kernel,
        timeout=120,
        startup_timeout=120,
        resources={"metadata": {"path": str(NOTEBOOK.parent)}},
    )
    client.execute()  # raises CellExecutionError, with the cell and traceback, on any error

    for cell in notebook.cells:
        for output in outputs(cell):
            assert output["output_type"] != "error"
            assert output.get("name") != "stderr", output.get("text")

    version = data_of(cell_with(notebook, "argmap.__version__"), "text/plain")
    import argmap

    assert version == [repr(argmap.__version__)]

    # the map shows as its diagram (the test environment has dot or argmap[wasm])
    [svg] = data_of(cell_with(notebook, "m = b.build()\nm"), "image/svg+xml")
    assert "The purchase may drive Turkey" in svg
    [page] = data_of(cell_with(notebook, "m = b.build()\nm"), "text/html")
    assert 'class="argmap-page"' in page  # and the interactive page, which Jupyter shows

    [clean] = data_of(cell_with(notebook, "check(m)"), "text/html")
    assert "ok: no problems" in clean
    [flawed] = data_of(cell_with(notebook, "report = check(flawed.build())\nreport"), "text/html")
    assert "circular-support" in flawed
    assert "not ok: 1 error, 1 warning" in flawed

    [labels] = data_of(cell_with(notebook, "evaluation = evaluate(m)\nevaluation"), "text/html")
    assert "grounded semantics" in labels
    [coloured] = data_of(
        cell_with(notebook, "picture = SVG(filename=drawing)\npicture"), "image/svg+xml"
    )
    assert "<svg" in coloured
    [changes] = data_of(cell_with(notebook, 'what_if(m, reject=["leverage"])'), "text/html")
    assert "what if leverage is rejected?" in changes

    argdown = cell_with(notebook, "check(debate)")
    assert any("cars" in svg for svg in data_of(argdown, "image/svg+xml"))
    assert data_of(argdown, "text/html")

    primer = cell_with(notebook, 'print(f"{primer} is not here: skipping it")')
    if (FIXTURES / "argdown" / "argdown-primer" / "argdown-primer.argdown").is_file():
        assert data_of(primer, "image/svg+xml")
        assert data_of(primer, "text/html")
    else:
        assert "is not here" in "".join(o.get("text", "") for o in outputs(primer))
    # the kernel ran this very interpreter
    assert "".join(o.get("text", "") for o in outputs(probe)).strip() == sys.executable
