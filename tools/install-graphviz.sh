#!/bin/sh
# Install Graphviz's `dot` where we can (Debian/Ubuntu as root); otherwise say how, in one line.
set -e
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "installing Graphviz (apt-get install graphviz)..."
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq graphviz >/dev/null
    command -v dot >/dev/null 2>&1 && exit 0
fi
echo "Graphviz's 'dot' is missing: install it (sudo apt-get install graphviz, brew install graphviz, or https://graphviz.org/download/) and run make again" >&2
exit 1
