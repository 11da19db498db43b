import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../platform/db.js';
import { candidates, interviews } from '../interviews/interviews.tables.js';
import { orgs } from '../orgs/orgs.tables.js';
import { schedulingLinks, schedulingSettings } from './scheduling.tables.js';

export type SchedulingLinksRepo = ReturnType<typeof createSchedulingLinksRepo>;
export type SchedulingLinkRow = typeof schedulingLinks.$inferSelect;

/** SQL of self-scheduling links and of the org's scheduling settings. */
export function createSchedulingLinksRepo(db: Db) {
  return {
    async insert(values: typeof schedulingLinks.$inferInsert): Promise<SchedulingLinkRow> {
      const [row] = await db.insert(schedulingLinks).values(values).returning();
      if (!row) throw new Error('insert returned no row');
      return row;
    },

    async list(interviewId: string): Promise<SchedulingLinkRow[]> {
      return db
        .select()
        .from(schedulingLinks)
        .where(eq(schedulingLinks.interviewId, interviewId))
        .orderBy(desc(schedulingLinks.createdAt));
    },

    async revoke(interviewId: string, linkId: string, at: Date): Promise<SchedulingLinkRow | null> {
      await db
        .update(schedulingLinks)
        .set({ revokedAt: at })
        .where(
          and(
            eq(schedulingLinks.id, linkId),
            eq(schedulingLinks.interviewId, interviewId),
            isNull(schedulingLinks.revokedAt),
          ),
        );
      const [row] = await db
        .select()
        .from(schedulingLinks)
        .where(and(eq(schedulingLinks.id, linkId), eq(schedulingLinks.interviewId, interviewId)));
      return row ?? null;
    },

    async findByHash(tokenHash: string): Promise<SchedulingLinkRow | null> {
      const [row] = await db.select().from(schedulingLinks).where(eq(schedulingLinks.tokenHash, tokenHash));
      return row ?? null;
    },

    async orgName(orgId: string): Promise<string> {
      const [row] = await db.select({ name: orgs.name }).from(orgs).where(eq(orgs.id, orgId));
      return row?.name ?? '';
    },

    async settings(orgId: string): Promise<{ candidateMayReschedule: boolean }> {
      const [row] = await db.select().from(schedulingSettings).where(eq(schedulingSettings.orgId, orgId));
      return { candidateMayReschedule: row?.candidateMayReschedule ?? false };
    },

    /** Remembers the zone the interview's candidate picks slots in (their e-mails use it). */
    async setCandidateTimeZone(interviewId: string, timeZone: string): Promise<void> {
      const [row] = await db
        .select({ candidateId: interviews.candidateId })
        .from(interviews)
        .where(eq(interviews.id, interviewId));
      if (row?.candidateId) await db.update(candidates).set({ timeZone }).where(eq(candidates.id, row.candidateId));
    },

    async saveSettings(orgId: string, value: { candidateMayReschedule: boolean }): Promise<void> {
      await db
        .insert(schedulingSettings)
        .values({ orgId, ...value })
        .onConflictDoUpdate({ target: schedulingSettings.orgId, set: value });
    },
  };
}
