import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testRedisUrl, type TestDatabase } from '../../../test/test-db.js';
import { createAuthRepo } from './auth.repo.js';
import {
  createPgLoginThrottle,
  createRedisLoginThrottle,
  lockDurationMs,
  type LoginThrottle,
} from './login-throttle.js';

let database: TestDatabase;
let redis: Redis | undefined;

beforeAll(async () => {
  database = await createTestDatabase();
  const url = testRedisUrl();
  if (url) redis = new Redis(url);
});
afterAll(async () => {
  redis?.disconnect();
  await database.close();
});

const adapters: [string, () => LoginThrottle][] = [
  ['postgres table', () => createPgLoginThrottle(createAuthRepo(database.db))],
];
if (testRedisUrl()) adapters.push(['redis', () => createRedisLoginThrottle(redis!, `isel:test:${randomUUID()}:`)]);

describe('lockDurationMs', () => {
  it('is free for five failures, then doubles from 2 s up to 15 minutes', () => {
    expect([1, 5, 6, 7, 8].map((n) => lockDurationMs(n))).toEqual([0, 0, 2000, 4000, 8000]);
    expect(lockDurationMs(40)).toBe(15 * 60_000);
  });
});

describe.each(adapters)('login throttle on %s', (_name, make) => {
  it('locks an account key after the free failures and clears on success', async () => {
    const throttle = make();
    const now = new Date();
    const key = `account:${randomUUID()}@example.com`;
    for (let i = 0; i < 5; i++) await throttle.recordFailure([key], now);
    expect(await throttle.retryAfterMs([key], now)).toBe(0);
    await throttle.recordFailure([key], now);
    const wait = await throttle.retryAfterMs([key], now);
    expect(wait).toBeGreaterThan(1000);
    expect(wait).toBeLessThanOrEqual(2000);
    await throttle.clear(key);
    expect(await throttle.retryAfterMs([key], now)).toBe(0);
  });

  it('gives IP keys twenty free failures', async () => {
    const throttle = make();
    const now = new Date();
    const key = `ip:10.0.0.${Math.floor(Math.random() * 250)}-${randomUUID()}`;
    for (let i = 0; i < 20; i++) await throttle.recordFailure([key], now);
    expect(await throttle.retryAfterMs([key], now)).toBe(0);
    await throttle.recordFailure([key], now);
    expect(await throttle.retryAfterMs([key], now)).toBeGreaterThan(0);
  });
});
