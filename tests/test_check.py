"""check(): every rule, its code and ids, no false positives, no recursion limits."""

from __future__ import annotations

import attrs
import pytest
from hypothesis import Phase, find, given, settings
from hypothesis import strategies as st

from argmap import (
    CODES,
    ArgumentMap,
    Conflict,
    Inference,
    Location,
    MapBuilder,
    Quote,
    Report,
    Statement,
    check,
)
from argmap._scheme_checks import SCHEME_CODES
from argmap._source_checks import SOURCE_CODES
from argmap.strategies import DEFECTS, argument_maps


def chain(n: int) -> ArgumentMap:
    """s0 <- s1 <- ... <- s(n-1): a support chain, thesis s0."""
    return ArgumentMap(
        statements=[Statement(f"s{k}", f"statement {k}") for k in range(n)],
        inferences=[Inference(f"i{k}", (f"s{k + 1}",), f"s{k}") for k in range(n - 1)],
        theses=("s0",),
    )


def with_(m: ArgumentMap, *nodes: Statement | Inference | Conflict) -> ArgumentMap:
    return attrs.evolve(
        m,
        statements=[*m.statements.values(), *(n for n in nodes if isinstance(n, Statement))],
        inferences=[*m.inferences.values(), *(n for n in nodes if isinstance(n, Inference))],
        conflicts=[*m.conflicts.values(), *(n for n in nodes if isinstance(n, Conflict))],
    )


def test_a_clean_map_reports_nothing() -> None:
    report = check(chain(5))
    assert report.ok
    assert report.problems == ()
    assert str(report) == "ok"


def test_every_code_has_a_severity() -> None:
    assert set(CODES.values()) <= {"error", "warning", "info"}
    assert set(DEFECTS) <= set(CODES)


# -- circular support --------------------------------------------------------------------


def test_a_cycle_is_reported_once_in_order() -> None:
    m = with_(chain(4), Inference("back", ("s0",), "s2"))
    problems = check(m).of("circular-support")
    assert [p.ids for p in problems] == [("s0", "s2", "s1")]
    assert "'s0' -> 's2' -> 's1' -> 's0'" in problems[0].message
    assert problems[0].severity == "error"


def test_self_support_is_a_cycle() -> None:
    m = with_(chain(2), Inference("loop", ("s1",), "s1"))
    assert [p.ids for p in check(m).of("circular-support")] == [("s1",)]


def test_two_cycles_through_one_statement_are_both_reported() -> None:
    m = with_(chain(3), Inference("b1", ("s0",), "s1"), Inference("b2", ("s0",), "s2"))
    cycles = {p.ids for p in check(m).of("circular-support")}
    assert cycles == {("s0", "s1"), ("s0", "s2", "s1")}


def test_many_cycles_are_capped_with_a_summary() -> None:
    n = 12
    statements = [Statement(f"k{a}", "x") for a in range(n)]
    complete = [
        Inference(f"i{a}_{b}", (f"k{a}",), f"k{b}") for a in range(n) for b in range(n) if a != b
    ]
    m = ArgumentMap(statements=statements, inferences=complete, theses=("k0",))
    problems = check(m).of("circular-support")
    assert 100 < len(problems) <= 102
    assert "more circular support" in problems[-1].message


def test_a_support_chain_of_100000_statements_checks_without_recursion_error() -> None:
    m = chain(100_000)
    assert check(m).ok
    looped = with_(m, Inference("back", ("s0",), "s99999"))
    [problem] = check(looped).of("circular-support")
    assert len(problem.ids) == 100_000


# -- local contradictions ----------------------------------------------------------------


def linked() -> MapBuilder:
    b = MapBuilder("linked")
    b.claim("c", "conclusion", thesis=True)
    b.premise("p", "first premise")
    b.premise("q", "second premise")
    b.support("c", ["p", "q"], id="i")
    return b


def test_premises_in_conflict_are_reported() -> None:
    b = linked()
    b.counter("q", "p")
    [problem] = check(b.build()).of("contradictory-premises")
    assert problem.ids == ("p", "q", "i")


def test_a_contradiction_between_premises_is_reported_once() -> None:
    b = linked()
    b.contradict("p", "q")
    assert len(check(b.build()).of("contradictory-premises")) == 1


def test_a_premise_against_its_own_conclusion_is_reported() -> None:
    b = linked()
    b.counter("p", "c")
    [problem] = check(b.build()).of("contradictory-premises")
    assert problem.ids == ("p", "c", "i")


def test_support_and_attack() -> None:
    b = linked()
    b.counter("c", "p")
    report = check(b.build())
    [problem] = report.of("support-and-attack")
    assert problem.ids == ("p", "c")
    assert "contradictory-premises" in report.codes


def test_a_premise_undercutting_its_own_inference_is_support_and_attack() -> None:
    b = linked()
    b.counter("i", "q")
    [problem] = check(b.build()).of("support-and-attack")
    assert problem.ids == ("q", "i")


def test_self_conflict() -> None:
    b = linked()
    b.counter("q", "q", id="own")
    [problem] = check(b.build()).of("self-conflict")
    assert problem.ids == ("q", "own")
    assert "support-and-attack" not in check(b.build()).codes


# -- shape, provenance and references ----------------------------------------------------


def test_disconnected_and_no_thesis() -> None:
    m = with_(chain(3), Statement("alone", "nobody links me"))
    [problem] = check(m).of("disconnected")
    assert problem.ids == ("alone",)
    assert problem.severity == "warning"
    assert check(m).ok
    no_thesis = check(attrs.evolve(m, theses=()))
    assert no_thesis.codes == {"no-thesis"}


def test_statements_reached_only_through_conflicts_are_connected() -> None:
    b = linked()
    b.claim("objection", "an objection to the thesis")
    b.counter("c", "objection")
    b.claim("reply", "a reply to the objection")
    b.counter("objection", "reply")
    b.claim("attacked", "something the thesis speaks against")
    b.counter("attacked", "c")
    assert check(b.build()).problems == ()


def test_quotes_are_checked_against_the_source() -> None:
    b = MapBuilder("q", source="The quick brown fox.")
    b.claim("a", "A fox.", quote="quick brown fox", thesis=True)
    b.claim("b", "A dog.", quote="lazy dog")
    b.counter("a", "b")
    m = b.build()
    [problem] = check(m).of("quote-not-found")
    assert problem.ids == ("b",)
    assert "'lazy dog'" in problem.message
    moved = attrs.evolve(
        m.statements["a"], quote=Quote("quick brown fox", 0, 15)
    )  # offsets that do not match
    bad_offsets = attrs.evolve(m, statements=[moved, m.statements["b"]])
    assert {p.ids for p in check(bad_offsets).of("quote-not-found")} == {("a",), ("b",)}


def test_without_a_source_quotes_are_unchecked_and_said_so() -> None:
    b = MapBuilder("q")
    b.claim("a", "A fox.", quote="quick brown fox", thesis=True)
    report = check(b.build())
    assert report.ok
    [problem] = report.problems
    assert (problem.code, problem.severity) == ("quotes-unchecked", "info")


def test_unknown_references_and_duplicates_in_a_hand_made_map() -> None:
    m = ArgumentMap(
        statements=[Statement("a", "a"), Statement("x", "x")],
        inferences=[Inference("x", ("ghost",), "a"), Inference("e", (), "a")],
        conflicts=[Conflict("c", "a", "void")],
        theses=("a", "nobody"),
    )
    report = check(m)
    assert {p.code for p in report.errors} == {"unknown-reference", "duplicate-id", "no-premises"}
    named = {p.ids[0] for p in report.of("unknown-reference")}
    assert named == {"ghost", "void", "nobody"}


def test_empty_text_warns() -> None:
    m = ArgumentMap(statements=[Statement("a", "  ")], theses=("a",))
    assert check(m).codes == {"empty-text"}


def test_everything_is_reported_not_only_the_first() -> None:
    b = linked()
    b.counter("q", "p")
    b.counter("q", "q")
    b.support("p", "c")
    codes = check(b.build()).codes
    assert {"contradictory-premises", "self-conflict", "circular-support"} <= codes


# -- positions ---------------------------------------------------------------------------


def test_incoherent_positions() -> None:
    b = linked()
    b.claim("o", "objection")
    b.contradict("o", "c")
    m = b.build()
    report = check(m, position={"p": True, "q": True, "c": False})
    [problem] = report.of("incoherent-position")
    assert problem.ids == ("i", "p", "q", "c")
    both = check(m, position={"o": True, "c": True}).of("incoherent-position")
    assert len(both) == 1
    assert set(both[0].ids[:2]) == {"o", "c"}
    assert check(m, position={"p": True, "c": False}).ok
    assert check(m, position={"p": True, "q": True, "c": True}).ok
    unknown = check(m, position={"zzz": True})
    assert unknown.codes == {"unknown-reference"}


# -- the report --------------------------------------------------------------------------


def test_report_prints_one_line_per_problem_and_a_summary() -> None:
    b = linked()
    b.counter("q", "p")
    b.premise("lonely", "nobody")
    report = check(b.build())
    lines = str(report).splitlines()
    assert len(lines) == len(report.problems) + 1
    assert lines[0].startswith("error contradictory-premises: ")
    assert lines[-1] == "not ok: 1 error, 1 warning"
    assert report.errors[0].severity == "error"
    assert len(report) == 2
    assert [p.code for p in report] == ["contradictory-premises", "disconnected"]


def test_problems_carry_file_locations_when_the_map_has_them() -> None:
    m = with_(chain(2), Statement("alone", "x"))
    located = attrs.evolve(m, locations={"alone": Location("map.json", 7, 3)})
    [problem] = check(located).problems
    assert (problem.line, problem.column) == (7, 3)
    assert str(problem).startswith("map.json:7:3: warning disconnected: ")


def test_report_from_problems_puts_errors_first() -> None:
    report = check(with_(chain(2), Statement("alone", "x"), Conflict("own", "s1", "s1")))
    assert [p.severity for p in report] == ["error", "warning"]
    assert isinstance(report, Report)


# -- properties --------------------------------------------------------------------------


FAITHFULNESS = frozenset(SCHEME_CODES) | frozenset(SOURCE_CODES)
"""The codes of schemes and of the source text (tests/test_check_schemes.py and
tests/test_check_source.py): generated maps carry free scheme names and random texts."""


@given(argument_maps())
def test_generated_consistent_maps_check_clean(m: ArgumentMap) -> None:
    report = check(m)
    assert [p for p in report if p.code not in FAITHFULNESS] == [], str(report)


@given(argument_maps(consistent=False))
def test_check_never_crashes_on_inconsistent_maps(m: ArgumentMap) -> None:
    report = check(m)
    assert report.ok == (not report.errors)


@given(argument_maps(min_statements=3), st.data())
def test_an_added_cycle_is_reported_with_its_statements(
    m: ArgumentMap, data: st.DataObject
) -> None:
    statements = list(m.statements)
    a = data.draw(st.sampled_from(statements))
    b = data.draw(st.sampled_from([s for s in statements if s != a]))
    looped = with_(m, Inference("there", (a,), b), Inference("back", (b,), a))
    cycles = check(looped).of("circular-support")
    assert any(set(p.ids) >= {a, b} for p in cycles)


@given(argument_maps(), st.data())
def test_added_conflicting_premises_are_reported(m: ArgumentMap, data: st.DataObject) -> None:
    conclusion = data.draw(st.sampled_from(list(m.statements)))
    spoiled = with_(
        m,
        Statement("p1", "one"),
        Statement("p2", "two"),
        Inference("joint", ("p1", "p2"), conclusion),
        Conflict("clash", "p2", "p1"),
    )
    [problem] = check(spoiled).of("contradictory-premises")
    assert problem.ids == ("p1", "p2", "joint")


@given(argument_maps(), st.data())
def test_an_added_self_conflict_is_reported(m: ArgumentMap, data: st.DataObject) -> None:
    victim = data.draw(st.sampled_from(list(m.statements)))
    [problem] = check(with_(m, Conflict("own", victim, victim))).of("self-conflict")
    assert problem.ids == (victim, "own")


@given(argument_maps(), st.data())
def test_added_support_and_attack_is_reported(m: ArgumentMap, data: st.DataObject) -> None:
    target = data.draw(st.sampled_from(list(m.statements)))
    spoiled = with_(
        m,
        Statement("two_faced", "both ways"),
        Inference("helps", ("two_faced",), target),
        Conflict("hurts", "two_faced", target),
    )
    [problem] = check(spoiled).of("support-and-attack")
    assert problem.ids == ("two_faced", target)


@pytest.mark.parametrize("defect", DEFECTS)
def test_inconsistent_maps_can_plant_every_defect(defect: str) -> None:
    quick = settings(phases=[Phase.generate], max_examples=5000, database=None)
    maps = argument_maps(max_statements=6, consistent=False)
    found = find(maps, lambda m: defect in check(m).codes, settings=quick)
    assert defect in check(found).codes


def test_an_attack_on_a_conflict_is_a_known_connected_undercut() -> None:
    b = linked()
    b.claim("o", "objection")
    attack = b.counter("c", "o")
    b.claim("meta", "the objection misses the point")
    b.counter(attack, "meta", id="meta_attack")
    m = b.build()
    assert m.kind("meta_attack") == "undercut"
    assert check(m).problems == ()
