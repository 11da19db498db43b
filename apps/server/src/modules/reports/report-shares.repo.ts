import { and, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db.js';
import { interviews } from '../interviews/interviews.tables.js';
import { users } from '../users/users.tables.js';
import { interviewReleases, reportShares } from './reports.tables.js';

export type ReportSharesRepo = ReturnType<typeof createReportSharesRepo>;
export type ReportShareRow = typeof reportShares.$inferSelect;
export type ReleaseRow = typeof interviewReleases.$inferSelect;

const shareColumns = {
  id: reportShares.id,
  interviewId: reportShares.interviewId,
  label: reportShares.label,
  includeReplay: reportShares.includeReplay,
  expiresAt: reportShares.expiresAt,
  revokedAt: reportShares.revokedAt,
  createdAt: reportShares.createdAt,
  lastOpenedAt: reportShares.lastOpenedAt,
  openCount: reportShares.openCount,
  createdBy: users.name,
};

/** Share links of reports and the releases to candidates. */
export function createReportSharesRepo(db: Db) {
  return {
    async insertShare(values: typeof reportShares.$inferInsert) {
      const [row] = await db.insert(reportShares).values(values).returning({ id: reportShares.id });
      if (!row) throw new Error('report share insert returned no row');
      return row.id;
    },

    listShares(interviewId: string) {
      return db
        .select(shareColumns)
        .from(reportShares)
        .leftJoin(users, eq(users.id, reportShares.createdBy))
        .where(eq(reportShares.interviewId, interviewId))
        .orderBy(desc(reportShares.createdAt), desc(reportShares.id));
    },

    async share(id: string) {
      const [row] = await db
        .select(shareColumns)
        .from(reportShares)
        .leftJoin(users, eq(users.id, reportShares.createdBy))
        .where(eq(reportShares.id, id));
      return row ?? null;
    },

    /** Counts one opening of a share. */
    async countOpening(id: string, at: Date): Promise<void> {
      await db
        .update(reportShares)
        .set({ lastOpenedAt: at, openCount: sql`${reportShares.openCount} + 1` })
        .where(eq(reportShares.id, id));
    },

    /** The share of a token hash and its interview's organisation, without counting the opening. */
    async byToken(tokenHash: string) {
      const [row] = await db
        .select({ share: reportShares, orgId: interviews.orgId, sharedBy: users.name })
        .from(reportShares)
        .innerJoin(interviews, eq(interviews.id, reportShares.interviewId))
        .leftJoin(users, eq(users.id, reportShares.createdBy))
        .where(eq(reportShares.tokenHash, tokenHash));
      return row ?? null;
    },

    async revoke(id: string, at: Date): Promise<boolean> {
      const rows = await db
        .update(reportShares)
        .set({ revokedAt: at })
        .where(and(eq(reportShares.id, id), sql`${reportShares.revokedAt} is null`))
        .returning({ id: reportShares.id });
      return rows.length > 0;
    },

    async release(interviewId: string) {
      const [row] = await db
        .select({ release: interviewReleases, releasedByName: users.name })
        .from(interviewReleases)
        .leftJoin(users, eq(users.id, interviewReleases.releasedBy))
        .where(eq(interviewReleases.interviewId, interviewId));
      return row ?? null;
    },

    async upsertRelease(values: typeof interviewReleases.$inferInsert): Promise<void> {
      await db
        .insert(interviewReleases)
        .values(values)
        .onConflictDoUpdate({
          target: interviewReleases.interviewId,
          set: {
            feedback: values.feedback,
            includeCode: values.includeCode,
            includeSolution: values.includeSolution,
            code: values.code,
            solutions: values.solutions,
            releasedBy: values.releasedBy,
            releasedAt: values.releasedAt,
          },
        });
    },

    async withdrawRelease(interviewId: string): Promise<boolean> {
      const rows = await db
        .delete(interviewReleases)
        .where(eq(interviewReleases.interviewId, interviewId))
        .returning({ id: interviewReleases.interviewId });
      return rows.length > 0;
    },
  };
}
