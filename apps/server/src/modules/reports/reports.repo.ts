import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../platform/db.js';
import { executions, executionTests } from '../executions/executions.tables.js';
import { interviews } from '../interviews/interviews.tables.js';
import { roomUpdates } from '../rooms/rooms.tables.js';
import { users } from '../users/users.tables.js';
import { reportNarratives } from './reports.tables.js';

export type NarrativeRow = typeof reportNarratives.$inferSelect;

export type ReportsRepo = ReturnType<typeof createReportsRepo>;

/** The report's read model over other modules' tables (read only). */
export function createReportsRepo(db: Db) {
  return {
    /** Every run made in the interview's room, oldest first, with per-test verdicts and timings (no I/O). */
    async runs(interviewId: string) {
      const rows = await db
        .select({
          id: executions.id,
          createdAt: executions.createdAt,
          mode: executions.mode,
          language: executions.language,
          status: executions.status,
          verdict: executions.verdict,
          detail: executions.detail,
          testsPassed: executions.testsPassed,
          testsTotal: executions.testsTotal,
          cpuMs: executions.cpuMs,
          wallMs: executions.wallMs,
          memoryKb: executions.memoryKb,
          problemVersionId: executions.problemVersionId,
        })
        .from(executions)
        .where(eq(executions.interviewId, interviewId))
        .orderBy(asc(executions.createdAt), asc(executions.id));
      const tests = rows.length
        ? await db
            .select({
              executionId: executionTests.executionId,
              ordinal: executionTests.ordinal,
              hidden: executionTests.hidden,
              verdict: executionTests.verdict,
              detail: executionTests.detail,
              cpuMs: executionTests.cpuMs,
              wallMs: executionTests.wallMs,
            })
            .from(executionTests)
            .where(
              inArray(
                executionTests.executionId,
                rows.map((r) => r.id),
              ),
            )
            .orderBy(asc(executionTests.executionId), asc(executionTests.ordinal))
        : [];
      return { rows, tests };
    },

    /** When each update of the shared room document was made, and by which participant (content not read). */
    async updateTimes(interviewId: string): Promise<{ at: Date; actor: string | null }[]> {
      return db
        .select({ at: roomUpdates.at, actor: roomUpdates.actor })
        .from(roomUpdates)
        .where(and(eq(roomUpdates.interviewId, interviewId), eq(roomUpdates.doc, 'room')))
        .orderBy(asc(roomUpdates.seq));
    },

    /** The narrative, with the name of who last saved it. */
    async narrative(interviewId: string): Promise<(NarrativeRow & { updatedByName: string | null }) | null> {
      const [row] = await db
        .select({ narrative: reportNarratives, updatedByName: users.name })
        .from(reportNarratives)
        .leftJoin(users, eq(users.id, reportNarratives.updatedBy))
        .where(eq(reportNarratives.interviewId, interviewId));
      return row ? { ...row.narrative, updatedByName: row.updatedByName } : null;
    },

    async orgOf(interviewId: string): Promise<string | null> {
      const [row] = await db.select({ orgId: interviews.orgId }).from(interviews).where(eq(interviews.id, interviewId));
      return row?.orgId ?? null;
    },

    /** Inserts or replaces the interview's narrative. */
    async saveNarrative(row: NarrativeRow): Promise<NarrativeRow> {
      const { interviewId, ...rest } = row;
      const [saved] = await db
        .insert(reportNarratives)
        .values(row)
        .onConflictDoUpdate({ target: reportNarratives.interviewId, set: rest })
        .returning();
      if (!saved) throw new Error(`narrative of ${interviewId} was not saved`);
      return saved;
    },
  };
}
