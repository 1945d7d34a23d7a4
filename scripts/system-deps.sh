#!/usr/bin/env bash
# Debian packages Fronta needs: at run time node-hid links libusb-1.0 (docs/HARDWARE.md); with
# --test also shellcheck, which the tests run over the deploy scripts, and chromium, which the
# browser tests drive through playwright-core (no browser is ever downloaded), and e2fsprogs for
# chattr, with which a fault test makes the data directory unwritable, and caddy, the TLS proxy of
# the deployment, through which the tests attack the per-address limits, and socat, whose pseudo-terminal
# pair stands in for the GSM modem's serial port, and postgresql, whose server the tests run in a temporary
# directory (initdb, pg_ctl) for the hub's stores, and mosquitto, the hub's broker for the offices' line; with
# --bench mosquitto, the broker a benchmark compares ours with, and postgresql, on which the hub's
# hold cost is measured; with --hub the two engines a hub runs on (scripts/hub.sh).
# Installs only what is missing; needs root (or sudo) the first time.
set -euo pipefail
packages=(libusb-1.0-0)
case "${1:-}" in
  --test) packages+=(shellcheck chromium e2fsprogs caddy openssl socat postgresql mosquitto) ;;
  --bench | --hub) packages+=(mosquitto postgresql) ;;
esac
missing=()
for pkg in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
  # The tests start their own Mosquitto and PostgreSQL in temporary directories; the services the
  # packages start would only hold ports (Mosquitto's 1883 is the office script's MQTT port).
  for service in mosquitto postgresql; do
    if printf '%s\n' "${missing[@]}" | grep -qx "$service" && command -v systemctl >/dev/null && [ -d /run/systemd/system ]; then
      $sudo systemctl disable --now "$service" >/dev/null 2>&1 || true
    fi
  done
fi
