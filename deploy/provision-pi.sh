#!/usr/bin/env bash
# Sets up a Raspberry Pi (Raspberry Pi OS bookworm, 64-bit) for one Fronta role.
#   sudo deploy/provision-pi.sh server
#   sudo deploy/provision-pi.sh device  /path/to/<device-id>.json        (kiosk or counter box)
#   sudo deploy/provision-pi.sh hall    <display settings file from scripts/provision.ts>
# Run it from a checkout of the repository; it copies the checkout to /opt/fronta.
# It is idempotent: running it again updates the code and keeps data and settings.
set -euo pipefail

role="${1:-}"
arg="${2:-}"
here="$(cd "$(dirname "$0")/.." && pwd)"
[ "$(id -u)" -eq 0 ] || { echo "run as root (sudo)" >&2; exit 2; }
case "$role" in server|device|hall) ;; *) echo "usage: $0 server | device SETTINGS.json | hall URL" >&2; exit 2 ;; esac

node_major() { node -e 'console.log(process.versions.node.split(".")[0])' 2>/dev/null || echo 0; }

apt-get update -qq
apt-get install -y -qq chrony git libusb-1.0-0 >/dev/null
if [ "$(node_major)" -lt 20 ]; then
  apt-get install -y -qq nodejs npm >/dev/null || true
fi
if [ "$(node_major)" -lt 20 ]; then
  echo "Node.js 20 or newer is needed (found $(node --version 2>/dev/null || echo none)):" >&2
  echo "install the official Node.js 20 binaries for arm64, then run this again." >&2
  exit 1
fi

id fronta >/dev/null 2>&1 || useradd --system --home-dir /opt/fronta --shell /usr/sbin/nologin fronta
for group in gpio plugdev lp dialout; do
  getent group "$group" >/dev/null || groupadd --system "$group"
done
usermod -a -G gpio,plugdev,lp,dialout fronta

install -d -o root -g root /opt/fronta
cp -a "$here/." /opt/fronta/
chown -R root:root /opt/fronta
(cd /opt/fronta && npm ci --strict-allow-scripts --engine-strict --no-audit --no-fund && npm run build:device)
install -d -m 0750 -o root -g fronta /etc/fronta
install -m 0644 /opt/fronta/deploy/udev/99-fronta.rules /etc/udev/rules.d/99-fronta.rules
install -d /etc/systemd/journald.conf.d
install -m 0644 /opt/fronta/deploy/journald/fronta.conf /etc/systemd/journald.conf.d/fronta.conf
if udevadm control --reload-rules; then udevadm trigger; fi
systemctl restart systemd-journald

case "$role" in
  server)
    install -d -m 0750 -o fronta -g fronta /var/lib/fronta
    # Written by root (the redirect), readable by the server through its group.
    [ -f /etc/fronta/office.json ] || (cd /opt/fronta && node --import tsx scripts/provision.ts --example > /etc/fronta/office.json)
    chgrp fronta /etc/fronta/office.json && chmod 0640 /etc/fronta/office.json
    install -m 0644 /opt/fronta/deploy/systemd/fronta-server.service /etc/systemd/system/
    # The server is the office's clock: devices follow it (stale presses are judged by it).
    grep -q '^allow' /etc/chrony/chrony.conf || echo 'allow all' >> /etc/chrony/chrony.conf
    systemctl daemon-reload
    systemctl enable --now chrony fronta-server
    echo "Edit /etc/fronta/office.json, then: sudo -u fronta node --import tsx /opt/fronta/scripts/provision.ts --config /etc/fronta/office.json --out /var/lib/fronta --broker mqtt://<this-ip>:1883"
    ;;
  device)
    [ -f "$arg" ] || { echo "device settings file not found: $arg" >&2; exit 2; }
    install -m 0640 -o root -g fronta "$arg" /etc/fronta/device.json
    server_host=$(node -e 'console.log(new URL(require(process.argv[1]).broker).hostname)' /etc/fronta/device.json)
    sed -i '/^pool /d;/^server /d' /etc/chrony/chrony.conf
    echo "server $server_host iburst" >> /etc/chrony/chrony.conf
    install -m 0644 /opt/fronta/deploy/systemd/fronta-device.service /etc/systemd/system/
    systemctl daemon-reload
    systemctl restart chrony
    systemctl enable --now fronta-device
    echo "Check the hardware: sudo -u fronta node --import tsx /opt/fronta/device/check.ts /etc/fronta/device.json"
    ;;
  hall)
    [ -f "$arg" ] || { echo "usage: $0 hall <display settings file, e.g. obrazovka-hala.json>" >&2; exit 2; }
    # Chromium speaks through speech-dispatcher with espeak-ng's Czech voice: offline, no cloud.
    apt-get install -y -qq chromium speech-dispatcher espeak-ng >/dev/null
    # The display's secret goes in the URL's fragment, which the browser never sends over HTTP.
    # shellcheck disable=SC2016 # the ${…} are JavaScript's, not the shell's
    hall_url=$(node -e 'const s = require(process.argv[1]); const u = new URL(s.broker); console.log(`http://${u.hostname}:8080/hall?display=${s.deviceId}#key=${encodeURIComponent(s.secret)}`)' "$arg")
    install -m 0640 -o root -g fronta /dev/null /etc/fronta/hall-screen.env
    echo "FRONTA_HALL_URL=$hall_url" > /etc/fronta/hall-screen.env
    install -m 0644 /opt/fronta/deploy/systemd/fronta-hall-screen.service /etc/systemd/system/
    systemctl daemon-reload
    systemctl enable --now fronta-hall-screen
    ;;
esac
echo "Fronta $role: done."
