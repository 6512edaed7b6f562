#!/usr/bin/env bash
# The browser tests drive Debian's Chromium (Playwright's own download cannot be
# reached from here). Installs it with apt when it is missing.
set -euo pipefail
CHROMIUM=/usr/lib/chromium/chromium
if [ -x "$CHROMIUM" ]; then exit 0; fi
echo "Chromium is missing: installing Debian's chromium package..."
SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
[ -x "$CHROMIUM" ] || { echo "chromium did not install to $CHROMIUM" >&2; exit 1; }
