"""The command line: one line per problem, exit codes, never a traceback."""

from __future__ import annotations

import io
import json
import os
import pathlib
import re
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
    place = re.escape(f"{path}:3:") + r"\d+: error unknown-reference: "
    assert re.search(place + r".*'i' names unknown premise 'ghost'\.", out)
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


def test_every_problem_of_an_unreadable_file_is_one_line(
    tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "two.argmap.json"
    source.write_text(
        '{"argmap": 1, "title": "", "statements": [{"id": "a", "text": "A"}],\n'
        ' "inferences": [{"id": "i", "premises": ["ghost"], "conclusion": "a"},\n'
        '   {"id": "j", "premises": ["phantom"], "conclusion": "a"}], "conflicts": []}\n',
        "utf-8",
    )
    assert main(["convert", str(source), str(tmp_path / "out.argdown")]) == 2
    lines = capsys.readouterr().err.splitlines()
    assert len(lines) == 2
    assert lines[0].startswith(f"argmap: error: {source}:2:")
    assert "'ghost'" in lines[0]
    assert lines[1].startswith(f"argmap: error: {source}:3:")
    assert "'phantom'" in lines[1]
    assert not (tmp_path / "out.argdown").exists()


@pytest.mark.parametrize(
    ("name", "shown"),
    [("bad\x1b[31mname.json", "bad\\x1b[31mname.json"), ("two\nlines.json", "two\\nlines.json")],
)
def test_file_names_cannot_break_lines_or_the_terminal(
    tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str], name: str, shown: str
) -> None:
    (tmp_path / name).write_text("not json", "utf-8")
    assert main(["check", str(tmp_path / name)]) == 2
    out = capsys.readouterr().out
    assert out.splitlines()[0].startswith(f"{tmp_path}/{shown}:1:1: error ")
    assert "\x1b" not in out
    assert len(out.splitlines()) == 2
    assert main(["convert", str(tmp_path / name), str(tmp_path / "out.json")]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"argmap: error: {tmp_path}/{shown}:1:1: ")
    assert err.count("\n") == 1


def test_a_lone_surrogate_in_output_is_spelt_not_a_crash(tmp_path: pathlib.Path) -> None:
    name = os.fsdecode(b"\xff.json")  # an undecodable name: argv holds it as U+DCFF
    (tmp_path / name).write_bytes(b"{}")
    done = subprocess.run(
        [sys.executable, "-m", "argmap", "check", os.fsencode(str(tmp_path / name))],
        capture_output=True,
        check=False,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )
    assert done.returncode == 2
    assert b"\\udcff.json:1:1: error " in done.stdout
    assert b"Traceback" not in done.stdout + done.stderr


def test_graphviz_quitting_early_is_an_error_not_a_closed_stdout(
    tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import graphviz

    def quit_early(*_: object, **__: object) -> bytes:
        raise BrokenPipeError(32, "Broken pipe")

    monkeypatch.setattr(graphviz.Digraph, "pipe", quit_early)
    source = write_map(tmp_path / "m.argmap.json")
    assert main(["render", str(source), "-o", str(tmp_path / "m.svg")]) == 2
    assert "stopped reading its input" in capsys.readouterr().err
    assert not (tmp_path / "m.svg").exists()


def test_a_closed_stdout_ends_quietly(
    tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    class Closed(io.StringIO):
        def write(self, text: str) -> int:
            raise BrokenPipeError(32, "Broken pipe")

    source = write_map(tmp_path / "m.argmap.json")
    monkeypatch.setattr(sys, "stdout", Closed())
    assert main(["check", str(source)]) == 0
