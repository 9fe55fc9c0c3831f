"""The documentation site: its code runs, prints what the pages say, and covers the API.

Each page's blocks run in order, in one namespace and a fresh working directory, as
``tools/docs_snippets.py`` defines them: python blocks are executed, console blocks run
in bash, titled blocks become files, and "Output" blocks must match what the code
printed. The tutorial and the how-to guides may hold nothing that does not run.
"""

from __future__ import annotations

import importlib
import pathlib
import pkgutil
import re
import sys

import pytest

import argmap

ROOT = pathlib.Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
sys.path.insert(0, str(ROOT / "tools"))

import docs_images  # noqa: E402
import docs_snippets  # noqa: E402

GUIDES = ("tutorial.md", "how-to/")
"""Pages whose every block must run: the tutorial and the how-to guides."""


def _relative(page: pathlib.Path) -> str:
    return page.relative_to(DOCS).as_posix()


def _runnable(page: pathlib.Path) -> bool:
    kinds = {block.kind for block in docs_snippets.blocks(page.read_text(encoding="utf-8"))}
    return bool(kinds & {"python", "console"})


def _page_params() -> list[object]:
    params: list[object] = []
    for page in sorted(DOCS.rglob("*.md")):
        if not _runnable(page):
            continue
        text = page.read_text(encoding="utf-8")
        draws = "render(" in text or "argmap render" in text or "python -m pytest" in text
        marks = [pytest.mark.dot] if draws else []
        params.append(pytest.param(page, id=_relative(page), marks=marks))
    return params


PAGES = _page_params()


def test_the_guides_are_there() -> None:
    names = {_relative(page) for page in DOCS.rglob("*.md")}
    assert {
        "index.md",
        "tutorial.md",
        "how-to/command-line.md",
        "how-to/check-a-corpus.md",
        "how-to/convert-formats.md",
        "how-to/style-diagrams.md",
        "how-to/hypothesis-strategies.md",
        "explanation/model.md",
        "explanation/check-codes.md",
        "explanation/semantics.md",
    } <= names


@pytest.mark.parametrize("page", PAGES)
def test_the_page_runs_and_prints_what_it_says(
    page: pathlib.Path, tmp_path: pathlib.Path, request: pytest.FixtureRequest
) -> None:
    if "read_article" in page.read_text(encoding="utf-8") and docs_snippets.article_path() is None:
        pytest.skip("its outputs are printed with the article: set ARGMAP_ARTICLE=FILE")
    run = docs_snippets.run_page(page, tmp_path)
    assert run.ran > 0
    assert not run.mismatches, "\n\n".join(str(mismatch) for mismatch in run.mismatches)
    figures = docs_images.references(DOCS).get(page, set()) - docs_images.ARTICLE_FIGURES.keys()
    missing = sorted(name for name in figures if not (tmp_path / name).is_file())
    assert not missing, f"the page shows figures its code does not draw: {missing}"


@pytest.mark.dot
def test_the_tutorial_runs_without_the_article(
    tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A reader without the article runs every block, draws every figure, and is told that
    the quotes go unchecked."""
    monkeypatch.delenv("ARGMAP_ARTICLE", raising=False)
    page = DOCS / "tutorial.md"
    run = docs_snippets.run_page(page, tmp_path, compare=False)
    assert run.ran > 0
    figures = docs_images.references(DOCS).get(page, set()) - docs_images.ARTICLE_FIGURES.keys()
    assert figures
    assert all((tmp_path / name).is_file() for name in figures)
    report = run.namespace["report"]
    assert isinstance(report, argmap.Report)
    assert "quotes-unchecked" in report.codes


@pytest.mark.parametrize(
    "page",
    [p for p in sorted(DOCS.rglob("*.md")) if _relative(p).startswith(GUIDES)],
    ids=_relative,
)
def test_every_block_of_a_guide_runs(page: pathlib.Path) -> None:
    found = docs_snippets.blocks(page.read_text(encoding="utf-8"))
    for before, block in zip([None, *found], found, strict=False):
        where = f"{_relative(page)}:{block.line}"
        assert block.kind != "show", f"{where}: a {block.language!r} block that nothing runs"
        if block.kind == "output":
            assert before is not None, f"{where}: output of what?"
            assert before.kind == "python", f"{where}: output of what?"


def test_every_check_code_has_an_example_that_reports_it(tmp_path: pathlib.Path) -> None:
    page = DOCS / "explanation" / "check-codes.md"
    run = docs_snippets.PageRun(page, tmp_path, docs_snippets.new_namespace(tmp_path))
    shown: list[str] = []
    for heading, found in docs_snippets.sections(page.read_text(encoding="utf-8")):
        code = re.fullmatch(r"`([a-z-]+)`", heading)
        run.namespace["report"] = None
        docs_snippets.run_blocks(run, found)
        if code is None or code.group(1) not in argmap.CODES:
            continue
        shown.append(code.group(1))
        report = run.namespace["report"]
        assert isinstance(report, argmap.Report), f"the section {heading} makes no `report`"
        assert code.group(1) in report.codes, f"{heading}: {report}"
    assert sorted(shown) == sorted(argmap.CODES)
    assert not run.mismatches, "\n\n".join(str(mismatch) for mismatch in run.mismatches)


def test_the_table_of_codes_is_CODES() -> None:
    text = (DOCS / "explanation" / "check-codes.md").read_text(encoding="utf-8")
    table = dict(re.findall(r"^\| \[`([a-z-]+)`\]\(#[a-z-]+\) \| (\w+) \|", text, re.M))
    assert table == dict(argmap.CODES)


def test_the_reference_lists_the_public_api() -> None:
    text = (DOCS / "reference" / "index.md").read_text(encoding="utf-8")
    listed = set(re.findall(r"`([A-Za-z_]+)`", text))
    assert set(argmap.__all__) - listed == set()


def _public_modules() -> list[str]:
    names = ["argmap"]
    for info in pkgutil.walk_packages(argmap.__path__, "argmap."):
        if not any(part.startswith("_") for part in info.name.split(".")):
            names.append(info.name)
    return names


def test_every_public_module_has_a_reference_page() -> None:
    documented = {
        match
        for page in (DOCS / "reference").glob("*.md")
        for match in re.findall(r"^::: ([\w.]+)", page.read_text(encoding="utf-8"), re.M)
    }
    missing = [name for name in _public_modules() if name not in documented]
    assert not missing, f"add `::: NAME` to a page of docs/reference/ for {missing}"


def test_generated_figures_are_not_committed() -> None:
    ignore = (DOCS / "images" / "generated" / ".gitignore").read_text(encoding="utf-8")
    assert "*" in ignore.split()
    assert (DOCS / "images" / "turkey_s400.svg").is_file()
    assert (DOCS / "images" / "turkey_s400_evaluated.svg").is_file()


# -- the tools ------------------------------------------------------------------------------


def test_blocks_reads_fences_and_their_attributes() -> None:
    text = (
        '# Page\n\n```python\nx = 1\n```\n\n```text title="Output"\n1\n```\n\n'
        '!!! note\n    ```json title="a/b.json"\n    {}\n    ```\n\n```console\n$ ls\n```\n'
    )
    found = docs_snippets.blocks(text)
    assert [b.kind for b in found] == ["python", "output", "file", "console"]
    assert found[0].line == 4
    assert found[0].text == "x = 1\n"
    assert found[2].title == "a/b.json"
    assert found[2].text == "{}\n"


@pytest.mark.parametrize(
    ("expected", "actual", "ok"),
    [
        ("a\nb\n", "a\nb", True),
        ("a  \n", "a", True),
        ("a\n...\nz", "a\nb\nc\nz\n", True),
        ("a\n...\nz", "a\nz", True),
        ("1 passed in ...", "1 passed in 0.61s", True),
        ("a\nb", "a\nc", False),
        ("a", "a\nb", False),
    ],
)
def test_matches_allows_ellipses(expected: str, actual: str, ok: bool) -> None:
    assert docs_snippets.matches(expected, actual) is ok


def test_a_failing_block_names_the_page_line(tmp_path: pathlib.Path) -> None:
    page = tmp_path / "page.md"
    page.write_text("Text.\n\n```python\nx = 1\nraise ValueError(x)\n```\n", encoding="utf-8")
    with pytest.raises(ValueError, match="1") as caught:
        docs_snippets.run_page(page, tmp_path)
    assert caught.traceback[-1].lineno + 1 == 5


def test_a_console_command_that_fails_fails_the_page(tmp_path: pathlib.Path) -> None:
    page = tmp_path / "page.md"
    page.write_text("```console\n$ false\n```\n", encoding="utf-8")
    with pytest.raises(AssertionError, match="exited 1"):
        docs_snippets.run_page(page, tmp_path)
    page.write_text("```console\n$ false; echo $?\n1\n```\n", encoding="utf-8")
    assert not docs_snippets.run_page(page, tmp_path).mismatches


def test_update_rewrites_expected_output(tmp_path: pathlib.Path) -> None:
    page = tmp_path / "page.md"
    page.write_text(
        '```python\nprint("new")\n```\n\n```text title="Output"\nold\n```\n\n'
        "```console\n$ echo hi\nho\n$ echo same\nsame\n```\n",
        encoding="utf-8",
    )
    run = docs_snippets.run_page(page, tmp_path)
    assert len(run.mismatches) == 2
    assert docs_snippets.update(page, run) == 2
    assert not docs_snippets.run_page(page, tmp_path).mismatches
    assert "$ echo same\nsame\n" in page.read_text(encoding="utf-8")


def test_the_griffe_extension_turns_rest_into_markdown() -> None:
    pytest.importorskip("griffe")
    docs_griffe = importlib.import_module("docs_griffe")
    text = (
        "See :func:`check` and `Argdown <https://argdown.org>`_::\n\n"
        "    from argmap import check\n\n"
        "=====  ======\nname   value\n=====  ======\n``a``  one\n       more\nb      two\n"
        "=====  ======\n\n>>> 1 + 1\n2\n"
    )
    assert docs_griffe.markdown(text) == (
        "See `check()` and [Argdown](https://argdown.org):\n\n"
        "```python\nfrom argmap import check\n```\n\n"
        "| name | value |\n| --- | --- |\n| ``a`` | one more |\n| b | two |\n\n"
        "```pycon\n>>> 1 + 1\n2\n```\n"
    )
