"""``argmap evaluate`` as people read it (issue 10, part 4): statement texts with ids,
theses first, headers naming the semantics; ``--explain``, ``--cruxes``,
``--sensitivity`` and ``--json``; and the faults a tester found, each held here."""

from __future__ import annotations

import json
import pathlib

import pytest

from argmap import MapBuilder, fragility, sensitivity
from argmap.cli import main
from argmap.errors import MapError
from argmap.formats import json as native


def debate() -> MapBuilder:
    b = MapBuilder("Should cities ban cars?")
    b.claim("ban", "Cities should ban cars from their centres.", thesis=True)
    b.premise("air", "Fewer cars mean cleaner air.")
    b.premise("shops", "Shops in the centre would lose customers.", stance="hedged")
    b.premise("walk", "People who walk spend more in shops.")
    b.support("ban", ["air"], id="health")
    b.counter("ban", "shops", id="trade")
    b.counter("shops", "walk", id="answer")
    return b


@pytest.fixture
def path(tmp_path: pathlib.Path) -> pathlib.Path:
    target = tmp_path / "m.argmap.json"
    native.dump(debate().build(), target)
    return target


def test_labels_are_texts_with_ids_theses_first(
    path: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["evaluate", str(path)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "Should cities ban cars?"
    assert lines[2] == (
        "grounded semantics (Dung 1995): 1 extension; 3 in, 0 undecided, 1 out of 4 statements"
    )
    assert lines[4:6] == ["Theses", "  in         Cities should ban cars from their centres. [ban]"]
    assert "  out        Shops in the centre would lose customers. [shops]" in lines


def test_strengths_are_sorted_and_say_which_bases_are_defaults(
    path: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["evaluate", str(path), "--semantics", "df-quad"]) == 0
    out = capsys.readouterr().out
    assert "DF-QuAD strengths (Rago et al. 2016), 0 to 1; base scores: 4 stance defaults" in out
    listed = [
        line for line in out.splitlines() if line.startswith("  0.") or line.startswith("  1.")
    ]
    values = [float(line.split()[0]) for line in listed[1:]]  # after the thesis
    assert values == sorted(values, reverse=True)


def test_json_has_every_section_asked_for(
    path: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["evaluate", str(path), "--json", "--explain", "ban", "--cruxes", "--sensitivity"]
    assert main(argv) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["theses"] == {"ban": "in"}
    steps = document["explanation"]["steps"]
    assert (steps[0]["id"], steps[0]["depth"], steps[0]["parent"]) == ("ban", 0, None)
    assert all(steps[step["parent"]]["depth"] == step["depth"] - 1 for step in steps[1:])
    assert {"accept": [], "reject": ["walk"], "before": "in", "label": "out", "target": "ban"} in (
        document["cruxes"]
    )
    assert document["sensitivity"]["derivatives"] == pytest.approx(
        sensitivity(debate().build(), "ban")
    )
    codes = [w["code"] for w in document["sensitivity"]["warnings"]]
    assert codes == [p.code for p in fragility(debate().build(), "ban")]


def test_a_deep_explanation_is_written_as_json_without_recursion(
    tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    b = MapBuilder("chain")
    for n in range(1500):
        b.claim(f"s{n}", f"Link {n}.", thesis=n == 0)
        if n:
            b.support(f"s{n - 1}", [f"s{n}"])
    target = tmp_path / "chain.argmap.json"
    native.dump(b.build(), target)
    assert main(["evaluate", str(target), "--explain", "s0", "--json"]) == 0
    steps = json.loads(capsys.readouterr().out)["explanation"]["steps"]
    assert max(step["depth"] for step in steps) >= 1499


def test_crux_size_and_named_cruxes(path: pathlib.Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["evaluate", str(path), "--cruxes", "--crux-size", "1"]) == 0
    out = capsys.readouterr().out
    assert "   1. [ban] becomes out if you reject Fewer cars mean cleaner air. [air]" in out
    assert main(["evaluate", str(path), "--cruxes", "--crux-size", "0"]) == 2
    assert "--crux-size must be at least 1" in capsys.readouterr().err


def test_sensitivity_takes_an_inference_and_refuses_to_guess_a_thesis(
    tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    b = debate()
    b.claim("other", "Cars are convenient.", thesis=True)
    target = tmp_path / "two.argmap.json"
    native.dump(b.build(), target)
    assert main(["evaluate", str(target), "--sensitivity", "health"]) == 0
    assert "[health]" in capsys.readouterr().out
    assert main(["evaluate", str(target), "--sensitivity"]) == 2
    assert "the map has 2 theses; name the target" in capsys.readouterr().err
    assert main(["evaluate", str(target), "--cruxes", "nosuch"]) == 2
    assert "--cruxes 'nosuch': the map has no statement" in capsys.readouterr().err


def test_sensitivity_and_fragility_refuse_what_is_not_a_map() -> None:
    for function in (sensitivity, fragility):
        with pytest.raises(MapError, match="expected an ArgumentMap"):
            function(None)  # type: ignore[arg-type]


def test_render_refuses_semantics_for_the_page_and_unknown_suffixes(
    path: pathlib.Path, tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = tmp_path / "page.html"
    assert main(["render", str(path), "-o", str(page), "--semantics", "preferred"]) == 2
    assert "the page shows grounded labels and DF-QuAD strengths itself" in capsys.readouterr().err
    assert not page.exists()
    assert main(["render", str(path), "-o", str(tmp_path / "out.txt")]) == 2
    assert ".html" in capsys.readouterr().err
    assert main(["render", str(path), "-o", str(page)]) == 0
    assert "data-position-of" in page.read_text(encoding="utf-8")
