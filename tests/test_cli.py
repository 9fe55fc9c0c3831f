"""The command line: one line per problem, exit codes, never a traceback."""

from __future__ import annotations

import json
import pathlib
import subprocess
import sys

import pytest

from argmap import MapBuilder
from argmap.cli import main
from argmap.formats import json as native

MALFORMED = pathlib.Path(__file__).resolve().parent / "malformed"


def write_map(path: pathlib.Path, *, broken: bool = False) -> pathlib.Path:
    b = MapBuilder("cli")
    b.claim("t", "thesis", thesis=True, tags=["x"])
    b.premise("p", "premise", tags=["x"])
    b.premise("q", "other")
    b.support("t", ["p", "q"])
    if broken:
        b.counter("p", "p")
    native.dump(b.build(), path)
    return path


def test_check_clean_map_exits_0(
    tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", str(write_map(tmp_path / "m.argmap.json"))]) == 0
    assert capsys.readouterr().out == "1 file checked: 0 errors, 0 warnings, 0 infos\n"


def test_check_errors_exit_1_one_line_each(
    tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_map(tmp_path / "m.argmap.json", broken=True)
    assert main(["check", str(path)]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith(f"{path}:")
    assert " error self-conflict: " in lines[0]
    assert lines[-1] == "1 file checked: 1 error, 0 warnings, 0 infos"


def test_check_unreadable_exits_2_with_position(capsys: pytest.CaptureFixture[str]) -> None:
    path = MALFORMED / "json-unknown-premise.json"
    assert main(["check", str(path)]) == 2
    out = capsys.readouterr().out
    assert f"{path}:3:18: error unknown-reference: 'i' names unknown premise 'ghost'." in out
    assert "(1 unreadable)" in out


def test_check_walks_folders_and_speaks_json(
    tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_map(tmp_path / "a.argmap.json")
    write_map(tmp_path / "sub" / "b.argmap.json", broken=True)
    (tmp_path / "notes.txt").write_text("ignored")
    assert main(["check", str(tmp_path), "--format", "json"]) == 1
    document = json.loads(capsys.readouterr().out)
    assert [pathlib.Path(f["path"]).name for f in document["files"]] == [
        "a.argmap.json",
        "b.argmap.json",
    ]
    assert document["files"][1]["problems"][0]["code"] == "self-conflict"
    assert document["summary"]["error"] == 1
    assert document["summary"]["exit"] == 1


def test_bad_usage_is_one_line_and_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as raised:
        main(["frobnicate"])
    assert raised.value.code == 2
    err = capsys.readouterr().err
    assert len(err.splitlines()) == 1
    assert "see --help" in err


def test_help_has_examples(capsys: pytest.CaptureFixture[str]) -> None:
    for command in ("check", "render", "convert"):
        with pytest.raises(SystemExit):
            main([command, "--help"])
        assert "examples:" in capsys.readouterr().out


def test_render_writes_dot_without_graphviz_and_filters_tags(tmp_path: pathlib.Path) -> None:
    source = write_map(tmp_path / "m.argmap.json")
    out = tmp_path / "m.dot"
    assert main(["render", str(source), "-o", str(out), "--tag", "x", "--no-legend"]) == 0
    text = out.read_text("utf-8")
    assert "thesis" in text
    assert "other" not in text
    assert "legend" not in text


@pytest.mark.dot
def test_render_svg(tmp_path: pathlib.Path) -> None:
    source = write_map(tmp_path / "m.argmap.json")
    assert main(["render", str(source), "-o", str(tmp_path / "m.svg"), "--rankdir", "LR"]) == 0
    assert (tmp_path / "m.svg").read_text("utf-8").startswith("<?xml")


def test_convert_and_refuse_to_overwrite_the_input(
    tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = write_map(tmp_path / "m.argmap.json")
    before = source.read_bytes()
    assert main(["convert", str(source), str(source)]) == 2
    assert "refusing to overwrite" in capsys.readouterr().err
    assert source.read_bytes() == before
    assert main(["convert", str(source), str(tmp_path / "copy.json"), "--to", "json"]) == 0
    assert native.load(tmp_path / "copy.json") == native.load(source)


def test_missing_file_is_a_clear_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["render", "no/such/file.argmap.json", "-o", "x.svg"]) == 2
    err = capsys.readouterr().err
    assert err == "argmap: error: no/such/file.argmap.json: no such file\n"


def test_python_dash_m_runs_without_traceback(tmp_path: pathlib.Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "argmap", "check", str(tmp_path / "absent.json")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 2
    assert "Traceback" not in done.stderr + done.stdout
    assert "no such file" in done.stdout


def test_evaluate_a_map_and_a_dung_framework(
    tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str], fixtures: pathlib.Path
) -> None:
    path = write_map(tmp_path / "m.argmap.json")
    assert main(["evaluate", str(path), "--format", "json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["theses"] == {"t": "in"}
    instance = fixtures / "iccma" / "probo" / "ex1.apx"
    assert main(["evaluate", str(instance), "--semantics", "preferred"]) == 0
    assert capsys.readouterr().out.splitlines() == ["[a1,a3,a4]", "[a2,a5]"]
    assert main(["evaluate", str(instance), "--semantics", "df-quad"]) == 2
    assert "no gradual semantics" in capsys.readouterr().err


def test_render_a_section_of_an_argdown_file(
    tmp_path: pathlib.Path, fixtures: pathlib.Path
) -> None:
    source = fixtures / "argdown" / "argdown-primer" / "argdown-primer.argdown"
    whole, part = tmp_path / "whole.dot", tmp_path / "part.dot"
    assert main(["render", str(source), "-o", str(whole)]) == 0
    assert main(["render", str(source), "-o", str(part), "--section", "Argdown Basics"]) == 0
    assert 0 < part.read_text("utf-8").count("label=") < whole.read_text("utf-8").count("label=")
    assert "Intro" in whole.read_text("utf-8")
    assert "Intro" not in part.read_text("utf-8")
