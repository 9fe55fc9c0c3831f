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

from argmap import ArgumentMap, check, evaluate, to_dot
from argmap.build import SAYING_SLOTS
from argmap.schemes import SCHEMES
from argmap.whatif import what_if

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
    assert [p for p in report.problems if p.severity != "info"] == [], str(report)
    assert report.codes <= {"open-critical-question", "source-coverage", "unanchored-relation"}


def test_every_statement_is_anchored_to_a_short_verbatim_quote(
    article_map: ArgumentMap, article: str
) -> None:
    for statement in article_map.statements.values():
        if "implicit" in statement.tags:
            # what the article only implies is put into words, with no borrowed quote
            assert statement.quote is None, statement.id
            continue
        assert statement.quote is not None, statement.id
        assert article.count(statement.quote.text) == 1, statement.id
        assert len(statement.quote.text.split()) <= 15, statement.id
        assert statement.quote.start is not None
        assert article[statement.quote.start : statement.quote.end] == statement.quote.text
        assert statement.text != statement.quote.text, f"{statement.id} is not in own words"


def test_every_anchor_is_in_the_article(article_map: ArgumentMap, article: str) -> None:
    nodes = [*article_map.inferences.values(), *article_map.conflicts.values()]
    for node in nodes:
        anchor = node.data.get("anchor")
        assert anchor is None or anchor in article, node.id
        assert anchor is not None or node.implicit or _from_saying(article_map, node.id), node.id


def _from_saying(m: ArgumentMap, id: str) -> bool:
    inference = m.inferences.get(id)
    return inference is not None and inference.scheme in SAYING_SLOTS


def test_it_has_the_required_shape(shaped_map: ArgumentMap) -> None:
    m = shaped_map
    assert len(m.statements) >= 40
    assert any(len(i.premises) >= 2 for i in m.inferences.values())
    kinds = {m.kind(c) for c in m.conflicts}
    assert {"undercut", "rebuttal"} <= kinds
    tags = {tag for s in m.statements.values() for tag in s.tags}
    assert set(THEMES) <= tags
    assert {"thesis line", "background"} <= tags
    assert m.theses == ("thesis",)


def test_every_inference_has_a_catalogued_scheme_with_its_slots(shaped_map: ArgumentMap) -> None:
    for inference in shaped_map.inferences.values():
        assert inference.scheme in SCHEMES, inference.id
        slots = {slot.key for slot in SCHEMES[inference.scheme].premises}
        unstated = set(inference.data.get("unstated", ()))
        assert set(inference.slots) <= slots, inference.id
        assert set(inference.slots.values()) <= set(inference.premises), inference.id
        # every slot is filled by a premise, or declared left unsaid by the text
        assert set(inference.slots) | unstated == slots, inference.id
        assert not set(inference.slots) & unstated, inference.id


def test_every_raised_question_and_declared_kind_fits(shaped_map: ArgumentMap) -> None:
    m = shaped_map
    for conflict in m.conflicts.values():
        assert conflict.kind == m.kind(conflict.id), conflict.id
        if conflict.question is not None:
            scheme = SCHEMES[m.inferences[conflict.target].scheme or ""]
            assert conflict.question in {q.key for q in scheme.critical_questions}


def test_reported_views_stand_on_their_sayings(shaped_map: ArgumentMap) -> None:
    m = shaped_map
    reported = [s for s in m.statements.values() if s.stance in ("reported", "conceded")]
    assert len(reported) >= 10
    for statement in reported:
        assert statement.speaker, statement.id
        if statement.id == "plan_viable":
            continue  # implied by Ankara's plan, reached through the plan's two reasons
        sources = [
            i
            for i in m.inferences.values()
            if i.conclusion == statement.id and _from_saying(m, i.id)
        ]
        assert sources, f"{statement.id} is reported but stands on no saying"
        for inference in sources:
            saying = m.statements[inference.slots[SAYING_SLOTS[inference.scheme or ""]]]
            assert (saying.speaker, saying.stance) == (None, "asserted"), statement.id
    # the author's own hedges stay in the text
    assert m.statements["thesis"].stance == "hedged"
    assert m.statements["closer_to_russia"].stance == "hedged"
    assert "possible" in m.statements["closer_to_russia"].text
    assert "significant consequences" in m.statements["strain_ties"].text


def test_the_leverage_theory_is_conceded_and_answered(shaped_map: ArgumentMap) -> None:
    m = shaped_map
    leverage = m.statements["leverage"]
    assert (leverage.stance, leverage.speaker) == ("conceded", "some (unnamed)")
    assert "leverage" in leverage.tags
    [source] = [
        i for i in m.inferences.values() if i.conclusion == "leverage" and i.id.startswith("some")
    ]
    assert source.premises == ("some_argue",)
    # the Eurosam facts are cumulative evidence: two convergent inferences
    eurosam = [i for i in m.inferences.values() if i.conclusion == "leverage" and i is not source]
    assert sorted(i.premises for i in eurosam) == [("eurosam_deal",), ("eurosam_list",)]
    # "That said": it raises interfering causes against the thesis line ...
    [undercut] = m.attacks("leverage")
    assert m.kind(undercut.id) == "undercut"
    assert m.inferences[undercut.target].conclusion == "thesis"
    assert undercut.question == "interference"
    # ... and "than anyone expects" answers it
    assert [c.source for c in m.attackers(undercut.id)] == ["beyond_expectations"]


def test_the_experts_doubts_are_expert_opinion_with_independent_grounds(
    shaped_map: ArgumentMap,
) -> None:
    m = shaped_map
    doubt = m.statements["iff_doubtful"]
    assert doubt.stance == "reported"
    assert doubt.speaker
    expert = [i for i in m.inferences.values() if i.scheme == "expert-opinion"]
    assert {i.conclusion for i in expert} == {"iff_doubtful", "iff_hard", "standalone_cost"}
    for inference in expert:
        assert set(inference.slots) == {"expert", "assertion"}
    grounds = [
        i.premises
        for i in m.inferences.values()
        if i.conclusion == "iff_doubtful" and i not in expert
    ]
    assert sorted(grounds) == [("iff_hard",), ("standalone_cost",)]
    # the doubts rebut the plan's viability, not an invented claim
    assert [c.target for c in m.attacks("iff_doubtful")] == ["plan_viable"]
    assert "interop_plan" not in m.statements


def test_the_open_question_is_left_open(shaped_map: ArgumentMap) -> None:
    m = shaped_map
    assert [c.source for c in m.attackers("buy_both")] == ["renege"]
    assert [c.source for c in m.attackers("renege")] == ["buy_both"]
    assert {m.statements[id].stance for id in ("buy_both", "renege")} == {"hedged"}
    evaluation = evaluate(m)
    assert evaluation.label("buy_both") == evaluation.label("renege") == "undecided"


def test_no_invented_undercuts_or_attacks_on_the_thesis(shaped_map: ArgumentMap) -> None:
    m = shaped_map
    assert not m.attackers("thesis")
    assert not m.attacks("greece_precedent")
    assert [c.target for c in m.attacks("no_treaty_rule")] == ["treaty_ban"]
    assert [c.source for c in m.attackers("no_alternative")] == ["alternatives_message"]
    undercuts = {c.id for c in m.conflicts.values() if m.kind(c.id) == "undercut"}
    assert undercuts == {
        "leverage_undercut",
        "backfire_answer",
        "iff_difference",
        "both_explains_list",
        "both_explains_deal",
    }
    # explanations are not reasons for the prediction
    thesis_line = {"thesis"} | {
        p for i in m.inferences.values() if i.conclusion == "thesis" for p in i.premises
    }
    assert not {"closer_to_russia", "h_defence", "leverage"} & thesis_line


def test_the_evaluation_follows_the_concession_and_its_answer(shaped_map: ArgumentMap) -> None:
    m = shaped_map
    assert evaluate(m).label("thesis") == "in"

    def thesis_after(**position: list[str]) -> str:
        return what_if(m, gradual=None, **position).after.label("thesis")

    assert thesis_after(accept=["leverage"]) == "in"
    assert thesis_after(reject=["leverage"]) == "in"
    assert thesis_after(reject=["beyond_expectations"]) == "out"
    assert thesis_after(accept=["leverage"], reject=["beyond_expectations"]) == "out"
    # the betrayal explanation changes nothing but itself
    changed = what_if(m, reject=["closer_to_russia"], gradual=None).changes
    assert [c.id for c in changed] == ["closer_to_russia"]


def test_the_summary_and_the_open_questions(shaped_map: ArgumentMap) -> None:
    summary = turkey_s400.evaluation_summary(shaped_map)
    assert summary.splitlines()[0].startswith("thesis under grounded semantics: in;")
    assert "so the thesis goes from in to out" in summary
    assert summary.count("so the thesis stays in") == 2
    questions = turkey_s400.open_questions(shaped_map)
    assert any("'honesty' of 'officials_arg'" in q for q in questions)
    assert any("'premature' of 'eurosam_list_arg'" in q for q in questions)
    # raised and answered questions are not open
    assert not any("'interference' of 'consequences_arg'" in q for q in questions)
    assert not any("'backup-evidence' of 'doubts_expert_arg'" in q for q in questions)


def test_it_builds_without_the_article_and_says_quotes_are_unchecked() -> None:
    m = turkey_s400.build_map()
    report = check(m)
    assert report.ok
    assert report.codes == {"quotes-unchecked", "open-critical-question"}


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
    assert done.stdout.splitlines()[0].startswith("info ")
    assert "ok: " in done.stdout
    assert not [line for line in done.stdout.splitlines() if line.startswith("warning")]
    assert "open critical questions" in done.stdout
    assert "so the thesis goes from in to out" in done.stdout
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
    assert "quotes-unchecked" not in done.stdout
    assert "source-coverage" in done.stdout
    assert "error" not in done.stdout


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


def test_the_script_says_why_the_thesis_stands_and_what_it_stands_or_falls_with(
    tmp_path: pathlib.Path,
) -> None:
    done = _run_script("-o", str(tmp_path / "m.dot"))
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert "Why 'thesis' is in (grounded semantics):" in out
    assert "[leverage_undercut]" in out
    assert "reject beyond_expectations: thesis in -> out" in out
