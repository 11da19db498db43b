// `npm run bench -- <name>`: runs bench/<name>.bench.ts under tsx in a child
// Node process and exits with its exit code. With no name it lists the
// benchmarks; an unknown name exits 2 with the list. See bench/README.md.
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { constants } from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const benchDir = path.join(root, 'bench');
const SUFFIX = '.bench.ts';

function available() {
  return readdirSync(benchDir)
    .filter((file) => file.endsWith(SUFFIX))
    .map((file) => file.slice(0, -SUFFIX.length))
    .sort();
}

function usage(names) {
  const list = names.length > 0 ? names.map((n) => `  ${n}`).join('\n') : '  (none: add bench/<name>.bench.ts)';
  return `Usage: npm run bench -- <name>\n\nAvailable benchmarks:\n${list}\n\nSee bench/README.md for the environment variables and the result files.\n`;
}

const [name, ...rest] = process.argv.slice(2);
const names = available();

if (name === undefined || name === '--help' || name === '-h' || name === 'list') {
  process.stdout.write(usage(names));
  process.exit(0);
}
if (!names.includes(name)) {
  process.stderr.write(`Unknown benchmark "${name}".\n\n${usage(names)}`);
  process.exit(2);
}

// tsx 4 registers its ESM and CJS hooks through `--import tsx` (Node >= 20.6).
const child = spawn(process.execPath, ['--import', 'tsx', path.join(benchDir, name + SUFFIX), ...rest], {
  cwd: root,
  stdio: 'inherit',
});

// Ctrl-C reaches the whole foreground process group, the benchmark included:
// let it clean up its servers and report its own exit code instead of dying first.
const forward = (signal) => {
  if (child.exitCode === null && child.signalCode === null) child.kill(signal);
};
process.on('SIGINT', () => {});
process.on('SIGTERM', () => forward('SIGTERM'));

child.on('error', (error) => {
  process.stderr.write(`Could not start the benchmark: ${error.message}\n`);
  process.exit(1);
});
child.on('exit', (code, signal) => {
  if (signal) process.exit(128 + (constants.signals[signal] ?? 0));
  process.exit(code ?? 1);
});
