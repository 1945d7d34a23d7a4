#!/usr/bin/env bash
# The README's second command: set up from a fresh clone and run the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
# Install scripts of dependencies run only where package.json's allowScripts approves them.
bash scripts/system-deps.sh --test
npm ci --strict-allow-scripts --engine-strict --no-audit --no-fund
npx tsc --noEmit -p .
npx tsc --noEmit -p webui
# Format and lint (biome.json): a file not formatted, an import cycle or a lint error fails the suite.
npx biome ci .
# No file, export or dependency left unused, none used without being listed (knip.json).
npx knip --no-progress
npm run build:web
out=$(mktemp)
trap 'rm -f "$out"' EXIT
set +e
node --import tsx node_modules/uvu/bin.js . '\.test\.ts$' -i node_modules 2>&1 | tee "$out"
status=${PIPESTATUS[0]}
set -e
total=$(sed 's/\x1b\[[0-9;]*m//g' "$out" | awk '/Total:/ {print $2}')
passed=$(sed 's/\x1b\[[0-9;]*m//g' "$out" | awk '/Passed:/ {print $2}')
echo "uvu: ${passed:-0} passed, $(( ${total:-0} - ${passed:-0} )) failed"
exit "$status"
