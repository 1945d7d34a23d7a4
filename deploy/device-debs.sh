#!/usr/bin/env bash
# Fills DIR with the Debian packages the device Pis install (device-install.sh) and everything
# they depend on, as a flat repository the office server serves under /device/files/debs/:
#   sudo deploy/device-debs.sh /opt/fronta/dist/device-files/debs
# Run on the office server, a Pi of the same system and architecture as the devices, while it
# has internet (provision-pi.sh does); the device Pis then need none. FRONTA_DEVICE_PACKAGES
# replaces the list (the provisioning check leaves out the hall screen's browser).
set -euo pipefail

dir="${1:?usage: $0 DIR}"
dir="${dir%/}"
read -r -a packages <<< "${FRONTA_DEVICE_PACKAGES:-nodejs libusb-1.0-0 chrony curl chromium speech-dispatcher espeak-ng cage}"
apt-get update -qq
apt-get install -y -qq apt-utils >/dev/null
mkdir -p "$dir"
cd "$dir"
# Every package the list needs, recursively (virtual names, shown as <name>, are provided by real ones in the list).
mapfile -t needed < <(apt-cache depends --recurse --no-recommends --no-suggests --no-conflicts --no-breaks --no-replaces --no-enhances "${packages[@]}" | grep -E '^[a-z0-9]' | sort -u)
# apt-get download runs as root here: its sandbox user could not write into a root-owned directory.
apt-get download -o APT::Sandbox::User=root "${needed[@]}" >/dev/null
# Named from the parent, so that each Filename is "debs/….deb": the installer's source is the
# server's /device/files/ with the path debs/, and apt fetches a package by URI + Filename.
(cd .. && apt-ftparchive packages "$(basename "$dir")") > Packages
apt-ftparchive release . > Release
# apt-get download leaves its files readable by root only; the server serves them as its own user.
chmod -R a+rX "$dir"
echo "device packages: $(find . -name "*.deb" | wc -l) files, $(du -sh . | cut -f1) in $dir"
