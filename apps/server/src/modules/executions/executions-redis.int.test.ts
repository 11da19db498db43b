import { randomBytes } from 'node:crypto';
import {
  ExecutionCreatedSchema,
  ExecutionEventSchema,
  ExecutionSchema,
  LanguageListSchema,
  type ExecutionEvent,
} from '@interviewselect/contracts';
import type { FastifyInstance } from 'fastify';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestEngine } from '../../../test/create-test-app.js';
import { eventually } from '../../../test/eventually.js';
import { createUser, signedInUser, type SignedIn } from '../../../test/sign-in.js';
import { createTestDatabase, testRedisUrl, type TestDatabase } from '../../../test/test-db.js';
import { createBullmqQueue } from '../../platform/queue/bullmq-queue.js';
import type { JobQueue } from '../../platform/queue/queue.js';
import { createMemoryExecutionBus } from './execution-bus.js';
import type { ExecutionEngine } from './execution-engine.js';
import { internalErrorResult } from './execution-job.js';
import { createExecutionRecorder } from './execution-recorder.js';
import { createExecutionsRepo } from './executions.repo.js';
import { createExecutionMetrics } from './executions.metrics.js';
import { startRemoteRunner } from './remote-runner.js';
import { createResultsConsumer, resultsStreamKey } from './results-stream.js';

const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };
/** CI passes REDIS_URL; the machine always has Redis on its default port. */
const redisUrl = testRedisUrl() ?? 'redis://127.0.0.1:6379';

function parseEventStream(body: string): ExecutionEvent[] {
  return body
    .split('\n\n')
    .map((block) => block.split('\n').find((line) => line.startsWith('data: ')))
    .filter((line): line is string => line !== undefined)
    .map((line) => ExecutionEventSchema.parse(JSON.parse(line.slice('data: '.length))));
}

/**
 * The scaled mode end to end: two server nodes (RUNNER_MODE=remote) and one
 * runner process, joined only by the database and a real Redis (BullMQ jobs,
 * the results stream, pub/sub events), each under a random key prefix.
 */
describe('executions across nodes through Redis', () => {
  const tag = randomBytes(4).toString('hex');
  const prefix = `isel-test-${tag}:`;
  const queuePrefix = `isel-test-${tag}`;
  const env = { REDIS_URL: redisUrl, RUNNER_MODE: 'remote' };
  let database: TestDatabase;
  let engine: ExecutionEngine;
  const connections: Redis[] = [];
  const queues: JobQueue[] = [];
  let nodeA: FastifyInstance;
  let nodeB: FastifyInstance;
  let runner: { stop(): Promise<void> };
  let user: SignedIn;

  const connect = () => {
    const redis = new Redis(redisUrl);
    connections.push(redis);
    return redis;
  };
  const newQueue = () => {
    const queue = createBullmqQueue({ redisUrl, prefix: queuePrefix, logger: quiet });
    queues.push(queue);
    return queue;
  };
  const node = () => createTestApp(database, env, { queue: newQueue(), redis: connect(), redisPrefix: prefix });

  beforeAll(async () => {
    database = await createTestDatabase();
    engine = await createTestEngine(2);
    nodeA = await node();
    nodeB = await node();
    await Promise.all([nodeA.ready(), nodeB.ready()]);
    runner = await startRemoteRunner({ engine, queue: newQueue(), redis: connect(), prefix, logger: quiet });
    user = await signedInUser(nodeA, database.db);
  });

  afterAll(async () => {
    await runner.stop();
    await nodeA.close();
    await nodeB.close();
    await Promise.all(queues.map((q) => q.stop({ force: true })));
    await engine.close();
    const cleaner = new Redis(redisUrl);
    for (const pattern of [`${prefix}*`, `${queuePrefix}:*`]) {
      const keys = await cleaner.keys(pattern);
      if (keys.length > 0) await cleaner.del(...keys);
    }
    cleaner.disconnect();
    for (const redis of connections) redis.disconnect();
    await database.close();
  });

  it('lists the languages the runner advertises, on any node', async () => {
    const { languages } = LanguageListSchema.parse((await nodeB.inject({ url: '/api/v1/languages' })).json());
    expect(languages.map((l) => l.id)).toContain('python');
  });

  it('runs on the runner, streams to a watcher on another node, and stores the result', async () => {
    const res = await nodeA.inject({
      method: 'POST',
      url: '/api/v1/executions',
      headers: user.headers,
      payload: { language: 'bash', source: 'echo from-runner; sleep 0.3; echo done-here' },
    });
    expect(res.statusCode, res.body).toBe(202);
    const { id } = ExecutionCreatedSchema.parse(res.json());

    const stream = await nodeB.inject({ url: `/api/v1/executions/${id}/events`, headers: user.headers });
    const events = parseEventStream(stream.body);
    // Output printed after the watcher subscribed arrives live, through the runner's pub/sub channel.
    const live = events.flatMap((e) => (e.type === 'output' ? [e.data] : [])).join('');
    expect(live).toContain('done-here');
    const last = events.at(-1);
    expect(last?.type).toBe('done');
    if (last?.type !== 'done') return;
    expect(last.execution).toMatchObject({ id, status: 'completed', verdict: 'accepted' });
    expect(last.execution.stdout).toBe('from-runner\ndone-here\n');

    const stored = ExecutionSchema.parse(
      (await nodeA.inject({ url: `/api/v1/executions/${id}`, headers: user.headers })).json(),
    );
    expect(stored).toMatchObject({ status: 'completed', stdout: 'from-runner\ndone-here\n' });
    expect(stored.startedAt).not.toBeNull();
  });
});

describe('execution results stream', () => {
  const prefix = `isel-test-${randomBytes(4).toString('hex')}:`;
  let database: TestDatabase;
  const connections: Redis[] = [];
  const connect = () => {
    const redis = new Redis(redisUrl);
    connections.push(redis);
    return redis;
  };

  beforeAll(async () => {
    database = await createTestDatabase();
  });

  afterAll(async () => {
    const cleaner = connect();
    const keys = await cleaner.keys(`${prefix}*`);
    if (keys.length > 0) await cleaner.del(...keys);
    for (const redis of connections) redis.disconnect();
    await database.close();
  });

  it('takes over results a dead server node read but never acknowledged', async () => {
    const repo = createExecutionsRepo(database.db);
    const userId = (await createUser(database.db, { withPassword: false })).id;
    const row = await repo.insert({ userId, mode: 'run', language: 'python', source: 'print(1)' });
    const recorder = createExecutionRecorder({
      repo,
      bus: createMemoryExecutionBus(),
      metrics: createExecutionMetrics(),
      logger: quiet,
      now: () => new Date(),
    });
    const key = resultsStreamKey(prefix);
    const redis = connect();
    // A consumer that creates the group, reads the runner's entries and dies before acknowledging them.
    await redis.xgroup('CREATE', key, 'servers', '0', 'MKSTREAM');
    const result = { ...internalErrorResult(''), verdict: 'accepted' as const, detail: null, stdout: 'claimed\n' };
    await redis.xadd(key, '*', 'message', JSON.stringify({ kind: 'started', id: row.id, attempt: 1 }));
    await redis.xadd(key, '*', 'message', JSON.stringify({ kind: 'finished', id: row.id, result }));
    const read = await redis.xreadgroup('GROUP', 'servers', 'dead-node', 'COUNT', 10, 'STREAMS', key, '>');
    expect(read).not.toBeNull();

    const consumer = createResultsConsumer({
      redis: connect(),
      prefix,
      sink: recorder,
      logger: quiet,
      claimIdleMs: 100,
      blockMs: 50,
    });
    await consumer.start();
    try {
      const stored = await eventually(async () => {
        const found = await repo.findById(row.id);
        expect(found?.row.status).toBe('completed');
        return found?.row;
      });
      expect(stored).toMatchObject({ verdict: 'accepted', stdout: 'claimed\n', attempt: 1 });
      await eventually(async () => {
        const pending = (await redis.xpending(key, 'servers')) as [number, ...unknown[]];
        expect(pending[0]).toBe(0);
      });
    } finally {
      await consumer.stop();
    }
  });
});
