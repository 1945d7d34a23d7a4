#!/usr/bin/env bash
# Debian packages Fronta needs at run time: node-hid links libusb-1.0 (HARDWARE-NOTES.md).
# Installs only what is missing; needs root (or sudo) the first time.
set -euo pipefail
missing=()
for pkg in libusb-1.0-0; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}"
fi
