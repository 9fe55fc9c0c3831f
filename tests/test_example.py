"""The shipped example: the S-400 article's map, checked clean and anchored in the text.

The map's shape is tested on every run; its quotes are verified against the article
only when ``$ARGMAP_ARTICLE`` names it (the article is not in the repository).
"""

from __future__ import annotations

import importlib
import os
import pathlib
import subprocess
import sys

import pytest

from argmap import ArgumentMap, check, to_dot

import turkey_s400
from conftest import article_text

ROOT = pathlib.Path(__file__).resolve().parent.parent
THEMES = ("leverage", "betrayal", "technical doubts")


@pytest.fixture(scope="module")
def article_map() -> ArgumentMap:
    """The map with its quotes located in the article (skips without the article)."""
    return turkey_s400.build_map(article_text())


@pytest.fixture(scope="module")
def shaped_map() -> ArgumentMap:
    """The map without its source: everything but the quotes' offsets."""
    return turkey_s400.build_map()


def test_the_article_map_checks_clean(article_map: ArgumentMap) -> None:
    report = check(article_map)
    assert report.problems == (), str(report)


def test_every_statement_is_anchored_to_a_short_verbatim_quote(
    article_map: ArgumentMap, article: str
) -> None:
    for statement in article_map.statements.values():
        assert statement.quote is not None, statement.id
        assert statement.quote.text in article, statement.id
        assert len(statement.quote.text.split()) <= 15, statement.id
        assert statement.quote.start is not None
        assert article[statement.quote.start : statement.quote.end] == statement.quote.text
        assert statement.text != statement.quote.text, f"{statement.id} is not in own words"


def test_it_has_the_required_shape(shaped_map: ArgumentMap) -> None:
    m = shaped_map
    assert len(m.statements) >= 25
    assert any(len(i.premises) >= 2 for i in m.inferences.values())
    kinds = {m.kind(c) for c in m.conflicts}
    assert {"undercut", "rebuttal"} <= kinds
    tags = {tag for s in m.statements.values() for tag in s.tags}
    assert set(THEMES) <= tags
    assert m.theses


def test_it_holds_the_articles_lines_of_argument(shaped_map: ArgumentMap) -> None:
    m = shaped_map
    [thesis] = m.theses
    assert "West" in m.statements[thesis].text
    # the leverage theory counters the drift reading, backed by the Eurosam evidence
    leverage = m.statements["leverage"]
    assert "leverage" in leverage.tags
    assert any(m.kind(c.id) == "undercut" for c in m.attacks("leverage"))
    assert any("Eurosam" in m.statements[p].text for p in m.premises("leverage"))
    # the sense of betrayal after the coup attempt is a linked argument
    betrayal = [i for i in m.inferences.values() if i.label == "sense of betrayal"]
    assert betrayal
    assert len(betrayal[0].premises) >= 2
    assert all("betrayal" in m.statements[p].tags for p in betrayal[0].premises)
    # technical doubts counter the interoperability plan
    doubts = [s for s in m.statements.values() if "technical doubts" in s.tags]
    assert any(m.attacks(s.id) for s in doubts)
    assert "interop" in next(c.target for s in doubts for c in m.attacks(s.id))
    # the other counterpoints and the article's rebuttal of the officials' denial
    texts = " ".join(s.text for s in m.statements.values())
    for needle in ("NATO Treaty", "S-300", "Chinese", "technology", "Patriot"):
        assert needle in texts
    assert m.attacks("no_treaty_rule")
    assert m.attacks("greece_precedent")
    assert [c.source for c in m.attackers("no_alternative")] == ["alternatives_message"]


def test_it_builds_without_the_article_and_says_quotes_are_unchecked() -> None:
    m = turkey_s400.build_map()
    report = check(m)
    assert report.ok
    assert report.codes == {"quotes-unchecked"}


def test_importing_the_example_has_no_side_effects(tmp_path: pathlib.Path) -> None:
    code = "import turkey_s400"
    done = subprocess.run(
        [sys.executable, "-c", code],
        cwd=tmp_path,
        env={"PYTHONPATH": f"{ROOT / 'examples'}:{ROOT}"},
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout == ""
    assert not list(tmp_path.iterdir())
    importlib.reload(turkey_s400)


def _run_script(*args: str, article: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "ARGMAP_ARTICLE"}
    if article is not None:
        env["ARGMAP_ARTICLE"] = article
    return subprocess.run(
        [sys.executable, str(ROOT / "examples" / "turkey_s400.py"), *args],
        capture_output=True,
        text=True,
        check=False,
        env=env,
    )


def test_the_script_checks_and_renders_with_the_article(tmp_path: pathlib.Path) -> None:
    article_text()
    target = tmp_path / "out" / "map.dot"
    done = _run_script("-o", str(target), article=os.environ["ARGMAP_ARTICLE"])
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[0] == "ok"
    assert target.read_text("utf-8").startswith("digraph")


def test_the_script_takes_the_article_from_source(tmp_path: pathlib.Path) -> None:
    # Without the article, a stand-in source made of the map's own quotes: every quote is
    # found in it, so the check is clean only if --source was read.
    quotes = [s.quote.text for s in turkey_s400.build_map().statements.values() if s.quote]
    source = tmp_path / "article.txt"
    source.write_text("\n\n".join(quotes), encoding="utf-8")
    target = tmp_path / "map.dot"
    done = _run_script("--source", str(source), "-o", str(target))
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[0] == "ok", done.stdout


def test_the_script_runs_without_the_article_and_says_so(tmp_path: pathlib.Path) -> None:
    target = tmp_path / "map.dot"
    done = _run_script("-o", str(target))
    assert done.returncode == 0, done.stderr
    assert "quotes-unchecked" in done.stdout
    assert "ARGMAP_ARTICLE" in done.stderr
    assert target.read_text("utf-8").startswith("digraph")


def test_a_missing_source_file_is_an_error_not_a_silent_skip(tmp_path: pathlib.Path) -> None:
    done = _run_script("--source", str(tmp_path / "nowhere.txt"), "-o", str(tmp_path / "m.dot"))
    assert done.returncode == 2
    assert done.stderr.startswith("error: ")
    assert "Traceback" not in done.stderr
    assert not (tmp_path / "m.dot").exists()


def test_the_script_reports_errors_in_one_line(tmp_path: pathlib.Path) -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "examples" / "turkey_s400.py"), "-o", str(tmp_path / "x.bmp")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 2
    lines = done.stderr.splitlines()
    assert [line for line in lines if line.startswith("error: ")] == [lines[-1]]
    assert all(line.startswith(("note: ", "error: ")) for line in lines)
    assert "Traceback" not in done.stderr


def test_the_diagram_shows_the_themes_as_clusters(shaped_map: ArgumentMap) -> None:
    source = to_dot(shaped_map).source
    for theme in THEMES:
        assert f"label=<<I>{theme}</I>>" in source
