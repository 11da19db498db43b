// Runs on the repository's pinned Node 24 (see bootstrap.sh). Steps:
// system packages (when root with apt) → build when sources changed → start or test.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const command = process.argv[2];
if (command !== 'start' && command !== 'test') {
  console.error('usage: bootstrap.mjs start|test');
  process.exit(2);
}
const root = path.resolve(import.meta.dirname, '..');
process.chdir(root);
const log = (msg) => console.log(`bootstrap: ${msg}`);

log(`running on Node ${process.version}`);
const major = Number(process.versions.node.split('.')[0]);
if (major < 22) {
  console.error(
    `bootstrap: Node ${process.version} is too old; the pinned Node 24 in node_modules should be used. Run \`npm ci\`.`,
  );
  process.exit(1);
}

/**
 * Debian packages each command needs: bubblewrap + a C compiler and libseccomp for the
 * sandbox helper, the language toolchains the runner offers (the UI lists only what is
 * installed), chromium, which prints report PDFs and runs the browser tests, ffmpeg,
 * which makes recordings seekable, and (tests only) radicale, the CalDAV server the
 * calendar sync is tested against.
 */
const SANDBOX_PACKAGES = ['bubblewrap', 'gcc', 'libc6-dev', 'libseccomp-dev'];
const TOOLCHAIN_PACKAGES = [
  'python3',
  'g++',
  'openjdk-17-jdk-headless',
  'golang-go',
  'rustc',
  'ruby',
  'php-cli',
  'mono-mcs',
  'mono-runtime',
];
const APT_PACKAGES = {
  start: [...SANDBOX_PACKAGES, ...TOOLCHAIN_PACKAGES, 'chromium', 'ffmpeg'],
  test: [...SANDBOX_PACKAGES, ...TOOLCHAIN_PACKAGES, 'chromium', 'ffmpeg', 'radicale'],
};

function ensureSystemPackages(packages) {
  const missing = packages.filter((p) => spawnSync('dpkg', ['-s', p], { stdio: 'ignore' }).status !== 0);
  if (missing.length === 0) return;
  const isRoot = process.getuid?.() === 0;
  const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
  if (!isRoot || !hasApt) {
    log(
      `missing system packages: ${missing.join(', ')} — install them with your package manager (not root or no apt here)`,
    );
    return;
  }
  log(`installing Debian packages: ${missing.join(', ')} (apt-get)…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  run('apt-get', ['update', '-qq'], { env });
  run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], { env });
}

/** The runner's native sandbox helper (C + libseccomp); without it code execution stays off, never unsandboxed. */
function buildSandboxHelper() {
  const result = spawnSync('sh', ['apps/runner/native/build.sh'], { stdio: 'inherit' });
  if (result.status !== 0)
    log('could not build the sandbox helper (needs gcc and libseccomp-dev); code execution will be unavailable');
}

function run(cmd, args, opts = {}) {
  const result = spawnSync(cmd, args, { stdio: 'inherit', ...opts });
  if (result.status !== 0) {
    console.error(`bootstrap: \`${cmd} ${args.join(' ')}\` failed (exit ${result.status ?? result.signal})`);
    process.exit(result.status ?? 1);
  }
}

/** Fingerprint of everything the build reads: sources, configs, lockfile (paths, sizes, mtimes). */
function sourceFingerprint() {
  const hash = createHash('sha256');
  const skip = new Set(['node_modules', 'dist', '.cache', 'test-results']);
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (skip.has(entry.name)) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else {
        const st = statSync(full);
        hash.update(`${full}\0${st.size}\0${st.mtimeMs}\n`);
      }
    }
  };
  for (const dir of ['apps', 'packages']) walk(dir);
  for (const file of ['package-lock.json', 'tsconfig.base.json', 'tsconfig.json']) hash.update(readFileSync(file));
  return hash.digest('hex');
}

function buildIfChanged() {
  const stampDir = path.join(root, 'node_modules', '.cache');
  const stamp = path.join(stampDir, 'interviewselect-build');
  const fingerprint = sourceFingerprint();
  const built = existsSync('apps/server/dist/src/main.js') && existsSync('apps/web/dist/index.html');
  if (built && existsSync(stamp) && readFileSync(stamp, 'utf8') === fingerprint) {
    log('build is up to date');
    return;
  }
  log('building (tsc -b + vite build)…');
  run('npm', ['run', '--silent', 'build']);
  mkdirSync(stampDir, { recursive: true });
  writeFileSync(stamp, sourceFingerprint());
}

ensureSystemPackages(APT_PACKAGES[command]);
buildIfChanged();
buildSandboxHelper();

const entry =
  command === 'start' ? ['apps/server/dist/src/main.js'] : ['scripts/run-tests.mjs', ...process.argv.slice(3)];
const child = spawn(process.execPath, entry, { stdio: 'inherit' });
// Forward termination signals so `kill <npm pid>` drains the server gracefully too.
for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
