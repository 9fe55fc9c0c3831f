#!/bin/sh
# Regenerate the Argdown tool's own JSON export for argmap's conformance fixtures.
#
# Usage: tools/argdown_reference.sh [FOLDER...]
#   (default: tests/fixtures/argdown/conformance)
# For every FOLDER/NAME.argdown it writes FOLDER/NAME.json with the published Argdown
# command line (@argdown/cli 1.7.5, the version the fixtures were made with), which runs
# offline from npm's cache. tests/test_argdown_conformance.py compares argmap's
# argdown-json export against these files, so the tests never need node.
set -eu
version=1.7.5
cd "$(dirname "$0")/.."
[ $# -gt 0 ] || set -- tests/fixtures/argdown/conformance
for folder in "$@"; do
  for source in "$folder"/*.argdown; do
    [ -e "$source" ] || continue
    npx -y "@argdown/cli@$version" json "$source" "$folder" >/dev/null
    test -s "${source%.argdown}.json" || { echo "no JSON for $source" >&2; exit 1; }
    echo "${source%.argdown}.json"
  done
done
