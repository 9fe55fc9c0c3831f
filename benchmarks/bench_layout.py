"""Diagram proportions: pictures, not ribbons (issue 11 §3).

    python benchmarks/bench_layout.py [--maps 100] [--seed 0]

Renders ``--maps`` generated *bushy* pro/con maps of 10 to 40 statements (:func:`bushy`,
fixed seeds: the shape of real debates, most reasons hanging off the thesis or a main
reason, some objections) with Graphviz's ``dot``, before (``Theme.stagger=1``: every
leaf in one row, argmap's layout until now) and after (the default theme, whose
staggering is described in :func:`argmap.dot.to_dot`), and prints the distribution of
the long side over the short side of the SVG (median, 90th percentile, worst, share
within 3:1), and the font size in CSS pixels when the picture is scaled down to fit a
1440x900 laptop screen (median and smallest; scaled up never). Then the S-400 map of
``examples/turkey_s400.py``, with the default theme and with the example's own
(left to right): its size, and how many edges cut through a cluster (a tag's box,
or the legend) that neither of their ends belongs to, counted on ``dot -Tjson``
output by sampling each edge's Bézier curve. Target: 9 in 10 maps within 3:1.
Needs Graphviz's ``dot`` on PATH.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import statistics
import subprocess
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import attrs

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "examples")]

from argmap import ArgumentMap, MapBuilder, to_dot  # noqa: E402
from argmap.dot import Theme  # noqa: E402

from turkey_s400 import THEME, build_map  # noqa: E402

WORDS = tuple(
    re.findall(
        r"\w+",
        "the purchase would strain ties with allies and may weaken the alliance while officials "
        "insist that talks continue because costs rise sharply for every partner analysts argue "
        "sanctions could follow although leaders deny any shift in policy defence industry "
        "exports depend on trust which this deal erodes over years",
    )
)
SCREEN = (1440, 900)
"""A laptop screen, in CSS pixels."""
PX_PER_PT = 96 / 72


def _sentence(rng: random.Random) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(6, 22))]
    return " ".join(words).capitalize() + "."


def bushy(seed: int, size: int | None = None) -> ArgumentMap:
    """A pro/con map shaped like a real debate, the same for the same ``seed``: one
    thesis, ``size`` statements (10 to 40, from the seed unless given), a sixth of
    them main reasons of the thesis; of the rest, 40% hang off the thesis, 45% off a
    main reason and 15% off any earlier statement; one in five is an objection, the
    others reasons."""
    rng = random.Random(seed)
    size = size if size is not None else rng.randint(10, 40)
    b = MapBuilder(f"bushy {seed}")
    b.claim("t", _sentence(rng), thesis=True)
    mains: list[str] = []
    earlier = ["t"]
    main_count = max(2, size // 6)
    for n in range(1, size):
        id = f"r{n}"
        roll = rng.random()
        if n <= main_count or roll < 0.4:
            target = "t"
        elif roll < 0.85:
            target = rng.choice(mains)
        else:
            target = rng.choice(earlier)
        b.claim(id, _sentence(rng))
        if n > 1 and rng.random() < 0.2:
            b.counter(target, id)
        else:
            b.support(target, [id])
        if n <= main_count:
            mains.append(id)
        earlier.append(id)
    return b.build()


def run_dot(source: str, format: str) -> str:
    done = subprocess.run(
        ["dot", f"-T{format}"], input=source.encode("utf-8"), capture_output=True, check=True
    )
    return done.stdout.decode("utf-8")


_SIZE = re.compile(r'<svg width="([\d.]+)pt" height="([\d.]+)pt"')


def svg_size(svg: str) -> tuple[float, float]:
    """Width and height of an SVG drawn by Graphviz, in points."""
    found = _SIZE.search(svg)
    if found is None:
        raise ValueError("no width and height in the SVG")
    return float(found.group(1)), float(found.group(2))


def aspect(size: tuple[float, float]) -> float:
    """The long side over the short side."""
    return max(size) / min(size)


def screen_font(size: tuple[float, float], font_pt: float) -> float:
    """The font size, in CSS pixels, when the picture is scaled down to fit :data:`SCREEN`."""
    width, height = (side * PX_PER_PT for side in size)
    scale = min(1.0, SCREEN[0] / width, SCREEN[1] / height)
    return font_pt * PX_PER_PT * scale


def summary(ratios: Sequence[float]) -> str:
    ordered = sorted(ratios)
    p90 = ordered[max(0, -(-9 * len(ordered) // 10) - 1)]
    within = sum(r <= 3 for r in ordered) / len(ordered)
    return (
        f"median {statistics.median(ordered):.2f}, 90th percentile {p90:.2f}, "
        f"worst {ordered[-1]:.2f}, within 3:1 {within:.0%}"
    )


def _bezier(points: Sequence[Sequence[float]]) -> Iterator[tuple[float, float]]:
    for start in range(0, len(points) - 3, 3):
        p0, p1, p2, p3 = points[start : start + 4]
        for step in range(21):
            t = step / 20
            a, b, c, d = (1 - t) ** 3, 3 * (1 - t) ** 2 * t, 3 * (1 - t) * t**2, t**3
            yield (
                a * p0[0] + b * p1[0] + c * p2[0] + d * p3[0],
                a * p0[1] + b * p1[1] + c * p2[1] + d * p3[1],
            )


def cluster_crossings(source: str) -> tuple[int, int]:
    """How many edges pass through a cluster that neither end belongs to, of how many
    edges, from ``dot -Tjson``: each edge's curve sampled 21 times per Bézier segment,
    a sample strictly inside the cluster's box (2 points in from its border) counts."""
    laid: dict[str, Any] = json.loads(run_dot(source, "json"))
    clusters = []
    for obj in laid.get("objects", []):
        if str(obj.get("name", "")).startswith("cluster") and "bb" in obj:
            x1, y1, x2, y2 = (float(v) for v in obj["bb"].split(","))
            clusters.append(((x1 + 2, y1 + 2, x2 - 2, y2 - 2), set(obj.get("nodes", []))))
    edges = laid.get("edges", [])
    crossing = 0
    for edge in edges:
        ends = {edge["tail"], edge["head"]}
        points = [
            point for op in edge.get("_draw_", []) if op.get("op") == "b" for point in op["points"]
        ]
        samples = list(_bezier(points))
        for (x1, y1, x2, y2), members in clusters:
            if ends & members:
                continue
            if any(x1 < x < x2 and y1 < y < y2 for x, y in samples):
                crossing += 1
                break
    return crossing, len(edges)


def diagram(m: ArgumentMap, theme: Theme, *, before: bool) -> str:
    """The DOT of ``m``: as argmap draws it, or ``before`` this work (no staggering, and
    Graphviz's default ``mclimit``)."""
    if not before:
        return str(to_dot(m, theme=theme).source)
    digraph = to_dot(m, theme=attrs.evolve(theme, stagger=1))
    digraph.attr(mclimit="1")  # the last value set wins
    return str(digraph.source)


def measure(
    maps: Sequence[ArgumentMap], theme: Theme, *, before: bool
) -> tuple[list[float], list[float]]:
    ratios, fonts = [], []
    for m in maps:
        size = svg_size(run_dot(diagram(m, theme, before=before), "svg"))
        ratios.append(aspect(size))
        fonts.append(screen_font(size, theme.font_size))
    return ratios, fonts


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--maps", type=int, default=100, help="how many bushy maps")
    parser.add_argument("--seed", type=int, default=0, help="the first map's seed")
    args = parser.parse_args(argv)
    maps = [bushy(seed) for seed in range(args.seed, args.seed + args.maps)]
    sizes = [len(m.statements) for m in maps]
    print(f"{len(maps)} bushy maps of {min(sizes)} to {max(sizes)} statements")
    theme = Theme()
    for name in ("before", "after"):
        ratios, fonts = measure(maps, theme, before=name == "before")
        print(f"  {name:6}  long/short side: {summary(ratios)}")
        print(
            f"          font on a {SCREEN[0]}x{SCREEN[1]} screen: "
            f"median {statistics.median(fonts):.1f} px, smallest {min(fonts):.1f} px"
        )
    s400 = build_map()
    print(f"S-400 map: {len(s400.statements)} statements")
    for label, base in (("default theme", Theme()), ("the example's theme", THEME)):
        for name in ("before", "after"):
            source = diagram(s400, base, before=name == "before")
            width, height = svg_size(run_dot(source, "svg"))
            crossing, edges = cluster_crossings(source)
            font = screen_font((width, height), base.font_size)
            print(
                f"  {label}, {name:6}: {width:.0f}x{height:.0f} pt "
                f"(long/short {aspect((width, height)):.2f}, font {font:.1f} px on screen), "
                f"{crossing} of {edges} edges cut through a cluster not theirs"
            )


if __name__ == "__main__":
    main()
