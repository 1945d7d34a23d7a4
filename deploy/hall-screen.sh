#!/bin/sh
# The hall page full screen, started again whenever Chromium exits. Run by the cage unit
# (fronta-hall-screen.service, a Pi without a desktop) or by the desktop session's autostart
# (fronta-hall-screen.desktop, the Raspberry Pi OS desktop: labwc or wayfire, both Wayland).
# /etc/fronta/hall-screen.env sets FRONTA_HALL_URL (written at enrolment by device-install.sh).
set -eu
# shellcheck source=/dev/null
. /etc/fronta/hall-screen.env
profile="${XDG_STATE_HOME:-$HOME/.local/state}/fronta-hall"
mkdir -p "$profile"
while :; do
  # --ozone-platform=wayland: both sessions are Wayland; --enable-speech-dispatcher: the spoken
  # calls use the Pi's offline Czech voice (espeak-ng).
  chromium --ozone-platform=wayland --kiosk --noerrdialogs --disable-infobars --no-first-run \
    --disable-translate --autoplay-policy=no-user-gesture-required --enable-speech-dispatcher \
    --disable-background-networking --user-data-dir="$profile" "$FRONTA_HALL_URL" || true
  sleep 5
done
