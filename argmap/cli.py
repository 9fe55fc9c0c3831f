"""The ``argmap`` command: check, render and convert argument maps.

Every problem is one line, ``path:line:column: severity code: message``; a
traceback never reaches the user unless ``--debug`` asks for it. Exit status: 0
when everything is clean, 1 when a map has an error, 2 when input cannot be read or
the command line is wrong.
"""

from __future__ import annotations

import argparse
import difflib
import io
import json
import os
import pathlib
import re
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, NoReturn, TextIO

import attrs
import yaml

from argmap import af, formats
from argmap._files import refuse_inputs
from argmap._readout import evaluation_sections
from argmap.check import check
from argmap.dot import FORMATS as RENDER_FORMATS
from argmap.dot import RANKDIRS, Theme, render, write_digraph
from argmap.errors import ArgmapError, FormatError, MapError, RenderError
from argmap.formats._io import decode_text, read_text
from argmap.formats.argdown_dot import to_dot as argdown_dot
from argmap.model import ArgumentMap, Statement
from argmap.page import write_html
from argmap.report import Location, Problem, Report
from argmap.semantics import evaluate
from argmap.strengths import strengths
from argmap.whatif import what_if

__all__ = ["main"]

EXIT_OK, EXIT_PROBLEMS, EXIT_UNREADABLE = 0, 1, 2

DUNG = ("grounded", "complete", "preferred", "stable")
GRADUAL = ("df-quad", "quad", "euler", "quadratic-energy", "h-categoriser")
_AF_SUFFIXES = (".apx", ".tgf", ".af", ".i23")

_READABLE_SUFFIXES = (".json", ".argdown", ".ad", ".xml")

_READERS = sorted(formats.READERS)
_WRITERS = sorted(formats.WRITERS)
_INPUT_HELP = "input format, when the suffix does not say (needed for stdin)"


class _Parser(argparse.ArgumentParser):
    """argparse that reports usage errors in one line with exit status 2."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_UNREADABLE, f"{self.prog}: error: {message} (see --help)\n")


def _path(text: str) -> pathlib.Path:
    """A path argument: not empty (that would mean the current folder) and free of NUL."""
    if not text or "\x00" in text:
        raise argparse.ArgumentTypeError(f"not a file name: {text!r}")
    return pathlib.Path(text)


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="argmap",
        description="Check, draw and convert argument maps.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="examples:\n"
        "  argmap check map.argdown corpus/\n"
        "  argmap render map.argmap.json -o map.svg\n"
        "  argmap convert debate.argdown debate.json --to aif\n"
        "  argmap evaluate map.argmap.json --semantics preferred\n"
        "  argmap what-if map.argmap.json --accept leverage\n",
    )
    parser.add_argument("--debug", action="store_true", help="show tracebacks of failures")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    checking = commands.add_parser(
        "check",
        help="check maps for consistency",
        description="Check argument maps and print one line per problem.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="examples:\n"
        "  argmap check map.argmap.json\n"
        "  argmap check corpus/ --format json > report.json\n"
        "exit status: 0 clean (warnings allowed), 1 errors found, 2 unreadable input",
    )
    checking.add_argument(
        "files", nargs="+", type=_path, metavar="FILE", help="maps or folders; - reads stdin"
    )
    checking.add_argument(
        "--format",
        choices=["text", "json"],
        default="text",
        dest="output",
        help="text: one line per problem (default); json: one document for programs",
    )
    checking.add_argument("--input-format", choices=_READERS, help=_INPUT_HELP)
    checking.add_argument("-q", "--quiet", action="store_true", help="print only errors")
    checking.add_argument(
        "--lenient",
        action="store_true",
        help="leave out what a reader can skip (AIF S-nodes missing a side) and report it",
    )

    drawing = commands.add_parser(
        "render",
        help="draw a map with Graphviz",
        description="Draw an argument map as SVG, PNG, PDF or DOT.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="examples:\n"
        "  argmap render map.argdown -o map.svg\n"
        "  argmap render map.json -o part.pdf --tag leverage --rankdir LR",
    )
    drawing.add_argument("file", type=_path, metavar="FILE", help="the map; - reads stdin")
    drawing.add_argument(
        "-o",
        "--output",
        type=_path,
        required=True,
        help="the picture: .svg .png .pdf .dot, or .html for the interactive page; "
        "- writes stdout (with --to)",
    )
    drawing.add_argument(
        "--to",
        choices=[*RENDER_FORMATS, "html"],
        help="output format (default: suffix); html: the interactive page",
    )
    drawing.add_argument(
        "--source",
        type=_path,
        metavar="FILE",
        help="the text the quotes point into, for the page (default: the map's own)",
    )
    drawing.add_argument("--input-format", choices=_READERS, help=_INPUT_HELP)
    drawing.add_argument(
        "--tag", action="append", default=[], help="draw only statements with TAG (repeatable)"
    )
    drawing.add_argument(
        "--section", action="append", default=[], help="draw only statements under heading SECTION"
    )
    drawing.add_argument(
        "--semantics",
        choices=[*DUNG, *GRADUAL],
        help="colour by one evaluation: labels (Dung semantics) or strengths (gradual)",
    )
    drawing.add_argument(
        "--theme",
        type=_path,
        metavar="FILE",
        help="a YAML or JSON file of Theme fields (colours, font, wrap...); options override it",
    )
    drawing.add_argument(
        "--rankdir",
        choices=RANKDIRS,
        help=f"direction of support: BT puts conclusions on top (default: {Theme().rankdir})",
    )
    drawing.add_argument("--wrap", type=int, help=f"characters per line (default: {Theme().wrap})")
    drawing.add_argument("--font", help=f"font name (default: {Theme().font})")
    drawing.add_argument("--no-legend", action="store_true", help="leave the legend out")
    drawing.add_argument(
        "--view",
        choices=["auto", "argmap", "argdown"],
        default="auto",
        help="argdown: Argdown's map of arguments; auto: that for Argdown input, else argmap's",
    )

    evaluating = commands.add_parser(
        "evaluate",
        help="which claims stand, how strongly, why, and what they stand or fall with",
        description="Label every statement in/out/undecided (Dung semantics) or give its "
        "strength (gradual semantics): statement texts with their ids in brackets, theses "
        "first. On request, say why a node has its label or strength (--explain), what "
        "the thesis stands or falls with (--cruxes) and how much its strength depends on "
        "each base score (--sensitivity). Also reads Dung frameworks: .apx, .tgf, .af, "
        ".i23 (ICCMA).",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="examples:\n"
        "  argmap evaluate map.argmap.json\n"
        "  argmap evaluate map.argmap.json --explain thesis --cruxes\n"
        "  argmap evaluate map.argdown --semantics df-quad --sensitivity --json\n"
        "  argmap evaluate instance.af --semantics preferred",
    )
    evaluating.add_argument("file", type=_path, metavar="FILE", help="a map or a framework")
    evaluating.add_argument(
        "--semantics",
        choices=[*DUNG, *GRADUAL],
        default="grounded",
        help="Dung semantics label, gradual ones give strengths (default: grounded)",
    )
    evaluating.add_argument("--explain", metavar="ID", help="say why ID has its label or strength")
    evaluating.add_argument(
        "--cruxes",
        nargs="?",
        const="",
        metavar="ID",
        help="the smallest positions that change ID's label (default: the thesis)",
    )
    evaluating.add_argument(
        "--crux-size",
        type=int,
        default=2,
        metavar="N",
        help="the most statements a crux may hold (default: 2; 1 is fast on large maps)",
    )
    evaluating.add_argument(
        "--sensitivity",
        nargs="?",
        const="",
        metavar="ID",
        help="how ID's strength depends on each base score, with warnings where it is "
        "fragile (default: the thesis; df-quad unless --semantics is gradual)",
    )
    evaluating.add_argument(
        "--format",
        choices=["text", "json"],
        default="text",
        dest="output",
        help="text for people (default), json for programs",
    )
    evaluating.add_argument(
        "--json", action="store_const", const="json", dest="output", help="same as --format json"
    )
    evaluating.add_argument("--input-format", choices=_READERS, help=_INPUT_HELP)

    asking = commands.add_parser(
        "what-if",
        help="accept or reject statements and see what changes",
        description="Show every statement whose label or strength changes when some "
        "statements are accepted or rejected, theses first.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="examples:\n"
        "  argmap what-if s400.argmap.json --accept leverage\n"
        "  argmap what-if s400.argmap.json --reject iff_doubtful --semantics preferred",
    )
    asking.add_argument("file", type=_path, metavar="FILE", help="the map; - reads stdin")
    asking.add_argument(
        "--accept", action="append", default=[], metavar="ID", help="accept statement ID"
    )
    asking.add_argument(
        "--reject", action="append", default=[], metavar="ID", help="reject statement ID"
    )
    asking.add_argument(
        "--semantics",
        choices=DUNG,
        default="grounded",
        help="the Dung semantics for labels (default: %(default)s)",
    )
    asking.add_argument(
        "--gradual",
        choices=GRADUAL,
        default="df-quad",
        help="the gradual semantics for strengths (default: %(default)s)",
    )
    asking.add_argument(
        "--format",
        choices=["text", "json"],
        default="text",
        dest="output",
        help="text for people (default), json for programs",
    )
    asking.add_argument("--input-format", choices=_READERS, help=_INPUT_HELP)

    converting = commands.add_parser(
        "convert",
        help="convert between formats",
        description="Convert an argument map from one format to another.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="examples:\n"
        "  argmap convert map.argdown map.argmap.json\n"
        "  argmap convert map.argdown export.json --to argdown-json\n"
        "  argmap convert nodeset.json map.argdown",
    )
    converting.add_argument("input", type=_path, metavar="IN", help="the map; - reads stdin")
    converting.add_argument(
        "output", type=_path, metavar="OUT", help="the file to write; - writes stdout (with --to)"
    )
    converting.add_argument(
        "--to", choices=_WRITERS, help="output format (default: from OUT's suffix)"
    )
    converting.add_argument("--input-format", choices=_READERS, help=_INPUT_HELP)
    return parser


_STDIO = pathlib.Path("-")
"""The name that means standard input (as a file to read) or output (as one to write)."""


def _load(path: pathlib.Path, input_format: str | None, *, strict: bool = True) -> ArgumentMap:
    """The map in ``path`` (``-``: standard input, whose format ``--input-format`` says)."""
    if path != _STDIO:
        return formats.load(path, format=input_format, strict=strict)
    if input_format is None:
        raise FormatError(
            "standard input has no suffix to tell its format: give --input-format",
            path="<stdin>",
        )
    text = decode_text(sys.stdin.buffer.read(), "<stdin>")
    return formats.loads(text, format=input_format, path="<stdin>", strict=strict)


def _sources(path: pathlib.Path, input_format: str | None) -> tuple[pathlib.Path, ...]:
    """The files a command reads for ``path`` (none for standard input)."""
    return () if path == _STDIO else formats.sources(path, format=input_format)


def _to_stdout(write: Callable[[pathlib.Path], pathlib.Path], format: str | None) -> None:
    """Run ``write`` on a file in a private folder and copy what it wrote to standard
    output: how ``-o -`` reuses the writers, which write files atomically."""
    if format is None:
        raise FormatError("standard output has no suffix to tell the format: give --to")
    with tempfile.TemporaryDirectory(prefix="argmap-") as folder:
        written = write(pathlib.Path(folder) / f"out.{format}")
        content = written.read_bytes()
    sys.stdout.flush()
    sys.stdout.buffer.write(content)
    sys.stdout.buffer.flush()


def _files(paths: Sequence[pathlib.Path]) -> Iterator[pathlib.Path]:
    """The files named, with folders expanded to the readable files inside, sorted."""
    for path in paths:
        if path.is_dir():
            yield from sorted(
                p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in _READABLE_SUFFIXES
            )
        else:
            yield path  # standard input (-) too


_UNPRINTABLE = re.compile(r"[\x00-\x08\x0a-\x1f\x7f-\x9f]")


def _printable(text: str) -> str:
    """``text`` as one line a terminal shows as it is: line breaks and other control
    characters (an escape sequence in a file name...) spelt as ``\\n``, ``\\x1b``, and
    what cannot be encoded (a lone surrogate from an undecodable name) as ``\\udc80``."""
    spelt = _UNPRINTABLE.sub(lambda match: repr(match.group())[1:-1], text)
    return spelt.encode("utf-8", "backslashreplace").decode("utf-8")


def _where(path: object, line: int | None, column: int | None) -> str:
    return ":".join(str(part) for part in (path, line, column) if part not in (None, ""))


def _line(path: pathlib.Path, problem: Problem) -> str:
    location = problem.location or Location(None, None, None)
    column = location.column if location.line else None
    where = _where(location.path or path, location.line, column)
    return _printable(f"{where}: {problem.severity} {problem.code}: {problem.message}")


def _error_lines(error: ArgmapError) -> list[str]:
    """What the command line says about ``error``: one line per problem it carries."""
    problems = error.problems if isinstance(error, (FormatError, MapError)) else ()
    if isinstance(error, FormatError) and len(problems) > 1:
        lines = []
        for problem in _unreadable(error):
            where = _where(error.path, problem.line, problem.column)
            lines.append(f"{where}: {problem.message}" if where else problem.message)
    elif isinstance(error, MapError) and problems:
        lines = [problem.message for problem in problems]
    else:
        lines = [str(error)]
    return [_printable(f"argmap: error: {line}") for line in lines]


def _unreadable(error: FormatError) -> list[Problem]:
    """The problems of an unreadable file, each placed in it (at the error's place if unknown)."""
    where = Location(error.path, error.line, error.column)
    problems = list(error.problems) or [Problem(error.code, "error", (), error.message, where)]
    return [attrs.evolve(p, location=p.location or where) for p in problems]


def _progress(stream: TextIO, done: int, total: int, path: pathlib.Path) -> None:
    if total > 1 and stream.isatty():
        stream.write(f"\r\x1b[K[{done}/{total}] {_printable(str(path))}"[:200])
        stream.flush()


def _check(args: argparse.Namespace) -> int:
    files = list(_files(args.files))
    results: list[dict[str, Any]] = []
    status = EXIT_OK
    counts = {"error": 0, "warning": 0, "info": 0}
    for number, path in enumerate(files, 1):
        _progress(sys.stderr, number, len(files), path)
        try:
            loaded = _load(path, args.input_format, strict=not args.lenient)
            report = check(loaded)
            readable = True
        except FormatError as error:
            report = Report(_unreadable(error))
            readable = False
            status = EXIT_UNREADABLE
        if readable and not report.ok and status == EXIT_OK:
            status = EXIT_PROBLEMS
        for problem in report:
            counts[problem.severity] += 1
        results.append({"path": path, "readable": readable, "report": report})
    if len(files) > 1 and sys.stderr.isatty():
        sys.stderr.write("\r\x1b[K")
    if args.output == "json":
        _print_json(results, counts, status)
    else:
        _print_text(results, counts, args.quiet)
    return status


def _print_text(results: list[dict[str, Any]], counts: dict[str, int], quiet: bool) -> None:
    for result in results:
        for problem in result["report"]:
            if not quiet or problem.severity == "error":
                print(_line(result["path"], problem))
    unreadable = sum(not r["readable"] for r in results)
    summary = f"{len(results)} file{'s' if len(results) != 1 else ''} checked: " + ", ".join(
        f"{count} {name}{'s' if count != 1 else ''}" for name, count in counts.items()
    )
    if unreadable:
        summary += f" ({unreadable} unreadable)"
    print(_printable(summary))


def _print_json(results: list[dict[str, Any]], counts: dict[str, int], status: int) -> None:
    document = {
        "files": [
            {
                "path": str(r["path"]),
                "readable": r["readable"],
                "ok": r["readable"] and r["report"].ok,
                "problems": [
                    {
                        "code": p.code,
                        "severity": p.severity,
                        "ids": list(p.ids),
                        "message": p.message,
                        "line": p.line,
                        "column": p.column,
                    }
                    for p in r["report"]
                ],
            }
            for r in results
        ],
        "summary": {**counts, "files": len(results), "exit": status},
    }
    json.dump(document, sys.stdout, ensure_ascii=False, indent=2)
    print()


def restrict(map: ArgumentMap, keep: Callable[[Statement], bool]) -> ArgumentMap:
    """The part of ``map`` whose statements ``keep`` accepts, with the relations and
    arguments that lie wholly inside it."""
    kept = {id for id, statement in map.statements.items() if keep(statement)}
    inferences = [
        i for i in map.inferences.values() if i.conclusion in kept and set(i.premises) <= kept
    ]
    inference_ids = {i.id for i in inferences}
    conflicts = [
        c
        for c in map.conflicts.values()
        if c.source in kept and (c.target in kept or c.target in inference_ids)
    ]
    arguments = [
        a
        for a in map.arguments.values()
        if set(a.statements) <= kept and set(a.inferences) <= inference_ids
    ]
    return attrs.evolve(
        map,
        statements=[map.statements[id] for id in map.statements if id in kept],
        inferences=inferences,
        conflicts=conflicts,
        theses=[t for t in map.theses if t in kept],
        arguments=arguments,
    )


def _sections(map: ArgumentMap) -> dict[str, dict[str, Any]]:
    """The map's Argdown sections (``data["argdown"]["sections"]``) by id: only the
    well-formed ones (an object with a text ``id`` and ``title``), as the Argdown
    writer takes them; a ``parent`` that is not a text is no parent."""
    meta = map.data.get("argdown")
    listed = meta.get("sections") if isinstance(meta, dict) else None
    if not isinstance(listed, list):
        return {}
    return {
        s["id"]: s
        for s in listed
        if isinstance(s, dict) and isinstance(s.get("id"), str) and isinstance(s.get("title"), str)
    }


def _in_sections(map: ArgumentMap, titles: Sequence[str]) -> Callable[[Statement], bool]:
    """Statement test: written under a heading with one of ``titles`` (or below it).

    A title no well-formed section has is a usage error (exit 2), not an empty
    diagram. Each section's answer is worked out once (a chain of parents that loops
    is followed once round), so the test is linear however deep the headings nest."""
    sections = _sections(map)
    known = {s["title"] for s in sections.values()}
    missing = [title for title in titles if title not in known]
    if missing:
        nearest = _nearest(missing[0], known)
        shown = nearest or "; its sections: " + (
            ", ".join(repr(title) for title in sorted(known)[:10]) or "none"
        )
        raise FormatError(
            f"--section {missing[0]!r}: no section of the map has this title{shown}",
            code="unknown-section",
        )
    wanted = set(titles)
    under: dict[str, bool] = {}

    def inside(section: object) -> bool:
        path: list[str] = []
        seen: set[str] = set()
        answer = False
        while isinstance(section, str) and section in sections:
            if section in under:
                answer = under[section]
                break
            if section in seen:  # a loop of parents, followed once round
                break
            path.append(section)
            seen.add(section)
            if sections[section]["title"] in wanted:
                answer = True
                break
            section = sections[section].get("parent")
        under.update(dict.fromkeys(path, answer))
        return answer

    def keep(statement: Statement) -> bool:
        meta = statement.data.get("argdown")
        return inside(meta.get("section") if isinstance(meta, dict) else None)

    return keep


def _render(args: argparse.Namespace) -> int:
    theme = _theme(args)
    inputs = _sources(args.file, args.input_format)
    refuse_inputs(args.output, inputs)
    m = _load(args.file, args.input_format)
    if args.tag:
        _known_tags(m, args.tag)
        m = restrict(m, lambda statement: bool(set(statement.tags) & set(args.tag)))
    if args.section:
        m = restrict(m, _in_sections(m, args.section))
    view = args.view
    if view == "auto":
        view = "argdown" if "argdown" in m.data else "argmap"

    source = read_text(args.source) if args.source is not None else None
    page = args.to == "html" or (args.to is None and args.output.suffix.lower() == ".html")
    if page and args.semantics is not None:
        raise FormatError(
            "--semantics colours a diagram; the page shows grounded labels and DF-QuAD "
            "strengths itself, with what-if controls"
        )
    if not page and args.to is None and args.output != _STDIO:
        suffix = args.output.suffix.lower().lstrip(".")
        if suffix not in (*RENDER_FORMATS, "gv"):
            raise FormatError(
                f"cannot tell what to draw from the suffix {args.output.suffix or '(none)'!r}: "
                f"use one of {', '.join(f'.{f}' for f in (*RENDER_FORMATS, 'html'))} or --to",
                path=str(args.output),
            )

    def write(target: pathlib.Path) -> pathlib.Path:
        if page:
            return write_html(m, target, source=source, theme=theme, inputs=inputs)
        if view == "argdown":
            digraph = argdown_dot(m, theme=theme)
            return write_digraph(digraph, target, format=args.to, inputs=inputs)
        return render(
            m,
            target,
            format=args.to,
            theme=theme,
            legend=not args.no_legend,
            inputs=inputs,
            evaluation=evaluate(m, semantics=args.semantics) if args.semantics in DUNG else None,
            strengths=strengths(m, semantics=args.semantics) if args.semantics in GRADUAL else None,
        )

    if args.output == _STDIO:
        _to_stdout(write, args.to)
    else:
        _wrote(write(args.output))
    return EXIT_OK


def _theme(args: argparse.Namespace) -> Theme:
    """The theme of ``--theme FILE`` (YAML or JSON: Theme's fields by name), with
    ``--rankdir``, ``--wrap`` and ``--font`` over it; every bad field is one problem."""
    fields: dict[str, Any] = {}
    if args.theme is not None:
        text = read_text(args.theme)
        try:
            loaded = yaml.safe_load(text)
        except yaml.YAMLError as error:
            mark = getattr(error, "problem_mark", None)
            raise FormatError(
                f"not a YAML or JSON theme: {getattr(error, 'problem', None) or error}",
                path=str(args.theme),
                line=mark.line + 1 if mark is not None else None,
                column=mark.column + 1 if mark is not None else None,
            ) from None
        if not isinstance(loaded, dict):
            raise FormatError("a theme is a mapping of Theme fields", path=str(args.theme))
        known = attrs.fields_dict(Theme)
        for name, value in loaded.items():
            if name not in known:
                raise FormatError(
                    f"a theme has no field {str(name)!r}{_nearest(str(name), known)}",
                    path=str(args.theme),
                    code="unknown-field",
                )
            fields[name] = tuple(value) if isinstance(value, list) else value
    for name in ("rankdir", "wrap", "font"):
        if getattr(args, name) is not None:
            fields[name] = getattr(args, name)
    try:
        return Theme(**fields)
    except RenderError as error:
        raise FormatError(str(error), path=str(args.theme) if args.theme else None) from None


def _nearest(word: str, known: Iterable[str]) -> str:
    """``; nearest: 'a', 'b'`` for the known names most like ``word``; empty if none is."""
    close = difflib.get_close_matches(word, sorted(known), n=3, cutoff=0.6)
    return f"; nearest: {', '.join(repr(name) for name in close)}" if close else ""


def _known_ids(
    map: ArgumentMap, named: Sequence[tuple[str, str]], *, inferences: bool = False
) -> None:
    """Refuse every (option, id) of the command line whose id is no statement of the map
    (nor inference, with ``inferences``), one problem each, naming the option and the
    nearest ids."""
    known = [*map.statements, *(map.inferences if inferences else ())]
    kind = "statement or inference" if inferences else "statement"
    problems = [
        Problem(
            "unknown-reference",
            "error",
            (id,),
            f"{option} {id!r}: the map has no {kind} with this id{_nearest(id, known)}",
        )
        for option, id in named
        if id not in known
    ]
    if problems:
        raise MapError(problems)


def _known_tags(map: ArgumentMap, tags: Sequence[str]) -> None:
    """Refuse (exit 2) a ``--tag`` no statement has, naming the nearest tags."""
    known = {tag for statement in map.statements.values() for tag in statement.tags}
    for tag in tags:
        if tag not in known:
            raise FormatError(
                f"--tag {tag!r}: no statement of the map has this tag{_nearest(tag, known)}",
                code="unknown-tag",
            )


def _wrote(path: pathlib.Path) -> None:
    """Say where the output went, unless it went to stdout itself (``-o /dev/stdout``),
    where the words would land in the middle of it."""
    try:
        same = os.path.samestat(os.stat(path), os.fstat(sys.stdout.fileno()))
    except (OSError, ValueError):  # no such file, or a stdout without a descriptor
        same = False
    if not same:
        print(f"wrote {_printable(str(path))}")


def _convert(args: argparse.Namespace) -> int:
    inputs = _sources(args.input, args.input_format)
    refuse_inputs(args.output, inputs)
    m = _load(args.input, args.input_format)
    if args.output == _STDIO:
        if args.to is None:
            raise FormatError("standard output has no suffix to tell the format: give --to")
        sys.stdout.write(formats.dumps(m, format=args.to))
        return EXIT_OK
    written = formats.dump(m, args.output, format=args.to, inputs=inputs)
    _wrote(written)
    return EXIT_OK


def _emit(document: Any, text: str, output: str) -> None:
    if output == "json":
        json.dump(document, sys.stdout, ensure_ascii=False, indent=2)
        print()
    else:
        print(text)


def _evaluate(args: argparse.Namespace) -> int:
    if args.file.suffix.lower() in _AF_SUFFIXES:
        return _evaluate_framework(args)
    m = _load(args.file, args.input_format)
    _known_ids(m, [("--cruxes", args.cruxes)] if args.cruxes else [])
    _known_ids(
        m, [("--sensitivity", args.sensitivity)] if args.sensitivity else [], inferences=True
    )
    if args.crux_size < 1:
        raise FormatError(f"--crux-size must be at least 1, not {args.crux_size}")
    sections = evaluation_sections(
        m,
        semantics=args.semantics,
        explain_id=args.explain,
        cruxes_of=args.cruxes,
        sensitivity_of=args.sensitivity,
        crux_size=args.crux_size,
    )
    title = f"{m.title}\n\n" if m.title else ""
    shown = [sections[0].summary if len(sections) > 1 else sections[0].text]
    text = title + "\n\n".join(shown + [section.text for section in sections[1:]])
    document: dict[str, Any] = {"title": m.title}
    for section in sections:
        if section.key == "evaluation":
            document.update(section.value)
        else:
            document[section.key] = section.value
    _emit(document, text, args.output)
    return EXIT_OK


def _evaluate_framework(args: argparse.Namespace) -> int:
    if args.semantics not in DUNG:
        raise FormatError(
            f"a Dung framework has no gradual semantics; use one of {', '.join(DUNG)}",
            path=str(args.file),
        )
    asked = [
        option
        for option, value in (
            ("--explain", args.explain),
            ("--cruxes", args.cruxes),
            ("--sensitivity", args.sensitivity),
        )
        if value is not None
    ]
    if asked:
        raise FormatError(
            f"{' and '.join(asked)} {'need' if len(asked) > 1 else 'needs'} an argument map, "
            "not a Dung framework",
            path=str(args.file),
        )
    framework = af.load(args.file)
    extensions = framework.extensions(args.semantics)
    order = {argument: number for number, argument in enumerate(framework.arguments)}
    listed = [sorted(extension, key=order.__getitem__) for extension in extensions]
    text = "\n".join("[" + ",".join(extension) + "]" for extension in listed) or "(none)"
    _emit({"semantics": args.semantics, "extensions": listed}, text, args.output)
    return EXIT_OK


def _what_if(args: argparse.Namespace) -> int:
    m = _load(args.file, args.input_format)
    _known_ids(
        m,
        [("--accept", id) for id in args.accept] + [("--reject", id) for id in args.reject],
    )
    result = what_if(
        m,
        accept=args.accept,
        reject=args.reject,
        semantics=args.semantics,
        gradual=args.gradual,
    )
    document = {
        "accept": list(result.accept),
        "reject": list(result.reject),
        "changes": [
            {
                "id": c.id,
                "thesis": c.thesis,
                "before": c.before,
                "after": c.after,
                "strength_before": c.strength_before,
                "strength_after": c.strength_after,
            }
            for c in result.changes
        ],
    }
    _emit(document, str(result), args.output)
    return EXIT_OK


def _silence_stdout() -> None:
    """Point the process's stdout at the null device, so that flushing it at exit
    (into the pipe whose reader has gone) raises nothing; a stream with no file
    descriptor (a test's buffer) needs nothing."""
    try:
        descriptor = sys.stdout.fileno()
    except (OSError, ValueError):  # io.UnsupportedOperation is both
        return
    os.dup2(os.open(os.devnull, os.O_WRONLY), descriptor)


def _tolerant_streams() -> None:
    """Let the process's own stdout and stderr spell what they cannot encode (a lone
    surrogate from a JSON file or a file name) as ``\\udc80`` instead of failing;
    streams a caller put in their place are left as they are."""
    for stream, original in ((sys.stdout, sys.__stdout__), (sys.stderr, sys.__stderr__)):
        if stream is original and isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="backslashreplace")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    _tolerant_streams()
    args = _parser().parse_args(argv)
    commands = {
        "check": _check,
        "render": _render,
        "convert": _convert,
        "evaluate": _evaluate,
        "what-if": _what_if,
    }
    try:
        return commands[args.command](args)
    except BrokenPipeError:  # the reader (``| head``) has gone: stop quietly
        _silence_stdout()
        return EXIT_OK
    except ArgmapError as error:
        if args.debug:
            raise
        for line in _error_lines(error):
            print(line, file=sys.stderr)
        return EXIT_UNREADABLE
    except OSError as error:
        if args.debug:
            raise
        print(_printable(f"argmap: error: {error}"), file=sys.stderr)
        return EXIT_UNREADABLE
    except KeyboardInterrupt:
        print("argmap: interrupted", file=sys.stderr)
        return 130
    except Exception as error:  # a bug: say so in one line, with the way to see more
        if args.debug:
            raise
        name = type(error).__name__
        message = _printable(f"argmap: internal error: {name}: {error}")
        print(f"{message} (--debug shows more)", file=sys.stderr)
        return 3


def main_entry() -> NoReturn:
    """Console-script entry point."""
    sys.exit(main())
