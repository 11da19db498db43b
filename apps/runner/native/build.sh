#!/bin/sh
# Builds the sandbox helper (sandbox-run) and the warm sandboxes' stub (warm-stub, ADR 0021)
# next to their source. Needs a C compiler
# and libseccomp's headers (Debian: gcc, libseccomp-dev). Rebuilds only when the
# source changed; the bootstrap calls this before `npm start` and `npm test`.
set -eu
cd "$(dirname "$0")"
mkdir -p build
hash=$(cat sandbox-run.c warm-stub.c build.sh | sha256sum | cut -d" " -f1)
if [ -x build/sandbox-run ] && [ -x build/warm-stub ] && [ "$(cat build/sandbox-run.sha256 2>/dev/null || true)" = "$hash" ]; then
  exit 0
fi
echo "runner: building the sandbox helper and warm stub (cc + libseccomp)…"
flags="-O2 -Wall -Wextra -Wshadow -Wno-format-truncation -D_FORTIFY_SOURCE=2 -fstack-protector-strong"
# Static PIE when the static libraries are there (libc6-dev, libseccomp-dev ship them): every run
# execs the helper, and on this kind of VM skipping the dynamic loader saves ~1 ms per run (ADR 0012).
# shellcheck disable=SC2086
if ! ${CC:-cc} $flags -static-pie -fPIE -o build/sandbox-run.tmp sandbox-run.c -lseccomp 2>/dev/null; then
  ${CC:-cc} $flags -o build/sandbox-run.tmp sandbox-run.c -lseccomp
fi
mv build/sandbox-run.tmp build/sandbox-run
# The stub runs inside the sandbox, where only /usr is mounted: static, so it needs no loader or libc there.
# shellcheck disable=SC2086
${CC:-cc} $flags -static -o build/warm-stub.tmp warm-stub.c
mv build/warm-stub.tmp build/warm-stub
echo "$hash" > build/sandbox-run.sha256
