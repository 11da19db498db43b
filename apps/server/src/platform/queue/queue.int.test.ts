import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { eventually } from '../../../test/eventually.js';
import { createTestDatabase, testRedisUrl, type TestDatabase } from '../../../test/test-db.js';
import { createDatabase, type Database } from '../db.js';
import { createBullmqQueue } from './bullmq-queue.js';
import { createPgQueue } from './pg-queue.js';
import { defineJob, type JobQueue, type QueueLogger } from './queue.js';

const quiet: QueueLogger = { info: () => undefined, warn: () => undefined, error: () => undefined };

/** One queue implementation under test; `create()` is a new process's queue on the same storage. */
interface Adapter {
  label: string;
  setup(): Promise<void>;
  teardown(): Promise<void>;
  create(tuning?: Tuning): JobQueue;
}

interface Tuning {
  leaseMs?: number;
  pollIntervalMs?: number;
}

function pgAdapter(): Adapter {
  let database: TestDatabase;
  // On PostgreSQL every second instance gets its own pool, as a second process would.
  let otherPool: Database | undefined;
  let created = 0;
  return {
    label: 'Postgres table',
    async setup() {
      database = await createTestDatabase();
      if (database.url) otherPool = await createDatabase({ kind: 'postgres', url: database.url, poolMax: 5 });
    },
    async teardown() {
      await otherPool?.close();
      await database.close();
    },
    create: ({ leaseMs = 5000, pollIntervalMs = 20 } = {}) =>
      createPgQueue({
        db: (created++ % 2 === 1 && otherPool ? otherPool : database).db,
        logger: quiet,
        pollIntervalMs,
        leaseMs,
      }),
  };
}

function bullmqAdapter(redisUrl: string): Adapter {
  const prefix = `isel-test-${randomBytes(4).toString('hex')}`;
  return {
    label: 'BullMQ',
    async setup() {},
    async teardown() {
      const redis = new Redis(redisUrl);
      const keys = await redis.keys(`${prefix}:*`);
      if (keys.length > 0) await redis.del(...keys);
      await redis.quit();
    },
    create: ({ leaseMs = 5000 } = {}) => createBullmqQueue({ redisUrl, prefix, logger: quiet, leaseMs }),
  };
}

const redisUrl = testRedisUrl();
const adapters: Adapter[] = [pgAdapter(), ...(redisUrl ? [bullmqAdapter(redisUrl)] : [])];

describe.each(adapters)('job queue on $label', (adapter) => {
  const open: JobQueue[] = [];
  const create = (tuning?: Tuning) => {
    const queue = adapter.create(tuning);
    open.push(queue);
    return queue;
  };
  beforeAll(() => adapter.setup());
  afterEach(async () => {
    await Promise.all(open.splice(0).map((q) => q.stop({ force: true })));
  });
  afterAll(() => adapter.teardown());

  it('runs a job enqueued before a restart on a brand-new instance', async () => {
    const job = defineJob('test.restart', z.object({ n: z.number() }));
    const ran: { n: number; attempt: number }[] = [];
    const first = create();
    first.register(job, async ({ n }, ctx) => void ran.push({ n, attempt: ctx.attempt }));
    await first.start();
    // Due well after this instance stops, even on a busy machine.
    await first.enqueue(job, { n: 1 }, { delayMs: 1500 });
    await first.stop();
    expect(ran).toEqual([]);

    const second = create();
    second.register(job, async ({ n }, ctx) => void ran.push({ n, attempt: ctx.attempt }));
    await second.start();
    await eventually(() => expect(ran).toEqual([{ n: 1, attempt: 1 }]), { timeoutMs: 10_000 });
  });

  it('retries a failing handler with exponential backoff, then dead-letters it keeping the error', async () => {
    const job = defineJob('test.flaky', z.object({ id: z.string() }));
    const queue = create();
    const before = await queue.counts();
    const tries: { attempt: number; maxAttempts: number; at: number }[] = [];
    queue.register(job, async (_payload, { attempt, maxAttempts }) => {
      tries.push({ attempt, maxAttempts, at: Date.now() });
      throw new Error(`boom ${attempt}`);
    });
    await queue.start();
    const jobId = await queue.enqueue(job, { id: 'x' }, { attempts: 3, backoffMs: 100 });

    await eventually(async () => expect((await queue.counts()).failed).toBe(before.failed + 1));
    expect(tries.map((t) => [t.attempt, t.maxAttempts])).toEqual([
      [1, 3],
      [2, 3],
      [3, 3],
    ]);
    const [t1, t2, t3] = tries.map((t) => t.at) as [number, number, number];
    // backoff 100 ms then 200 ms, each shortened by at most 20 % jitter
    expect(t2 - t1).toBeGreaterThanOrEqual(80);
    expect(t3 - t2).toBeGreaterThanOrEqual(160);
    const dead = (await queue.listDeadLettered(20)).find((d) => d.jobId === jobId);
    expect(dead).toMatchObject({ name: 'test.flaky', payload: { id: 'x' }, attempts: 3, lastError: 'boom 3' });
    // Nothing of it is left to run (an earlier test's job may finish meanwhile, so the count may only drop).
    const after = await queue.counts();
    expect(after.active + after.waiting + after.delayed).toBeLessThanOrEqual(
      before.active + before.waiting + before.delayed,
    );
  });

  it('does not run a delayed job before its time and runs it shortly after', async () => {
    const job = defineJob('test.delayed', z.object({}));
    const queue = create();
    let ranAt: number | undefined;
    queue.register(job, async () => {
      ranAt = Date.now();
    });
    await queue.start();
    const runAt = new Date(Date.now() + 600);
    await queue.enqueue(job, {}, { runAt });
    expect((await queue.counts()).delayed).toBeGreaterThanOrEqual(1);

    const at = await eventually(() => ranAt ?? expect.fail('not run yet'), { timeoutMs: 3000, intervalMs: 5 });
    expect(at).toBeGreaterThanOrEqual(runAt.getTime());
    expect(at - runAt.getTime()).toBeLessThan(300);
  });

  it('dead-letters a payload that fails its schema at once, without retrying', async () => {
    const strict = defineJob('test.strict', z.object({ n: z.number() }));
    // The same job name as an older deploy's producer declared it (schema drift).
    const drifted = defineJob('test.strict', z.object({ n: z.string() }));
    const queue = create();
    // @ts-expect-error the typed descriptor rejects a wrong payload at compile time too
    await expect(queue.enqueue(strict, { n: 'x' })).rejects.toThrow('invalid payload for job "test.strict": n:');

    let calls = 0;
    queue.register(strict, async () => void (calls += 1));
    await queue.start();
    const jobId = await queue.enqueue(drifted, { n: 'seven' }, { attempts: 5 });
    const dead = await eventually(async () => {
      const found = (await queue.listDeadLettered(20)).find((d) => d.jobId === jobId);
      return found ?? expect.fail('not dead-lettered yet');
    });
    expect(dead.attempts).toBe(1);
    expect(dead.lastError).toMatch(/^invalid payload for job "test.strict": n: /);
    expect(calls).toBe(0);
  });

  it('runs a job once when enqueued twice with the same dedupe key', async () => {
    const job = defineJob('test.dedupe', z.object({ v: z.number() }));
    const queue = create();
    const first = await queue.enqueue(job, { v: 1 }, { jobId: 'booking:42' });
    const again = await queue.enqueue(job, { v: 2 }, { jobId: 'booking:42' });
    expect(again).toBe(first);
    const seen: number[] = [];
    queue.register(job, async ({ v }) => void seen.push(v));
    await queue.start();
    await eventually(() => expect(seen).toEqual([1]));
  });

  it('starts a job enqueued in this process at once, without waiting for the next poll', async () => {
    const job = defineJob('test.wake', z.object({}));
    const queue = create({ pollIntervalMs: 60_000 });
    let ran = false;
    queue.register(job, async () => {
      ran = true;
    });
    await queue.start();
    await queue.enqueue(job, {});
    await eventually(() => expect(ran).toBe(true), { timeoutMs: 1000 });
  });

  it('never runs a job twice across two workers on the same storage', async () => {
    const job = defineJob('test.many', z.object({ i: z.number() }));
    const workers = [create(), create()];
    const before = await workers[0]!.counts();
    const runs = new Map<number, number>();
    const perWorker = [0, 0];
    workers.forEach((queue, w) => {
      queue.register(
        job,
        async ({ i }) => {
          runs.set(i, (runs.get(i) ?? 0) + 1);
          perWorker[w]! += 1;
          await new Promise((resolve) => setImmediate(resolve));
        },
        { concurrency: 4 },
      );
    });
    await Promise.all(workers.map((q) => q.start()));
    await Promise.all(Array.from({ length: 50 }, (_, i) => workers[i % 2]!.enqueue(job, { i })));

    await eventually(
      async () => {
        const now = await workers[0]!.counts();
        expect(now.completed - before.completed).toBe(50);
        expect(now.active).toBe(0);
      },
      { timeoutMs: 10_000 },
    );
    expect(runs.size).toBe(50);
    expect([...runs.values()].every((n) => n === 1)).toBe(true);
    expect(perWorker[0]! + perWorker[1]!).toBe(50);
  });

  it('drains on stop(): waits for the running handler to finish', async () => {
    const job = defineJob('test.drain', z.object({}));
    const queue = create();
    let state: 'idle' | 'running' | 'finished' = 'idle';
    queue.register(job, async () => {
      state = 'running';
      await new Promise((resolve) => setTimeout(resolve, 150));
      state = 'finished';
    });
    await queue.start();
    await queue.enqueue(job, {});
    await eventually(() => expect(state).toBe('running'));
    await queue.stop();
    expect(state).toBe('finished');
  });

  it('runs again a job whose worker died mid-run, once its lease expires', async () => {
    const job = defineJob('test.crash', z.object({}));
    const crashed = create({ leaseMs: 300 });
    let startedOnCrashed = 0;
    // Never settles: the process "dies" while the handler is running.
    crashed.register(job, () => {
      startedOnCrashed += 1;
      return new Promise<void>(() => undefined);
    });
    await crashed.start();
    await crashed.enqueue(job, {}, { attempts: 3 });
    await eventually(() => expect(startedOnCrashed).toBe(1));
    await crashed.stop({ force: true }); // no more lease renewal, no outcome ever recorded

    const survivor = create({ leaseMs: 300 });
    const attempts: number[] = [];
    survivor.register(job, async (_payload, { attempt }) => void attempts.push(attempt));
    await survivor.start();
    await eventually(() => expect(attempts).toHaveLength(1), { timeoutMs: 5000 });
    // The Postgres queue counts the crashed run as an attempt; BullMQ re-runs a stalled job without using one.
    expect(attempts[0]).toBe(adapter.label === 'BullMQ' ? 1 : 2);
    expect(startedOnCrashed).toBe(1);
  });
});
