import { desc, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db.js';
import { auditEvents, type AuditEventRow } from './audit.tables.js';

export type AuditRepo = ReturnType<typeof createAuditRepo>;

/** "isel:audit" — serialises appends so each event chains onto the true previous one. */
const AUDIT_CHAIN_LOCK = 0x6973656c617564n;

export type NewAuditEvent = Omit<AuditEventRow, 'id' | 'seq' | 'prevHash' | 'hash' | 'createdAt'> & { createdAt: Date };

export function createAuditRepo(db: Db) {
  return {
    /**
     * Appends one event inside a transaction holding a transaction-scoped
     * advisory lock: read the chain head, compute the hash, insert.
     */
    async append(event: NewAuditEvent, hashOf: (prevHash: string, seq: number) => string): Promise<AuditEventRow> {
      return db.transaction(async (tx) => {
        await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK.toString()}::bigint)`);
        const [head] = await tx
          .select({ seq: auditEvents.seq, hash: auditEvents.hash })
          .from(auditEvents)
          .orderBy(desc(auditEvents.seq))
          .limit(1);
        const seq = (head?.seq ?? 0) + 1;
        const prevHash = head?.hash ?? '';
        const [row] = await tx
          .insert(auditEvents)
          .values({ ...event, seq, prevHash, hash: hashOf(prevHash, seq) })
          .returning();
        if (!row) throw new Error('audit insert returned no row');
        return row;
      });
    },
    async listInOrder(): Promise<AuditEventRow[]> {
      return db.select().from(auditEvents).orderBy(auditEvents.seq);
    },
  };
}
