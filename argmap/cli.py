"""The ``argmap`` command: check, render and convert argument maps.

Every problem is one line, ``path:line:column: severity code: message``; a
traceback never reaches the user unless ``--debug`` asks for it. Exit status: 0
when everything is clean, 1 when a map has an error, 2 when input cannot be read or
the command line is wrong.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import pathlib
import re
import sys
from collections.abc import Callable, Iterator, Sequence
from typing import Any, NoReturn, TextIO

import attrs

from argmap import formats
from argmap.check import check
from argmap.dot import FORMATS as RENDER_FORMATS
from argmap.dot import RANKDIRS, Theme, refuse_inputs, render, write_digraph
from argmap.errors import ArgmapError, FormatError, MapError
from argmap.model import ArgumentMap, Statement
from argmap.report import Location, Problem, Report

__all__ = ["main"]

EXIT_OK, EXIT_PROBLEMS, EXIT_UNREADABLE = 0, 1, 2

DUNG = ("grounded", "complete", "preferred", "stable")
GRADUAL = ("df-quad", "quad", "euler", "quadratic-energy", "h-categoriser")
_AF_SUFFIXES = (".apx", ".tgf", ".af", ".i23")

_READABLE_SUFFIXES = (".json", ".argdown", ".ad", ".xml")


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
    checking.add_argument("files", nargs="+", type=_path, metavar="FILE", help="maps or folders")
    checking.add_argument("--format", choices=["text", "json"], default="text", dest="output")
    checking.add_argument(
        "--input-format", choices=sorted(formats.FORMATS), help="format of the files"
    )
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
    drawing.add_argument("file", type=_path, metavar="FILE")
    drawing.add_argument("-o", "--output", type=_path, required=True, help=".svg .png .pdf .dot")
    drawing.add_argument("--to", choices=RENDER_FORMATS, help="output format (default: suffix)")
    drawing.add_argument("--input-format", choices=sorted(formats.FORMATS))
    drawing.add_argument("--tag", action="append", default=[], help="draw only statements with TAG")
    drawing.add_argument(
        "--section", action="append", default=[], help="draw only statements under heading SECTION"
    )
    drawing.add_argument("--rankdir", choices=RANKDIRS, default=Theme().rankdir)
    drawing.add_argument("--wrap", type=int, default=Theme().wrap, help="characters per line")
    drawing.add_argument("--font", default=Theme().font)
    drawing.add_argument("--no-legend", action="store_true")
    drawing.add_argument(
        "--view",
        choices=["auto", "argmap", "argdown"],
        default="auto",
        help="argdown: Argdown's map of arguments; auto: that for Argdown input, else argmap's",
    )

    evaluating = commands.add_parser(
        "evaluate",
        help="which claims stand, how strongly",
        description="Label every statement in/out/undecided (Dung semantics) or give its "
        "strength (gradual semantics). Also reads Dung frameworks: .apx, .tgf, .af (ICCMA).",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="examples:\n"
        "  argmap evaluate map.argmap.json\n"
        "  argmap evaluate map.argdown --semantics df-quad --format json\n"
        "  argmap evaluate instance.af --semantics preferred",
    )
    evaluating.add_argument("file", type=_path, metavar="FILE")
    evaluating.add_argument("--semantics", choices=[*DUNG, *GRADUAL], default="grounded")
    evaluating.add_argument("--format", choices=["text", "json"], default="text", dest="output")
    evaluating.add_argument("--input-format", choices=sorted(formats.FORMATS))

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
    asking.add_argument("file", type=_path, metavar="FILE")
    asking.add_argument("--accept", action="append", default=[], metavar="ID")
    asking.add_argument("--reject", action="append", default=[], metavar="ID")
    asking.add_argument("--semantics", choices=DUNG, default="grounded")
    asking.add_argument("--gradual", choices=GRADUAL, default="df-quad")
    asking.add_argument("--format", choices=["text", "json"], default="text", dest="output")
    asking.add_argument("--input-format", choices=sorted(formats.FORMATS))

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
    converting.add_argument("input", type=_path, metavar="IN")
    converting.add_argument("output", type=_path, metavar="OUT")
    converting.add_argument("--to", choices=sorted(formats.FORMATS), help="output format")
    converting.add_argument("--input-format", choices=sorted(formats.FORMATS))
    return parser


def _files(paths: Sequence[pathlib.Path]) -> Iterator[pathlib.Path]:
    """The files named, with folders expanded to the readable files inside, sorted."""
    for path in paths:
        if path.is_dir():
            yield from sorted(
                p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in _READABLE_SUFFIXES
            )
        else:
            yield path


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
            loaded = formats.load(path, format=args.input_format, strict=not args.lenient)
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
        shown = ", ".join(repr(title) for title in sorted(known)[:10]) or "none"
        raise FormatError(
            f"no section titled {missing[0]!r} in the map (its sections: {shown})",
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
    theme = attrs.evolve(Theme(), rankdir=args.rankdir, wrap=args.wrap, font=args.font)
    inputs = formats.sources(args.file, format=args.input_format)
    refuse_inputs(args.output, inputs)
    m = formats.load(args.file, format=args.input_format)
    if args.tag:
        m = restrict(m, lambda statement: bool(set(statement.tags) & set(args.tag)))
    if args.section:
        m = restrict(m, _in_sections(m, args.section))
    view = args.view
    if view == "auto":
        view = "argdown" if "argdown" in m.data else "argmap"
    if view == "argdown":
        from argmap.formats.argdown_dot import to_dot as argdown_dot

        digraph = argdown_dot(m, theme=theme)
        written = write_digraph(digraph, args.output, format=args.to, inputs=inputs)
    else:
        written = render(
            m, args.output, format=args.to, theme=theme, legend=not args.no_legend, inputs=inputs
        )
    _wrote(written)
    return EXIT_OK


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
    inputs = formats.sources(args.input, format=args.input_format)
    refuse_inputs(args.output, inputs)
    m = formats.load(args.input, format=args.input_format)
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
    m = formats.load(args.file, format=args.input_format)
    if args.semantics in GRADUAL:
        from argmap.strengths import strengths

        weights = strengths(m, semantics=args.semantics)
        text = "\n".join(f"{weights[id]:.4f}  {id}" for id in m.statements)
        _emit({"semantics": args.semantics, "strengths": weights}, text, args.output)
        return EXIT_OK
    from argmap.semantics import evaluate

    evaluation = evaluate(m, semantics=args.semantics)
    document = {
        "semantics": args.semantics,
        "extensions": evaluation.extensions,
        "labels": dict(evaluation.labels),
        "theses": {t: evaluation.labels[t] for t in m.theses if t in evaluation.labels},
    }
    _emit(document, str(evaluation), args.output)
    return EXIT_OK


def _evaluate_framework(args: argparse.Namespace) -> int:
    from argmap import af

    if args.semantics not in DUNG:
        raise FormatError(
            f"a Dung framework has no gradual semantics; use one of {', '.join(DUNG)}",
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
    from argmap.whatif import what_if

    m = formats.load(args.file, format=args.input_format)
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
