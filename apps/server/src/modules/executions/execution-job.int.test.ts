import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEngine } from '../../../test/create-test-app.js';
import { eventually } from '../../../test/eventually.js';
import { createUser } from '../../../test/sign-in.js';
import { createTestDatabase, type TestDatabase } from '../../../test/test-db.js';
import { createPgQueue } from '../../platform/queue/pg-queue.js';
import type { JobQueue } from '../../platform/queue/queue.js';
import { createMemoryExecutionBus } from './execution-bus.js';
import type { ExecutionEngine } from './execution-engine.js';
import { EXECUTION_ATTEMPTS, executionRunJob, handleExecutionJob, type ExecutionSink } from './execution-job.js';
import { createExecutionRecorder } from './execution-recorder.js';
import { createExecutionSweeper, STALE_DETAIL } from './execution-sweeper.js';
import { createExecutionsRepo, type ExecutionsRepo } from './executions.repo.js';
import { createExecutionMetrics } from './executions.metrics.js';

const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };

describe('execution.run job', () => {
  let database: TestDatabase;
  let engine: ExecutionEngine;
  let queue: JobQueue;
  let repo: ExecutionsRepo;
  let userId: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    engine = await createTestEngine(1);
    repo = createExecutionsRepo(database.db);
    userId = (await createUser(database.db, { withPassword: false })).id;
  });

  afterAll(async () => {
    await queue.stop();
    await engine.close();
    await database.close();
  });

  const recorder = () =>
    createExecutionRecorder({
      repo,
      bus: createMemoryExecutionBus(),
      metrics: createExecutionMetrics(),
      logger: quiet,
      now: () => new Date(),
    });

  const pendingRow = (overrides: Partial<Parameters<ExecutionsRepo['insert']>[0]> = {}) =>
    repo.insert({ userId, mode: 'run', language: 'python', source: 'print(input())', stdin: 'again\n', ...overrides });

  it('retries a runner that fails mid-job, and the second attempt completes it', async () => {
    const db = recorder();
    let startedCalls = 0;
    // The first try dies right after taking the job, as a runner killed mid-job would.
    const sink: ExecutionSink = {
      async started(id, attempt) {
        startedCalls += 1;
        const proceed = await db.started(id, attempt);
        if (startedCalls === 1) throw new Error('runner died');
        return proceed;
      },
      event: db.event,
      finished: db.finished,
    };
    queue = createPgQueue({ db: database.db, logger: quiet, pollIntervalMs: 20 });
    queue.register(executionRunJob, (job, ctx) => handleExecutionJob(job, ctx, { engine, sink }), { concurrency: 1 });
    await queue.start();

    const row = await pendingRow();
    await queue.enqueue(
      executionRunJob,
      {
        id: row.id,
        language: 'python',
        source: row.source,
        mode: 'run',
        stdin: 'again\n',
        tests: [],
        stopOnFirstFailure: false,
      },
      { attempts: EXECUTION_ATTEMPTS, backoffMs: 10 },
    );
    const done = await eventually(
      async () => {
        const found = await repo.findById(row.id);
        expect(found?.row.status).toBe('completed');
        return found?.row;
      },
      { timeoutMs: 15_000 },
    );
    expect(done).toMatchObject({ attempt: 2, verdict: 'accepted', stdout: 'again\n' });
    expect(startedCalls).toBe(2);
  });

  it('finishes as internal_error when the engine fails on the last attempt', async () => {
    const db = recorder();
    const row = await pendingRow();
    const job = {
      id: row.id,
      language: 'python' as const,
      source: 'print(1)',
      mode: 'run' as const,
      tests: [],
      stopOnFirstFailure: false,
    };
    // A real engine whose working directory is gone (closed): every execution is an engine fault.
    const broken = await createTestEngine(1);
    await broken.close();
    // Not the last attempt: the failure goes back to the queue for a retry.
    await expect(
      handleExecutionJob(job, { attempt: 1, maxAttempts: 2, jobId: 'j' }, { engine: broken, sink: db }),
    ).rejects.toThrow();
    expect((await repo.findById(row.id))?.row.status).toBe('running');
    // The last attempt records the failure instead of leaving the run "running".
    await handleExecutionJob(job, { attempt: 2, maxAttempts: 2, jobId: 'j' }, { engine: broken, sink: db });
    const failed = (await repo.findById(row.id))?.row;
    expect(failed).toMatchObject({ status: 'failed', verdict: 'internal_error', attempt: 2 });
    expect(failed?.detail).toBeTruthy();
  });

  it('skips an execution that already finished (a duplicate delivery)', async () => {
    const db = recorder();
    const row = await pendingRow();
    const job = {
      id: row.id,
      language: 'python' as const,
      source: 'print(5)',
      mode: 'run' as const,
      tests: [],
      stopOnFirstFailure: false,
    };
    await handleExecutionJob(job, { attempt: 1, maxAttempts: 2, jobId: 'j' }, { engine, sink: db });
    let finishedCalls = 0;
    const counting: ExecutionSink = {
      started: db.started,
      event: db.event,
      finished: async (id, result) => {
        finishedCalls += 1;
        await db.finished(id, result);
      },
    };
    await handleExecutionJob(job, { attempt: 2, maxAttempts: 2, jobId: 'j' }, { engine, sink: counting });
    expect(finishedCalls).toBe(0);
    expect((await repo.findById(row.id))?.row).toMatchObject({ status: 'completed', attempt: 1, stdout: '5\n' });
  });
});

describe('execution sweeper', () => {
  let database: TestDatabase;
  let repo: ExecutionsRepo;

  beforeAll(async () => {
    database = await createTestDatabase();
    repo = createExecutionsRepo(database.db);
  });

  afterAll(() => database.close());

  it('fails executions stuck in running or pending past the stale limit, and tells watchers', async () => {
    const userId = (await createUser(database.db, { withPassword: false })).id;
    const now = new Date();
    const ago = (minutes: number) => new Date(now.getTime() - minutes * 60_000);
    const base = { userId, mode: 'run' as const, language: 'python', source: 'print(1)' };
    const stuckRunning = await repo.insert({ ...base, status: 'running', createdAt: ago(30), startedAt: ago(20) });
    const stuckPending = await repo.insert({ ...base, createdAt: ago(20) });
    const freshRunning = await repo.insert({ ...base, status: 'running', createdAt: ago(2), startedAt: ago(1) });
    const done: string[] = [];
    const sweeper = createExecutionSweeper({
      repo,
      publishDone: async (id) => void done.push(id),
      staleMs: 10 * 60_000,
      logger: quiet,
      now: () => now,
    });

    expect((await sweeper.sweepOnce()).sort()).toEqual([stuckRunning.id, stuckPending.id].sort());
    for (const id of [stuckRunning.id, stuckPending.id]) {
      expect((await repo.findById(id))?.row).toMatchObject({
        status: 'failed',
        verdict: 'internal_error',
        detail: STALE_DETAIL,
      });
    }
    expect((await repo.findById(freshRunning.id))?.row.status).toBe('running');
    expect(done.sort()).toEqual([stuckRunning.id, stuckPending.id].sort());
  });
});
