/**
 * Durable job queue in the `jobs` table, for the embedded mode (PGlite) and
 * PostgreSQL without Redis. Workers poll: one statement claims due rows with
 * FOR UPDATE SKIP LOCKED (concurrent workers never take the same row, and never
 * wait on each other), marks them active and gives each a lease. A running
 * handler keeps renewing its lease; when a process dies mid-job the lease
 * expires and the row is claimed again, so no job is lost to a crash.
 * The SQL lives in pg-job-store.ts; this file schedules.
 */
import type { Db } from '../db.js';
import { createPgJobStore, type Claim } from './pg-job-store.js';
import {
  addHandler,
  DEFAULT_ATTEMPTS,
  DEFAULT_BACKOFF_MS,
  DEFAULT_COMPLETED_RETENTION_MS,
  errorMessage,
  parseStoredPayload,
  resolveRunAt,
  retryDelayMs,
  serializePayload,
  type JobQueue,
  type QueueLogger,
  type RegisteredHandler,
} from './queue.js';

/** Dependencies and tuning of the Postgres queue; tests pass a short poll interval and lease. */
export interface PgQueueOptions {
  db: Db;
  logger: QueueLogger;
  /** How often idle workers look for due jobs; enqueues in this process wake them at once. */
  pollIntervalMs?: number;
  /**
   * Visibility timeout of a claim. Renewed every third of it while the handler
   * runs, so it bounds how long a crashed worker's job stays stuck, not how
   * long a job may take.
   */
  leaseMs?: number;
  completedRetentionMs?: number;
  /** How often expired leases at their last attempt are dead-lettered and old completed rows pruned. */
  maintenanceIntervalMs?: number;
}

/** Creates the Postgres-table JobQueue; see the module comment for how claiming works. */
export function createPgQueue(options: PgQueueOptions): JobQueue {
  const { logger } = options;
  const pollIntervalMs = options.pollIntervalMs ?? 250;
  const leaseMs = options.leaseMs ?? 30_000;
  const retentionMs = options.completedRetentionMs ?? DEFAULT_COMPLETED_RETENTION_MS;
  const maintenanceIntervalMs = options.maintenanceIntervalMs ?? 60_000;
  const store = createPgJobStore(options.db, leaseMs);

  const handlers = new Map<string, RegisteredHandler>();
  const runningByName = new Map<string, number>();
  const running = new Map<string, { claim: Claim; done: Promise<void> }>();
  let started = false;
  let timer: NodeJS.Timeout | undefined;
  let renewTimer: NodeJS.Timeout | undefined;
  let polling: Promise<void> | undefined;
  let wakeRequested = false;
  let consecutiveErrors = 0;
  let lastMaintenance = 0;

  /** Polls now (or right after the poll in flight); otherwise polls every pollIntervalMs. */
  function wake(): void {
    if (!started) return;
    if (polling) {
      wakeRequested = true;
      return;
    }
    clearTimeout(timer);
    polling = pollOnce().finally(() => {
      polling = undefined;
      if (!started) return;
      if (wakeRequested) {
        wakeRequested = false;
        wake();
        return;
      }
      // Back off while the database is failing, instead of logging every 250 ms.
      const delay = Math.min(pollIntervalMs * 2 ** consecutiveErrors, 30_000);
      timer = setTimeout(wake, delay).unref();
    });
  }

  async function pollOnce(): Promise<void> {
    try {
      if (Date.now() - lastMaintenance >= maintenanceIntervalMs) {
        lastMaintenance = Date.now();
        await store.deadLetterExpiredLeases();
        await store.pruneCompleted(retentionMs);
      }
      const capacity = [...handlers.values()]
        .map((h) => ({ name: h.job.name, free: h.concurrency - (runningByName.get(h.job.name) ?? 0) }))
        .filter((c) => c.free > 0);
      if (capacity.length > 0) for (const claim of await store.claimDue(capacity)) startJob(claim);
      consecutiveErrors = 0;
    } catch (error) {
      consecutiveErrors += 1;
      logger.error({ err: error }, 'job queue poll failed');
    }
  }

  function startJob(claim: Claim): void {
    runningByName.set(claim.name, (runningByName.get(claim.name) ?? 0) + 1);
    const done = runJob(claim).finally(() => {
      running.delete(claim.id);
      runningByName.set(claim.name, (runningByName.get(claim.name) ?? 1) - 1);
      wake(); // a slot is free: take the next job without waiting for the poll interval
    });
    running.set(claim.id, { claim, done });
  }

  async function runJob(claim: Claim): Promise<void> {
    const entry = handlers.get(claim.name);
    if (!entry) return;
    const log = { jobId: claim.id, job: claim.name, attempt: claim.attempts };
    try {
      const parsed = parseStoredPayload(entry.job, claim.payload);
      if (!parsed.ok) {
        logger.error(log, parsed.reason);
        return await store.deadLetter(claim, parsed.reason);
      }
      let failure: unknown;
      try {
        await entry.handler(parsed.data, { attempt: claim.attempts, maxAttempts: claim.max_attempts, jobId: claim.id });
      } catch (error) {
        failure = error ?? new Error('handler threw without an error');
      }
      if (failure === undefined) return await store.complete(claim);
      if (claim.attempts >= claim.max_attempts) {
        logger.error({ ...log, err: failure }, 'job failed on its last attempt; dead-lettered');
        return await store.deadLetter(claim, errorMessage(failure));
      }
      const delayMs = retryDelayMs(claim.attempts, claim.backoff_ms);
      logger.warn({ ...log, err: failure, retryInMs: delayMs }, 'job failed; will retry');
      await store.retryLater(claim, errorMessage(failure), delayMs);
    } catch (error) {
      // The outcome could not be stored: the lease will expire and the job run again (at-least-once).
      logger.error({ ...log, err: error }, 'could not record job outcome');
    }
  }

  async function renewLeases(): Promise<void> {
    for (const { claim } of running.values()) {
      try {
        if (!(await store.renew(claim))) logger.warn({ jobId: claim.id, job: claim.name }, 'job lease lost');
      } catch (error) {
        logger.error({ jobId: claim.id, job: claim.name, err: error }, 'job lease renewal failed');
      }
    }
  }

  return {
    kind: 'postgres',

    async enqueue(job, payload, opts = {}) {
      const runAt = resolveRunAt(opts, Date.now());
      const id = await store.insert({
        name: job.name,
        payload: serializePayload(job, payload),
        maxAttempts: Math.max(1, opts.attempts ?? DEFAULT_ATTEMPTS),
        backoffMs: Math.max(0, opts.backoffMs ?? DEFAULT_BACKOFF_MS),
        runAt,
        dedupeKey: opts.jobId ?? null,
      });
      if (runAt.getTime() <= Date.now() && handlers.has(job.name)) wake();
      return id;
    },

    register(job, handler, opts) {
      addHandler(handlers, job, handler, opts);
      wake();
    },

    async start() {
      if (started) return;
      started = true;
      renewTimer = setInterval(() => void renewLeases(), Math.max(10, Math.floor(leaseMs / 3))).unref();
      wake();
    },

    async stop({ force = false } = {}) {
      started = false;
      clearTimeout(timer);
      await polling;
      if (!force) await Promise.allSettled([...running.values()].map((r) => r.done));
      clearInterval(renewTimer);
    },

    counts: () => store.counts(),
    listDeadLettered: (limit) => store.listDead(limit),
  };
}
