#!/usr/bin/env bash
# Installs the Debian packages the tests need beyond the native toolchain: dbus-daemon, for the private
# bus that the BLE tests' fake BlueZ runs on (docs/ble.md). Idempotent: nothing happens when it is there.
set -euo pipefail

if command -v dbus-daemon >/dev/null; then
  exit 0
fi

if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null; then
  echo "dbus-daemon is missing and cannot be installed here (needs root and apt-get); the BLE tests will fail" >&2
  exit 1
fi

export DEBIAN_FRONTEND=noninteractive
apt-get update -qq -o DPkg::Lock::Timeout=600 >/dev/null
apt-get install -y -qq --no-install-recommends -o DPkg::Lock::Timeout=600 dbus-daemon >/dev/null
