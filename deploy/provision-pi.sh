#!/usr/bin/env bash
# Sets up the office server on a Raspberry Pi (Raspberry Pi OS based on Debian 13 "trixie", 64-bit):
#   sudo deploy/provision-pi.sh
# Run it from a checkout of the repository (or an unpacked release archive); it copies it to
# /opt/fronta. It needs internet once, here: for Debian's packages, the npm packages, and the
# packages the device Pis will install from this server (they need no internet themselves:
# deploy/device-install.sh). Idempotent: running it again updates the code and keeps data and settings.
set -euo pipefail

here="$(cd "$(dirname "$0")/.." && pwd)"
[ "$(id -u)" -eq 0 ] || { echo "run as root (sudo)" >&2; exit 2; }

# shellcheck source=deploy/units.sh
. "$here/deploy/units.sh"
node_major() { node -e 'console.log(process.versions.node.split(".")[0])' 2>/dev/null || echo 0; }

apt-get update -qq
# Debian 13's own nodejs is 20; build-essential and python3 build epoll (onoff), which ships no prebuilt binary.
apt-get install -y -qq chrony git libusb-1.0-0 nodejs npm libnode-dev build-essential python3 apt-utils curl >/dev/null
# epoll builds against the system Node's own headers (libnode-dev), not headers fetched from the internet.
export npm_config_nodedir=/usr
if [ "$(node_major)" -lt 20 ]; then
  echo "Node.js 20 or newer is needed, found $(node --version 2>/dev/null || echo none): this system's nodejs package is too old." >&2
  echo "Use Raspberry Pi OS based on Debian 13 (trixie), whose nodejs is 20, and run this again." >&2
  exit 1
fi

id fronta >/dev/null 2>&1 || useradd --system --home-dir /opt/fronta --shell /usr/sbin/nologin fronta
# The GSM modem's serial port, if the office texts through one (docs/SMS.md).
usermod -aG dialout fronta

install -d -o root -g root /opt/fronta
cp -a "$here/." /opt/fronta/
chown -R root:root /opt/fronta
(cd /opt/fronta && npm ci --strict-allow-scripts --engine-strict --no-audit --no-fund && npm run build:web && npm run build:server && npm run build:device-package)
/opt/fronta/deploy/device-debs.sh /opt/fronta/dist/device-files/debs
install -d -m 0750 -o root -g fronta /etc/fronta
install -d /etc/systemd/journald.conf.d
install -m 0644 /opt/fronta/deploy/journald/fronta.conf /etc/systemd/journald.conf.d/fronta.conf
if running_systemd; then systemctl restart systemd-journald; fi

install -d -m 0750 -o fronta -g fronta /var/lib/fronta
# Written by root (the redirect), readable by the server through its group.
[ -f /etc/fronta/office.json ] || (cd /opt/fronta && node --import tsx scripts/provision.ts --example > /etc/fronta/office.json)
chgrp fronta /etc/fronta/office.json && chmod 0640 /etc/fronta/office.json
install -m 0644 /opt/fronta/deploy/systemd/fronta-server.service /etc/systemd/system/
install -m 0644 /opt/fronta/deploy/systemd/fronta-backup.service /opt/fronta/deploy/systemd/fronta-backup.timer /etc/systemd/system/
# The server is the office's clock: devices follow it (stale presses are judged by it).
grep -q '^allow' /etc/chrony/chrony.conf || echo 'allow all' >> /etc/chrony/chrony.conf
start_units chrony fronta-server
echo "Fronta server: done. Next: the first administrator (deploy/README.md, step 2.1), then Nastavení and Zařízení on the staff pages."
