#!/bin/sh
# Builds the sandbox helper (sandbox-run) next to its source. Needs a C compiler
# and libseccomp's headers (Debian: gcc, libseccomp-dev). Rebuilds only when the
# source changed; the bootstrap calls this before `npm start` and `npm test`.
set -eu
cd "$(dirname "$0")"
mkdir -p build
hash=$(cat sandbox-run.c build.sh | sha256sum | cut -d" " -f1)
if [ -x build/sandbox-run ] && [ "$(cat build/sandbox-run.sha256 2>/dev/null || true)" = "$hash" ]; then
  exit 0
fi
echo "runner: building the sandbox helper (cc + libseccomp)…"
flags="-O2 -Wall -Wextra -Wshadow -Wno-format-truncation -D_FORTIFY_SOURCE=2 -fstack-protector-strong"
# Static PIE when the static libraries are there (libc6-dev, libseccomp-dev ship them): every run
# execs the helper, and on this kind of VM skipping the dynamic loader saves ~1 ms per run (ADR 0012).
# shellcheck disable=SC2086
if ! ${CC:-cc} $flags -static-pie -fPIE -o build/sandbox-run.tmp sandbox-run.c -lseccomp 2>/dev/null; then
  ${CC:-cc} $flags -o build/sandbox-run.tmp sandbox-run.c -lseccomp
fi
mv build/sandbox-run.tmp build/sandbox-run
echo "$hash" > build/sandbox-run.sha256
