"""Benchmark: argmap's Argdown reader against the Argdown tool's own in-process parse.

    python benchmarks/bench_argdown.py [--statements 5000] [--arguments 2000] [--repeat 3]

Generates a deterministic Argdown document (sections, statements with tags, data
and relations, arguments with premise-conclusion structures, inference rules and
relations), times ``argmap.formats.argdown.loads`` on it, and, when Node and npm
are available, installs ``@argdown/core`` into a temporary folder and times its
``parse-input`` + ``build-model`` processes on the same text in one Node process
(start-up and module loading excluded; best of ``--repeat`` runs on both sides).
Prints both figures and their ratio, or a note saying why Argdown could not be run.
"""

from __future__ import annotations

import argparse
import json
import pathlib
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent))

from argmap.formats import argdown

ARGDOWN_VERSION = "1.7.5"
WORDS = [
    "tax",
    "growth",
    "policy",
    "market",
    "bubble",
    "price",
    "risk",
    "debt",
    "trust",
    "vote",
    "court",
    "law",
    "speech",
    "harm",
    "freedom",
    "data",
    "evidence",
    "study",
    "cost",
    "benefit",
    "reform",
    "state",
    "bank",
    "trade",
]


def _sentence(n: int, length: int = 14) -> str:
    words = [WORDS[(n * 7 + k * 3) % len(WORDS)] for k in range(length)]
    return " ".join(words).capitalize() + "."


def generate(statements: int, arguments: int) -> str:
    """A deterministic Argdown document of the given size."""
    parts = ["===\ntitle: Benchmark debate\nmodel:\n    mode: loose\n===\n"]
    per_section = max(1, statements // 20)
    for n in range(statements):
        if n % per_section == 0:
            parts.append(f"# Section {n // per_section + 1}\n")
        tag = f" #topic{n % 12}" if n % 3 == 0 else ""
        data = f" {{weight: {n % 5}}}" if n % 10 == 0 else ""
        lines = [f"[S{n}]: {_sentence(n)}{tag}{data}"]
        if n > 0 and n % 4 == 0:
            lines.append(f"  + [S{n - 1}]")
        if n > 1 and n % 6 == 0:
            lines.append(f"  - [S{n - 2}]")
        parts.append("\n".join(lines) + "\n")
    for k in range(arguments):
        base = (k * 5) % max(1, statements - 4)
        parts.append(f"<A{k}>: {_sentence(k + 3, 10)} #pro\n  +> [S{(k * 11) % statements}]\n")
        rule = "Modus ponens" if k % 2 else "Generalisation, Modus ponens {uses: [1,2,3]}"
        parts.append(
            f"(1) [S{base}]\n(2) [S{base + 1}]\n(3) [S{base + 2}]\n-- {rule} --\n"
            f"(4) [S{base + 3}]\n"
        )
    return "\n".join(parts)


def time_argmap(text: str, repeat: int) -> tuple[float, float]:
    """First and best time (seconds) of ``argdown.loads`` on ``text``."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        argdown.loads(text)
        times.append(time.perf_counter() - start)
    return times[0], min(times)


_NODE_SCRIPT = """
const fs = require("fs");
const { argdown } = require("@argdown/core/dist/argdown");
const input = fs.readFileSync(process.argv[2], "utf8");
const repeat = parseInt(process.argv[3], 10);
let best = Infinity, first = null, response = null;
for (let i = 0; i < repeat; i++) {
  const start = process.hrtime.bigint();
  response = argdown.run({ input, process: ["parse-input", "build-model"], logLevel: "error" });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  best = Math.min(best, seconds);
  if (first === null) first = seconds;
}
console.log(JSON.stringify({
  first: first,
  seconds: best,
  statements: Object.keys(response.statements).length,
  arguments: Object.keys(response.arguments).length,
  errors: (response.parserErrors || []).length
}));
"""


def time_argdown(text: str, repeat: int, folder: pathlib.Path) -> dict[str, float] | str:
    """Best time of the Argdown tool's parse, or a note saying why it could not run."""
    node, npm = shutil.which("node"), shutil.which("npm")
    if node is None or npm is None:
        return "Node.js and npm are not installed: the Argdown tool could not be timed."
    package = folder / "node_modules" / "@argdown" / "core"
    if not package.is_dir():
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "package.json").write_text('{"private": true}\n')
        install = subprocess.run(
            [npm, "install", "--no-audit", "--no-fund", f"@argdown/core@{ARGDOWN_VERSION}"],
            cwd=folder,
            capture_output=True,
            text=True,
            timeout=600,
        )
        if install.returncode != 0:
            return "npm could not install @argdown/core: " + install.stderr.strip()[-300:]
    (folder / "bench.js").write_text(_NODE_SCRIPT)
    source = folder / "bench.argdown"
    source.write_text(text, encoding="utf-8")
    run = subprocess.run(
        [node, "bench.js", str(source), str(repeat)],
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=1200,
    )
    if run.returncode != 0:
        return "the Argdown tool failed: " + run.stderr.strip()[-300:]
    result: dict[str, float] = json.loads(run.stdout.strip().splitlines()[-1])
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--statements", type=int, default=5000)
    parser.add_argument("--arguments", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--node-folder", type=pathlib.Path, default=None)
    options = parser.parse_args()
    text = generate(options.statements, options.arguments)
    map = argdown.loads(text)
    print(
        f"document: {len(text) / 1e6:.2f} MB, {text.count(chr(10))} lines; argmap reads "
        f"{len(map.statements)} statements, {len(map.arguments)} arguments, "
        f"{len(map.inferences)} inferences, {len(map.conflicts)} conflicts"
    )
    first, mine = time_argmap(text, options.repeat)
    print(
        f"argmap {'argdown.loads':<45} first {first:6.3f} s, best of {options.repeat} {mine:6.3f} s"
    )
    folder = options.node_folder or pathlib.Path(tempfile.gettempdir()) / "argmap-bench-argdown"
    theirs = time_argdown(text, options.repeat, folder)
    if isinstance(theirs, str):
        print(f"note: {theirs}")
        return
    label = f"@argdown/core {ARGDOWN_VERSION} parse-input + build-model"
    print(
        f"Argdown {label:<44} first {theirs['first']:6.3f} s, best of {options.repeat} "
        f"{theirs['seconds']:6.3f} s ({int(theirs['statements'])} statements, "
        f"{int(theirs['arguments'])} arguments)"
    )
    for name, ours, other in (("first", first, theirs["first"]), ("best", mine, theirs["seconds"])):
        ratio = ours / other
        verdict = "faster" if ratio < 1 else "slower"
        print(f"ratio argmap / Argdown ({name} run): {ratio:.2f} (argmap is {verdict})")


if __name__ == "__main__":
    main()
