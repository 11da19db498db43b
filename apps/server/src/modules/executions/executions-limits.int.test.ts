import { ProblemSchema } from '@interviewselect/contracts';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestEngine } from '../../../test/create-test-app.js';
import { createOrgWithMembers, signedInUser, testRedisDeps, type SignedIn } from '../../../test/sign-in.js';
import { createTestDatabase, type TestDatabase } from '../../../test/test-db.js';
import { createPgQueue } from '../../platform/queue/pg-queue.js';
import type { ExecutionEngine } from './execution-engine.js';

const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };
const RUN = { language: 'python', source: 'print(1)' };

/**
 * Each case gets its own database and an app whose queue is never started:
 * executions stay pending, so counts are exact. On the PostgreSQL backend the
 * rate limits count in Redis (testRedisDeps), on PGlite in the database.
 */
describe('execution limits', () => {
  let engine: ExecutionEngine;
  const redis = testRedisDeps();
  const open: { app: FastifyInstance; database: TestDatabase }[] = [];

  beforeAll(async () => {
    engine = await createTestEngine(1);
  });

  afterAll(async () => {
    for (const { app, database } of open) {
      await app.close();
      await database.close();
    }
    await engine.close();
    redis.close();
  });

  async function appWith(env: Record<string, string>) {
    const database = await createTestDatabase();
    const queue = createPgQueue({ db: database.db, logger: quiet });
    const app = await createTestApp(database, env, { engine, queue, ...redis.deps });
    open.push({ app, database });
    return { app, database };
  }

  const post = (app: FastifyInstance, who: SignedIn) =>
    app.inject({ method: 'POST', url: '/api/v1/executions', headers: who.headers, payload: RUN });

  it('limits runs per user per minute with 429 and Retry-After', async () => {
    const { app, database } = await appWith({ RUNNER_RATE_PER_MINUTE: '2' });
    const user = await signedInUser(app, database.db);
    const other = await signedInUser(app, database.db);
    expect((await post(app, user)).statusCode).toBe(202);
    expect((await post(app, user)).statusCode).toBe(202);
    const refused = await post(app, user);
    expect(refused.statusCode).toBe(429);
    const retryAfter = Number(refused.headers['retry-after']);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(ProblemSchema.parse(refused.json())).toMatchObject({
      code: 'execution.rate_limited',
      detail: `You have started too many runs in the last minute; retry in ${retryAfter} s.`,
    });
    // Another user is not affected.
    expect((await post(app, other)).statusCode).toBe(202);
  });

  it('limits runs per organisation per minute', async () => {
    const { app, database } = await appWith({ RUNNER_ORG_RATE_PER_MINUTE: '2' });
    const first = await signedInUser(app, database.db);
    const second = await signedInUser(app, database.db);
    const org = await createOrgWithMembers(database.db, { [first.user.id]: 'owner', [second.user.id]: 'interviewer' });
    for (const who of [first, second]) {
      const switched = await app.inject({ method: 'POST', url: `/api/v1/orgs/${org.id}/switch`, headers: who.headers });
      expect(switched.statusCode, switched.body).toBeLessThan(300);
    }
    expect((await post(app, first)).statusCode).toBe(202);
    expect((await post(app, second)).statusCode).toBe(202);
    const refused = await post(app, first);
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['retry-after']).toBeDefined();
    expect(ProblemSchema.parse(refused.json()).detail).toMatch(/^Your organisation has started too many runs/);
  });

  it('answers 503 "busy, retry in N s" above the maximum queue depth', async () => {
    const { app, database } = await appWith({ RUNNER_MAX_QUEUE: '2' });
    const user = await signedInUser(app, database.db);
    expect((await post(app, user)).statusCode).toBe(202);
    expect((await post(app, user)).statusCode).toBe(202);
    const refused = await post(app, user);
    expect(refused.statusCode).toBe(503);
    const retryAfter = Number(refused.headers['retry-after']);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(ProblemSchema.parse(refused.json())).toMatchObject({
      code: 'execution.busy',
      detail: `The code runner is busy; retry in ${retryAfter} s.`,
    });
  });
});
