"""The argument-scheme catalogue: its shape, its sources, and lookups by any name."""

from __future__ import annotations

import json
import re
import time
import types

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from argmap.errors import MapError
from argmap.schemes import SCHEMES, CriticalQuestion, Scheme, Slot, lookup, nearest, unknown_scheme

from conftest import FIXTURES

KEBAB = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")

REQUIRED = (
    "expert-opinion",
    "position-to-know",
    "sign",
    "cause-to-effect",
    "positive-consequences",
    "negative-consequences",
    "practical-reasoning",
    "analogy",
    "precedent",
    "example",
    "best-explanation",
    "commitment",
    "established-rule",
    "verbal-classification",
    "slippery-slope",
    "popular-opinion",
)
"""The keys issue 9 asks for by name."""

ALL = list(SCHEMES.values())


def _spellings(scheme: Scheme) -> tuple[str, ...]:
    return (scheme.key, scheme.name, *scheme.aliases)


# -- the shape of the catalogue ---------------------------------------------------------------


def test_the_catalogue_has_the_keys_issue_9_names() -> None:
    assert set(REQUIRED) <= set(SCHEMES)
    assert {"testimony", "correlation-to-cause", "values", "threat", "sunk-costs"} <= set(SCHEMES)


@pytest.mark.parametrize("key", list(SCHEMES))
def test_each_key_is_kebab_case_and_its_schemes_key(key: str) -> None:
    assert KEBAB.fullmatch(key)
    assert SCHEMES[key].key == key


@pytest.mark.parametrize("scheme", ALL, ids=lambda scheme: scheme.key)
def test_each_scheme_has_premises_a_conclusion_and_questions(scheme: Scheme) -> None:
    assert scheme.name.strip()
    assert scheme.premises
    assert all(isinstance(slot, Slot) for slot in scheme.premises)
    assert scheme.conclusion.strip()
    assert scheme.critical_questions
    assert all(isinstance(cq, CriticalQuestion) for cq in scheme.critical_questions)
    for text in (scheme.conclusion, *(slot.text for slot in scheme.premises)):
        assert text[0].isupper() or text[0] in "a", text
        assert text.endswith("."), text
    for question in (
        *(cq.text for cq in scheme.critical_questions),
        *(q for slot in scheme.premises for q in slot.questions),
    ):
        assert question.endswith("?"), question


@pytest.mark.parametrize("scheme", ALL, ids=lambda scheme: scheme.key)
def test_slot_and_question_keys_are_kebab_case_and_unique(scheme: Scheme) -> None:
    slots = [slot.key for slot in scheme.premises]
    questions = [cq.key for cq in scheme.critical_questions]
    assert all(KEBAB.fullmatch(key) for key in slots + questions)
    assert len(set(slots)) == len(slots)
    assert len(set(questions)) == len(questions)
    assert scheme.slots == tuple(slots)


@pytest.mark.parametrize("scheme", ALL, ids=lambda scheme: scheme.key)
def test_kinds_are_carneades_kinds_and_slots_exist(scheme: Scheme) -> None:
    for cq in scheme.critical_questions:
        assert cq.kind in ("assumption", "exception")
        assert cq.slot is None or cq.slot in scheme.slots, (cq.key, cq.slot)
    assert scheme.assumptions + scheme.exceptions == tuple(
        sorted(scheme.critical_questions, key=lambda cq: cq.kind != "assumption")
    )


@pytest.mark.parametrize("scheme", ALL, ids=lambda scheme: scheme.key)
def test_each_scheme_cites_the_compendium(scheme: Scheme) -> None:
    assert scheme.source.startswith("Walton, Reed & Macagno 2008, ch. 9, '")
    assert "kinds" in scheme.source


def test_expert_opinion_is_classified_as_gordon_prakken_and_walton_do() -> None:
    """Expertise and assertion are premises; trustworthiness and consistency with other
    experts are exceptions; backup evidence is an assumption (GPW 2007)."""
    scheme = SCHEMES["expert-opinion"]
    assert scheme.slots == ("expert", "assertion")
    kinds = {cq.key: cq.kind for cq in scheme.critical_questions}
    assert kinds == {
        "trustworthiness": "exception",
        "consistency": "exception",
        "backup-evidence": "assumption",
    }
    assert "Gordon, Prakken & Walton 2007" in scheme.source


def test_witness_testimony_is_classified_as_carneades_does() -> None:
    kinds = {cq.key: cq.kind for cq in SCHEMES["testimony"].critical_questions}
    assert kinds == {
        "internal-consistency": "assumption",
        "known-facts": "exception",
        "other-witnesses": "exception",
        "bias": "exception",
        "plausibility": "exception",
    }


def test_practical_reasoning_has_possibility_as_its_only_assumption() -> None:
    scheme = SCHEMES["practical-reasoning"]
    assert [cq.key for cq in scheme.assumptions] == ["possibility"]
    assert {"alternatives", "side-effects", "conflicting-goals"} <= {
        cq.key for cq in scheme.exceptions
    }


def test_the_catalogue_is_immutable() -> None:
    assert isinstance(SCHEMES, types.MappingProxyType)
    with pytest.raises(TypeError):
        SCHEMES["mine"] = SCHEMES["sign"]  # type: ignore[index]
    scheme = SCHEMES["sign"]
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        scheme.name = "changed"
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        scheme.premises[0].text = "changed"
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        scheme.critical_questions[0].kind = "assumption"
    assert isinstance(scheme.premises, tuple)
    assert isinstance(scheme.critical_questions, tuple)
    assert all(isinstance(slot.questions, tuple) for slot in scheme.premises)


# -- lookup -----------------------------------------------------------------------------------


@pytest.mark.parametrize("scheme", ALL, ids=lambda scheme: scheme.key)
def test_lookup_finds_a_scheme_by_key_name_and_alias(scheme: Scheme) -> None:
    for spelling in _spellings(scheme):
        assert lookup(spelling) is scheme, spelling
        assert lookup(spelling.upper()) is scheme, spelling
        assert lookup(f"  {spelling.lower().replace(' ', '_')} ") is scheme, spelling


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("ExpertOpinion", "expert-opinion"),
        ("Expert Opinion", "expert-opinion"),
        ("Argument from Expert Opinion", "expert-opinion"),
        ("argument from expert opinion", "expert-opinion"),
        ("expert_opinion", "expert-opinion"),
        ("PositionToKnow", "position-to-know"),
        ("CauseToEffect", "cause-to-effect"),
        ("PracticalReasoning", "practical-reasoning"),
        ("VerbalClassification", "verbal-classification"),
        ("GenericAdHominem", "ad-hominem"),
        ("CircumstantialAdHominem", "circumstantial-ad-hominem"),
        ("PopularOpinion", "popular-opinion"),
        ("Abduction", "best-explanation"),
        ("Inference to the Best Explanation", "best-explanation"),
        ("Argument from an Established Rule", "established-rule"),
        ("argument from established rule", "established-rule"),
        ("WitnessTestimony", "testimony"),
        ("SunkCosts", "sunk-costs"),
        ("Slippery Slope Argument", "slippery-slope"),
        ("\uff25xpert\u00a0Opinion", "expert-opinion"),  # full-width E, no-break space (NFKC)
    ],
)
def test_lookup_takes_the_labels_corpora_use(name: str, key: str) -> None:
    assert lookup(name).key == key


def test_every_scheme_named_in_the_aif_fixtures_is_found() -> None:
    """The RA-node scheme names of the real AIFdb/Araucaria corpora in tests/fixtures."""
    names: set[str] = set()
    for path in sorted((FIXTURES / "aif").glob("*.json")):
        document = json.loads(path.read_text(encoding="utf-8"))
        nodes = document.get("nodes") or document.get("AIF", {}).get("nodes", [])
        for node in nodes:
            if node.get("type") == "RA":
                names |= {node.get("scheme"), node.get("text")} - {None}
    generic = {"RA", "Default Inference"}
    assert names - generic, "the fixtures name no scheme any more"
    for name in sorted(names - generic):
        assert lookup(name).key in SCHEMES
    for name in sorted(generic):
        with pytest.raises(MapError, match="names no argument scheme"):
            lookup(name)


def test_no_two_schemes_share_a_spelling() -> None:
    owners: dict[str, str] = {}
    for scheme in ALL:
        for spelling in _spellings(scheme):
            normal = re.sub(r"[\W_]+", "", spelling.casefold())
            assert owners.setdefault(normal, scheme.key) == scheme.key, spelling


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("expert opinon", "expert-opinion"),
        ("slipery-slope", "slippery-slope"),
        ("analogie", "analogy"),
        ("cause to efect", "cause-to-effect"),
        ("consequences", "positive-consequences"),
        ("ExpertOpinon", "expert-opinion"),
    ],
)
def test_an_unknown_name_is_an_argmap_error_naming_the_nearest_keys(
    name: str, expected: str
) -> None:
    with pytest.raises(MapError) as caught:
        lookup(name)
    (problem,) = caught.value.problems
    assert problem.code == "unknown-scheme"
    assert problem.severity == "warning"
    assert repr(expected) in problem.message
    assert repr(name) in problem.message
    assert expected in nearest(name)


def test_a_name_near_nothing_says_where_the_keys_are() -> None:
    assert nearest("zzzz qqqq") == ()
    with pytest.raises(MapError, match=r"SCHEMES for the keys"):
        lookup("zzzz qqqq")


@pytest.mark.parametrize("name", [None, 3, b"sign", ["sign"], ""])
def test_a_name_that_is_not_text_or_empty_is_an_argmap_error(name: object) -> None:
    with pytest.raises(MapError) as caught:
        lookup(name)  # type: ignore[arg-type]
    assert caught.value.problems[0].code == "unknown-scheme"
    assert nearest(name) == ()


def test_nearest_returns_at_most_n_distinct_keys_best_first() -> None:
    found = nearest("consequences", n=1)
    assert len(found) == 1
    assert nearest("expert opinion", n=5)[0] == "expert-opinion"
    many = nearest("o", n=50)
    assert len(many) == len(set(many))
    assert nearest("sign", n=0) == ()


def test_unknown_scheme_keeps_its_message_on_one_short_line() -> None:
    problem = unknown_scheme("line one\nline two" + "x" * 1000, ids=("i1",))
    assert "\n" not in problem.message
    assert len(problem.message) < 200
    assert problem.ids == ("i1",)


def test_a_huge_name_is_answered_at_once() -> None:
    """A megabyte of text costs one linear pass: a name longer than every spelling is
    compared with none (difflib's matcher is not run on it)."""
    name = "expert opinion " * 70_000
    start = time.perf_counter()
    with pytest.raises(MapError):
        lookup(name)
    assert nearest(name) == ()
    assert time.perf_counter() - start < 5  # generous: the linear pass takes milliseconds


# -- properties ---------------------------------------------------------------------------------


@given(st.text())
def test_lookup_of_any_text_is_a_scheme_or_an_argmap_error(name: str) -> None:
    try:
        scheme = lookup(name)
    except MapError as error:
        (problem,) = error.problems
        assert problem.code == "unknown-scheme"
        assert "\n" not in problem.message
        assert set(nearest(name)) <= set(SCHEMES)
    else:
        assert scheme in ALL


SEPARATORS = st.sampled_from(["", " ", "-", "_", "  ", "\t"])


@st.composite
def respellings(draw: st.DrawFn) -> tuple[Scheme, str]:
    """A scheme and one of its spellings with random case and separators between words."""
    scheme = draw(st.sampled_from(ALL))
    spelling = draw(st.sampled_from(_spellings(scheme)))
    words = re.findall(r"[A-Z]?[a-z0-9']+|[A-Z]+(?![a-z])", spelling)
    cased = [
        draw(st.sampled_from([word, word.lower(), word.upper(), word.title()])) for word in words
    ]
    joined = "".join(word + draw(SEPARATORS) for word in cased)
    return scheme, draw(SEPARATORS) + joined


@given(respellings())
def test_lookup_ignores_case_and_separators(drawn: tuple[Scheme, str]) -> None:
    scheme, spelling = drawn
    assert lookup(spelling) is scheme


@given(st.sampled_from(ALL), st.integers(min_value=0), st.characters(codec="ascii"))
def test_one_typo_in_a_key_still_suggests_it(scheme: Scheme, at: int, typo: str) -> None:
    key = scheme.key
    where = at % len(key)
    misspelt = key[:where] + typo + key[where + 1 :]
    try:
        found = lookup(misspelt)
    except MapError:
        if len(key) >= 6:
            assert key in nearest(misspelt, n=5)
    else:
        assert found.key in SCHEMES
