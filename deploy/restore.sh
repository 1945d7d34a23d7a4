#!/usr/bin/env bash
# Restores a backup made by backup.sh:  sudo deploy/restore.sh /mnt/usb/fronta-backups/fronta-....tar.gz
# Stops the server, replaces its data, starts it again; the engine replays today's journal.
set -euo pipefail
archive="${1:?usage: restore.sh ARCHIVE}"
data="${FRONTA_DATA_DIR:-/var/lib/fronta}"
[ -f "$archive" ] || { echo "no such archive: $archive" >&2; exit 2; }
systemctl stop fronta-server 2>/dev/null || true
aside="$data.before-restore.$(date +%s)"
[ -d "$data" ] && mv "$data" "$aside" && echo "previous data kept in $aside"
mkdir -p "$data"
tar -C "$data" -xzf "$archive"
chown -R fronta:fronta "$data" 2>/dev/null || true
systemctl start fronta-server 2>/dev/null || echo "start the server now (systemctl start fronta-server)"
