"""The interactive page of a generated 1,000-statement map: written, then opened.

    python benchmarks/bench_page.py [--size 1000] [--screenshot docs/images/turkey_s400_page.png]

Times :func:`argmap.page.write_html` (evaluation, strengths, check, Graphviz layout,
the page) and the page's opening in headless Chromium (Debian's ``chromium`` driven by
Playwright) until its script has labelled every node. Targets: written in under 1 s,
opened in under 2 s. Then it sets one statement to "reject" and times the live update
(grounded labels, DF-QuAD strengths, the theses' explanations and cruxes in the page).

``--screenshot PATH`` also opens the S-400 example's page (always without the
article's text, which is not ours to publish: the source pane shows the quotes alone),
marks the thesis and writes a screenshot: the one the docs show is made this way.
"""

from __future__ import annotations

import argparse
import pathlib
import shutil
import sys
import tempfile
import time

from bench_core import generated

from argmap.page import write_html

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "examples"))

import turkey_s400  # noqa: E402  (the examples folder is put on the path just above)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--size", type=int, default=1000)
    parser.add_argument("--screenshot", type=pathlib.Path, default=None)
    args = parser.parse_args(argv)
    chromium = shutil.which("chromium")
    m = generated(args.size).build()
    with tempfile.TemporaryDirectory() as folder:
        path = pathlib.Path(folder) / "page.html"
        started = time.perf_counter()
        write_html(m, path)
        written = time.perf_counter() - started
        size = path.stat().st_size
        print(f"{args.size} statements: page written in {written:.3f} s ({size / 1e6:.1f} MB)")
        if chromium is None:
            print("chromium is not installed: the opening is not timed")
            return 0
        from playwright.sync_api import sync_playwright

        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
            page = browser.new_page(viewport={"width": 1400, "height": 900})
            errors: list[str] = []
            page.on("pageerror", lambda error: errors.append(str(error)))
            started = time.perf_counter()
            page.goto(path.as_uri())
            page.wait_for_selector("body[data-ready=true]", state="attached")
            opened = time.perf_counter() - started
            print(f"opened in headless Chromium in {opened:.3f} s")
            select = page.locator("select[data-position-of]").nth(3)
            started = time.perf_counter()
            select.select_option("reject")
            page.wait_for_selector("body[data-ready=true]", state="attached")
            print(f"one what-if control set, page updated in {time.perf_counter() - started:.3f} s")
            if args.screenshot is not None:
                s400 = path.with_name("s400.html")
                # never with the article: the screenshot is committed, the article is not ours
                write_html(turkey_s400.build_map(None), s400)
                page.goto(s400.as_uri())
                page.wait_for_selector("body[data-ready=true]", state="attached")
                page.click('[data-id="thesis"]')
                page.select_option('select[data-position-of="strain_ties"]', "reject")
                node = page.locator('[data-id="strain_ties"]')
                node.click()
                box = node.bounding_box()
                if box is not None:  # zoom in on the marked node
                    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
                    for _ in range(6):
                        page.mouse.wheel(0, -200)
                        page.wait_for_timeout(50)
                page.screenshot(path=str(args.screenshot))
                print(f"screenshot written to {args.screenshot}")
            browser.close()
            if errors:
                print("script errors:", *errors, sep="\n  ")
                return 1
        verdict = "met" if written < 1.0 and opened < 2.0 else "MISSED"
        print(f"targets (written < 1 s, opened < 2 s): {verdict}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
