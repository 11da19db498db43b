import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { queryRows, type Db } from '../db.js';
import type { DeadLetteredJob, JobCounts } from './queue.js';
import { jobs } from './queue.tables.js';

/** A row this worker claimed; `attempts` is the fencing token of the claim. */
export interface Claim {
  id: string;
  name: string;
  payload: unknown;
  attempts: number;
  max_attempts: number;
  backoff_ms: number;
}

/** A job row to insert, with its retry policy resolved. */
export interface NewJob {
  name: string;
  payload: unknown;
  maxAttempts: number;
  backoffMs: number;
  runAt: Date;
  dedupeKey: string | null;
}

/** The `jobs` table operations the Postgres queue uses. */
export type PgJobStore = ReturnType<typeof createPgJobStore>;

const millis = (ms: number) => sql`${Math.round(ms)}::bigint * interval '1 millisecond'`;

/**
 * The SQL of the Postgres queue (pg-queue.ts holds the scheduling). Every
 * write to a claimed row is fenced on (id, status active, attempts): once a
 * lease expired and another worker re-claimed the row, attempts moved on and
 * the first worker's late outcome updates nothing.
 */
export function createPgJobStore(db: Db, leaseMs: number) {
  const heldBy = (c: Claim): SQL =>
    and(eq(jobs.id, c.id), eq(jobs.status, 'active'), eq(jobs.attempts, c.attempts)) as SQL;

  async function finish(claim: Claim, outcome: { status: 'completed' | 'dead'; lastError: string | null }) {
    await db
      .update(jobs)
      .set({ ...outcome, lockedUntil: null, finishedAt: sql`now()`, updatedAt: sql`now()` })
      .where(heldBy(claim));
  }

  return {
    /** Inserts a job; with a dedupe key already taken, returns the existing job's id instead. */
    async insert(job: NewJob): Promise<string> {
      const [row] = await db
        .insert(jobs)
        .values({ id: uuidv7(), ...job })
        // A no-op update rather than DO NOTHING, so the existing row's id comes back atomically.
        .onConflictDoUpdate({
          target: [jobs.name, jobs.dedupeKey],
          targetWhere: sql`${jobs.dedupeKey} is not null`,
          set: { dedupeKey: sql`excluded.dedupe_key` },
        })
        .returning({ id: jobs.id });
      if (!row) throw new Error(`enqueue of job "${job.name}" returned no row`);
      return row.id;
    },

    /**
     * One statement: per job name, up to its free slots of due rows (waiting,
     * or active with an expired lease), locked with SKIP LOCKED so concurrent
     * workers neither share nor wait for rows, then marked active with a lease.
     */
    async claimDue(capacity: { name: string; free: number }[]): Promise<Claim[]> {
      const caps = sql.join(
        capacity.map((c) => sql`(${c.name}::text, ${c.free}::int)`),
        sql`, `,
      );
      return queryRows<Claim>(
        db,
        sql`with caps(name, n) as (values ${caps}),
        picked as (
          select j.id from caps cross join lateral (
            select id from jobs
            where jobs.name = caps.name
              and ((status = 'waiting' and run_at <= now())
                or (status = 'active' and locked_until < now() and attempts < max_attempts))
            order by run_at, id
            limit caps.n
            for update skip locked
          ) j
        )
        update jobs set status = 'active', attempts = jobs.attempts + 1, updated_at = now(),
          locked_until = now() + ${millis(leaseMs)}
        from picked where jobs.id = picked.id
        returning jobs.id, jobs.name, jobs.payload, jobs.attempts, jobs.max_attempts, jobs.backoff_ms`,
      );
    },

    complete: (claim: Claim) => finish(claim, { status: 'completed', lastError: null }),

    deadLetter: (claim: Claim, lastError: string) => finish(claim, { status: 'dead', lastError }),

    async retryLater(claim: Claim, lastError: string, delayMs: number): Promise<void> {
      await db
        .update(jobs)
        .set({
          status: 'waiting',
          lockedUntil: null,
          lastError,
          runAt: sql`now() + ${millis(delayMs)}`,
          updatedAt: sql`now()`,
        })
        .where(heldBy(claim));
    },

    /** Extends the lease of a running job; false when the claim was lost. */
    async renew(claim: Claim): Promise<boolean> {
      const rows = await db
        .update(jobs)
        .set({ lockedUntil: sql`now() + ${millis(leaseMs)}` })
        .where(heldBy(claim))
        .returning({ id: jobs.id });
      return rows.length > 0;
    },

    /** A lease that expired on the last attempt: the worker died every time, so give up rather than loop. */
    async deadLetterExpiredLeases(): Promise<void> {
      await db
        .update(jobs)
        .set({
          status: 'dead',
          lastError: sql`coalesce(${jobs.lastError} || '; ', '') || 'lease expired on the last attempt (worker died?)'`,
          lockedUntil: null,
          finishedAt: sql`now()`,
          updatedAt: sql`now()`,
        })
        .where(
          sql`${jobs.status} = 'active' and ${jobs.lockedUntil} < now() and ${jobs.attempts} >= ${jobs.maxAttempts}`,
        );
    },

    /** Deletes completed rows older than the retention, in bounded batches. */
    async pruneCompleted(retentionMs: number): Promise<void> {
      await db.execute(
        sql`delete from jobs where id in (select id from jobs where status = 'completed'
          and finished_at < now() - ${millis(retentionMs)} limit 1000)`,
      );
    },

    async counts(): Promise<JobCounts> {
      const [row] = await queryRows<JobCounts>(
        db,
        sql`select
          count(*) filter (where status = 'waiting' and run_at <= now())::int as waiting,
          count(*) filter (where status = 'waiting' and run_at > now())::int as delayed,
          count(*) filter (where status = 'active')::int as active,
          count(*) filter (where status = 'completed')::int as completed,
          count(*) filter (where status = 'dead')::int as failed
        from jobs`,
      );
      return row ?? { waiting: 0, delayed: 0, active: 0, completed: 0, failed: 0 };
    },

    async listDead(limit: number): Promise<DeadLetteredJob[]> {
      const rows = await db
        .select()
        .from(jobs)
        .where(eq(jobs.status, 'dead'))
        .orderBy(desc(jobs.finishedAt), desc(jobs.id))
        .limit(limit);
      return rows.map((r) => ({
        jobId: r.id,
        name: r.name,
        payload: r.payload,
        attempts: r.attempts,
        lastError: r.lastError ?? '',
        createdAt: r.createdAt,
        failedAt: r.finishedAt ?? r.updatedAt,
      }));
    },
  };
}
