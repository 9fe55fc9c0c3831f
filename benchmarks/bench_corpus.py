"""Read and check whole corpus folders; compare the reading with arguebuf's.

    python benchmarks/bench_corpus.py [FOLDER ...] [--seconds 2]

The default folder is ``$ARGMAP_FIXTURES/aif`` (else ``../shared/fixtures/aif``). Every
file whose format argmap recognises (AIF ``.json``, microtexts ``.xml``, ...) is read
into memory first, so that disk speed does not count; then each step is repeated over the
whole folder for at least ``--seconds`` (and at least three rounds) and the median round
gives the rate in files per second:

- argmap ``loads`` (text to map, with locations) and ``loads`` + ``check``;
- arguebuf (PyPI ``arguebuf``) loading the same texts: ``json.loads`` then
  ``arguebuf.load.aif`` / ``arguebuf.load.xaif``, or ``arguebuf.load.microtexts`` for XML.
  It keeps only the argument layer and runs no checks, so it has less to do.

The ratio printed compares argmap's load + check with arguebuf's load over the files both
read. Their rounds are taken in turn (one of argmap's, one of arguebuf's, ...) so that a
machine busy with other work slows both alike: on a shared machine the rates drift, the
ratio much less. Without arguebuf installed, a note says so and only argmap's figures are
printed.
"""

from __future__ import annotations

import argparse
import importlib
import io
import json
import os
import pathlib
import statistics
import sys
import time
import warnings
from collections.abc import Callable, Sequence
from typing import Any

import attrs

from argmap import check
from argmap import formats as registry
from argmap.errors import FormatError
from argmap.formats._io import read_text

ROOT = pathlib.Path(__file__).resolve().parent.parent
FIXTURES = pathlib.Path(os.environ.get("ARGMAP_FIXTURES", ROOT / "tests" / "fixtures"))


@attrs.frozen
class Entry:
    """One file of a corpus, read into memory, with the format argmap detected."""

    path: pathlib.Path
    text: str
    format: str


def corpus(folder: pathlib.Path) -> tuple[list[Entry], list[str]]:
    """The readable files of ``folder`` (recursively) and a line per file left out."""
    entries: list[Entry] = []
    skipped: list[str] = []
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        if path.suffix not in (".json", ".xml", ".argdown", ".ad"):
            continue
        try:
            text = read_text(path)
            format = registry.detect(path, text)
            registry.loads(text, format=format, path=str(path))
        except FormatError as error:
            skipped.append(f"{path.name}: {error}")
            continue
        entries.append(Entry(path, text, format))
    return entries, skipped


def rate(step: Callable[[], object], files: int, seconds: float) -> float:
    """Files per second: the median of rounds of ``step``, repeated for ``seconds``."""
    rounds: list[float] = []
    started = time.perf_counter()
    while len(rounds) < 3 or time.perf_counter() - started < seconds:
        begin = time.perf_counter()
        step()
        rounds.append(time.perf_counter() - begin)
    return files / statistics.median(rounds) if files else 0.0


def paired_rates(
    ours: Callable[[], object],
    theirs: Callable[[], object],
    files: int,
    seconds: float,
) -> tuple[float, float]:
    """Files per second of two steps over the same ``files``, their rounds taken in turn
    for ``seconds`` each (at least three rounds each): the median round of each."""
    rounds: tuple[list[float], list[float]] = ([], [])
    started = time.perf_counter()
    while len(rounds[0]) < 3 or time.perf_counter() - started < 2 * seconds:
        for step, times in ((ours, rounds[0]), (theirs, rounds[1])):
            begin = time.perf_counter()
            step()
            times.append(time.perf_counter() - begin)
    return files / statistics.median(rounds[0]), files / statistics.median(rounds[1])


def argmap_step(entries: Sequence[Entry], with_check: bool) -> Callable[[], object]:
    """Read (and check) every entry once."""

    def run() -> None:
        for entry in entries:
            m = registry.loads(entry.text, format=entry.format, path=str(entry.path))
            if with_check:
                check(m)

    return run


def arguebuf_module() -> Any | None:
    """The ``arguebuf`` package, or None when it is not installed."""
    try:
        return importlib.import_module("arguebuf")
    except ImportError:
        return None


def arguebuf_load(arguebuf: Any, entry: Entry) -> Any:
    """Load one entry with arguebuf, the way its own file loader would."""
    if entry.path.suffix == ".xml":
        return arguebuf.load.microtexts(io.BytesIO(entry.text.encode("utf-8")), entry.path.stem)
    document = json.loads(entry.text)
    if "AIF" in document:
        return arguebuf.load.xaif(document, entry.path.stem)
    return arguebuf.load.aif(document, entry.path.stem)


def arguebuf_readable(arguebuf: Any, entries: Sequence[Entry]) -> list[Entry]:
    """The entries arguebuf loads without an exception."""
    readable = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for entry in entries:
            try:
                arguebuf_load(arguebuf, entry)
            except Exception:
                continue
            readable.append(entry)
    return readable


def arguebuf_step(arguebuf: Any, entries: Sequence[Entry]) -> Callable[[], object]:
    """Load every entry once with arguebuf (its warnings silenced)."""

    def run() -> None:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            for entry in entries:
                arguebuf_load(arguebuf, entry)

    return run


def report(folder: pathlib.Path, seconds: float, arguebuf: Any | None) -> None:
    """Print the rates for one folder."""
    entries, skipped = corpus(folder)
    size = sum(len(entry.text.encode("utf-8")) for entry in entries)
    formats = ", ".join(
        f"{sum(e.format == f for e in entries)} {f}" for f in sorted({e.format for e in entries})
    )
    print(f"{folder}: {len(entries)} files ({formats or 'none'}), {size / 1024:.0f} KB")
    for line in skipped:
        print(f"  skipped (argmap cannot read it): {line}")
    if not entries:
        return
    count = len(entries)
    load = rate(argmap_step(entries, False), count, seconds)
    print(f"  argmap   loads           {load:10,.0f} files/s")
    common = arguebuf_readable(arguebuf, entries) if arguebuf is not None else []
    if len(common) != count:
        load_check = rate(argmap_step(entries, True), count, seconds)
        print(f"  argmap   loads + check   {load_check:10,.0f} files/s")
    if arguebuf is None:
        return
    if not common:
        print("  arguebuf reads none of these files")
        return
    if len(common) != count:
        print(f"  arguebuf reads {len(common)} of the {count} files; comparing on those")
    ours, theirs = paired_rates(
        argmap_step(common, True), arguebuf_step(arguebuf, common), len(common), seconds
    )
    those = "" if len(common) == count else f" (on those {len(common)})"
    print(f"  argmap   loads + check   {ours:10,.0f} files/s{those}")
    print(f"  arguebuf load            {theirs:10,.0f} files/s")
    print(
        f"  ratio: argmap loads + check at {ours / theirs:.2f}x arguebuf's load rate"
        " (rounds taken in turn)"
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Measure each folder given (or the default one); 2 if one is not a folder."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("folders", nargs="*", type=pathlib.Path, default=[FIXTURES / "aif"])
    parser.add_argument("--seconds", type=float, default=2.0, help="time per measurement")
    options = parser.parse_args(argv)
    arguebuf = arguebuf_module()
    if arguebuf is None:
        print("note: arguebuf is not installed (pip install arguebuf): argmap's figures only")
    else:
        version = getattr(arguebuf, "__version__", None) or _installed_version("arguebuf")
        print(f"comparing with arguebuf {version}")
    for folder in options.folders:
        if not folder.is_dir():
            print(f"{folder}: not a folder", file=sys.stderr)
            return 2
        report(folder, options.seconds, arguebuf)
    return 0


def _installed_version(name: str) -> str:
    """The version pip installed of ``name``."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(name)
    except PackageNotFoundError:
        return "(unknown version)"


if __name__ == "__main__":
    sys.exit(main())
