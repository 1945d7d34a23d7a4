#!/usr/bin/env bash
# What the README's commands to run something need first: Debian's packages (system-deps.sh, with
# its flag: $1), the npm install, the web build. A restart skips what the last start already did:
# the install when the lockfile and Node are the same, the web build when no file it is built from
# changed since.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/system-deps.sh "${1:-}"
installed="$(sha256sum package-lock.json | cut -d' ' -f1) $(node --version)"
if [ "$(cat node_modules/.fronta-installed 2>/dev/null)" != "$installed" ]; then
  npm ci --strict-allow-scripts --engine-strict --no-audit --no-fund
  echo "$installed" > node_modules/.fronta-installed
fi
if [ ! -f webui/dist/index.html ] || [ -n "$(find webui shared package-lock.json -newer webui/dist/index.html -not -path 'webui/dist*' -type f -print -quit)" ]; then
  npm run build:web
fi
