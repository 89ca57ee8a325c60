#!/usr/bin/env bash
# Installs Debian's chromium for the live view's browser test (docs/live-view.md): Playwright drives it
# through ExecutablePath, since Playwright cannot download its own browsers here. Idempotent and quiet:
# nothing happens when chromium is already there; without root or apt-get the browser test is skipped.
set -euo pipefail

if dpkg-query -W -f='${Status}' chromium 2>/dev/null | grep -q "install ok installed"; then
  exit 0
fi

if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null; then
  echo "chromium missing and cannot be installed here (needs root and apt-get); the live view's browser test will be skipped" >&2
  exit 0
fi

export DEBIAN_FRONTEND=noninteractive
apt-get update -qq -o DPkg::Lock::Timeout=600 >/dev/null
# --no-install-recommends keeps the desktop extras out; headless chromium needs none of them.
apt-get install -y -qq --no-install-recommends -o DPkg::Lock::Timeout=600 chromium >/dev/null
