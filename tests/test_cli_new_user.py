"""The command line a new user meets (issue 12, part 2): ``-`` for standard input and
output in every command, formats from compound suffixes, only the formats a direction
can do in ``--help``, help text on every option, and errors that blame the command
line and suggest the nearest names."""

from __future__ import annotations

import argparse
import importlib
import json
import pathlib
import subprocess
import sys

import pytest
from test_cli import write_map

from argmap import formats
from argmap.cli import _parser, main
from argmap.formats import json as native


def run(args: list[str], stdin: bytes = b"") -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "argmap", *args], input=stdin, capture_output=True, timeout=120
    )


@pytest.fixture
def source(tmp_path: pathlib.Path) -> pathlib.Path:
    return write_map(tmp_path / "m.argmap.json")


def test_convert_reads_stdin_and_writes_stdout(source: pathlib.Path) -> None:
    done = run(
        ["convert", "-", "-", "--input-format", "json", "--to", "argdown"], source.read_bytes()
    )
    assert done.returncode == 0, done.stderr
    again = run(["convert", "-", "-", "--input-format", "argdown", "--to", "json"], done.stdout)
    assert again.returncode == 0, again.stderr
    assert set(native.loads(again.stdout.decode()).statements) == {"t", "p", "q"}


@pytest.mark.parametrize(
    "command",
    [
        ["check", "-"],
        ["evaluate", "-"],
        ["what-if", "-", "--accept", "p"],
        ["render", "-", "-o", "-", "--to", "dot"],
        ["convert", "-", "-", "--to", "json"],
    ],
    ids=lambda argv: argv[0],
)
def test_every_command_reads_stdin(source: pathlib.Path, command: list[str]) -> None:
    done = run([*command, "--input-format", "json"], source.read_bytes())
    assert done.returncode == 0, done.stderr
    assert done.stdout
    assert b"wrote" not in done.stdout  # nothing mixed into the output itself


def test_render_writes_svg_to_stdout(source: pathlib.Path) -> None:
    done = run(["render", str(source), "-o", "-", "--to", "svg"])
    assert done.returncode == 0, done.stderr
    assert done.stdout.lstrip().startswith(b"<?xml")
    assert b"</svg>" in done.stdout


@pytest.mark.parametrize(
    ("command", "says"),
    [
        (["check", "-"], b"give --input-format"),
        (["convert", "-", "out.json"], b"give --input-format"),
        (["render", "{map}", "-o", "-"], b"give --to"),
        (["convert", "{map}", "-"], b"give --to"),
    ],
)
def test_standard_streams_without_a_format_are_refused_in_one_line(
    source: pathlib.Path, command: list[str], says: bytes
) -> None:
    done = run([part.replace("{map}", str(source)) for part in command], source.read_bytes())
    assert done.returncode == 2
    text = done.stdout + done.stderr
    assert says in text
    assert b"Traceback" not in text


def test_compound_suffixes_choose_the_format(source: pathlib.Path, tmp_path: pathlib.Path) -> None:
    assert formats.detect("debate.AIF.json") == "aif"
    assert formats.detect("debate.argdown-json.json") == "argdown-json"
    assert formats.detect("debate.ad") == "argdown"
    aif = tmp_path / "out.aif.json"
    assert main(["convert", str(source), str(aif)]) == 0
    document = json.loads(aif.read_text(encoding="utf-8"))
    assert "nodes" in document
    assert "argmap" not in document
    assert formats.load(aif).statements.keys() == native.load(source).statements.keys()


def test_an_unknown_suffix_is_refused_not_guessed(
    source: pathlib.Path, tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["convert", str(source), str(tmp_path / "out.svg")]) == 2
    assert "cannot tell the format from the suffix '.svg'" in capsys.readouterr().err
    assert not (tmp_path / "out.svg").exists()


def test_readers_and_writers_are_the_modules_verbs() -> None:
    for name, module_name in formats.FORMATS.items():
        module = importlib.import_module(module_name)
        assert (name in formats.READERS) == hasattr(module, "loads"), name
        assert (name in formats.WRITERS) == hasattr(module, "dumps"), name


def _subparsers(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    [action] = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    return dict(action.choices)


def test_every_option_has_help_and_offers_only_what_its_direction_can_do() -> None:
    parser = _parser()
    for command, sub in _subparsers(parser).items():
        for action in sub._actions:
            assert action.help, f"{command} {action.option_strings or action.dest} has no help"
            if "--input-format" in action.option_strings:
                assert set(action.choices or ()) == set(formats.READERS), command
            if command == "convert" and "--to" in action.option_strings:
                assert set(action.choices or ()) == set(formats.WRITERS)


def test_an_unknown_tag_is_an_error_with_the_nearest_tags(
    tmp_path: pathlib.Path, source: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["render", str(source), "-o", str(tmp_path / "x.dot"), "--tag", "xx"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "--tag 'xx': no statement of the map has this tag; nearest: 'x'" in err
    assert not (tmp_path / "x.dot").exists()


def test_unknown_ids_in_what_if_blame_the_command_line(
    source: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["what-if", str(source), "--accept", "pp", "--reject", "zzz"]) == 2
    lines = capsys.readouterr().err.splitlines()
    assert lines == [
        "argmap: error: --accept 'pp': the map has no statement with this id; nearest: 'p'",
        "argmap: error: --reject 'zzz': the map has no statement with this id",
    ]


def test_an_unknown_section_is_an_error_with_the_nearest_titles(
    tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "s.argdown"
    source.write_text("# Leverage\n\n[A]: Turkey bargains.\n\n# Betrayal\n\n[B]: Allies failed.\n")
    assert main(["render", str(source), "-o", str(tmp_path / "x.dot"), "--section", "Leverag"]) == 2
    err = capsys.readouterr().err
    assert err == (
        "argmap: error: --section 'Leverag': no section of the map has this title; "
        "nearest: 'Leverage'\n"
    )
