"""Tests of argmap.gradual: gradual semantics of quantitative bipolar frameworks.

Three judges: the oracle strengths in the shared fixtures (``gradual/oracles.json``;
every graph × semantics is its own test), the definitions re-read from the papers and
written here by name (every result on a cyclic graph must be their fixed point), and
properties that the papers prove (bounds, monotonicity, neutrality of isolated
arguments).
"""

from __future__ import annotations

import json
import math
from typing import Any

import attrs
import pytest
from hypothesis import given, reject, settings
from hypothesis import strategies as st

from argmap.build import MapBuilder
from argmap.errors import ArgmapError, MapError
from argmap.gradual import QBAF, SEMANTICS, ConvergenceError, strengths
from argmap.model import STANCES, ArgumentMap
from argmap.strategies import argument_maps, positions
from argmap.strengths import DEFAULT_BASE, DEFAULT_BASES, to_qbaf
from argmap.strengths import strengths as map_strengths

from conftest import FIXTURES

ORACLES = FIXTURES / "gradual" / "oracles.json"
#: The oracle file's names for our semantics.
ORACLE_NAMES = {
    "dfquad": "df-quad",
    "quad": "quad",
    "euler": "euler",
    "qe": "quadratic-energy",
}


# --------------------------------------------------------------------------------------
# Oracles: every graph × semantics is its own test
# --------------------------------------------------------------------------------------


def _absent(what: str) -> list[Any]:
    reason = f"gradual oracles not found at {ORACLES} (set ARGMAP_FIXTURES)"
    return [pytest.param(None, None, None, marks=pytest.mark.skip(reason=reason), id=what)]


def _bipolar_cases() -> list[Any]:
    if not ORACLES.is_file():
        return _absent("no-oracles")
    oracles = json.loads(ORACLES.read_text(encoding="utf-8"))
    return [
        pytest.param(oracles["graphs"][graph], ORACLE_NAMES[key], expected, id=f"{graph}-{key}")
        for graph, by_semantics in oracles["strengths"].items()
        for key, expected in by_semantics.items()
    ]


def _h_categoriser_cases() -> list[Any]:
    if not ORACLES.is_file():
        return _absent("no-oracles")
    oracles = json.loads(ORACLES.read_text(encoding="utf-8"))
    return [
        pytest.param(case["attacks"], "h-categoriser", case["strength"], id=name)
        for name, case in oracles["h_categoriser_unweighted"].items()
    ]


def test_the_oracles_cover_every_bipolar_semantics() -> None:
    if not ORACLES.is_file():
        pytest.skip(f"gradual oracles not found at {ORACLES} (set ARGMAP_FIXTURES)")
    oracles = json.loads(ORACLES.read_text(encoding="utf-8"))
    for by_semantics in oracles["strengths"].values():
        assert set(by_semantics) == set(ORACLE_NAMES)


@pytest.mark.parametrize(("graph", "semantics", "expected"), _bipolar_cases())
def test_oracle_strengths(graph: Any, semantics: str, expected: dict[str, float]) -> None:
    qbaf = QBAF(tuple(graph["base"]), graph["base"], graph["attacks"], graph["supports"])
    computed = strengths(qbaf, semantics=semantics)
    assert set(computed) == set(expected)
    for name, value in expected.items():
        assert computed[name] == pytest.approx(value, abs=1e-6), name


@pytest.mark.parametrize(("attacks", "semantics", "expected"), _h_categoriser_cases())
def test_oracle_unweighted_h_categoriser(
    attacks: Any, semantics: str, expected: dict[str, float]
) -> None:
    names = tuple(expected)
    qbaf = QBAF(names, dict.fromkeys(names, 1.0), attacks)
    computed = strengths(qbaf, semantics=semantics)
    for name, value in expected.items():
        assert computed[name] == pytest.approx(value, abs=1e-6), name


# --------------------------------------------------------------------------------------
# The definitions, written again from the papers, by name
# --------------------------------------------------------------------------------------


def reference(semantics: str, qbaf: QBAF, s: dict[str, float], name: str) -> float:
    """One application of the semantics's update rule to ``name``."""
    w = float(qbaf.base[name])
    att = [s[a] for a, b in qbaf.attacks if b == name]
    sup = [s[a] for a, b in qbaf.supports if b == name]
    if semantics == "df-quad":
        va, vs = 1 - math.prod(1 - v for v in att), 1 - math.prod(1 - v for v in sup)
        return w - w * (va - vs) if va >= vs else w + (1 - w) * (vs - va)
    if semantics == "quad":
        weakened = w * math.prod(1 - v for v in att)
        strengthened = 1 - (1 - w) * math.prod(1 - v for v in sup)
        both = {(False, False): w, (True, False): weakened, (False, True): strengthened}
        return both.get((bool(att), bool(sup)), (weakened + strengthened) / 2)
    energy = sum(sup) - sum(att)
    if semantics == "euler":
        return 1 - (1 - w * w) / (1 + w * math.exp(energy))
    if semantics == "quadratic-energy":
        h = (lambda x: x * x / (1 + x * x))(abs(energy))
        return w + (1 - w) * h if energy > 0 else w - w * h
    assert semantics == "h-categoriser"
    return w / (1 + sum(att))


# --------------------------------------------------------------------------------------
# Strategies: small random QBAFs
# --------------------------------------------------------------------------------------

scores = st.floats(min_value=0.0, max_value=1.0)


@st.composite
def qbafs(draw: st.DrawFn, *, acyclic: bool = False, max_size: int = 6) -> QBAF:
    """A QBAF of up to ``max_size`` arguments ``a0, a1, ...``; when ``acyclic``, every
    relation runs from a later argument to an earlier one."""
    size = draw(st.integers(min_value=0, max_value=max_size))
    names = [f"a{index}" for index in range(size)]
    base = {name: draw(scores) for name in names}
    if size == 0 or (acyclic and size == 1):
        return QBAF(names, base)
    index = st.integers(min_value=0, max_value=size - 1)
    pair = st.tuples(index, index)
    if acyclic:
        pair = pair.filter(lambda p: p[0] != p[1]).map(lambda p: (max(p), min(p)))
    relation = st.lists(pair.map(lambda p: (names[p[0]], names[p[1]])), max_size=2 * size)
    return QBAF(names, base, draw(relation), draw(relation))


def settled(qbaf: QBAF, semantics: str) -> dict[str, float]:
    """Strengths, or a rejected example when a cycle settles too slowly (degenerate
    base scores of exactly 0 or 1 can make the dynamics converge only algebraically)."""
    try:
        return strengths(qbaf, semantics=semantics, max_iterations=5_000)
    except ConvergenceError:
        reject()


semantics_names = st.sampled_from(SEMANTICS)


# --------------------------------------------------------------------------------------
# Properties
# --------------------------------------------------------------------------------------


@given(qbafs(), semantics_names)
def test_strengths_lie_in_the_unit_interval(qbaf: QBAF, semantics: str) -> None:
    computed = settled(qbaf, semantics)
    assert list(computed) == list(qbaf.arguments)
    assert all(0.0 <= value <= 1.0 for value in computed.values())


@given(qbafs(), semantics_names)
def test_results_are_fixed_points_of_the_published_rules(qbaf: QBAF, semantics: str) -> None:
    computed = settled(qbaf, semantics)
    for name in qbaf.arguments:
        assert computed[name] == pytest.approx(
            reference(semantics, qbaf, computed, name), abs=1e-7
        ), name


@given(qbafs(acyclic=True), semantics_names)
def test_acyclic_graphs_are_exact(qbaf: QBAF, semantics: str) -> None:
    computed = strengths(qbaf, semantics=semantics, max_iterations=1)
    for name in qbaf.arguments:
        assert computed[name] == pytest.approx(
            reference(semantics, qbaf, computed, name), abs=1e-12
        )


@given(qbafs(), semantics_names)
def test_an_argument_without_attackers_or_supporters_keeps_its_base_score(
    qbaf: QBAF, semantics: str
) -> None:
    computed = settled(qbaf, semantics)
    related = {target for _, target in (*qbaf.attacks, *qbaf.supports)}
    for name in qbaf.arguments:
        if name not in related:
            assert computed[name] == qbaf.base[name]


@given(qbafs(), semantics_names)
def test_without_relations_strengths_are_the_base_scores(qbaf: QBAF, semantics: str) -> None:
    bare = QBAF(qbaf.arguments, qbaf.base)
    computed = strengths(bare, semantics=semantics)
    assert computed == dict(qbaf.base)


@given(qbafs(), semantics_names)
def test_same_input_same_output(qbaf: QBAF, semantics: str) -> None:
    first = settled(qbaf, semantics)
    again = QBAF(qbaf.arguments, dict(qbaf.base), list(qbaf.attacks), list(qbaf.supports))
    assert strengths(again, semantics=semantics, max_iterations=5_000) == first
    assert strengths(qbaf, semantics=semantics, max_iterations=5_000) == first


@given(qbafs(), semantics_names)
def test_argument_order_does_not_matter(qbaf: QBAF, semantics: str) -> None:
    computed = settled(qbaf, semantics)
    reordered = QBAF(
        tuple(reversed(qbaf.arguments)),
        qbaf.base,
        tuple(reversed(qbaf.attacks)),
        tuple(reversed(qbaf.supports)),
    )
    assert settled(reordered, semantics) == pytest.approx(computed, abs=1e-6)


@st.composite
def acyclic_with_new_edge(draw: st.DrawFn) -> tuple[QBAF, str, str, float | None]:
    """An acyclic QBAF, a target in it, and a source that keeps it acyclic: a new
    argument (with the base score returned) or a later argument (base ``None``)."""
    qbaf = draw(qbafs(acyclic=True, max_size=6).filter(lambda q: len(q.arguments) > 0))
    position = draw(st.integers(min_value=0, max_value=len(qbaf.arguments) - 1))
    later = qbaf.arguments[position + 1 :]
    use_later: bool = bool(later) and draw(st.booleans())
    if use_later:
        return qbaf, qbaf.arguments[position], draw(st.sampled_from(later)), None
    return qbaf, qbaf.arguments[position], "new", draw(scores)


def _with_edge(qbaf: QBAF, kind: str, source: str, target: str, base: float | None) -> QBAF:
    names = qbaf.arguments if base is None else (*qbaf.arguments, source)
    base_scores = dict(qbaf.base) if base is None else {**qbaf.base, source: base}
    attacks = (*qbaf.attacks, (source, target)) if kind == "attack" else qbaf.attacks
    supports = (*qbaf.supports, (source, target)) if kind == "support" else qbaf.supports
    return QBAF(names, base_scores, attacks, supports)


@given(acyclic_with_new_edge(), semantics_names)
def test_adding_an_attacker_never_raises_the_attacked_argument(
    case: tuple[QBAF, str, str, float | None], semantics: str
) -> None:
    qbaf, target, source, base = case
    before = strengths(qbaf, semantics=semantics)[target]
    after = strengths(_with_edge(qbaf, "attack", source, target, base), semantics=semantics)
    assert after[target] <= before + 1e-12


@given(acyclic_with_new_edge(), semantics_names)
def test_adding_a_supporter_never_lowers_the_supported_argument(
    case: tuple[QBAF, str, str, float | None], semantics: str
) -> None:
    qbaf, target, source, base = case
    before = strengths(qbaf, semantics=semantics)[target]
    after = strengths(_with_edge(qbaf, "support", source, target, base), semantics=semantics)
    assert after[target] >= before - 1e-12


# --------------------------------------------------------------------------------------
# Particular cases
# --------------------------------------------------------------------------------------


def test_h_categoriser_ignores_supports() -> None:
    with_supports = QBAF(
        ["a", "b", "c"], {"a": 0.4, "b": 0.9, "c": 0.7}, [("b", "a")], [("c", "a")]
    )
    without = QBAF(["a", "b", "c"], {"a": 0.4, "b": 0.9, "c": 0.7}, [("b", "a")])
    assert strengths(with_supports, semantics="h-categoriser") == strengths(
        without, semantics="h-categoriser"
    )
    assert strengths(with_supports, semantics="h-categoriser")["a"] == pytest.approx(0.4 / 1.9)


def test_quad_combines_attack_and_support_by_their_mean() -> None:
    qbaf = QBAF(["x", "a", "b"], {"x": 0.5, "a": 0.2, "b": 0.9}, [("a", "x")], [("b", "x")])
    assert strengths(qbaf, semantics="quad")["x"] == pytest.approx((0.5 * 0.8 + 0.95) / 2)


def test_euler_does_not_overflow_on_large_energies() -> None:
    names = [f"s{i}" for i in range(2_000)]
    base = {"x": 0.3, **dict.fromkeys(names, 1.0)}
    supported = QBAF(["x", *names], base, supports=[(name, "x") for name in names])
    attacked = QBAF(["x", *names], base, attacks=[(name, "x") for name in names])
    assert strengths(supported, semantics="euler")["x"] == pytest.approx(1.0)
    assert strengths(attacked, semantics="euler")["x"] == pytest.approx(0.3**2)
    assert strengths(attacked, semantics="quadratic-energy")["x"] == pytest.approx(0.0, abs=1e-6)


def test_a_self_attack_settles_at_its_fixed_point() -> None:
    qbaf = QBAF(["a"], {"a": 1.0}, [("a", "a")])
    # h-categoriser: a = 1 / (1 + a), the golden ratio's inverse
    assert strengths(qbaf, semantics="h-categoriser")["a"] == pytest.approx(
        (math.sqrt(5) - 1) / 2, abs=1e-9
    )


def test_an_even_attack_cycle_of_dfquad_settles_on_the_symmetric_point() -> None:
    # a = 1 - b and b = 1 - a: every a + b = 1 is a fixed point, and the plain iteration
    # s <- f(s) oscillates between (0, 0) and (1, 1); the dynamics meet at (1/2, 1/2).
    qbaf = QBAF(["a", "b"], {"a": 1.0, "b": 1.0}, [("a", "b"), ("b", "a")])
    assert strengths(qbaf) == pytest.approx({"a": 0.5, "b": 0.5}, abs=1e-9)


def test_long_chains_and_cycles_need_no_recursion() -> None:
    size = 50_000
    names = [f"n{i}" for i in range(size)]
    chain = [(names[i], names[i + 1]) for i in range(size - 1)]
    cycle = [(names[1], names[0]), (names[0], names[1])]
    base = dict.fromkeys(names, 1.0)
    computed = strengths(QBAF(names, base, chain), semantics="h-categoriser")
    assert computed["n1"] == pytest.approx(0.5)
    assert computed[names[-1]] == pytest.approx((math.sqrt(5) - 1) / 2, abs=1e-9)
    after_cycle = strengths(QBAF(names, base, [*chain[1:], *cycle]), semantics="h-categoriser")
    assert after_cycle["n0"] == pytest.approx((math.sqrt(5) - 1) / 2, abs=1e-9)
    ring_names = names[:5_000]
    ring = [*chain[:4_999], (names[4_999], names[0])]
    ring_strengths = strengths(QBAF(ring_names, dict.fromkeys(ring_names, 1.0), ring))
    assert ring_strengths == pytest.approx(dict.fromkeys(ring_names, 0.5), abs=1e-8)


# --------------------------------------------------------------------------------------
# Errors
# --------------------------------------------------------------------------------------


def test_every_problem_is_reported_at_once() -> None:
    with pytest.raises(MapError) as caught:
        QBAF(
            ["a", "b", "b", "c"],
            {"a": 1.5, "b": -0.1, "z": 0.5},
            attacks=[("a", "x")],
            supports=[("y", "a")],
        )
    problems = {(p.code, p.ids) for p in caught.value.problems}
    assert problems == {
        ("duplicate-id", ("b",)),
        ("invalid-base-score", ("a",)),
        ("invalid-base-score", ("b",)),
        ("unknown-reference", ("z",)),
        ("missing-base-score", ("c",)),
        ("unknown-reference", ("x",)),
        ("unknown-reference", ("y",)),
    }
    message = str(caught.value)
    assert "7 problems" in message
    assert "attack 'a' -> 'x' names unknown argument 'x'" in message
    assert "support 'y' -> 'a' names unknown argument 'y'" in message
    assert "'a' has base score 1.5, not a number in [0, 1]" in message


@pytest.mark.parametrize("score", [1.0000001, -1e-300, math.nan, math.inf, "0.5", True, None])
def test_a_base_score_must_be_a_number_in_the_unit_interval(score: Any) -> None:
    with pytest.raises(MapError, match="not a number in") as caught:
        QBAF(["a"], {"a": score})
    assert [p.code for p in caught.value.problems] == ["invalid-base-score"]


@pytest.mark.parametrize("score", [0, 1, 0.0, 1.0, 0.25])
def test_scores_at_the_bounds_are_valid(score: float) -> None:
    assert strengths(QBAF(["a"], {"a": score})) == {"a": float(score)}


def test_relations_must_be_pairs() -> None:
    with pytest.raises(MapError, match="not a pair") as caught:
        QBAF(["a", "b"], {"a": 0.5, "b": 0.5}, attacks=[("a", "b", "c"), "ab", 7])  # type: ignore[list-item]
    assert [p.code for p in caught.value.problems] == ["invalid-relation"] * 3


def test_a_repeated_relation_counts_once() -> None:
    once = QBAF(["a", "b"], {"a": 0.5, "b": 0.5}, attacks=[("a", "b")])
    twice = QBAF(["a", "b"], {"a": 0.5, "b": 0.5}, attacks=[("a", "b"), ["a", "b"]])
    assert twice == once
    assert hash(twice) == hash(once)


def test_unknown_semantics_and_bad_limits_are_map_errors() -> None:
    qbaf = QBAF("a", {"a": 0.5})
    with pytest.raises(MapError, match="unknown semantics 'dfquad': expected one of"):
        strengths(qbaf, semantics="dfquad")
    with pytest.raises(MapError, match="unknown semantics"):
        strengths(qbaf, semantics=["df-quad"])  # type: ignore[arg-type]
    with pytest.raises(MapError, match="tolerance must be a positive number"):
        strengths(qbaf, tolerance=0.0)
    with pytest.raises(MapError, match="tolerance must be a positive number"):
        strengths(qbaf, tolerance="small")  # type: ignore[arg-type]
    with pytest.raises(MapError, match="max_iterations must be an integer of at least 1"):
        strengths(qbaf, max_iterations=0)
    with pytest.raises(MapError, match="max_iterations must be an integer of at least 1"):
        strengths(qbaf, max_iterations=2.5)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("arguments", "base", "attacks"),
    [
        (None, {}, ()),
        ([["a"]], {}, ()),
        (["a"], [0.5], ()),
        (["a"], {"a": 0.5}, [(["a"], "a")]),
        (["a"], {"a": 0.5}, 7),
    ],
)
def test_a_malformed_qbaf_is_a_map_error(arguments: Any, base: Any, attacks: Any) -> None:
    with pytest.raises(MapError):
        QBAF(arguments, base, attacks)


@pytest.mark.parametrize("semantics", SEMANTICS)
def test_a_cycle_that_does_not_settle_raises_convergence_error(semantics: str) -> None:
    qbaf = QBAF(
        ["a", "b", "c"], {"a": 0.5, "b": 0.5, "c": 0.9}, [("a", "b"), ("b", "a"), ("c", "a")]
    )
    with pytest.raises(ConvergenceError) as caught:
        strengths(qbaf, semantics=semantics, max_iterations=1)
    error = caught.value
    assert isinstance(error, ArgmapError)
    assert (error.semantics, error.iterations, error.arguments) == (semantics, 1, ("a", "b"))
    assert error.change > error.tolerance == 1e-9
    assert str(error).startswith(
        f"{semantics} strengths did not converge within 1 iteration on the cycle through "
        "'a', 'b': the last change was "
    )
    assert strengths(qbaf, semantics=semantics)  # the default budget is plenty


def test_a_slow_cycle_reports_its_last_change() -> None:
    # DF-QuAD, base scores 1: a = (1 - a)(1 - b) and b = 1 - a. The dynamics bring b to
    # 1 - a fast, then a' = -a²: a(t) ~ 1/t, an algebraic (slow) approach to a = 0.
    qbaf = QBAF(["a", "b"], {"a": 1.0, "b": 1.0}, [("a", "a"), ("b", "a"), ("a", "b")])
    with pytest.raises(ConvergenceError, match=r"within 100 iterations .* last change was"):
        strengths(qbaf, max_iterations=100)
    # A small |f(s) - s| is then no promise of a small distance to the fixed point:
    assert strengths(qbaf, tolerance=1e-4)["a"] > 1e-2
    assert strengths(qbaf)["a"] == pytest.approx(0.0, abs=1e-4)


def test_a_cycle_that_circles_is_given_up_early() -> None:
    """Found by fuzzing: a DF-QuAD component whose largest ``|f(s) - s|`` stays near
    1.3e-7, step after step. The whole budget (100,000 Runge-Kutta steps) used to run
    out before saying so; the stall is seen after 2,048 steps, with the same error."""
    base = {
        "a0": 1.0, "a1": 0.0, "a2": 0.5, "a3": 0.5, "a4": 1.0, "a5": 0.543248102008329,
        "a6": 0.5283064917051395, "a7": 0.0, "a8": 1.0, "a9": 0.9220702845445872,
        "a10": 0.8570911439988553,
    }  # fmt: skip
    attacks = [
        ("a0", "a5"), ("a1", "a0"), ("a10", "a4"), ("a3", "a2"), ("a3", "a8"), ("a4", "a10"),
        ("a4", "a3"), ("a5", "a2"), ("a5", "a6"), ("a6", "a0"), ("a6", "a6"), ("a6", "a7"),
        ("a6", "a9"), ("a8", "a9"), ("a9", "a6"),
    ]  # fmt: skip
    supports = [
        ("a0", "a7"), ("a1", "a1"), ("a1", "a5"), ("a2", "a4"), ("a5", "a1"), ("a5", "a4"),
        ("a5", "a8"), ("a6", "a0"), ("a6", "a6"), ("a6", "a9"), ("a7", "a7"), ("a8", "a2"),
        ("a8", "a3"), ("a9", "a0"), ("a9", "a2"),
    ]  # fmt: skip
    qbaf = QBAF(list(base), base, attacks, supports)
    with pytest.raises(ConvergenceError) as caught:
        strengths(qbaf)
    assert caught.value.iterations == 2048
    assert 1e-7 < caught.value.change < 2e-7


# --------------------------------------------------------------------------------------
# Base scores of a map: given, in data["base"], or a default by stance
# --------------------------------------------------------------------------------------


def test_every_stance_has_a_documented_default() -> None:
    assert set(DEFAULT_BASES) == set(STANCES)
    assert DEFAULT_BASES["asserted"] == DEFAULT_BASE == 0.5
    # a reported view stands by its source; a hedge commits less; a concession more
    assert (
        DEFAULT_BASES["reported"]
        < DEFAULT_BASES["hedged"]
        < DEFAULT_BASES["asserted"]
        < DEFAULT_BASES["conceded"]
    )
    assert all(0.0 < score < 1.0 for score in DEFAULT_BASES.values())


@st.composite
def maps_with_scores(
    draw: st.DrawFn,
) -> tuple[ArgumentMap, dict[str, float], dict[str, bool]]:
    """A generated map where some nodes carry ``data["base"]``, with base scores given
    for some ids and a position fixing some statements."""
    m = draw(argument_maps(max_statements=8))
    score = st.floats(0.0, 1.0)
    ids = [*m.statements, *m.inferences, *m.conflicts]
    in_data = draw(st.lists(st.sampled_from(ids), unique=True))
    replaced = {}
    for id in in_data:
        node = m.node(id)
        replaced[id] = attrs.evolve(node, data={**node.data, "base": draw(score)})
    m = attrs.evolve(
        m,
        statements=[replaced.get(id, node) for id, node in m.statements.items()],
        inferences=[replaced.get(id, node) for id, node in m.inferences.items()],
        conflicts=[replaced.get(id, node) for id, node in m.conflicts.items()],
    )
    given_scores = draw(st.dictionaries(st.sampled_from(ids), score))
    return m, given_scores, draw(positions(m))


@settings(max_examples=60)
@given(maps_with_scores())
def test_base_scores_follow_their_precedence_and_defaults_are_reported(
    drawn: tuple[ArgumentMap, dict[str, float], dict[str, bool]],
) -> None:
    m, given_scores, fixed = drawn
    weights = map_strengths(m, base=given_scores, fixed=fixed)
    expected_defaults = []
    for id in [*m.statements, *m.inferences]:
        node = m.node(id)
        if id in fixed:
            expected = 1.0 if fixed[id] else 0.0
        elif id in given_scores:
            expected = given_scores[id]
        elif "base" in node.data:
            expected = node.data["base"]
        else:
            expected_defaults.append(id)
            stance = getattr(node, "stance", None)
            expected = DEFAULT_BASES[stance] if stance is not None else DEFAULT_BASE
        assert weights.base[id] == expected, id
    assert weights.defaults == tuple(expected_defaults)
    assert weights.semantics == "df-quad"
    qbaf = to_qbaf(m, base=given_scores, fixed=fixed)
    for id in m.conflicts:
        if id in qbaf.base:  # an attacked conflict is an argument with a base score
            data = m.conflicts[id].data
            assert qbaf.base[id] == given_scores.get(id, data.get("base", DEFAULT_BASE))


@pytest.mark.parametrize("stance", STANCES)
def test_a_lone_statement_keeps_its_stance_default(stance: Any) -> None:
    b = MapBuilder("lone")
    b.claim("t", "a claim", thesis=True, stance=stance)
    weights = map_strengths(b.build())
    assert weights["t"] == DEFAULT_BASES[stance]
    assert weights.defaults == ("t",)


def test_the_builder_keeps_base_scores_in_data() -> None:
    b = MapBuilder("scores")
    b.claim("t", "thesis", thesis=True, base=0.7, data={"base": 0.1, "note": "kept"})
    b.premise("p", "premise", base=1)
    b.support("t", "p", id="i", base=0.0)
    b.claim("x", "objection", stance="hedged")
    b.counter("t", "x", id="c", base=0.25)
    m = b.build()
    assert dict(m.statements["t"].data) == {"base": 0.7, "note": "kept"}
    assert m.statements["p"].data["base"] == 1.0
    assert m.inferences["i"].data["base"] == 0.0
    assert m.conflicts["c"].data["base"] == 0.25
    assert "base" not in m.statements["x"].data
    weights = map_strengths(m)
    assert weights.defaults == ("x",)
    assert weights.base["x"] == DEFAULT_BASES["hedged"]


def test_bad_base_scores_in_the_builder_are_all_reported_at_build() -> None:
    b = MapBuilder("bad")
    b.claim("t", "thesis", thesis=True, base=1.5)
    b.premise("p", "premise", base=math.nan)
    b.support("t", "p", id="i", base="high")  # type: ignore[arg-type]
    b.claim("x", "objection")
    b.counter("t", "x", id="c", base=True)  # type: ignore[arg-type]
    b.premise("q", "fine", base=0.5)
    with pytest.raises(MapError) as caught:
        b.build()
    problems = caught.value.problems
    assert [(p.code, p.ids) for p in problems] == [
        ("invalid-base-score", ("t",)),
        ("invalid-base-score", ("p",)),
        ("invalid-base-score", ("i",)),
        ("invalid-base-score", ("c",)),
    ]
    assert all(repr(p.ids[0]) in p.message for p in problems)
