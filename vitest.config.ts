import { availableParallelism } from 'node:os';
import path from 'node:path';
import { defineConfig } from 'vitest/config';

/**
 * Test tiers (see README "Tests"):
 * - unit:        *.test.ts next to the code, nothing outside the process
 * - web:         apps/web *.test.tsx (jsdom, vmThreads); web:logic: apps/web *.test.ts (jsdom, forks)
 * - sandbox:     programs really run in bubblewrap (after the others, one file at a time)
 * - int:         *.int.test.ts against embedded PGlite (always)
 * - int:postgres the same files against the machine's PostgreSQL + Redis, when
 *                DATABASE_URL / REDIS_URL are set (CI sets both)
 * - e2e:         e2e/*.spec.ts, Debian Chromium driven by playwright-core against the built app
 */
const failOnConsoleError = path.resolve(import.meta.dirname, 'test/fail-on-console-error.ts');
const hasExternalBackends = Boolean(process.env.DATABASE_URL);

const intInclude = ['apps/*/src/**/*.int.test.ts', 'apps/*/test/**/*.int.test.ts'];

export default defineConfig({
  test: {
    // Two files at a time even on a 2-core machine (vitest's default there is one): much of an
    // integration test's time is spent waiting on PostgreSQL, Redis or a child server. e2e specs
    // (fileParallelism: false) still run alone, last.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    reporters: process.env.VITEST_SUMMARY_FILE
      ? ['default', ['json', { outputFile: process.env.VITEST_SUMMARY_FILE }]]
      : ['default'],
    setupFiles: [failOnConsoleError],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['apps/server/src/**/*.test.ts', 'apps/runner/src/**/*.test.ts', 'packages/*/src/**/*.test.ts'],
          exclude: ['**/*.int.test.ts', '**/*.sandbox.test.ts', '**/node_modules/**', '**/dist/**'],
          environment: 'node',
        },
      },
      {
        // Programs really run in bubblewrap (needs root, bwrap and the built helper).
        extends: true,
        test: {
          name: 'sandbox',
          include: ['apps/runner/src/**/*.sandbox.test.ts'],
          environment: 'node',
          // After the other projects, one file at a time: each file checks the host's cgroups and
          // sandbox uids are clean after its runs, and wall-clock limits should not meet a busy CPU.
          maxWorkers: 1,
          sequence: { groupOrder: 1 },
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        // Components and pages: one jsdom context per file in vitest's vmThreads pool, without a new
        // worker per file (about half the time of `forks` for these 45 files).
        extends: true,
        test: {
          name: 'web',
          root: 'apps/web',
          include: ['src/**/*.test.tsx'],
          environment: 'jsdom',
          pool: 'vmThreads',
          setupFiles: ['src/testing/web-streams-globals.ts'],
        },
      },
      {
        // The web app's plain modules stay in forks: CPU-heavy ones (the replay engine's Yjs
        // checkpoints) run ~10× slower inside a vm context.
        extends: true,
        test: {
          name: 'web:logic',
          root: 'apps/web',
          include: ['src/**/*.test.ts'],
          environment: 'jsdom',
        },
      },
      {
        extends: true,
        test: {
          name: 'int',
          include: intInclude,
          environment: 'node',
          env: { TEST_BACKEND: 'pglite' },
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      ...(hasExternalBackends
        ? [
            {
              extends: true as const,
              test: {
                name: 'int:postgres',
                include: intInclude,
                environment: 'node' as const,
                env: { TEST_BACKEND: 'postgres' },
                testTimeout: 30_000,
                hookTimeout: 60_000,
              },
            },
          ]
        : []),
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['e2e/**/*.spec.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
