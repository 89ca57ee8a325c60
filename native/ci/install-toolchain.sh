#!/usr/bin/env bash
# Installs what the native twins' tests need (docs/native.md): gcc and make for the host library,
# gcc-arm-none-eabi + newlib for the Cortex-M7 image, qemu-system-arm to run it. Idempotent and quiet:
# nothing happens when everything is already there; otherwise one apt-get update and one install.
set -euo pipefail

packages=(make gcc gcc-arm-none-eabi libnewlib-arm-none-eabi qemu-system-arm)
missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null; then
  echo "native toolchain: ${missing[*]} missing and cannot be installed here (needs root and apt-get); the qemu-m7 tests will be skipped" >&2
  exit 0
fi

export DEBIAN_FRONTEND=noninteractive
apt-get update -qq -o DPkg::Lock::Timeout=600 >/dev/null
# --no-install-recommends keeps qemu-system-arm from pulling in the GUI and audio stacks.
apt-get install -y -qq --no-install-recommends -o DPkg::Lock::Timeout=600 "${missing[@]}" >/dev/null
