import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/test-db.js';
import { createAuditRepo } from '../modules/audit/audit.repo.js';
import { createAuditService } from '../modules/audit/audit.service.js';
import { runAuditVerify } from './audit-verify.js';

describe('npm run audit:verify', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase();
    const audit = createAuditService({ repo: createAuditRepo(database.db), now: () => new Date() });
    for (const action of ['test.one', 'test.two', 'test.three']) await audit.record({ action, data: { n: action } });
  });

  afterAll(async () => {
    await database.close();
  });

  it('reports an intact chain and exits 0', async () => {
    const lines: string[] = [];
    expect(await runAuditVerify(database, (l) => lines.push(l))).toBe(0);
    expect(lines).toEqual(['audit log OK: 3 events']);
  });

  it('reports the first edited row and exits 1', async () => {
    await database.db.execute(sql`update audit_events set data = '{"n":"tampered"}' where seq = 2`);
    const lines: string[] = [];
    expect(await runAuditVerify(database, (l) => lines.push(l))).toBe(1);
    expect(lines).toEqual(['audit log BROKEN at seq 2']);
  });
});
