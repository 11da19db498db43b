import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createDatabase, createMemoryDatabase, type Database } from '../src/platform/db.js';
import { applyMigrations } from '../src/platform/migrations.js';

/** Which backend this test run targets: vitest's `int` project sets pglite, `int:postgres` sets postgres. */
export function testBackend(): 'pglite' | 'postgres' {
  return process.env.TEST_BACKEND === 'postgres' ? 'postgres' : 'pglite';
}

/** The machine's PostgreSQL for `int:postgres` (CI sets DATABASE_URL). */
export function testPostgresUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('TEST_BACKEND=postgres needs DATABASE_URL to point at a PostgreSQL server');
  return url;
}

/** The machine's Redis for `int:postgres` (CI sets REDIS_URL). */
export function testRedisUrl(): string | undefined {
  return testBackend() === 'postgres' ? process.env.REDIS_URL : undefined;
}

export type TestDatabase = Database & {
  /** PostgreSQL URL of this test's private database (postgres backend only). */
  url?: string;
};

/**
 * A fresh (by default migrated) database private to the calling test file: in-memory
 * PGlite, or a new database on the machine's PostgreSQL that close() drops.
 */
export async function createTestDatabase(opts: { migrate?: boolean } = {}): Promise<TestDatabase> {
  const migrate = opts.migrate ?? true;
  if (testBackend() === 'pglite') {
    const database = await createMemoryDatabase();
    if (migrate) await applyMigrations(database);
    return database;
  }
  const adminUrl = testPostgresUrl();
  const name = `isel_test_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = await createDatabase({ kind: 'postgres', url: url.toString(), poolMax: 10 });
  if (migrate) await applyMigrations(database);
  return {
    ...database,
    url: url.toString(),
    async close() {
      await database.close();
      const dropper = new pg.Client({ connectionString: adminUrl });
      await dropper.connect();
      await dropper.query(`drop database if exists ${name} with (force)`);
      await dropper.end();
    },
  };
}
