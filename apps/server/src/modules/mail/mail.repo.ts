import { and, count, desc, eq, lt, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db.js';
import { emailOutbox, type EmailOutboxRow } from './mail.tables.js';

export type MailRepo = ReturnType<typeof createMailRepo>;

export type NewEmail = Pick<EmailOutboxRow, 'to' | 'subject' | 'text' | 'html'> &
  Partial<Pick<EmailOutboxRow, 'calendar'>>;

export function createMailRepo(db: Db) {
  return {
    /** `tx` lets another module store its e-mails in the same transaction as the change they announce. */
    async insert(email: NewEmail, tx: Db = db): Promise<EmailOutboxRow> {
      const [row] = await tx.insert(emailOutbox).values(email).returning();
      if (!row) throw new Error('email_outbox insert returned no row');
      return row;
    },

    async findById(id: string): Promise<EmailOutboxRow | undefined> {
      const [row] = await db.select().from(emailOutbox).where(eq(emailOutbox.id, id));
      return row;
    },

    /** Only a pending row moves to sent; returns false when it was not pending any more. */
    async markSent(id: string, messageId: string): Promise<boolean> {
      const rows = await db
        .update(emailOutbox)
        .set({ status: 'sent', messageId, sentAt: sql`now()`, attempts: sql`${emailOutbox.attempts} + 1` })
        .where(and(eq(emailOutbox.id, id), eq(emailOutbox.status, 'pending')))
        .returning({ id: emailOutbox.id });
      return rows.length > 0;
    },

    /** Counts a failed delivery try; `isFinal` gives up on the message (status failed). */
    async recordFailure(id: string, error: string, isFinal: boolean): Promise<void> {
      await db
        .update(emailOutbox)
        .set({
          lastError: error,
          attempts: sql`${emailOutbox.attempts} + 1`,
          ...(isFinal ? { status: 'failed' as const } : {}),
        })
        .where(and(eq(emailOutbox.id, id), eq(emailOutbox.status, 'pending')));
    },

    /** Newest first; `total` counts every row. */
    async listPage(limit: number, offset: number): Promise<{ rows: EmailOutboxRow[]; total: number }> {
      const rows = await db
        .select()
        .from(emailOutbox)
        .orderBy(desc(emailOutbox.createdAt), desc(emailOutbox.id))
        .limit(limit)
        .offset(offset);
      const [totals] = await db.select({ total: count() }).from(emailOutbox);
      return { rows, total: totals?.total ?? 0 };
    },

    async listPendingIds(createdBefore: Date, limit: number): Promise<string[]> {
      const rows = await db
        .select({ id: emailOutbox.id })
        .from(emailOutbox)
        .where(and(eq(emailOutbox.status, 'pending'), lt(emailOutbox.createdAt, createdBefore)))
        .orderBy(emailOutbox.createdAt)
        .limit(limit);
      return rows.map((r) => r.id);
    },
  };
}
