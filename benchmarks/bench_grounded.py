"""Benchmark: grounded semantics end to end, and preferred enumeration, against other tools.

    python benchmarks/bench_grounded.py [--sizes 10000 100000 1000000]

1. Grounded. For each size n, a random ICCMA 2023 file with n arguments and 2n distinct
   attacks (``random.Random(seed)``, pairs written sorted, as ICCMA generators and the
   shared fixtures do) is written to a temporary folder. Each tool then reads the file
   and computes the grounded extension in a fresh subprocess, which reports the time
   from reading the file to having the answer (imports excluded), its own peak resident
   memory (``ru_maxrss``, interpreter and imports included) and a digest of the answer:
   all digests must agree.

   * ``argmap``: :func:`argmap.af.load` then ``grounded()``;
   * ``formal-argumentation`` (PyPI; import name ``argumentation``): its ICCMA parser
     and ``grounded_extension``; skipped with a note if not installed, or when the last
     size took so long that the next would pass the time limit;
   * ``clingo``: the file turned into facts by string replacement, and a positive
     program whose least model, computed by the grounder, is the grounded labelling:
     ``out(X) :- att(Y,X), in(Y).  in(X) :- arg(X), out(Y) : att(Y,X).``

2. Preferred. ICCMA's SE-PR (one preferred extension) and EE-PR (all of them) on the
   shared ICCMA fixtures (all instances in one run) and on random frameworks of 1,000
   and 10,000 arguments (2n attacks: the grounded labelling decides all but a handful of
   arguments) and on denser ones (300 and 1,000 arguments, 4n attacks: 230 and 817
   arguments left undecided, where the search is hard), with argmap's pure-Python search,
   argmap's clingo backend, and plain clingo on the whole framework (ASPARTIX-style
   complete encoding written here, maximality by ``--heuristic=Domain
   --enum-mode=domRec``). Each run is capped
   (``--preferred-timeout``, 60 s) and shows ``timeout`` past it. argmap works one
   strongly connected component at a time; ``argmap`` forces pure Python in every
   component, ``argmap+clingo`` clingo in every one. Frameworks with very many
   extensions (independent mutual attacks) are measured by ``bench_preferred.py``.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib
import itertools
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(os.environ.get("ARGMAP_FIXTURES", ROOT / "tests" / "fixtures"))

GROUNDED_ASP = """
out(X) :- att(Y,X), in(Y).
in(X) :- arg(X), out(Y) : att(Y,X).
#show in/1.
"""
COMPLETE_ASP = """
#defined att/2.
in(X) :- arg(X), not out(X).
out(X) :- arg(X), not in(X).
:- att(X,Y), in(X), in(Y).
defeated(X) :- att(Y,X), in(Y).
undefended(X) :- att(Y,X), not defeated(Y).
:- in(X), undefended(X).
:- out(X), not undefended(X).
#heuristic in(X) : arg(X). [1,true]
#show in/1.
"""


# --------------------------------------------------------------------------------------
# Workers: run in a subprocess, print one JSON line
# --------------------------------------------------------------------------------------


def digest(extensions: Iterable[Iterable[str]]) -> str:
    """Order-independent fingerprint of a list of extensions."""
    text = json.dumps(sorted(sorted(map(str, e), key=str) for e in extensions))
    return hashlib.sha256(text.encode()).hexdigest()[:12]


def i23_facts(path: Path) -> str:
    """ICCMA 2023 text as ASP facts, by C-speed string replacement (canonical files only)."""
    text = path.read_text(encoding="ascii")
    header, _, body = text.partition("\n")
    count = int(header.split()[2])
    body = body.strip()
    attacks = "att(" + body.replace(" ", ",").replace("\n", ").\natt(") + ").\n" if body else ""
    return f"arg(1..{count}).\n" + attacks


def clingo_models(program: str, options: list[str]) -> list[list[str]]:
    clingo = importlib.import_module("clingo")
    control = clingo.Control(options, logger=lambda code, message: None)
    control.add("base", [], program)
    control.ground([("base", [])])
    models: list[list[str]] = []
    control.solve(
        on_model=lambda m: models.append([str(s.arguments[0]) for s in m.symbols(shown=True)])
    )
    return models


def grounded_worker(tool: str) -> Callable[[Path], list[list[str]]]:
    if tool == "argmap":
        from argmap.af import load

        return lambda path: [sorted(load(path).grounded())]
    if tool == "formal-argumentation":
        dung = importlib.import_module("argumentation.core.dung")
        iccma = importlib.import_module("argumentation.interop.iccma")
        return lambda path: [
            sorted(dung.grounded_extension(iccma.parse_af(path.read_text(encoding="utf-8"))))
        ]
    importlib.import_module("clingo")
    return lambda path: clingo_models(GROUNDED_ASP + i23_facts(path), [])


def preferred_worker(tool: str, task: str) -> Callable[[Path], list[list[str]]]:
    models = "1" if task == "se-pr" else "0"
    if tool.startswith("argmap"):
        from argmap.af import Solver, load

        solver: Solver = "clingo" if tool == "argmap+clingo" else "python"

        def run_argmap(path: Path) -> list[list[str]]:
            framework = load(path)
            if task == "se-pr":
                found = framework.some_extension("preferred", solver=solver)
                return [sorted(found)] if found is not None else []
            return [sorted(e) for e in framework.preferred(solver=solver)]

        return run_argmap
    importlib.import_module("clingo")
    options = ["--heuristic=Domain", "--enum-mode=domRec", f"--models={models}"]
    return lambda path: clingo_models(COMPLETE_ASP + apx_or_i23_facts(path), options)


def apx_or_i23_facts(path: Path) -> str:
    if path.suffix == ".af":
        return i23_facts(path)
    return path.read_text(encoding="utf-8")  # ASPARTIX files are ASP facts already


def run_worker(task: str, tool: str, paths: list[Path]) -> None:
    """Time ``task`` with ``tool`` on every path; print time, peak memory and a digest."""
    try:
        job = grounded_worker(tool) if task == "grounded" else preferred_worker(tool, task)
    except ImportError as error:
        print(json.dumps({"unavailable": str(error)}))
        return
    start = time.perf_counter()
    answers = [job(path) for path in paths]
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    flat = [extension for answer in answers for extension in answer]
    print(
        json.dumps(
            {
                "seconds": seconds,
                "peak_mb": peak,
                "digest": digest(["|".join(map(str, (len(a) for a in answers))), *flat]),
                "extensions": len(flat),
                "size": len(flat[0]) if task == "grounded" and flat else None,
            }
        )
    )


# --------------------------------------------------------------------------------------
# Driver
# --------------------------------------------------------------------------------------


def generate(count: int, folder: Path, seed: int, factor: int = 2) -> Path:
    """n arguments, factor * n distinct uniformly random attacks, written sorted."""
    rng = random.Random(seed)
    codes: set[int] = set()
    while len(codes) < factor * count:
        codes.add(rng.randrange(count) * count + rng.randrange(count))
    path = folder / f"rand_{count}_{factor}n.af"
    with path.open("w", encoding="ascii") as handle:
        handle.write(f"p af {count}\n")
        handle.writelines(f"{c // count + 1} {c % count + 1}\n" for c in sorted(codes))
    return path


def measure(task: str, tool: str, paths: list[Path], timeout: float) -> dict[str, Any]:
    command = [sys.executable, __file__, "--worker", task, tool, *map(str, paths)]
    start = time.perf_counter()
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=timeout, check=False)
    except subprocess.TimeoutExpired:
        return {"timeout": True}
    wall = time.perf_counter() - start
    if done.returncode != 0:
        return {"error": (done.stderr.strip().splitlines() or ["?"])[-1]}
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    result["wall"] = wall
    return result


def cell(result: dict[str, Any]) -> str:
    if result.get("timeout"):
        return "timeout"
    if "unavailable" in result:
        return "not installed"
    if "error" in result:
        return f"error: {result['error'][:40]}"
    return f"{result['seconds']:.3f} s"


def bench_grounded(sizes: list[int], folder: Path, timeout: float, seed: int) -> None:
    tools = ["argmap", "formal-argumentation", "clingo"]
    results: dict[tuple[str, int], dict[str, Any]] = {}
    what = "read an ICCMA 2023 file + compute the grounded extension"
    print(f"\n== grounded: {what} (limit {timeout:.0f} s)")
    print(
        f"{'n':>9} {'attacks':>9} {'tool':<21} {'time':>10} {'wall':>8} {'peak MB':>8} "
        f"{'vs argmap':>9} {'|grounded|':>10}  answer"
    )
    for index, count in enumerate(sizes):
        path = generate(count, folder, seed)
        for tool in tools:
            previous = results.get((tool, sizes[index - 1])) if index else None
            if previous and (
                previous.get("timeout") or _too_slow(previous, count / sizes[index - 1], timeout)
            ):
                results[(tool, count)] = {"skipped": True}
                print(
                    f"{count:>9} {2 * count:>9} {tool:<21} skipped: the last size took too long "
                    f"for this one to finish within {timeout:.0f} s"
                )
                continue
            result = measure("grounded", tool, [path], timeout)
            results[(tool, count)] = result
            _print_grounded_row(count, tool, result, results.get(("argmap", count), {}))
    _print_growth(sizes, tools, results)


def _too_slow(previous: dict[str, Any], factor: float, timeout: float) -> bool:
    return "seconds" in previous and previous["seconds"] * factor > timeout


def _print_grounded_row(
    count: int, tool: str, result: dict[str, Any], base: dict[str, Any]
) -> None:
    if "seconds" not in result:
        print(f"{count:>9} {2 * count:>9} {tool:<21} {cell(result):>10}")
        return
    ratio = result["seconds"] / base["seconds"] if "seconds" in base else float("nan")
    agree = "same" if result["digest"] == base.get("digest") else "DIFFERENT"
    print(
        f"{count:>9} {2 * count:>9} {tool:<21} {cell(result):>10} {result['wall']:>7.2f}s "
        f"{result['peak_mb']:>8.0f} {ratio:>8.2f}x {result['size']:>10}  {agree}"
    )


def _print_growth(sizes: list[int], tools: list[str], results: dict[tuple[str, int], Any]) -> None:
    if len(sizes) < 2:
        return
    print("\ngrowth of time (and peak memory) from one size to the next:")
    for tool in tools:
        steps = []
        for small, large in itertools.pairwise(sizes):
            a, b = results.get((tool, small), {}), results.get((tool, large), {})
            if "seconds" in a and "seconds" in b:
                steps.append(
                    f"{small}->{large}: x{b['seconds'] / a['seconds']:.1f} "
                    f"(memory x{b['peak_mb'] / a['peak_mb']:.1f})"
                )
        print(f"  {tool:<21} " + ("; ".join(steps) if steps else "n/a"))


def bench_preferred(folder: Path, timeout: float, seed: int) -> None:
    print(f"\n== preferred: SE-PR (one extension) and EE-PR (all), limit {timeout:.0f} s per run")
    sets: list[tuple[str, list[Path]]] = []
    iccma = FIXTURES / "iccma"
    instances = sorted(iccma.glob("*/*.apx"))
    if instances:
        sets.append((f"fixtures ({len(instances)} instances)", instances))
    else:
        print(f"  (no ICCMA fixtures at {iccma}: skipping them)")
    for count, factor in ((1000, 2), (10_000, 2), (300, 4), (1000, 4)):
        path = generate(count, folder, seed, factor)
        sets.append((f"random n={count}, {factor}n attacks", [path]))
    tools = ["argmap", "argmap+clingo", "clingo"]
    print(f"{'instances':<30} {'task':<6} " + " ".join(f"{t:>14}" for t in tools) + "  answers")
    for label, paths in sets:
        for task in ("se-pr", "ee-pr"):
            row = [measure(task, tool, paths, timeout) for tool in tools]
            print(
                f"{label:<30} {task:<6} "
                + " ".join(f"{cell(r):>14}" for r in row)
                + f"  {_agreement(task, row)}"
            )


def _agreement(task: str, row: list[dict[str, Any]]) -> str:
    done = [r for r in row if "digest" in r]
    if not done:
        return ""
    counts = sorted({r["extensions"] for r in done})
    if task == "se-pr":  # any preferred extension is a right answer: compare counts only
        return f"{counts[0]} extension(s) found" if len(counts) == 1 else "DIFFERENT counts"
    same = len({r["digest"] for r in done}) == 1
    return f"{counts[0]} extension(s), {'same' if same else 'DIFFERENT'}"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--timeout", type=float, default=120.0, help="per grounded run (s)")
    parser.add_argument(
        "--preferred-timeout", type=float, default=60.0, help="per preferred run (s)"
    )
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--no-preferred", action="store_true", help="skip the preferred part")
    parser.add_argument("--worker", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        task, tool, *paths = args.worker
        run_worker(task, tool, [Path(p) for p in paths])
        return
    print(
        f"python {sys.version.split()[0]}, seed {args.seed}; times exclude interpreter start "
        "and imports ('wall' includes them); peak MB = the worker's ru_maxrss"
    )
    with tempfile.TemporaryDirectory(prefix="argmap-bench-") as temporary:
        folder = Path(temporary)
        bench_grounded(sorted(args.sizes), folder, args.timeout, args.seed)
        if not args.no_preferred:
            bench_preferred(folder, args.preferred_timeout, args.seed)


if __name__ == "__main__":
    main()
