#!/bin/sh
# Install the system programs named on the command line where they are missing:
# `dot` (Debian package graphviz) and `chromium` (for the browser tests). As root on
# Debian/Ubuntu: one `apt-get update`, then one `apt-get install` of what is missing.
# Otherwise say how, one line per program, and fail.
set -e
missing=""
for program in "$@"; do
    command -v "$program" >/dev/null 2>&1 && continue
    case "$program" in
        dot) missing="$missing graphviz" ;;
        chromium) missing="$missing chromium" ;;
        *) echo "install-system.sh: no package known for '$program'" >&2; exit 2 ;;
    esac
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "installing$missing (apt-get install)..."
    apt-get update -qq >/dev/null
    # shellcheck disable=SC2086
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null
    still=""
    for program in "$@"; do
        command -v "$program" >/dev/null 2>&1 || still="$still $program"
    done
    [ -z "$still" ] && exit 0
    missing="$still"
fi
for package in $missing; do
    case "$package" in
        graphviz) echo "Graphviz's 'dot' is missing: install it (sudo apt-get install graphviz, brew install graphviz, or https://graphviz.org/download/) and run make again" >&2 ;;
        *) echo "'$package' is missing: install it (sudo apt-get install $package) and run make again; the browser tests skip without it" >&2 ;;
    esac
done
exit 1
