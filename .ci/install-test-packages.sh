#!/usr/bin/env bash
# Installs the Debian packages the tests need beyond the native toolchain:
#   dbus-daemon  the private bus the BLE tests' fake BlueZ runs on (docs/ble.md);
#   chromium     the browser the live view's Playwright test drives through ExecutablePath, since
#                Playwright cannot download its own browsers here (docs/live-view.md);
#   python3-mne  MNE and numpy, the independent readers the EDF/BDF cross-checks and the .npy/.npz
#                export test compare against (docs/recording.md);
#   python3-h5py h5py, which writes the emg2qwerty-layout HDF5 files the typing reader is tested on (docs/typing.md).
# Idempotent: installed packages are left alone, and nothing runs apt-get when all are there.
set -euo pipefail

missing=()
for package in dbus-daemon chromium python3-mne python3-numpy python3-h5py; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null; then
  echo "missing Debian packages: ${missing[*]}; they cannot be installed here (needs root and apt-get)." >&2
  echo "Install them with: sudo apt-get install ${missing[*]}  (the BLE, live-view and cross-check tests need them)" >&2
  exit 1
fi

export DEBIAN_FRONTEND=noninteractive
apt-get update -qq -o DPkg::Lock::Timeout=600 >/dev/null
# --no-install-recommends keeps the desktop extras out; headless chromium needs none of them.
apt-get install -y -qq --no-install-recommends -o DPkg::Lock::Timeout=600 "${missing[@]}" >/dev/null
