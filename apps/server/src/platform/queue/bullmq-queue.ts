/**
 * JobQueue on BullMQ (Redis), for the scaled mode. One BullMQ queue per job
 * name, so a node only pulls the names it registered (runner hosts take
 * executions, API hosts take mail) and concurrency is per job name. BullMQ's
 * lock plays the lease role: a worker renews it while a job runs, and the
 * stalled-job check moves a dead worker's job back to waiting.
 */
import { Queue, UnrecoverableError, Worker, type Job } from 'bullmq';
import { Redis } from 'ioredis';
import { uuidv7 } from 'uuidv7';
import {
  addHandler,
  BACKOFF_JITTER,
  DEFAULT_ATTEMPTS,
  DEFAULT_BACKOFF_MS,
  DEFAULT_COMPLETED_RETENTION_MS,
  parseStoredPayload,
  resolveRunAt,
  serializePayload,
  type DeadLetteredJob,
  type JobCounts,
  type JobQueue,
  type QueueLogger,
  type RegisteredHandler,
} from './queue.js';

/** Connection and tuning of the BullMQ queue. */
export interface BullmqQueueOptions {
  redisUrl: string;
  logger: QueueLogger;
  /** Redis key prefix (letters, digits, `-`, `_`); tests use a random one so runs do not collide. */
  prefix?: string;
  /** BullMQ lock duration and stalled-check interval: how soon a crashed worker's job runs again. */
  leaseMs?: number;
  completedRetentionMs?: number;
}

type AnyJob = Job<unknown, void, string>;

/** BullMQ rejects custom ids that contain `:` or look like integers; encode the caller's key. */
function dedupeJobId(key: string): string {
  return `key-${encodeURIComponent(key)}`;
}

/** Creates the BullMQ-backed JobQueue; see the module comment for the mapping. */
export function createBullmqQueue(options: BullmqQueueOptions): JobQueue {
  const { redisUrl, logger } = options;
  const prefix = options.prefix ?? 'isel';
  if (!/^[A-Za-z0-9_-]+$/.test(prefix)) throw new Error(`invalid BullMQ prefix "${prefix}"`);
  const leaseMs = options.leaseMs ?? 30_000;
  const retentionSeconds = Math.ceil((options.completedRetentionMs ?? DEFAULT_COMPLETED_RETENTION_MS) / 1000);

  // Producers share one connection; each Worker opens its own (BullMQ needs a blocking one).
  const connection = new Redis(redisUrl, { maxRetriesPerRequest: 3 });
  connection.on('error', (err: Error) => logger.error({ err }, 'redis connection error (job queue)'));
  const queues = new Map<string, Queue<unknown, void, string>>();
  const handlers = new Map<string, RegisteredHandler>();
  const workers = new Map<string, Worker<unknown, void, string>>();
  let started = false;
  let stopped = false;

  function queueFor(name: string): Queue<unknown, void, string> {
    let queue = queues.get(name);
    if (!queue) {
      queue = new Queue<unknown, void, string>(name, { connection, prefix });
      queue.on('error', (err) => logger.error({ err, job: name }, 'job queue error'));
      queues.set(name, queue);
    }
    return queue;
  }

  function startWorker(entry: RegisteredHandler): void {
    const name = entry.job.name;
    const worker = new Worker<unknown, void, string>(
      name,
      async (job) => {
        const parsed = parseStoredPayload(entry.job, job.data);
        // UnrecoverableError fails the job at once, whatever attempts remain.
        if (!parsed.ok) throw new UnrecoverableError(parsed.reason);
        await entry.handler(parsed.data, {
          attempt: job.attemptsMade + 1,
          maxAttempts: job.opts.attempts ?? 1,
          jobId: job.id ?? '',
        });
      },
      {
        connection: { url: redisUrl },
        prefix,
        concurrency: entry.concurrency,
        lockDuration: leaseMs,
        stalledInterval: leaseMs,
        maxStalledCount: 1,
      },
    );
    worker.on('error', (err) => logger.error({ err, job: name }, 'job worker error'));
    worker.on('stalled', (jobId) => logger.warn({ jobId, job: name }, 'job stalled (worker died?); requeued'));
    worker.on('failed', (job: AnyJob | undefined, err: Error) => {
      const context = { jobId: job?.id, job: name, attempt: job?.attemptsMade, err };
      const isDead = err instanceof UnrecoverableError || !job || job.attemptsMade >= (job.opts.attempts ?? 1);
      if (isDead) logger.error(context, 'job dead-lettered');
      else logger.warn(context, 'job failed; will retry');
    });
    workers.set(name, worker);
  }

  /** Every job name with a queue under our prefix, including ones this process never touched. */
  async function knownNames(): Promise<string[]> {
    const names = new Set([...queues.keys(), ...handlers.keys()]);
    let cursor = '0';
    do {
      const [next, keys] = await connection.scan(cursor, 'MATCH', `${prefix}:*:meta`, 'COUNT', 200);
      cursor = next;
      for (const key of keys) names.add(key.slice(prefix.length + 1, -':meta'.length));
    } while (cursor !== '0');
    return [...names].sort();
  }

  return {
    kind: 'bullmq',

    async enqueue(job, payload, opts = {}) {
      const json = serializePayload(job, payload);
      const now = Date.now();
      const jobId = opts.jobId === undefined ? uuidv7() : dedupeJobId(opts.jobId);
      const added = await queueFor(job.name).add(job.name, json, {
        jobId,
        delay: Math.max(0, resolveRunAt(opts, now).getTime() - now),
        attempts: Math.max(1, opts.attempts ?? DEFAULT_ATTEMPTS),
        backoff: {
          type: 'exponential',
          delay: Math.max(0, opts.backoffMs ?? DEFAULT_BACKOFF_MS),
          jitter: BACKOFF_JITTER,
        },
        removeOnComplete: { age: retentionSeconds },
        removeOnFail: false, // the failed set is the dead letter: keep it
      });
      return added.id ?? jobId;
    },

    register(job, handler, opts) {
      const entry = addHandler(handlers, job, handler, opts);
      if (started) startWorker(entry);
    },

    async start() {
      if (started) return;
      started = true;
      for (const entry of handlers.values()) if (!workers.has(entry.job.name)) startWorker(entry);
      await Promise.all([...workers.values()].map((w) => w.waitUntilReady()));
    },

    async stop({ force = false } = {}) {
      if (stopped) return;
      stopped = true;
      started = false;
      await Promise.all([...workers.values()].map((w) => w.close(force)));
      await Promise.all([...queues.values()].map((q) => q.close()));
      workers.clear();
      queues.clear();
      if (connection.status === 'ready') await connection.quit();
      else connection.disconnect();
    },

    async counts() {
      const totals: JobCounts = { waiting: 0, delayed: 0, active: 0, completed: 0, failed: 0 };
      for (const name of await knownNames()) {
        const c = await queueFor(name).getJobCounts('wait', 'prioritized', 'delayed', 'active', 'completed', 'failed');
        totals.waiting += (c.wait ?? 0) + (c.prioritized ?? 0);
        totals.delayed += c.delayed ?? 0;
        totals.active += c.active ?? 0;
        totals.completed += c.completed ?? 0;
        totals.failed += c.failed ?? 0;
      }
      return totals;
    },

    async listDeadLettered(limit) {
      const found: DeadLetteredJob[] = [];
      for (const name of await knownNames()) {
        // getFailed returns the newest first; `limit` from each queue is enough to merge.
        for (const job of await queueFor(name).getFailed(0, limit - 1)) {
          found.push({
            jobId: job.id ?? '',
            name: job.name,
            payload: job.data,
            attempts: job.attemptsMade,
            lastError: job.failedReason,
            createdAt: new Date(job.timestamp),
            failedAt: new Date(job.finishedOn ?? job.timestamp),
          });
        }
      }
      return found.sort((a, b) => b.failedAt.getTime() - a.failedAt.getTime()).slice(0, limit);
    },
  };
}
