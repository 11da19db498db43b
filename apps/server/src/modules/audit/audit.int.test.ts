import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/test-db.js';
import { queryRows } from '../../platform/db.js';
import { createAuditRepo } from './audit.repo.js';
import { createAuditService, type AuditService } from './audit.service.js';

describe('audit log', () => {
  let database: TestDatabase;
  let audit: AuditService;
  beforeAll(async () => {
    database = await createTestDatabase();
    audit = createAuditService({ repo: createAuditRepo(database.db), now: () => new Date() });
  });
  afterAll(async () => {
    await database.close();
  });

  it('chains concurrent appends without gaps and verifies', async () => {
    await Promise.all(
      Array.from({ length: 20 }, (_, i) => audit.record({ action: 'test.event', data: { i, nested: { b: 1, a: 2 } } })),
    );
    const result = await audit.verifyChain();
    expect(result).toEqual({ ok: true, count: 20 });
    const rows = await queryRows<{ seq: string | number }>(database.db, sql`select seq from audit_events order by seq`);
    expect(rows.map((r) => Number(r.seq))).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });

  it('detects an edited event', async () => {
    await database.db.execute(sql`update audit_events set data = '{"i": 999}'::jsonb where seq = 5`);
    expect(await audit.verifyChain()).toEqual({ ok: false, brokenAtSeq: 5 });
  });
});
