import { InterviewSchema, SessionStateSchema } from '@interviewselect/contracts';
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { Redis } from 'ioredis';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, csrfHeaders } from '../../../test/create-test-app.js';
import { createTestDatabase, testRedisUrl, type TestDatabase } from '../../../test/test-db.js';
import { queryRows } from '../../platform/db.js';
import { createOrgsRepo } from '../orgs/orgs.repo.js';
import { createInterview } from '../../../test/interviews.js';
import { createOrgWithMembers, signedInUser } from '../../../test/sign-in.js';
import { hashPassword } from '../users/password.js';
import { createUsersRepo } from '../users/users.repo.js';

const PASSWORD = 'privacy matters a great deal';

describe('download my data / delete my account', () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let redis: Redis | undefined;

  beforeAll(async () => {
    database = await createTestDatabase();
    // On the PostgreSQL backend with the Redis session cache: erasure must evict cached sessions too.
    const redisUrl = testRedisUrl();
    redis = redisUrl ? new Redis(redisUrl) : undefined;
    app = await createTestApp(database, {}, redis ? { redis, redisPrefix: `isel:test:${randomUUID()}:` } : {});
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    redis?.disconnect();
    await database.close();
  });

  async function userWithSession(email: string) {
    const user = await createUsersRepo(database.db).insert({
      email,
      name: 'Pat Private',
      passwordHash: await hashPassword(PASSWORD),
      emailVerifiedAt: new Date(),
    });
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      headers: csrfHeaders(),
      payload: { email, password: PASSWORD },
    });
    const session = res.cookies.find((c) => c.name === 'isel_session');
    return { user, cookie: `${csrfHeaders().cookie}; isel_session=${session?.value}` };
  }

  it('exports the account as JSON without secrets', async () => {
    const { user, cookie } = await userWithSession('pat@example.com');
    const res = await app.inject({ method: 'GET', url: '/api/v1/me/export', headers: { cookie } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain('attachment');
    const body = res.json<{
      profile: { email: string; id: string };
      sessions: unknown[];
      activity: { action: string }[];
    }>();
    expect(body.profile).toMatchObject({ email: 'pat@example.com', id: user.id });
    expect(body.sessions).toHaveLength(1);
    expect(body.activity.map((a) => a.action)).toContain('auth.sign_in');
    expect(res.body).not.toMatch(/argon2|token_hash|tokenHash|passwordHash/);
  });

  it('refuses export to anonymous callers', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/v1/me/export' })).statusCode).toBe(401);
  });

  it('erases personal data, ends sessions, keeps the row anonymised, and audits it', async () => {
    const { user, cookie } = await userWithSession('erase-me@example.com');
    // Read the session once so that a session cache holds it before the erasure.
    const before = await app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: { cookie } });
    expect(SessionStateSchema.parse(before.json()).user?.id).toBe(user.id);
    const wrong = await app.inject({
      method: 'POST',
      url: '/api/v1/me/delete',
      headers: { ...csrfHeaders(), cookie },
      payload: { password: 'not the password' },
    });
    expect(wrong.statusCode).toBe(401);

    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/me/delete',
      headers: { ...csrfHeaders(), cookie },
      payload: { password: PASSWORD },
    });
    expect(res.statusCode).toBe(204);
    const [row] = await queryRows<{ email: string; name: string; password_hash: string | null }>(
      database.db,
      sql`select email, name, password_hash from users where id = ${user.id}`,
    );
    expect(row).toEqual({ email: `erased-${user.id}@erased.invalid`, name: 'Deleted user', password_hash: null });
    const state = await app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: { cookie } });
    expect(SessionStateSchema.parse(state.json()).user).toBeNull();
    const audit = await queryRows<{ action: string }>(
      database.db,
      sql`select action from audit_events where target_id = ${user.id}`,
    );
    expect(audit.map((a) => a.action)).toContain('privacy.erased');
  });

  it('refuses to erase the sole owner of an organisation', async () => {
    const { user, cookie } = await userWithSession('owner@example.com');
    const orgs = createOrgsRepo(database.db);
    const org = await orgs.insert({ name: 'Solo Ltd', slug: 'solo-ltd' });
    await orgs.addMember({ orgId: org.id, userId: user.id, role: 'owner' });
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/me/delete',
      headers: { ...csrfHeaders(), cookie },
      payload: { password: PASSWORD },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json<{ detail: string }>().detail).toMatch(/only owner of 1 organisation/);
  });

  it('a candidate’s interviews are in the export, and erasure removes their name and address from them', async () => {
    const { user, cookie } = await userWithSession('candidate-erase@example.com');
    const interviewer = await signedInUser(app, database.db, { name: 'Ines Interviewer' });
    const org = await createOrgWithMembers(database.db, { [interviewer.user.id]: 'owner' }, 'Erasure Inc');
    const interview = await createInterview(app, interviewer, org.id, {
      title: 'Erasure interview',
      candidate: { name: 'Pat Private', email: user.email },
    });
    const exported = await app.inject({ method: 'GET', url: '/api/v1/me/export', headers: { cookie } });
    expect(exported.statusCode, exported.body).toBe(200);
    expect(exported.json<{ interviews: { interviewId: string; role: string }[] }>().interviews).toEqual([
      expect.objectContaining({ interviewId: interview.id, role: 'candidate', displayName: 'Pat Private' }),
    ]);
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/me/delete',
      headers: { ...csrfHeaders(), cookie },
      payload: { password: PASSWORD },
    });
    expect(res.statusCode).toBe(204);
    const after = await app.inject({
      method: 'GET',
      url: `/api/v1/interviews/${interview.id}`,
      headers: interviewer.headers,
    });
    const seen = InterviewSchema.parse(after.json());
    expect(seen.candidate.name).toBe('Deleted user');
    expect(after.body).not.toContain('Pat Private');
    expect(after.body).not.toContain(user.email);
  });
});
