"""Tests of argmap.af: Dung semantics and the ICCMA formats.

Three independent judges: the ICCMA answer files in the shared fixtures (every instance
is its own test), a brute-force reading of Dung's definitions on small random
frameworks, and, when clingo is installed, a guess-and-check ASP encoding written here
independently of the one in argmap.af.
"""

from __future__ import annotations

import importlib
import itertools
import json
import os
import re
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmap import af as afmod
from argmap.af import (
    ArgumentationFramework,
    AttackSet,
    Format,
    Semantics,
    SolverUnavailableError,
    dump,
    dumps,
    dumps_apx,
    dumps_i23,
    dumps_tgf,
    i23_numbering,
    load,
    loads,
    loads_apx,
    loads_i23,
    loads_tgf,
)
from argmap.af import clingo as af_clingo
from argmap.af import iccma as af_iccma
from argmap.af import search as af_search
from argmap.errors import FormatError, MapError

REPO = Path(__file__).resolve().parent.parent
FIXTURES = Path(os.environ.get("ARGMAP_FIXTURES", REPO / "tests" / "fixtures"))
ICCMA = FIXTURES / "iccma"
SEMANTICS: tuple[Semantics, ...] = ("grounded", "complete", "preferred", "stable")
CODES = {"grounded": "EE-GR", "complete": "EE-CO", "preferred": "EE-PR", "stable": "EE-ST"}

try:
    importlib.import_module("clingo")
    HAVE_CLINGO = True
except ImportError:
    HAVE_CLINGO = False
needs_clingo = pytest.mark.skipif(not HAVE_CLINGO, reason="clingo is not installed")

Extensions = list[list[str]]


def canonical(extensions: Iterable[Iterable[str]]) -> Extensions:
    return sorted(sorted(extension) for extension in extensions)


# --------------------------------------------------------------------------------------
# ICCMA fixtures: every instance is its own test
# --------------------------------------------------------------------------------------


def _records() -> list[Any]:
    path = ICCMA / "expected.json"
    if not path.is_file():
        reason = f"ICCMA fixtures not found at {ICCMA} (set ARGMAP_FIXTURES)"
        return [pytest.param(None, marks=pytest.mark.skip(reason=reason), id="no-fixtures")]
    records = json.loads(path.read_text(encoding="utf-8"))
    return [pytest.param(record, id=record["instance"]) for record in records]


RECORDS = _records()
TGF_RECORDS = [
    param
    for param in RECORDS
    if param.values[0] is None
    or (ICCMA / param.values[0]["instance"]).with_suffix(".tgf").is_file()
]


def parse_solution(text: str) -> Extensions:
    """ICCMA 2015/2017 EE output: ``[[a,b],[c]]``; ``[[]]`` one empty, ``[]`` none."""
    inner = re.sub(r"\s+", "", text)[1:-1]
    if not inner:
        return []
    return canonical(
        [name for name in group.split(",") if name]
        for group in re.findall(r"\[([^\[\]]*)\]", inner)
    )


def solution_file(instance: Path, semantics: Semantics) -> Path:
    code = CODES[semantics]
    for candidate in (Path(f"{instance}.{code}"), instance.with_suffix(f".{code}")):
        if candidate.is_file():
            return candidate
    raise AssertionError(f"no {code} file for {instance}")


@pytest.mark.parametrize("record", RECORDS)
@pytest.mark.parametrize("semantics", SEMANTICS)
def test_apx_instance_matches_iccma_solutions(record: Any, semantics: Semantics) -> None:
    instance = ICCMA / record["instance"]
    framework = load(instance)
    assert len(framework.arguments) == record["n_args"]
    assert len(framework.attacks) == record["n_atts"]
    expected = parse_solution(solution_file(instance, semantics).read_text(encoding="utf-8"))
    assert expected == canonical(record["expected"][CODES[semantics]])
    assert canonical(framework.extensions(semantics, solver="python")) == expected


@needs_clingo
@pytest.mark.parametrize("record", RECORDS)
@pytest.mark.parametrize("semantics", SEMANTICS)
def test_clingo_backend_matches_iccma_solutions(record: Any, semantics: Semantics) -> None:
    framework = load(ICCMA / record["instance"])
    expected = canonical(record["expected"][CODES[semantics]])
    assert canonical(framework.extensions(semantics, solver="clingo")) == expected


@pytest.mark.parametrize("record", RECORDS)
def test_i23_instance_matches_iccma_solutions(record: Any) -> None:
    numbering: dict[str, int] = record["i23_numbering"]
    numeric = load(ICCMA / record["i23_file"])
    named = load(ICCMA / record["instance"])
    assert i23_numbering(named) == numbering
    assert loads_i23(dumps_i23(named)) == numeric
    for semantics in SEMANTICS:
        expected = canonical(
            [str(numbering[name]) for name in extension]
            for extension in record["expected"][CODES[semantics]]
        )
        assert canonical(numeric.extensions(semantics, solver="python")) == expected


@pytest.mark.parametrize("record", TGF_RECORDS)
def test_tgf_instance_is_the_apx_instance(record: Any) -> None:
    """Only the probo instances come in TGF."""
    tgf = (ICCMA / record["instance"]).with_suffix(".tgf")
    framework = load(tgf)
    assert framework == load(ICCMA / record["instance"])
    for semantics in SEMANTICS:
        expected = canonical(record["expected"][CODES[semantics]])
        assert canonical(framework.extensions(semantics, solver="python")) == expected


@pytest.mark.parametrize("record", RECORDS)
def test_acceptance_agrees_with_iccma_solutions(record: Any) -> None:
    framework = load(ICCMA / record["instance"])
    for semantics in SEMANTICS:
        extensions = [set(e) for e in record["expected"][CODES[semantics]]]
        for argument in framework.arguments:
            credulous = any(argument in e for e in extensions)
            skeptical = all(argument in e for e in extensions)
            assert framework.credulous(argument, semantics, solver="python") is credulous
            assert framework.skeptical(argument, semantics, solver="python") is skeptical


@pytest.mark.parametrize("name", ["rand_1000.af", "rand_10000.af"])
def test_grounded_of_generated_instances(name: str) -> None:
    expected_file = ICCMA / "generated" / "grounded_expected.json"
    if not expected_file.is_file():
        pytest.skip(f"ICCMA fixtures not found at {ICCMA} (set ARGMAP_FIXTURES)")
    expected = json.loads(expected_file.read_text(encoding="utf-8"))[name]
    framework = load(ICCMA / "generated" / name)
    assert len(framework.arguments) == expected["n_args"]
    assert len(framework.attacks) == expected["n_atts"]
    grounded = framework.grounded()
    assert sorted(map(int, grounded)) == expected["grounded"]
    labelling = framework.grounded_labelling()
    assert labelling.in_ == grounded
    assert len(labelling.out) == expected["out_size"]


# --------------------------------------------------------------------------------------
# Independent judges for random frameworks
# --------------------------------------------------------------------------------------


@st.composite
def frameworks(draw: st.DrawFn, max_arguments: int = 7) -> ArgumentationFramework:
    count = draw(st.integers(0, max_arguments))
    names = [f"a{index}" for index in range(count)]
    pairs = [(a, b) for a in names for b in names]
    attacks = draw(st.lists(st.sampled_from(pairs), max_size=3 * count)) if pairs else []
    return ArgumentationFramework(draw(st.permutations(names)), attacks)


def brute_force(framework: ArgumentationFramework) -> dict[str, Extensions]:
    """Dung's definitions applied to every subset."""
    names = framework.arguments
    attacks = set(framework.attacks)

    def attacked_by(group: frozenset[str]) -> set[str]:
        return {target for attacker, target in attacks if attacker in group}

    def defended_by(group: frozenset[str]) -> set[str]:
        beaten = attacked_by(group)
        return {
            name
            for name in names
            if all(attacker in beaten for attacker, target in attacks if target == name)
        }

    subsets = [
        frozenset(combo)
        for size in range(len(names) + 1)
        for combo in itertools.combinations(names, size)
    ]
    free = [s for s in subsets if not any((a, b) in attacks for a in s for b in s)]
    admissible = [s for s in free if s <= defended_by(s)]
    complete = [s for s in admissible if defended_by(s) <= s]
    grounded: frozenset[str] = frozenset()
    while frozenset(defended_by(grounded)) != grounded:
        grounded = frozenset(defended_by(grounded))
    return {
        "grounded": [sorted(grounded)],
        "complete": canonical(complete),
        "preferred": canonical(s for s in admissible if not any(s < t for t in admissible)),
        "stable": canonical(s for s in free if attacked_by(s) | s == set(names)),
    }


# Guess-and-check complete semantics, written for this test (not argmap.af's encoding).
GUESS_AND_CHECK = """
#defined att/2.
#defined arg/1.
{ chosen(X) } :- arg(X).
:- chosen(X), chosen(Y), att(X,Y).
beaten(X) :- chosen(Y), att(Y,X).
threat(X) :- att(Y,X), not beaten(Y).
:- chosen(X), threat(X).
:- arg(X), not chosen(X), not threat(X).
#show chosen/1.
"""
STABLE_CHECK = ":- arg(X), not chosen(X), not beaten(X).\n"


def clingo_judge(framework: ArgumentationFramework) -> dict[str, Extensions]:
    clingo = importlib.import_module("clingo")
    names = framework.arguments
    number = {name: index for index, name in enumerate(names)}
    facts = [f"arg({index})." for index in range(len(names))]
    facts += [f"att({number[a]},{number[b]})." for a, b in framework.attacks]

    def solve(extra: str) -> list[frozenset[str]]:
        control = clingo.Control(["--models=0"], logger=lambda code, message: None)
        control.add("base", [], GUESS_AND_CHECK + extra + "\n".join(facts))
        control.ground([("base", [])])
        models: list[frozenset[str]] = []
        control.solve(
            on_model=lambda m: models.append(
                frozenset(names[s.arguments[0].number] for s in m.symbols(shown=True))
            )
        )
        return models

    complete = solve("")
    return {
        "grounded": [sorted(frozenset.intersection(*complete))],
        "complete": canonical(complete),
        "preferred": canonical(e for e in complete if not any(e < other for other in complete)),
        "stable": canonical(solve(STABLE_CHECK)),
    }


def computed(framework: ArgumentationFramework, solver: Any = "python") -> dict[str, Extensions]:
    return {s: canonical(framework.extensions(s, solver=solver)) for s in SEMANTICS}


@given(frameworks())
def test_semantics_match_brute_force(framework: ArgumentationFramework) -> None:
    assert computed(framework) == brute_force(framework)


@needs_clingo
@given(frameworks(max_arguments=9))
@settings(max_examples=60, deadline=None)
def test_semantics_match_independent_clingo_encoding(framework: ArgumentationFramework) -> None:
    judge = clingo_judge(framework)
    assert computed(framework, "python") == judge
    assert computed(framework, "clingo") == judge


@given(frameworks(max_arguments=9))
@settings(deadline=None)
def test_relations_between_semantics(framework: ArgumentationFramework) -> None:
    grounded = framework.grounded()
    complete = framework.complete()
    preferred = framework.preferred()
    stable = framework.stable()
    assert grounded in complete
    assert all(grounded <= extension for extension in complete)
    assert all(extension in preferred for extension in stable)
    assert all(extension in complete and framework.admissible(extension) for extension in preferred)
    assert preferred == [e for e in complete if not any(e < other for other in complete)]
    assert all(framework.conflict_free(e) for e in [*complete, *stable])
    assert framework.extensions("grounded") == [grounded]


@given(frameworks(max_arguments=8), st.data())
@settings(deadline=None)
def test_acceptance_agrees_with_extensions(
    framework: ArgumentationFramework, data: st.DataObject
) -> None:
    if not framework.arguments:
        return
    argument = data.draw(st.sampled_from(framework.arguments))
    for semantics in SEMANTICS:
        extensions = framework.extensions(semantics)
        assert framework.credulous(argument, semantics) is any(argument in e for e in extensions)
        assert framework.skeptical(argument, semantics) is all(argument in e for e in extensions)


@given(frameworks(max_arguments=8))
@settings(deadline=None)
def test_some_extension_is_an_extension(framework: ArgumentationFramework) -> None:
    for semantics in SEMANTICS:
        extensions = framework.extensions(semantics)
        found = framework.some_extension(semantics)
        assert found in extensions if extensions else found is None


@given(frameworks(max_arguments=8))
def test_labellings_are_caminada_labellings(framework: ArgumentationFramework) -> None:
    for extension in framework.complete():
        labelling = framework.labelling(extension)
        attacks = framework.attacks
        for argument in framework.arguments:
            attackers = [a for a, b in attacks if b == argument]
            label = labelling.label(argument)
            if label == "in":
                assert all(labelling.label(a) == "out" for a in attackers)
            elif label == "out":
                assert any(labelling.label(a) == "in" for a in attackers)
            else:
                assert not any(labelling.label(a) == "in" for a in attackers)
                assert not all(labelling.label(a) == "out" for a in attackers)
    grounded = framework.grounded_labelling()
    assert grounded == framework.labelling(framework.grounded())


# --------------------------------------------------------------------------------------
# SCC decomposition: the same answers as one search over the whole core
# --------------------------------------------------------------------------------------

SMALL_SHAPES: list[list[tuple[int, int]]] = [
    [],  # one argument
    [(0, 0)],  # a self-attack
    [(0, 1), (1, 0)],  # a mutual attack
    [(0, 1), (1, 2), (2, 0)],  # an odd cycle
    [(0, 1), (1, 2), (2, 3), (3, 0)],  # an even cycle
    [(0, 1), (1, 0), (1, 2), (2, 1)],  # two mutual attacks sharing an argument
]


@st.composite
def component_frameworks(draw: st.DrawFn, max_components: int = 5) -> ArgumentationFramework:
    """Small strongly connected pieces (mutual attacks, odd and even cycles, self-attacks)
    with random attacks from earlier pieces to later ones: many components, as in maps."""
    names: list[str] = []
    attacks: list[tuple[str, str]] = []
    for index in range(draw(st.integers(1, max_components))):
        shape = draw(st.sampled_from(SMALL_SHAPES))
        size = 1 + max((max(pair) for pair in shape), default=0)
        piece = [f"c{index}_{k}" for k in range(size)]
        attacks += [(piece[a], piece[b]) for a, b in shape]
        if names:
            sources = st.sampled_from(names)
            attacks += draw(st.lists(st.tuples(sources, st.sampled_from(piece)), max_size=3))
        names += piece
    return ArgumentationFramework(draw(st.permutations(names)), attacks)


def whole_core(framework: ArgumentationFramework, semantics: Semantics) -> Extensions:
    """The extensions by one search over the whole undecided core, without decomposition
    (the implementation before SCCs: the reference the decomposition must agree with)."""
    core = framework._core
    grounded = sorted(framework.grounded())
    found = af_search._local_labellings(core, semantics, "python")
    return canonical(
        grounded + [framework.arguments[core.members[x]] for x, d in enumerate(domains) if d == 1]
        for domains in found
    )


def agreed(framework: ArgumentationFramework, semantics: Semantics) -> tuple[set[str], set[str]]:
    """What every extension has in and attacks, from the listed extensions."""
    extensions = framework.extensions(semantics, solver="python")
    if not extensions:
        return set(), set()
    labellings = [framework.labelling(extension) for extension in extensions]
    inside = set.intersection(*(set(lab.in_) for lab in labellings))
    outside = set.intersection(*(set(lab.out) for lab in labellings))
    return inside, outside


@given(st.one_of(frameworks(max_arguments=9), component_frameworks()))
@settings(deadline=None, max_examples=150)
def test_decomposition_matches_one_search_over_the_core(
    framework: ArgumentationFramework,
) -> None:
    for semantics in ("complete", "preferred", "stable"):
        listed = canonical(framework.extensions(semantics, solver="python"))
        assert listed == whole_core(framework, semantics)
        assert framework.count(semantics, solver="python") == len(listed)


@needs_clingo
@given(component_frameworks(max_components=4))
@settings(deadline=None, max_examples=60)
def test_decomposition_matches_clingo(framework: ArgumentationFramework) -> None:
    judge = clingo_judge(framework)
    assert computed(framework, "python") == judge
    assert computed(framework, "clingo") == judge


@given(st.one_of(frameworks(max_arguments=9), component_frameworks()))
@settings(deadline=None, max_examples=150)
def test_counts_and_agreement_without_listing(framework: ArgumentationFramework) -> None:
    for semantics in SEMANTICS:
        extensions = framework.extensions(semantics, solver="python")
        assert framework.count(semantics, solver="python") == len(extensions)
        labelling = framework.skeptical_labelling(semantics, solver="python")
        inside, outside = agreed(framework, semantics)
        assert (set(labelling.in_), set(labelling.out)) == (inside, outside)
        assert labelling.undec == set(framework.arguments) - inside - outside
        for argument in framework.arguments:
            assert framework.credulous(argument, semantics, solver="python") is any(
                argument in e for e in extensions
            )
            assert framework.skeptical(argument, semantics, solver="python") is all(
                argument in e for e in extensions
            )


@needs_clingo
@given(component_frameworks(max_components=4))
@settings(deadline=None, max_examples=40)
def test_questions_answered_by_clingo_components_agree(framework: ArgumentationFramework) -> None:
    """With clingo solving every component, the counts, the agreed labels and each
    acceptance question are those of the pure-Python search."""
    for semantics in ("complete", "preferred", "stable"):
        for question in ("count", "skeptical_labelling"):
            by_clingo = getattr(framework, question)(semantics, solver="clingo")
            assert by_clingo == getattr(framework, question)(semantics, solver="python")
        for argument in framework.arguments:
            for question in ("credulous", "skeptical"):
                by_clingo = getattr(framework, question)(argument, semantics, solver="clingo")
                by_python = getattr(framework, question)(argument, semantics, solver="python")
                assert by_clingo is by_python


@pytest.mark.parametrize("record", RECORDS)
def test_counts_and_agreement_match_iccma_solutions(record: Any) -> None:
    framework = load(ICCMA / record["instance"])
    for semantics in SEMANTICS:
        extensions = [set(e) for e in record["expected"][CODES[semantics]]]
        for solver in ("python", "auto"):
            assert framework.count(semantics, solver=solver) == len(extensions)
            labelling = framework.skeptical_labelling(semantics, solver=solver)
            if extensions:
                assert labelling.in_ == set.intersection(*extensions)
            else:
                assert labelling.undec == set(framework.arguments)


# --------------------------------------------------------------------------------------
# No blow-up: 2**k extensions from k independent mutual attacks
# --------------------------------------------------------------------------------------


def mutual_attacks(pairs: int, extra: Iterable[tuple[str, str]] = ()) -> ArgumentationFramework:
    """``pairs`` independent mutual attacks a_i <-> b_i; every a_i also attacks ``c``, and
    ``c`` attacks ``d`` (so that c and d depend on all of them); ``extra`` attacks may name
    new arguments."""
    names = [f"{side}{i}" for i in range(pairs) for side in "ab"] + ["c", "d"]
    attacks = [(f"a{i}", f"b{i}") for i in range(pairs)]
    attacks += [(f"b{i}", f"a{i}") for i in range(pairs)]
    attacks += [(f"a{i}", "c") for i in range(pairs)] + [("c", "d"), *extra]
    names += [n for n in dict.fromkeys(n for pair in extra for n in pair) if n not in names]
    return ArgumentationFramework(names, attacks)


@pytest.mark.parametrize("solver", ["python", "auto"])
def test_thirty_independent_mutual_attacks_are_answered_without_listing(solver: Any) -> None:
    """2**30 preferred and stable, 3**30 complete extensions: listing them would take
    years; counting them, what they agree on and each acceptance question take
    milliseconds (the old code listed them all for all three)."""
    framework = mutual_attacks(30)
    expected: dict[Semantics, int] = {"preferred": 2**30, "stable": 2**30, "complete": 3**30}
    for semantics, count in expected.items():
        assert framework.count(semantics, solver=solver) == count
        labelling = framework.skeptical_labelling(semantics, solver=solver)
        assert labelling.in_ == labelling.out == frozenset()
        assert framework.skeptical("a0", semantics, solver=solver) is False
        assert framework.skeptical("d", semantics, solver=solver) is False
        assert framework.credulous("c", semantics, solver=solver) is True
        assert framework.credulous("d", semantics, solver=solver) is True
    assert framework.some_extension("stable", solver=solver) is not None
    refuted = mutual_attacks(30, [("x", "y"), ("y", "z"), ("z", "x"), ("x", "e")])
    assert refuted.credulous("e", "preferred", solver=solver) is False


def test_thirty_contradictions_in_a_map_evaluate_at_once() -> None:
    """``evaluate`` asks for labels and a count only: a thesis supported by 30 premises,
    each contradicted, is undecided among 2**30 preferred extensions, in milliseconds."""
    from argmap.build import MapBuilder
    from argmap.semantics import evaluate

    builder = MapBuilder("thirty contradictions")
    builder.claim("T", "the thesis", thesis=True)
    for i in range(30):
        builder.premise(f"p{i}", f"reason {i}")
        builder.premise(f"q{i}", f"objection {i}")
        builder.contradict(f"p{i}", f"q{i}")
        builder.support("T", [f"p{i}"])
    argument_map = builder.build()
    counts: dict[Semantics, int] = {"preferred": 2**30, "stable": 2**30, "complete": 3**30}
    for semantics, count in counts.items():
        evaluation = evaluate(argument_map, semantics=semantics)
        assert evaluation.extensions == count
        assert evaluation.label("T") == evaluation.label("p0") == "undecided"


def test_listing_two_to_the_twelve_extensions_is_proportional_to_the_output() -> None:
    """4,096 preferred (and stable) extensions of 12 independent mutual attacks: the old
    search took 40 s for 256 of them and doubled its time per extension; listing now
    costs a few microseconds per extension (bound: 20 s, for a slow shared machine)."""
    framework = mutual_attacks(12)
    started = time.perf_counter()
    for semantics in ("preferred", "stable"):
        listed = framework.extensions(semantics, solver="python")
        assert len(listed) == len(set(listed)) == 2**12
        assert all(len(extension) == 13 for extension in listed)
    assert time.perf_counter() - started < 20


def test_long_chains_of_components_need_no_recursion_and_stay_linear() -> None:
    """100,000 arguments in a chain, and 10,000 mutual attacks chained one after the other
    (one component each, a few states between them): no RecursionError, seconds at most."""
    names = [str(i) for i in range(100_000)]
    chain = ArgumentationFramework(names, itertools.pairwise(names))
    for semantics in SEMANTICS:
        assert chain.count(semantics) == 1
        assert chain.skeptical_labelling(semantics).in_ == frozenset(names[::2])
    pairs = 10_000
    linked = [(f"a{i}", f"b{i}") for i in range(pairs)]
    linked += [(f"b{i}", f"a{i}") for i in range(pairs)]
    linked += [(f"b{i}", f"a{i + 1}") for i in range(pairs - 1)]
    ladder = ArgumentationFramework([f"{s}{i}" for i in range(pairs) for s in "ab"], linked)
    assert ladder.count("preferred", solver="python") == pairs + 1
    assert ladder.skeptical("b0", "preferred", solver="python") is False
    assert ladder.credulous(f"a{pairs - 1}", "stable", solver="python") is True


# --------------------------------------------------------------------------------------
# Round trips
# --------------------------------------------------------------------------------------

any_names = st.lists(st.text(max_size=6), max_size=6, unique=True)
tgf_names = st.lists(
    st.text(
        st.characters(blacklist_categories=("Zs", "Zl", "Zp", "Cc", "Cs")), min_size=1, max_size=5
    ).filter(lambda name: name.split() == [name] and name != "#"),
    max_size=6,
    unique=True,
)


@st.composite
def named_frameworks(
    draw: st.DrawFn, names: st.SearchStrategy[list[str]]
) -> ArgumentationFramework:
    chosen = draw(names)
    pairs = [(a, b) for a in chosen for b in chosen]
    attacks = draw(st.lists(st.sampled_from(pairs), max_size=12)) if pairs else []
    return ArgumentationFramework(chosen, attacks)


@given(named_frameworks(any_names))
def test_apx_round_trip_keeps_any_name(framework: ArgumentationFramework) -> None:
    assert loads(dumps(framework, format="apx"), format="apx") == framework


@given(named_frameworks(tgf_names))
def test_tgf_round_trip(framework: ArgumentationFramework) -> None:
    assert loads(dumps(framework, format="tgf"), format="tgf") == framework


@given(
    st.integers(0, 12).flatmap(
        lambda n: named_frameworks(st.just([str(i) for i in range(1, n + 1)]))
    )
)
def test_i23_round_trip(framework: ArgumentationFramework) -> None:
    assert loads(dumps(framework, format="i23"), format="i23") == framework


@given(named_frameworks(any_names))
def test_i23_numbers_arguments_by_position(framework: ArgumentationFramework) -> None:
    numbers = i23_numbering(framework)
    numeric = loads_i23(dumps_i23(framework))
    assert set(numeric.attacks) == {
        (str(numbers[a]), str(numbers[b])) for a, b in framework.attacks
    }


def test_files_choose_format_by_suffix_and_write_atomically(tmp_path: Path) -> None:
    framework = ArgumentationFramework(["1", "2", "3"], [("1", "2"), ("2", "3")])
    for suffix in (".apx", ".tgf", ".af", ".i23"):
        path = tmp_path / f"nested/f{suffix}"
        dump(framework, path)
        assert load(path) == framework
    dump(framework, tmp_path / "other.txt", format="apx")
    assert load(tmp_path / "other.txt", format="apx") == framework
    assert sorted(p.name for p in (tmp_path / "nested").iterdir()) == [
        "f.af",
        "f.apx",
        "f.i23",
        "f.tgf",
    ]


def test_writers_are_canonical() -> None:
    one = ArgumentationFramework(["b", "a"], [("a", "b"), ("b", "a"), ("a", "a")])
    two = ArgumentationFramework(["b", "a"], [("a", "a"), ("b", "a"), ("a", "b"), ("a", "b")])
    assert one == two
    assert dumps_apx(one) == dumps_apx(two) == "arg(b).\narg(a).\natt(b,a).\natt(a,b).\natt(a,a).\n"
    assert dumps_tgf(one) == "b\na\n#\nb a\na b\na a\n"
    assert dumps_i23(one) == "p af 2\n1 2\n2 1\n2 2\n"
    quoted = ArgumentationFramework(['say "hi"', "x y", "a\\b", "n\nl"], [])
    assert dumps_apx(quoted) == 'arg("say \\"hi\\"").\narg("x y").\narg("a\\\\b").\narg("n\\nl").\n'


def test_tgf_refuses_names_it_cannot_write() -> None:
    for name in ("a b", "#", ""):
        with pytest.raises(FormatError) as caught:
            dumps_tgf(ArgumentationFramework([name], []))
        assert caught.value.code == "unwritable-name"


# --------------------------------------------------------------------------------------
# Reader errors: located FormatErrors, never a bare exception
# --------------------------------------------------------------------------------------


def error_of(reader: Any, text: str) -> FormatError:
    with pytest.raises(FormatError) as caught:
        reader(text, path="in.txt")
    return caught.value


@pytest.mark.parametrize(
    ("text", "line", "column", "expected"),
    [
        ("arg(a).\natt(a b).", 2, 7, "','"),
        ("arg(a)\narg(b).", 2, 1, "'.'"),
        ("arg(a). hello", 1, 9, "arg(NAME). or att(NAME,NAME)."),
        ("arg().", 1, 5, "an argument name (a bare word or a double-quoted string)"),
        ("% comment\n  att(a,b,c).", 2, 10, "')'"),
        ('arg("open).', 1, 5, "an argument name (a bare word or a double-quoted string)"),
        ('arg("bad \\q").', 1, 5, "an argument name (a bare word or a double-quoted string)"),
    ],
)
def test_apx_syntax_errors_are_located(text: str, line: int, column: int, expected: str) -> None:
    error = error_of(loads_apx, text)
    assert (error.path, error.line, error.column, error.expected) == (
        "in.txt",
        line,
        column,
        expected,
    )


def test_apx_reference_errors() -> None:
    unknown = error_of(loads_apx, "arg(a).\natt(a,zz).")
    assert (unknown.code, unknown.line, unknown.column) == ("unknown-reference", 2, 7)
    twice = error_of(loads_apx, "arg(a).\n  arg(a).")
    assert (twice.code, twice.line, twice.column) == ("duplicate-argument", 2, 7)
    later = loads_apx("att(a,b). % attacks first\narg(b). arg(a).")
    assert later.arguments == ("b", "a")
    assert set(later.attacks) == {("a", "b")}


@pytest.mark.parametrize(
    ("text", "line", "column", "code"),
    [
        ("a b\n#\n", 1, 3, "format-error"),
        ("a\na\n", 2, 1, "duplicate-argument"),
        ("a\nb\n#\na c\n", 4, 3, "unknown-reference"),
        ("a\n#\na\n", 3, 2, "format-error"),
        ("a\n#\na a a\n", 3, 5, "format-error"),
        ("a\n#\n#\n", 3, 2, "format-error"),
    ],
)
def test_tgf_errors_are_located(text: str, line: int, column: int, code: str) -> None:
    error = error_of(loads_tgf, text)
    assert (error.line, error.column, error.code) == (line, column, code)


@pytest.mark.parametrize(
    ("text", "line", "column", "code"),
    [
        ("", 1, 1, "format-error"),
        ("# only a comment\n", 2, 1, "format-error"),
        ("p af\n", 1, 5, "format-error"),
        ("p xf 3\n", 1, 3, "format-error"),
        ("p af three\n", 1, 6, "format-error"),
        ("p af 3 4\n", 1, 8, "format-error"),
        ("1 2\n", 1, 1, "format-error"),
        ("p af 3\n1 2\n3 4\n", 3, 3, "format-error"),
        ("p af 3\n1 2\n\n0 1\n", 4, 1, "format-error"),
        ("p af 3\n1\n", 2, 2, "format-error"),
        ("p af 3\n1 2 3\n", 2, 5, "format-error"),
        ("p af 3\np af 3\n", 2, 1, "format-error"),
        ("p af 3\n1 x\n", 2, 3, "format-error"),
        ("p af 3\n1 +2\n", 2, 3, "format-error"),
        ("p af 3\n1 2_0\n", 2, 3, "format-error"),
        ("p af 3\n1 \u0662\n", 2, 3, "format-error"),
        ("p af 3\n1 99999999999999999999999\n", 2, 3, "format-error"),
        ("p af 99\n", 1, 6, "too-large"),
        ("p af " + "9" * 5000 + "\n", 1, 6, "too-large"),  # past int()'s digit limit
        ("p af 3\n1 " + "7" * 5000 + "\n", 2, 3, "format-error"),
        ("p af 3\n" + "0" * 5000 + "1 2\n", 1, 1, "ok"),  # leading zeros are fine
        ("p af -3\n", 1, 6, "format-error"),
        ("p af 3\n1 -2\n", 2, 3, "format-error"),
        ("p af 3\n0 1\n", 2, 1, "format-error"),
        ("p af 3\n1 \ud800\n", 2, 3, "encoding"),
        ("# \udfff\np af 3\n", 1, 3, "encoding"),
    ],
)
def test_i23_errors_are_located(text: str, line: int, column: int, code: str) -> None:
    if code == "ok":
        assert loads_i23(text, path="in.af", max_arguments=50).arguments == ("1", "2", "3")
        return
    with pytest.raises(FormatError) as caught:
        loads_i23(text, path="in.af", max_arguments=50)
    error = caught.value
    assert (error.path, error.line, error.column, error.code) == ("in.af", line, column, code)
    assert error.expected


def test_i23_header_bound_keeps_memory_proportional_to_the_file(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """``p af 99999999999`` (17 bytes) once built 10**7 names (1.6 GB, 13 s) or more; by
    default N may be at most DEFAULT_MAX_ARGUMENTS or the length of the text."""
    for header in ("p af 99999999999\n", f"p af {afmod.DEFAULT_MAX_ARGUMENTS + 1}\n"):
        with pytest.raises(FormatError) as caught:
            loads_i23(header, path="big.af")
        assert (caught.value.code, caught.value.line, caught.value.column) == ("too-large", 1, 6)
        assert "999999999" in str(caught.value) or "1000001" in str(caught.value)
    assert loads_i23("p af 0\n").arguments == ()
    monkeypatch.setattr(af_iccma, "DEFAULT_MAX_ARGUMENTS", 10)
    padded = "p af 40\n" + "# padding\n" * 4  # 48 characters: 40 arguments are fine
    assert len(loads_i23(padded).arguments) == 40
    with pytest.raises(FormatError, match="more than the limit of 48"):
        loads_i23(padded.replace("40", "49"))
    assert len(loads_i23("p af 49\n", max_arguments=49).arguments) == 49


@pytest.mark.parametrize(
    ("format", "text", "line", "column"),
    [
        ("apx", "arg(a).\narg(b\ud800).\n", 2, 6),
        ("apx", "% \udc00 in a comment\narg(a).", 1, 3),
        ("tgf", "a\n\ud83d\n#\n", 2, 1),
        ("tgf", "a\n#\na \udfff", 3, 3),
        ("i23", "p af 2\n\ud800 1\n", 2, 1),
    ],
)
def test_lone_surrogates_are_refused_where_they_are(
    format: Format, text: str, line: int, column: int
) -> None:
    """A str with a lone surrogate (only Python can make one) is not Unicode text: it
    could not be written back to a file. Refused with its place."""
    with pytest.raises(FormatError) as caught:
        loads(text, format=format, path="in")
    error = caught.value
    assert (error.code, error.path, error.line, error.column) == ("encoding", "in", line, column)


@pytest.mark.parametrize("format", ["apx", "tgf", "i23"])
def test_readers_refuse_what_is_not_text(format: Format) -> None:
    with pytest.raises(FormatError) as caught:
        loads(b"p af 1\n", format=format, path="in")  # type: ignore[arg-type]
    assert caught.value.code == "not-text"


def test_load_of_missing_folder_or_binary_files(tmp_path: Path) -> None:
    """Every file that cannot be read is a FormatError naming it, never an OSError."""
    with pytest.raises(FormatError) as missing:
        load(tmp_path / "missing.af")
    assert (missing.value.code, missing.value.path) == ("unreadable", str(tmp_path / "missing.af"))
    assert "no such file" in str(missing.value)
    folder = tmp_path / "folder.apx"
    folder.mkdir()
    with pytest.raises(FormatError, match="is a folder") as directory:
        load(folder)
    assert directory.value.code == "unreadable"
    binary = tmp_path / "binary.tgf"
    binary.write_bytes(bytes(range(256)))
    with pytest.raises(FormatError) as undecodable:
        load(binary)
    assert (undecodable.value.code, undecodable.value.line, undecodable.value.column) == (
        "encoding",
        2,
        118,
    )


def test_dump_refuses_names_that_are_not_unicode(tmp_path: Path) -> None:
    """A name with a lone surrogate (given in Python) cannot be encoded: a FormatError,
    and the file that was there is untouched."""
    target = tmp_path / "out.apx"
    target.write_text("arg(kept).\n", encoding="utf-8")
    framework = ArgumentationFramework(["ok", "bad\ud800"], [("ok", "bad\ud800")])
    with pytest.raises(FormatError) as caught:
        dump(framework, target)
    assert (caught.value.code, caught.value.path) == ("unwritable-name", str(target))
    assert target.read_text(encoding="utf-8") == "arg(kept).\n"


MALFORMED_AF = REPO / "tests" / "malformed" / "af"


@pytest.mark.parametrize(
    "expected_file",
    sorted(MALFORMED_AF.glob("*.expected")),
    ids=lambda path: path.name[: -len(".expected")],
)
def test_malformed_framework_files_fail_clearly(expected_file: Path) -> None:
    """The ICCMA part of the malformed-input corpus (``tests/malformed/af/``: a file and
    its ``.expected`` JSON with format, code, line, column and message)."""
    expected = json.loads(expected_file.read_text("utf-8"))
    case = expected_file.with_name(expected_file.name[: -len(".expected")])
    with pytest.raises(FormatError) as raised:
        load(case, format=expected["format"])
    error = raised.value
    assert (error.code, error.line, error.column) == (
        expected["code"],
        expected["line"],
        expected["column"],
    )
    assert expected["message"] in str(error)
    assert error.path == str(case)


def test_i23_accepts_comments_blank_lines_tabs_and_crlf() -> None:
    text = "# made by hand\r\n\r\np af 3\r\n1\t2\r\n# note\n\n  2 3  \n3 3"
    framework = loads_i23(text)
    assert framework.arguments == ("1", "2", "3")
    assert set(framework.attacks) == {("1", "2"), ("2", "3"), ("3", "3")}


def test_i23_large_chunks_take_the_fast_path_and_agree_with_the_slow_one() -> None:
    count = 60_000
    lines = [f"{i} {(i * 7) % count + 1}\n" for i in range(1, count + 1)]
    canonical_text = f"p af {count}\n" + "".join(lines)
    relaxed_text = f"p af {count}\n" + "".join(line.replace(" ", "\t") for line in lines)
    assert loads_i23(canonical_text) == loads_i23(relaxed_text)
    broken = canonical_text + f"{count + 1} 1\n"
    with pytest.raises(FormatError) as caught:
        loads_i23(broken)
    assert (caught.value.line, caught.value.column) == (count + 2, 1)


def test_files_that_are_not_utf8_or_of_unknown_type(tmp_path: Path) -> None:
    bad = tmp_path / "bad.apx"
    bad.write_bytes(b"arg(a).\narg(\xff).\n")
    with pytest.raises(FormatError) as caught:
        load(bad)
    assert (caught.value.code, caught.value.line, caught.value.column) == ("encoding", 2, 5)
    with pytest.raises(FormatError) as unknown:
        load(tmp_path / "graph.gml")
    assert unknown.value.code == "unknown-format"
    bom = tmp_path / "bom.tgf"
    bom.write_bytes(b"\xef\xbb\xbfa\n#\n")
    assert load(bom).arguments == ("a",)


# --------------------------------------------------------------------------------------
# Fuzzing: random and mutated text may only raise FormatError
# --------------------------------------------------------------------------------------

READERS: dict[str, Callable[..., ArgumentationFramework]] = {
    "apx": loads_apx,
    "tgf": loads_tgf,
    "i23": lambda text, path=None: loads_i23(text, path=path, max_arguments=1_000),
}
NOISE = st.sampled_from(list('arg att p af()%#,."\\ \t\n\r019-+_xé\x00\u0662\u2028\ud800'))
ANY_CHARACTER = st.characters(exclude_categories=())  # lone surrogates included
DIGITS = st.one_of(
    st.text("0123456789", min_size=1, max_size=25),
    st.integers(4290, 6000).map("1".__mul__),  # around int()'s limit of 4300 digits
)


@st.composite
def mutated(draw: st.DrawFn, format: Format) -> str:
    framework = draw(frameworks(max_arguments=5))
    text = list(dumps(framework, format=format))
    for _ in range(draw(st.integers(1, 4))):
        where = draw(st.integers(0, len(text)))
        action = draw(st.sampled_from(["insert", "delete", "replace"]))
        if action == "insert":
            text.insert(where, draw(NOISE))
        elif where < len(text):
            if action == "delete":
                del text[where]
            else:
                text[where] = draw(NOISE)
    return "".join(text)


def read_or_format_error(format: Format, text: str) -> None:
    """Reading gives a framework that survives a round trip, or a FormatError with a line
    and a column inside the text (one past its end at most)."""
    failure: FormatError | None = None
    try:
        framework = READERS[format](text, path="fuzz")
    except FormatError as error:
        failure = error
    if failure is not None:
        lines = text.split("\n")
        assert failure.path == "fuzz"
        assert failure.line is not None
        assert failure.column is not None
        assert 1 <= failure.line <= len(lines)
        assert 1 <= failure.column <= len(lines[failure.line - 1]) + 1
        return
    if format != "tgf" or all(n.split() == [n] and n != "#" for n in framework.arguments):
        written = dumps(framework, format=format)
        written.encode("utf-8")  # what is read can be written to a file again
        assert READERS[format](written) == framework


@pytest.mark.parametrize("format", ["apx", "tgf", "i23"])
@given(data=st.data())
@settings(suppress_health_check=[HealthCheck.too_slow])
def test_fuzz_random_text(format: Format, data: st.DataObject) -> None:
    text = data.draw(
        st.one_of(
            st.text(max_size=80),
            st.text(ANY_CHARACTER, max_size=40),
            st.lists(NOISE, max_size=60).map("".join),
        )
    )
    read_or_format_error(format, text)


@st.composite
def i23_with_long_numbers(draw: st.DrawFn) -> str:
    """An ICCMA 2023 text whose header and attack numbers may have thousands of digits."""
    number = st.one_of(DIGITS, st.integers(1, 9).map(str))
    header = draw(st.sampled_from(["p af ", "p af -", "p af 0"])) + draw(number)
    attacks = draw(st.lists(st.tuples(number, number).map(" ".join), max_size=3))
    return "\n".join([header, *attacks]) + "\n"


@given(i23_with_long_numbers())
@settings(suppress_health_check=[HealthCheck.too_slow], deadline=None)
def test_fuzz_i23_numbers_of_any_length(text: str) -> None:
    """Headers and attacks with numbers of up to 6,000 digits (past Python's limit for
    converting digit strings to int): a framework or a located FormatError."""
    read_or_format_error("i23", text)


@pytest.mark.parametrize("format", ["apx", "tgf", "i23"])
@given(data=st.data())
@settings(suppress_health_check=[HealthCheck.too_slow])
def test_fuzz_lone_surrogates_are_found_where_they_are(format: Format, data: st.DataObject) -> None:
    """A lone surrogate anywhere in a valid file: a FormatError (``encoding``) at exactly
    its line and column, whatever the reader would have made of the rest."""
    valid = dumps(data.draw(frameworks(max_arguments=5)), format=format)
    where = data.draw(st.integers(0, len(valid)))
    surrogate = data.draw(st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF))
    text = valid[:where] + surrogate + valid[where:]
    with pytest.raises(FormatError) as caught:
        READERS[format](text, path="fuzz")
    before = text[:where]
    line = before.count("\n") + 1
    column = where - (before.rfind("\n") + 1) + 1
    assert (caught.value.code, caught.value.line, caught.value.column) == ("encoding", line, column)


@pytest.mark.parametrize("format", ["apx", "tgf", "i23"])
@given(data=st.data())
@settings(suppress_health_check=[HealthCheck.too_slow])
def test_fuzz_mutated_valid_files(format: Format, data: st.DataObject) -> None:
    read_or_format_error(format, data.draw(mutated(format)))


# --------------------------------------------------------------------------------------
# The framework object
# --------------------------------------------------------------------------------------


def test_constructor_reports_every_bad_reference() -> None:
    with pytest.raises(MapError) as caught:
        ArgumentationFramework(["a"], [("a", "x"), ("y", "a"), ("x", "y")])
    assert [(p.code, p.ids) for p in caught.value.problems] == [
        ("unknown-reference", ("x",)),
        ("unknown-reference", ("y",)),
    ]
    with pytest.raises(MapError) as twice:
        ArgumentationFramework(["a", "b", "a", "b", "c"], [])
    assert [(p.code, p.ids) for p in twice.value.problems] == [
        ("duplicate-id", ("a",)),
        ("duplicate-id", ("b",)),
    ]
    with pytest.raises(MapError):
        ArgumentationFramework(["a"], []).admissible(["a", "nope"])
    with pytest.raises(MapError):
        ArgumentationFramework(["a"], []).credulous("nope")


def test_attack_set_behaves_like_a_frozenset() -> None:
    framework = ArgumentationFramework(["a", "b", "c"], [("a", "b"), ("b", "c"), ("a", "b")])
    attacks = framework.attacks
    plain = frozenset({("a", "b"), ("b", "c")})
    assert isinstance(attacks, AttackSet)
    assert len(attacks) == 2
    assert attacks == plain
    assert plain == attacks
    assert hash(attacks) == hash(plain)
    assert ("a", "b") in attacks
    assert ("b", "a") not in attacks
    assert ("a", "zz") not in attacks
    not_a_pair: object = "ab"
    assert not_a_pair not in attacks
    assert attacks | {("c", "a")} == plain | {("c", "a")}
    assert attacks - {("a", "b")} == {("b", "c")}
    assert list(attacks) == [("a", "b"), ("b", "c")]
    reordered = ArgumentationFramework(["c", "b", "a"], [("b", "c"), ("a", "b")])
    assert reordered.attacks == attacks
    assert reordered != framework
    assert hash(framework) == hash(ArgumentationFramework(["a", "b", "c"], plain))
    assert repr(attacks) == "AttackSet([('a', 'b'), ('b', 'c')])"


def test_framework_is_frozen_and_evolves() -> None:
    import attrs

    framework = ArgumentationFramework(["a", "b"], [("a", "b")])
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        framework.arguments = ()  # type: ignore[misc]
    bigger = attrs.evolve(framework, arguments=("a", "b", "c"))
    assert set(bigger.attacks) == {("a", "b")}
    assert bigger.grounded() == {"a", "c"}


def test_set_predicates() -> None:
    framework = ArgumentationFramework(["a", "b", "c"], [("a", "b"), ("b", "c"), ("c", "c")])
    assert framework.conflict_free(["a", "c"]) is False
    assert framework.conflict_free(["a"]) is True
    assert framework.admissible(["a"]) is True
    assert framework.admissible(["b"]) is False
    assert framework.admissible([]) is True


def test_stable_acceptance_conventions_without_stable_extension() -> None:
    odd = ArgumentationFramework(["a", "b", "c", "d"], [("a", "b"), ("b", "c"), ("c", "a")])
    assert odd.stable() == []
    assert odd.some_extension("stable") is None
    assert odd.skeptical("a", "stable") is True  # ICCMA: vacuously in every stable extension
    assert odd.skeptical("d", "stable") is True
    assert odd.credulous("d", "stable") is False
    assert odd.credulous("d", "preferred") is True


def test_long_chains_and_cycles_need_no_recursion() -> None:
    count = 20_000
    names = [str(i) for i in range(count)]
    chain = ArgumentationFramework(names, itertools.pairwise(names))
    assert chain.grounded() == frozenset(names[::2])
    cycle = ArgumentationFramework(
        names[:2000], zip(names[:2000], names[1:2000] + names[:1], strict=True)
    )
    assert len(cycle.preferred(solver="python")) == 2
    assert len(cycle.complete(solver="python")) == 3
    odd = ArgumentationFramework(
        names[:1001], zip(names[:1001], names[1:1001] + names[:1], strict=True)
    )
    assert odd.preferred(solver="python") == [frozenset()]


def test_bad_semantics_or_solver_names() -> None:
    framework = ArgumentationFramework(["a"], [])
    with pytest.raises(MapError, match="unknown semantics") as semantics:
        framework.extensions("ideal")  # type: ignore[arg-type]
    assert [p.code for p in semantics.value.problems] == ["unknown-semantics"]
    with pytest.raises(MapError, match="unknown solver") as solver:
        framework.preferred(solver="z3")  # type: ignore[arg-type]
    assert [p.code for p in solver.value.problems] == ["unknown-solver"]
    for call in (framework.count, framework.skeptical_labelling, framework.some_extension):
        with pytest.raises(MapError):
            call("ideal")  # type: ignore[arg-type]
    with pytest.raises(MapError):
        framework.credulous("a", "grounded", solver="z3")  # type: ignore[arg-type]
    with pytest.raises(FormatError):
        loads("p af 1\n", format="gml")  # type: ignore[arg-type]


def test_missing_clingo_is_reported_with_an_install_hint(monkeypatch: pytest.MonkeyPatch) -> None:
    real = importlib.import_module

    def without_clingo(name: str, package: str | None = None) -> Any:
        if name == "clingo":
            raise ImportError("No module named 'clingo'")
        return real(name, package)

    monkeypatch.setattr(importlib, "import_module", without_clingo)
    monkeypatch.setattr(af_clingo, "AUTO_PYTHON_LIMIT", 0)
    framework = ArgumentationFramework(["a", "b"], [("a", "b"), ("b", "a")])
    with pytest.raises(SolverUnavailableError, match=r"pip install 'argmap\[solver\]'"):
        framework.preferred(solver="clingo")
    assert len(framework.preferred()) == 2  # "auto" falls back to pure Python


@needs_clingo
def test_auto_uses_clingo_on_large_undecided_cores(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(af_clingo, "AUTO_PYTHON_LIMIT", 1)
    calls: list[str] = []
    real = af_clingo._clingo_extensions

    def spy(*args: Any, **kwargs: Any) -> Any:
        calls.append("clingo")
        return real(*args, **kwargs)

    monkeypatch.setattr(af_search, "_clingo_extensions", spy)
    framework = ArgumentationFramework(["a", "b", "c"], [("a", "b"), ("b", "a"), ("b", "c")])
    assert framework.preferred() == [frozenset({"a", "c"}), frozenset({"b"})]
    assert framework.credulous("c", "stable") is True
    assert framework.skeptical("c", "stable") is False
    assert calls
