"""check() on schemes, slots, critical questions and declared conflict kinds."""

from __future__ import annotations

import attrs
from hypothesis import given
from hypothesis import strategies as st

from argmap import CODES, ArgumentMap, Conflict, Inference, MapBuilder, check
from argmap._scheme_checks import SCHEME_CODES
from argmap.schemes import SCHEMES
from argmap.strategies import argument_maps


def expert_map(
    *,
    scheme: str | None = "expert-opinion",
    slots: dict[str, str] | None = None,
    data: dict[str, object] | None = None,
    question: str | None = None,
) -> ArgumentMap:
    b = MapBuilder("Experts")
    b.claim("hard", "Running the S-400 alone is hard.", thesis=True)
    b.premise("said", "Experts say that running the S-400 alone is hard.")
    b.premise("expert", "They are experts on air defence.")
    b.support(
        "hard",
        ["said", "expert"],
        id="arg",
        scheme=scheme,
        slots=slots if slots is not None else {"assertion": "said", "expert": "expert"},
        data=data,
    )
    if question is not None:
        b.premise("biased", "They sell a rival system.")
        b.counter("arg", "biased", id="q", question=question)
    return b.build()


def codes(m: ArgumentMap) -> list[str]:
    return [p.code for p in check(m)]


def test_the_codes_are_in_CODES() -> None:
    assert dict(SCHEME_CODES).items() <= dict(CODES).items()


def test_a_well_filled_scheme_has_only_its_open_questions() -> None:
    report = check(expert_map())
    assert {p.code for p in report} == {"open-critical-question"}
    assert [p.ids for p in report] == [("arg",)] * 3
    texts = [p.message for p in report]
    assert any("Is E's assertion based on evidence?" in text for text in texts)
    assert all(p.severity == "info" for p in report)


def test_an_unknown_scheme_names_the_nearest_keys() -> None:
    (problem,) = check(expert_map(scheme="expert opinon", slots={})).of("unknown-scheme")
    assert problem.ids == ("arg",)
    assert problem.severity == "warning"
    assert "'expert-opinion'" in problem.message


def test_corpus_labels_rephrase_generic_and_none_are_not_unknown() -> None:
    for name in (
        "ExpertOpinion",
        "Argument from Expert Opinion",
        "rephrase",
        None,
        "Default Inference",
    ):
        assert "unknown-scheme" not in codes(expert_map(scheme=name))
    assert "open-critical-question" in codes(expert_map(scheme="ExpertOpinion"))
    assert codes(expert_map(scheme="rephrase")) == []


def test_a_missing_slot_is_a_warning_per_slot() -> None:
    problems = check(expert_map(slots={"assertion": "said"})).of("missing-scheme-premise")
    assert [p.ids for p in problems] == [("arg",)]
    assert "'expert'" in problems[0].message
    assert len(check(expert_map(slots={})).of("missing-scheme-premise")) == 2


def test_an_unstated_slot_is_not_missing_but_its_question_is_open() -> None:
    m = expert_map(slots={"assertion": "said"}, data={"unstated": ["expert"]})
    report = check(m)
    assert "missing-scheme-premise" not in report.codes
    assert any(
        "unstated premise 'expert'" in p.message for p in report.of("open-critical-question")
    )


def test_a_slot_the_scheme_lacks_or_filled_by_a_non_premise_is_invalid() -> None:
    wrong = check(expert_map(slots={"assertion": "said", "expert": "expert", "evil": "said"}))
    assert [p.ids for p in wrong.of("invalid-slot")] == [("arg",)]
    assert not wrong.ok
    outside = check(expert_map(slots={"assertion": "hard", "expert": "expert"}))
    assert [p.ids for p in outside.of("invalid-slot")] == [("arg", "hard")]


def test_a_raised_or_answered_question_is_not_open() -> None:
    def open_keys(m: ArgumentMap) -> set[str]:
        return {p.message.split("'")[1] for p in check(m).of("open-critical-question")}

    assert open_keys(expert_map()) == {"trustworthiness", "consistency", "backup-evidence"}
    assert open_keys(expert_map(question="trustworthiness")) == {"consistency", "backup-evidence"}
    assert open_keys(expert_map(data={"answered": ["consistency"]})) == {
        "trustworthiness",
        "backup-evidence",
    }
    assert open_keys(expert_map(data={"answered": {"backup-evidence": "said"}})) == {
        "trustworthiness",
        "consistency",
    }


def test_a_question_the_scheme_does_not_have_is_unknown() -> None:
    (problem,) = check(expert_map(question="honesty")).of("unknown-question")
    assert problem.ids == ("q", "arg")
    assert "'trustworthiness'" in problem.message
    assert "unknown-question" not in codes(expert_map(question="expert"))  # a slot's question
    assert "unknown-question" in codes(expert_map(scheme="no such", question="honesty"))


def test_a_question_on_a_statement_is_unknown() -> None:
    b = MapBuilder("q")
    b.claim("t", "T.", thesis=True)
    b.premise("c", "C.")
    b.counter("t", "c", question="honesty")
    assert [p.ids for p in check(b.build()).of("unknown-question")] == [("con1", "t")]


def test_declared_kinds() -> None:
    b = MapBuilder("kinds")
    b.claim("t", "T.", thesis=True)
    b.premise("p", "P.")
    b.support("t", "p", id="arg")
    for id in ("r", "u", "x"):
        b.premise(id, id.upper() + ".")
    b.counter("t", "r", kind="rebuttal")
    b.counter("p", "u", kind="rebuttal", id="wrong")
    b.counter("arg", "x", kind="undercut")
    (problem,) = check(b.build()).of("conflict-kind-mismatch")
    assert problem.ids == ("wrong", "p")
    assert "declared a rebuttal" in problem.message
    assert "an undermining of 'p'" in problem.message


def test_adding_a_supporter_turns_a_declared_undermining_into_a_mismatch() -> None:
    b = MapBuilder("kinds")
    b.claim("t", "T.", thesis=True)
    b.premise("p", "P.")
    b.support("t", "p")
    b.premise("u", "U.")
    b.counter("p", "u", kind="undermining")
    assert "conflict-kind-mismatch" not in codes(b.build())
    b.premise("q", "Q.")
    b.support("p", "q")
    assert "conflict-kind-mismatch" in codes(b.build())


# -- properties ------------------------------------------------------------------------


def _with_kinds(m: ArgumentMap, declare: str) -> ArgumentMap:
    conflicts = []
    for c in m.conflicts.values():
        actual = m.kind(c.id)
        kind = (
            actual
            if declare == "same"
            else next(k for k in ("rebuttal", "undermining", "undercut") if k != actual)
        )
        conflicts.append(Conflict(c.id, c.source, c.target, kind=kind))  # type: ignore[arg-type]
    return ArgumentMap(
        title=m.title,
        statements=m.statements.values(),
        inferences=m.inferences.values(),
        conflicts=conflicts,
        theses=m.theses,
        source=m.source,
    )


@given(argument_maps())
def test_declaring_the_structural_kind_never_mismatches(m: ArgumentMap) -> None:
    assert "conflict-kind-mismatch" not in codes(_with_kinds(m, "same"))


@given(argument_maps())
def test_declaring_another_kind_always_mismatches(m: ArgumentMap) -> None:
    problems = check(_with_kinds(m, "other")).of("conflict-kind-mismatch")
    assert sorted(p.ids[0] for p in problems) == sorted(m.conflicts)


@given(argument_maps(schemes=False), st.sampled_from(sorted(SCHEMES)), st.data())
def test_filling_every_slot_never_warns_and_opens_each_question_once(
    m: ArgumentMap, key: str, data: st.DataObject
) -> None:
    scheme = SCHEMES[key]
    inferences = []
    for inference in m.inferences.values():
        fill = data.draw(
            st.lists(
                st.sampled_from(inference.premises),
                min_size=len(scheme.slots),
                max_size=len(scheme.slots),
            )
        )
        slots = dict(zip(scheme.slots, fill, strict=True))
        inferences.append(
            Inference(inference.id, inference.premises, inference.conclusion, key, slots=slots)
        )
    filled = ArgumentMap(
        statements=m.statements.values(),
        inferences=inferences,
        conflicts=[attrs.evolve(c, question=None) for c in m.conflicts.values()],
        theses=m.theses,
    )
    report = check(filled)
    assert not {"missing-scheme-premise", "invalid-slot", "unknown-scheme"} & report.codes
    expected = len(inferences) * len(scheme.critical_questions)
    assert len(report.of("open-critical-question")) == expected


@given(argument_maps(consistent=False), st.text(max_size=20))
def test_any_scheme_name_never_crashes(m: ArgumentMap, name: str) -> None:
    renamed = ArgumentMap(
        statements=m.statements.values(),
        inferences=[
            Inference(i.id, i.premises, i.conclusion, name or None, slots={"x": "y"})
            for i in m.inferences.values()
        ],
        conflicts=[
            Conflict(c.id, c.source, c.target, question=name or None) for c in m.conflicts.values()
        ],
        theses=m.theses,
    )
    check(renamed)
