#!/usr/bin/env bash
# The README's first command: set up and run the whole office on this machine.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec node --import tsx scripts/office.ts
