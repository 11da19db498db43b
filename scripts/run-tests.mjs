// The whole suite, as CI runs it: lint, format, typecheck, then every Vitest
// project (unit, web, int on PGlite, int:postgres when DATABASE_URL is set,
// e2e in Chromium). Ends with the plain summary line `N passed, N failed`,
// counting each gate as one check and each test as one; also written to
// test-results/summary.txt so .ci/run can print it last.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
process.chdir(root);
const resultsDir = path.join(root, 'test-results');
mkdirSync(resultsDir, { recursive: true });
const bin = (name) => path.join(root, 'node_modules', '.bin', name);

const gates = [
  { name: 'lint', cmd: bin('eslint'), args: ['.', '--max-warnings', '0'] },
  { name: 'format', cmd: bin('prettier'), args: ['--check', '--log-level', 'warn', '.'] },
  { name: 'typecheck', cmd: bin('tsc'), args: ['-b'] },
];

let passed = 0;
let failed = 0;
let skipped = 0;
for (const gate of gates) {
  console.log(`\n▶ ${gate.name}`);
  const result = spawnSync(gate.cmd, gate.args, { stdio: 'inherit' });
  if (result.status === 0) {
    passed += 1;
    console.log(`✓ ${gate.name}`);
  } else {
    failed += 1;
    console.log(`✗ ${gate.name} failed`);
  }
}

console.log(
  `\n▶ vitest (${process.env.DATABASE_URL ? 'PGlite + PostgreSQL/Redis' : 'PGlite only; set DATABASE_URL and REDIS_URL for the PostgreSQL/Redis pass'})`,
);
const jsonFile = path.join(resultsDir, 'vitest.json');
rmSync(jsonFile, { force: true });
const vitest = spawnSync(bin('vitest'), ['run', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, VITEST_SUMMARY_FILE: jsonFile },
});
if (existsSync(jsonFile)) {
  const report = JSON.parse(readFileSync(jsonFile, 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  skipped += report.numPendingTests + report.numTodoTests;
  // A file that fails to load has no tests to count; count the file.
  const brokenFiles = report.testResults.filter((f) => f.status === 'failed' && f.assertionResults.length === 0).length;
  failed += brokenFiles;
  if (vitest.status !== 0 && report.numFailedTests === 0 && brokenFiles === 0) failed += 1;
} else {
  console.log('✗ vitest produced no report');
  failed += 1;
}

const summary = `${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`;
writeFileSync(path.join(resultsDir, 'summary.txt'), summary + '\n');
console.log(`\n${summary}`);
process.exit(failed === 0 ? 0 : 1);
