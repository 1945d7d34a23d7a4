#!/usr/bin/env bash
# The provisioning check (deploy/README.md): a fresh Debian 13 "trixie" root for the office server,
# provisioned by deploy/provision-pi.sh from this checkout, the server started in it; then a second
# fresh root for a counter box, with no package sources of its own (no internet), installed and
# enrolled from that server by deploy/device-install.sh with a code from the staff API, and its
# runtime started until the server configures it. Everything in a temporary directory, removed after.
#   sudo bash scripts/check-provision.sh        (about 10 minutes; needs Debian's and npm's registries)
# The hall screen's browser is left out of the package cache (FRONTA_DEVICE_PACKAGES): it is large
# and needs a screen; the hall screen is checked on a Pi (deploy/README.md).
set -euo pipefail
[ "$(id -u)" -eq 0 ] || { echo "run as root (sudo): it builds chroots" >&2; exit 2; }
here="$(cd "$(dirname "$0")/.." && pwd)"
started=$(date +%s)
step() { echo "[$(( $(date +%s) - started )) s] $*"; }

command -v mmdebstrap >/dev/null || apt-get install -y -qq mmdebstrap >/dev/null
# The mirror this machine already uses, so nothing here names one.
mirror=$(awk '/^URIs:/ { print $2; exit }' /etc/apt/sources.list.d/debian.sources 2>/dev/null || true)
[ -n "$mirror" ] || mirror=$(awk '/^deb / { print $2; exit }' /etc/apt/sources.list)
work=$(mktemp -d /tmp/fronta-provision.XXXXXX)
server_root="$work/server"
device_root="$work/device"
server_pid=""
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; fi
  for root in "$server_root" "$device_root"; do
    for mount in dev/pts dev proc sys; do umount -l "$root/$mount" 2>/dev/null || true; done
  done
  rm -rf "$work"
}
trap cleanup EXIT
mounts() {
  for mount in proc sys dev dev/pts; do mkdir -p "$1/$mount"; mount --bind "/$mount" "$1/$mount"; done
  cp /etc/resolv.conf "$1/etc/resolv.conf"
  # What this machine trusts (a proxy of its network's, say) the roots trust too, npm included.
  if compgen -G "/usr/local/share/ca-certificates/*.crt" >/dev/null; then
    cp /usr/local/share/ca-certificates/*.crt "$1/usr/local/share/ca-certificates/"
    chroot "$1" update-ca-certificates >/dev/null
  fi
}

step "Debian 13 root for the office server"
mmdebstrap --quiet --include=ca-certificates,sudo,systemd trixie "$server_root" "$mirror" </dev/null
mounts "$server_root"
mkdir -p "$server_root/root/fronta"
git -C "$here" ls-files -z | (cd "$here" && xargs -0 cp --parents -t "$server_root/root/fronta")
step "deploy/provision-pi.sh in it"
chroot "$server_root" env NODE_EXTRA_CA_CERTS=/etc/ssl/certs/ca-certificates.crt FRONTA_DEVICE_PACKAGES="nodejs libusb-1.0-0 chrony curl" bash /root/fronta/deploy/provision-pi.sh

step "the server, started as its unit would (on an OS-chosen port)"
chroot "$server_root" sudo -u fronta env FRONTA_DATA_DIR=/var/lib/fronta FRONTA_CONFIG=/etc/fronta/office.json FRONTA_HOST=127.0.0.1 \
  FRONTA_HTTP_PORT=0 FRONTA_MQTT_PORT=0 FRONTA_MAIL_OUTBOX=1 MALLOC_ARENA_MAX=2 MALLOC_MMAP_THRESHOLD_=32768 sh -c 'cd /opt/fronta && exec node --optimize-for-size --max-semi-space-size=1 --single-threaded-gc dist/server.mjs' > "$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 600); do [ -s "$server_root/var/lib/fronta/server.json" ] && break; sleep 0.5; done
http_port=$(node -e 'console.log(require(process.argv[1]).httpPort)' "$server_root/var/lib/fronta/server.json")
base="http://127.0.0.1:$http_port"
token=$(cat "$server_root/var/lib/fronta/admin-token")
curl -sS --fail-with-body -X POST "$base/api/admin/staff" -H "authorization: Bearer $token" -H 'content-type: application/json' \
  -d '{"username":"technik","name":"Technik","role":"admin","password":"kontrola-provozu-pi-2026"}' >/dev/null
login=$(curl -sS --fail-with-body -c "$work/cookies" -X POST "$base/api/staff/login" -H 'content-type: application/json' -d '{"username":"technik","password":"kontrola-provozu-pi-2026"}')
csrf=$(node -e 'console.log(JSON.parse(process.argv[1]).csrfToken)' "$login")
code=$(curl -sS --fail-with-body -b "$work/cookies" -X POST "$base/api/staff/devices/prepazka-3/enrolment" -H "x-csrf-token: $csrf" | node -e 'let s="";process.stdin.on("data",c=>s+=c).on("end",()=>console.log(JSON.parse(s).code))')
step "enrolment code for prepazka-3: $code"

debs=/opt/fronta/dist/device-files/debs
chroot "$server_root" sudo -u fronta test -r "$debs/Packages" || { echo "FAILED: the server cannot read its package cache"; find "$server_root$debs" -maxdepth 1 -printf "%M %u %f\n" | head; exit 1; }
step "Debian 13 root for a counter box, without package sources (no internet)"
mmdebstrap --quiet --include=ca-certificates,curl,sudo trixie "$device_root" "$mirror" </dev/null
rm -f "$device_root"/etc/apt/sources.list "$device_root"/etc/apt/sources.list.d/*
mounts "$device_root"
step "deploy/device-install.sh from the server"
chroot "$device_root" bash -c "curl -fsS '$base/device/install.sh' | bash -s -- '$code'"
chroot "$device_root" node -e 'const s = require("/etc/fronta/device.json"); if (s.deviceId !== "prepazka-3") process.exit(1)'

step "the counter box's runtime, until the server configures it"
configured=$(timeout 60 chroot "$device_root" sudo -u fronta node /opt/fronta/dist/device.mjs /etc/fronta/device.json | head -n 1 || true)
case "$configured" in
  *'"role":"counter"'*) step "passed: $configured" ;;
  *) echo "FAILED: the device was not configured (got: $configured)"; tail -n 30 "$work/server.log"; exit 1 ;;
esac
