import { randomBytes, randomUUID } from 'node:crypto';
import type { OrgRole } from '@interviewselect/contracts';
import type { FastifyInstance } from 'fastify';
import { Redis } from 'ioredis';
import { expect } from 'vitest';
import { createSessionsRepo } from '../src/modules/auth/sessions.repo.js';
import { hashSecretToken, newSecretToken } from '../src/modules/auth/secret-token.js';
import { createOrgsRepo } from '../src/modules/orgs/orgs.repo.js';
import type { OrgRow } from '../src/modules/orgs/orgs.tables.js';
import { hashPassword } from '../src/modules/users/password.js';
import { createUsersRepo } from '../src/modules/users/users.repo.js';
import type { UserRow } from '../src/modules/users/users.tables.js';
import type { Db } from '../src/platform/db.js';
import { csrfHeaders } from './create-test-app.js';
import { testRedisUrl } from './test-db.js';

/** The one password every test account gets; long and unusual enough for the password policy. */
export const TEST_PASSWORD = 'correct horse battery staple 42';

const CSRF = 'test-csrf-token-0123456789abcdef';

/** A signed-in test user: its row and the headers (session + CSRF) to send with every request. */
export interface SignedIn {
  user: UserRow;
  headers: Record<string, string>;
}

/** Headers carrying a session cookie and the double-submit CSRF pair. */
export function sessionHeaders(sessionToken: string): Record<string, string> {
  return { cookie: `isel_csrf=${CSRF}; isel_session=${sessionToken}`, 'x-csrf-token': CSRF };
}

/** A unique, plausible e-mail address for this test run. */
export function uniqueEmail(label = 'user'): string {
  return `${label}-${randomBytes(5).toString('hex')}@example.test`;
}

/** Inserts a verified, active user with TEST_PASSWORD (or none, for speed, when `withPassword` is false). */
export async function createUser(
  db: Db,
  opts: { email?: string; name?: string; platformRole?: 'user' | 'admin'; withPassword?: boolean } = {},
): Promise<UserRow> {
  const email = opts.email ?? uniqueEmail();
  return createUsersRepo(db).insert({
    email,
    name: opts.name ?? email.split('@')[0] ?? 'Test user',
    passwordHash: opts.withPassword === false ? null : await hashPassword(TEST_PASSWORD),
    emailVerifiedAt: new Date(),
    platformRole: opts.platformRole ?? 'user',
  });
}

/** Signs in through POST /api/v1/auth/sign-in and returns the headers for later requests. */
export async function signIn(app: FastifyInstance, email: string, password = TEST_PASSWORD) {
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/sign-in',
    headers: csrfHeaders(CSRF),
    payload: { email, password },
  });
  expect(res.statusCode, res.body).toBe(200);
  const session = res.cookies.find((c) => c.name === 'isel_session');
  if (!session) throw new Error('sign-in set no isel_session cookie');
  return sessionHeaders(session.value);
}

/** Creates a user and signs them in over HTTP. */
export async function signedInUser(
  app: FastifyInstance,
  db: Db,
  opts: Parameters<typeof createUser>[1] = {},
): Promise<SignedIn> {
  const user = await createUser(db, opts);
  return { user, headers: await signIn(app, user.email) };
}

/**
 * A session written straight into the sessions table, skipping the argon2
 * round of sign-in: for tests that need many sessions (the policy matrix).
 */
export async function mintSession(db: Db, userId: string): Promise<Record<string, string>> {
  const token = newSecretToken();
  await createSessionsRepo(db).insert({
    tokenHash: hashSecretToken(token),
    userId,
    expiresAt: new Date(Date.now() + 3600_000),
  });
  return sessionHeaders(token);
}

/** An org created straight in the database (no audit event), with `members` as userId → role. */
export async function createOrgWithMembers(
  db: Db,
  members: Record<string, OrgRole>,
  name = `Org ${randomBytes(3).toString('hex')}`,
): Promise<OrgRow> {
  const repo = createOrgsRepo(db);
  const org = await repo.insert({ name, slug: `org-${randomBytes(6).toString('hex')}` });
  for (const [userId, role] of Object.entries(members)) await repo.addMember({ orgId: org.id, userId, role });
  return org;
}

/**
 * On the PostgreSQL backend, a Redis connection under a private key prefix for
 * createTestApp's extra deps, so the session cache (and its eviction) is in play.
 */
export function testRedisDeps(): { deps: { redis?: Redis; redisPrefix?: string }; close(): void } {
  const url = testRedisUrl();
  if (!url) return { deps: {}, close: () => undefined };
  const redis = new Redis(url);
  return { deps: { redis, redisPrefix: `isel:test:${randomUUID()}:` }, close: () => redis.disconnect() };
}
