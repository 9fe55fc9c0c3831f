"""cruxes (max_size=2, grounded) against the brute-force enumeration, in the same run.

    python benchmarks/bench_cruxes.py [--sizes 50 100 200]

On generated maps (the generator of ``bench_core.py``) of 50, 100 and 200 statements
and on the S-400 map of ``examples/turkey_s400.py`` (built without the article). A
generated map has three theses; the target is the one the most statements can reach
(the hardest). Brute force evaluates every position of one or two statements other
than the target with :func:`argmap.evaluate` and keeps the minimal ones that change the
target's label; both answers are compared. Prints the times and the ratio. Targets: 200
statements under 2 s, at least 20x faster than brute force. The brute force takes a
few minutes on 200 statements (about 80,000 evaluations).
"""

from __future__ import annotations

import argparse
import sys
import time
from itertools import combinations, product
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "examples"), str(ROOT / "benchmarks")]

from bench_core import generated  # noqa: E402

from argmap import ArgumentMap, evaluate  # noqa: E402
from argmap.cruxes import cruxes  # noqa: E402
from argmap.semantics import translate  # noqa: E402

from turkey_s400 import build_map  # noqa: E402

Position = frozenset[tuple[str, bool]]


def brute_force(m: ArgumentMap, target: str, max_size: int = 2) -> set[Position]:
    before = evaluate(m).labels[target]
    others = [id for id in m.statements if id != target]
    changing: set[Position] = set()
    for size in range(1, max_size + 1):
        for ids in combinations(others, size):
            for values in product((True, False), repeat=size):
                position = dict(zip(ids, values, strict=True))
                if evaluate(m, position=position).labels[target] != before:
                    changing.add(frozenset(position.items()))
    return {p for p in changing if not any(q < p for q in changing)}


def hardest_thesis(m: ArgumentMap) -> str:
    """The thesis with the most statements that can reach it in the framework."""
    framework = translate(m)
    attackers: dict[str, list[str]] = {a: [] for a in framework.arguments}
    for a, b in framework.attacks:
        attackers[b].append(a)

    def reach(target: str) -> int:
        seen, stack = {target}, [target]
        while stack:
            for a in attackers[stack.pop()]:
                if a not in seen:
                    seen.add(a)
                    stack.append(a)
        return len(seen & set(m.statements))

    return max(m.theses, key=reach)


def run(name: str, m: ArgumentMap, target: str) -> None:
    start = time.perf_counter()
    fast = cruxes(m, target, max_size=2)
    fast_time = time.perf_counter() - start
    start = time.perf_counter()
    slow = brute_force(m, target)
    slow_time = time.perf_counter() - start
    same = {frozenset(c.position.items()) for c in fast} == slow and len(fast) == len(slow)
    print(
        f"{name:>14}  {len(m.statements):>10}  {target:>8}  {len(fast):>6}  "
        f"{fast_time:>8.3f}s  {slow_time:>9.2f}s  {slow_time / fast_time:>8.0f}x  "
        f"{'yes' if same else 'NO'}",
        flush=True,
    )
    if not same:
        raise SystemExit(f"cruxes and brute force disagree on {name}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[50, 100, 200])
    args = parser.parse_args(argv)
    print(
        f"{'map':>14}  {'statements':>10}  {'target':>8}  {'cruxes':>6}  {'cruxes()':>9}  "
        f"{'brute':>10}  {'ratio':>9}  same"
    )
    for size in args.sizes:
        m = generated(size).build()
        run(f"generated {size}", m, hardest_thesis(m))
    s400 = build_map()
    run("S-400", s400, s400.theses[0])
    return 0


if __name__ == "__main__":
    sys.exit(main())
