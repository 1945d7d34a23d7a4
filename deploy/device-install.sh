#!/usr/bin/env bash
# Installs Fronta on a kiosk, counter box or hall screen Pi from the office server, over the LAN
# only, and enrols it with the code from the staff pages (Zařízení):
#   curl -fsS http://SERVER:8080/device/install.sh | sudo bash -s -- K7QM-3XPA
# The office server serves this file with its own address filled in below. Running
# it again with a new code replaces the device's secret and updates its code; the `hardware` part
# of /etc/fronta/device.json is kept.
set -euo pipefail

server="${FRONTA_SERVER:-__FRONTA_SERVER__}"
code="${1:-}"
[ -n "$code" ] || { echo "usage: curl -fsS $server/device/install.sh | sudo bash -s -- CODE" >&2; exit 2; }
[ "$(id -u)" -eq 0 ] || { echo "run as root (sudo)" >&2; exit 2; }
files="$server/device/files"

# @units.sh: the office server writes deploy/units.sh here (running_systemd, start_units).

# The packages come from the office server's cache (deploy/device-debs.sh made it there), so this
# Pi needs no internet; a Pi that has it may also use its usual sources.
# The flat repository named by its path ("debs/"), not as "./": the server refuses a path segment of a dot.
echo "deb [trusted=yes] $files/ debs/" > /etc/apt/sources.list.d/fronta-office.list
apt-get update -qq || echo "some package sources did not answer; the office server's cache is enough" >&2
apt-get install -y -qq --no-install-recommends nodejs libusb-1.0-0 chrony >/dev/null
node_major=$(node -e 'console.log(process.versions.node.split(".")[0])')
[ "$node_major" -ge 20 ] || { echo "Node.js 20 or newer is needed, found $(node --version)" >&2; exit 1; }

id fronta >/dev/null 2>&1 || useradd --system --home-dir /opt/fronta --shell /usr/sbin/nologin fronta
for group in gpio plugdev lp dialout video render input audio; do
  getent group "$group" >/dev/null || groupadd --system "$group"
done
usermod -a -G gpio,plugdev,lp,dialout fronta

# The runtime, unpacked beside the old one and swapped in whole.
unpacked=$(mktemp -d)
trap 'rm -rf "$unpacked"' EXIT
curl -fsS "$files/fronta-device.tar.gz" | tar -xz -C "$unpacked"
chown -R root:root "$unpacked/fronta-device"
rm -rf /opt/fronta.old
if [ -d /opt/fronta ]; then mv /opt/fronta /opt/fronta.old; fi
mv "$unpacked/fronta-device" /opt/fronta
rm -rf /opt/fronta.old

install -d -m 0750 -o root -g fronta /etc/fronta
# --use-openssl-ca: over HTTPS, trust what the system trusts (the town's own CA, once installed in /usr/local/share/ca-certificates).
enrolled=$(node --use-openssl-ca /opt/fronta/dist/device.mjs enrol "$server" "$code" /etc/fronta/device.json)
chgrp fronta /etc/fronta/device.json && chmod 0640 /etc/fronta/device.json
role=$(node -e 'console.log(JSON.parse(process.argv[1]).role)' "$enrolled")

install -m 0644 /opt/fronta/deploy/udev/99-fronta.rules /etc/udev/rules.d/99-fronta.rules
install -d /etc/systemd/journald.conf.d
install -m 0644 /opt/fronta/deploy/journald/fronta.conf /etc/systemd/journald.conf.d/fronta.conf
if udevadm control --reload-rules 2>/dev/null; then udevadm trigger || true; fi
if running_systemd; then systemctl restart systemd-journald; fi
# The office server is the office's clock.
server_host=$(node -e 'console.log(new URL(process.argv[1]).hostname)' "$server")
sed -i '/^pool /d;/^server /d' /etc/chrony/chrony.conf
echo "server $server_host iburst" >> /etc/chrony/chrony.conf
if running_systemd; then systemctl restart chrony; fi

case "$role" in
  kiosk|counter)
    install -m 0644 /opt/fronta/deploy/systemd/fronta-device.service /etc/systemd/system/
    start_units fronta-device
    echo "Check the hardware: sudo -u fronta node /opt/fronta/dist/device-check.mjs /etc/fronta/device.json"
    ;;
  display)
    apt-get install -y -qq --no-install-recommends chromium speech-dispatcher espeak-ng cage >/dev/null
    # The display's secret goes in the URL's fragment, which the browser never sends over HTTP.
    # shellcheck disable=SC2016 # the ${…} are JavaScript's, not the shell's
    hall_url=$(node -e 'const s = require(process.argv[1]); console.log(`${process.argv[2]}/hall?display=${s.deviceId}#key=${encodeURIComponent(s.secret)}`)' /etc/fronta/device.json "$server")
    install -m 0640 -o root -g fronta /dev/null /etc/fronta/hall-screen.env
    echo "FRONTA_HALL_URL=\"$hall_url\"" > /etc/fronta/hall-screen.env
    desktop_user=$(getent passwd 1000 | cut -d: -f1 || true)
    if [ -e /usr/share/wayland-sessions/labwc.desktop ] || [ -e /usr/share/wayland-sessions/wayfire.desktop ]; then
      # The Raspberry Pi OS desktop: Chromium in the desktop user's own Wayland session.
      [ -n "$desktop_user" ] && usermod -a -G fronta "$desktop_user"
      install -m 0644 /opt/fronta/deploy/fronta-hall-screen.desktop /etc/xdg/autostart/fronta-hall-screen.desktop
      echo "Hall screen: starts with the desktop session of $desktop_user (log in automatically: raspi-config, System Options, Boot / Auto Login)."
    else
      # No desktop: cage runs Chromium alone on the console.
      install -m 0644 /opt/fronta/deploy/systemd/fronta-hall-screen.service /etc/systemd/system/
      systemctl --root=/ set-default graphical.target
      start_units fronta-hall-screen
    fi
    ;;
esac
echo "Fronta: $enrolled"
