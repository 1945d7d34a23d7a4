# Sourced by provision-pi.sh; written into device-install.sh where the server serves it.
# shellcheck shell=bash
# Units are enabled, and started where systemd runs; a root being prepared (a chroot, an image)
# has no running systemd, and gets them enabled for its first boot.
running_systemd() { [ -d /run/systemd/system ]; }
start_units() {
  if running_systemd; then
    systemctl daemon-reload
    systemctl enable "$@"
    systemctl restart "$@"
  else
    systemctl --root=/ enable "$@"
  fi
}
