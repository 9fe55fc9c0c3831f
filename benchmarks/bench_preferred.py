"""Benchmark: preferred, complete and stable semantics where the extensions are many.

    python benchmarks/bench_preferred.py [--pairs 8 10 12 14] [--wide 30 100 1000]

k independent mutual attacks ``a_i <-> b_i`` (each ``a_i`` also attacks ``c``, and ``c``
attacks ``d``) have 2**k preferred and stable extensions and 3**k complete ones. Two
questions, each timed in-process with ``time.perf_counter`` on a fresh framework:

1. **Listing** (``extensions``) for k in ``--pairs``: the time should grow like the
   output, i.e. double (preferred, stable) or triple (complete) from k to k + 1, so the
   time *per extension* stays flat (about 50 us here; complete is listed up to 3**10).
   Before the SCC decomposition (argmap 0.x, one search
   over the whole undecided core with one exclusion clause per extension found), 2**6
   preferred extensions took 0.35 s and 2**8 took 39 s: the time per extension itself
   grew exponentially.
2. **Questions that need no list** for k in ``--wide``: ``count``, ``skeptical_labelling``
   and one ``skeptical`` and ``credulous`` question, and ``argmap.semantics.evaluate`` on
   a map whose thesis has k reasons, each contradicted. These must stay near linear in k
   (before: they listed all 2**k extensions, so k = 30 never finished).

Both run with ``solver="python"``; ``--solver auto`` uses clingo for large components.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from argmap.af import ArgumentationFramework, Semantics, Solver
from argmap.build import MapBuilder
from argmap.model import ArgumentMap
from argmap.semantics import evaluate

SEMANTICS: tuple[Semantics, ...] = ("preferred", "stable", "complete")


def mutual_attacks(pairs: int) -> ArgumentationFramework:
    """``pairs`` independent mutual attacks, all a_i attacking c, c attacking d."""
    names = [f"{side}{i}" for i in range(pairs) for side in "ab"] + ["c", "d"]
    attacks = [(f"a{i}", f"b{i}") for i in range(pairs)]
    attacks += [(f"b{i}", f"a{i}") for i in range(pairs)]
    attacks += [(f"a{i}", "c") for i in range(pairs)] + [("c", "d")]
    return ArgumentationFramework(names, attacks)


def contradicted_map(pairs: int) -> ArgumentMap:
    """A thesis with ``pairs`` reasons, each reason contradicted by an objection."""
    builder = MapBuilder(f"{pairs} contradictions")
    builder.claim("T", "the thesis", thesis=True)
    for i in range(pairs):
        builder.premise(f"p{i}", f"reason {i}")
        builder.premise(f"q{i}", f"objection {i}")
        builder.contradict(f"p{i}", f"q{i}")
        builder.support("T", [f"p{i}"])
    return builder.build()


def seconds_of(job: Callable[[], Any]) -> tuple[float, Any]:
    """Wall-clock seconds of ``job()`` and its result."""
    start = time.perf_counter()
    result = job()
    return time.perf_counter() - start, result


def bench_listing(pairs: list[int], solver: Solver) -> None:
    print("\n== listing every extension of k independent mutual attacks")
    print(f"{'k':>4} {'semantics':<10} {'extensions':>11} {'time':>9} {'per extension':>14}")
    for k in pairs:
        for semantics in SEMANTICS:
            if semantics == "complete" and 3**k > 10**5:
                continue  # 3**k of them: the same rate, only longer
            framework = mutual_attacks(k)
            seconds, listed = seconds_of(partial(framework.extensions, semantics, solver=solver))
            per = seconds / len(listed) * 1e6
            print(f"{k:>4} {semantics:<10} {len(listed):>11} {seconds:>8.3f}s {per:>11.1f} us")


def agreement(framework: ArgumentationFramework, semantics: Semantics, solver: Solver) -> int:
    """What a user of evaluate needs: the labels every extension agrees on, and a count."""
    framework.skeptical_labelling(semantics, solver=solver)
    return framework.count(semantics, solver=solver)


def acceptance(framework: ArgumentationFramework, semantics: Semantics, solver: Solver) -> bool:
    """One skeptical and one credulous question (ICCMA's DS and DC tasks)."""
    return framework.skeptical("d", semantics, solver=solver) or framework.credulous(
        "c", semantics, solver=solver
    )


def bench_questions(wide: list[int], solver: Solver) -> None:
    print("\n== questions that need no list (count, agreement, acceptance, evaluate)")
    print(
        f"{'k':>5} {'semantics':<10} {'extensions':>14} {'count+labels':>13} {'accept':>9} "
        f"{'evaluate':>9}"
    )
    for k in wide:
        for semantics in SEMANTICS:
            labels, count = seconds_of(partial(agreement, mutual_attacks(k), semantics, solver))
            accept, _ = seconds_of(partial(acceptance, mutual_attacks(k), semantics, solver))
            argument_map = contradicted_map(k)
            evaluated, _ = seconds_of(partial(evaluate, argument_map, semantics=semantics))
            shown = str(count) if count < 10**12 else f"~10^{len(str(count)) - 1}"
            print(
                f"{k:>5} {semantics:<10} {shown:>14} {labels:>12.3f}s "
                f"{accept:>8.3f}s {evaluated:>8.3f}s"
            )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--pairs", type=int, nargs="+", default=[8, 10, 12, 14])
    parser.add_argument("--wide", type=int, nargs="+", default=[30, 100, 1000])
    parser.add_argument("--solver", choices=["python", "auto", "clingo"], default="python")
    args = parser.parse_args(argv)
    print(f"python {sys.version.split()[0]}, solver {args.solver}")
    bench_listing(args.pairs, args.solver)
    bench_questions(args.wide, args.solver)


if __name__ == "__main__":
    main()
