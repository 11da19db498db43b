import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/test-db.js';
import { queryRows } from './db.js';
import { applyMigrations, countPendingMigrations } from './migrations.js';

describe('migrations', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database.close();
  });

  it('leaves nothing pending and is idempotent', async () => {
    expect(await countPendingMigrations(database)).toBe(0);
    expect(await applyMigrations(database)).toEqual({ applied: 0 });
  });

  it('loads citext, pg_trgm and btree_gist', async () => {
    const rows = await queryRows<{ extname: string }>(
      database.db,
      sql`select extname from pg_extension order by extname`,
    );
    expect(rows.map((r) => r.extname)).toEqual(expect.arrayContaining(['btree_gist', 'citext', 'pg_trgm']));
  });

  it('compares user e-mails case-insensitively', async () => {
    await database.db.execute(
      sql`insert into users (id, email, name) values (gen_random_uuid(), 'Ada@Example.com', 'Ada')`,
    );
    const rows = await queryRows<{ name: string }>(
      database.db,
      sql`select name from users where email = 'ada@example.COM'`,
    );
    expect(rows).toEqual([{ name: 'Ada' }]);
    await expect(
      database.db.execute(
        sql`insert into users (id, email, name) values (gen_random_uuid(), 'ADA@example.com', 'Again')`,
      ),
    ).rejects.toThrow();
  });
});

describe('two nodes migrating at once', () => {
  it('applies each migration exactly once when two connections race', async () => {
    const { createTestDatabase: fresh } = await import('../../test/test-db.js');
    const { createDatabase } = await import('./db.js');
    const target = await fresh({ migrate: false });
    // On PostgreSQL a second pool stands for a second node; PGlite has one owner by design.
    const second = target.url ? await createDatabase({ kind: 'postgres', url: target.url, poolMax: 2 }) : target;
    try {
      const results = await Promise.all([applyMigrations(target), applyMigrations(second)]);
      const total = results.reduce((n, r) => n + r.applied, 0);
      expect(await countPendingMigrations(target)).toBe(0);
      const [row] = await queryRows<{ n: number }>(
        target.db,
        sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
      );
      expect(row?.n).toBe(total);
      expect(results.map((r) => r.applied).sort()).toEqual([0, total]);
    } finally {
      if (second !== target) await second.close();
      await target.close();
    }
  });
});
