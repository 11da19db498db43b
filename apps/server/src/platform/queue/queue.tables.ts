import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt, idColumn } from '../../db/columns.js';

/** Life of a job row: waiting → active → completed, or back to waiting for a retry, or dead. */
export const JOB_STATUSES = ['waiting', 'active', 'completed', 'dead'] as const;

/**
 * The embedded job queue (pg-queue.ts). A row is claimed by setting it
 * `active` with a lease (`locked_until`); a worker that dies leaves the lease
 * to expire and the row becomes claimable again. `attempts` counts claims and
 * doubles as the fencing token of the current claim. `dead` is the dead letter.
 */
export const jobs = pgTable(
  'jobs',
  {
    id: idColumn(),
    name: text('name').notNull(),
    payload: jsonb('payload').$type<unknown>().notNull(),
    status: text('status', { enum: JOB_STATUSES }).notNull().default('waiting'),
    attempts: integer('attempts').notNull().default(0),
    maxAttempts: integer('max_attempts').notNull(),
    /** Base of the exponential retry backoff chosen at enqueue. */
    backoffMs: integer('backoff_ms').notNull(),
    runAt: timestamp('run_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    lockedUntil: timestamp('locked_until', { withTimezone: true, mode: 'date' }),
    lastError: text('last_error'),
    /** Caller's dedupe key (EnqueueOptions.jobId), unique per job name while the row exists. */
    dedupeKey: text('dedupe_key'),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [
    check('jobs_status_check', sql`${t.status} in ('waiting', 'active', 'completed', 'dead')`),
    check('jobs_attempts_check', sql`${t.maxAttempts} >= 1 and ${t.attempts} >= 0`),
    uniqueIndex('jobs_dedupe_key_idx')
      .on(t.name, t.dedupeKey)
      .where(sql`${t.dedupeKey} is not null`),
    index('jobs_waiting_idx')
      .on(t.name, t.runAt)
      .where(sql`${t.status} = 'waiting'`),
    index('jobs_lease_idx')
      .on(t.lockedUntil)
      .where(sql`${t.status} = 'active'`),
    index('jobs_finished_idx')
      .on(t.status, t.finishedAt)
      .where(sql`${t.finishedAt} is not null`),
  ],
);

/** A `jobs` row as Drizzle returns it. */
export type JobRow = typeof jobs.$inferSelect;
