"""Build + check + to_dot on generated maps of 1,000, 10,000 and 100,000 statements.

    python benchmarks/bench_core.py [--sizes 1000 10000 100000]

Prints the time of each step per size and the growth between sizes (10 means
linear for a tenfold size). Targets on a 2-core machine: ``check`` on 100,000
statements under 2 s, growth under 12. Add ``--sizes 10000 100000 1000000`` to see
growth past the 10k -> 100k step, where maps outgrow the processor's caches and the
cost per statement rises once. A support chain of 100,000 statements is also
checked, to show that nothing recurses.
"""

from __future__ import annotations

import argparse
import itertools
import random
import sys
import time
from collections.abc import Callable
from typing import TypeVar

from argmap import ArgumentMap, MapBuilder, check, to_dot

T = TypeVar("T")


def generated(size: int, seed: int = 0) -> MapBuilder:
    """A map shaped like real ones: a few theses, linked and convergent support,
    rebuttals, underminings and undercuts, each statement attached to an earlier one."""
    rng = random.Random(seed)
    b = MapBuilder(f"generated {size}")
    inferences: list[str] = []
    for n in range(size):
        id = f"s{n}"
        b.claim(id, f"Statement number {n} says something worth arguing about.", thesis=n < 3)
        if n < 3:
            continue
        roll = rng.random()
        target = f"s{rng.randrange(n)}"
        if roll < 0.5 or not inferences:
            inferences.append(b.support(target, [id]))
        elif roll < 0.65:
            b.counter(target, id)
        elif roll < 0.75:
            b.counter(rng.choice(inferences), id)
        else:
            b.support(f"s{rng.randrange(n)}", [id])
    return b


def chain(size: int) -> ArgumentMap:
    b = MapBuilder("chain")
    b.claim("s0", "the end of the chain", thesis=True)
    for n in range(1, size):
        b.premise(f"s{n}", f"link {n}")
        b.support(f"s{n - 1}", f"s{n}")
    return b.build()


def timed(step: Callable[[], T], repeat: int = 1) -> tuple[T, float]:
    """The result of ``step`` and its best wall time over ``repeat`` runs."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        result = step()
        best = min(best, time.perf_counter() - start)
    return result, best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000, 100_000])
    args = parser.parse_args(argv)
    print(f"{'statements':>10}  {'build':>8}  {'check':>8}  {'to_dot':>8}  problems")
    print("(check: best of 3 runs; build and to_dot: one run)")
    checks: dict[int, float] = {}
    totals: dict[int, float] = {}
    for size in args.sizes:
        builder = generated(size)
        m, build_time = timed(builder.build)
        report, check_time = timed(lambda m=m: check(m), repeat=3)  # type: ignore[misc]
        _, dot_time = timed(lambda m=m: to_dot(m).source)  # type: ignore[misc]
        checks[size] = check_time
        totals[size] = build_time + check_time + dot_time
        print(
            f"{size:>10,}  {build_time:>7.3f}s  {check_time:>7.3f}s  {dot_time:>7.3f}s  "
            f"{len(report.problems)}"
        )
    sizes = sorted(checks)
    for small, large in itertools.pairwise(sizes):
        factor = large / small
        print(
            f"growth {small:,} -> {large:,} ({factor:g}x the statements): "
            f"check {checks[large] / checks[small]:.1f}x, "
            f"build + check + to_dot {totals[large] / totals[small]:.1f}x "
            f"(linear: {factor:g}x, quadratic: {factor * factor:g}x)"
        )
    long_chain, _ = timed(lambda: chain(100_000))
    report, chain_time = timed(lambda: check(long_chain))
    print(f"support chain of 100,000 statements: check {chain_time:.3f}s, ok={report.ok}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
