import { asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../platform/db.js';
import { executions, executionTests } from '../executions/executions.tables.js';

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
  };
}
