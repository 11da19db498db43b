import { and, eq } from 'drizzle-orm';
import type { Db } from '../../../platform/db.js';
import { oauthAccounts } from '../auth.tables.js';

export type OidcRepo = ReturnType<typeof createOidcRepo>;
export type OauthAccountRow = typeof oauthAccounts.$inferSelect;

/** Links between an external identity (provider id + subject) and a user. */
export function createOidcRepo(db: Db) {
  return {
    async findLink(provider: string, subject: string): Promise<OauthAccountRow | null> {
      const [row] = await db
        .select()
        .from(oauthAccounts)
        .where(and(eq(oauthAccounts.provider, provider), eq(oauthAccounts.subject, subject)))
        .limit(1);
      return row ?? null;
    },

    /** Idempotent: two racing callbacks for the same identity both end up with the one link. */
    async insertLink(values: typeof oauthAccounts.$inferInsert): Promise<void> {
      await db.insert(oauthAccounts).values(values).onConflictDoNothing();
    },
  };
}
