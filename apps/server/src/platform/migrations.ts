import { readFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { queryRows, type Database } from './db.js';
import { migrationsFolder } from './package-root.js';

/** Advisory-lock key shared by every node: "isel:migrate" as a 63-bit number. */
const MIGRATION_LOCK_KEY = 0x6973656c6d6967n;

interface Journal {
  entries: { idx: number; tag: string; when: number }[];
}

function readJournal(folder: string): Journal {
  return JSON.parse(readFileSync(path.join(folder, 'meta', '_journal.json'), 'utf8')) as Journal;
}

/**
 * Applies pending migrations while holding a cluster-wide advisory lock, so
 * two nodes starting together apply each migration exactly once: the second
 * waits, then finds nothing left to do.
 */
export async function applyMigrations(database: Database, folder = migrationsFolder()): Promise<{ applied: number }> {
  return database.withAdvisoryLock(MIGRATION_LOCK_KEY, async () => {
    const before = await countApplied(database);
    await database.runMigrator(folder);
    const after = await countApplied(database);
    return { applied: after - before };
  });
}

/** Number of migrations in the folder that the database has not applied. */
export async function countPendingMigrations(database: Database, folder = migrationsFolder()): Promise<number> {
  const expected = readJournal(folder).entries.length;
  return Math.max(0, expected - (await countApplied(database)));
}

async function countApplied(database: Database): Promise<number> {
  const [exists] = await queryRows<{ present: boolean }>(
    database.db,
    sql`select to_regclass('drizzle.__drizzle_migrations') is not null as present`,
  );
  if (!exists?.present) return 0;
  const [row] = await queryRows<{ n: number }>(
    database.db,
    sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
  );
  return row?.n ?? 0;
}
