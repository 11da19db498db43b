import type { FastifyInstance } from 'fastify';
import { buildApp, type AppDeps } from '../src/app.js';
import { loadConfig, type Config } from '../src/config.js';
import type { Database } from '../src/platform/db.js';

/** A Config for tests: defaults plus overrides, never read from the real environment. */
export function testConfig(env: Record<string, string> = {}): Config {
  return loadConfig({
    DATA_DIR: '/nonexistent/isel-test',
    LOG_LEVEL: 'silent',
    WEB_DIST_DIR: '/nonexistent/web',
    ...env,
  });
}

/** buildApp over the given database with a quiet logger; call app.close() in afterAll. */
export function createTestApp(
  database: Database,
  env: Record<string, string> = {},
  extra: Partial<Omit<AppDeps, 'config' | 'database'>> = {},
): Promise<FastifyInstance> {
  return buildApp({ config: testConfig(env), database, logger: false, ...extra });
}
