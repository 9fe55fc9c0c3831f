#!/usr/bin/env bash
# Release check: build argmap's sdist and wheel, install the wheel (with its dependencies
# from PyPI) in a fresh virtualenv, and use it there as a user would: the `argmap`
# command, `python -m argmap` and the library. Exits non-zero on the first failure.
#
#   tools/check_wheel.sh                       # with python3
#   PYTHON=.venv/bin/python tools/check_wheel.sh
#
# PYTHON (3.11+) builds and makes the fresh virtualenv; when it lacks `build`, the script
# installs `build` into a throwaway environment of its own, so a clean checkout needs
# nothing but Python. Everything happens in one temporary folder, removed at the end.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
python=${PYTHON:-python3}
case $python in */*) python=$(cd "$(dirname "$python")" && pwd)/$(basename "$python") ;; esac
work=$(mktemp -d "${TMPDIR:-/tmp}/argmap-check-wheel.XXXXXX")
trap 'rm -rf "$work"' EXIT
started=$SECONDS

step() { printf '\n== %s\n' "$*"; }
fail() {
    printf '\ncheck_wheel: FAILED: %s\n' "$*" >&2
    exit 1
}

step "build the sdist, then the wheel from it ($python)"
"$python" -c 'import sys; assert sys.version_info >= (3, 11), sys.version' ||
    fail "$python is not Python 3.11 or later"
builder=$python
if ! "$builder" -m build --version >/dev/null 2>&1; then
    "$python" -m venv "$work/build-env"
    "$work/build-env/bin/python" -m pip install --quiet build || fail "cannot install build"
    builder=$work/build-env/bin/python
fi
"$builder" -m build --outdir "$work/dist" "$root" >"$work/build.log" 2>&1 || {
    cat "$work/build.log" >&2
    fail "python -m build"
}
shopt -s nullglob
wheels=("$work"/dist/argmap-*.whl)
sdists=("$work"/dist/argmap-*.tar.gz)
shopt -u nullglob
[ "${#wheels[@]}" = 1 ] || fail "expected one wheel, found: ${wheels[*]:-none}"
[ "${#sdists[@]}" = 1 ] || fail "expected one sdist, found: ${sdists[*]:-none}"
wheel=${wheels[0]}
sdist=${sdists[0]}
ls -l "$work/dist"

step "look inside them"
"$python" - "$wheel" "$sdist" <<'PY' || fail "the wheel or the sdist lacks files"
import sys
import tarfile
import zipfile

wheel, sdist = sys.argv[1:]
names = set(zipfile.ZipFile(wheel).namelist())
needed = [
    "argmap/__init__.py",
    "argmap/__main__.py",
    "argmap/py.typed",
    "argmap/cli.py",
    "argmap/_display.py",
    "argmap/_wasm.py",
    "argmap/formats/argdown/grammar.lark",
    "argmap/formats/argmap.schema.json",
    "argmap/_page/page.js",
    "argmap/_page/page.css",
]
missing = [name for name in needed if name not in names]
assert not missing, f"the wheel lacks {missing}"
assert not any(name.startswith("tests/") for name in names), "the wheel ships the tests"
[entry_points] = [name for name in names if name.endswith(".dist-info/entry_points.txt")]
scripts = zipfile.ZipFile(wheel).read(entry_points).decode()
assert "argmap = argmap.cli:main_entry" in scripts, scripts
members = {name.split("/", 1)[-1] for name in tarfile.open(sdist).getnames()}
missing = [
    name
    for name in ("pyproject.toml", "README.md", "argmap/py.typed", "tests/conftest.py")
    if name not in members
]
assert not missing, f"the sdist lacks {missing}"
assert not any(name.startswith("tests/fixtures/") for name in members), (
    "the sdist ships third-party test data (tests/fixtures)"
)
print(f"wheel: {len(names)} files; sdist: {len(members)} files")
PY

step "install the wheel in a fresh virtualenv"
venv=$work/venv
"$python" -m venv "$venv"
"$venv/bin/python" -m pip install --quiet "$wheel" || fail "pip install the wheel"
"$venv/bin/python" -m pip check || fail "pip check"

# Run from an empty folder, so that the checkout cannot be imported instead.
mkdir "$work/run"
cd "$work/run"

step "argmap --help"
"$venv/bin/argmap" --help >help.txt || fail "argmap --help"
grep -q "Check, draw and convert argument maps" help.txt || fail "argmap --help says: $(cat help.txt)"

step "argmap check on a map file"
cat >small.argdown <<'ARGDOWN'
===
title: Should cities ban cars?
argmap:
  theses: [Ban]
===

[Ban]: Cities should ban cars from their centres.
  + [Air]: Fewer cars mean cleaner air.
  - [Trade]: Shops in the centre would lose customers.
ARGDOWN
"$venv/bin/argmap" check small.argdown || fail "argmap check small.argdown"
cat >circle.argdown <<'ARGDOWN'
[A]: A holds.
  + [B]: B holds.
    + [A]
ARGDOWN
status=0
"$venv/bin/argmap" check circle.argdown >circle.txt || status=$?
cat circle.txt
[ "$status" = 1 ] || fail "argmap check circle.argdown exited $status, not 1"
grep -q "error circular-support" circle.txt || fail "argmap check missed the circle"

step "argmap render small.argdown page.html (the page's script and style come from the wheel)"
"$venv/bin/argmap" render small.argdown -o page.html --view argmap || fail "argmap render page.html"
grep -q "data-position-of" page.html || fail "the page has no what-if controls"

step "python -m argmap --help"
"$venv/bin/python" -m argmap --help >module-help.txt || fail "python -m argmap --help"
cmp -s help.txt module-help.txt || fail "python -m argmap --help differs from argmap --help"

step "the library: build, check and write DOT"
"$venv/bin/python" - "$venv" "$wheel" <<'PY' || fail "the import example"
import pathlib
import sys

import argmap

venv, wheel = map(pathlib.Path, sys.argv[1:])
where = pathlib.Path(argmap.__file__).resolve()
assert where.is_relative_to(venv.resolve()), f"argmap imported from {where}, not the venv"
assert wheel.name.startswith(f"argmap-{argmap.__version__}-"), (wheel.name, argmap.__version__)

b = argmap.MapBuilder("Should Turkey buy the S-400?")
b.claim("drift", "The purchase may drive Turkey away from the West.", thesis=True)
b.premise("first", "Turkey would be the first NATO member to buy the S-400.")
b.premise("signal", "The purchase signals that Turkey has alternatives.")
reason = b.support("drift", ["first", "signal"])
b.claim("leverage", "Turkey may only be bargaining for better NATO offers.")
b.counter(reason, "leverage")
m = b.build()
report = argmap.check(m)
assert report.ok and not report.problems, str(report)
path = argmap.render(m, "s400.dot")
text = path.read_text("utf-8")
assert text.startswith("digraph argmap {"), text[:100]
assert "The purchase may drive Turkey" in text, text  # wrapped at 34 characters
assert argmap.evaluate(m).labels["drift"] == "out"
print(f"argmap {argmap.__version__} from {where.parent}: {report.summary()}, wrote {path}")
PY

wasm=$("$python" - "$wheel" <<'PY'
import sys
import zipfile

wheel = zipfile.ZipFile(sys.argv[1])
[metadata] = [name for name in wheel.namelist() if name.endswith(".dist-info/METADATA")]
print("yes" if "Provides-Extra: wasm" in wheel.read(metadata).decode().splitlines() else "no")
PY
) || fail "cannot read the wheel's metadata"
if [ "$wasm" = yes ]; then
    step "argmap[wasm]: SVG without Graphviz's dot"
    "$venv/bin/python" -m pip install --quiet "$wheel[wasm]" || fail "pip install 'argmap[wasm]'"
    env PATH="$work/no-programs" "$venv/bin/python" - <<'PY' || fail "SVG through WebAssembly"
import argmap

b = argmap.MapBuilder("No dot here")
b.claim("t", "Drawn by WebAssembly.", thesis=True)
svg = argmap.render(b.build(), "wasm.svg").read_text("utf-8")
assert svg.startswith("<?xml") and "Drawn by WebAssembly." in svg, svg[:300]
print("wrote wasm.svg without dot")
PY
else
    step "argmap[wasm]: not declared in the wheel's metadata, skipped"
fi

printf '\ncheck_wheel: ok (%s, %s) in %ss\n' "$(basename "$wheel")" "$(basename "$sdist")" \
    "$((SECONDS - started))"
