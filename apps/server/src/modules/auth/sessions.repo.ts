import { and, desc, eq, gt, ne } from 'drizzle-orm';
import type { Db } from '../../platform/db.js';
import { orgMembers, orgs } from '../orgs/orgs.tables.js';
import { users, type UserRow } from '../users/users.tables.js';
import { sessions } from './auth.tables.js';
import { userTotp } from './auth.tables.js';

export type SessionsRepo = ReturnType<typeof createSessionsRepo>;
export type SessionRow = typeof sessions.$inferSelect;

export interface SessionWithUser {
  session: SessionRow;
  user: UserRow;
  memberships: { orgId: string; orgName: string; orgSlug: string; role: (typeof orgMembers.$inferSelect)['role'] }[];
  totpEnabled: boolean;
}

export function createSessionsRepo(db: Db) {
  return {
    async insert(values: typeof sessions.$inferInsert): Promise<SessionRow> {
      const [row] = await db.insert(sessions).values(values).returning();
      if (!row) throw new Error('session insert returned no row');
      return row;
    },

    /** The live session for a token hash with its user, memberships and 2FA state, or null. */
    async findLive(tokenHash: string, now: Date): Promise<SessionWithUser | null> {
      const [row] = await db
        .select({ session: sessions, user: users, totpEnabledAt: userTotp.enabledAt })
        .from(sessions)
        .innerJoin(users, eq(users.id, sessions.userId))
        .leftJoin(userTotp, eq(userTotp.userId, users.id))
        .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, now)))
        .limit(1);
      if (!row) return null;
      const memberships = await db
        .select({ orgId: orgs.id, orgName: orgs.name, orgSlug: orgs.slug, role: orgMembers.role })
        .from(orgMembers)
        .innerJoin(orgs, eq(orgs.id, orgMembers.orgId))
        .where(eq(orgMembers.userId, row.user.id))
        .orderBy(orgs.name);
      return { session: row.session, user: row.user, memberships, totpEnabled: row.totpEnabledAt !== null };
    },

    async touch(id: string, now: Date): Promise<void> {
      await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, id));
    },

    async setActiveOrg(id: string, orgId: string | null): Promise<void> {
      await db.update(sessions).set({ activeOrgId: orgId }).where(eq(sessions.id, id));
    },

    async listForUser(userId: string, now: Date): Promise<SessionRow[]> {
      return db
        .select()
        .from(sessions)
        .where(and(eq(sessions.userId, userId), gt(sessions.expiresAt, now)))
        .orderBy(desc(sessions.lastSeenAt));
    },

    /** Deletes and returns the token hashes removed (so caches can be invalidated). */
    async deleteById(userId: string, id: string): Promise<string[]> {
      const rows = await db
        .delete(sessions)
        .where(and(eq(sessions.userId, userId), eq(sessions.id, id)))
        .returning({ tokenHash: sessions.tokenHash });
      return rows.map((r) => r.tokenHash);
    },

    async deleteAllForUser(userId: string, exceptId?: string): Promise<string[]> {
      const rows = await db
        .delete(sessions)
        .where(exceptId ? and(eq(sessions.userId, userId), ne(sessions.id, exceptId)) : eq(sessions.userId, userId))
        .returning({ tokenHash: sessions.tokenHash });
      return rows.map((r) => r.tokenHash);
    },
  };
}
