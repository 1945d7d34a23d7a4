#!/usr/bin/env bash
# Backs up the office server's data to a dated archive:  deploy/backup.sh /mnt/usb/fronta-backups
# Finished days (history/) are written once and never change. Today's snapshot and journal, and
# the bookings' (bookings.json and bookings.journal), are copied journal first, then snapshot: a
# snapshot newer than the journal copy only skips entries it already holds (by sequence number),
# so the pair restores to a consistent state.
# The other files (staff accounts, saved settings, statistics, the devices' secret hashes)
# are each replaced whole by a rename, so a copy is always one complete version. The admin token is
# left out: it grants the admin routes, and the server makes a new one when a restore lacks it.
set -euo pipefail
data="${FRONTA_DATA_DIR:-/var/lib/fronta}"
target="${1:?usage: backup.sh TARGET_DIR}"
mkdir -p "$target"
stage="$(mktemp -d)"
trap 'rm -rf "$stage"' EXIT
mkdir -p "$stage/queue/history"
cp -a "$data/queue/history/." "$stage/queue/history/" 2>/dev/null || true
[ -f "$data/queue/today.journal" ] && cp -a "$data/queue/today.journal" "$stage/queue/"
[ -f "$data/queue/today.json" ] && cp -a "$data/queue/today.json" "$stage/queue/"
# The bookings are a snapshot and a journal too, copied in the same order.
[ -f "$data/bookings.journal" ] && cp -a "$data/bookings.journal" "$stage/"
for file in format.json credentials.json bookings.json staff.json settings.json statistics.json; do
  if [ -f "$data/$file" ]; then cp -a "$data/$file" "$stage/"; fi
done
archive="$target/fronta-$(date +%Y-%m-%d-%H%M).tar.gz"
tar -C "$stage" -czf "$archive.tmp" .
mv "$archive.tmp" "$archive"
# The last FRONTA_BACKUP_KEEP_DAYS days (the nightly timer keeps 14); only after today's is written.
if [ -n "${FRONTA_BACKUP_KEEP_DAYS:-}" ]; then
  find "$target" -maxdepth 1 -name 'fronta-*.tar.gz' -mtime "+$((FRONTA_BACKUP_KEEP_DAYS - 1))" -delete
fi
echo "$archive"
