"""The command line, diagrams and written files under hostile input.

Each class of problem has hand cases and a Hypothesis property: outputs never
destroy what was read (nor a link, a device, a folder, permissions) and leave no
temporary file; every string that reaches DOT is escaped or refused, and the SVG
is well-formed XML; bad theme values and options are argmap errors (exit 2),
never internal errors (exit 3); evaluating a large Dung framework is linear;
malformed Argdown sections never crash ``render --section``; and random files
and options make every command exit 0, 1 or 2 without a traceback, leaving the
input files byte for byte as they were.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import pathlib
import socket
import stat
import subprocess
import sys
import tempfile
import threading
import time
import xml.etree.ElementTree as ET
from typing import Any

import attrs
import graphviz
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmap import (
    ArgmapError,
    ArgumentMap,
    FormatError,
    MapBuilder,
    RenderError,
    formats,
    render,
    to_dot,
)
from argmap._files import write_atomically
from argmap.cli import main
from argmap.dot import LINE_LIMIT, LINE_STYLES, Theme, pipe, wrap
from argmap.formats import json as native
from argmap.strategies import argument_maps

MICROTEXT = (
    '<?xml version="1.0"?>\n<arggraph id="x">\n'
    '  <edu id="e1">Turkey should buy it.</edu>\n'
    '  <edu id="e2">It is cheap.</edu>\n'
    '  <adu id="a1" type="pro"/>\n  <adu id="a2" type="pro"/>\n'
    '  <edge id="c1" src="e1" trg="a1" type="seg"/>\n'
    '  <edge id="c2" src="e2" trg="a2" type="seg"/>\n'
    '  <edge id="c3" src="a2" trg="a1" type="sup"/>\n'
    "</arggraph>\n"
)
SOURCE_TEXT = "Turkey should buy it. It is cheap.\n"


def run(argv: list[str]) -> tuple[int, str, str]:
    """``argmap ARGV`` in-process: exit status, stdout, stderr."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            status = main(argv)
        except SystemExit as exit:  # argparse's usage errors
            status = exit.code if isinstance(exit.code, int) else 2
    return status, out.getvalue(), err.getvalue()


def snapshot(folder: pathlib.Path) -> dict[str, tuple[str, bytes | str]]:
    """Every entry under ``folder``: a link's target, a file's bytes, a folder's mark."""
    found: dict[str, tuple[str, bytes | str]] = {}
    for path in sorted(folder.rglob("*")):
        name = str(path.relative_to(folder))
        if path.is_symlink():
            found[name] = ("link", os.readlink(path))
        elif path.is_file():
            found[name] = ("file", path.read_bytes())
        elif path.is_dir():
            found[name] = ("dir", "")
        else:
            found[name] = ("other", "")
    return found


def small_map(**tags: str) -> ArgumentMap:
    b = MapBuilder("hostile")
    b.claim("t", "The thesis.", thesis=True, tags=[tags.get("t", "x")])
    b.premise("p", "A premise.", tags=[tags.get("p", "x")])
    b.support("t", ["p"])
    return b.build()


def dumped(path: pathlib.Path) -> pathlib.Path:
    """:func:`small_map` written to ``path``."""
    native.dump(small_map(), path)
    return path


@pytest.fixture
def microtexts(tmp_path: pathlib.Path) -> pathlib.Path:
    (tmp_path / "x.xml").write_text(MICROTEXT, "utf-8")
    (tmp_path / "x.txt").write_text(SOURCE_TEXT, "utf-8")
    return tmp_path / "x.xml"


# -- 1. Outputs that destroy ----------------------------------------------------------


def test_sources_name_the_text_beside_a_microtexts_file(microtexts: pathlib.Path) -> None:
    assert formats.sources(microtexts) == (microtexts, microtexts.with_suffix(".txt"))
    alone = microtexts.with_name("alone.xml")
    alone.write_text(MICROTEXT, "utf-8")
    assert formats.sources(alone) == (alone,)
    assert formats.sources(microtexts.with_name("m.argmap.json")) == (
        microtexts.with_name("m.argmap.json"),
    )
    assert formats.sources("/", format="microtexts") == (pathlib.Path("/"),)


@pytest.mark.parametrize(
    "argv",
    [
        ["convert", "{xml}", "{txt}", "--to", "json"],
        ["convert", "{xml}", "{link}", "--to", "argdown"],
        ["render", "{xml}", "-o", "{txt}", "--to", "dot"],
        ["render", "{xml}", "-o", "{link}", "--to", "dot"],
    ],
)
def test_no_command_overwrites_a_file_it_read(microtexts: pathlib.Path, argv: list[str]) -> None:
    folder = microtexts.parent
    (folder / "link.out").symlink_to("x.txt")
    names = {"xml": microtexts, "txt": folder / "x.txt", "link": folder / "link.out"}
    before = snapshot(folder)
    status, _out, err = run([part.format(**names) for part in argv])
    assert status == 2
    assert "refusing to overwrite the input file" in err
    assert err.count("\n") == 1
    assert snapshot(folder) == before


def test_library_writers_spare_every_source(microtexts: pathlib.Path) -> None:
    m = formats.load(microtexts)
    inputs = formats.sources(microtexts)
    with pytest.raises(FormatError, match="refusing to overwrite"):
        formats.dump(m, microtexts.with_suffix(".txt"), format="json", inputs=inputs)
    with pytest.raises(FormatError, match="refusing to overwrite"):
        render(m, microtexts.with_suffix(".txt"), format="dot", inputs=inputs)
    assert microtexts.with_suffix(".txt").read_text("utf-8") == SOURCE_TEXT


def test_an_input_under_another_name_is_spared(tmp_path: pathlib.Path) -> None:
    source = tmp_path / "m.argmap.json"
    native.dump(small_map(), source)
    os.link(source, tmp_path / "hard.json")
    (tmp_path / "sub").mkdir()
    before = snapshot(tmp_path)
    assert run(["convert", str(source), str(tmp_path / "hard.json")])[0] == 2
    assert run(["convert", str(source), str(tmp_path / "sub" / ".." / "m.argmap.json")])[0] == 2
    assert snapshot(tmp_path) == before


@pytest.mark.parametrize("command", ["convert", "render"])
def test_a_symlinked_output_is_written_through(tmp_path: pathlib.Path, command: str) -> None:
    source = dumped(tmp_path / "m.argmap.json")
    (tmp_path / "real").mkdir()
    target = tmp_path / "real" / "out.dot"
    target.write_text("old")
    target.chmod(0o640)
    link = tmp_path / "out.dot"
    link.symlink_to(target)
    argv = ["convert", str(source), str(link), "--to", "argdown"]
    if command == "render":
        argv = ["render", str(source), "-o", str(link)]
    assert run(argv)[0] == 0
    assert link.is_symlink()
    assert os.readlink(link) == str(target)
    assert target.read_text("utf-8") != "old"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert sorted(p.name for p in (tmp_path / "real").iterdir()) == ["out.dot"]


def test_a_dangling_symlink_gets_its_target_written(tmp_path: pathlib.Path) -> None:
    link = tmp_path / "out.dot"
    link.symlink_to("made.dot")
    render(small_map(), link)
    assert link.is_symlink()
    assert (tmp_path / "made.dot").read_text("utf-8").startswith("digraph")


def test_a_symlink_loop_is_a_clear_error(tmp_path: pathlib.Path) -> None:
    (tmp_path / "a.dot").symlink_to("b.dot")
    (tmp_path / "b.dot").symlink_to("a.dot")
    before = snapshot(tmp_path)
    with pytest.raises(FormatError, match="cannot write the file"):
        render(small_map(), tmp_path / "a.dot")
    assert snapshot(tmp_path) == before


def test_a_character_device_is_written_through(tmp_path: pathlib.Path) -> None:
    source = dumped(tmp_path / "m.argmap.json")
    status, _out, err = run(["render", str(source), "-o", os.devnull, "--to", "dot"])
    assert (status, err) == (0, "")
    assert stat.S_ISCHR(os.stat(os.devnull).st_mode)
    assert run(["convert", str(source), os.devnull, "--to", "json"])[0] == 0
    assert stat.S_ISCHR(os.stat(os.devnull).st_mode)


@pytest.mark.parametrize("name", ["/dev/stdout", "/dev/fd/1", "/proc/self/fd/1"])
def test_stdout_by_name_is_written_through_never_replaced(
    tmp_path: pathlib.Path, name: str
) -> None:
    source = dumped(tmp_path / "m.argmap.json")
    expected = formats.dumps(small_map(), format="json").encode("utf-8")
    log = tmp_path / "log.txt"
    log.write_bytes(b"old log\n")
    argv = [sys.executable, "-m", "argmap", "convert", str(source), name, "--to", "json"]
    for mode, before in (("ab", b"old log\n"), ("wb", b"")):  # >> log, then > log
        with log.open(mode) as stdout:
            done = subprocess.run(argv, stdout=stdout, stderr=subprocess.PIPE, check=False)
        assert done.returncode == 0, done.stderr
        assert log.read_bytes() == before + expected  # no "wrote ..." inside, nothing lost
    assert sorted(p.name for p in tmp_path.iterdir()) == ["log.txt", "m.argmap.json"]


def test_a_descriptor_of_this_process_is_written_to_itself(tmp_path: pathlib.Path) -> None:
    reading, writing = os.pipe()
    try:
        render(small_map(), f"/proc/self/fd/{writing}", format="dot")
        os.close(writing)
        with os.fdopen(reading, "rb") as pipe_out:
            assert pipe_out.read() == to_dot(small_map()).source.encode("utf-8")
    finally:
        for descriptor in (reading, writing):
            with contextlib.suppress(OSError):
                os.close(descriptor)


def test_a_fifo_is_written_through(tmp_path: pathlib.Path) -> None:
    fifo = tmp_path / "pipe.dot"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()), daemon=True)
    reader.start()
    render(small_map(), fifo)
    reader.join(timeout=10)
    assert received
    assert received[0].startswith(b"digraph")
    assert stat.S_ISFIFO(fifo.lstat().st_mode)


def test_a_socket_is_refused(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "s.dot"
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind(str(path))
        with pytest.raises(FormatError, match="socket"):
            render(small_map(), path)
    finally:
        server.close()


@pytest.mark.parametrize("command", ["convert", "render"])
def test_a_folder_is_a_clear_error(tmp_path: pathlib.Path, command: str) -> None:
    source = dumped(tmp_path / "m.argmap.json")
    folder = tmp_path / "out.dot"
    folder.mkdir()
    before = snapshot(tmp_path)
    argv = ["convert", str(source), str(folder), "--to", "json"]
    if command == "render":
        argv = ["render", str(source), "-o", str(folder)]
    status, _, err = run(argv)
    assert status == 2
    assert err == f"argmap: error: {folder}: is a folder: name a file to write\n"
    assert snapshot(tmp_path) == before


def test_a_read_only_file_is_not_overwritten(tmp_path: pathlib.Path) -> None:
    if os.geteuid() == 0:
        pytest.skip("root may write any file")
    target = tmp_path / "out.dot"
    target.write_text("keep")
    target.chmod(0o444)
    with pytest.raises(FormatError, match="read-only"):
        render(small_map(), target)
    assert target.read_text() == "keep"


@pytest.mark.parametrize("failure", [OSError(28, "No space left on device"), KeyboardInterrupt()])
def test_a_failed_write_leaves_no_temporary_file(
    tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch, failure: BaseException
) -> None:
    target = tmp_path / "out.dot"
    target.write_text("old")

    def fail(*_: Any) -> None:
        raise failure

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises((FormatError, KeyboardInterrupt)):
        write_atomically(target, b"new")
    assert snapshot(tmp_path) == {"out.dot": ("file", b"old")}


def test_a_long_output_name_is_no_problem(tmp_path: pathlib.Path) -> None:
    target = tmp_path / ("n" * 240 + ".dot")
    render(small_map(), target)
    assert [p.name for p in tmp_path.iterdir()] == [target.name]


OUTPUT_KINDS = ["new", "regular", "link-to-regular", "input", "companion", "link-to-input"]
OUTPUT_KINDS += ["hardlink-to-input", "folder", "dangling-link", "devnull"]


@settings(max_examples=60, deadline=None)
@given(
    kind=st.sampled_from(OUTPUT_KINDS),
    command=st.sampled_from(["convert", "render"]),
    mode=st.sampled_from([0o600, 0o640, 0o664]),
)
def test_outputs_never_destroy_and_leave_nothing_behind(kind: str, command: str, mode: int) -> None:
    with tempfile.TemporaryDirectory() as name:
        folder = pathlib.Path(name)
        source = folder / "x.xml"
        source.write_text(MICROTEXT, "utf-8")
        (folder / "x.txt").write_text(SOURCE_TEXT, "utf-8")
        output = _make_output(folder, kind, mode)
        before = snapshot(folder)
        argv = ["convert", str(source), str(output), "--to", "json"]
        if command == "render":
            argv = ["render", str(source), "-o", str(output), "--to", "dot"]
        status, _, err = run(argv)
        after = snapshot(folder)
        protected = kind in ("input", "companion", "link-to-input", "hardlink-to-input", "folder")
        assert status == (2 if protected else 0), err
        assert after["x.xml"] == before["x.xml"]
        assert after["x.txt"] == before["x.txt"]
        assert not [n for n in after if n.startswith(".")], "a temporary file was left"
        if protected:
            assert after == before
        if kind.endswith("link-to-regular") or kind == "dangling-link":
            assert after["out.json"] == before["out.json"]  # still the same link
            written = folder / "real.json"
            assert written.read_bytes() != b"old"
        if kind in ("regular", "link-to-regular"):
            written = folder / ("out.json" if kind == "regular" else "real.json")
            assert stat.S_IMODE(written.stat().st_mode) == mode


def _make_output(folder: pathlib.Path, kind: str, mode: int) -> pathlib.Path:
    output = folder / "out.json"
    if kind in ("regular", "link-to-regular"):
        real = output if kind == "regular" else folder / "real.json"
        real.write_bytes(b"old")
        real.chmod(mode)
        if kind == "link-to-regular":
            output.symlink_to(real)
    elif kind == "input":
        return folder / "x.xml"
    elif kind == "companion":
        return folder / "x.txt"
    elif kind == "link-to-input":
        output.symlink_to("x.txt")
    elif kind == "hardlink-to-input":
        os.link(folder / "x.txt", output)
    elif kind == "folder":
        output.mkdir()
    elif kind == "dangling-link":
        output.symlink_to("real.json")
    elif kind == "devnull":
        return pathlib.Path(os.devnull)
    return output


# -- 2. DOT escaping --------------------------------------------------------------------


HOSTILE = [
    "\ufffe",
    "\uffff",
    "nonchars \ufdd0 \U0001fffe \U0010ffff",
    "controls \x00 \x07 \x0b \x0c \x1b[31m \x7f \x85 \x9f",
    "\r\n carriage",
    'quote " backslash \\ \\N \\G end \\',
    "<b>tag</b> & &amp; ]]> <![CDATA[x]]>",
    "\u2028\u2029 separators",
    " ",
    "\t\n",
]


def svg_of(source: str) -> ET.Element:
    """Lay ``source`` out with ``dot -Tsvg``; it must succeed and give well-formed XML."""
    done = subprocess.run(["dot", "-Tsvg"], input=source.encode("utf-8"), capture_output=True)
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
    return ET.fromstring(done.stdout)


def every_place_map(text: str) -> ArgumentMap:
    """``text`` as a title, id, tag, statement text, quote, label, scheme, speaker
    and critical question, on statements of every stance."""
    b = MapBuilder(text, source=f"before {text} after")
    b.claim(f"{text}#1", text, thesis=True, tags=[text], quote=text, stance="hedged")
    b.premise("p", text, tags=[text + "2"], speaker=text, stance="reported")
    b.support(f"{text}#1", ["p"], id="i", label=text, scheme=text)
    b.claim("c", text, speaker=text, stance="conceded")
    b.counter("i", "c", question=text, implicit=True)
    return b.build()


@pytest.mark.dot
@pytest.mark.parametrize("text", HOSTILE, ids=repr)
def test_hostile_characters_make_well_formed_svg(text: str, tmp_path: pathlib.Path) -> None:
    m = every_place_map(text)
    svg_of(to_dot(m).source)
    target = render(m, tmp_path / "m.svg")
    ET.parse(target)


@pytest.mark.dot
def test_an_ill_formed_svg_is_refused_not_written(tmp_path: pathlib.Path) -> None:
    digraph = graphviz.Digraph()
    digraph.node("a", label="x\uffffy")  # not made by to_dot: nothing cleaned it
    with pytest.raises(RenderError, match="not well-formed XML"):
        pipe(digraph, "svg")


def test_unencodable_dot_is_a_render_error(tmp_path: pathlib.Path) -> None:
    digraph = graphviz.Digraph()
    digraph.node("a", label="x\ud800y")
    with pytest.raises(RenderError, match="not valid Unicode"):
        pipe(digraph, "svg")
    from argmap.dot import write_digraph

    with pytest.raises(RenderError, match="not valid Unicode"):
        write_digraph(digraph, tmp_path / "x.dot")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.dot
def test_a_100_kb_tag_is_cut_and_clusters_stay_apart() -> None:
    long = "T" * 100_000
    m = small_map(t=long + "a", p=long + "b")
    source = to_dot(m).source
    root = svg_of(source)
    titles = [e.text for e in root.iter("{http://www.w3.org/2000/svg}title")]
    assert "cluster_0" in titles
    assert "cluster_1" in titles
    assert len(source) < 10_000
    assert "T" * (LINE_LIMIT - 1) + "…" in source


@pytest.mark.dot
def test_a_100_kb_statement_text_id_and_quote_still_draw(tmp_path: pathlib.Path) -> None:
    words = " ".join(f"w{n}" for n in range(20_000))
    b = MapBuilder("big", source=words)
    b.claim("x" * 100_000, words, thesis=True, quote=words, speaker="&" * 100_000)
    b.claim("y", "&" * 100_000, speaker="]" * 100_000, stance="reported")
    b.premise("z", "z")
    b.support("y", ["z"], id="i", scheme="s" * 100_000)
    b.counter("i", "x" * 100_000, question="<" * 100_000)
    m = b.build()
    svg_of(to_dot(m).source)
    assert "more lines not shown" in to_dot(m).source
    ET.parse(render(m, tmp_path / "big.svg"))


@pytest.mark.parametrize(
    "change",
    [
        {"font": 'Evil" fontcolor="red'},
        {"font": "<b>x</b>"},
        {"font": "A&B"},
        {"font": "back\\"},
        {"font": ""},
        {"font": "   "},
        {"font": "new\nline"},
        {"font": "x" * 101},
        {"font": "\uffff"},
        {"font": 12},
        {"rankdir": "XX"},
        {"rankdir": 'TB" label="x'},
        {"rankdir": "tb"},
        {"support": '#2e7d32" penwidth="9'},
        {"support": "red><B>x</B"},
        {"conflict": ""},
        {"cluster_fill": "#12345"},
        {"id_colour": None},
        {"thesis_fill": "light blue"},
        {"speaker_colour": '#37474f" fontsize="99'},
        {"scheme_colour": "<I>x</I>"},
        {"hedged_border": "dotted,bold"},
        {"hedged_border": "Dotted"},
        {"implicit_line": 'dotted" color="red'},
        {"implicit_line": None},
    ],
    ids=repr,
)
def test_theme_strings_that_could_break_dot_are_refused(change: dict[str, Any]) -> None:
    with pytest.raises(RenderError):
        attrs.evolve(Theme(), **change)


@pytest.mark.dot
def test_accepted_theme_values_reach_dot_safely() -> None:
    theme = attrs.evolve(
        Theme(),
        font="Noto Sans CJK JP:bold, 日本語",
        support="navy",
        conflict="#c62828cc",
        cluster_fill="/blues9/3",
        rankdir="LR",
        wrap=1,
        font_size=3,
    )
    svg_of(to_dot(small_map(), theme=theme).source)


COLOURISH = st.one_of(
    st.text(max_size=12),
    st.from_regex(r"#[0-9a-fA-F]{6}([0-9a-fA-F]{2})?", fullmatch=True),
    st.sampled_from(["red", "navy", "/blues9/3", "#2e7d32"]),
)


@pytest.mark.dot
@settings(max_examples=40, deadline=None)
@given(
    font=st.text(max_size=30),
    colour=COLOURISH,
    rankdir=st.text(max_size=3),
    line=st.text(max_size=8) | st.sampled_from(LINE_STYLES),
)
def test_any_theme_is_refused_or_draws(font: str, colour: str, rankdir: str, line: str) -> None:
    try:
        theme = attrs.evolve(
            Theme(),
            font=font,
            support=colour,
            speaker_colour=colour,
            rankdir=rankdir,
            hedged_border=line,
            implicit_line=line,
        )
    except RenderError:
        return
    svg_of(to_dot(every_place_map("x"), theme=theme).source)


@pytest.mark.dot
@settings(max_examples=40, deadline=None)
@given(st.text(st.characters(blacklist_categories=["Cs"]), min_size=1, max_size=40))
def test_any_text_anywhere_makes_well_formed_svg(text: str) -> None:
    svg_of(to_dot(every_place_map(text)).source)


# -- 3. Bad theme values and options ---------------------------------------------------


@pytest.mark.parametrize("wrap_width", [0, -1, -(10**20), 501, 10**20, True, 3.5, "34", None])
def test_bad_wrap_widths_are_render_errors(wrap_width: object) -> None:
    with pytest.raises(RenderError, match="wrap width"):
        Theme(wrap=wrap_width)  # type: ignore[arg-type]
    if isinstance(wrap_width, int) and not isinstance(wrap_width, bool) and wrap_width > 0:
        assert wrap("some text", wrap_width) == ["some text"]  # wrap() itself has no maximum
    else:
        with pytest.raises(RenderError, match="wrap width"):
            wrap("some text", wrap_width)  # type: ignore[arg-type]


@pytest.mark.parametrize("size", [0, -3, 2.9, 73, float("nan"), float("inf"), "11", True, None])
def test_bad_font_sizes_are_render_errors(size: object) -> None:
    with pytest.raises(RenderError, match="font size"):
        Theme(font_size=size)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "options",
    [
        ["--wrap", "0"],
        ["--wrap", "-5"],
        ["--wrap", "99999999999999999999"],
        ["--wrap", "x"],
        ["--wrap", ""],
        ["--font", ""],
        ["--font", 'a"b'],
        ["--font", "<i>"],
        ["--font", "x\ny"],
        ["--rankdir", "XY"],
        ["--to", "exe"],
        ["--section", "no such section"],
    ],
    ids=repr,
)
def test_bad_render_options_exit_2_in_one_line(tmp_path: pathlib.Path, options: list[str]) -> None:
    source = dumped(tmp_path / "m.argmap.json")
    status, _out, err = run(["render", str(source), "-o", str(tmp_path / "m.dot"), *options])
    assert status == 2
    assert err.count("\n") == 1
    assert "Traceback" not in err
    assert "internal error" not in err
    assert not (tmp_path / "m.dot").exists()


@pytest.mark.parametrize("path", ["", "a\x00b"])
def test_paths_that_name_no_file_are_usage_errors(path: str) -> None:
    for argv in (["check", path], ["convert", path, "out.json"], ["evaluate", path]):
        status, _, err = run(argv)
        assert status == 2
        assert "not a file name" in err
        assert err.count("\n") == 1


@settings(max_examples=40, deadline=None)
@given(
    wrap_width=st.integers(min_value=-(10**30), max_value=10**30),
    font=st.text(max_size=20),
    size=st.one_of(st.floats(), st.integers(), st.text(max_size=3)),
)
def test_any_option_value_is_drawn_or_exits_2(wrap_width: int, font: str, size: object) -> None:
    with tempfile.TemporaryDirectory() as name:
        folder = pathlib.Path(name)
        source = dumped(folder / "m.argmap.json")
        argv = ["render", str(source), "-o", str(folder / "m.dot"), "--wrap", str(wrap_width)]
        status, _, err = run([*argv, f"--font={font}"])
        assert status in (0, 2), err
        assert status == 0 or err.count("\n") == 1
    try:
        Theme(font_size=size)  # type: ignore[arg-type]
    except RenderError:
        pass


# -- 4. Large Dung frameworks are evaluated in linear time -----------------------------


def test_evaluating_a_large_framework_is_linear(tmp_path: pathlib.Path) -> None:
    # 100,000 arguments: the sort by list.index took minutes, a dict of positions 0.2 s
    framework = tmp_path / "big.af"
    framework.write_text("p af 100000\n1 2\n", "ascii")
    started = time.perf_counter()
    status, out, err = run(["evaluate", str(framework), "--format", "json"])
    elapsed = time.perf_counter() - started
    assert (status, err) == (0, "")
    (extension,) = json.loads(out)["extensions"]
    assert extension[:3] == ["1", "3", "4"]
    assert extension[-1] == "100000"
    assert elapsed < 20, f"{elapsed:.1f} s for 100,000 arguments"


@settings(max_examples=25, deadline=None)
@given(
    st.integers(min_value=1, max_value=8).flatmap(
        lambda n: st.tuples(
            st.just(n),
            st.lists(st.tuples(st.integers(1, n), st.integers(1, n)), max_size=12),
        )
    )
)
def test_extensions_list_arguments_in_file_order(case: tuple[int, list[tuple[int, int]]]) -> None:
    n, attacks = case
    with tempfile.TemporaryDirectory() as name:
        path = pathlib.Path(name) / "f.af"
        path.write_text(f"p af {n}\n" + "".join(f"{a} {b}\n" for a, b in attacks), "ascii")
        status, out, err = run(
            ["evaluate", str(path), "--semantics", "preferred", "--format", "json"]
        )
    assert status == 0, err
    for extension in json.loads(out)["extensions"]:
        assert extension == sorted(extension, key=int)


# -- 5. Malformed Argdown sections -------------------------------------------------------


def sectioned(tmp_path: pathlib.Path, argdown: Any, section: Any = "s1") -> pathlib.Path:
    document = {
        "argmap": 1,
        "title": "",
        "data": {"argdown": argdown},
        "statements": [
            {"id": "T", "text": "thesis", "data": {"argdown": {"section": section}}},
            {"id": "U", "text": "other"},
        ],
        "inferences": [],
        "conflicts": [],
    }
    path = tmp_path / "s.argmap.json"
    path.write_text(json.dumps(document), "utf-8")
    return path


GOOD = {"id": "s1", "title": "A", "level": 1}
CYCLE = [
    {"id": "s1", "title": "B", "parent": "s2"},
    {"id": "s2", "title": "C", "parent": "s1"},
    {"id": "s3", "title": "A"},
]
MALFORMED_SECTIONS = [  # (data.argdown, whether section "A" is there to draw)
    (5, False),
    ({"sections": 5}, False),
    ({"sections": {"id": "s1", "title": "A"}}, False),
    ({"sections": [1, None, "x", []]}, False),
    ({"sections": [{"id": ["s1"], "title": "A"}]}, False),
    ({"sections": [{"id": "s1"}]}, False),
    ({"sections": [{"id": "s1", "title": 5}]}, False),
    ({"sections": [{"id": "s1", "title": ["A"]}]}, False),
    ({"sections": [{"id": "s1", "title": "A", "parent": ["x"]}, 7]}, True),
    ({"sections": [{"id": "s1", "title": "A", "parent": "s1"}]}, True),
    ({"sections": CYCLE}, True),
]


@pytest.mark.parametrize("case", MALFORMED_SECTIONS, ids=lambda case: json.dumps(case[0])[:40])
@pytest.mark.parametrize("view", ["argmap", "argdown"])
def test_malformed_sections_never_crash_render(
    tmp_path: pathlib.Path, case: tuple[Any, bool], view: str
) -> None:
    argdown, drawable = case
    path = sectioned(tmp_path, argdown)
    output = str(tmp_path / "s.dot")
    status, _out, err = run(["render", str(path), "-o", output, "--section", "A", "--view", view])
    if drawable:
        assert status == 0, err
    else:
        assert status == 2
        assert err.startswith("argmap: error: --section 'A': no section of the map has this title")
        assert err.count("\n") == 1


@pytest.mark.parametrize("section", ["s1", ["s1"], {"s": 1}, 5, None])
def test_a_good_section_keeps_working_beside_bad_ones(tmp_path: pathlib.Path, section: Any) -> None:
    argdown = {"sections": [7, {"id": ["bad"]}, GOOD, {"title": "A"}]}
    path = sectioned(tmp_path, argdown, section)
    output = tmp_path / "s.dot"
    argv = ["render", str(path), "-o", str(output), "--section", "A", "--view", "argmap"]
    status, _out, err = run(argv)
    assert status == 0, err
    drawn = output.read_text("utf-8")
    assert ("thesis" in drawn) == (section == "s1")
    assert "other" not in drawn


JSONISH = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=4),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=6), inner, max_size=4)
    ),
    max_leaves=12,
)
SECTION = st.fixed_dictionaries(
    {},
    optional={
        "id": st.sampled_from(["s1", "s2", "s3"]) | JSONISH,
        "title": st.sampled_from(["A", "B"]) | JSONISH,
        "parent": st.sampled_from(["s1", "s2", "s3"]) | JSONISH,
        "level": JSONISH,
    },
)


@settings(max_examples=60, deadline=None)
@given(
    argdown=st.one_of(JSONISH, st.fixed_dictionaries({"sections": st.lists(SECTION | JSONISH)})),
    section=st.sampled_from(["s1", "s2", "s3"]) | JSONISH,
    title=st.sampled_from(["A", "B"]),
)
def test_any_sections_render_or_exit_2(argdown: Any, section: Any, title: str) -> None:
    with tempfile.TemporaryDirectory() as name:
        path = sectioned(pathlib.Path(name), argdown, section)
        output = str(pathlib.Path(name) / "s.dot")
        status, _, err = run(["render", str(path), "-o", output, "--section", title])
    assert status in (0, 2), err
    assert "internal error" not in err


# -- 6. Random files and options: exit 0, 1 or 2, no traceback, inputs untouched --------


SUFFIXES = [".argmap.json", ".json", ".argdown", ".xml", ".af", ".apx", ".tgf", ".txt", ""]


@st.composite
def hostile_documents(draw: st.DrawFn) -> tuple[str, bytes]:
    """A file name suffix and contents: random bytes or text, or a real map in some
    format with a random cut, insertion or duplication."""
    suffix = draw(st.sampled_from(SUFFIXES))
    kind = draw(st.sampled_from(["bytes", "text", "mutated"]))
    if kind == "bytes":
        return suffix, draw(st.binary(max_size=200))
    if kind == "text":
        return suffix, draw(st.text(max_size=200)).encode("utf-8", "surrogatepass")
    m = draw(argument_maps(max_statements=5))
    target = draw(st.sampled_from(["json", "argdown", "aif"]))
    try:
        text = formats.dumps(m, format=target)
    except ArgmapError:  # a map some format cannot hold
        text = formats.dumps(m, format="json")
    if suffix in (".af", ".apx", ".tgf"):
        text = "p af 3\n1 2\n2 3\narg(a).\natt(a,b).\n1 2\n#\n"
    if suffix == ".xml":
        text = MICROTEXT
    start = draw(st.integers(0, len(text)))
    end = draw(st.integers(start, min(len(text), start + 40)))
    action = draw(st.sampled_from(["cut", "insert", "duplicate", "none"]))
    if action == "cut":
        text = text[:start] + text[end:]
    elif action == "insert":
        text = text[:start] + draw(st.text(max_size=10)) + text[start:]
    elif action == "duplicate":
        text = text[:end] + text[start:end] + text[end:]
    return suffix, text.encode("utf-8", "surrogatepass")


def commands(source: str, output: str) -> st.SearchStrategy[list[str]]:
    wraps = st.integers(-3, 600).map(str) | st.text(max_size=3)
    fonts = st.sampled_from(["Helvetica", "", 'a"b', "<x>", "Noto Sans", "é"])
    names = st.text(
        st.characters(blacklist_characters="\x00", blacklist_categories=["Cs"]), max_size=8
    )
    return st.one_of(
        st.tuples(st.just(["check", source]), st.sampled_from([[], ["--format", "json"], ["-q"]])),
        st.tuples(
            st.just(["convert", source, output]),
            st.sampled_from([[], *(["--to", f] for f in sorted(formats.FORMATS))]),
        ),
        st.tuples(
            st.just(["render", source, "-o", output, "--to", "dot"]),
            st.lists(
                st.one_of(
                    st.tuples(st.just("--wrap"), wraps),
                    st.tuples(st.just("--font"), fonts),
                    st.tuples(st.just("--tag"), names),
                    st.tuples(st.just("--section"), names),
                    st.tuples(st.just("--view"), st.sampled_from(["auto", "argmap", "argdown"])),
                    st.tuples(st.just("--rankdir"), st.sampled_from(["LR", "TB", "XX"])),
                ),
                max_size=3,
            ).map(lambda pairs: [f"{key}={value}" for key, value in pairs]),
        ),
        st.tuples(
            st.just(["evaluate", source]),
            st.sampled_from(
                [[], ["--semantics", "preferred"], ["--semantics", "df-quad"], ["--format", "json"]]
            ),
        ),
        st.tuples(
            st.just(["what-if", source]),
            st.lists(st.tuples(st.sampled_from(["--accept", "--reject"]), names), max_size=2).map(
                lambda pairs: [f"{key}={value}" for key, value in pairs]
            ),
        ),
    ).map(lambda parts: [*parts[0], *parts[1]])


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(document=hostile_documents(), data=st.data())
def test_any_file_and_options_exit_0_1_or_2_and_leave_inputs_alone(
    document: tuple[str, bytes], data: st.DataObject
) -> None:
    suffix, content = document
    with tempfile.TemporaryDirectory() as name:
        folder = pathlib.Path(name)
        source = folder / f"input{suffix}"
        source.write_bytes(content)
        if suffix == ".xml":
            (folder / "input.txt").write_text(SOURCE_TEXT, "utf-8")
        output = data.draw(st.sampled_from(["out.json", "out.argdown", "out.dot", "input.txt"]))
        argv = data.draw(commands(str(source), str(folder / output)))
        before = {path.name: path.read_bytes() for path in folder.iterdir()}
        status, out, err = run(argv)
        after = {path.name: path.read_bytes() for path in folder.iterdir() if path.name in before}
    assert status in (0, 1, 2), f"{argv}: {err}"
    assert "Traceback" not in out + err
    assert "internal error" not in err
    for written in (n for n in before if n.startswith("input")):
        assert after[written] == before[written], f"{written} changed by {argv}"
    if status == 2:
        assert (err if argv[0] != "check" else out).strip(), "exit 2 must say why"


def test_deeply_nested_sections_are_walked_once(tmp_path: pathlib.Path) -> None:
    # 20,000 nested headings, 20,000 statements under the deepest: walking up from each
    # statement took 4 x 10^8 steps (over a minute); remembering each answer, under 1 s
    depth = 20_000
    sections = [{"id": "z", "title": "Z"}] + [
        {"id": f"s{n}", "title": f"T{n}", **({"parent": f"s{n - 1}"} if n else {})}
        for n in range(depth)
    ]
    document = {
        "argmap": 1,
        "title": "",
        "data": {"argdown": {"sections": sections}},
        "statements": [
            {"id": f"x{n}", "text": "t", "data": {"argdown": {"section": f"s{depth - 1}"}}}
            for n in range(depth)
        ]
        + [{"id": "kept", "text": "kept", "data": {"argdown": {"section": "z"}}}],
        "inferences": [],
        "conflicts": [],
    }
    path = tmp_path / "deep.argmap.json"
    path.write_text(json.dumps(document), "utf-8")
    output = tmp_path / "deep.dot"
    started = time.perf_counter()
    status, _, err = run(
        ["render", str(path), "-o", str(output), "--section", "Z", "--view=argmap"]
    )
    elapsed = time.perf_counter() - started
    assert status == 0, err
    assert "kept" in output.read_text("utf-8")
    assert "x0" not in output.read_text("utf-8")
    assert elapsed < 20, f"{elapsed:.1f} s for 20,000 nested sections"
