"""Run the code of a documentation page, as a reader would, and compare what it prints.

The pages under ``docs/`` are literate: their fenced blocks are run in order, in one
namespace and one working directory per page. What a block means comes from its info
string:

==================================  ==================================================
fence                               what happens
==================================  ==================================================
```` ```python ````                  run (``exec``) in the page's namespace
```` ```console ````                 each ``$ command`` runs in ``bash``; the lines after
                                    it are its expected output (stdout and stderr); it
                                    must exit 0 unless the command itself shows ``$?``
                                    or ``||``
```` ```LANG title="Output" ````     the expected output of the python block before it
```` ```LANG title="PATH" ````       written to ``PATH`` in the working directory
any other                           shown only (explanation pages may use them; tests
                                    refuse them on the tutorial and how-to pages)
==================================  ==================================================

In expected output, a line ``...`` stands for any number of lines and ``...`` within a
line for any text; trailing white space is ignored. Tracebacks point at the page's own line numbers.

``python tools/docs_snippets.py docs/tutorial.md`` runs a page and prints any difference;
``--update`` rewrites the expected outputs that differ (read the diff before committing).
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import pathlib
import re
import subprocess
import sys
import tempfile
import textwrap
from collections.abc import Iterator, Mapping

import attrs

__all__ = [
    "Block",
    "Mismatch",
    "PageRun",
    "article_path",
    "blocks",
    "environment",
    "matches",
    "run_page",
]

ROOT = pathlib.Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"

_FENCE = re.compile(r"^(?P<indent> *)(?P<fence>`{3,}|~{3,})(?P<info>[^`]*)$")
_ATTRIBUTE = re.compile(r'(\w[\w-]*)="([^"]*)"')
_CONSOLE_TIMEOUT = 300


@attrs.frozen
class Block:
    """One fenced block of a page: its language, attributes, text and place."""

    language: str
    attributes: Mapping[str, str]
    text: str
    line: int
    """1-based line of the block's first content line."""
    end: int
    """1-based line of the closing fence."""
    indent: str = ""

    @property
    def title(self) -> str | None:
        return self.attributes.get("title")

    @property
    def kind(self) -> str:
        """``python``, ``console``, ``output``, ``file`` or ``show``."""
        if self.title == "Output":
            return "output"
        if self.title:
            return "file"
        if self.language == "python":
            return "python"
        if self.language == "console":
            return "console"
        return "show"


@attrs.frozen
class Mismatch:
    """Expected output that differs from what the page's code printed."""

    page: str
    line: int
    command: str
    expected: str
    actual: str
    block: Block

    def __str__(self) -> str:
        return (
            f"{self.page}:{self.line}: {self.command}\n"
            f"--- expected\n{self.expected.rstrip()}\n--- actual\n{self.actual.rstrip()}"
        )


@attrs.define
class PageRun:
    """What running a page did: its namespace, working directory and any mismatches."""

    page: pathlib.Path
    workdir: pathlib.Path
    namespace: dict[str, object]
    mismatches: list[Mismatch] = attrs.field(factory=list)
    ran: int = 0


def blocks(text: str, *, first_line: int = 1) -> list[Block]:
    """The fenced blocks of a Markdown page, in order (indented ones too, as in admonitions).

    ``first_line`` is the page line ``text`` starts at, for a part of a page.
    """
    found: list[Block] = []
    lines = text.split("\n")
    n = 0
    while n < len(lines):
        opening = _FENCE.match(lines[n])
        if not opening:
            n += 1
            continue
        indent, fence, info = opening["indent"], opening["fence"], opening["info"].strip()
        closing = re.compile(
            rf"^ {{0,{len(indent) + 3}}}{re.escape(fence[0])}{{{len(fence)},}}\s*$"
        )
        start = n + 1
        n = start
        while n < len(lines) and not closing.match(lines[n]):
            n += 1
        body = [line[len(indent) :] if line.startswith(indent) else line for line in lines[start:n]]
        language = info.split()[0].lstrip("{.") if info.split() else ""
        found.append(
            Block(
                language=language,
                attributes=dict(_ATTRIBUTE.findall(info)),
                text="\n".join(body) + "\n" if body else "",
                line=start + first_line,
                end=n + first_line,
                indent=indent,
            )
        )
        n += 1
    return found


def sections(text: str, level: int = 2) -> list[tuple[str, list[Block]]]:
    """The page cut at its headings of ``level``: (heading text, blocks), the part before
    the first heading under ``""``."""
    marker = "#" * level + " "
    found: list[tuple[str, list[Block]]] = []
    heading, start, part = "", 1, []
    for number, line in enumerate([*text.split("\n"), marker], 1):
        if line.startswith(marker):
            found.append((heading, blocks("\n".join(part), first_line=start)))
            heading, start, part = line[len(marker) :].strip(), number + 1, []
        else:
            part.append(line)
    return found


def matches(expected: str, actual: str) -> bool:
    """True when ``actual`` is ``expected``, where a line ``...`` stands for any lines and
    ``...`` within a line for any text."""
    want = _lines(expected)
    got = _lines(actual)
    pattern = "".join(
        r"(?:[^\n]*\n)*?"
        if line.strip() == "..."
        else re.escape(line).replace(re.escape("..."), "[^\n]*") + r"\n"
        for line in want
    )
    return re.fullmatch(pattern, "".join(line + "\n" for line in got)) is not None


def _lines(text: str) -> list[str]:
    lines = [line.rstrip() for line in text.split("\n")]
    while lines and not lines[-1]:
        lines.pop()
    return lines


def article_path() -> pathlib.Path | None:
    """The S-400 article named by ``$ARGMAP_ARTICLE`` (absolute), or ``None`` when unset.

    The article is not in the repository: pages that use it run without it too, with
    their quotes unchecked."""
    env = os.environ.get("ARGMAP_ARTICLE")
    return pathlib.Path(env).resolve() if env else None


def environment(workdir: pathlib.Path) -> dict[str, str]:
    """The environment a page's commands see: this Python's scripts first on ``PATH``, the
    article's absolute path in ``ARGMAP_ARTICLE``, unbuffered output, a fixed width."""
    env = dict(os.environ)
    scripts = str(pathlib.Path(sys.executable).parent)
    env["PATH"] = scripts + os.pathsep + env.get("PATH", "")
    env["PYTHONUNBUFFERED"] = "1"
    env["COLUMNS"] = "100"
    env["NO_COLOR"] = "1"
    env.pop("PYTHONPATH", None)
    article = article_path()
    if article is not None:
        env["ARGMAP_ARTICLE"] = str(article)
    env["PWD"] = str(workdir)
    return env


def commands(block: Block) -> Iterator[tuple[int, str, str, list[str]]]:
    """A console block's commands: (line, command, expected output, the command's lines)."""
    lines = block.text.rstrip("\n").split("\n")
    n = 0
    while n < len(lines):
        if not lines[n].startswith("$ "):
            n += 1
            continue
        line = block.line + n
        written = [lines[n]]
        while written[-1].endswith("\\") and n + 1 < len(lines):
            n += 1
            written.append(lines[n])
        command = "\n".join(written)[2:]
        n += 1
        output: list[str] = []
        while n < len(lines) and not lines[n].startswith("$ "):
            output.append(lines[n])
            n += 1
        yield line, command, "\n".join(output), written


@contextlib.contextmanager
def _inside(workdir: pathlib.Path, env: Mapping[str, str]) -> Iterator[None]:
    previous_dir = pathlib.Path.cwd()
    previous_env = dict(os.environ)
    os.chdir(workdir)
    os.environ.clear()
    os.environ.update(env)
    try:
        yield
    finally:
        os.chdir(previous_dir)
        os.environ.clear()
        os.environ.update(previous_env)


def run_page(page: pathlib.Path, workdir: pathlib.Path, *, compare: bool = True) -> PageRun:
    """Run every python, console and file block of ``page`` in order, in ``workdir``.

    An exception in a block propagates (its traceback names the page's lines); output
    that differs from the page's expectation is collected in ``mismatches``.
    """
    page = page.resolve()
    run = PageRun(page, workdir, new_namespace(workdir))
    return run_blocks(run, blocks(page.read_text(encoding="utf-8")), compare=compare)


def new_namespace(workdir: pathlib.Path) -> dict[str, object]:
    """A fresh namespace for a page's python blocks."""
    return {"__name__": "__docs__", "__file__": str(workdir / "page.py")}


def run_blocks(run: PageRun, found: list[Block], *, compare: bool = True) -> PageRun:
    """Run ``found`` (blocks of ``run.page``) in ``run``'s namespace and working directory."""
    page, workdir = run.page, run.workdir
    try:
        name = str(page.relative_to(ROOT))
    except ValueError:
        name = str(page)
    env = environment(workdir)
    with _inside(workdir, env):
        for k, block in enumerate(found):
            following = found[k + 1] if k + 1 < len(found) else None
            if block.kind == "file":
                assert block.title is not None
                target = workdir / block.title
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(block.text, encoding="utf-8")
            elif block.kind == "python":
                printed = _run_python(block, name, run.namespace)
                run.ran += 1
                expected = (
                    following if following is not None and following.kind == "output" else None
                )
                if compare and expected is not None and not matches(expected.text, printed):
                    run.mismatches.append(
                        Mismatch(name, block.line, "python", expected.text, printed, expected)
                    )
            elif block.kind == "console":
                for line, command, expected, _ in commands(block):
                    printed = _run_console(command, workdir, env, name, line)
                    run.ran += 1
                    if compare and not matches(expected, printed):
                        run.mismatches.append(
                            Mismatch(name, line, f"$ {command}", expected, printed, block)
                        )
    return run


def _run_python(block: Block, page: str, namespace: dict[str, object]) -> str:
    code = "\n" * (block.line - 1) + textwrap.dedent(block.text)
    captured = io.StringIO()
    with contextlib.redirect_stdout(captured):
        exec(compile(code, page, "exec"), namespace)
    return captured.getvalue()


def _run_console(
    command: str, workdir: pathlib.Path, env: Mapping[str, str], page: str, line: int
) -> str:
    done = subprocess.run(
        ["bash", "-c", command],
        cwd=workdir,
        env=dict(env),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        timeout=_CONSOLE_TIMEOUT,
        check=False,
    )
    if done.returncode != 0 and "$?" not in command and "||" not in command:
        raise AssertionError(f"{page}:{line}: `{command}` exited {done.returncode}:\n{done.stdout}")
    return done.stdout


def update(page: pathlib.Path, run: PageRun) -> int:
    """Rewrite the expected outputs of ``page`` that differ; returns how many."""
    lines = page.read_text(encoding="utf-8").split("\n")
    console: dict[int, list[Mismatch]] = {}
    edits: list[tuple[int, int, list[str]]] = []
    for mismatch in run.mismatches:
        block = mismatch.block
        if block.kind == "output":
            body = _lines(mismatch.actual)
            edits.append((block.line - 1, block.end - 1, [block.indent + b for b in body]))
        else:
            console.setdefault(block.line, []).append(mismatch)
    for mismatches in console.values():
        block = mismatches[0].block
        fixed = {m.command: _lines(m.actual) for m in mismatches}
        body: list[str] = []
        for _, command, expected, written in commands(block):
            body += written
            body += fixed.get(f"$ {command}", _lines(expected))
        edits.append((block.line - 1, block.end - 1, [block.indent + b for b in body]))
    for start, end, body in sorted(edits, reverse=True):
        lines[start:end] = body
    page.write_text("\n".join(lines), encoding="utf-8")
    return len(edits)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0] if __doc__ else None)
    parser.add_argument("pages", nargs="+", type=pathlib.Path)
    parser.add_argument("--update", action="store_true", help="rewrite outputs that differ")
    args = parser.parse_args(argv)
    status = 0
    for page in args.pages:
        with tempfile.TemporaryDirectory(prefix="argmap-docs-") as workdir:
            run = run_page(page, pathlib.Path(workdir))
        for mismatch in run.mismatches:
            print(mismatch, end="\n\n")
        if run.mismatches and args.update:
            print(f"{page}: {update(page, run)} block(s) updated")
        elif run.mismatches:
            status = 1
        print(f"{page}: {run.ran} blocks run, {len(run.mismatches)} differ")
    return status


if __name__ == "__main__":
    raise SystemExit(main())
