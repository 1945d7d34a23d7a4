#!/usr/bin/env bash
# The README's hub command: set up and run a hub (PostgreSQL, Mosquitto, the hub's processes) and two
# offices in hub mode on this machine (docs/HUB.md).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --hub
exec node --import tsx scripts/hub.ts
