import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { citext } from '@electric-sql/pglite/contrib/citext';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { sql, type SQL } from 'drizzle-orm';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import type { Config } from '../config.js';
import * as schema from '../db/schema.js';
import { redactUrl } from './redact-url.js';

/** The typed Drizzle handle every repo receives; the same type for both drivers. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

/**
 * Runs raw SQL and returns its rows. Both drivers' results carry `rows`, but
 * the shared PgDatabase type cannot say so, hence the one cast here.
 */
export async function queryRows<T>(db: Db, query: SQL): Promise<T[]> {
  const result: unknown = await db.execute(query);
  return (result as { rows: T[] }).rows;
}

/**
 * A fixed statement sent straight to the driver, skipping Drizzle's query
 * building: for the hot paths where that per-call cost shows (the room edit
 * log's INSERT). On PostgreSQL it is a named prepared statement, parsed and
 * planned once per connection. Parameters go as the drivers take them.
 */
export async function execPrepared(db: Db, statement: { name: string; text: string }, params: unknown[]) {
  const client = (db as unknown as { $client: pg.Pool | PGlite }).$client;
  if (client instanceof pg.Pool) await client.query({ name: statement.name, text: statement.text, values: params });
  else await client.query(statement.text, params);
}

export interface PoolStats {
  total: number;
  idle: number;
  waiting: number;
}

/**
 * The database as the rest of the server sees it: a Drizzle handle plus the
 * few operations that differ between embedded PGlite and PostgreSQL.
 */
export interface Database {
  readonly kind: 'pglite' | 'postgres';
  readonly db: Db;
  /** Round-trips a trivial query; throws when the database is unreachable. */
  ping(): Promise<void>;
  /** Connection pool figures for metrics (PGlite has a single in-process connection). */
  poolStats(): PoolStats;
  /**
   * Runs fn while holding a session-level advisory lock, so concurrent nodes
   * serialise on it (migrations, demo seeding).
   */
  withAdvisoryLock<T>(key: bigint, fn: () => Promise<T>): Promise<T>;
  /** Applies the drizzle-kit migrations in folder that are not applied yet (callers hold the lock). */
  runMigrator(migrationsFolder: string): Promise<void>;
  close(): Promise<void>;
}

export function createDatabase(config: Config['database']): Promise<Database> {
  return config.kind === 'postgres' ? createPostgres(config.url, config.poolMax) : createPglite(config.dataDir);
}

async function createPostgres(url: string, poolMax: number): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: poolMax, connectionTimeoutMillis: 5000 });
  // An idle client that errors (server restart) must not crash the process.
  pool.on('error', () => undefined);
  const db = drizzleNodePg(pool, { schema, casing: 'snake_case' });
  try {
    const client = await pool.connect();
    client.release();
  } catch (error) {
    await pool.end();
    throw new Error(`Cannot connect to DATABASE_URL (${redactUrl(url)}): ${(error as Error).message}`, {
      cause: error,
    });
  }
  return {
    kind: 'postgres',
    db,
    async ping() {
      await pool.query('select 1');
    },
    poolStats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
    async withAdvisoryLock(key, fn) {
      const client = await pool.connect();
      try {
        await client.query('select pg_advisory_lock($1)', [key.toString()]);
        try {
          return await fn();
        } finally {
          await client.query('select pg_advisory_unlock($1)', [key.toString()]);
        }
      } finally {
        client.release();
      }
    },
    runMigrator: (migrationsFolder) => migrateNodePg(db, { migrationsFolder }),
    async close() {
      await pool.end();
    },
  };
}

/** PGlite is single-process: a pid file stops a second server from opening the same directory. */
function claimDataDir(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const pidFile = path.join(dataDir, '..', 'pglite.pid');
  try {
    const owner = Number(readFileSync(pidFile, 'utf8'));
    if (owner && owner !== process.pid && isAlive(owner)) {
      throw new Error(
        `The embedded database in ${dataDir} is in use by another process (pid ${owner}). ` +
          'Stop that server, or set DATA_DIR to another directory, or set DATABASE_URL to share a PostgreSQL database.',
      );
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  writeFileSync(pidFile, String(process.pid));
  return () => rmSync(pidFile, { force: true });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const pgliteExtensions = { citext, pg_trgm, btree_gist };

/** In-memory PGlite for tests, optionally starting from a dumped data directory. */
export async function createMemoryDatabase(loadDataDir?: Blob): Promise<Database & { client: PGlite }> {
  const client = await PGlite.create({ extensions: pgliteExtensions, ...(loadDataDir ? { loadDataDir } : {}) });
  return wrapPglite(client, () => undefined);
}

async function createPglite(dataDir: string): Promise<Database> {
  const release = claimDataDir(dataDir);
  try {
    const client = await PGlite.create({ dataDir, extensions: pgliteExtensions });
    return wrapPglite(client, release);
  } catch (error) {
    release();
    throw error;
  }
}

function wrapPglite(client: PGlite, release: () => void): Database & { client: PGlite } {
  const db = drizzlePglite(client, { schema, casing: 'snake_case' });
  const locks = new Map<bigint, Promise<void>>();
  return {
    kind: 'pglite',
    client,
    db,
    async ping() {
      await db.execute(sql`select 1`);
    },
    poolStats: () => ({ total: 1, idle: 1, waiting: 0 }),
    // One process owns a PGlite directory; an in-process queue per key serialises callers within it.
    withAdvisoryLock: (key, fn) => {
      const previous = locks.get(key) ?? Promise.resolve();
      const run = previous.then(fn, fn);
      locks.set(
        key,
        run.then(
          () => undefined,
          () => undefined,
        ),
      );
      return run;
    },
    runMigrator: (migrationsFolder) => migratePglite(db, { migrationsFolder }),
    async close() {
      await client.close();
      release();
    },
  };
}
