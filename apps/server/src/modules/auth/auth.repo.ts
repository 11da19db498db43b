import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db.js';
import { authThrottle, recoveryCodes, userTokens, userTotp, type USER_TOKEN_KINDS } from './auth.tables.js';

export type AuthRepo = ReturnType<typeof createAuthRepo>;
export type UserTokenKind = (typeof USER_TOKEN_KINDS)[number];
export type UserTokenRow = typeof userTokens.$inferSelect;

export function createAuthRepo(db: Db) {
  return {
    async insertToken(values: typeof userTokens.$inferInsert): Promise<void> {
      await db.insert(userTokens).values(values);
    },

    /**
     * Marks a live token of this kind used and returns it, atomically: of two
     * concurrent redemptions only one gets the row (single use).
     */
    async consumeToken(kind: UserTokenKind, tokenHash: string, now: Date): Promise<UserTokenRow | null> {
      const [row] = await db
        .update(userTokens)
        .set({ usedAt: now })
        .where(
          and(
            eq(userTokens.kind, kind),
            eq(userTokens.tokenHash, tokenHash),
            isNull(userTokens.usedAt),
            gt(userTokens.expiresAt, now),
          ),
        )
        .returning();
      return row ?? null;
    },

    /** Invalidates outstanding tokens of a kind (a new reset link voids older ones). */
    async voidTokens(userId: string, kind: UserTokenKind, now: Date): Promise<void> {
      await db
        .update(userTokens)
        .set({ usedAt: now })
        .where(and(eq(userTokens.userId, userId), eq(userTokens.kind, kind), isNull(userTokens.usedAt)));
    },

    async getThrottle(key: string): Promise<{ failures: number; lockedUntil: Date | null } | null> {
      const [row] = await db.select().from(authThrottle).where(eq(authThrottle.key, key));
      return row ? { failures: row.failures, lockedUntil: row.lockedUntil } : null;
    },

    /** Adds one failure and returns the new count (upsert, safe under concurrency). */
    async addFailure(key: string, now: Date, windowMs: number, lockFor: (failures: number) => number): Promise<number> {
      // A streak older than the window starts again at 1 rather than punishing a typo made hours later.
      const windowStart = new Date(now.getTime() - windowMs);
      const [row] = await db
        .insert(authThrottle)
        .values({ key, failures: 1, updatedAt: now })
        .onConflictDoUpdate({
          target: authThrottle.key,
          set: {
            failures: sql`case when ${authThrottle.updatedAt} < ${windowStart} then 1 else ${authThrottle.failures} + 1 end`,
            updatedAt: now,
          },
        })
        .returning({ failures: authThrottle.failures });
      const failures = row?.failures ?? 1;
      const lockMs = lockFor(failures);
      if (lockMs > 0) {
        await db
          .update(authThrottle)
          .set({ lockedUntil: new Date(now.getTime() + lockMs) })
          .where(eq(authThrottle.key, key));
      }
      return failures;
    },

    async clearThrottle(key: string): Promise<void> {
      await db.delete(authThrottle).where(eq(authThrottle.key, key));
    },

    async getTotp(userId: string) {
      const [row] = await db.select().from(userTotp).where(eq(userTotp.userId, userId));
      return row ?? null;
    },

    async upsertPendingTotp(userId: string, secret: string): Promise<void> {
      await db
        .insert(userTotp)
        .values({ userId, secret })
        .onConflictDoUpdate({ target: userTotp.userId, set: { secret, enabledAt: null, lastUsedStep: null } });
    },

    /** Records the accepted step only if it is newer than the last one (replay protection). */
    async advanceTotpStep(userId: string, step: number): Promise<boolean> {
      const rows = await db
        .update(userTotp)
        .set({ lastUsedStep: step })
        .where(
          and(
            eq(userTotp.userId, userId),
            sql`(${userTotp.lastUsedStep} is null or ${userTotp.lastUsedStep} < ${step})`,
          ),
        )
        .returning({ userId: userTotp.userId });
      return rows.length === 1;
    },

    async enableTotp(userId: string, now: Date, codeHashes: string[]): Promise<void> {
      await db.transaction(async (tx) => {
        await tx.update(userTotp).set({ enabledAt: now }).where(eq(userTotp.userId, userId));
        await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
        await tx.insert(recoveryCodes).values(codeHashes.map((codeHash) => ({ userId, codeHash })));
      });
    },

    async disableTotp(userId: string): Promise<void> {
      await db.transaction(async (tx) => {
        await tx.delete(userTotp).where(eq(userTotp.userId, userId));
        await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
      });
    },

    async useRecoveryCode(userId: string, codeHash: string, now: Date): Promise<boolean> {
      const rows = await db
        .update(recoveryCodes)
        .set({ usedAt: now })
        .where(
          and(eq(recoveryCodes.userId, userId), eq(recoveryCodes.codeHash, codeHash), isNull(recoveryCodes.usedAt)),
        )
        .returning({ userId: recoveryCodes.userId });
      return rows.length === 1;
    },
  };
}
