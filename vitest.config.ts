import path from 'node:path';
import { defineConfig } from 'vitest/config';

/**
 * Test tiers (see README "Tests"):
 * - unit:        *.test.ts(x) next to the code, nothing outside the process
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
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'web',
          root: 'apps/web',
          include: ['src/**/*.test.{ts,tsx}'],
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
