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
from argmap.errors import FormatError, MapError

REPO = Path(__file__).resolve().parent.parent
FIXTURES = Path(os.environ.get("ARGMAP_FIXTURES", REPO.parent / "shared" / "fixtures"))
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
    ],
)
def test_i23_errors_are_located(text: str, line: int, column: int, code: str) -> None:
    with pytest.raises(FormatError) as caught:
        loads_i23(text, path="in.af", max_arguments=50)
    error = caught.value
    assert (error.path, error.line, error.column, error.code) == ("in.af", line, column, code)
    assert error.expected


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
NOISE = st.sampled_from(list('arg att p af()%#,."\\ \t\n\r019-+_xé\x00\u0662\u2028'))


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
    """Reading gives a framework that survives a round trip, or a located FormatError."""
    failure: FormatError | None = None
    try:
        framework = READERS[format](text)
    except FormatError as error:
        failure = error
    if failure is not None:
        assert failure.line is None or failure.line >= 1
        assert failure.column is None or failure.column >= 1
        return
    if format != "tgf" or all(n.split() == [n] and n != "#" for n in framework.arguments):
        assert READERS[format](dumps(framework, format=format)) == framework


@pytest.mark.parametrize("format", ["apx", "tgf", "i23"])
@given(data=st.data())
@settings(suppress_health_check=[HealthCheck.too_slow])
def test_fuzz_random_text(format: Format, data: st.DataObject) -> None:
    text = data.draw(st.one_of(st.text(max_size=80), st.lists(NOISE, max_size=60).map("".join)))
    read_or_format_error(format, text)


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
    with pytest.raises(ValueError, match="unknown semantics"):
        framework.extensions("ideal")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="unknown solver"):
        framework.preferred(solver="z3")  # type: ignore[arg-type]
    with pytest.raises(FormatError):
        loads("p af 1\n", format="gml")  # type: ignore[arg-type]


def test_missing_clingo_is_reported_with_an_install_hint(monkeypatch: pytest.MonkeyPatch) -> None:
    real = importlib.import_module

    def without_clingo(name: str, package: str | None = None) -> Any:
        if name == "clingo":
            raise ImportError("No module named 'clingo'")
        return real(name, package)

    monkeypatch.setattr(importlib, "import_module", without_clingo)
    monkeypatch.setattr(afmod, "AUTO_PYTHON_LIMIT", 0)
    framework = ArgumentationFramework(["a", "b"], [("a", "b"), ("b", "a")])
    with pytest.raises(SolverUnavailableError, match=r"pip install 'argmap\[solver\]'"):
        framework.preferred(solver="clingo")
    assert len(framework.preferred()) == 2  # "auto" falls back to pure Python


@needs_clingo
def test_auto_uses_clingo_on_large_undecided_cores(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(afmod, "AUTO_PYTHON_LIMIT", 1)
    calls: list[str] = []
    real = afmod._clingo_extensions

    def spy(*args: Any, **kwargs: Any) -> Any:
        calls.append("clingo")
        return real(*args, **kwargs)

    monkeypatch.setattr(afmod, "_clingo_extensions", spy)
    framework = ArgumentationFramework(["a", "b", "c"], [("a", "b"), ("b", "a"), ("b", "c")])
    assert framework.preferred() == [frozenset({"a", "c"}), frozenset({"b"})]
    assert framework.credulous("c", "stable") is True
    assert framework.skeptical("c", "stable") is False
    assert calls
