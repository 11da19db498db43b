#!/bin/sh
# Builds the sandbox helper (sandbox-run) next to its source. Needs a C compiler
# and libseccomp's headers (Debian: gcc, libseccomp-dev). Rebuilds only when the
# source changed; the bootstrap calls this before `npm start` and `npm test`.
set -eu
cd "$(dirname "$0")"
mkdir -p build
hash=$(sha256sum sandbox-run.c | cut -d' ' -f1)
if [ -x build/sandbox-run ] && [ "$(cat build/sandbox-run.sha256 2>/dev/null || true)" = "$hash" ]; then
  exit 0
fi
echo "runner: building the sandbox helper (cc + libseccomp)…"
${CC:-cc} -O2 -Wall -Wextra -Wshadow -Wno-format-truncation -D_FORTIFY_SOURCE=2 -fstack-protector-strong \
  -o build/sandbox-run.tmp sandbox-run.c -lseccomp
mv build/sandbox-run.tmp build/sandbox-run
echo "$hash" > build/sandbox-run.sha256
