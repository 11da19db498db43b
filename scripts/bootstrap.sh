#!/bin/sh
# Entry of `npm start` and `npm test` on any machine, fresh or not:
# 1. installs npm dependencies (npm ci) when node_modules is missing or the
#    lockfile changed since the last install — this also fetches Node 24,
#    pinned as the `node` devDependency, so what follows runs on Node 24
#    whatever the system Node is;
# 2. hands over to scripts/bootstrap.mjs on Node 24 (system packages, build,
#    then start the server or run the test suite).
set -eu
cd "$(dirname "$0")/.."

lock_hash=$(sha256sum package-lock.json | cut -d' ' -f1)
stamp=node_modules/.interviewselect-install
if [ ! -x node_modules/.bin/node ] || [ "$(cat "$stamp" 2>/dev/null || true)" != "$lock_hash" ]; then
  echo "bootstrap: installing npm dependencies (npm ci; includes Node 24 as the 'node' package)…"
  npm ci --no-audit --no-fund --loglevel=error
  echo "$lock_hash" > "$stamp"
fi

exec node_modules/.bin/node scripts/bootstrap.mjs "$@"
