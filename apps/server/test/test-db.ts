import { createHash, randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { createDatabase, createMemoryDatabase, type Database } from '../src/platform/db.js';
import { applyMigrations } from '../src/platform/migrations.js';
import { migrationsFolder } from '../src/platform/package-root.js';

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
 *
 * Migrating from scratch costs ~1.5 s on PGlite (initdb alone is ~1.1 s), paid by every
 * test file. So the migrated state is made once per set of migrations and copied:
 * PGlite loads a dumped data directory (~0.3 s), PostgreSQL clones a template database.
 * The copy is keyed by a hash of the migration files, so a new migration makes a new one;
 * `migrate: false` still gives an empty database for the migration tests.
 */
export async function createTestDatabase(opts: { migrate?: boolean } = {}): Promise<TestDatabase> {
  const migrate = opts.migrate ?? true;
  if (testBackend() === 'pglite') {
    if (!migrate) return createMemoryDatabase();
    return createMemoryDatabase(await migratedPgliteImage());
  }
  const adminUrl = testPostgresUrl();
  const name = `isel_test_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  await withAdmin(adminUrl, async (admin) => {
    if (!migrate) return admin.query(`create database ${name}`);
    try {
      return await admin.query(`create database ${name} template ${await migratedPostgresTemplate(adminUrl)}`);
    } catch (error) {
      // Another checkout with other migrations may have replaced the template meanwhile: build it again.
      if ((error as { code?: string }).code !== '3D000') throw error;
      return admin.query(`create database ${name} template ${await migratedPostgresTemplate(adminUrl)}`);
    }
  });
  const database = await createDatabase({ kind: 'postgres', url: databaseUrl(adminUrl, name), poolMax: 10 });
  return {
    ...database,
    url: databaseUrl(adminUrl, name),
    async close() {
      await database.close();
      await withAdmin(adminUrl, (admin) => admin.query(`drop database if exists ${name} with (force)`));
    },
  };
}

let cachedKey: string | undefined;

/** A short hash of every migration file's name and content (read once per test process). */
function migrationsKey(): string {
  cachedKey ??= hashMigrations();
  return cachedKey;
}

function hashMigrations(): string {
  const folder = migrationsFolder();
  const hash = createHash('sha256');
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else hash.update(path.relative(folder, full)).update('\0').update(readFileSync(full)).update('\0');
    }
  };
  walk(folder);
  return hash.digest('hex').slice(0, 16);
}

/** The migrated PGlite data directory, dumped once per set of migrations (shared by test workers through a file). */
async function migratedPgliteImage(): Promise<Blob> {
  const prefix = 'isel-test-pglite-';
  const file = path.join(os.tmpdir(), `${prefix}${migrationsKey()}.tar`);
  try {
    return new Blob([readFileSync(file)]);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const database = await createMemoryDatabase();
  try {
    await applyMigrations(database);
    const image = Buffer.from(await (await database.client.dumpDataDir('none')).arrayBuffer());
    const partial = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
    writeFileSync(partial, image);
    renameSync(partial, file); // atomic: a concurrent worker reads a whole image or builds its own
    // Images of older migration sets (43 MB each) are not needed any more.
    for (const name of readdirSync(os.tmpdir()))
      if (name.startsWith(prefix) && name.endsWith('.tar') && path.join(os.tmpdir(), name) !== file)
        rmSync(path.join(os.tmpdir(), name), { force: true });
    return new Blob([image]);
  } finally {
    await database.close();
  }
}

/** Key of the advisory lock under which one worker builds the template database. */
const TEMPLATE_LOCK_KEY = 0x6973656c746d70n;

/** The name of a migrated template database on the server, built once per set of migrations. */
async function migratedPostgresTemplate(adminUrl: string): Promise<string> {
  const template = `isel_template_${migrationsKey()}`;
  await withAdmin(adminUrl, async (admin) => {
    await admin.query('select pg_advisory_lock($1)', [TEMPLATE_LOCK_KEY.toString()]);
    try {
      const found = await admin.query('select 1 from pg_database where datname = $1', [template]);
      if (found.rowCount) return;
      const building = `${template}_building`;
      await admin.query(`drop database if exists ${building} with (force)`);
      await admin.query(`create database ${building}`);
      const database = await createDatabase({ kind: 'postgres', url: databaseUrl(adminUrl, building), poolMax: 2 });
      try {
        await applyMigrations(database);
      } finally {
        await database.close();
      }
      await admin.query(`alter database ${building} rename to ${template}`);
      // Templates of older migration sets are no longer used by anyone.
      const stale = await admin.query<{ datname: string }>(
        "select datname from pg_database where datname like 'isel\\_template\\_%' and datname <> $1",
        [template],
      );
      for (const row of stale.rows) await admin.query(`drop database if exists ${row.datname} with (force)`);
    } finally {
      await admin.query('select pg_advisory_unlock($1)', [TEMPLATE_LOCK_KEY.toString()]);
    }
  });
  return template;
}

async function withAdmin<T>(adminUrl: string, fn: (admin: pg.Client) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    return await fn(admin);
  } finally {
    await admin.end();
  }
}

function databaseUrl(adminUrl: string, name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
