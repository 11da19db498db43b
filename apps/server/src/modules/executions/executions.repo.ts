import type { EngineResult } from './execution-engine.js';
import { and, asc, count, desc, eq, gt, inArray, lt, min, or, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db.js';
import { capOutput } from './output-cap.js';
import { executions, executionTests, type ExecutionRow, type ExecutionTestRow } from './executions.tables.js';

export type ExecutionsRepo = ReturnType<typeof createExecutionsRepo>;

/** Executions in a time window: how many, and when the oldest of them started it. */
export interface WindowCount {
  count: number;
  oldest: Date | null;
}

const unfinished = inArray(executions.status, ['pending', 'running']);

export function createExecutionsRepo(db: Db) {
  return {
    async insert(values: typeof executions.$inferInsert): Promise<ExecutionRow> {
      const [row] = await db.insert(executions).values(values).returning();
      if (!row) throw new Error('execution insert returned no row');
      return row;
    },

    async findById(id: string): Promise<{ row: ExecutionRow; tests: ExecutionTestRow[] } | null> {
      const [row] = await db.select().from(executions).where(eq(executions.id, id));
      if (!row) return null;
      const tests = await db
        .select()
        .from(executionTests)
        .where(eq(executionTests.executionId, id))
        .orderBy(asc(executionTests.ordinal));
      return { row, tests };
    },

    listForUser(userId: string, limit: number): Promise<ExecutionRow[]> {
      return db
        .select()
        .from(executions)
        .where(eq(executions.userId, userId))
        .orderBy(desc(executions.createdAt), desc(executions.id))
        .limit(limit);
    },

    /** Executions created since `since` by one user or in one org (rate limits). */
    async countCreatedSince(
      scope: { userId: string } | { participantId: string } | { orgId: string },
      since: Date,
    ): Promise<WindowCount> {
      const owner =
        'userId' in scope
          ? eq(executions.userId, scope.userId)
          : 'participantId' in scope
            ? eq(executions.participantId, scope.participantId)
            : eq(executions.orgId, scope.orgId);
      const [row] = await db
        .select({ count: count(), oldest: min(executions.createdAt) })
        .from(executions)
        .where(and(owner, gt(executions.createdAt, since)));
      return { count: row?.count ?? 0, oldest: row?.oldest ?? null };
    },

    async countPending(): Promise<number> {
      const [row] = await db.select({ count: count() }).from(executions).where(eq(executions.status, 'pending'));
      return row?.count ?? 0;
    },

    /**
     * Marks an unfinished execution running for `attempt` (a retry marks it
     * again). Null when it already finished: the runner must skip it.
     */
    async markRunning(id: string, attempt: number, now: Date): Promise<ExecutionRow | null> {
      const [row] = await db
        .update(executions)
        .set({ status: 'running', attempt, startedAt: now })
        .where(and(eq(executions.id, id), unfinished))
        .returning();
      return row ?? null;
    },

    /**
     * Stores the outcome of an unfinished execution with its tests, outputs
     * capped. The first outcome wins: null when it had already finished (a
     * swept run whose runner came back, a duplicate delivery).
     */
    async finish(id: string, result: EngineResult, now: Date): Promise<ExecutionRow | null> {
      return db.transaction(async (tx) => {
        const [row] = await tx
          .update(executions)
          .set({
            status: result.verdict === 'internal_error' ? 'failed' : 'completed',
            verdict: result.verdict,
            detail: capOutput(result.detail),
            languageVersion: result.languageVersion,
            exitCode: result.exitCode,
            signal: result.signal,
            stdout: capOutput(result.stdout),
            stderr: capOutput(result.stderr),
            compileOutput: capOutput(result.compileOutput),
            cpuMs: result.cpuMs,
            wallMs: result.wallMs,
            memoryKb: result.memoryKb,
            testsPassed: result.testsPassed,
            testsTotal: result.testsTotal,
            finishedAt: now,
          })
          .where(and(eq(executions.id, id), unfinished))
          .returning();
        if (!row) return null;
        if (result.tests.length > 0) {
          await tx.insert(executionTests).values(
            result.tests.map((t) => ({
              executionId: id,
              ordinal: t.ordinal,
              hidden: t.hidden,
              verdict: t.verdict,
              detail: capOutput(t.detail),
              cpuMs: t.cpuMs,
              wallMs: t.wallMs,
              memoryKb: t.memoryKb,
              input: capOutput(t.input),
              expectedOutput: capOutput(t.expectedOutput),
              actualOutput: capOutput(t.actualOutput),
              stderr: capOutput(t.stderr),
              diff: capOutput(t.diff),
            })),
          );
        }
        return row;
      });
    },

    /**
     * Fails executions pending since before `pendingBefore` or running since
     * before `runningBefore`; returns their ids.
     */
    async failStale(opts: { pendingBefore: Date; runningBefore: Date; detail: string; now: Date }): Promise<string[]> {
      const rows = await db
        .update(executions)
        .set({ status: 'failed', verdict: 'internal_error', detail: opts.detail, finishedAt: opts.now })
        .where(
          or(
            and(eq(executions.status, 'pending'), lt(executions.createdAt, opts.pendingBefore)),
            and(
              eq(executions.status, 'running'),
              lt(sql`coalesce(${executions.startedAt}, ${executions.createdAt})`, opts.runningBefore),
            ),
          ),
        )
        .returning({ id: executions.id });
      return rows.map((r) => r.id);
    },
  };
}
