"""The README's Python example runs, and its picture is the one it draws."""

from __future__ import annotations

import os
import pathlib
import re

import pytest

ROOT = pathlib.Path(__file__).resolve().parent.parent


def readme_example() -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    [code] = re.findall(r"```python\n(.*?)```", text, flags=re.DOTALL)
    return code


@pytest.mark.dot
def test_the_readme_example_runs_and_draws_its_picture(
    tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    exec(compile(readme_example(), "README.md", "exec"), {})
    assert capsys.readouterr().out == "ok\n"
    drawn = (tmp_path / "s400.svg").read_text("utf-8")
    picture = ROOT / "docs" / "images" / "readme_example.svg"
    if os.environ.get("ARGMAP_UPDATE_GOLDEN") == "1":
        picture.write_text(drawn, encoding="utf-8")
    assert "The purchase may drive Turkey" in picture.read_text("utf-8")
    assert drawn.count('<g id="node') == picture.read_text("utf-8").count('<g id="node')
