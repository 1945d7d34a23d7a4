#!/usr/bin/env bash
# The office server's own certificate for MQTT over TLS, valid ten years, for the addresses the
# devices use to reach it:  sudo deploy/make-mqtt-cert.sh /etc/fronta 10.0.0.2 fronta-server.lan
# Writes mqtt-cert.pem (given to every device at provisioning, --ca) and mqtt-key.pem (the
# server's only, readable by its owner). A certificate from the town's IT works the same way.
set -euo pipefail
dir="${1:?usage: make-mqtt-cert.sh DIR ADDRESS [ADDRESS...]}"
shift
[ $# -gt 0 ] || { echo "name the server's address (an IP or a name) at least once" >&2; exit 2; }
san=""
for address in "$@"; do
  if [[ $address =~ ^[0-9.]+$ || $address == *:* ]]; then san+="IP:$address,"; else san+="DNS:$address,"; fi
done
mkdir -p "$dir"
(
  umask 077
  openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 3650 \
    -subj "/CN=$1" -addext "subjectAltName=${san%,}" \
    -keyout "$dir/mqtt-key.pem" -out "$dir/mqtt-cert.pem" 2>/dev/null
)
chmod 644 "$dir/mqtt-cert.pem"
echo "$dir/mqtt-cert.pem"
