import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgTable, primaryKey, real, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { createdAt, idColumn } from '../../db/columns.js';
import { interviewParticipants, interviews } from '../interviews/interviews.tables.js';
import { orgs } from '../orgs/orgs.tables.js';
import { problemVersions } from '../questions/questions.tables.js';
import { users } from '../users/users.tables.js';

export const EXECUTION_MODES = ['run', 'test', 'submit'] as const;
export const EXECUTION_STATUSES = ['pending', 'running', 'completed', 'failed'] as const;

/**
 * One code execution: pending (queued) → running (a runner took it) →
 * completed (a verdict) or failed (internal error, runner gone). Outputs are
 * stored capped at 64 KiB per field (output-cap.ts).
 */
export const executions = pgTable(
  'executions',
  {
    id: idColumn(),
    /** Who ran it: a user, or (in a room) a guest participant — then participantId is set and userId is null. */
    userId: uuid('user_id').references(() => users.id, { onDelete: 'cascade' }),
    participantId: uuid('participant_id').references(() => interviewParticipants.id, { onDelete: 'set null' }),
    orgId: uuid('org_id').references(() => orgs.id, { onDelete: 'set null' }),
    interviewId: uuid('interview_id').references(() => interviews.id, { onDelete: 'set null' }),
    /** The question bank version it was judged against (kept when the problem gets newer versions). */
    problemVersionId: uuid('problem_version_id').references(() => problemVersions.id, { onDelete: 'set null' }),
    mode: text('mode', { enum: EXECUTION_MODES }).notNull(),
    language: text('language').notNull(),
    languageVersion: text('language_version'),
    source: text('source').notNull(),
    stdin: text('stdin'),
    status: text('status', { enum: EXECUTION_STATUSES }).notNull().default('pending'),
    verdict: text('verdict'),
    detail: text('detail'),
    exitCode: integer('exit_code'),
    signal: text('signal'),
    stdout: text('stdout'),
    stderr: text('stderr'),
    compileOutput: text('compile_output'),
    cpuMs: real('cpu_ms'),
    wallMs: real('wall_ms'),
    memoryKb: integer('memory_kb'),
    testsPassed: integer('tests_passed'),
    testsTotal: integer('tests_total'),
    /** The queue attempt that last started it (1 = first try). */
    attempt: integer('attempt').notNull().default(0),
    createdAt: createdAt(),
    startedAt: timestamp('started_at', { withTimezone: true, mode: 'date' }),
    finishedAt: timestamp('finished_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [
    check('executions_mode_check', sql`${t.mode} in ('run', 'test', 'submit')`),
    check('executions_status_check', sql`${t.status} in ('pending', 'running', 'completed', 'failed')`),
    index('executions_user_created_idx').on(t.userId, t.createdAt.desc()),
    index('executions_status_created_idx').on(t.status, t.createdAt),
    index('executions_problem_version_idx')
      .on(t.problemVersionId)
      .where(sql`${t.problemVersionId} is not null`),
    index('executions_interview_created_idx')
      .on(t.interviewId, t.createdAt)
      .where(sql`${t.interviewId} is not null`),
    index('executions_org_created_idx')
      .on(t.orgId, t.createdAt)
      .where(sql`${t.orgId} is not null`),
  ],
);

/** Per-test results of a test or submit execution, written when it finishes. */
export const executionTests = pgTable(
  'execution_tests',
  {
    executionId: uuid('execution_id')
      .notNull()
      .references(() => executions.id, { onDelete: 'cascade' }),
    ordinal: integer('ordinal').notNull(),
    hidden: boolean('hidden').notNull(),
    verdict: text('verdict').notNull(),
    detail: text('detail'),
    cpuMs: real('cpu_ms'),
    wallMs: real('wall_ms'),
    memoryKb: integer('memory_kb'),
    input: text('input'),
    expectedOutput: text('expected_output'),
    actualOutput: text('actual_output'),
    stderr: text('stderr'),
    diff: text('diff'),
  },
  (t) => [primaryKey({ columns: [t.executionId, t.ordinal] })],
);

export type ExecutionRow = typeof executions.$inferSelect;
export type ExecutionTestRow = typeof executionTests.$inferSelect;
